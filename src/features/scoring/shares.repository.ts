import { sql, type Kysely } from 'kysely';
import type { Database, SharePlan } from '../../db/database';
import { LONG_WORK_MEM } from '../../db/transaction';

/** The day a transaction started on, in China: facts count up to it (projects overdue by today). */
const dayOf = sql<string>`(now() at time zone 'Asia/Shanghai')::date::text`;

/**
 * The coordinator's snapshot, for helpers to read the same data (its transaction must stay open meanwhile), and its
 * transaction's day, which a snapshot does not carry.
 */
export async function exportSnapshot(db: Kysely<Database>): Promise<{ snapshot: string; today: string }> {
  const { rows } = await sql<{ id: string; today: string }>`select pg_export_snapshot() as id, ${dayOf} as today`.execute(db);
  return { snapshot: rows[0]!.id, today: rows[0]!.today };
}

export async function transactionDay(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ today: string }>`select ${dayOf} as today`.execute(db);
  return rows[0]!.today;
}

/** Records a shared job (a retried attempt's earlier share goes, with whatever it staged). */
export async function insertShare(db: Kysely<Database>, row: { jobId: number; snapshot: string; owner: string; year: number; plan: SharePlan }): Promise<number> {
  for (const old of await db.selectFrom('score_shares').select('id').where('job_id', '=', row.jobId).execute()) await deleteShare(db, old.id);
  const made = await db
    .insertInto('score_shares')
    .values({ job_id: row.jobId, snapshot: row.snapshot, owner: row.owner, cycle_year: row.year, plan: JSON.stringify(row.plan) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return made.id;
}

/** Shares of other processes still open (their coordinator deletes them at its end; a killed one's are left a day). */
export async function openShares(db: Kysely<Database>, me: string): Promise<number[]> {
  const rows = await db.selectFrom('score_shares').select('id').where('owner', '<>', me).where('created_at', '>', sql<Date>`now() - interval '1 day'`).orderBy('id').execute();
  return rows.map((r) => r.id);
}

export async function findShare(db: Kysely<Database>, id: number) {
  return db.selectFrom('score_shares').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A share with its parts and staged rows, and whatever a helper staged for a share already gone (no foreign keys). */
export async function deleteShare(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('score_shares').where('id', '=', id).execute();
  const gone = sql<boolean>`(share_id = ${id} or not exists (select 1 from score_shares s where s.id = share_id))`;
  await db.deleteFrom('score_share_rows').where(gone).execute();
  await db.deleteFrom('score_share_parts').where(gone).execute();
}

/**
 * Whoever holds this lock works the part: a transaction-level advisory lock, so it goes with the transaction (and with
 * the connection of a process that dies). Two keys: the share and the part (the one-key locks elsewhere do not meet them).
 */
export async function tryPartLock(db: Kysely<Database>, shareId: number, part: number): Promise<boolean> {
  const { rows } = await sql<{ got: boolean }>`select pg_try_advisory_xact_lock(${shareId}::int4, ${part}::int4) as got`.execute(db);
  return rows[0]!.got;
}

/** Parts staged so far, by whom (read committed: outside any snapshot). */
export async function partsDone(db: Kysely<Database>, shareId: number): Promise<Map<number, string>> {
  const rows = await db.selectFrom('score_share_parts').select(['part', 'worker']).where('share_id', '=', shareId).execute();
  return new Map(rows.map((r) => [r.part, r.worker]));
}

export async function stagedRows(db: Kysely<Database>, shareId: number, part: number) {
  return db.selectFrom('score_share_rows').select(['org_id', 'assessed', 'total', 'result', 'fired', 'grade']).where('share_id', '=', shareId).where('part', '=', part).execute();
}

export type StagedRow = Awaited<ReturnType<typeof stagedRows>>[number];
export type StagedInsert = { orgId: number; assessed: boolean; total: string; result: string; fired: string[] | null; grade: unknown };

/** A part's results and its marker, in the helper's transaction: both are seen at its commit, or neither. */
export async function stagePart(db: Kysely<Database>, shareId: number, part: number, worker: string, rows: readonly StagedInsert[]): Promise<void> {
  await db.insertInto('score_share_parts').values({ share_id: shareId, part, worker }).execute();
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('score_share_rows')
      .values(
        rows.slice(i, i + 1000).map((r) => ({
          share_id: shareId,
          part,
          org_id: r.orgId,
          assessed: r.assessed,
          total: r.total,
          result: r.result,
          fired: r.fired === null ? null : JSON.stringify(r.fired),
          grade: r.grade === null ? null : JSON.stringify(r.grade),
        })),
      )
      .execute();
  }
}

/**
 * Runs `fn` in a transaction that sees exactly what the coordinator's does (`SET TRANSACTION SNAPSHOT`, its first
 * statement), with long work's settings. Fails with PostgreSQL's "invalid snapshot identifier" once that one ended.
 */
export async function inSnapshot<T>(db: Kysely<Database>, snapshot: string, timeLimitMs: number, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (!/^[0-9A-F]+-[0-9A-F]+(-[0-9A-F]+)?$/i.test(snapshot)) throw new Error(`not a snapshot identifier: ${snapshot}`);
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      await sql`set transaction snapshot ${sql.lit(snapshot)}`.execute(trx);
      const ms = String(Math.ceil(timeLimitMs));
      await sql`select set_config('statement_timeout', ${ms}, true), set_config('idle_in_transaction_session_timeout', ${ms}, true), set_config('jit', 'off', true), set_config('work_mem', ${LONG_WORK_MEM}, true)`.execute(trx);
      return fn(trx);
    });
}
