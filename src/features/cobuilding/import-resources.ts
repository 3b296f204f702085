import { inScope, rootOf } from '../../auth/scope';
import type { Database } from '../../db/database';
import { coBuildingUnitKinds, orgKindLabel } from '../../domain/catalog';
import type { Ctx } from '../context';
import { closedCycles } from '../cycles/cycle-gates';
import { mapColumns, RowReader, type ColumnDef } from '../imports/sheet-reader';
import type { Sheet, Spreadsheet, TemplateSpec } from '../imports/spreadsheet';
import type { OrgRow } from '../orgs/orgs.model';
import { choice, codeOf, importList } from './list-import';
import { agreementExists, insertResourceRow } from './lists.repository';
import { listKindLabel } from './lists.schemas';

const columns = [
  { key: 'title', header: '资源名称', aliases: ['资源', '名称'], required: true },
  { key: 'description', header: '具体内容', aliases: ['内容', '资源内容'], required: true },
  { key: 'orgCode', header: '提供单位编码', aliases: ['组织编码', '单位编码'], required: true },
  { key: 'toCode', header: '面向组织编码', aliases: ['面向社区编码', '社区编码', '街道编码'], required: true },
  { key: 'kind', header: '类型', aliases: ['资源类型'], required: true },
  { key: 'capacity', header: '规模或数量', aliases: ['规模', '数量'] },
  { key: 'contact', header: '联系方式', aliases: ['联系人'] },
  { key: 'offeredOn', header: '提供日期', aliases: ['日期'], required: true },
  { key: 'availableTo', header: '提供至', aliases: ['有效期至', '截止日期'] },
] as const satisfies readonly ColumnDef[];

type Key = (typeof columns)[number]['key'];
const headers = Object.fromEntries(columns.map((c) => [c.key, c.header])) as Record<Key, string>;
type ResourceRow = Omit<Database['cb_resources'], 'id' | 'created_at' | 'withdrawn_on'>;
const kinds = codeOf(listKindLabel);

export function resourcesTemplateSpec(): TemplateSpec {
  const notes: Record<Key, [string, string]> = {
    title: ['2 至 100 个字', '单位会议室周末开放'],
    description: ['资源的具体情况，2 至 2000 个字', '周末向社区开放会议室，用于居民议事和党员活动'],
    orgCode: ['提供资源的驻区单位、非公企业、社会组织或社区的编码（见组织管理）', 'XC-U-001'],
    toCode: ['面向的社区（须与提供单位签有共建协议）或街道的编码', 'XC-01-01'],
    kind: ['场地、人才、资金、物资、服务、其他', '场地'],
    capacity: ['如“可容纳 60 人”“每月 8 小时”，可不填', '可容纳 60 人'],
    contact: ['可不填', '办公室 王主任'],
    offeredOn: ['不能晚于今天，所在年度须处于可登记状态', '2026-03-01'],
    availableTo: ['不早于提供日期；不填为长期', '2026-12-31'],
  };
  return {
    title: '资源清单导入',
    sheetName: '资源清单',
    columns: columns.map((c) => ({ header: c.header, width: c.key === 'description' ? 36 : 16, note: notes[c.key][0], example: notes[c.key][1], choices: c.key === 'kind' ? [...kinds.keys()] : undefined })),
  };
}

type Parsed = { row: number; ok: boolean; orgCode: string | null; toCode: string | null; date: string | null; resource: Omit<ResourceRow, 'org_id' | 'offered_to_id' | 'created_by'> };

