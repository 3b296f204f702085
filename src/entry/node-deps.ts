import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { directoryBlobs } from '../adapters/blobs-directory';
import type { DatabaseHandle } from '../db/client';
import type { BallotOptions, Deps } from '../deps';
import { readEnv, type Env } from '../env';
import type { Logger } from '../errors/http';
import type { Printing } from '../features/documents/print-documents';
import { systemClock, type Clock } from '../lib/clock';
import { consoleLogger } from '../deps';
import type { RuleSets } from '../rules/registry';
import { fontDir, loadTemplates } from './template-files';
import { defaultAuthPolicy, type AuthPolicy, type RequestInfo } from '../features/auth/auth.policy';
import { databaseCounters, memoryCounters } from '../features/limits/limiter';
import { loadUiAssets } from './ui-files';
import { defaultLoad, type LoadOptions } from '../features/limits/request-limits';
import { inProcessJobs } from '../adapters/jobs-in-process';
import { lazyImages, lazyPdf, lazyPgBoss, lazySpreadsheet } from './lazy-ports';

/**
 * Printing on Node: templates/ compiled once, puppeteer with one browser started at the first document
 * (a server that never prints never starts one). Close `pdf` when done, or the browser keeps Node alive.
 */
export function nodePrinting(opts: { publicUrl: string; chromium?: string; pages?: number }): Printing {
  const templates = loadTemplates();
  return {
    templates,
    publicUrl: opts.publicUrl,
    pdf: lazyPdf({ css: templates.css, fontDir: fontDir(), executablePath: opts.chromium, pages: opts.pages }),
  };
}

function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * The ballot pages' options on Node: the client is the socket's peer, or, behind a proxy the operator
 * vouches for (XINGPING_TRUST_PROXY=1), the address that proxy appended to X-Forwarded-For (the last one).
 */
export function nodeBallotOptions(env: Env): BallotOptions {
  const trustProxy = env.XINGPING_TRUST_PROXY === '1';
  return {
    publicUrl: env.XINGPING_PUBLIC_URL ?? `http://${env.HOST}:${env.PORT}`,
    salt: env.XINGPING_BALLOT_SALT ?? [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join(''),
    rateLimit: { limit: env.XINGPING_BALLOT_RATE, windowMs: 60_000 },
    clientAddress: (c) => {
      if (trustProxy) {
        // The last entry is the one the trusted proxy added; earlier ones are whatever the client sent.
        const last = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
        if (last) return last;
      }
      return socketAddress(c);
    },
  };
}

/** What a request says about its client on Node: the address as for ballots, https from the URL or a trusted proxy. */
export function nodeRequestInfo(env: Env, clientAddress: (c: Context) => string): RequestInfo {
  const trustProxy = env.XINGPING_TRUST_PROXY === '1';
  return (c) => ({
    address: clientAddress(c),
    userAgent: c.req.header('user-agent') ?? null,
    https: new URL(c.req.url).protocol === 'https:' || (trustProxy && c.req.header('x-forwarded-proto') === 'https'),
  });
}

export function authPolicyFromEnv(env: Env): AuthPolicy {
  return { ...defaultAuthPolicy, sessionIdleMs: env.XINGPING_SESSION_IDLE_MINUTES * 60_000, sessionMaxMs: env.XINGPING_SESSION_MAX_HOURS * 3_600_000 };
}

/** Admission control and the request time limit from the environment. */
export function loadFromEnv(env: Env): LoadOptions {
  return { ...defaultLoad, maxActive: env.XINGPING_MAX_ACTIVE, maxQueued: env.XINGPING_MAX_QUEUED, requestMs: env.XINGPING_REQUEST_SECONDS * 1000 };
}

/** The composition root for Node: the database handle plus the Node implementations of the ports. */
export function nodeDeps(
  handle: DatabaseHandle,
  opts: { ruleSets: RuleSets; clock?: Clock; logger?: Logger; publicUrl?: string; chromium?: string; env?: Env },
): Deps {
  const env = opts.env ?? readEnv();
  const clock = opts.clock ?? systemClock;
  const ballots = nodeBallotOptions(env);
  return {
    ruleSets: opts.ruleSets,
    db: handle.db,
    dbKind: handle.kind,
    clock,
    logger: opts.logger ?? consoleLogger,
    spreadsheet: lazySpreadsheet(),
    printing: nodePrinting({ publicUrl: opts.publicUrl ?? 'http://127.0.0.1:8787', chromium: opts.chromium ?? env.XINGPING_CHROMIUM }),
    ballots,
    auth: { policy: authPolicyFromEnv(env), client: nodeRequestInfo(env, ballots.clientAddress) },
    counters: handle.kind === 'postgres' ? databaseCounters(handle.db, clock) : memoryCounters(clock),
    files: { store: env.XINGPING_FILES_DIR ? directoryBlobs(env.XINGPING_FILES_DIR) : { kind: 'database' }, images: lazyImages() },
    jobs: { queue: handle.kind === 'postgres' ? lazyPgBoss(handle.db) : inProcessJobs(), bookLimit: env.XINGPING_BOOK_LIMIT },
    ui: loadUiAssets(),
    load: loadFromEnv(env),
  };
}
