import { type Kysely, sql } from 'kysely';
import type { Database, RuleSetDraftTable } from '../../db/database';

/** What a draft stores of its last validation: what the text compiles to (or nulls), and its issues. */
export type DraftCompiled = Pick<RuleSetDraftTable, 'rule_set_id' | 'title' | 'version' | 'hash'> & {
  categories: string[];
  issues: { path: string; message: string; line: number | null; severity: 'error' | 'warning' }[];
};

const summaryColumns = [
  'd.id',
  'd.rule_set_id',
  'd.title',
  'd.version',
  'd.categories',
  'd.hash',
  'd.based_on',
  'd.origin',
  'd.file',
  'd.updated_at',
  'd.updated_by',
  'd.published_year',
  'd.published_at',
  sql<number>`(select count(*) from jsonb_array_elements(d.issues) i where i->>'severity' = 'error')::int`.as('error_count'),
] as const;

/** Every draft, the most recently changed first, with the display name of whoever changed it last. */
export async function draftRows(db: Kysely<Database>) {
  return db
    .selectFrom('rule_set_drafts as d')
    .leftJoin('users as u', (j) => j.on(sql<boolean>`'user:' || u.id = d.updated_by`))
    .select([...summaryColumns, 'u.display_name as updated_by_name'])
    .orderBy('d.updated_at', 'desc')
    .orderBy('d.id', 'desc')
    .execute();
}

/** One draft with its text and issues (locked for update inside a write). */
export async function draftRow(db: Kysely<Database>, id: number, lock?: 'update') {
  let q = db
    .selectFrom('rule_set_drafts as d')
    .leftJoin('users as u', (j) => j.on(sql<boolean>`'user:' || u.id = d.updated_by`))
    .select([...summaryColumns, 'd.source', 'd.issues', 'u.display_name as updated_by_name'])
    .where('d.id', '=', id);
  if (lock) q = q.forUpdate('d');
  return q.executeTakeFirst();
}
export type DraftRow = NonNullable<Awaited<ReturnType<typeof draftRow>>>;

export async function insertDraft(
  db: Kysely<Database>,
  row: DraftCompiled & { source: string; based_on: string | null; origin: 'file' | 'console' | 'cli'; file: string | null; by: string; at: Date },
): Promise<number> {
  const { by, at, categories, issues, ...rest } = row;
  const r = await db
    .insertInto('rule_set_drafts')
    .values({ ...rest, categories: JSON.stringify(categories), issues: JSON.stringify(issues), created_by: by, created_at: at, updated_by: by, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateDraft(db: Kysely<Database>, id: number, row: DraftCompiled & { source: string; by: string; at: Date }): Promise<void> {
  const { by, at, categories, issues, ...rest } = row;
  await db
    .updateTable('rule_set_drafts')
    .set({ ...rest, categories: JSON.stringify(categories), issues: JSON.stringify(issues), updated_by: by, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function markDraftPublished(db: Kysely<Database>, id: number, published: { year: number; hash: string; at: Date }): Promise<void> {
  await db.updateTable('rule_set_drafts').set({ published_year: published.year, published_hash: published.hash, published_at: published.at }).where('id', '=', id).execute();
}

export async function removeDraft(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('rule_set_drafts').where('id', '=', id).execute();
}

/** The text of the most recent draft that compiles to a hash (the wording an editor wrote), if any. */
export async function draftSourceOfHash(db: Kysely<Database>, hash: string): Promise<string | null> {
  const r = await db.selectFrom('rule_set_drafts').select('source').where('hash', '=', hash).orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return r?.source ?? null;
}

/** Whether some draft compiles to this hash. */
export async function draftHashExists(db: Kysely<Database>, hash: string): Promise<boolean> {
  return (await db.selectFrom('rule_set_drafts').select('id').where('hash', '=', hash).limit(1).executeTakeFirst()) !== undefined;
}

/** Whether a version with this hash is stored (published, pinned or seeded). */
export async function versionExists(db: Kysely<Database>, hash: string): Promise<boolean> {
  return (await db.selectFrom('rule_sets').select('hash').where('hash', '=', hash).executeTakeFirst()) !== undefined;
}

/** The categories some stored version covers. */
export async function storedCategories(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('rule_sets').select('categories').execute();
  return new Set(rows.flatMap((r) => r.categories));
}

/**
 * The version in force for every category a stored version covers: the version pinned to the latest cycle that pins
 * the category, else the most recently stored version covering it.
 */
export async function inForceRows(db: Kysely<Database>) {
  const pinned = await db
    .selectFrom('cycle_rule_sets as p')
    .innerJoin('rule_sets as r', 'r.hash', 'p.rule_set_hash')
    .select(['p.category', 'p.cycle_year', 'r.hash', 'r.id', 'r.version', 'r.body', 'r.categories'])
    .orderBy('p.cycle_year', 'desc')
    .execute();
  const stored = await db.selectFrom('rule_sets').select(['hash', 'id', 'version', 'body', 'categories', 'created_at']).orderBy('created_at', 'desc').orderBy('hash').execute();
  return { pinned, stored };
}

/** Whether some draft holds exactly this text (a file whose content does not compile is imported once). */
export async function draftSourceExists(db: Kysely<Database>, source: string): Promise<boolean> {
  return (await db.selectFrom('rule_set_drafts').select('id').where('source', '=', source).limit(1).executeTakeFirst()) !== undefined;
}

/** The drafts that compile to a hash, the latest first (ids only). */
export async function draftIdsOfHash(db: Kysely<Database>, hash: string): Promise<number[]> {
  return (await db.selectFrom('rule_set_drafts').select('id').where('hash', '=', hash).orderBy('id', 'desc').execute()).map((r) => r.id);
}
