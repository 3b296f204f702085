/**
 * The web application's figures: build time (and the check `npm start` makes when nothing changed, the
 * baseline), first-load size of the sign-in page and of the home page after sign-in (bytes on the wire,
 * gzip, against the uncompressed bytes), and sign-in to first paint on the demo district, in real Chromium.
 *
 *   npm run bench:ui                      # PGlite, demo seeded into a throwaway instance (about a minute)
 *   DATABASE_URL=… npm run bench:ui       # PostgreSQL: a new database, dropped afterwards
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import puppeteer, { type Page } from 'puppeteer';
import { chromiumArgs, findBrowser } from '../src/adapters/pdf-puppeteer';
import { createApp } from '../src/app';
import { openDatabase } from '../src/db/client';
import { migrateToLatest } from '../src/db/migrate';
import { DEMO_PASSWORD } from '../src/demo/demo-accounts';
import { demoPublish, demoResults } from '../src/demo/demo-results';
import { seedDemo } from '../src/demo/seed-demo';
import { quietLogger } from '../src/deps';
import { nodeDeps } from '../src/entry/node-deps';
import { loadRuleSets } from '../src/entry/rule-files';
import { loadUiAssets } from '../src/entry/ui-files';
import { parseEnv } from '../src/env';
import { cliActor } from '../src/features/context';
import { systemClock } from '../src/lib/clock';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function timeBuild(outDir: string): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'src/ui/vite.config.ts', '--outDir', outDir, '--logLevel', 'error'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
  return performance.now() - started;
}

function timeCheck(): number {
  const started = performance.now();
  spawnSync(process.execPath, ['scripts/ensure-ui.mjs'], { stdio: 'ignore' });
  return performance.now() - started;
}

/** Bytes a page load moved: on the wire (encoded) and after decoding, and the number of requests. */
async function measureLoad(page: Page, load: () => Promise<unknown>) {
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const sizes = new Map<string, { wire: number; raw: number }>();
  cdp.on('Network.dataReceived', (e) => {
    const s = sizes.get(e.requestId) ?? { wire: 0, raw: 0 };
    s.raw += e.dataLength;
    sizes.set(e.requestId, s);
  });
  cdp.on('Network.loadingFinished', (e) => {
    const s = sizes.get(e.requestId) ?? { wire: 0, raw: 0 };
    s.wire = e.encodedDataLength;
    sizes.set(e.requestId, s);
  });
  await load();
  await cdp.detach();
  const all = [...sizes.values()];
  return { requests: all.length, wire: all.reduce((n, s) => n + s.wire, 0), raw: all.reduce((n, s) => n + s.raw, 0) };
}

async function main() {
  const out = mkdtempSync(join(tmpdir(), 'xp-bench-ui-'));
  const builds = [timeBuild(out), timeBuild(out), timeBuild(out)];
  timeBuild('dist/ui');
  const checks = [timeCheck(), timeCheck(), timeCheck()];
  console.log(`构建网页界面：中位数 ${(median(builds) / 1000).toFixed(2)} s（3 次：${builds.map((b) => (b / 1000).toFixed(2)).join(' / ')}）`);
  console.log(`npm start 在界面已是最新时的检查：${median(checks).toFixed(0)} ms（构建 / 检查 = ${(median(builds) / median(checks)).toFixed(1)}×）`);

  const url = process.env.DATABASE_URL;
  let dropDb = async () => {};
  let handle;
  if (url) {
    const name = `xp_bench_ui_${Date.now()}`;
    const admin = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
    const { sql } = await import('kysely');
    await sql`create database ${sql.id(name)}`.execute(admin.db);
    const u = new URL(url);
    u.pathname = `/${name}`;
    handle = await openDatabase({ kind: 'postgres', url: u.toString(), poolSize: 4 });
    dropDb = async () => {
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
      await admin.close();
    };
  } else handle = await openDatabase({ kind: 'pglite' });
  await migrateToLatest(handle.db);
  const ruleSets = await loadRuleSets();
  const ctx = { actor: cliActor(), db: handle.db, clock: systemClock, requestId: null };
  const seeded = await seedDemo(ctx, { scale: 1, seed: 'xingping' });
  const results = await demoResults(ctx, ruleSets, seeded.cycles.filter((c) => c.state === 'reviewing').map((c) => c.year));
  await demoPublish(ctx, results.at(-1)!.year);

  const deps = { ...nodeDeps(handle, { ruleSets, logger: quietLogger, env: parseEnv({}) }), ui: loadUiAssets(out) };
  const app = createApp(deps);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await puppeteer.launch({ executablePath: findBrowser(process.env.XINGPING_CHROMIUM), headless: true, args: chromiumArgs });
  try {
    const paints: number[] = [];
    let loginLoad = { requests: 0, wire: 0, raw: 0 };
    let homeLoad = { requests: 0, wire: 0, raw: 0 };
    for (let i = 0; i < 5; i++) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width: 375, height: 812, isMobile: true });
      const login = await measureLoad(page, () => page.goto(`${base}/login`, { waitUntil: 'networkidle0' }));
      await page.type('input[autocomplete="username"]', 'demo-community');
      await page.type('input[autocomplete="current-password"]', DEMO_PASSWORD);
      let started = 0;
      const home = await measureLoad(page, async () => {
        started = performance.now();
        await page.click('button[type="submit"]');
        await page.waitForSelector('.hello', { visible: true });
        paints.push(performance.now() - started);
        await page.waitForNetworkIdle();
      });
      if (i === 0) [loginLoad, homeLoad] = [login, home];
      await context.close();
    }
    console.log(`登录页首次加载：${loginLoad.requests} 个请求，传输 ${kb(loginLoad.wire)}（未压缩 ${kb(loginLoad.raw)}，压缩后为 ${((loginLoad.wire / loginLoad.raw) * 100).toFixed(0)}%）`);
    console.log(`登录后进入首页再加载：${homeLoad.requests} 个请求，传输 ${kb(homeLoad.wire)}（未压缩 ${kb(homeLoad.raw)}）`);
    console.log(`登录到首页首次绘制（演示区县，${url ? 'PostgreSQL' : 'PGlite'}，5 次）：中位数 ${median(paints).toFixed(0)} ms（${paints.map((p) => p.toFixed(0)).join(' / ')}）`);
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
    await deps.printing.pdf.close();
    await handle.close();
    await dropDb();
    rmSync(out, { recursive: true, force: true });
  }
}

await main();
