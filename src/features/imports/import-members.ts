import { inScope, requireRole } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { memberWriters } from '../members/member-access';
import { memberRefProblem, sameNameProblem } from '../members/member-refs';
import { existingMemberNames, insertMemberRows, type NewMemberRow } from '../members/members.repository';
import type { OrgRow } from '../orgs/orgs.model';
import { findOrgsByCodes } from '../orgs/orgs.repository';
import { importRefused, mapColumns, RowReader, type ColumnDef } from './sheet-reader';
import type { Sheet, Spreadsheet, TemplateSpec } from './spreadsheet';

const columns = [
  { key: 'name', header: '姓名', aliases: ['党员姓名'], required: true },
  { key: 'orgCode', header: '所属组织编码', aliases: ['组织编码'], required: true },
  { key: 'employer', header: '工作单位', aliases: ['单位'] },
  { key: 'residenceCode', header: '居住社区编码', aliases: ['社区编码'] },
  { key: 'inService', header: '是否在职党员', aliases: ['在职党员', '是否在职'] },
] as const satisfies readonly ColumnDef[];

type Key = (typeof columns)[number]['key'];
const headers = Object.fromEntries(columns.map((c) => [c.key, c.header])) as Record<Key, string>;
const yes = ['是', 'Y', 'y', '1', 'true', '在职'];
const no = ['否', 'N', 'n', '0', 'false', '不在职'];

export function memberTemplateSpec(): TemplateSpec {
  const notes: Record<Key, [string, string]> = {
    name: ['党员姓名，40 字以内', '李春燕'],
    orgCode: ['党员组织关系所在组织的编码（见组织管理）', 'XC-01-01-03'],
    employer: ['工作单位名称，可不填', '区人民医院'],
    residenceCode: ['在职党员到居住社区报到时，填该社区党组织的编码；可不填', 'XC-01-01'],
    inService: ['是 或 否；不填为否', '是'],
  };
  return {
    title: '党员导入',
    sheetName: '党员',
    columns: columns.map((c) => ({
      header: c.header,
      width: c.key === 'employer' ? 28 : 16,
      note: notes[c.key][0],
      example: notes[c.key][1],
      choices: c.key === 'inService' ? ['是', '否'] : undefined,
    })),
  };
}

type Parsed = { row: number; ok: boolean; name: string | null; orgCode: string | null; employer: string | null; residenceCode: string | null; inService: boolean };

function parseRows(sheet: Sheet, r: RowReader): Parsed[] {
  const index = mapColumns(sheet, columns);
  const parsed: Parsed[] = [];
  for (const row of sheet.rows) {
    const before = r.errors.length;
    const name = r.text(row, 'name', index.name, { required: true, max: 40 });
    const orgCode = r.text(row, 'orgCode', index.orgCode, { required: true, max: 40 });
    const employer = r.text(row, 'employer', index.employer, { max: 100 });
    const residenceCode = r.text(row, 'residenceCode', index.residenceCode, { max: 40 });
    const flag = r.text(row, 'inService', index.inService);
    if (flag !== null && !yes.includes(flag) && !no.includes(flag)) r.add(row, 'inService', flag, '应填“是”或“否”');
    // A row with a bad cell still has its organizations checked, so one pass reports every error of the sheet.
    const ok = r.errors.length === before;
    parsed.push({ row: row.rowNumber, ok, name, orgCode, employer, residenceCode, inService: flag !== null && yes.includes(flag) });
  }
  return parsed;
}

/** Checks each row's organizations (the checks the member form shares, member-refs.ts) and duplicates. */
function checkRows(ctx: Ctx, r: RowReader, parsed: Parsed[], orgs: Map<string, OrgRow>, existing: Set<string>): NewMemberRow[] {
  const inFile = new Map<string, number>();
  const rows: NewMemberRow[] = [];
  for (const p of parsed) {
    const org = p.orgCode === null ? undefined : orgs.get(p.orgCode);
    const orgProblem = p.orgCode === null ? null : memberRefProblem(ctx, 'org', org, 'code');
    if (orgProblem) r.add(p.row, 'orgCode', p.orgCode, orgProblem);
    const home = p.residenceCode === null ? undefined : orgs.get(p.residenceCode);
    const homeProblem = p.residenceCode === null ? null : memberRefProblem(ctx, 'residence', home, 'code');
    if (homeProblem) r.add(p.row, 'residenceCode', p.residenceCode, homeProblem);
    if (!org || orgProblem || !p.ok) continue;
    const key = `${org.id}|${p.name}`;
    if (existing.has(key)) r.add(p.row, 'name', p.name, sameNameProblem(org));
    else if (inFile.has(key)) r.add(p.row, 'name', p.name, `与第 ${inFile.get(key)} 行重复（同一组织、同一姓名）`);
    else inFile.set(key, p.row);
    rows.push({ name: p.name!, org_id: org.id, employer_name: p.employer, employer_org_id: null, residence_community_id: home?.id ?? null, in_service: p.inService });
  }
  return rows;
}

/**
 * Imports party members (党员) into organizations of the caller's subtree. Every row is checked before
 * anything is written; one bad row and nothing is written, and the error lists every bad row.
 */
export async function importMembers({
  ctx,
  spreadsheet,
  file,
}: {
  ctx: Ctx;
  spreadsheet: Spreadsheet;
  file: { name: string; bytes: Uint8Array };
}): Promise<{ imported: number }> {
  requireRole(ctx, memberWriters);
  const sheet = await spreadsheet.read(file.bytes, file.name);
  const r = new RowReader(headers);
  const parsed = parseRows(sheet, r);
  return withTransaction(ctx, async (tx) => {
    const codes = parsed.flatMap((p) => [p.orgCode, p.residenceCode].filter((c): c is string => c !== null));
    const orgs = new Map((await findOrgsByCodes(tx.db, codes)).map((o) => [o.code, o]));
    const existing = await existingMemberNames(tx.db, [...orgs.values()].filter((o) => inScope(ctx.actor, o.path)).map((o) => o.id));
    const rows = checkRows(ctx, r, parsed, orgs, existing);
    if (r.errors.length > 0) throw importRefused(r.errors, sheet.rows.length);
    const ids = await insertMemberRows(tx.db, rows);
    await recordAudit(
      tx,
      rows.map((row, i) => ({ action: 'member.import', entity: 'member', entityId: ids[i]!, orgId: row.org_id, after: { ...row, file: file.name } })),
    );
    return { imported: ids.length };
  });
}
