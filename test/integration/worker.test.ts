import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unstable_DevWorker } from 'wrangler';
import { findBrowser } from '../../src/adapters/pdf-puppeteer';
import { DEMO_PASSWORD } from '../../src/demo/demo-accounts';
import { demoPublish, demoResults } from '../../src/demo/demo-results';
import { seedDemo } from '../../src/demo/seed-demo';
import { loadRuleSets } from '../../src/entry/rule-files';
import { cliActor, type Ctx } from '../../src/features/context';
import { getScorecard } from '../../src/features/scoring/get-scorecard';
import { createToken } from '../../src/features/tokens/create-token';
import { systemClock } from '../../src/lib/clock';
import { onPostgres, openIsolatedDatabase } from '../support/db';

/**
 * The Cloudflare Workers entry (src/entry/worker.ts) in wrangler's local runtime (workerd through `unstable_dev`, the
 * wrangler.toml of the project, its build step included) against a PostgreSQL database of its own with the demo
 * district: health, sign-in, a scorecard, a resident's ballot, an Excel export, a PDF through Browser Rendering, and
 * the web application from the static assets. PostgreSQL only: a Worker has no embedded database.
 */

/** The Chrome build wrangler 4.86's local Browser Rendering asks for; it is looked up in wrangler's cache before any download. */
const LOCAL_BROWSER_BUILD = '126.0.6478.182';
const root = process.cwd();
const cache = join(root, '.cache/wrangler');

/**
 * Local Browser Rendering downloads Chrome for Testing into wrangler's cache. This machine has no internet, so the
 * cache entry it looks for is a script starting the system's Chromium (with the flags it needs as root).
 */
