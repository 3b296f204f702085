import { Hono } from 'hono';
import { html } from 'hono/html';
import { bodyLimit } from 'hono/body-limit';
import { rateLimiter } from 'hono-rate-limiter';
import { normalizeCode } from '../auth/codes';
import type { Deps } from '../deps';
import { inputGuard } from '../errors/input-guard';
import { confirmWish, describeWishCode, type WishCodeView } from '../features/cobuilding/wishes.service';
import { limiterStore } from '../features/limits/limiter';
import { requestDb } from '../features/limits/request-limits';
import type { AppEnv } from '../features/router';
import { limitKey, publicShell, refuseAsPage, statusPanel, tooManyPage } from './public-shell';

const shell = (title: string, body: Parameters<typeof publicShell>[0]['body']) => publicShell({ title: `${title} · 微心愿`, heading: '微心愿', subheading: '请确认您的心愿是否已经实现', body });

function page(code: string, v: WishCodeView, confirmed = false) {
  if (v.state === 'unknown') return shell('确认码无效', statusPanel('unknown', '确认码无效', ['没有找到这个确认码，请核对后重新扫描或输入。']));
  if (v.state === 'done') return shell('已确认', statusPanel('used', '这个心愿已经确认过了', ['每个确认码只能使用一次。感谢您的支持。']));
  if (confirmed) return shell('确认成功', statusPanel('ok', '感谢您的确认', [`${v.alias}的心愿：${v.wish}`, `由 ${v.claimer} 帮助实现（${v.on}）`]));
  return shell(
    '确认心愿',
    html`<div class="card">
        <div class="meta">${v.alias}的心愿</div>
        <div class="org">${v.wish}</div>
        <p>${v.claimer} 于 ${v.on} 登记已实现：${v.text}</p>
      </div>
      <form method="post" action="/w/${code}">
        <button class="primary" type="submit">确认心愿已实现</button>
        <p class="note">如心愿尚未实现，请不要确认，可联系社区。确认码只能使用一次。</p>
      </form>`,
  );
}

/**
 * The resident's confirmation of a fulfilled 微心愿: no login, the one-time code in the path is the credential (as
 * `/b` for ballots), rate-limited per client address.
 */
export function wishRoutes(deps: Deps) {
  const web = new Hono<AppEnv>();
  web.use('/w/*', rateLimiter<AppEnv>({ ...deps.ballots.rateLimit, store: limiterStore(deps.counters, 'w'), keyGenerator: (c) => limitKey(deps, c), handler: (c) => c.html(tooManyPage(), 429) }));
  web.use('/w/*', bodyLimit({ maxSize: 4 * 1024, onError: (c) => c.html(tooManyPage(), 413) }));
  web.use('/w/*', inputGuard(refuseAsPage));
  web.get('/w/:code', async (c) => {
    const code = normalizeCode(c.req.param('code')) ?? '';
    const v = await describeWishCode({ db: requestDb(c, deps.db), code });
    c.header('Cache-Control', 'no-store');
    return c.html(page(code, v), v.state === 'unknown' ? 404 : v.state === 'done' ? 409 : 200);
  });
  web.post('/w/:code', async (c) => {
    const code = normalizeCode(c.req.param('code')) ?? '';
    const v = await confirmWish({ db: requestDb(c, deps.db), clock: deps.clock, requestId: c.get('requestId'), code });
    c.header('Cache-Control', 'no-store');
    return c.html(page(code, v, true), v.state === 'unknown' ? 404 : v.state === 'done' ? 409 : 201);
  });
  return web;
}
