import { type Kysely, sql } from 'kysely';
import type { CycleState, Database } from '../../db/database';

const cycleColumns = ['year', 'state', 'created_at', 'updated_at', 'published_on', 'appeal_deadline', 'finalized_at', 'final_revision_id'] as const;

/** The cycle row; `lock` takes a row lock so a state change and a write into the cycle cannot interleave. */
export async function findCycle(db: Kysely<Database>, year: number, lock?: 'share' | 'update') {
  return db
    .selectFrom('cycles')
    .select(cycleColumns)
    .where('year', '=', year)
    .$if(lock === 'share', (q) => q.forShare())
    .$if(lock === 'update', (q) => q.forUpdate())
    .executeTakeFirst();
}

export async function findCycles(db: Kysely<Database>, years: readonly number[], lock?: 'share') {
  if (years.length === 0) return [];
  return db
    .selectFrom('cycles')
    .select(cycleColumns)
    .where('year', 'in', [...new Set(years)])
    .$if(lock === 'share', (q) => q.forShare())
    .execute();
}

export async function listCycleRows(db: Kysely<Database>) {
  return db.selectFrom('cycles').select(cycleColumns).orderBy('year', 'desc').execute();
}

export async function insertCycle(db: Kysely<Database>, year: number, state: CycleState) {
  return db.insertInto('cycles').values({ year, state }).returning(cycleColumns).executeTakeFirstOrThrow();
}

export async function setCycleState(db: Kysely<Database>, year: number, state: CycleState, at: Date) {
  return db
    .updateTable('cycles')
    .set({ state, updated_at: at })
    .where('year', '=', year)
    .returning(cycleColumns)
    .executeTakeFirstOrThrow();
}

/** Waits for every write holding a cycle row and keeps new ones out until the transaction ends (scoring). */
export async function lockCycles(db: Kysely<Database>): Promise<void> {
  await sql`lock table cycles in exclusive mode`.execute(db);
}
