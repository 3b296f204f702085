/**
 * Worker processes sharing one scoring job (issue 18, item 3), on PostgreSQL: the year scored as a job (计分, as the
 * admin's button asks for it) by one `xingping worker` process, then by two, alternately, on the same database (the
 * second paused while one works alone, so both stay warm): the
 * job's seconds (started → finished, from its row) and the wall time from request to done, the parts the second
 * process evaluated, and the speed-up of two processes over one within the same run.
 *
 *   npm run bench:workers                                   # seeds --scale 10 in a database of its own, drops it after
 *   npm run bench:workers -- postgres://…/xp_bench_score_100 # a database seeded already (BENCH_KEEP=1 npm run bench:score)
 *   BENCH_KEEP=1 BENCH_SCALE=100 npm run bench:workers      # seeds (or reuses) xp_bench_score_100 and keeps it
 *   BENCH_ROUNDS=3 npm run bench:workers                    # rounds of (one process, two processes)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { sql } from 'kysely';
import { pgBossJobs } from '../src/adapters/jobs-pgboss';
import { openDatabase } from '../src/db/client';
import { migrateToLatest } from '../src/db/migrate';
import { seedDemo } from '../src/demo/seed-demo';
import { cliActor, type Ctx } from '../src/features/context';
import { findJob } from '../src/features/jobs/jobs.repository';
import { requestScore } from '../src/features/jobs/jobs.service';
import { fixedClock } from '../src/lib/clock';

const pgBase = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const scale = Number(process.env.BENCH_SCALE ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const YEAR = 2025;
const clock = fixedClock('2026-11-22T04:00:00Z');

/** The database: the one named, or one seeded here (dropped at the end, or with BENCH_KEEP=1 kept as bench:score keeps its). */
async function database(): Promise<{ url: string; dispose(): Promise<void> }> {
  if (process.argv[2]) return { url: process.argv[2], dispose: async () => {} };
  const keep = process.env.BENCH_KEEP === '1';
  const admin = await openDatabase({ kind: 'postgres', url: pgBase, poolSize: 1 });
  const name = keep ? `xp_bench_score_${scale}` : `xp_bench_workers_${process.pid}`;
  const exists = (await sql<{ n: number }>`select count(*)::int as n from pg_database where datname = ${name}`.execute(admin.db)).rows[0]!.n > 0;
  if (!exists) await sql`create database ${sql.id(name)}`.execute(admin.db);
  const url = new URL(pgBase);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString() });
  const seeded = exists && (await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name = 'score_revisions'`.execute(handle.db)).rows[0]!.n > 0;
  if (!seeded) {
    await migrateToLatest(handle.db);
    const t0 = performance.now();
    await seedDemo({ actor: cliActor(), db: handle.db, clock, requestId: null }, { scale, seed: 'xingping' });
    console.log(`seeded --scale ${scale} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  await handle.close();
  return {
    url: url.toString(),
    dispose: async () => {
      if (!keep) await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
      await admin.close();
    },
  };
}

