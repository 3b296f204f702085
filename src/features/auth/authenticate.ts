import type { Kysely } from 'kysely';
import { hashToken } from '../../auth/tokens';
import type { Database } from '../../db/database';
import type { Clock } from '../../lib/clock';
import type { Actor } from '../context';
import { findActiveToken } from '../tokens/tokens.repository';
import { findSession, revokeSession, touchSession } from '../users/users.repository';

/** Who a request acts as, how it proved it, and what it still owes (a new password). */
export type Authenticated = {
  actor: Actor;
  via: 'token' | 'session';
  mustChangePassword: boolean;
  /** Cookie sessions only: the hash id and the CSRF token every write must echo. */
  session?: { id: string; csrfToken: string };
};

export type SessionLimits = { idleMs: number; maxMs: number };

/** Why a cookie did not authenticate: the page says "sign in again" with the reason. */
export type SessionProblem = 'expired' | 'unknown';

function actorOf(row: { user_id: number; display_name: string; role: Actor['role']; org_id: number; org_path: string }): Actor {
  return { id: `user:${row.user_id}`, userId: row.user_id, name: row.display_name, role: row.role, orgId: row.org_id, orgPath: row.org_path };
}

/** The actor behind a bearer token, or null for an unknown or revoked one, or one of a disabled user. */
export async function authenticateToken(db: Kysely<Database>, token: string): Promise<Authenticated | null> {
  if (token.length < 10 || token.length > 200) return null;
  const row = await findActiveToken(db, await hashToken(token));
  if (!row) return null;
  return { actor: actorOf(row), via: 'token', mustChangePassword: row.must_change_password };
}

/**
 * The actor behind a session cookie. A session ends after `idleMs` without a request or `maxMs` after sign-in,
 * when revoked (sign-out, password change or reset, account disabled) and when its user is disabled.
 * `last_seen_at` is written at most once a minute.
 */
export async function authenticateSession(
  db: Kysely<Database>,
  clock: Clock,
  limits: SessionLimits,
  cookie: string,
): Promise<Authenticated | SessionProblem> {
  if (cookie.length < 20 || cookie.length > 200) return 'unknown';
  const id = await hashToken(cookie);
  const row = await findSession(db, id);
  if (!row || row.disabled_at) return 'unknown';
  const now = clock.now().getTime();
  const lastSeen = new Date(row.last_seen_at).getTime();
  // The absolute limit is the sooner of the one set at sign-in and today's setting, so lowering it takes effect at once.
  const ends = Math.min(new Date(row.expires_at).getTime(), new Date(row.created_at).getTime() + limits.maxMs);
  if (now >= ends || now - lastSeen >= limits.idleMs) {
    await revokeSession(db, id, clock.now());
    return 'expired';
  }
  if (now - lastSeen > 60_000) await touchSession(db, id, clock.now());
  return { actor: actorOf(row), via: 'session', mustChangePassword: row.must_change_password, session: { id, csrfToken: row.csrf_token } };
}
