import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Deps } from '../deps';
import { roleLabel } from '../domain/catalog';
import { getOverview } from '../features/overview/get-overview';
import type { AppEnv } from '../features/router';
import { authenticate } from '../features/tokens/authenticate';
import { homePage, loginPage } from './home.page';
import { verifyDocument } from '../features/documents/print-documents';
import { verifyPage } from './verify.page';
import { AppError } from '../errors/app-error';
import { ballotForCode, codeActor, CodeRefused, voteWithCode } from '../features/reviews/cast-votes';
import { ballotPage, ballotStatusPage, codeEntryPage } from './review-ballot.page';

const COOKIE = 'xp_token';

/** Server-rendered pages. The API token is kept in an HttpOnly cookie; the JSON API accepts only Bearer. */
export function webRoutes(deps: Deps) {
  const web = new Hono<AppEnv>();

  web.get('/', async (c) => {
    const token = getCookie(c, COOKIE);
    const actor = token ? await authenticate(deps.db, token) : null;
    if (!actor || actor.role === 'reviewer') return c.html(loginPage(token ? '令牌无效或已吊销，请重新登录' : undefined), token ? 401 : 200);
    const overview = await getOverview({ ctx: { actor, db: deps.db, clock: deps.clock, requestId: c.get('requestId') } });
    const who = actor.name.startsWith(roleLabel[actor.role]) ? actor.name : `${actor.name} · ${roleLabel[actor.role]}`;
    return c.html(homePage(overview, who));
  });

  web.post('/login', async (c) => {
    const form = await c.req.parseBody();
    const token = typeof form.token === 'string' ? form.token.trim() : '';
    const actor = token ? await authenticate(deps.db, token) : null;
    if (!actor || actor.role === 'reviewer') return c.html(loginPage('令牌无效、已吊销，或该角色不能查看首页'), 401);
    setCookie(c, COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/', maxAge: 60 * 60 * 12 });
    return c.redirect('/', 303);
  });

  // Public: the QR code printed on every document opens this page, with no login.
  web.get('/verify/:id', async (c) => {
    const id = c.req.param('id').slice(0, 64);
    const v = await verifyDocument({ db: deps.db, id });
    return c.html(verifyPage(id, v), v.status === 'unknown' ? 404 : 200);
  });

  web.post('/logout', (c) => {
    deleteCookie(c, COOKIE, { path: '/' });
    return c.redirect('/', 303);
  });

  // The public review sheet of a one-time code: no login, the code is the permission.
  const codeCtx = (requestId: string) => ({ actor: codeActor(), db: deps.db, clock: deps.clock, requestId });
  const refusal = (err: unknown) => {
    if (err instanceof CodeRefused) return { page: ballotStatusPage(err.problem), status: err.problem === 'unknown' ? 404 : 409 } as const;
    if (err instanceof AppError && err.code === 'cycle_closed') return { page: ballotStatusPage('cycle', err.message), status: 409 } as const;
    return null;
  };
  web.get('/r', (c) => {
    const code = c.req.query('code')?.trim();
    return code ? c.redirect(`/r/${encodeURIComponent(code)}`, 303) : c.html(codeEntryPage());
  });
  web.get('/r/:code', async (c) => {
    const code = c.req.param('code');
    try {
      return c.html(ballotPage(code, await ballotForCode({ ctx: codeCtx(c.get('requestId')), code })));
    } catch (err) {
      const r = refusal(err);
      if (r) return c.html(r.page, r.status);
      throw err;
    }
  });
  web.post('/r/:code', async (c) => {
    const code = c.req.param('code');
    const form = await c.req.parseBody();
    const chosen: Record<string, string> = {};
    const byOrg = new Map<number, Record<string, string>>();
    for (const [name, value] of Object.entries(form)) {
      const m = /^v\.(\d+)\.([a-z][a-z0-9_]*)$/.exec(name);
      if (!m || typeof value !== 'string') continue;
      chosen[name] = value;
      const answers = byOrg.get(Number(m[1])) ?? {};
      answers[m[2]!] = value;
      byOrg.set(Number(m[1]), answers);
    }
    const ctx = codeCtx(c.get('requestId'));
    try {
      await voteWithCode({ ctx, code, input: { votes: [...byOrg].map(([orgId, answers]) => ({ orgId, answers })) } });
      return c.html(ballotStatusPage('done'));
    } catch (err) {
      const r = refusal(err);
      if (r) return c.html(r.page, r.status);
      if (err instanceof AppError && err.code === 'validation_failed') {
        return c.html(ballotPage(code, await ballotForCode({ ctx, code }), chosen, '还有项目没有评议，请逐项选择后再提交。'), 400);
      }
      if (err instanceof Error && err.name === 'ZodError') {
        return c.html(ballotPage(code, await ballotForCode({ ctx, code }), chosen, '还有项目没有评议，请逐项选择后再提交。'), 400);
      }
      throw err;
    }
  });

  return web;
}