/** `xingping worker` on the database, resolved once it says it is waiting for jobs. */
function startWorker(url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['bin/xingping.mjs', 'worker'], { env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr!.on('data', (b: Buffer) => process.stderr.write(`[worker ${child.pid}] ${b.toString()}`));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (b: Buffer) => {
      if (b.toString().includes('作业进程已启动')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    setTimeout(() => reject(new Error('worker did not start within 60 s')), 60_000).unref();
  });
}

function stopWorker(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

type Run = { processes: number; seconds: number; wall: number; parts: number; byHelpers: number; cpu: number; workersCpu: number };

/** CPU seconds a process has used (user + system, /proc/<pid>/stat). */
function processCpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds the whole machine has been busy (every process: the workers, PostgreSQL, this one), from /proc/stat. */
function busyCpuSeconds(): number {
  const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) / 100;
}

/** One score job, requested as the admin's button does, followed until done. */
async function scoreJob(ctx: Ctx, jobs: Parameters<typeof requestScore>[0]['jobs'], processes: number, workers: ChildProcess[]): Promise<Run> {
  const t0 = performance.now();
  const cpu0 = busyCpuSeconds();
  const workersCpu = () => workers.reduce((n, w) => n + processCpuSeconds(w.pid!), 0);
  const w0 = workersCpu();
  const { job } = await requestScore({ ctx, jobs, input: { year: YEAR } });
  for (;;) {
    const row = (await findJob(ctx.db, job.id))!;
    if (row.state === 'failed' || row.state === 'cancelled') throw new Error(`job ${job.id} ${row.state}: ${row.error}`);
    if (row.state === 'done') {
      const shared = (row.result as { shared?: { total: number; byHelpers: number } }).shared;
      const seconds = (row.finished_at!.getTime() - row.started_at!.getTime()) / 1000;
      const cpu = busyCpuSeconds() - cpu0;
      return { processes, seconds, wall: (performance.now() - t0) / 1000, parts: shared?.total ?? 0, byHelpers: shared?.byHelpers ?? 0, cpu, workersCpu: workersCpu() - w0 };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function main() {
  const db = await database();
  const handle = await openDatabase({ kind: 'postgres', url: db.url, poolSize: 4 });
  await migrateToLatest(handle.db);
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from organizations`.execute(handle.db);
  console.log(`organizations: ${rows[0]!.n}`);
  // This process only asks: it never works a job (its queue is not started).
  const jobs = { queue: pgBossJobs(handle.db), bookLimit: 5000 };
  const ctx: Ctx = { actor: cliActor(), db: handle.db, clock, requestId: null };
  // Both processes run for the whole bench, each warmed by a job first (a fresh process evaluates slower until V8 has
  // compiled its hot code); for the rounds of one process the second is paused (SIGSTOP: no CPU, no polling).
  const first = await startWorker(db.url);
  const second = await startWorker(db.url);
  const runs: Run[] = [];
  try {
    for (const processes of [1, 2]) {
      if (processes === 1) second.kill('SIGSTOP');
      else second.kill('SIGCONT');
      const warm = await scoreJob(ctx, jobs, processes, [first, second]);
      console.log(`warm-up, ${processes} process${processes > 1 ? 'es' : ''}: ${warm.seconds.toFixed(2)} s, by the second process ${warm.byHelpers} of ${warm.parts} parts`);
    }
    for (let r = 0; r < rounds; r++) {
      for (const processes of [1, 2]) {
        second.kill(processes === 1 ? 'SIGSTOP' : 'SIGCONT');
        const run = await scoreJob(ctx, jobs, processes, [first, second]);
        runs.push(run);
        console.log(`${processes} process${processes > 1 ? 'es' : ''}: job ${run.seconds.toFixed(2)} s (request to done ${run.wall.toFixed(2)} s), parts ${run.parts}, by the second process ${run.byHelpers}; machine busy ${run.cpu.toFixed(1)} CPU s of ${(availableParallelism() * run.wall).toFixed(1)} (worker processes ${run.workersCpu.toFixed(1)}, the rest, mostly PostgreSQL, ${(run.cpu - run.workersCpu).toFixed(1)})`);
      }
    }
  } finally {
    second.kill('SIGCONT');
    await stopWorker(second);
    await stopWorker(first);
    await jobs.queue.stop();
    await handle.close();
    await db.dispose();
  }
  const mean = (n: number) => {
    const xs = runs.filter((r) => r.processes === n).map((r) => r.seconds);
    return xs.reduce((a, b) => a + b, 0) / xs.length;
  };
  console.log(`mean job: 1 process ${mean(1).toFixed(2)} s, 2 processes ${mean(2).toFixed(2)} s; speed-up ${(mean(1) / mean(2)).toFixed(2)}×`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
