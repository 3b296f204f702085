import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import puppeteer, { type Browser, type BrowserContext, type ElementHandle, type Page } from 'puppeteer';
import { expect, inject } from 'vitest';
import { chromiumArgs, findBrowser } from '../../../src/adapters/pdf-puppeteer';
import { createApp } from '../../../src/app';
import { DEMO_PASSWORD } from '../../../src/demo/demo-accounts';
import { quietLogger } from '../../../src/deps';
import { nodeDeps } from '../../../src/entry/node-deps';
import { startJobs } from '../../../src/features/jobs/run-job';
import { loadUiAssets } from '../../../src/entry/ui-files';
import { parseEnv } from '../../../src/env';
import { testRuleSets } from '../../support/app';
import { openDemoCopy } from './demo-database';

export const onPostgres = Boolean(process.env.DATABASE_URL);

export type Viewport = 'desk' | 'phone';
const viewports: Record<Viewport, { width: number; height: number; isMobile: boolean; hasTouch: boolean }> = {
  desk: { width: 1366, height: 900, isMobile: false, hasTouch: false },
  phone: { width: 375, height: 812, isMobile: true, hasTouch: true },
};

/** Screenshots go here, outside the repository (.cache is ignored), to be opened and looked at. */
export const shotsDir = join(process.cwd(), '.cache', 'screenshots');

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/**
 * A browser test's world: a copy of the demo district on PostgreSQL, the real app with the built web application
 * served on 127.0.0.1 (a free port), and one headless Chromium. `close()` ends all three.
 */
export async function startHarness() {
  const db = await openDemoCopy();
  const env = parseEnv({ DATABASE_URL: db.url, XINGPING_TRUST_PROXY: '1' });
  const deps = { ...nodeDeps(db, { ruleSets: await testRuleSets(), logger: quietLogger, publicUrl: 'http://127.0.0.1', env }), ui: loadUiAssets(inject('uiDir')) };
  expect(deps.ui, 'the web application was built for the browser tests').toBeDefined();
  const app = createApp(deps);
  // The server works background jobs (books) as `npm start` does.
  const stopJobs = await startJobs({ ...deps, jobs: deps.jobs! });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await puppeteer.launch({ executablePath: findBrowser(process.env.XINGPING_CHROMIUM), headless: true, args: [...chromiumArgs, '--lang=zh-CN'] });
  mkdirSync(shotsDir, { recursive: true });
  return {
    baseUrl,
    db: db.db,
    browser,
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
      await stopJobs();
      await deps.printing.pdf.close();
      await db.drop();
    },
  };
}

export type Session = { context: BrowserContext; page: Page; downloads: string };

/** A fresh browser profile (no cookies) at a screen size; each has its own download folder. */
export async function newSession(h: Harness, viewport: Viewport, address = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`): Promise<Session> {
  const context = await h.browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport(viewports[viewport]);
  // Each profile signs in from its own address (behind the trusted proxy), so sign-in throttling per address
  // in one test does not hold up the others.
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': address });
  const downloads = join(shotsDir, '..', 'downloads', `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(downloads, { recursive: true });
  const cdp = await page.createCDPSession();
  await cdp.send('Page.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
  page.on('pageerror', (e) => console.error(`页面脚本错误：${(e as Error).message}`));
  return { context, page, downloads };
}

/** Opens a path and waits for the page to settle, then checks that nothing overflows the screen sideways. */
export async function visit(s: Session, h: Harness, path: string): Promise<void> {
  await s.page.goto(`${h.baseUrl}${path}`, { waitUntil: 'networkidle0' });
  await assertNoOverflow(s.page, path);
}

/**
 * Nothing wider than the screen: the document does not scroll sideways (on a phone, the cardinal sin). Checked on
 * every page visited: after `visit`, after signing in, after each click and whenever a test waits for text.
 */
export async function assertNoOverflow(page: Page, label: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth, `${label}: page wider than the screen`).toBeLessThanOrEqual(clientWidth);
}

/** Types into the input a selector names, replacing what was there. */
export async function typeInto(page: Page, selector: string, value: string): Promise<void> {
  // Locator.fill clears the field and types, waiting for it to be visible and enabled (no triple-click timing).
  await page.locator(selector).setTimeout(10_000).fill(value);
  const now = await page.$eval(selector, (e) => (e as HTMLInputElement).value);
  expect(now, `${selector} holds what was typed`).toBe(value);
}

/** Clicks the visible button (or link) whose text contains `text`. */
export async function clickText(page: Page, text: string, tag = 'button'): Promise<void> {
  try {
    // A table still loading lays a mask over its buttons: wait until no mask is left.
    await page.waitForFunction(() => ![...document.querySelectorAll('.el-loading-mask')].some((m) => (m as HTMLElement).offsetParent !== null), { timeout: 10_000 });
    const target = page.locator(`${tag}::-p-text(${text})`).setTimeout(10_000);
    // A dialog that was just closed fades out over the page for a moment, and a click at the button's place lands on
    // it: wait until the button itself is what a click at its centre would hit.
    const el = await target.waitHandle();
    await el.scrollIntoView();
    await page.waitForFunction(
      (e) => {
        const r = e.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit !== null && e.contains(hit);
      },
      { timeout: 10_000 },
      el,
    );
    await el.dispose();
    await target.click();
  } catch (e) {
    await page.screenshot({ path: join(shotsDir, `failed-click-${text}.png`) }).catch(() => {});
    throw e;
  }
  await settled(page);
}

/**
 * Clicks the element a selector names once no loading mask, dialog overlay or transition can take the click: waits
 * for the element and for every mask to go, then clicks it in the DOM (a table reloading after a save lays a mask over
 * its row buttons for a moment, and a real click there lands on the mask).
 */
