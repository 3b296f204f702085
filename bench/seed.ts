/**
 * How long `seed-demo` takes, on PGlite (a data folder on disk) and on PostgreSQL, at --scale 1 and
 * --scale 10, and what bulk insertion buys over inserting row by row (same rows, same process).
 *
 *   npm run bench:seed                      # PostgreSQL at postgres://postgres@127.0.0.1:5432/postgres
 *   BENCH_PG_URL=postgres://… npm run bench:seed
 *   BENCH_SCALES=1 npm run bench:seed       # a quicker run
 *
 * Each run gets a fresh database (a new PGlite folder, a new PostgreSQL database dropped afterwards).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../src/db/client';
import { bulkInsert } from '../src/db/bulk';
import type { Database } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrate';
import { seedDemo, type SeedSummary } from '../src/demo/seed-demo';
import { cliActor } from '../src/features/context';
import { fixedClock } from '../src/lib/clock';

const pgBase = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const scales = (process.env.BENCH_SCALES ?? '1,10').split(',').map(Number);
const clock = fixedClock('2026-11-22T04:00:00Z');
let peakRss = 0;
const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const timer = setInterval(sampleRss, 100);

type Fresh = { handle: DatabaseHandle; dispose(): Promise<void> };

async function freshPglite(): Promise<Fresh> {
  const dir = mkdtempSync(join(tmpdir(), 'xingping-bench-'));
  const handle = await openDatabase({ kind: 'pglite', dataDir: dir });
  await migrateToLatest(handle.db);
  return { handle, dispose: async () => (await handle.close(), rmSync(dir, { recursive: true, force: true })) };
}

async function freshPostgres(): Promise<Fresh> {
  const admin = await openDatabase({ kind: 'postgres', url: pgBase, poolSize: 1 });
  const name = `xp_bench_${process.pid}_${Date.now()}`;
  await sql`create database ${sql.id(name)}`.execute(admin.db);
  const url = new URL(pgBase);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString() });
  await migrateToLatest(handle.db);
  return {
    handle,
    dispose: async () => {
      await handle.close();
      await sql`drop database ${sql.id(name)} with (force)`.execute(admin.db);
      await admin.close();
    },
  };
}

async function timeSeed(fresh: () => Promise<Fresh>, scale: number): Promise<{ seconds: number; s: SeedSummary }> {
  const f = await fresh();
  try {
    const started = performance.now();
    const s = await seedDemo({ actor: cliActor(), db: f.handle.db, clock, requestId: null }, { scale, seed: 'xingping' });
    return { seconds: (performance.now() - started) / 1000, s };
  } finally {
    await f.dispose();
  }
}

/** The same N ledger rows, one INSERT each versus one unnest statement: what "bulk" means here. */
async function rowByRowVsBulk(fresh: () => Promise<Fresh>, n: number): Promise<{ rowByRow: number; bulk: number }> {
  const f = await fresh();
  const db: Kysely<Database> = f.handle.db;
  try {
    const org = await db.insertInto('organizations').values({ code: 'B', name: 'bench', kind: 'district', category: null, parent_id: null, secretary_name: null, member_count: 0, active_from: '2000-01-01', active_to: null }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('cycles').values({ year: 2025, state: 'collecting' }).execute();
    const rows = Array.from({ length: n }, (_, i) => [org.id, 2025, 'theme_day', `2025-${String((i % 12) + 1).padStart(2, '0')}-15`, `记录 ${i}`, 10, null, '[]', 'demo']);
    let started = performance.now();
    await db.transaction().execute(async (trx) => {
      for (const r of rows) {
        await trx.insertInto('ledger_records').values({ org_id: r[0] as number, cycle_year: 2025, kind: 'theme_day', occurred_on: r[3] as string, title: r[4] as string, participants: 10, hours: null, evidence: '[]', source: 'demo', created_by: 'bench' }).execute();
      }
    });
    const rowByRow = (performance.now() - started) / 1000;
    started = performance.now();
    await db.transaction().execute((trx) =>
      bulkInsert(trx, 'ledger_records', [
        { name: 'org_id', type: 'int' },
        { name: 'cycle_year', type: 'int' },
        { name: 'kind', type: 'text' },
        { name: 'occurred_on', type: 'date' },
        { name: 'title', type: 'text' },
        { name: 'participants', type: 'int' },
        { name: 'hours', type: 'numeric' },
        { name: 'evidence', type: 'jsonb' },
        { name: 'created_by', type: 'text' },
      ], rows),
    );
    return { rowByRow, bulk: (performance.now() - started) / 1000 };
  } finally {
    await f.dispose();
  }
}

const fmt = (n: number) => n.toLocaleString('en-US');

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${process.platform}, scales ${scales.join(', ')}`);
  for (const [label, fresh] of [['PGlite', freshPglite], ['PostgreSQL', freshPostgres]] as const) {
    const results = new Map<number, number>();
    for (const scale of scales) {
      const { seconds, s } = await timeSeed(fresh, scale);
      results.set(scale, seconds);
      const rows = s.organizations + s.members + s.agreements + s.ledgerRecords + s.meetings + s.checkins;
      console.log(
        `${label.padEnd(10)} --scale ${String(scale).padStart(2)}: ${seconds.toFixed(1).padStart(6)} s  ` +
          `${fmt(rows)} rows (${fmt(s.ledgerRecords)} ledger, ${fmt(s.checkins)} check-ins, ${fmt(s.members)} members)  ` +
          `${fmt(Math.round(rows / seconds))} rows/s`,
      );
    }
    if (results.has(1) && results.has(10)) {
      console.log(`${label.padEnd(10)} scale 10 / scale 1 time: ${(results.get(10)! / results.get(1)!).toFixed(1)}× (linear would be 10×)`);
    }
    const cmp = await rowByRowVsBulk(fresh, 20_000);
    console.log(
      `${label.padEnd(10)} 20,000 ledger rows: row by row ${cmp.rowByRow.toFixed(2)} s, bulk (unnest) ${cmp.bulk.toFixed(2)} s → bulk ${(cmp.rowByRow / cmp.bulk).toFixed(1)}× faster`,
    );
  }
  sampleRss();
  console.log(`peak RSS of this process: ${(peakRss / 1024 / 1024).toFixed(0)} MiB`);
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => clearInterval(timer));
