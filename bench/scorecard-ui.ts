/**
 * A results page's time to interactive in real Chromium, on the demo district (scale 1) or a larger one, with the
 * published year chosen. `--page scorecard` (default): 我的考核 as the demo community's secretary on a 375 px phone,
 * until the summary is shown and the history chart is drawn. `--page dashboard`: the leader's 驾驶舱 on a 1366 px
 * desk, until the grade chart is drawn and the child organizations and the 后进 list are shown. Baseline in the
 * same run: the home page loaded the same way, and the page's API answering alone.
 *
 *   DATABASE_URL=… npm run bench:scorecard-ui -- --scale 10 --page dashboard   # a new database, dropped afterwards
 *   npm run bench:scorecard-ui                                                   # PGlite, scale 1, 我的考核
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { sql } from 'kysely';
import puppeteer, { type Browser } from 'puppeteer';
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
const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const scale = Number(arg('--scale') ?? 1) || 1;
const RUNS = 7;
const phone = { width: 375, height: 812, isMobile: true };
const desk = { width: 1366, height: 900, isMobile: false };

/** The pages measured: who signs in, where it goes, what shows when it is ready, and its one API call. */
const pages = {
  scorecard: { label: '我的考核', login: 'demo-community', path: '/scorecard', ready: '.scorecard .summary', extra: ['.years', '.chart svg'], viewport: phone, api: (year: number, orgId: number) => `/api/cycles/${year}/orgs/${orgId}/scorecard` },
  dashboard: { label: '驾驶舱', login: 'demo-leader', path: '/dashboard', ready: '.dist .chart svg', extra: ['.children .child', '.lagging'], viewport: desk, api: (year: number) => `/api/cycles/${year}/dashboard` },
};
const target = pages[(arg('--page') ?? 'scorecard') as keyof typeof pages];
if (!target) throw new Error(`--page 只能是 ${Object.keys(pages).join(' 或 ')}`);

async function openTarget() {
  const url = process.env.DATABASE_URL;
  if (!url) return { handle: await openDatabase({ kind: 'pglite' }), drop: async () => {} };
  const name = `xp_bench_scorecard_${Date.now()}`;
  const admin = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
  await sql`create database ${sql.id(name)}`.execute(admin.db);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: u.toString(), poolSize: 4 });
  return {
    handle,
    drop: async () => {
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
      await admin.close();
    },
  };
}

/** Signs in once and returns the session cookie, for every timed load after it. */
async function cookieOf(browser: Browser, base: string, login: string) {
  const page = await browser.newPage();
  await page.goto(`${base}/login`, { waitUntil: 'networkidle0' });
  await page.type('input[autocomplete="username"]', login);
  await page.type('input[autocomplete="current-password"]', DEMO_PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForSelector('.hello', { visible: true, timeout: 60_000 }).catch(async (e: unknown) => {
    await page.screenshot({ path: '/tmp/bench-login-failed.png' });
    throw e;
  });
  const cookies = await page.browserContext().cookies();
  await page.close();
  return cookies;
}

/** Milliseconds from navigating to `path` until `selector` (and then each of `extra`) shows, in a fresh tab. */
async function timeLoad(browser: Browser, base: string, path: string, selector: string, year: number, extra: string[] = []): Promise<number> {
  const page = await browser.newPage();
  await page.setViewport(target.viewport);
  await page.goto(`${base}/health`);
  await page.evaluate((y) => localStorage.setItem('xingping.context', JSON.stringify({ year: y })), year);
  const started = performance.now();
  await page.goto(`${base}${path}`);
  await page.waitForSelector(selector, { visible: true, timeout: 60_000 }).catch(async (e: unknown) => {
    await page.screenshot({ path: '/tmp/bench-scorecard-failed.png' });
    throw e;
  });
  for (const last of extra) {
    await page.waitForSelector(last, { visible: true, timeout: 60_000 }).catch(async (e: unknown) => {
      await page.screenshot({ path: '/tmp/bench-scorecard-failed.png', fullPage: true });
      throw e;
    });
  }
  const ms = performance.now() - started;
  await page.close();
  return ms;
}

async function main() {
  const { handle, drop } = await openTarget();
  const ruleSets = await loadRuleSets();
  const ctx = { actor: cliActor(), db: handle.db, clock: systemClock, requestId: null };
  let seededMs = performance.now();
  await migrateToLatest(handle.db);
  const seeded = await seedDemo(ctx, { scale, seed: 'xingping' });
  const results = await demoResults(ctx, ruleSets, seeded.cycles.filter((c) => c.state === 'reviewing').map((c) => c.year));
  const year = results.at(-1)!.year;
  await demoPublish(ctx, year);
  seededMs = performance.now() - seededMs;
  const orgs = (await sql<{ n: number }>`select count(*)::int as n from organizations`.execute(handle.db)).rows[0]!.n;
  const deps = { ...nodeDeps(handle, { ruleSets, logger: quietLogger, env: parseEnv({}) }), ui: loadUiAssets('dist/ui') };
  if (!deps.ui) throw new Error('先构建网页界面：npm run build:ui');
  const app = createApp(deps);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await puppeteer.launch({ executablePath: findBrowser(process.env.XINGPING_CHROMIUM), headless: true, args: chromiumArgs });
  try {
    await browser.setCookie(...(await cookieOf(browser, base, target.login)));
    const orgId = (await sql<{ id: number }>`select org_id as id from users where login = ${target.login}`.execute(handle.db)).rows[0]!.id;
    const home: number[] = [];
    const card: number[] = [];
    const apiOnly: number[] = [];
    await timeLoad(browser, base, target.path, target.ready, year, target.extra); // warm-up (code cache, pools)
    for (let i = 0; i < RUNS; i++) {
      home.push(await timeLoad(browser, base, '/', '.hello', year, ['.todos']));
      card.push(await timeLoad(browser, base, target.path, target.ready, year, target.extra));
      const page = await browser.newPage();
      await page.goto(`${base}/health`);
      apiOnly.push(await page.evaluate(async (url) => {
        const t = performance.now();
        await (await fetch(url)).json();
        return performance.now() - t;
      }, target.api(year, orgId)));
      await page.close();
    }
    const db = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
    console.log(`演示区县 ×${scale}（${orgs} 个组织，${db}；准备数据 ${(seededMs / 1000).toFixed(0)} s），${target.viewport.width} px 视口，${RUNS} 次中位数：`);
    console.log(`  ${target.label} 可交互：${median(card).toFixed(0)} ms（${card.map((x) => x.toFixed(0)).join(' / ')}）`);
    console.log(`  首页 可交互（基线）：${median(home).toFixed(0)} ms；${target.label} / 首页 = ${(median(card) / median(home)).toFixed(2)}×`);
    console.log(`  ${target.label}接口单独：${median(apiOnly).toFixed(0)} ms（页面时间中接口占 ${((median(apiOnly) / median(card)) * 100).toFixed(0)}%）`);
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
    await deps.printing.pdf.close();
    await handle.close();
    await drop();
  }
}

await main();
