import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Deps } from '../../deps';
import { AppError } from '../../errors/app-error';
import type { AppEnv } from '../router';
import { requestDb } from '../limits/request-limits';
import { authenticateSession, authenticateToken, type Authenticated } from './authenticate';

export const SESSION_COOKIE = 'xp_session';
export const CSRF_HEADER = 'x-csrf-token';

/** The one /api route that needs no credentials. */
const PUBLIC = new Set(['POST /api/auth/login']);
/** What an account that must change its password may still do. */
const BEFORE_PASSWORD_CHANGE = new Set(['GET /api/auth/me', 'POST /api/auth/password', 'POST /api/auth/logout', 'GET /api/auth/todos']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

async function credentials(deps: Deps, bearer: string | undefined, cookie: string | undefined): Promise<Authenticated> {
  if (bearer !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(bearer);
    const auth = match ? await authenticateToken(deps.db, match[1]!) : null;
    if (!auth) throw new AppError('unauthorized', '访问令牌无效或已吊销（Authorization: Bearer 令牌）');
    return auth;
  }
  if (cookie === undefined) throw new AppError('unauthorized', '请先登录（或提供访问令牌 Authorization: Bearer 令牌）');
  const policy = deps.auth.policy;
  const auth = await authenticateSession(deps.db, deps.clock, { idleMs: policy.sessionIdleMs, maxMs: policy.sessionMaxMs }, cookie);
  if (auth === 'expired') throw new AppError('unauthorized', '登录已超时，请重新登录', { reason: 'session_expired' });
  if (auth === 'unknown') throw new AppError('unauthorized', '登录状态已失效，请重新登录', { reason: 'session_invalid' });
  return auth;
}

/**
 * Every /api call acts as a user: through a bearer token (scripts, the CLI's HTTP users) or the session cookie
 * (the web application). The same scope rules follow from the same actor. A cookie write must echo the
 * session's CSRF token in `X-CSRF-Token` (a forged cross-site request cannot read it); an account that must
 * change its password may only do that.
 */
export function apiAuthentication(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const route = `${c.req.method} ${c.req.path.replace(/\/+$/, '')}`;
    if (PUBLIC.has(route)) return next();
    const auth = await credentials(deps, c.req.header('authorization'), getCookie(c, SESSION_COOKIE));
    if (auth.session && !SAFE_METHODS.has(c.req.method)) {
      const sent = c.req.header(CSRF_HEADER) ?? '';
      if (!sameSecret(sent, auth.session.csrfToken)) {
        throw new AppError('csrf_failed', '请求缺少有效的安全校验码（CSRF），请刷新页面后重试');
      }
    }
    if (auth.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(route)) {
      throw new AppError('password_change_required', '首次登录或密码被重置后，须先修改密码');
    }
    c.set('auth', auth);
    c.set('ctx', { actor: auth.actor, db: requestDb(c, deps.db), clock: deps.clock, requestId: c.get('requestId') });
    await next();
  };
}
