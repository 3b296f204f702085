import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../app';
import { RuleSetError } from '../rules/compile';
import { migrateToLatest } from '../db/migrate';
import { seedDemo } from '../demo/seed-demo';
import { readEnv } from '../env';
import { cliActor } from '../features/context';
import { demoPublish, demoResults } from '../demo/demo-results';
import { DEMO_PASSWORD } from '../demo/demo-accounts';
import { anyOrganization } from '../demo/demo.repository';
import { acquireDataDir, startControl, type DataDirLock } from './control';
import { openFromEnv } from './database';
import { nodeDeps } from './node-deps';
import { startJobs } from '../features/jobs/run-job';
import { progressReporter } from './progress';
import { loadRuleSets } from './rule-files';
import { loadInForce, syncRuleFiles, systemActor } from '../features/rulesets/rules-in-force';

/**
 * Socket settings that answer every request with a status under load: idle keep-alive connections stay open longer
 * than a client or proxy keeps them (Node's 5 s default closes a connection a client is about to reuse, which the
 * client sees as a reset), and headers get the time they need on a saturated loop.
 */
function holdConnections(server: ReturnType<typeof serve>): void {
  const http = server as unknown as { keepAliveTimeout: number; headersTimeout: number; requestTimeout: number };
  http.keepAliveTimeout = 65_000;
  http.headersTimeout = 66_000;
  // A body trickled in slowly holds an admission slot: the whole request (a 20 MB upload from a phone included)
  // must arrive within two minutes.
  http.requestTimeout = 120_000;
}

/** `npm start`: take the data folder, migrate, seed the demo district into an empty database, serve on 127.0.0.1. */
async function main(): Promise<void> {
  const env = readEnv();
  const dataDir = resolve(env.XINGPING_DATA_DIR);
  let lock: DataDirLock | null = null;
  if (!env.DATABASE_URL) {
    mkdirSync(dataDir, { recursive: true });
    const got = acquireDataDir(dataDir, 'server');
    if ('owner' in got) {
      throw new Error(`数据目录 ${dataDir} 正被另一个星评进程（PID ${got.owner.pid}）使用；嵌入式数据库只能由一个进程打开`);
    }
    lock = got.lock;
  }
  const files = await loadRuleSets();
  // A statement runs at most as long as a request may (long work raises it inside its own transaction).
  const handle = await openFromEnv(env, { statementTimeoutMs: env.XINGPING_REQUEST_SECONDS * 1000 });
  await migrateToLatest(handle.db);
  console.log(`数据库：${handle.kind === 'pglite' ? 'PGlite（嵌入式）' : 'PostgreSQL'} ${handle.location}`);
  // The database is the truth for the rule sets in force; rules/ seeds a fresh one, and a changed file becomes a draft.
  const synced = await syncRuleFiles(handle.db, files.all, systemActor);
  if (synced.seeded.length > 0) console.log(`考核细则：已把 rules/ 中的 ${synced.seeded.join('、')} 存为现行版本。`);
  if (synced.drafted.length > 0) console.log(`考核细则：rules/ 中的 ${synced.drafted.join('、')} 与数据库中的版本不同，已导入为草稿（未发布）。`);
  const ruleSets = await loadInForce(handle.db, { files: files.all });
  const deps = nodeDeps(handle, {
    ruleSets,
    publicUrl: env.XINGPING_PUBLIC_URL ?? `http://${env.HOST}:${env.PORT}`,
    chromium: env.XINGPING_CHROMIUM,
    env,
  });
  const stopControl = lock ? await startControl(dataDir, deps, lock, env.USER) : async () => {};

  const empty = !(await anyOrganization(handle.db));
  if (empty && env.XINGPING_DEMO === 'auto') {
    console.log('数据库为空，正在生成演示区县数据……');
    const ctx = { actor: cliActor(env.USER), db: deps.db, clock: deps.clock, requestId: null };
    const progress = progressReporter();
    const s = await seedDemo(ctx, { scale: 1, seed: env.XINGPING_DEMO_SEED }, progress.update);
    progress.stop();
    console.log(`演示数据：组织 ${s.organizations}，党员 ${s.members}，台账 ${s.ledgerRecords} 条。`);
    // The years that are over get results at once (the older one finalized), so scorecards and grades are there to look at.
    const done = s.cycles.filter((c) => c.state === 'reviewing').map((c) => c.year);
    const results = await demoResults(ctx, ruleSets, done, progress.update);
    progress.stop();
    const last = results.find((r) => r.state === 'computed');
    const published = last ? await demoPublish(ctx, last.year) : null;
    for (const r of results) {
      const state = r.year === published?.year ? `，公示中，申诉期至 ${published.appealDeadline}` : '，已定档';
      console.log(`${r.year} 年度已按现行细则（即 rules/ 中的文件）计分并定级（计分版本 #${r.revisionId}${state}）。`);
    }
    console.log(`演示账号（密码均为 ${DEMO_PASSWORD}）：`);
    for (const a of s.accounts) console.log(`  ${a.login.padEnd(15)} ${a.what}`);
  }

  if (!env.XINGPING_PUBLIC_URL) {
    console.log(`提示：未设置 XINGPING_PUBLIC_URL，打印文件上的二维码将指向 ${deps.printing.publicUrl}（只能在本机打开核验页）。`);
  }
  const app = createApp(deps);
  // This process works background jobs (books); jobs a stopped server left behind are taken up again.
  const stopJobs = await startJobs({ ...deps, jobs: deps.jobs! });
  const server = serve({ fetch: app.fetch, hostname: env.HOST, port: env.PORT }, (info) => {
    console.log(`星评已启动：http://${info.address}:${info.port}/`);
  });
  holdConnections(server);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close(() => {
      // Order matters: no new commands, running ones finish, the database closes, then the folder is free.
      void stopControl()
        .then(() => stopJobs())
        .then(() => deps.printing.pdf.close())
        .then(() => handle.close())
        .finally(() => {
          lock?.release();
          process.exit(0);
        });
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error('启动失败：', err instanceof Error ? err.message : err);
  if (err instanceof RuleSetError) console.error('请用 npx xingping rules validate 检查规则文件。');
  process.exit(1);
});
