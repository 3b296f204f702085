import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database, JobProgress, JobState, JobTable } from '../../db/database';

const jobColumns = [
  'j.id',
  'j.kind',
  'j.dedupe_key',
  'j.org_id',
  'o.name as org_name',
  'o.code as org_code',
  'o.path as org_path',
  'j.cycle_year',
  'j.revision_id',
  'j.params',
  'j.state',
  'j.progress',
  'j.result_file_id',
  'j.result',
  'j.error',
  'j.attempts',
  'j.requested_by_user',
  'j.requested_by_name',
  'j.created_at',
  'j.started_at',
  'j.heartbeat_at',
  'j.finished_at',
] as const;

export type JobRow = Awaited<ReturnType<typeof findJob>> & {};

export async function findJob(db: Kysely<Database>, id: number) {
  return db.selectFrom('jobs as j').innerJoin('organizations as o', 'o.id', 'j.org_id').select(jobColumns).where('j.id', '=', id).executeTakeFirst();
}

/** The jobs of organizations under a path, newest first. */
export async function listJobRows(db: Kysely<Database>, pathPrefix: string, limit: number, filter: { kind?: JobTable['kind']; year?: number } = {}) {
  return db
    .selectFrom('jobs as j')
    .innerJoin('organizations as o', 'o.id', 'j.org_id')
    .select(jobColumns)
    .where('o.path', 'like', `${pathPrefix}%`)
    .$if(filter.kind !== undefined, (q) => q.where('j.kind', '=', filter.kind!))
    .$if(filter.year !== undefined, (q) => q.where('j.cycle_year', '=', filter.year!))
    .orderBy('j.id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Records a job unless an identical one (same dedupe key) is waiting, running or done: then that one's id is
 * answered and nothing is written (`created` false). The partial unique index decides, so two requests at once
 * still make one job.
 */
export async function insertJobOnce(db: Kysely<Database>, row: Insertable<JobTable>): Promise<{ id: number; created: boolean }> {
  const inserted = await db
    .insertInto('jobs')
    .values(row)
    .onConflict((c) => c.column('dedupe_key').where('state', 'in', ['queued', 'running', 'done']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const existing = await db
    .selectFrom('jobs')
    .select('id')
    .where('dedupe_key', '=', row.dedupe_key)
    .where('state', 'in', ['queued', 'running', 'done'])
    .executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

/**
 * Takes a queued job for this process: only one claimant wins (the state moves in one conditional update). The
 * answered attempt number marks this run: progress and the end are written only while the row is still this run's.
 */
export async function claimJob(db: Kysely<Database>, id: number) {
  return db
    .updateTable('jobs')
    .set({ state: 'running', started_at: sql`now()`, heartbeat_at: sql`now()`, attempts: sql`attempts + 1`, error: null, progress: null })
    .where('id', '=', id)
    .where('state', '=', 'queued')
    .returning(['id', 'attempts'])
    .executeTakeFirst();
}

/** Saves progress and the heartbeat; answers the job's state (a cancelled job stops at its next report). */
export async function reportProgress(db: Kysely<Database>, id: number, attempt: number, progress: JobProgress): Promise<JobState | undefined> {
  const row = await db
    .updateTable('jobs')
    .set({ progress: JSON.stringify(progress), heartbeat_at: sql`now()` })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .where('attempts', '=', attempt)
    .returning('state')
    .executeTakeFirst();
  return row?.state;
}

export async function finishJob(db: Kysely<Database>, id: number, attempt: number, outcome: { state: 'done'; fileId: number | null; result: Record<string, unknown>; progress: JobProgress } | { state: 'failed'; error: string }) {
  await db
    .updateTable('jobs')
    .set(
      outcome.state === 'done'
        ? { state: 'done', result_file_id: outcome.fileId, result: JSON.stringify(outcome.result), progress: JSON.stringify(outcome.progress), finished_at: sql`now()` }
        : { state: 'failed', error: outcome.error, finished_at: sql`now()` },
    )
    .where('id', '=', id)
    // A finished score job has committed its revision: a cancel that came too late does not hide it.
    .where('state', 'in', outcome.state === 'done' && outcome.fileId === null ? ['running', 'cancelled'] : ['running'])
    .where('attempts', '=', attempt)
    .execute();
}

/** Moves a job from one state to another if it is still in `from`; answers whether it moved. */
export async function moveJob(db: Kysely<Database>, id: number, from: readonly JobState[], to: JobState, by?: { userId: number | null; name: string }): Promise<boolean> {
  const row = await db
    .updateTable('jobs')
    .set({
      state: to,
      ...(to === 'queued' ? { error: null, progress: null, finished_at: null } : { finished_at: sql`now()` }),
      // A retry runs as the person who retried it (the first one may since have left).
      ...(by ? { requested_by_user: by.userId, requested_by_name: by.name } : {}),
    })
    .where('id', '=', id)
    .where('state', 'in', [...from])
    .returning('id')
    .executeTakeFirst();
  return Boolean(row);
}

/**
 * Jobs a stopped process left behind: running ones whose heartbeat is older than `staleSeconds` go back to
 * queued (0 on PGlite, where the process that starts is the only one); answers their ids.
 */
export async function requeueStale(db: Kysely<Database>, staleSeconds: number): Promise<number[]> {
  const rows = await db
    .updateTable('jobs')
    .set({ state: 'queued' })
    .where('state', '=', 'running')
    .where(sql<boolean>`(heartbeat_at is null or heartbeat_at < now() - make_interval(secs => ${staleSeconds}))`)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function queuedJobIds(db: Kysely<Database>): Promise<number[]> {
  const rows = await db.selectFrom('jobs').select('id').where('state', '=', 'queued').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** The account a job acts as when it runs: still enabled, with its organization's path now. */
export async function jobActor(db: Kysely<Database>, userId: number) {
  return db
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.org_id')
    .select(['u.id as user_id', 'u.display_name', 'u.role', 'u.org_id', 'o.path as org_path'])
    .where('u.id', '=', userId)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
}

/** How many scorecards a book of this subtree would hold (the size limit is checked before a job is made). */
export async function countScorecards(db: Kysely<Database>, revisionId: number, pathPrefix: string): Promise<number> {
  const row = await db
    .selectFrom('scores as s')
    .innerJoin('organizations as o', 'o.id', 's.org_id')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('s.revision_id', '=', revisionId)
    .where('o.path', 'like', `${pathPrefix}%`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
