import type { LoadOptions } from './features/limits/request-limits';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from './db/database';
import type { Logger } from './errors/http';
import type { Clock } from './lib/clock';
import type { Spreadsheet } from './features/imports/spreadsheet';
import type { RuleSets } from './rules/registry';
import type { Printing } from './features/documents/print-documents';
import type { AuthPolicy, RequestInfo } from './features/auth/auth.policy';
import type { Counters } from './features/limits/limiter';
import type { UiAssets } from './web/ui-assets';
import type { FilePorts } from './features/files/file-ports';
import type { JobPorts } from './features/jobs/job-port';

/**
 * Everything the app needs from the outside world. The entries (node, CLI, tests, later the Worker)
 * build it; the app itself imports nothing runtime-specific.
 */
export type Deps = {
  db: Kysely<Database>;
  dbKind: 'pglite' | 'postgres';
  clock: Clock;
  logger: Logger;
  /** Reads and writes .xlsx/.csv (exceljs on Node). */
  spreadsheet: Spreadsheet;
  /** The rule sets in force, compiled once at start (one json-rules-engine Engine each). */
  ruleSets: RuleSets;
  /** Printable documents: compiled templates, the PDF renderer (puppeteer on Node), the public address for QR codes. */
  printing: Printing;
  /** The public ballot pages (/b/…). */
  ballots: BallotOptions;
  /** Sign-in and sessions: the policy, and what a request says about its client (address, https). */
  auth: { policy: AuthPolicy; client: RequestInfo };
  /** The rate limiter's counters: in PostgreSQL (shared by processes), in memory on PGlite. */
  counters: Counters;
  /** The storage port: where uploaded files' bytes live and the image work on upload (default: the database, no thumbnails). */
  files?: FilePorts;
  /** The one job port (books): the queue (pg-boss on PostgreSQL, in-process on PGlite) and the book size limit; without it jobs wait. */
  jobs?: JobPorts;
  /** The built web application (src/ui → dist/ui); absent when it was not built (the API still serves). */
  ui?: UiAssets;
  /** Admission control and request time limits (default `defaultLoad`). */
  load?: LoadOptions;
};

export type BallotOptions = {
  /** Where residents reach the ballot page; printed in the QR codes. */
  publicUrl: string;
  /** Salt of the client-address hash kept with each ballot (for burst flags). */
  salt: string;
  /** Requests to /b/* per client address and window. */
  rateLimit: { limit: number; windowMs: number };
  /** The client's address (the socket's on Node; X-Forwarded-For only behind a trusted proxy). */
  clientAddress: (c: Context) => string;
};

/** JSON lines on stdout/stderr. */
export const consoleLogger: Logger = {
  info: (message, fields) => console.log(JSON.stringify({ level: 'info', message, ...fields })),
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', message, ...fields })),
};

/** A logger for tests and quiet CLI runs that still reports errors. */
export const quietLogger: Logger = { info: () => {}, error: consoleLogger.error };
