/**
 * The server under load (issue 18, a server that holds), on PostgreSQL: the compiled server (`dist/server/node.mjs`)
 * in a process of its own, the demo district seeded and scored, and autocannon on 127.0.0.1 at 50 and 200
 * connections for `/health`, a rotating set of scorecards, a street's score list and a page of the web application.
 * Prints req/s and latency percentiles per endpoint, the scorecard's throughput as a share of /health's (in this run),
 * errors, timeouts and shed load (503 with Retry-After, counted apart), and how long after an overload `/health`
 * answers within 100 ms again. At scale 1 also PGlite against PostgreSQL for the same endpoints at 1 and 10
 * connections (BENCH_PGLITE=0 skips it).
 *
 *   npm run bench:http                                  # PostgreSQL at postgres://postgres@127.0.0.1:5432/postgres
 *   BENCH_SCALE=10 BENCH_SECONDS=20 npm run bench:http  # the scale-10 demo, longer phases
 *
 * Bounded: every phase stops by itself (BENCH_SECONDS, default 10); the database is dropped at the end.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/client';
import { migrateToLatest } from '../src/db/migrate';
import { demoPublish, demoResults } from '../src/demo/demo-results';
import { seedDemo } from '../src/demo/seed-demo';
import { cliActor } from '../src/features/context';
import { createToken } from '../src/features/tokens/create-token';
import { systemClock } from '../src/lib/clock';
import { loadRuleSets } from '../src/entry/rule-files';
import { ensureServerBuilt } from '../scripts/build-server.mjs';

const scale = Number(process.env.BENCH_SCALE ?? 1);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const pgBase = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const root = join(import.meta.dirname, '..');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

async function startServer(url: string, env: Record<string, string>): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  // BENCH_PROF=1: a CPU profile of the server in .cache/prof (open in Chrome's DevTools) to see where its time goes.
  const prof = process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir', join(root, '.cache/prof')] : [];
  const child = spawn(process.execPath, [...prof, join(root, 'dist/server/node.mjs')], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', XINGPING_DEMO: 'off', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (await fetch(`${base}/health`).then((r) => r.ok, () => false)) return { base, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not start');
}

type Phase = { name: string; path: string | (() => string); token?: string };
type Row = { name: string; connections: number; rps: number; p50: number; p95: number; p99: number; errors: number; timeouts: number; shed: number; other: number; total: number; cpu?: string };

/** CPU seconds a process has used (user + system), from /proc; 0 when it is gone. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime and stime, in clock ticks of 1/100 s
  } catch {
    return 0;
  }
}

/** CPU seconds used by every PostgreSQL process on this machine (the server the bench talks to is local). */
function postgresCpuSeconds(): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const comm = (() => { try { return readFileSync(`/proc/${pid}/comm`, 'utf8').trim(); } catch { return ''; } })();
    if (comm === 'postgres') total += cpuSeconds(Number(pid));
  }
  return total;
}

/**
 * What one answered request cost in CPU, the server process's and PostgreSQL's apart: on 2 cores shared with the load
 * generator, throughput is what the three leave each other; the cost per request is what a change moved.
 */
async function measuringCpu<T extends { total: number }>(serverPid: number | undefined, work: () => Promise<T>): Promise<T & { cpu?: string }> {
  if (!serverPid) return work();
  const [n0, p0] = [cpuSeconds(serverPid), postgresCpuSeconds()];
  const r = await work();
  const [n1, p1] = [cpuSeconds(serverPid), postgresCpuSeconds()];
  const per = (x: number) => ((1000 * x) / Math.max(1, r.total)).toFixed(2);
  return { ...r, cpu: `CPU per request: server ${per(n1 - n0)} ms, PostgreSQL ${per(p1 - p0)} ms` };
}

