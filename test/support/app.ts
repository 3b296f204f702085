import { afterAll } from 'vitest';
import { exceljsSpreadsheet } from '../../src/adapters/spreadsheet-exceljs';
import { createApp } from '../../src/app';
import { quietLogger, type BallotOptions, type Deps } from '../../src/deps';
import { systemClock, type Clock } from '../../src/lib/clock';
import { openTestDatabase } from './db';
import { loadRuleSets } from '../../src/entry/rule-files';
import { nodePrinting } from '../../src/entry/node-deps';
import type { Printing } from '../../src/features/documents/print-documents';
import type { RuleSets } from '../../src/rules/registry';

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
    const p = nodePrinting({ publicUrl: 'http://xingping.test' });
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

/** createApp on a real database (PGlite snapshot or PostgreSQL), closed after the file's tests. */
export async function setupTestApp(opts: { clock?: Clock; ballots?: Partial<BallotOptions> } = {}) {
  const handle = await openTestDatabase();
  const deps: Deps = {
    ruleSets: await testRuleSets(),
    db: handle.db,
    dbKind: handle.kind,
    clock: opts.clock ?? systemClock,
    logger: quietLogger,
    spreadsheet: exceljsSpreadsheet,
    printing: testPrinting(),
    ballots: testBallotOptions(opts.ballots),
  };
  const app = createApp(deps);
  afterAll(() => handle.close());
  return { app, db: handle.db, deps };
}

export type ApiResponse = { status: number; body: any; headers: Headers };

/** Calls the app like a client: JSON in, JSON out, with an optional bearer token. */
export function client(app: ReturnType<typeof createApp>, token?: string) {
  const call = async (method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<ApiResponse> => {
    const headers: Record<string, string> = { ...extraHeaders };
    if (token) headers.authorization = `Bearer ${token}`;
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
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown) => call('POST', path, body),
    patch: (path: string, body?: unknown) => call('PATCH', path, body),
    call,
  };
}