function localBrowserShim(): void {
  const dir = join(cache, 'xdg-cache/.wrangler/chrome', `linux-${LOCAL_BROWSER_BUILD}`, 'chrome-linux64');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'chrome'), `#!/bin/sh\nexec ${findBrowser()} --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run "$@"\n`);
  chmodSync(join(dir, 'chrome'), 0o755);
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe.skipIf(!onPostgres)('the Worker in wrangler’s local runtime, on PostgreSQL', () => {
  let handle: Awaited<ReturnType<typeof openIsolatedDatabase>>;
  let worker: Unstable_DevWorker;
  let token: string;
  let year: number;
  let ledgerYear: number;
  let ctx: Ctx;
  let jobWorker: ChildProcess | null = null;

  beforeAll(async () => {
    handle = await openIsolatedDatabase();
    ctx = { actor: cliActor(), db: handle.db, clock: systemClock, requestId: null };
    const seeded = await seedDemo(ctx, { scale: 1, seed: 'xingping' });
    const results = await demoResults(ctx, await loadRuleSets(), seeded.cycles.filter((c) => c.state === 'reviewing').map((c) => c.year));
    year = results.at(-1)!.year;
    ledgerYear = seeded.cycles.find((c) => c.state === 'collecting')!.year; // campaigns run while the ledger is open
    await demoPublish(ctx, year);
    token = (await createToken({ ctx, input: { login: 'demo-admin', name: 'worker test' } })).token;

    Object.assign(process.env, {
      WRANGLER_SEND_METRICS: 'false',
      WRANGLER_SEND_ERROR_REPORTS: 'false',
      CLOUDFLARE_CF_FETCH_ENABLED: 'false',
      XDG_CONFIG_HOME: join(cache, 'xdg-config'),
      XDG_CACHE_HOME: join(cache, 'xdg-cache'),
      WRANGLER_LOG_PATH: join(cache, 'logs'),
    });
    try {
      localBrowserShim();
    } catch {
      // No Chromium here: every test but the PDF's still runs (that one then says why it failed).
    }
    const { unstable_dev } = await import('wrangler');
    // Its own address is its public one: Browser Rendering loads the print fonts from there.
    const port = await freePort();
    worker = await unstable_dev('src/entry/worker.ts', {
      config: 'wrangler.toml',
      ip: '127.0.0.1',
      port,
      vars: { DATABASE_URL: handle.url!, XINGPING_BALLOT_SALT: 'worker-test-salt-0123456789', XINGPING_PUBLIC_URL: `http://127.0.0.1:${port}` },
      logLevel: 'warn',
      experimental: { disableExperimentalWarning: true, disableDevRegistry: true },
    });
  }, 240_000);

  afterAll(async () => {
    jobWorker?.kill('SIGKILL'); // only when its own test timed out before stopping it
    await worker?.stop();
    await handle?.drop();
  });

  const base = () => `http://127.0.0.1:${worker.port}`;
  const bearer = () => ({ authorization: `Bearer ${token}` });

  it('answers /health from PostgreSQL', async () => {
    const res = await fetch(`${base()}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'postgres' });
  });

  it('signs a person in with a session cookie, which then reads their account', async () => {
    const login = await fetch(`${base()}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'demo-admin', password: DEMO_PASSWORD }) });
    expect(login.status).toBe(200);
    const cookie = /xp_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
    expect(cookie).toBeTruthy();
    const me = await fetch(`${base()}/api/auth/me`, { headers: { cookie: cookie! } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ login: 'demo-admin', role: 'admin' });
    const wrong = await fetch(`${base()}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'demo-admin', password: 'not-the-password' }) });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('serves a scorecard equal to the one the Node side builds, and refuses without a token', async () => {
    const orgId = (await handle.db.selectFrom('scores').select('org_id').orderBy('org_id').limit(1).executeTakeFirstOrThrow()).org_id;
    const res = await fetch(`${base()}/api/cycles/${year}/orgs/${orgId}/scorecard`, { headers: bearer() });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(await getScorecard({ ctx, year, orgId }))));
    expect((await fetch(`${base()}/api/cycles/${year}/orgs/${orgId}/scorecard`)).status).toBe(401);
  });

  it('takes a resident’s ballot on the public page, once per code', async () => {
    const api = (path: string, body?: unknown) =>
      fetch(`${base()}${path}`, { method: 'POST', headers: { ...bearer(), 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
    const district = await handle.db.selectFrom('organizations').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
    const grid = await handle.db.selectFrom('organizations').select('id').where('category', '=', 'grid').orderBy('id').executeTakeFirstOrThrow();
    const created = await api('/api/campaigns', { year: ledgerYear, orgId: district.id, title: 'Worker 测评', items: [{ key: 'a', label: '服务' }], targets: [grid.id], opensOn: '2020-01-01', closesOn: '2999-12-31' });
    expect(created.status, await created.clone().text()).toBe(201);
    const campaignId = ((await created.json()) as { id: number }).id;
    expect((await api(`/api/campaigns/${campaignId}/open`)).status).toBe(200);
    const issued = await api(`/api/campaigns/${campaignId}/codes`, { targetOrgId: grid.id, raterGroup: '居民', count: 1 });
    const code = ((await issued.json()) as { codes: { code: string }[] }).codes[0]!.code;

    // The code-entry pages themselves reach the Worker, not the web application's index.
    const entry = await fetch(`${base()}/b`);
    expect(entry.status).toBe(200);
    expect(await entry.text()).toContain('评议码');
    const raterForm = await fetch(`${base()}/r?code=ABC`, { redirect: 'manual' });
    expect(raterForm.status).toBe(303);
    expect(raterForm.headers.get('location')).toBe('/r/ABC');

    const page = await fetch(`${base()}/b/${code}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('服务');
    const vote = await fetch(`${base()}/b/${code}`, { method: 'POST', body: new URLSearchParams({ item_a: '满意' }) });
    expect(vote.status).toBe(201);
    const again = await fetch(`${base()}/b/${code}`, { method: 'POST', body: new URLSearchParams({ item_a: '不满意' }) });
    expect(again.status).toBeGreaterThanOrEqual(400);
    const pending = await sql<{ n: number }>`select count(*)::int as n from pending_ballots where campaign_id = ${campaignId}`.execute(handle.db);
    expect(pending.rows[0]!.n).toBe(1); // held until the campaign closes (DECISIONS.md, anonymity)
  });

  it('exports results as Excel and prints a scorecard PDF through Browser Rendering', async () => {
    const xlsx = await fetch(`${base()}/api/cycles/${year}/results.xlsx`, { headers: bearer() });
    expect(xlsx.status).toBe(200);
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');

    const org = await handle.db.selectFrom('organizations').select(['id', 'name']).where('category', '=', 'community').orderBy('id').executeTakeFirstOrThrow();
    const pdf = await fetch(`${base()}/api/cycles/${year}/orgs/${org.id}/scorecard.pdf`, { headers: bearer() });
    expect(pdf.status).toBe(200);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // Read back: the organization's name and the footer's page numbers, in the embedded CJK font.
    if (existsSync('/usr/bin/pdftotext')) {
      const file = join(cache, `scorecard-${process.pid}.pdf`);
      writeFileSync(file, bytes);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      expect(text).toContain(org.name);
      expect(text).toMatch(/\b1 ?\/ ?\d+/);
    }
  }, 120_000);

  it('records a book, which `xingping worker` on Node then prints; the Worker serves the PDF', async () => {
    const grid = await handle.db.selectFrom('organizations').select(['id', 'name']).where('category', '=', 'grid').orderBy('id').executeTakeFirstOrThrow();
    const asked = await fetch(`${base()}/api/jobs/books`, { method: 'POST', headers: { ...bearer(), 'content-type': 'application/json' }, body: JSON.stringify({ year, orgId: grid.id }) });
    expect(asked.status).toBe(201);
    const { job } = (await asked.json()) as { job: { id: number; state: string } };
    expect(job.state).toBe('queued'); // a Worker works no jobs: recorded in PostgreSQL, waiting for a Node process

    const proc = (jobWorker = spawn(process.execPath, ['bin/xingping.mjs', 'worker'], { cwd: root, env: { ...process.env, DATABASE_URL: handle.url! }, stdio: ['ignore', 'pipe', 'pipe'] }));
    let output = '';
    proc.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    proc.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => proc.on('exit', resolve));
    try {
      let state = job.state;
      for (let i = 0; i < 240 && state !== 'done' && state !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 250));
        state = ((await (await fetch(`${base()}/api/jobs/${job.id}`, { headers: bearer() })).json()) as { state: string }).state;
      }
      expect(state, output).toBe('done');
      const pdf = await fetch(`${base()}/api/jobs/${job.id}/result`, { headers: bearer() });
      expect(pdf.status).toBe(200);
      expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      proc.kill('SIGTERM');
    }
    expect(await exited, output).toBe(0); // it finishes what it holds and stops cleanly
    jobWorker = null;
    expect(output).toContain('作业进程已停止');
  }, 150_000);

  it('serves the web application from the static assets, every page path its index', async () => {
    const page = await fetch(`${base()}/dashboard`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="app"');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    expect((await fetch(`${base()}${script}`)).status).toBe(200);
  });
});