async function run(base: string, phase: Phase, connections: number, duration = seconds): Promise<Row> {
  const next = typeof phase.path === 'function' ? phase.path : () => phase.path as string;
  const r = await autocannon({
    url: base,
    connections,
    duration,
    timeout: 10,
    headers: phase.token ? { authorization: `Bearer ${phase.token}` } : {},
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: next() }) }],
  });
  const codes = (r as unknown as { statusCodeStats: Record<string, { count: number }> }).statusCodeStats ?? {};
  const shed = codes['503']?.count ?? 0;
  const ok = codes['200']?.count ?? 0;
  const total = Object.values(codes).reduce((a, c) => a + c.count, 0);
  const lat = r.latency as unknown as Record<string, number>;
  return { name: phase.name, connections, rps: ok / duration, p50: lat.p50!, p95: lat.p97_5 !== undefined ? percentile95(lat) : 0, p99: lat.p99!, errors: r.errors, timeouts: r.timeouts, shed, other: total - ok - shed, total };
}

/** autocannon reports p90 and p97.5; p95 lies between them (linear, as its histogram's buckets allow). */
function percentile95(lat: Record<string, number>): number {
  return lat.p90! + ((lat.p97_5! - lat.p90!) * (95 - 90)) / (97.5 - 90);
}

/** After an overload: the time until /health answers within 100 ms. */
async function recovery(base: string): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const started = performance.now();
    const fast = await fetch(`${base}/health`, { signal: AbortSignal.timeout(100) }).then((r) => r.ok && performance.now() - started <= 100, () => false);
    if (fast) return (performance.now() - t0) / 1000;
    if (performance.now() - t0 > 60_000) return Infinity;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const fmt = (r: Row) =>
  `${r.name.padEnd(22)} ${String(r.connections).padStart(4)} conn  ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${String(r.p50).padStart(5)} ms  p95 ${r.p95.toFixed(0).padStart(5)} ms  p99 ${String(r.p99).padStart(5)} ms  errors ${r.errors}  timeouts ${r.timeouts}  other ${r.other}  shed ${r.shed} (${((100 * r.shed) / Math.max(1, r.total)).toFixed(1)}%)`;

