import { inScope, ledgerWriters, requireRole } from '../../auth/scope';
import type { EvidenceRef } from '../../db/database';
import { withTransaction } from '../../db/transaction';
import { todayInChina } from '../../lib/clock';
import { yearOf } from '../../lib/dates';
import { toDecimal2 } from '../../lib/decimal';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { closedCycles } from '../cycles/cycle-gates';
import { activeKinds, kindChoices, kindProblem, resolveKind } from '../ledger/ledger.model';
import { existingRecordKeys, insertLedgerRows, listRecordKinds, recordKey, type NewLedgerRow } from '../ledger/ledger.repository';
import { findOrgsByCodes } from '../orgs/orgs.repository';
import { importRefused, mapColumns, RowReader, type ColumnDef } from './sheet-reader';
import type { Spreadsheet, TemplateSpec } from './spreadsheet';

const columns = [
  { key: 'orgCode', header: '组织编码', aliases: ['组织代码'], required: true },
  { key: 'kind', header: '记录类型', aliases: ['类型'], required: true },
  { key: 'date', header: '日期', aliases: ['活动日期'], required: true },
  { key: 'title', header: '标题', aliases: ['主题', '活动名称'], required: true },
  { key: 'participants', header: '参加人数', aliases: ['人数'] },
  { key: 'hours', header: '时长（小时）', aliases: ['时长(小时)', '时长', '小时数'] },
  { key: 'evidence', header: '佐证材料', aliases: ['佐证'] },
] as const satisfies readonly ColumnDef[];

type Key = (typeof columns)[number]['key'];
const headers = Object.fromEntries(columns.map((c) => [c.key, c.header])) as Record<Key, string>;

export async function ledgerTemplateSpec(ctx: Ctx): Promise<TemplateSpec> {
  const kinds = await listRecordKinds(ctx.db);
  const hoursRequired = activeKinds(kinds).filter((k) => k.unit === 'hours').map((k) => k.name).join('、');
  const notes: Record<Key, [string, string]> = {
    orgCode: ['填报组织的编码（见组织列表）', 'XC-01-01-03'],
    kind: [`可选：${kindChoices(kinds)}`, '主题党日'],
    date: ['活动日期，格式 2025-06-18；必须在“台账填报中”的考核年度内，且不晚于今天', '2025-06-18'],
    title: ['活动标题，200 字以内', '6 月主题党日：重温入党誓词'],
    participants: ['参加人数，整数，可不填', '23'],
    hours: [`时长，最多两位小数${hoursRequired ? `；${hoursRequired}必填` : ''}`, '2.5'],
    evidence: ['佐证材料，多个用分号隔开；可写“名称|地址”', '签到表|files/2025/0618.jpg'],
  };
  return {
    title: '台账导入',
    sheetName: '台账',
    columns: columns.map((c) => ({
      header: c.header,
      width: c.key === 'title' ? 36 : c.key === 'evidence' ? 30 : 16,
      note: notes[c.key][0],
      example: notes[c.key][1],
      choices: c.key === 'kind' ? activeKinds(kinds).map((k) => k.name) : undefined,
    })),
  };
}

/** '签到表|files/a.jpg；照片|files/b.jpg' → evidence references. */
function parseEvidence(text: string | null): EvidenceRef[] {
  if (!text) return [];
  return text
    .split(/[;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [name, ref] = s.includes('|') ? s.split('|', 2).map((p) => p.trim()) : [s.split('/').pop()!, s];
      return { name: name || ref!, ref: ref || name! };
    });
}

/**
 * Imports ledger records from an .xlsx or .csv: every row is checked (organization in the caller's
 * subtree, known kind, date in an open cycle, duplicates) before anything is written; one bad row and
 * nothing is written, and the error lists every bad row with its column.
 */
