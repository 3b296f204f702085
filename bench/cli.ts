/**
 * How long `npx xingping …` takes to start and answer (issue 18: under a second on PostgreSQL or through a running
 * server's socket; a cold PGlite open reported apart), against the way it started before (tsx compiling the tree at
 * every start), in the same run.
 *
 *   npm run bench:cli                      # PostgreSQL at postgres://postgres@127.0.0.1:5432/postgres
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/client';
import { ensureServerBuilt } from '../scripts/build-server.mjs';

const pgBase = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const root = join(import.meta.dirname, '..');
const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timed(args: string[], env: Record<string, string>): number {
  const t0 = performance.now();
  execFileSync(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: 'pipe' });
  return (performance.now() - t0) / 1000;
}

function runs(label: string, args: string[], env: Record<string, string>, n = RUNS): number {
  timed(args, env); // warm the file cache
  const xs = Array.from({ length: n }, () => timed(args, env));
  console.log(`${label.padEnd(52)} ${median(xs).toFixed(2)} s median (${xs.map((x) => x.toFixed(2)).join(' / ')})`);
  return median(xs);
}

async function main(): Promise<void> {
  await ensureServerBuilt();
  const admin = await openDatabase({ kind: 'postgres', url: pgBase, poolSize: 1 });
  const name = `xp_bench_cli_${process.pid}`;
  await sql`create database ${sql.id(name)}`.execute(admin.db);
  const url = new URL(pgBase);
  url.pathname = `/${name}`;
  const pg = { DATABASE_URL: url.toString() };
  const dataDir = mkdtempSync(join(tmpdir(), 'xp-bench-cli-'));
  try {
    timed(['bin/xingping.mjs', 'migrate'], pg);
    const node = runs('node itself (node -e 0)', ['-e', '0'], {});
    const help = runs('xingping --help (no database)', ['bin/xingping.mjs', '--help'], {});
    const list = runs('xingping cycle list (PostgreSQL)', ['bin/xingping.mjs', 'cycle', 'list'], pg);
    const before = runs('tsx src/entry/cli.ts cycle list (PostgreSQL)', ['--import', 'tsx', 'src/entry/cli.ts', 'cycle', 'list'], pg, 3);
    console.log(`compiled CLI = ${(list / before).toFixed(2)}× the tsx start (${(before / list).toFixed(1)}× faster); node alone ${node.toFixed(2)} s, help ${help.toFixed(2)} s`);

    // PGlite: a cold open of the data folder (no server), then through a running server's control socket.
    const lite = { XINGPING_DATA_DIR: dataDir, DATABASE_URL: '' };
    timed(['bin/xingping.mjs', 'migrate'], lite);
    runs('xingping cycle list (PGlite, cold open, no server)', ['bin/xingping.mjs', 'cycle', 'list'], lite, 3);
    const server = spawn(process.execPath, [join(root, 'dist/server/node.mjs')], { cwd: root, env: { ...process.env, ...lite, XINGPING_DEMO: 'off', PORT: String(40000 + (process.pid % 20000)), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      server.stdout!.on('data', (d: Buffer) => d.toString().includes('星评已启动') && resolve());
      server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
    });
    try {
      runs('xingping cycle list (PGlite, through the server socket)', ['bin/xingping.mjs', 'cycle', 'list'], lite);
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
    await admin.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
