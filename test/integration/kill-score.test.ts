import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/client';
import { migrateToLatest } from '../../src/db/migrate';
import { seedDemo } from '../../src/demo/seed-demo';
import { cliActor } from '../../src/features/context';
import { systemClock } from '../../src/lib/clock';
import { onPostgres, openIsolatedDatabase } from '../support/db';

/**
 * Issue 18, bad input and safety: `xingping score` killed with SIGKILL half-way (inside its transaction, once the
 * second rule set's evaluation starts) leaves the previous revision whole and the cycle as it was: no
 * revision, no score, no pin, the state unchanged, on PostgreSQL (the server rolls back the dead client's
 * transaction) and on the embedded database (PGlite's files recover to the last commit; the killed process's lock
 * on the data folder is found stale). The same command then scores to the end.
 */
describe('a scoring run killed with SIGKILL', () => {
  let dataDir: string | null = null;
  let isolated: Awaited<ReturnType<typeof openIsolatedDatabase>> | null = null;
  let env: NodeJS.ProcessEnv;
  let year: number;

  /** The database, opened by the test itself (on PGlite only while no command runs: the folder has one owner). */
  const open = (): Promise<DatabaseHandle> =>
    onPostgres ? openDatabase({ kind: 'postgres', url: isolated!.url!, poolSize: 1 }) : openDatabase({ kind: 'pglite', dataDir: join(dataDir!, 'data', 'pglite') }); // as entry/database.ts

  beforeAll(async () => {
    if (onPostgres) isolated = await openIsolatedDatabase();
    else {
      dataDir = mkdtempSync(join(tmpdir(), 'xingping-kill-'));
      mkdirSync(join(dataDir, 'data', 'pglite'), { recursive: true });
    }
    env = { ...process.env, DATABASE_URL: onPostgres ? isolated!.url! : '', XINGPING_DATA_DIR: dataDir ? join(dataDir, 'data') : '' };
    const handle = onPostgres ? isolated! : await open();
    try {
      if (!onPostgres) await migrateToLatest(handle.db);
      const seeded = await seedDemo({ actor: cliActor(), db: handle.db, clock: systemClock, requestId: null }, { scale: 1, seed: 'xingping' });
      year = seeded.cycles.filter((c) => c.state === 'reviewing').at(-1)!.year;
    } finally {
      if (!onPostgres) await handle.close();
    }
  }, 300_000);

  afterAll(async () => {
    if (isolated) await isolated.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const state = async () => {
    const handle = await open();
    try {
      const count = async (q: ReturnType<typeof sql<{ n: number }>>) => (await q.execute(handle.db)).rows[0]!.n;
      return {
        revisions: await count(sql<{ n: number }>`select count(*)::int as n from score_revisions where cycle_year = ${year}`),
        scores: await count(sql<{ n: number }>`select count(*)::int as n from scores s join score_revisions v on v.id = s.revision_id where v.cycle_year = ${year}`),
        pins: await count(sql<{ n: number }>`select count(*)::int as n from cycle_rule_sets where cycle_year = ${year}`),
        cycle: (await sql<{ state: string }>`select state from cycles where year = ${year}`.execute(handle.db)).rows[0]!.state,
      };
    } finally {
      await handle.close();
    }
  };

  /** `xingping score` for the year; with `killAt`, SIGKILL as soon as its progress names that many rule sets begun. */
  const score = (killAt?: number) =>
    new Promise<{ code: number | null; signal: string | null; stderr: string; stdout: string }>((resolve) => {
      const child = spawn(process.execPath, ['bin/xingping.mjs', 'score', '--cycle', String(year)], { cwd: process.cwd(), env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      let stdout = '';
      child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr!.on('data', (d: Buffer) => {
        stderr += d.toString();
        const begun = (stderr.match(/：开始（共/g) ?? []).length;
        if (killAt !== undefined && begun >= killAt && child.exitCode === null) child.kill('SIGKILL');
      });
      child.on('exit', (code, signal) => resolve({ code, signal, stderr, stdout }));
    });

  it('leaves no revision, score or pin and the cycle under review; the next run scores to the end', async () => {
    const before = await state();
    expect(before).toEqual({ revisions: 0, scores: 0, pins: 0, cycle: 'reviewing' });

    // Killed once the second rule set starts: the revision row and its pins are written, the first rule set's
    // results queued behind the next part's facts, all in the one open transaction.
    const killed = await score(2);
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    expect(killed.stderr).toContain('：开始（共');
    expect(await state()).toEqual(before);

    const done = await score();
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain(`${year} 年度计分完成`);
    const after = await state();
    expect(after).toMatchObject({ revisions: 1, cycle: 'computed' });
    expect(after.scores).toBe(27 + 145 + 310);
    expect(after.pins).toBeGreaterThan(0);
  }, 300_000);
});
