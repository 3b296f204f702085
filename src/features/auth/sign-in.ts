import { decoyHash, verifyPassword } from '../../auth/passwords';
import { hashToken, randomSecret } from '../../auth/tokens';
import { AppError } from '../../errors/app-error';
import { timeInChina } from '../../lib/clock';
import { z } from '../../lib/zod';
import type { Ctx } from '../context';
import { withTransaction } from '../../db/transaction';
import { findUserByLogin, insertSession, insertSignInAttempt, recordFailure, revokeSession, updateUser, type UserWithOrg } from '../users/users.repository';
import type { SignInOutcome } from '../users/users.table';
import type { AuthDeps, ClientInfo } from './auth.policy';
import type { Authenticated } from './authenticate';

export const SignInInput = z.object({
  login: z.string().trim().toLowerCase().min(1, '请输入登录名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
}).strict();

/** One message for an unknown login and a wrong password, so a guess learns nothing about which it was. */
export const BAD_CREDENTIALS = '登录名或密码错误';

export type SignedIn = { cookie: string; csrfToken: string; userId: number; expiresAt: Date; auth: Authenticated };

type Verdict = { ok: true; user: UserWithOrg } | { ok: false; outcome: SignInOutcome; error: AppError };

const addressKey = (address: string) => `signin:${address}`;
const failKey = (login: string) => `signin-fail:${login}`;
const lockKey = (login: string) => `signin-lock:${login}`;

function tooMany(message: string, until: Date): AppError {
  return new AppError('too_many_requests', `${message}，请在 ${timeInChina(until)} 后再试`, { retryAt: until.toISOString() });
}

const lockedError = (policy: AuthDeps['policy'], until: Date) => tooMany(`密码连续输错 ${policy.maxFailures} 次，账号已暂时锁定`, until);

/**
 * 登录: counts the attempt against the client's address first (one atomic hit, so parallel guesses all count;
 * a successful sign-in takes its hit back), then judges the account under a row lock: locked, wrong password
 * (5 in a row lock it), disabled. On success a session opens. Every attempt is recorded, and the failure counters
 * are committed even when the answer is a refusal.
 */
export async function signIn(deps: AuthDeps, client: ClientInfo, input: unknown): Promise<SignedIn> {
  const data = SignInInput.parse(input);
  const { policy, clock } = deps;
  const seen = await deps.counters.hit(addressKey(client.address), policy.addressWindowMs);
  if (seen.hits > policy.addressFailures) {
    const known = await findUserByLogin(deps.db, data.login);
    await insertSignInAttempt(deps.db, { login: data.login, user_id: known?.id ?? null, address: client.address, outcome: 'throttled' });
    throw tooMany('该网络地址登录失败次数过多', seen.resetAt);
  }
  const ctx = { db: deps.db, clock, requestId: deps.requestId, actor: { id: 'sign-in', userId: null, name: data.login, role: 'reviewer', orgId: null, orgPath: '/-/' } } satisfies Ctx;
  const account = await withTransaction(ctx, async (tx): Promise<Verdict | null> => {
    const user = await findUserByLogin(tx.db, data.login, true);
    // No password to check: judged after this transaction. Its counters take connections of their own, and a burst of
    // unknown logins holding every connection of the pool while waiting for one more would stall all of them.
    if (!user || user.kind !== 'person' || !user.password_hash) return null;
    const v = await judge(tx, { ...user, password_hash: user.password_hash }, data.password, deps);
    await insertSignInAttempt(tx.db, { login: data.login, user_id: user.id, address: client.address, outcome: v.ok ? 'ok' : v.outcome });
    if (v.ok) await updateUser(tx.db, v.user.id, { failed_count: 0, locked_until: null, last_sign_in_at: clock.now() });
    return v;
  });
  const verdict = account ?? (await noAccount(deps, data.login, data.password, client.address));
  if (!verdict.ok) throw verdict.error;
  await deps.counters.undo(addressKey(client.address));
  const u = verdict.user;
  const s = await openSession(deps, u.id, client);
  const actor = { id: `user:${u.id}`, userId: u.id, name: u.display_name, role: u.role, orgId: u.org_id, orgPath: u.org_path };
  return { ...s, auth: { actor, via: 'session', mustChangePassword: u.must_change_password, session: { id: s.sessionId, csrfToken: s.csrfToken } } };
}

/** A person's account, under its row lock: locked, wrong password (5 in a row lock it), disabled, or in. */
async function judge(tx: Ctx, user: UserWithOrg & { password_hash: string }, password: string, deps: AuthDeps): Promise<Verdict> {
  const now = deps.clock.now();
  if (user.locked_until && new Date(user.locked_until) > now) return { ok: false, outcome: 'locked', error: lockedError(deps.policy, new Date(user.locked_until)) };
  if (!(await verifyPassword(password, user.password_hash))) {
    const until = new Date(now.getTime() + deps.policy.lockMs);
    const count = await recordFailure(tx.db, user.id, deps.policy.maxFailures, until);
    return { ok: false, outcome: 'bad_password', error: count === 0 ? lockedError(deps.policy, until) : new AppError('unauthorized', BAD_CREDENTIALS) };
  }
  if (user.disabled_at) return { ok: false, outcome: 'disabled', error: new AppError('forbidden', '该账号已停用，请联系上级管理员') };
  return { ok: true, user };
}

/** A login with no account to judge (unknown, or a script account without a password): judged and recorded alike. */
async function noAccount(deps: AuthDeps, login: string, password: string, address: string): Promise<Verdict> {
  const known = await findUserByLogin(deps.db, login);
  const v = await noSuchPassword(deps, login, password, known ? 'no_password' : 'unknown_user');
  await insertSignInAttempt(deps.db, { login, user_id: known?.id ?? null, address, outcome: v.ok ? 'ok' : v.outcome });
  return v;
}

/**
 * A login with no password to check (unknown, or a script account) is answered exactly like an account: the same
 * scrypt work, the same message, and after 5 failures the same lock for the same time, kept in the limiter's
 * counters, so neither the answer nor its timing tells which logins exist.
 */
async function noSuchPassword(deps: AuthDeps, login: string, password: string, outcome: 'unknown_user' | 'no_password'): Promise<Verdict> {
  const locked = await deps.counters.peek(lockKey(login));
  if (locked) return { ok: false, outcome: 'locked', error: lockedError(deps.policy, locked.resetAt) };
  await verifyPassword(password, await decoyHash());
  const fails = await deps.counters.hit(failKey(login), deps.policy.lockMs);
  if (fails.hits < deps.policy.maxFailures) return { ok: false, outcome, error: new AppError('unauthorized', BAD_CREDENTIALS) };
  await deps.counters.reset(failKey(login));
  const lock = await deps.counters.hit(lockKey(login), deps.policy.lockMs);
  return { ok: false, outcome, error: lockedError(deps.policy, lock.resetAt) };
}

/** A new session: a random cookie value (only its hash is stored) and a CSRF token for the page's writes. */
export async function openSession(deps: AuthDeps, userId: number, client: ClientInfo): Promise<Omit<SignedIn, 'auth'> & { sessionId: string }> {
  const cookie = randomSecret();
  const csrfToken = randomSecret();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + deps.policy.sessionMaxMs);
  const sessionId = await hashToken(cookie);
  await insertSession(deps.db, {
    id: sessionId,
    user_id: userId,
    csrf_token: csrfToken,
    expires_at: expiresAt,
    address: client.address,
    user_agent: client.userAgent?.slice(0, 300) ?? null,
    created_at: now,
    last_seen_at: now,
  });
  return { cookie, csrfToken, userId, expiresAt, sessionId };
}

/** 退出登录: the session ends at once, whatever the cookie's own lifetime. */
export async function signOut(deps: AuthDeps, sessionId: string): Promise<void> {
  await revokeSession(deps.db, sessionId, deps.clock.now());
}