export async function importLedger({
  ctx,
  spreadsheet,
  file,
}: {
  ctx: Ctx;
  spreadsheet: Spreadsheet;
  file: { name: string; bytes: Uint8Array };
}): Promise<{ imported: number; firstId: number | null; lastId: number | null }> {
  requireRole(ctx, ledgerWriters);
  const sheet = await spreadsheet.read(file.bytes, file.name);
  const index = mapColumns(sheet, columns);
  const r = new RowReader(headers);

  type Parsed = { row: number; orgCode: string; kind: string; date: string; title: string; participants: number | null; hours: string | null; evidence: EvidenceRef[] };
  const parsed: Parsed[] = [];
  for (const row of sheet.rows) {
    const before = r.errors.length;
    const orgCode = r.text(row, 'orgCode', index.orgCode, { required: true, max: 40 });
    const kind = r.text(row, 'kind', index.kind, { required: true });
    const date = r.date(row, 'date', index.date, { required: true });
    const title = r.text(row, 'title', index.title, { required: true, max: 200 });
    const participants = r.int(row, 'participants', index.participants, { min: 0, max: 100_000 });
    const hoursCell = r.raw(row, index.hours);
    let hours: string | null = null;
    if (hoursCell !== null && String(hoursCell).trim() !== '') {
      hours = toDecimal2(typeof hoursCell === 'number' ? hoursCell : String(hoursCell));
      if (hours === null) r.add(row, 'hours', hoursCell, '应为 0 到 9999.99 之间、最多两位小数的数');
    }
    const evidence = parseEvidence(r.text(row, 'evidence', index.evidence, { max: 2000 }));
    if (r.errors.length === before) {
      parsed.push({ row: row.rowNumber, orgCode: orgCode!, kind: kind!, date: date!, title: title!, participants, hours, evidence });
    }
  }

  return withTransaction(ctx, async (tx) => {
    const orgs = new Map((await findOrgsByCodes(tx.db, parsed.map((p) => p.orgCode))).map((o) => [o.code, o]));
    const kinds = await listRecordKinds(tx.db);
    const closed = await closedCycles(tx, parsed.map((p) => yearOf(p.date)), 'ledger');
    const today = todayInChina(tx.clock);
    const existing = await existingRecordKeys(
      tx.db,
      [...orgs.values()].filter((o) => inScope(ctx.actor, o.path)).map((o) => o.id),
      parsed.map((p) => p.date),
    );
    const inFile = new Map<string, number>();
    const rows: NewLedgerRow[] = [];

    for (const p of parsed) {
      const org = orgs.get(p.orgCode);
      const kind = resolveKind(kinds, p.kind);
      // An organization outside the caller's subtree is reported exactly like a missing one, and nothing
      // else about it (its name, its dates, its records) is checked or revealed.
      const visible = org !== undefined && inScope(ctx.actor, org.path);
      if (!visible) r.add(p.row, 'orgCode', p.orgCode, '组织编码不存在或不在您的管辖范围内');
      const problem = kindProblem(kind, p.kind, kinds);
      if (problem) r.add(p.row, 'kind', p.kind, problem);
      if (p.date > today) r.add(p.row, 'date', p.date, `晚于今天（${today}）`);
      const cycleProblem = closed.get(yearOf(p.date));
      if (cycleProblem) r.add(p.row, 'date', p.date, cycleProblem);
      if (visible && (p.date < org.active_from || (org.active_to !== null && p.date > org.active_to))) {
        r.add(p.row, 'date', p.date, `「${org.name}」在该日期不处于存续期（${org.active_from} 至 ${org.active_to ?? '今'}）`);
      }
      if (kind?.unit === 'hours' && p.hours === null) r.add(p.row, 'hours', null, `「${kind.name}」需要填写时长`);
      if (!visible || !kind || problem) continue;
      const key = recordKey(org.id, kind.code, p.date, p.title);
      if (existing.has(key)) r.add(p.row, 'title', p.title, '系统中已有同一组织、同一类型、同一日期、同一标题的记录');
      else if (inFile.has(key)) r.add(p.row, 'title', p.title, `与第 ${inFile.get(key)} 行重复`);
      else inFile.set(key, p.row);
      rows.push({
        org_id: org.id,
        cycle_year: yearOf(p.date),
        kind: kind.code,
        occurred_on: p.date,
        title: p.title,
        participants: p.participants ?? 0,
        hours: p.hours,
        evidence: p.evidence,
        source: 'import',
        created_by: ctx.actor.id,
      });
    }
    if (r.errors.length > 0) throw importRefused(r.errors, sheet.rows.length);

    const ids = await insertLedgerRows(tx.db, rows);
    await recordAudit(
      tx,
      rows.map((row, i) => ({
        action: 'ledger.import',
        entity: 'ledger_record',
        entityId: ids[i]!,
        orgId: row.org_id,
        after: { ...row, file: file.name },
      })),
    );
    return { imported: ids.length, firstId: ids[0] ?? null, lastId: ids.at(-1) ?? null };
  });
}
