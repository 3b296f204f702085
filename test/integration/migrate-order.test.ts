import { Migrator } from 'kysely';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index';
import { openDatabase } from '../../src/db/client';
import { migrateToLatest } from '../../src/db/migrate';

const handle = await openDatabase({ kind: 'pglite' });
afterAll(() => handle.close());

describe('migrations merged out of order', () => {
  it('still apply a migration named before one that has already run', async () => {
    // A database that ran every migration but the reviews one (a branch merged after the documents landed).
    const { ['2026_11_22_000500_reviews']: reviews, ...others } = migrations;
    expect(reviews).toBeDefined();
    const earlier = new Migrator({ db: handle.db, provider: { getMigrations: async () => others }, migrationTableName: 'kysely_migration', migrationLockTableName: 'kysely_migration_lock' });
    const first = await earlier.migrateToLatest();
    expect(first.error).toBeUndefined();
    const result = await migrateToLatest(handle.db);
    expect(result.results?.map((r) => [r.migrationName, r.status])).toEqual([['2026_11_22_000500_reviews', 'Success']]);
    const tables = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name in ('review_votes', 'documents')`.execute(handle.db);
    expect(tables.rows[0]!.n).toBe(2);
  });
});
