import { hashCode } from '../../auth/codes';
import { inScope, requireRole } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import { reviewAnswers, reviewStateLabel } from '../../domain/catalog';
import { AppError, notFound } from '../../errors/app-error';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { closedCycles } from '../cycles/cycle-gates';
import { importRefused, mapColumns, RowReader, type ColumnDef } from '../imports/sheet-reader';
import type { Spreadsheet } from '../imports/spreadsheet';
import { findOrgsByCodes } from '../orgs/orgs.repository';
import { findSession, findTakenCodeHashes, insertPendingSheets, insertUsedRaters, listSubjects } from './reviews.repository';

/**
 * Imports the paper sheets of an open review session (collected at the meeting) from .xlsx or .csv: one row
 * per sheet and organization — 票号, 评议群体, 组织编码 and one column per item (its label). Every row is
 * checked, every sheet must cover every organization of the session once, and a sheet number imported
 * before is refused; one bad row and nothing is written. Each sheet becomes a used rater of its group (its
 * hash derived from the session and sheet number, so the same sheet cannot be counted twice), and its
 * votes carry only the group, as votes cast online do.
 */
export async function importPaperSheets({ ctx, id, spreadsheet, file }: { ctx: Ctx; id: number; spreadsheet: Spreadsheet; file: { name: string; bytes: Uint8Array } }) {
  requireRole(ctx, ['admin']);
  const sheet = await spreadsheet.read(file.bytes, file.name);
  return withTransaction(ctx, async (tx) => {
    const s = await findSession(tx.db, id, 'share');
    if (!s || !inScope(ctx.actor, s.org_path)) throw notFound('评议', 'id');
    if (s.state !== 'open') throw new AppError('conflict', `评议${reviewStateLabel[s.state]}，只有评议中才能导入纸质评议表`, { field: 'id' });
    const cycleProblem = (await closedCycles(tx, [s.cycle_year], 'vote')).get(s.cycle_year);
    if (cycleProblem) throw new AppError('cycle_closed', cycleProblem, { field: 'id', year: s.cycle_year });

    const defs: ColumnDef[] = [
      { key: 'sheet', header: '票号', aliases: ['评议表编号'], required: true },
      { key: 'group', header: '评议群体', aliases: ['群体'], required: true },
      { key: 'orgCode', header: '组织编码', aliases: ['被评议组织编码'], required: true },
      ...s.items.map((i) => ({ key: `item.${i.key}`, header: i.label, aliases: [i.key], required: true })),
    ];
    const index = mapColumns(sheet, defs) as Record<string, number | undefined>;
    const r = new RowReader(Object.fromEntries(defs.map((d) => [d.key, d.header])));
    const subjects = await listSubjects(tx.db, s.id);
    const orgs = new Map((await findOrgsByCodes(tx.db, sheet.rows.map((row) => String(r.raw(row, index.orgCode) ?? '').trim()))).map((o) => [o.code, o]));
    const subjectIds = new Set(subjects.map((x) => x.org_id));
    const groupOf = (text: string) => s.rater_groups.find((g) => g.label === text || g.key === text);

    type Sheet = { firstRow: number; group: string; votes: Map<number, Record<string, string>> };
    const sheets = new Map<string, Sheet>();
    for (const row of sheet.rows) {
      const no = r.text(row, 'sheet', index.sheet, { required: true, max: 40 });
      const groupText = r.text(row, 'group', index.group, { required: true });
      const code = r.text(row, 'orgCode', index.orgCode, { required: true, max: 40 });
      const group = groupText ? groupOf(groupText) : undefined;
      if (groupText && !group) r.add(row, 'group', groupText, `没有这个评议群体，可选：${s.rater_groups.map((g) => g.label).join('、')}`);
      const org = code ? orgs.get(code) : undefined;
      if (code && (!org || !subjectIds.has(org.id))) r.add(row, 'orgCode', code, '不是本次评议的被评议组织');
      const answers: Record<string, string> = {};
      for (const item of s.items) {
        const a = r.text(row, `item.${item.key}`, index[`item.${item.key}`], { required: true });
        if (a && !(reviewAnswers as readonly string[]).includes(a)) r.add(row, `item.${item.key}`, a, `应为 ${reviewAnswers.join('、')} 之一`);
        else if (a) answers[item.key] = a;
      }
      if (!no || !group || !org || !subjectIds.has(org.id)) continue;
      const sh = sheets.get(no) ?? { firstRow: row.rowNumber, group: group.key, votes: new Map() };
      sheets.set(no, sh);
      if (sh.group !== group.key) r.add(row, 'group', groupText, `与第 ${sh.firstRow} 行同一票号的评议群体不同`);
      if (sh.votes.has(org.id)) r.add(row, 'orgCode', code, `票号 ${no} 已评议过该组织`);
      sh.votes.set(org.id, answers);
    }
    for (const [no, sh] of sheets) {
      const missing = s.partial_sheets ? [] : subjects.filter((x) => !sh.votes.has(x.org_id));
      if (missing.length > 0) r.add(sh.firstRow, 'sheet', no, `票号 ${no} 没有评议：${missing.map((m) => m.org_name).join('、')}`);
    }
    const hashes = new Map<string, string>();
    for (const no of sheets.keys()) hashes.set(no, await hashCode(`paper/${s.id}/${no}`));
    const taken = await findTakenCodeHashes(tx.db, [...hashes.values()]);
    for (const [no, sh] of sheets) if (taken.has(hashes.get(no)!)) r.add(sh.firstRow, 'sheet', no, `票号 ${no} 已经导入过`);
    if (r.errors.length > 0) throw importRefused(r.errors, sheet.rows.length);

    const now = tx.clock.now();
    await insertUsedRaters(tx.db, [...sheets].map(([no, sh]) => ({ session_id: s.id, group_key: sh.group, code_hash: hashes.get(no)!, used_at: now })));
    const pending = [...sheets.values()].map((sh) => [...sh.votes].map(([orgId, answers]) => ({ subject_org_id: orgId, group_key: sh.group, answers })));
    await insertPendingSheets(tx.db, s.id, pending);
    const votes = pending.flat();
    const perGroup = Object.fromEntries(s.rater_groups.map((g) => [g.key, [...sheets.values()].filter((sh) => sh.group === g.key).length]));
    await recordAudit(tx, { action: 'review.import', entity: 'review_session', entityId: s.id, orgId: s.org_id, after: { file: file.name, sheets: sheets.size, perGroup } });
    return { imported: sheets.size, votes: votes.length };
  });
}
