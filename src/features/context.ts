import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/database';
import type { Clock } from '../lib/clock';

/**
 * Who is calling, bound to an organization: everything they read or write must lie under `orgPath`
 * (the materialized path of their organization, e.g. '/1/5/').
 */
export type Actor = {
  /** 'user:12' (a person signed in, or a script through its API token), 'cli', or 'code' (a one-time code). */
  id: string;
  /** The account behind the call; null for the command line and one-time codes. */
  userId: number | null;
  name: string;
  role: Role;
  /** null only for the command line, which acts on the whole database. */
  orgId: number | null;
  orgPath: string;
};

/** What every service verb receives: the caller, the database (or the open transaction) and the clock. */
export type Ctx = {
  actor: Actor;
  db: Kysely<Database>;
  clock: Clock;
  requestId: string | null;
  /** Set inside withTransaction so nested verbs reuse the open transaction. */
  inTransaction?: boolean;
};

/** The command line acts as an administrator over every tree in the database; `user` is the OS account (`Env.USER`). */
export function cliActor(user = 'unknown'): Actor {
  return { id: 'cli', userId: null, name: `命令行（${user}）`, role: 'admin', orgId: null, orgPath: '/' };
}