async function prepare(url: string) {
  const handle = await openDatabase({ kind: 'postgres', url });
  try {
    await migrateToLatest(handle.db);
    const ctx = { actor: cliActor(), db: handle.db, clock: systemClock, requestId: null };
    const t0 = performance.now();
    const seeded = await seedDemo(ctx, { scale, seed: 'xingping' });
    const results = await demoResults(ctx, await loadRuleSets(), seeded.cycles.filter((c) => c.state === 'reviewing').map((c) => c.year));
    await demoPublish(ctx, results.at(-1)!.year);
    await sql`analyze`.execute(handle.db);
    console.log(`demo --scale ${scale}: ${seeded.organizations} organizations, ${seeded.ledgerRecords} ledger records, seeded and scored in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    const year = results.at(-1)!.year;
    const admin = (await createToken({ ctx, input: { login: 'demo-admin', name: 'bench' } })).token;
    const street = (await createToken({ ctx, input: { login: 'demo-street', name: 'bench' } })).token;
    return { year, admin, street };
  } finally {
    await handle.close();
  }
}

/** The demo's phases on one server: scorecards and the street's list as the API names them (ids read, not assumed). */
async function phasesOf(base: string, year: number, admin: string, street: string): Promise<Phase[]> {
  const list = (await (await fetch(`${base}/api/cycles/${year}/scores?limit=200`, { headers: { authorization: `Bearer ${admin}` } })).json()) as { items: { orgId: number }[] };
  const orgs = list.items.map((x) => x.orgId);
  let i = 0;
  return [
    { name: '/health', path: '/health' },
    { name: 'scorecard (rotating)', path: () => `/api/cycles/${year}/orgs/${orgs[i++ % orgs.length]}/scorecard`, token: admin },
    { name: "street's score list", path: `/api/cycles/${year}/scores`, token: street },
    { name: 'page (/dashboard)', path: '/dashboard' },
  ];
}

/**
 * PGlite against PostgreSQL, the same scale-1 demo and endpoints at 1 and 10 connections (goal: within 3×). The
 * PGlite server seeds its own demo at start (XINGPING_DEMO=auto, the same seed, so the same district and results).
 */
async function pgliteVersusPostgres(pg: { base: string; year: number; admin: string; street: string }): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'xp-bench-http-'));
  const port = await freePort();
  const env = { ...process.env, DATABASE_URL: '', XINGPING_DATA_DIR: dataDir, XINGPING_DEMO: 'auto', PORT: String(port), HOST: '127.0.0.1' };
  const child = spawn(process.execPath, [join(root, 'dist/server/node.mjs')], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => d.toString().includes('星评已启动') && resolve());
      child.on('exit', (code) => reject(new Error(`the PGlite server exited ${code}`)));
    });
    const token = (user: string) => execFileSync(process.execPath, ['bin/xingping.mjs', 'token', 'create', '--user', user, '--name', 'bench'], { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const lite = { base: `http://127.0.0.1:${port}`, year: pg.year, admin: token('demo-admin'), street: token('demo-street') };
    const sides = [
      { name: 'PostgreSQL', phases: await phasesOf(pg.base, pg.year, pg.admin, pg.street), base: pg.base },
      { name: 'PGlite', phases: await phasesOf(lite.base, lite.year, lite.admin, lite.street), base: lite.base },
    ];
    for (const connections of [1, 10]) {
      for (let k = 0; k < sides[0]!.phases.length; k++) {
        const [a, b] = [await run(sides[0]!.base, sides[0]!.phases[k]!, connections, 5), await run(sides[1]!.base, sides[1]!.phases[k]!, connections, 5)];
        console.log(`${a.name.padEnd(22)} ${String(connections).padStart(3)} conn  PostgreSQL ${a.rps.toFixed(0).padStart(6)} req/s  PGlite ${b.rps.toFixed(0).padStart(6)} req/s  = PostgreSQL ${(a.rps / Math.max(b.rps, 0.001)).toFixed(2)}× PGlite (p50 ${a.p50} / ${b.p50} ms; other ${a.other} / ${b.other})`);
      }
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  await ensureServerBuilt();
  execFileSync(process.execPath, [join(root, 'scripts/ensure-ui.mjs')], { stdio: 'inherit' }); // the page served is the built one
  const admin = await openDatabase({ kind: 'postgres', url: pgBase, poolSize: 1 });
  const name = `xp_bench_http_${process.pid}`;
  await sql`create database ${sql.id(name)}`.execute(admin.db);
  const url = new URL(pgBase);
  url.pathname = `/${name}`;
  let server: ChildProcess | null = null;
  try {
    const w = await prepare(url.toString());
    const started = await startServer(url.toString(), {});
    server = started.child;
    const phases = await phasesOf(started.base, w.year, w.admin, w.street);
    const rows: Row[] = [];
    const only = process.env.BENCH_ONLY; // e.g. BENCH_ONLY=scorecard: that endpoint and /health only
    for (const connections of [50, 200]) {
      for (const p of phases.filter((x) => !only || (x.name === '/health' && !process.env.BENCH_NO_HEALTH) || x.name.includes(only))) {
        const row = await measuringCpu(server.pid, () => run(started.base, p, connections));
        rows.push(row);
        console.log(`${fmt(row)}\n${' '.repeat(23)}${row.cpu}`);
      }
    }
    for (const connections of [50, 200]) {
      const health = rows.find((r) => r.name === '/health' && r.connections === connections);
      const card = rows.find((r) => r.name.startsWith('scorecard') && r.connections === connections);
      if (card && health) console.log(`scorecard throughput at ${connections} connections = ${((100 * card.rps) / health.rps).toFixed(1)}% of /health's (goal ≥ 25%)`);
    }
    // Overload: 200 connections on the heaviest read for a phase, then how soon /health is quick again.
    const heavy = await run(started.base, phases[2]!, 200);
    console.log(`overload: ${fmt(heavy)}`);
    console.log(`/health within 100 ms again ${(await recovery(started.base)).toFixed(2)} s after the overload stopped (goal ≤ 2 s)`);
    const load = (await (await fetch(`${started.base}/health`)).json()) as { load: unknown };
    console.log(`server's own count: ${JSON.stringify(load.load)}`);
    if (scale === 1 && process.env.BENCH_PGLITE !== '0') await pgliteVersusPostgres({ base: started.base, year: w.year, admin: w.admin, street: w.street });
  } finally {
    server?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
    await admin.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
