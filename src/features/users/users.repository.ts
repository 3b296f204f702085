import { prepared } from '../../db/prepared';
import { type Kysely, sql } from 'kysely';
import type { Database, Role } from '../../db/database';
import type { NewUser, SignInOutcome, UserRow } from './users.table';

/** A user with the path and name of the organization it acts for. */
export type UserWithOrg = UserRow & { org_path: string; org_name: string; org_kind: string };

function withOrg(db: Kysely<Database>) {
  return db
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.org_id')
    .selectAll('u')
    .select(['o.path as org_path', 'o.name as org_name', 'o.kind as org_kind']);
}

export async function findUserById(db: Kysely<Database>, id: number): Promise<UserWithOrg | undefined> {
  return withOrg(db).where('u.id', '=', id).executeTakeFirst();
}

/** The user with this login (lower-cased by the caller), locked for update when a sign-in changes its counters. */
export async function findUserByLogin(db: Kysely<Database>, login: string, lock = false): Promise<UserWithOrg | undefined> {
  return withOrg(db)
    .where('u.login', '=', login)
    .$if(lock, (q) => q.forUpdate('u'))
    .executeTakeFirst();
}

export async function findUsersByLogins(db: Kysely<Database>, logins: readonly string[]): Promise<{ id: number; login: string }[]> {
  if (logins.length === 0) return [];
  return db.selectFrom('users').select(['id', 'login']).where(sql<boolean>`login = any(${[...new Set(logins)]}::text[])`).execute();
}

export async function insertUsers(db: Kysely<Database>, rows: NewUser[]): Promise<{ id: number; login: string }[]> {
  if (rows.length === 0) return [];
  return db.insertInto('users').values(rows).returning(['id', 'login']).execute();
}

export async function updateUser(db: Kysely<Database>, id: number, values: Partial<Omit<NewUser, 'id' | 'created_at'>>): Promise<void> {
  await db.updateTable('users').set(values).where('id', '=', id).execute();
}

export type UserFilter = { pathPrefix: string; q?: string; role?: Role; orgId?: number; kind?: 'person' | 'script'; limit: number; offset: number };