function parseRows(sheet: Sheet, r: RowReader, today: string): Parsed[] {
  const index = mapColumns(sheet, columns);
  return sheet.rows.map((row) => {
    const before = r.errors.length;
    const title = r.text(row, 'title', index.title, { required: true, max: 100 });
    const description = r.text(row, 'description', index.description, { required: true, max: 2000 });
    for (const [key, v] of [['title', title], ['description', description]] as const) if (v !== null && v.length < 2) r.add(row, key, v, '至少 2 个字');
    const orgCode = r.text(row, 'orgCode', index.orgCode, { required: true, max: 40 });
    const toCode = r.text(row, 'toCode', index.toCode, { required: true, max: 40 });
    const kind = choice(r, row, 'kind', index.kind, kinds, null);
    const capacity = r.text(row, 'capacity', index.capacity, { max: 200 });
    const contact = r.text(row, 'contact', index.contact, { max: 100 });
    const date = r.date(row, 'offeredOn', index.offeredOn, { required: true });
    const until = r.date(row, 'availableTo', index.availableTo, {});
    if (date !== null && date > today) r.add(row, 'offeredOn', date, `晚于今天（${today}）`);
    if (date !== null && until !== null && until < date) r.add(row, 'availableTo', until, `不能早于提供日期 ${date}`);
    const resource = { kind: kind ?? 'other', title: title ?? '', description: description ?? '', capacity, contact, offered_on: date ?? today, available_to: until };
    return { row: row.rowNumber, ok: r.errors.length === before, orgCode, toCode, date, resource };
  });
}

/** Why an organization may not offer a resource to another, or null: as 登记资源 checks it (an agreement, or a street). */
async function offerProblem(ctx: Ctx, org: OrgRow, to: OrgRow | undefined): Promise<{ field: 'orgCode' | 'toCode'; message: string } | null> {
  if (!inScope(ctx.actor, org.path)) return { field: 'orgCode', message: '不是本辖区的组织编码' };
  if (org.kind !== 'community' && !coBuildingUnitKinds.includes(org.kind)) return { field: 'orgCode', message: `资源由驻区单位、非公企业、社会组织或社区提供，「${org.name}」是${orgKindLabel[org.kind]}` };
  if (!to || rootOf(to.path) !== rootOf(org.path)) return { field: 'toCode', message: '没有这个组织编码' };
  const allowed = to.kind === 'street' || (to.kind === 'community' && (to.id === org.id || (await agreementExists(ctx.db, to.id, org.id))));
  return allowed ? null : { field: 'toCode', message: `「${org.name}」与「${to.name}」没有共建协议：资源只能面向签有共建协议的社区或街道` };
}

async function checkRows(ctx: Ctx, r: RowReader, parsed: Parsed[], orgs: Map<string, OrgRow>): Promise<ResourceRow[]> {
  const closed = await closedCycles(ctx, parsed.flatMap((p) => (p.date ? [Number(p.date.slice(0, 4))] : [])), 'cobuilding');
  const rows: ResourceRow[] = [];
  for (const p of parsed) {
    const org = p.orgCode === null ? undefined : orgs.get(p.orgCode);
    const to = p.toCode === null ? undefined : orgs.get(p.toCode);
    const problem = org ? await offerProblem(ctx, org, to) : p.orgCode === null ? null : { field: 'orgCode' as const, message: '不是本辖区的组织编码' };
    if (problem) r.add(p.row, problem.field, problem.field === 'orgCode' ? p.orgCode : p.toCode, problem.message);
    const shut = p.date ? closed.get(Number(p.date.slice(0, 4))) : undefined;
    if (shut) r.add(p.row, 'offeredOn', p.date, shut);
    if (org && to && p.ok && !problem && !shut) rows.push({ ...p.resource, org_id: org.id, offered_to_id: to.id, created_by: ctx.actor.id });
  }
  return rows;
}

/** 资源清单 from a sheet (importList): both organizations and their agreement checked as 登记资源 checks them. */
export async function importResources({ ctx, spreadsheet, file }: { ctx: Ctx; spreadsheet: Spreadsheet; file: { name: string; bytes: Uint8Array } }): Promise<{ imported: number }> {
  return importList(ctx, spreadsheet, file, {
    noun: 'resource',
    headers,
    parse: parseRows,
    codes: (parsed) => parsed.flatMap((p) => [p.orgCode, p.toCode].filter((c): c is string => c !== null)),
    check: checkRows,
    insert: async (tx, row) => ({ id: await insertResourceRow(tx.db, row), orgId: row.org_id, after: row }),
  });
}
