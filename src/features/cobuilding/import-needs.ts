import { inScope } from '../../auth/scope';
import type { Database } from '../../db/database';
import { orgKindLabel } from '../../domain/catalog';
import type { Ctx } from '../context';
import { closedCycles } from '../cycles/cycle-gates';
import { mapColumns, RowReader, type ColumnDef } from '../imports/sheet-reader';
import type { Sheet, Spreadsheet, TemplateSpec } from '../imports/spreadsheet';
import type { OrgRow } from '../orgs/orgs.model';
import { choice, codeOf, importList } from './list-import';
import { insertNeedRow } from './lists.repository';
import { listKindLabel, needSourceLabel, urgencyLabel } from './lists.schemas';

const columns = [
  { key: 'title', header: '需求名称', aliases: ['需求', '名称'], required: true },
  { key: 'description', header: '具体内容', aliases: ['内容', '需求内容'], required: true },
  { key: 'orgCode', header: '收集单位编码', aliases: ['组织编码', '社区编码', '网格编码'], required: true },
  { key: 'kind', header: '类型', aliases: ['需求类型'] },
  { key: 'source', header: '来源', aliases: ['需求来源'], required: true },
  { key: 'urgency', header: '紧急程度', aliases: ['是否急难愁盼'] },
  { key: 'residents', header: '涉及居民人数', aliases: ['涉及居民', '人数'] },
  { key: 'raisedOn', header: '收集日期', aliases: ['日期'], required: true },
] as const satisfies readonly ColumnDef[];

type Key = (typeof columns)[number]['key'];
const headers = Object.fromEntries(columns.map((c) => [c.key, c.header])) as Record<Key, string>;
type NeedRow = Omit<Database['cb_needs'], 'id' | 'created_at' | 'met_on' | 'state'>;

const kinds = codeOf(listKindLabel);
const sources = codeOf(needSourceLabel);
const urgencies = codeOf(urgencyLabel);

export function needsTemplateSpec(): TemplateSpec {
  const notes: Record<Key, [string, string]> = {
    title: ['2 至 100 个字', '老旧小区加装扶手'],
    description: ['需求的具体情况，2 至 2000 个字', '3 号楼高龄居民上下楼困难'],
    orgCode: ['收集需求的社区或网格党组织的编码（见组织管理）', 'XC-01-01'],
    kind: ['场地、人才、资金、物资、服务、其他；不填为服务', '服务'],
    source: ['走访、议事会、网格上报、群众点单', '走访'],
    urgency: ['一般 或 急难愁盼；不填为一般', '急难愁盼'],
    residents: ['整数，可不填', '48'],
    raisedOn: ['不能晚于今天，所在年度须处于可登记状态', '2026-03-15'],
  };
  const choices: Partial<Record<Key, string[]>> = { kind: [...kinds.keys()], source: [...sources.keys()], urgency: [...urgencies.keys()] };
  return {
    title: '需求清单导入',
    sheetName: '需求清单',
    columns: columns.map((c) => ({ header: c.header, width: c.key === 'description' ? 36 : 16, note: notes[c.key][0], example: notes[c.key][1], choices: choices[c.key] })),
  };
}

type Parsed = { row: number; ok: boolean; orgCode: string | null; date: string | null; need: Omit<NeedRow, 'org_id' | 'created_by'> };

function parseRows(sheet: Sheet, r: RowReader, today: string): Parsed[] {
  const index = mapColumns(sheet, columns);
  return sheet.rows.map((row) => {
    const before = r.errors.length;
    const title = r.text(row, 'title', index.title, { required: true, max: 100 });
    const description = r.text(row, 'description', index.description, { required: true, max: 2000 });
    for (const [key, v] of [['title', title], ['description', description]] as const) if (v !== null && v.length < 2) r.add(row, key, v, '至少 2 个字');
    const orgCode = r.text(row, 'orgCode', index.orgCode, { required: true, max: 40 });
    const kind = choice(r, row, 'kind', index.kind, kinds, 'service');
    const source = choice(r, row, 'source', index.source, sources, null);
    const urgency = choice(r, row, 'urgency', index.urgency, urgencies, 'normal');
    const residents = r.int(row, 'residents', index.residents, { min: 0, max: 1_000_000 });
    const date = r.date(row, 'raisedOn', index.raisedOn, { required: true });
    if (date !== null && date > today) r.add(row, 'raisedOn', date, `晚于今天（${today}）`);
    const need = { kind: kind!, title: title ?? '', description: description ?? '', residents, urgency: urgency!, source: source ?? 'visit', raised_on: date ?? today };
    return { row: row.rowNumber, ok: r.errors.length === before, orgCode, date, need };
  });
}

/** Each row's organization: a community or grid of the caller's subtree; each date's cycle open to co-building events. */
async function checkRows(ctx: Ctx, r: RowReader, parsed: Parsed[], orgs: Map<string, OrgRow>): Promise<NeedRow[]> {
  const closed = await closedCycles(ctx, parsed.flatMap((p) => (p.date ? [Number(p.date.slice(0, 4))] : [])), 'cobuilding');
  const rows: NeedRow[] = [];
  for (const p of parsed) {
    const org = p.orgCode === null ? undefined : orgs.get(p.orgCode);
    if (p.orgCode !== null && (!org || !inScope(ctx.actor, org.path))) r.add(p.row, 'orgCode', p.orgCode, '不是本辖区的组织编码');
    else if (org && org.kind !== 'community' && org.kind !== 'grid') r.add(p.row, 'orgCode', p.orgCode, `需求由社区或网格收集，「${org.name}」是${orgKindLabel[org.kind]}`);
    const problem = p.date ? closed.get(Number(p.date.slice(0, 4))) : undefined;
    if (problem) r.add(p.row, 'raisedOn', p.date, problem);
    if (org && p.ok && !problem) rows.push({ ...p.need, org_id: org.id, created_by: ctx.actor.id });
  }
  return rows;
}

/** 需求清单 from a sheet (importList): each row's organization a community or grid of the caller's subtree. */
export async function importNeeds({ ctx, spreadsheet, file }: { ctx: Ctx; spreadsheet: Spreadsheet; file: { name: string; bytes: Uint8Array } }): Promise<{ imported: number }> {
  return importList(ctx, spreadsheet, file, {
    noun: 'need',
    headers,
    parse: parseRows,
    codes: (parsed) => parsed.flatMap((p) => (p.orgCode ? [p.orgCode] : [])),
    check: checkRows,
    insert: async (tx, row) => ({ id: await insertNeedRow(tx.db, row), orgId: row.org_id, after: { ...row, state: 'open' } }),
  });
}
