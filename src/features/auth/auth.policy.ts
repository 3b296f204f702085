import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { Clock } from '../../lib/clock';
import type { Counters } from '../limits/limiter';

/** How sign-in and sessions behave (DECISIONS.md: 5 failures → wait; 30 min idle, 12 h at most). */
export type AuthPolicy = {
  sessionIdleMs: number;
  sessionMaxMs: number;
  /** Consecutive wrong passwords before an account is locked, and for how long. */
  maxFailures: number;
  lockMs: number;
  /** Failed sign-ins from one client address within the window before it must wait. */
  addressFailures: number;
  addressWindowMs: number;
};

export const defaultAuthPolicy: AuthPolicy = {
  sessionIdleMs: 30 * 60_000,
  sessionMaxMs: 12 * 60 * 60_000,
  maxFailures: 5,
  lockMs: 15 * 60_000,
  addressFailures: 5,
  addressWindowMs: 15 * 60_000,
};

/** What the sign-in verbs need besides their input. */
export type AuthDeps = { db: Kysely<Database>; clock: Clock; counters: Counters; policy: AuthPolicy; requestId: string | null };

/** The request facts a sign-in records. */
export type ClientInfo = { address: string; userAgent: string | null };

export type RequestInfo = (c: Context) => ClientInfo & { https: boolean };
