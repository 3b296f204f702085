import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database';

const kindColumns = ['code', 'name', 'group_name', 'unit', 'measure', 'period', 'sort', 'created_by', 'created_at', 'retired_at'] as const;

export type KindRow = Awaited<ReturnType<typeof listKindRows>>[number];

/** Every ledger kind, retired ones too, in the catalog's order. */
export async function listKindRows(db: Kysely<Database>) {
  return db.selectFrom('record_kinds').select(kindColumns).orderBy('sort').orderBy('code').execute();
}

/** A kind by its code; `lock` holds the row until the transaction ends (an edit or a retirement). */
export async function findKindRow(db: Kysely<Database>, code: string, lock?: boolean) {
  return db
    .selectFrom('record_kinds')
    .select(kindColumns)
    .where('code', '=', code)
    .$if(!!lock, (q) => q.forUpdate())
    .executeTakeFirst();
}

/** Kinds whose code or name is one of these texts (a new kind's code and name must be free of both). */
export async function kindsNamed(db: Kysely<Database>, texts: readonly string[]) {
  return db
    .selectFrom('record_kinds')
    .select(kindColumns)
    .where((eb) => eb.or([eb('code', 'in', [...texts]), eb('name', 'in', [...texts])]))
    .execute();
}

/** An arbitrary constant naming the kind catalog's advisory lock. */
const CATALOG_LOCK = 7_411_002;

/**
 * Serializes additions to the catalog (two admins adding the same code or name at once: the second sees the
 * first), without blocking ledger writes that only read the table.
 */
export async function lockKindCatalog(db: Kysely<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${CATALOG_LOCK})`.execute(db);
}

export type NewKindRow = { code: string; name: string; group_name: string; unit: 'times' | 'hours'; measure: 'outcome' | 'trace'; period: 'month' | 'quarter' | 'year' | null; created_by: string };

/** Adds a kind after the last one. */
export async function insertKindRow(db: Kysely<Database>, row: NewKindRow) {
  return db
    .insertInto('record_kinds')
    .values({ ...row, sort: sql<number>`(select coalesce(max(sort), 0) + 1 from record_kinds)` })
    .returning(kindColumns)
    .executeTakeFirstOrThrow();
}

export type KindPatch = Partial<Pick<NewKindRow, 'name' | 'group_name' | 'unit' | 'measure' | 'period'>>;

export async function updateKindRow(db: Kysely<Database>, code: string, patch: KindPatch) {
  return db.updateTable('record_kinds').set(patch).where('code', '=', code).returning(kindColumns).executeTakeFirstOrThrow();
}

export async function retireKindRow(db: Kysely<Database>, code: string, at: Date) {
  return db.updateTable('record_kinds').set({ retired_at: at }).where('code', '=', code).returning(kindColumns).executeTakeFirstOrThrow();
}

/** How many ledger records each kind has (retiring a kind in use keeps them; the answer says how many). */
export async function countRecordsOfKind(db: Kysely<Database>, code: string): Promise<number> {
  const row = await db
    .selectFrom('ledger_records')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', code)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