/** Users of a subtree, newest organization depth first, with paging and a search over login and name. */
export async function listUsers(db: Kysely<Database>, f: UserFilter): Promise<{ rows: UserWithOrg[]; total: number }> {
  const base = withOrg(db)
    .where('o.path', 'like', `${f.pathPrefix}%`)
    .$if(Boolean(f.q), (q) => q.where((eb) => eb.or([eb('u.login', 'like', `%${escapeLike(f.q!.toLowerCase())}%`), eb('u.display_name', 'like', `%${escapeLike(f.q!)}%`), eb('o.name', 'like', `%${escapeLike(f.q!)}%`)])))
    .$if(Boolean(f.role), (q) => q.where('u.role', '=', f.role!))
    .$if(Boolean(f.orgId), (q) => q.where('u.org_id', '=', f.orgId!))
    .$if(Boolean(f.kind), (q) => q.where('u.kind', '=', f.kind!));
  const [rows, count] = await Promise.all([
    base.orderBy('o.path').orderBy('u.id').limit(f.limit).offset(f.offset).execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A failed password: one more failure, and a lock until `lockUntil` once `max` is reached. Returns the new count. */
export async function recordFailure(db: Kysely<Database>, id: number, max: number, lockUntil: Date): Promise<number> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({
      failed_count: sql<number>`case when ${eb.ref('failed_count')} + 1 >= ${max} then 0 else ${eb.ref('failed_count')} + 1 end`,
      locked_until: sql<Date | null>`case when ${eb.ref('failed_count')} + 1 >= ${max} then ${lockUntil}::timestamptz else ${eb.ref('locked_until')} end`,
    }))
    .where('id', '=', id)
    .returning(['failed_count', 'locked_until'])
    .executeTakeFirstOrThrow();
  return row.failed_count;
}

export async function insertSignInAttempt(
  db: Kysely<Database>,
  row: { login: string; user_id: number | null; address: string; outcome: SignInOutcome },
): Promise<void> {
  await db.insertInto('sign_in_attempts').values(row).execute();
}

export async function listSignInAttempts(db: Kysely<Database>, userId: number, limit: number) {
  return db.selectFrom('sign_in_attempts').select(['at', 'address', 'outcome']).where('user_id', '=', userId).orderBy('id', 'desc').limit(limit).execute();
}

// Sessions

export async function insertSession(
  db: Kysely<Database>,
  row: { id: string; user_id: number; csrf_token: string; expires_at: Date; address: string | null; user_agent: string | null; created_at: Date; last_seen_at: Date },
): Promise<void> {
  await db.insertInto('user_sessions').values(row).execute();
}

/** The live session with this id hash and its user (with the organization's path). */
export async function findSession(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('user_sessions as s')
    .modifyFront(prepared)
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('organizations as o', 'o.id', 'u.org_id')
    .where('s.id', '=', id)
    .where('s.revoked_at', 'is', null)
    .select(['s.id', 's.csrf_token', 's.created_at', 's.last_seen_at', 's.expires_at', 'u.id as user_id', 'u.login', 'u.display_name', 'u.role', 'u.org_id', 'u.disabled_at', 'u.must_change_password', 'o.path as org_path'])
    .executeTakeFirst();
}

export async function touchSession(db: Kysely<Database>, id: string, at: Date): Promise<void> {
  await db.updateTable('user_sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function revokeSession(db: Kysely<Database>, id: string, at: Date): Promise<void> {
  await db.updateTable('user_sessions').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

/** Ends every live session of a user (but `keep`): returns how many ended. */
export async function revokeUserSessions(db: Kysely<Database>, userId: number, at: Date, keep?: string): Promise<number> {
  const rows = await db
    .updateTable('user_sessions')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .$if(Boolean(keep), (q) => q.where('id', '<>', keep!))
    .returning('id')
    .execute();
  return rows.length;
}

/** Revokes every live API token of a user; returns how many. */
export async function revokeUserTokens(db: Kysely<Database>, userId: number, at: Date): Promise<number> {
  const rows = await db.updateTable('api_tokens').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null).returning('id').execute();
  return rows.length;
}

export async function countLiveSessions(db: Kysely<Database>, userIds: readonly number[], at: Date): Promise<Map<number, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('user_sessions')
    .select(['user_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where(sql<boolean>`user_id = any(${[...userIds]}::int[])`)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .groupBy('user_id')
    .execute();
  return new Map(rows.map((r) => [r.user_id, Number(r.n)]));
}

export type SignInFilter = { pathPrefix: string; userId?: number; q?: string; failedOnly?: boolean; limit: number; offset: number };

/** Sign-in attempts on the accounts of a subtree (attempts on unknown logins belong to no one), newest first. */
export async function listSignInHistory(db: Kysely<Database>, f: SignInFilter) {
  const base = db
    .selectFrom('sign_in_attempts as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('organizations as o', 'o.id', 'u.org_id')
    .where('o.path', 'like', `${f.pathPrefix}%`)
    .$if(f.userId !== undefined, (q) => q.where('s.user_id', '=', f.userId!))
    .$if(Boolean(f.q), (q) => q.where((eb) => eb.or([eb('u.login', 'like', `%${escapeLike(f.q!.toLowerCase())}%`), eb('u.display_name', 'like', `%${escapeLike(f.q!)}%`)])))
    .$if(Boolean(f.failedOnly), (q) => q.where('s.outcome', '<>', 'ok'));
  const [rows, count] = await Promise.all([
    base.select(['s.id', 's.at', 's.address', 's.outcome', 'u.id as user_id', 'u.login', 'u.display_name', 'o.name as org_name']).orderBy('s.id', 'desc').limit(f.limit).offset(f.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