export async function clickSettled(page: Page, selector: string): Promise<void> {
  await page.waitForFunction(() => ![...document.querySelectorAll('.el-loading-mask')].some((m) => (m as HTMLElement).offsetParent !== null), { timeout: 10_000 });
  await page.waitForSelector(selector, { visible: true, timeout: 10_000 });
  await page.$eval(selector, (e) => (e as HTMLElement).click());
  await settled(page);
}

/** After a click or a navigation: no request in flight for a moment, and nothing wider than the screen. */
async function settled(page: Page): Promise<void> {
  await page.waitForNetworkIdle({ idleTime: 150, timeout: 15_000 }).catch(() => {});
  await assertNoOverflow(page, page.url());
}

/** The visible text of the page (or of the elements a selector names). */
export async function textOf(page: Page, selector = 'body'): Promise<string> {
  await page.waitForSelector(selector, { visible: true });
  return page.$$eval(selector, (els) => els.map((e) => (e as HTMLElement).innerText).join('\n'));
}

/** Waits until text appears on the page. */
export async function waitForText(page: Page, text: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction((t) => document.body.innerText.includes(t), { timeout }, text);
  await assertNoOverflow(page, `${page.url()} (${text})`);
}

/**
 * Signs in through the login form as a person would (the autocomplete fields password managers use) and
 * returns the milliseconds from the click to the first paint of the page that follows.
 */
export async function signInAs(s: Session, h: Harness, login: string, password = DEMO_PASSWORD, lands: 'home' | 'account' | 'error' = 'home'): Promise<number> {
  await visit(s, h, '/login');
  await typeInto(s.page, 'input[autocomplete="username"]', login);
  await typeInto(s.page, 'input[autocomplete="current-password"]', password);
  const started = Date.now();
  await s.page.click('button[type="submit"]');
  const landmark = { home: '.hello', account: '.forced', error: '.el-alert--error' }[lands];
  await s.page.waitForSelector(landmark, { visible: true, timeout: 20_000 });
  const elapsed = Date.now() - started;
  await settled(s.page);
  return elapsed;
}

/**
 * Until dialogs, drawers and messages have finished their transitions: no finite CSS transition or animation is
 * running (spinners run forever and are left out). Bounded: a page that keeps animating is shot after 2 s.
 */
export async function transitionsDone(page: Page): Promise<void> {
  await new Promise((r) => setTimeout(r, 60)); // a transition the last click starts begins on the next frame
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity), { timeout: 2_000, polling: 'raf' })
    .catch(() => {});
}

/** Saves a screenshot for a person to look at: name-desk.png or name-phone.png. */
export async function shot(s: Session, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  const w = s.page.viewport()?.width ?? 0;
  await transitionsDone(s.page);
  await s.page.screenshot({ path: join(shotsDir, `${name}-${w <= 400 ? 'phone' : 'desk'}.png`), fullPage: opts.fullPage ?? true });
}

/** The next file that lands in the session's download folder, once complete. */
export async function nextDownload(s: Session, trigger: () => Promise<void>, timeout = 30_000): Promise<{ name: string; bytes: Uint8Array }> {
  const before = new Set(readdirSync(s.downloads));
  await trigger();
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const done = readdirSync(s.downloads).filter((f) => !before.has(f) && !f.endsWith('.crdownload'));
    if (done.length > 0) return { name: done[0]!, bytes: new Uint8Array(readFileSync(join(s.downloads, done[0]!))) };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no download arrived');
}

export async function closeSession(s: Session): Promise<void> {
  await s.context.close();
  rmSync(s.downloads, { recursive: true, force: true });
}

/**
 * Picks an organization in the header's search-as-you-type picker. The search asks the server: on a busy machine
 * its answer may come after the popper has settled, so the name is typed again until the option shows.
 */
export async function chooseOrg(page: Page, name: string) {
  await chooseOption(page, '.org-picker', name);
}

/**
 * Picks `name` in a filterable (remote) select: types it (or `query`, a code), then clicks the visible option holding it, found and
 * clicked in one step in the page (a list re-rendered by a later answer cannot move the click to another row).
 */
export async function chooseOption(page: Page, select: string, name: string, query = name) {
  for (let attempt = 0; ; attempt++) {
    await page.locator(select).click();
    await page.locator(`${select} input`).fill(query);
    const option = await page
      .waitForFunction((n) => [...document.querySelectorAll('.el-select-dropdown__item')].find((e) => (e as HTMLElement).offsetParent !== null && e.textContent?.includes(n)), { timeout: 15_000 }, name)
      .catch((e: unknown) => (attempt < 2 ? null : Promise.reject(e)));
    if (option) {
      await (option as ElementHandle<HTMLElement>).evaluate((e) => e.click());
      await page.waitForNetworkIdle({ idleTime: 200, timeout: 15_000 }).catch(() => {});
      return;
    }
    await page.keyboard.press('Escape');
  }
}

/** Clicks the button of the visible message box whose text contains `text` (Element Plus poppers: a DOM click). */
export async function messageBoxButton(page: Page, text: string) {
  const button = await page.waitForFunction(
    (t) => [...document.querySelectorAll('.el-message-box button')].find((b) => (b as HTMLElement).offsetParent !== null && (b as HTMLElement).innerText.includes(t)),
    { timeout: 10_000 },
    text,
  );
  await (button as ElementHandle<HTMLElement>).evaluate((b) => b.click());
  // That box goes (another may open right after it: wait for this button, not for no box at all).
  await page.waitForFunction((b) => !(b as HTMLElement).isConnected || (b as HTMLElement).offsetParent === null, { timeout: 10_000 }, button);
}
