import { readers, requireRole } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import { AppError, invalidField, notFound } from '../../errors/app-error';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import {
  categoriesNamed,
  countOrgsByCategory,
  findCategoryRow,
  insertCategoryRow,
  listCategoryRows,
  lockCategoryCatalog,
  updateCategoryRow,
  type CategoryRow,
} from './categories.repository';
import { CreateCategoryInput, UpdateCategoryInput, type CatalogCategoryItem } from './catalog.schemas';
import { requireCatalogEditor } from './manage-kinds';

/**
 * Assessment categories (考核类别) of the catalog: an admin of the top organization adds one (a code rule sets
 * name, a Chinese name everyone reads), renames it, or retires it; a code is never changed or deleted, since
 * organizations, pins, scores and grades refer to it.
 */

function toItem(row: CategoryRow, orgCount: number): CatalogCategoryItem {
  return {
    code: row.code,
    label: row.label,
    orgCount,
    retired: row.retired_at !== null,
    retiredAt: row.retired_at ? row.retired_at.toISOString() : null,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}

export async function listCategories({ ctx }: { ctx: Ctx }): Promise<{ items: CatalogCategoryItem[] }> {
  requireRole(ctx, readers);
  const [rows, counts] = await Promise.all([listCategoryRows(ctx.db), countOrgsByCategory(ctx.db)]);
  return { items: rows.map((r) => toItem(r, counts.get(r.code) ?? 0)) };
}

/** A category's code and name must be free as codes and as names: imports accept either. */
async function assertFree(ctx: Ctx, texts: { code?: string; label?: string }, except?: string): Promise<void> {
  const wanted = [texts.code, texts.label].filter((t): t is string => t !== undefined);
  for (const c of await categoriesNamed(ctx.db, wanted)) {
    if (c.code === except) continue;
    const field = texts.code !== undefined && (c.code === texts.code || c.label === texts.code) ? 'code' : 'label';
    const text = field === 'code' ? texts.code : texts.label;
    throw new AppError('conflict', `${field}：「${text}」已被考核类别 ${c.code}（${c.label}）使用`, { field });
  }
}

/** Adds a category; organizations may take it and rule sets may name it from then on. */
export async function createCategory({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<CatalogCategoryItem> {
  await requireCatalogEditor(ctx);
  const data = CreateCategoryInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    await lockCategoryCatalog(tx.db);
    await assertFree(tx, { code: data.code, label: data.label });
    const item = toItem(await insertCategoryRow(tx.db, { code: data.code, label: data.label, created_by: ctx.actor.id }), 0);
    await recordAudit(tx, { action: 'category.create', entity: 'category', entityId: item.code, orgId: ctx.actor.orgId, after: item });
    return item;
  });
}

/** Renames a category; results are kept by code, so no score or grade changes. */
export async function updateCategory({ ctx, code, input }: { ctx: Ctx; code: string; input: unknown }): Promise<CatalogCategoryItem> {
  await requireCatalogEditor(ctx);
  const data = UpdateCategoryInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    await lockCategoryCatalog(tx.db);
    const before = await findCategoryRow(tx.db, code, true);
    if (!before) throw notFound(`考核类别「${code}」`, 'code');
    await assertFree(tx, { label: data.label }, code);
    const count = (await countOrgsByCategory(tx.db)).get(code) ?? 0;
    const item = toItem(await updateCategoryRow(tx.db, code, { label: data.label }), count);
    await recordAudit(tx, { action: 'category.update', entity: 'category', entityId: code, orgId: ctx.actor.orgId, before: toItem(before, count), after: item });
    return item;
  });
}

/** Retires a category: no organization may take it any more; those in it, its pins and its results stay. */
export async function retireCategory({ ctx, code }: { ctx: Ctx; code: string }): Promise<CatalogCategoryItem> {
  await requireCatalogEditor(ctx);
  return withTransaction(ctx, async (tx) => {
    const before = await findCategoryRow(tx.db, code, true);
    if (!before) throw notFound(`考核类别「${code}」`, 'code');
    if (before.retired_at) throw new AppError('conflict', `code：考核类别「${before.label}」已于 ${before.retired_at.toISOString().slice(0, 10)} 停用`, { field: 'code' });
    const count = (await countOrgsByCategory(tx.db)).get(code) ?? 0;
    const item = toItem(await updateCategoryRow(tx.db, code, { retired_at: tx.clock.now() }), count);
    await recordAudit(tx, { action: 'category.retire', entity: 'category', entityId: code, orgId: ctx.actor.orgId, before: toItem(before, count), after: item });
    return item;
  });
}

/**
 * An organization may take a category of the catalog that is not retired; keeping the one it already has is
 * always allowed (`current`). Refused at the field with the categories there are.
 */
export async function assertCategoryOpen(ctx: Pick<Ctx, 'db'>, code: string | null | undefined, field: string, current?: string | null): Promise<void> {
  if (code === null || code === undefined || code === current) return;
  const row = await findCategoryRow(ctx.db, code);
  if (row && row.retired_at === null) return;
  const live = (await listCategoryRows(ctx.db)).filter((c) => c.retired_at === null).map((c) => `${c.code}（${c.label}）`);
  throw invalidField(field, row ? `考核类别「${row.label}」已停用，组织不能再归入` : `未知的考核类别「${code}」，可选：${live.join('、')}`);
}
