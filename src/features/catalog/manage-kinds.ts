import { readers, requireRole } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import { kindMeasureLabel, kindPeriodLabel } from '../../domain/catalog';
import { AppError, forbidden, notFound } from '../../errors/app-error';
import type { Catalog, CatalogKind } from '../../rules/catalog';
import { recordAudit } from '../audit/record-audit';
import { listCategoryRows, toCatalogCategory } from './categories.repository';
import type { Ctx } from '../context';
import { countRoots } from '../orgs/orgs.repository';
import {
  countRecordsOfKind,
  findKindRow,
  insertKindRow,
  kindsNamed,
  listKindRows,
  lockKindCatalog,
  retireKindRow,
  updateKindRow,
  type KindPatch,
  type KindRow,
} from './catalog.repository';
import { CreateKindInput, UpdateKindInput, type CatalogKindItem } from './catalog.schemas';

/**
 * The catalog is shared by the whole database (rule sets of every year refer to it): like the cycles, only the
 * command line or the administrator of the one top-level organization edits it.
 */
export async function requireCatalogEditor(ctx: Ctx): Promise<void> {
  requireRole(ctx, ['admin']);
  if (ctx.actor.orgPath === '/') return;
  if (ctx.actor.orgPath.split('/').length > 3) throw forbidden('只有顶级组织的管理员可以修改目录（台账记录类型、考核类别、双向评价表）');
  if ((await countRoots(ctx.db)).length > 1) throw forbidden('库中有多个顶级组织，目录只能用命令行修改');
}

function toItem(row: KindRow): CatalogKindItem {
  return {
    code: row.code,
    name: row.name,
    group: row.group_name,
    period: row.period,
    periodLabel: row.period ? kindPeriodLabel[row.period] : '不定期',
    measure: row.measure,
    measureLabel: kindMeasureLabel[row.measure],
    requiresHours: row.unit === 'hours',
    retired: row.retired_at !== null,
    retiredAt: row.retired_at ? row.retired_at.toISOString() : null,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}

/** A row as the rules see it (rules/catalog.json, validation of rule sets against the database). */
function toCatalogKind(row: KindRow): CatalogKind {
  return {
    code: row.code,
    name: row.name,
    group: row.group_name,
    period: row.period,
    measure: row.measure,
    requiresHours: row.unit === 'hours',
    ...(row.retired_at ? { retired: true as const } : {}),
  };
}

/** The database's catalog, retired kinds included: what `rules publish`, previews and scoring check rule sets against. */
export async function databaseCatalog(ctx: Pick<Ctx, 'db'>): Promise<Catalog> {
  const [kinds, categories] = await Promise.all([listKindRows(ctx.db), listCategoryRows(ctx.db)]);
  return { kinds: kinds.map(toCatalogKind), categories: categories.map(toCatalogCategory) };
}

/** The catalog for `rules catalog` (exported to rules/catalog.json). */
export async function exportCatalog({ ctx }: { ctx: Ctx }): Promise<Catalog> {
  requireRole(ctx, readers);
  return databaseCatalog(ctx);
}

/** Every ledger kind, retired ones marked: the definitions forms render from. */
export async function listKinds({ ctx }: { ctx: Ctx }): Promise<{ items: CatalogKindItem[] }> {
  requireRole(ctx, readers);
  return { items: (await listKindRows(ctx.db)).map(toItem) };
}

/** A kind's code and name must be free as codes and as names: ledger forms and imports accept either. */
async function assertFree(ctx: Ctx, texts: { code?: string; name?: string }, except?: string): Promise<void> {
  const wanted = [texts.code, texts.name].filter((t): t is string => t !== undefined);
  for (const k of await kindsNamed(ctx.db, wanted)) {
    if (k.code === except) continue;
    const field = texts.code !== undefined && (k.code === texts.code || k.name === texts.code) ? 'code' : 'name';
    const text = field === 'code' ? texts.code : texts.name;
    throw new AppError('conflict', `${field}：「${text}」已被台账记录类型 ${k.code}（${k.name}）使用`, { field });
  }
}

/** Adds a ledger kind to the catalog; rule files may name it by its code from then on. */
export async function createKind({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<CatalogKindItem> {
  await requireCatalogEditor(ctx);
  const data = CreateKindInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    await lockKindCatalog(tx.db);
    await assertFree(tx, { code: data.code, name: data.name });
    const row = await insertKindRow(tx.db, {
      code: data.code,
      name: data.name,
      group_name: data.group,
      unit: data.requiresHours ? 'hours' : 'times',
      measure: data.measure,
      period: data.period,
      created_by: ctx.actor.id,
    });
    const item = toItem(row);
    await recordAudit(tx, { action: 'kind.create', entity: 'record_kind', entityId: row.code, orgId: ctx.actor.orgId, after: item });
    return item;
  });
}

/**
 * Changes a kind's name, group, period, measure or whether hours are required; never its code. Scores count
 * records by code, so no result changes; the audit row keeps the kind before and after.
 */
export async function updateKind({ ctx, code, input }: { ctx: Ctx; code: string; input: unknown }): Promise<CatalogKindItem> {
  await requireCatalogEditor(ctx);
  const data = UpdateKindInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    await lockKindCatalog(tx.db);
    const before = await findKindRow(tx.db, code, true);
    if (!before) throw notFound(`台账记录类型「${code}」`, 'code');
    if (data.name !== undefined && data.name !== before.name) await assertFree(tx, { name: data.name }, code);
    const patch: KindPatch = {
      name: data.name,
      group_name: data.group,
      period: data.period,
      measure: data.measure,
      unit: data.requiresHours === undefined ? undefined : data.requiresHours ? 'hours' : 'times',
    };
    const row = await updateKindRow(tx.db, code, patch);
    const item = toItem(row);
    await recordAudit(tx, { action: 'kind.update', entity: 'record_kind', entityId: code, orgId: ctx.actor.orgId, before: toItem(before), after: item });
    return item;
  });
}

/**
 * Retires a kind: no new records of it (forms, API and imports refuse it); its records stay and are still counted,
 * and rule sets that name it stay valid. A kind is never deleted.
 */
export async function retireKind({ ctx, code }: { ctx: Ctx; code: string }): Promise<CatalogKindItem & { records: number }> {
  await requireCatalogEditor(ctx);
  return withTransaction(ctx, async (tx) => {
    const before = await findKindRow(tx.db, code, true);
    if (!before) throw notFound(`台账记录类型「${code}」`, 'code');
    if (before.retired_at) throw new AppError('conflict', `code：台账记录类型「${before.name}」已于 ${before.retired_at.toISOString().slice(0, 10)} 停用`, { field: 'code' });
    const item = toItem(await retireKindRow(tx.db, code, tx.clock.now()));
    const records = await countRecordsOfKind(tx.db, code);
    await recordAudit(tx, { action: 'kind.retire', entity: 'record_kind', entityId: code, orgId: ctx.actor.orgId, before: toItem(before), after: { ...item, records } });
    return { ...item, records };
  });
}
