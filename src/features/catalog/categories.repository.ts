import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database';
import type { CatalogCategory } from '../../rules/catalog';

const categoryColumns = ['code', 'label', 'sort', 'created_by', 'created_at', 'retired_at'] as const;

export type CategoryRow = Awaited<ReturnType<typeof listCategoryRows>>[number];

/** Every assessment category, retired ones too, in the catalog's order. */
export async function listCategoryRows(db: Kysely<Database>) {
  return db.selectFrom('categories').select(categoryColumns).orderBy('sort').orderBy('code').execute();
}

/** A category by its code; `lock` holds the row until the transaction ends. */
export async function findCategoryRow(db: Kysely<Database>, code: string, lock?: boolean) {
  return db
    .selectFrom('categories')
    .select(categoryColumns)
    .where('code', '=', code)
    .$if(!!lock, (q) => q.forUpdate())
    .executeTakeFirst();
}

/** Categories whose code or name is one of these texts (imports accept either, so both must stay free). */
export async function categoriesNamed(db: Kysely<Database>, texts: readonly string[]) {
  return db
    .selectFrom('categories')
    .select(categoryColumns)
    .where((eb) => eb.or([eb('code', 'in', [...texts]), eb('label', 'in', [...texts])]))
    .execute();
}

/** An arbitrary constant naming the category catalog's advisory lock (two admins adding one name at once). */
const CATEGORY_LOCK = 7_411_003;

export async function lockCategoryCatalog(db: Kysely<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${CATEGORY_LOCK})`.execute(db);
}

/** Adds a category after the last one. */
export async function insertCategoryRow(db: Kysely<Database>, row: { code: string; label: string; created_by: string }) {
  return db
    .insertInto('categories')
    .values({ ...row, sort: sql<number>`(select coalesce(max(sort), 0) + 1 from categories)` })
    .returning(categoryColumns)
    .executeTakeFirstOrThrow();
}

export async function updateCategoryRow(db: Kysely<Database>, code: string, patch: { label?: string; retired_at?: Date }) {
  return db.updateTable('categories').set(patch).where('code', '=', code).returning(categoryColumns).executeTakeFirstOrThrow();
}

/** How many organizations (open ones) each category holds: a retired category keeps them. */
export async function countOrgsByCategory(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('organizations')
    .select(['category', (eb) => eb.fn.countAll<number>().as('n')])
    .where('category', 'is not', null)
    .where('active_to', 'is', null)
    .groupBy('category')
    .execute();
  return new Map(rows.map((r) => [r.category!, Number(r.n)]));
}

/** The categories as responses name and order them: `name` gives the Chinese name, `order` the catalog's place. */
export type CategoryNames = { name: (code: string) => string; order: (code: string) => number; codes: readonly string[] };

/** Reads the catalog's categories once for a response that names several (one small query). */
export async function categoryNames(db: Kysely<Database>): Promise<CategoryNames> {
  const rows = await db.selectFrom('categories').select(['code', 'label']).orderBy('sort').orderBy('code').execute();
  const names = new Map(rows.map((r) => [r.code, r.label]));
  const codes = rows.map((r) => r.code);
  return { name: (code) => names.get(code) ?? code, order: (code) => codes.indexOf(code) + 1 || codes.length + 1, codes };
}

/** A row as the rules see it (rules/catalog.json, validation of rule sets). */
export function toCatalogCategory(row: CategoryRow): CatalogCategory {
  return { code: row.code, label: row.label, ...(row.retired_at ? { retired: true as const } : {}) };
}
