import { inScope, requireRole } from '../../auth/scope';
import type { OrgKind } from '../../db/database';
import { withTransaction } from '../../db/transaction';
import { allowedParentKinds, defaultCategory, orgKindLabel, orgKinds, type Category } from '../../domain/catalog';
import { todayInChina } from '../../lib/clock';
import { recordAudit } from '../audit/record-audit';
import { listCategoryRows } from '../catalog/categories.repository';
import type { Ctx } from '../context';
import { toOrg } from '../orgs/orgs.model';
import { findOrgsByCodes, insertOrgRows, lockOrgTree, type NewOrgRow } from '../orgs/orgs.repository';
import { importRefused, mapColumns, RowReader, type ColumnDef } from './sheet-reader';
import type { Spreadsheet, TemplateSpec } from './spreadsheet';

const columns = [
  { key: 'code', header: '组织编码', aliases: ['组织代码'], required: true },
  { key: 'name', header: '组织名称', aliases: ['名称'], required: true },
  { key: 'kind', header: '组织类型', aliases: ['类型'], required: true },
  { key: 'parentCode', header: '上级组织编码', aliases: ['上级编码'] },
  { key: 'category', header: '考核类别', aliases: ['类别'] },
  { key: 'secretary', header: '书记', aliases: ['书记姓名'] },
  { key: 'members', header: '党员人数', aliases: ['党员数'] },
  { key: 'activeFrom', header: '成立日期' },
  { key: 'activeTo', header: '撤销日期' },
] as const satisfies readonly ColumnDef[];

type Key = (typeof columns)[number]['key'];
const headers = Object.fromEntries(columns.map((c) => [c.key, c.header])) as Record<Key, string>;
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function resolveOrgKind(text: string): OrgKind | undefined {
  return orgKinds.find((k) => k === text || orgKindLabel[k] === text);
}

type LiveCategory = { code: string; label: string };

/** The categories an organization may take (the catalog's, retired ones left out). */
async function liveCategories(ctx: Ctx): Promise<LiveCategory[]> {
  return (await listCategoryRows(ctx.db)).filter((c) => c.retired_at === null);
}

function resolveCategory(text: string, cats: readonly LiveCategory[]): Category | undefined {
  return cats.find((c) => c.code === text || c.label === text)?.code;
}

export async function orgTemplateSpec(ctx: Ctx): Promise<TemplateSpec> {
  const cats = await liveCategories(ctx);
  const notes: Record<Key, [string, string]> = {
    code: ['唯一编码：字母、数字和 . _ -', 'XC-01-01'],
    name: ['组织全称', '金桥社区党委'],
    kind: [`可选：${orgKinds.map((k) => orgKindLabel[k]).join('、')}`, '社区党组织'],
    parentCode: ['上级组织的编码：系统中已有的，或本表中的其他行', 'XC-01'],
    category: [`可不填（按组织类型默认）；可选：${cats.map((c) => c.label).join('、')}`, '社区党组织'],
    secretary: ['书记姓名', '王建国'],
    members: ['党员人数，整数', '86'],
    activeFrom: ['成立日期，不填为今天', '2015-03-01'],
    activeTo: ['撤销日期，仍存续的不填', ''],
  };
  return {
    title: '组织导入',
    sheetName: '组织',
    columns: columns.map((c) => ({
      header: c.header,
      width: c.key === 'name' ? 30 : 16,
      note: notes[c.key][0],
      example: notes[c.key][1],
      choices: c.key === 'kind' ? orgKinds.map((k) => orgKindLabel[k]) : undefined,
    })),
  };
}

type Parsed = {
  row: number;
  code: string;
  name: string;
  kind: OrgKind;
  parentCode: string | null;
  category: Category | null;
  secretary: string | null;
  members: number;
  activeFrom: string;
  activeTo: string | null;
};

type Reference = { row: number; code: string; kind: OrgKind | undefined; parentCode: string | null };
type References = { inFile: Set<string>; kindOf: (code: string) => OrgKind | undefined; existing: Map<string, { path: string }> };

