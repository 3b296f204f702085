import { sql, type Kysely } from 'kysely';

/**
 * The job port's records (DECISIONS.md, jobs): one row per piece of long work (a book today), with who asked, its
 * state, progress and result file. The queue that hands jobs to workers (pg-boss on PostgreSQL, an in-process runner
 * on PGlite) keeps only the id; this table is the truth pages read. Identical requests share one job: the dedupe key
 * is unique among jobs that are waiting, running or done. Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('cycle_year', 'integer', (c) => c.notNull())
    .addColumn('revision_id', 'integer', (c) => c.notNull())
    .addColumn('params', 'json', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('queued').check(sql`state in ('queued', 'running', 'done', 'failed', 'cancelled')`))
    .addColumn('progress', 'json')
    .addColumn('result_file_id', 'integer', (c) => c.references('files.id'))
    .addColumn('result', 'json')
    .addColumn('error', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('requested_by_user', 'integer', (c) => c.references('users.id'))
    .addColumn('requested_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('heartbeat_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .execute();
  await sql`create unique index jobs_dedupe on jobs (dedupe_key) where state in ('queued', 'running', 'done')`.execute(db);
  await db.schema.createIndex('jobs_org_created').on('jobs').columns(['org_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('jobs').execute();
}
