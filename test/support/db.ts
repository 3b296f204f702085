import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/client';
import { migrateToLatest } from '../../src/db/migrate';

export const onPostgres = Boolean(process.env.DATABASE_URL);

/**
 * The database a test file uses: the shared, migrated PostgreSQL database when DATABASE_URL is set
 * (suites mint unique data, so they can share it), otherwise a fresh PGlite from the migrated snapshot.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  if (process.env.DATABASE_URL) return openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL, poolSize: 4 });
  const bytes = readFileSync(inject('pgliteSnapshot'));
  return openDatabase({ kind: 'pglite', snapshot: new Blob([bytes]) });
}

/**
 * A database of its own, empty and migrated, for tests that need the whole database (the demo district,
 * the e2e start): a new PGlite, or a new database on the PostgreSQL server, dropped again by `drop()`.
 */
export async function openIsolatedDatabase(): Promise<DatabaseHandle & { url?: string; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const handle = await openTestDatabase();
    return { ...handle, drop: () => handle.close() };
  }
  // The run id in the name: the run's teardown drops whatever a file left (global-setup.ts).
  const name = `xp_test_${inject('runId')}_${process.pid}_${Date.now()}`;
  const admin = await openDatabase({ kind: 'postgres', url: base, poolSize: 1 });
  const { sql } = await import('kysely');
  await sql`create database ${sql.id(name)}`.execute(admin.db);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
  await migrateToLatest(handle.db);
  let closed: Promise<void> | null = null;
  const close = () => (closed ??= handle.close());
  return {
    ...handle,
    close,
    url: url.toString(),
    drop: async () => {
      await close();
      // pg's pool resolves end() before its sockets have closed; wait for the server to see them go, so the
      // forced drop does not terminate a connection that would then report FATAL 57P01 as an unhandled error.
      for (let i = 0; i < 50; i++) {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = ${name}`.execute(admin.db);
        if (rows[0]!.n === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
      await admin.close();
    },
  };
}