/** Checks one row's parent: present, in the caller's subtree, of a kind this row's kind may sit under. */
function checkParent(ctx: Ctx, r: RowReader, refs: References, p: Reference) {
  if (p.parentCode === null) {
    if (!p.kind) return;
    if (allowedParentKinds[p.kind].length > 0) r.add(p.row, 'parentCode', null, `${orgKindLabel[p.kind]}必须填写上级组织编码`);
    else if (ctx.actor.orgPath !== '/') r.add(p.row, 'parentCode', null, '只有命令行可以导入顶级组织');
    return;
  }
  const parentInDb = refs.existing.get(p.parentCode);
  const parentKind = refs.kindOf(p.parentCode);
  if (!refs.inFile.has(p.parentCode) && !parentInDb) {
    r.add(p.row, 'parentCode', p.parentCode, '上级组织编码既不在系统中，也不在本表中');
  } else if (parentInDb && !refs.inFile.has(p.parentCode) && !inScope(ctx.actor, parentInDb.path)) {
    r.add(p.row, 'parentCode', p.parentCode, '上级组织不在您的管辖范围内');
  } else if (p.kind && parentKind && !allowedParentKinds[p.kind].includes(parentKind)) {
    r.add(p.row, 'parentCode', p.parentCode, `${orgKindLabel[p.kind]}的上级不能是${orgKindLabel[parentKind]}`);
  }
}

/**
 * Imports organizations; parents may be existing organizations in the caller's subtree or other rows of
 * the same file, in any order. All rows are checked first; nothing is written if any row is wrong.
 */
