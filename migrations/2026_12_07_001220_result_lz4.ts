import { sql, type Kysely } from 'kysely';

/**
 * Issue 18: a revision's results are compressed with lz4 instead of pglz where the server has it (PostgreSQL built with
 * lz4, as Debian's and the official images are; PGlite is not, and keeps pglz). Every stored result is over the 2 kB
 * TOAST threshold (3.65 kB on average at --scale 100), so each is compressed as it is stored and decompressed as a
 * scorecard reads it. Storing one revision's 48,200 results at --scale 100: 1.46 s with pglz, 0.67 s with lz4, for 7%
 * more space (195 MB against 182 MB for two revisions). Rows stored before keep pglz; both read alike.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`do $$ begin
    alter table score_rows alter column result set compression lz4;
  exception when feature_not_supported then null;
  end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table score_rows alter column result set compression default`.execute(db);
}
