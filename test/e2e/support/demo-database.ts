import { sql } from 'kysely';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../../src/db/client';
import { migrateToLatest } from '../../../src/db/migrate';
import { demoPublish, demoResults } from '../../../src/demo/demo-results';
import { seedDemo } from '../../../src/demo/seed-demo';
import { cliActor } from '../../../src/features/context';
import { systemClock } from '../../../src/lib/clock';
import { testRuleSets } from '../../support/app';

/**
 * The demo district for browser tests, seeded once per run into a template database on the PostgreSQL server
 * (the first file to need it makes it, under an advisory lock), and copied for each file with
 * CREATE DATABASE … TEMPLATE: about a second instead of a fresh seed per file.
 */
async function ensureTemplate(admin: DatabaseHandle, base: URL, name: string): Promise<void> {
  await sql`select pg_advisory_lock(hashtext(${name}))`.execute(admin.db);
  try {
    const exists = await sql<{ n: number }>`select count(*)::int as n from pg_database where datname = ${name}`.execute(admin.db);
    if (exists.rows[0]!.n > 0) return;
    await sql`create database ${sql.id(name)}`.execute(admin.db);
    const url = new URL(base);
    url.pathname = `/${name}`;
    const h = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 2 });
    try {
      await migrateToLatest(h.db);
      const ctx = { actor: cliActor(), db: h.db, clock: systemClock, requestId: null };
      const s = await seedDemo(ctx, { scale: 1, seed: 'xingping' });
      const results = await demoResults(ctx, await testRuleSets(), s.cycles.filter((c) => c.state === 'reviewing').map((c) => c.year));
      await demoPublish(ctx, results.at(-1)!.year);
    } finally {
      await h.close();
    }
  } finally {
    await sql`select pg_advisory_unlock(hashtext(${name}))`.execute(admin.db);
  }
}

/** A copy of the demo district of this run, dropped by `drop()`. */
export async function openDemoCopy(): Promise<DatabaseHandle & { url: string; drop(): Promise<void> }> {
  const base = new URL(process.env.DATABASE_URL!);
  const template = `xp_demo_tpl_${inject('runId')}`;
  const admin = await openDatabase({ kind: 'postgres', url: base.toString(), poolSize: 1 });
  await ensureTemplate(admin, base, template);
  const name = `xp_e2e_${inject('runId')}_${process.pid}_${Date.now() % 100000}`;
  await sql`create database ${sql.id(name)} template ${sql.id(template)}`.execute(admin.db);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 6 });
  return {
    ...handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
      await admin.close();
    },
  };
}
