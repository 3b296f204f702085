import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { dumpPgliteSnapshot, openDatabase } from '../../src/db/client';
import { migrateToLatest } from '../../src/db/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
  }
}

/**
 * Once per run: on PostgreSQL, migrate the database DATABASE_URL names; on PGlite, migrate a throwaway
 * instance and dump it, so each test file starts from the snapshot in about half a second instead of
 * initialising and migrating its own.
 */
export default async function setup(project: TestProject): Promise<void> {
  const dir = join(process.cwd(), '.cache');
  mkdirSync(dir, { recursive: true });
  const snapshotPath = join(dir, 'pglite-migrated.tar');
  if (process.env.DATABASE_URL) {
    const handle = await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL });
    try {
      await migrateToLatest(handle.db);
    } finally {
      await handle.close();
    }
  } else {
    const blob = await dumpPgliteSnapshot((db) => migrateToLatest(db).then(() => undefined));
    writeFileSync(snapshotPath, new Uint8Array(await blob.arrayBuffer()));
  }
  project.provide('pgliteSnapshot', snapshotPath);
}