export async function importOrgs({
  ctx,
  spreadsheet,
  file,
}: {
  ctx: Ctx;
  spreadsheet: Spreadsheet;
  file: { name: string; bytes: Uint8Array };
}): Promise<{ imported: number }> {
  requireRole(ctx, ['admin']);
  const sheet = await spreadsheet.read(file.bytes, file.name);
  const index = mapColumns(sheet, columns);
  const r = new RowReader(headers);
  const today = todayInChina(ctx.clock);
  const cats = await liveCategories(ctx);
  const parsed: Parsed[] = [];
  // Rows that failed a check of their own cells: their references are still checked below, so one pass over the file
  // reports every error; their codes go into badCodes, whose children are not reported again (fixing the parent is enough).
  const refOnly: Reference[] = [];
  const badCodes = new Set<string>();

  for (const row of sheet.rows) {
    const before = r.errors.length;
    const code = r.text(row, 'code', index.code, { required: true, max: 40 });
    if (code && !CODE.test(code)) r.add(row, 'code', code, '只能包含字母、数字和 . _ -');
    const name = r.text(row, 'name', index.name, { required: true, max: 100 });
    const kindText = r.text(row, 'kind', index.kind, { required: true });
    const kind = kindText ? resolveOrgKind(kindText) : undefined;
    if (kindText && !kind) r.add(row, 'kind', kindText, `未知的组织类型，可选：${orgKinds.map((k) => orgKindLabel[k]).join('、')}`);
    const parentCode = r.text(row, 'parentCode', index.parentCode, { max: 40 });
    const categoryText = r.text(row, 'category', index.category);
    const category = categoryText ? resolveCategory(categoryText, cats) : undefined;
    if (categoryText && !category) r.add(row, 'category', categoryText, `未知的考核类别，可选：${cats.map((c) => c.label).join('、')}`);
    const fallback = !categoryText && kind ? defaultCategory[kind] : null;
    if (fallback && !cats.some((c) => c.code === fallback)) r.add(row, 'category', '', `按组织类型默认的考核类别（${fallback}）已停用，请填写考核类别，可选：${cats.map((c) => c.label).join('、')}`);
    const secretary = r.text(row, 'secretary', index.secretary, { max: 40 });
    const members = r.int(row, 'members', index.members, { min: 0, max: 1_000_000 });
    const activeFrom = r.date(row, 'activeFrom', index.activeFrom) ?? today;
    const activeTo = r.date(row, 'activeTo', index.activeTo);
    if (activeTo && activeTo < activeFrom) r.add(row, 'activeTo', activeTo, `早于成立日期 ${activeFrom}`);
    if (r.errors.length > before) {
      if (code) badCodes.add(code);
      refOnly.push({ row: row.rowNumber, code: code ?? '', kind, parentCode });
    } else {
      parsed.push({
        row: row.rowNumber,
        code: code!,
        name: name!,
        kind: kind!,
        parentCode,
        category: category ?? defaultCategory[kind!],
        secretary,
        members: members ?? 0,
        activeFrom,
        activeTo,
      });
    }
  }

  return withTransaction(ctx, async (tx) => {
    await lockOrgTree(tx.db);
    const firstRow = new Map<string, number>();
    for (const p of parsed) {
      if (firstRow.has(p.code)) r.add(p.row, 'code', p.code, `与第 ${firstRow.get(p.code)} 行的编码重复`);
      else firstRow.set(p.code, p.row);
    }
    const byCode = new Map(parsed.map((p) => [p.code, p]));
    const referenced = [...new Set([...parsed.map((p) => p.code), ...[...parsed, ...refOnly].flatMap((p) => (p.parentCode ? [p.parentCode] : []))])];
    const existing = new Map((await findOrgsByCodes(tx.db, referenced)).map((o) => [o.code, o]));
    const inFile = new Set([...byCode.keys(), ...badCodes]);
    const refs = { inFile, kindOf: (code: string) => byCode.get(code)?.kind ?? existing.get(code)?.kind, existing };
    const whole = new Set<Reference>(parsed);
    for (const p of [...parsed, ...refOnly].sort((a, b) => a.row - b.row)) {
      if (whole.has(p) && existing.has(p.code)) r.add(p.row, 'code', p.code, '系统中已有该编码的组织');
      const before = r.errors.length;
      checkParent(ctx, r, refs, p);
      // A row whose parent is wrong is reported once, for that: not again as part of a "cycle" below.
      if (r.errors.length > before) badCodes.add(p.code);
    }

    // Insert level by level: a row goes in once its parent exists. Rows left over form a cycle.
    const ids = new Map([...existing.values()].map((o) => [o.code, o.id]));
    let pending = parsed.filter((p) => !existing.has(p.code) && !badCodes.has(p.code));
    const levels: Parsed[][] = [];
    const placed = new Set<string>();
    while (pending.length > 0) {
      const blocked = pending.filter((p) => p.parentCode !== null && badCodes.has(p.parentCode));
      blocked.forEach((p) => badCodes.add(p.code));
      pending = pending.filter((p) => !blocked.includes(p));
      if (pending.length === 0) break;
      const ready = pending.filter((p) => p.parentCode === null || existing.has(p.parentCode) || placed.has(p.parentCode));
      if (ready.length === 0) {
        for (const p of pending) r.add(p.row, 'parentCode', p.parentCode, '上级关系形成了循环');
        break;
      }
      ready.forEach((p) => placed.add(p.code));
      levels.push(ready);
      pending = pending.filter((p) => !placed.has(p.code));
    }
    if (r.errors.length > 0) throw importRefused(r.errors, sheet.rows.length);

    let imported = 0;
    for (const level of levels) {
      const rows: NewOrgRow[] = level.map((p) => ({
        code: p.code,
        name: p.name,
        kind: p.kind,
        category: p.category,
        parent_id: p.parentCode === null ? null : ids.get(p.parentCode)!,
        secretary_name: p.secretary,
        member_count: p.members,
        active_from: p.activeFrom,
        active_to: p.activeTo,
      }));
      const inserted = await insertOrgRows(tx.db, rows);
      inserted.forEach((o) => ids.set(o.code, o.id));
      await recordAudit(
        tx,
        inserted.map((o) => ({ action: 'org.import', entity: 'organization', entityId: o.id, orgId: o.id, after: { ...toOrg(o), file: file.name } })),
      );
      imported += inserted.length;
    }
    return { imported };
  });
}
