import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { TestProject } from 'vitest/node';
import { dumpPgliteSnapshot, openDatabase } from '../../src/db/client';
import { migrateToLatest } from '../../src/db/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    /** Names this run's throwaway databases (the browser tests' demo template and its copies). */
    runId: string;
    /** The web application built for the browser tests (PostgreSQL pass only; empty otherwise). */
    uiDir: string;
  }
}

/**
 * Once per run: on PostgreSQL, migrate the database DATABASE_URL names and build the web application for the
 * browser tests (they run in that pass only); on PGlite, migrate a throwaway instance and dump it, so each test
 * file starts from the snapshot in about half a second instead of initialising and migrating its own.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = join(process.cwd(), '.cache');
  mkdirSync(dir, { recursive: true });
  const snapshotPath = join(dir, 'pglite-migrated.tar');
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  let uiDir = '';
  if (process.env.DATABASE_URL) {
    const handle = await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL });
    try {
      await migrateToLatest(handle.db);
    } finally {
      await handle.close();
    }
    uiDir = join(dir, 'e2e-ui');
    const built = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'src/ui/vite.config.ts', '--outDir', uiDir, '--logLevel', 'warn'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('building the web application for the browser tests failed');
  } else {
    const blob = await dumpPgliteSnapshot((db) => migrateToLatest(db).then(() => undefined));
    writeFileSync(snapshotPath, new Uint8Array(await blob.arrayBuffer()));
  }
  project.provide('pgliteSnapshot', snapshotPath);
  project.provide('runId', runId);
  project.provide('uiDir', uiDir);
  return async () => {
    if (!process.env.DATABASE_URL) return;
    const admin = await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL, poolSize: 1 });
    try {
      const { rows } = await sql<{ datname: string }>`select datname from pg_database where datname like ${`xp\\_%${runId}%`}`.execute(admin.db);
      for (const r of rows) await sql`drop database if exists ${sql.id(r.datname)} with (force)`.execute(admin.db);
    } finally {
      await admin.close();
    }
  };
}
