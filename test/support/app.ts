import type { LoadOptions } from '../../src/features/limits/request-limits';
import { sharpImages } from '../../src/adapters/images-sharp';
import type { FilePorts } from '../../src/features/files/file-ports';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/database';
import { afterAll } from 'vitest';
import { exceljsSpreadsheet } from '../../src/adapters/spreadsheet-exceljs';
import { createApp } from '../../src/app';
import { quietLogger, type BallotOptions, type Deps } from '../../src/deps';
import { systemClock, type Clock } from '../../src/lib/clock';
import { openIsolatedDatabase, openTestDatabase } from './db';
import { loadRuleSets } from '../../src/entry/rule-files';
import { nodePrinting } from '../../src/entry/node-deps';
import type { Printing } from '../../src/features/documents/print-documents';
import type { RuleSets } from '../../src/rules/registry';
import { defaultAuthPolicy, type AuthPolicy } from '../../src/features/auth/auth.policy';
import { databaseCounters, memoryCounters } from '../../src/features/limits/limiter';
import type { UiAssets } from '../../src/web/ui-assets';

let cached: Promise<RuleSets> | null = null;
/** The rule sets of rules/, compiled once per test worker. */
export function testRuleSets(): Promise<RuleSets> {
  cached ??= loadRuleSets();
  return cached;
}

let printing: Printing | null = null;
/** One printing setup per test file (its browser starts at the first PDF), closed after the file's tests. */
export function testPrinting(): Printing {
  if (!printing) {
    const p = nodePrinting({ publicUrl: 'http://xingping.test', chromium: process.env.XINGPING_CHROMIUM });
    printing = p;
    afterAll(async () => {
      await p.pdf.close();
      printing = null;
    });
  }
  return printing;
}

export type TestApp = Awaited<ReturnType<typeof setupTestApp>>;

/**
 * Ballot page options for tests: the client address comes from an `x-test-client` header, so a test
 * can play many residents or one stuffing the box; the rate limit is high unless a test sets it.
 */
export function testBallotOptions(overrides: Partial<BallotOptions> = {}): BallotOptions {
  return {
    publicUrl: 'https://pingyi.example.cn',
    salt: 'test-salt-0123456789',
    rateLimit: { limit: 100_000, windowMs: 60_000 },
    clientAddress: (c) => c.req.header('x-test-client') ?? '127.0.0.1',
    ...overrides,
  };
}

/** The client of a test request: the address from `x-test-client` (as for ballots), never https. */
export const testRequestInfo = (c: Context) => ({ address: c.req.header('x-test-client') ?? '127.0.0.1', userAgent: c.req.header('user-agent') ?? null, https: false });

/** Sign-in policy and limiter counters for a test app (counters in the database on PostgreSQL, as in production). */
export function testAuthDeps(db: Kysely<Database>, dbKind: 'pglite' | 'postgres', clock: Clock, policy: Partial<AuthPolicy> = {}) {
  return {
    auth: { policy: { ...defaultAuthPolicy, ...policy }, client: testRequestInfo },
    counters: dbKind === 'postgres' ? databaseCounters(db, clock) : memoryCounters(clock),
  };
}

/** createApp on a real database (PGlite snapshot or PostgreSQL), closed after the file's tests. */
export async function setupTestApp(opts: { clock?: Clock; ballots?: Partial<BallotOptions>; auth?: Partial<AuthPolicy>; ui?: UiAssets; isolated?: boolean; files?: FilePorts; load?: LoadOptions } = {}) {
  // `isolated`: a database of its own on PostgreSQL too, for tests that need the only top-level organization
  // (the cycle's own steps are the CLI's when a database holds several).
  const isolated = opts.isolated ? await openIsolatedDatabase() : null;
  const handle = isolated ?? (await openTestDatabase());
  const clock = opts.clock ?? systemClock;
  const deps: Deps = {
    ruleSets: await testRuleSets(),
    db: handle.db,
    dbKind: handle.kind,
    clock,
    logger: quietLogger,
    spreadsheet: exceljsSpreadsheet,
    printing: testPrinting(),
    ballots: testBallotOptions(opts.ballots),
    ...testAuthDeps(handle.db, handle.kind, clock, opts.auth),
    files: opts.files ?? { store: { kind: 'database' }, images: sharpImages },
    ui: opts.ui,
    load: opts.load,
  };
  const app = createApp(deps);
  afterAll(() => (isolated ? isolated.drop() : handle.close()));
  return { app, db: handle.db, deps };
}

export type ApiResponse = { status: number; body: any; headers: Headers };

/** One request as a client sends it: JSON in (or a FormData upload), JSON out (or the text of a page or file). */
async function send(app: ReturnType<typeof createApp>, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<ApiResponse> {
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await app.request(path, { method, headers, body: payload });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (HTML page, file download): keep the text.
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

/** Calls the app like a client: JSON in, JSON out, with an optional bearer token. */
export function client(app: ReturnType<typeof createApp>, token?: string) {
  const call = (method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}) =>
    send(app, method, path, { ...extraHeaders, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body);
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown) => call('POST', path, body),
    patch: (path: string, body?: unknown) => call('PATCH', path, body),
    put: (path: string, body?: unknown) => call('PUT', path, body),
    call,
  };
}

/** Signs in through POST /api/auth/login as a browser would; returns the session cookie and the CSRF token. */
export async function signIn(app: ReturnType<typeof createApp>, login: string, password: string, address = '127.0.0.1') {
  const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', 'x-test-client': address }, body: JSON.stringify({ login, password }) });
  const body = (await res.json()) as any;
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = /xp_session=[^;]+/.exec(setCookie)?.[0] ?? null;
  return { status: res.status, body, setCookie, cookie, csrf: (body?.csrfToken as string | undefined) ?? null };
}

/** Calls the app with a session cookie, sending the CSRF token on writes unless told not to. */
export function cookieClient(app: ReturnType<typeof createApp>, cookie: string, csrf: string | null) {
  const call = (method: string, path: string, body?: unknown, opts: { csrf?: boolean } = {}) =>
    send(app, method, path, { cookie, ...(csrf && opts.csrf !== false && method !== 'GET' ? { 'x-csrf-token': csrf } : {}) }, body);
  return { get: (path: string) => call('GET', path), post: (path: string, body?: unknown, opts?: { csrf?: boolean }) => call('POST', path, body, opts), call };
}
