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

  return web;
}
