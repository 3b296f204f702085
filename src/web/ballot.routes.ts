import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { rateLimiter } from 'hono-rate-limiter';
import { clientKey, normalizeCode } from '../auth/codes';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { castBallot, describeBallotCode, type CodeProblem, type PublicDeps } from '../features/ratings/cast-ballot';
import type { AppEnv } from '../features/router';
import { limiterStore } from '../features/limits/limiter';
import { requestDb } from '../features/limits/request-limits';
import { ballotPage, enterCodePage, problemPage, thanksPage } from './ballot.page';
import { inputGuard } from '../errors/input-guard';
import { limitKey, refuseAsPage, tooManyPage } from './public-shell';

const statusOf: Record<CodeProblem, 404 | 410 | 409> = { unknown: 404, expired: 410, used: 409, closed: 409 };

/**
 * The public ballot pages: no login, the one-time code in the path is the only credential (so a plain
 * form POST needs no cookie or CSRF token: a forged POST would have to know the code). Every request
 * is rate-limited per client address.
 */
export function ballotRoutes(deps: Deps) {
  const web = new Hono<AppEnv>();
  const opts = deps.ballots;
  const pub = (c: Context<AppEnv>): PublicDeps => ({ db: requestDb(c, deps.db), clock: deps.clock, requestId: c.get('requestId') });

  // '/b/*' covers '/b' itself as well.
  web.use('/b/*', rateLimiter<AppEnv>({ ...opts.rateLimit, store: limiterStore(deps.counters, 'b'), keyGenerator: (c) => limitKey(deps, c), handler: (c) => c.html(tooManyPage(), 429) }));
  web.use('/b/*', bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.html(enterCodePage('提交的内容过大，请重新填写'), 413) }));
  web.use('/b/*', inputGuard(refuseAsPage));

  web.get('/b', (c) => c.html(enterCodePage()));
  web.get('/b/go', (c) => {
    const code = normalizeCode(c.req.query('code') ?? '');
    if (!code) return c.html(enterCodePage('评议码应为 20 位字母和数字（可带短横线），请核对后重新输入'), 400);
    return c.redirect(`/b/${code}`, 303);
  });

  web.get('/b/:code', async (c) => {
    const code = c.req.param('code');
    const state = await describeBallotCode({ deps: pub(c), code });
    c.header('Cache-Control', 'no-store');
    if (state.state !== 'ok') return c.html(problemPage(state.state, state), statusOf[state.state]);
    return c.html(ballotPage(normalizeCode(code)!, state.form));
  });

  web.post('/b/:code', async (c) => {
    const code = c.req.param('code');
    const form = await c.req.parseBody();
    const answers: Record<string, string> = {};
    // Answers are item_<key>; any other field is passed on marked with '#', and refused as unknown.
    for (const [k, v] of Object.entries(form)) answers[k.startsWith('item_') && typeof v === 'string' ? k.slice(5) : `#${k}`] = typeof v === 'string' ? v : '';
    c.header('Cache-Control', 'no-store');
    try {
      const key = await clientKey(opts.salt, opts.clientAddress(c));
      const result = await castBallot({ deps: pub(c), code, answers, clientKey: key });
      return c.html(thanksPage(result), 201);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const reason = (err.details as { reason?: CodeProblem } | undefined)?.reason;
      if (reason) return c.html(problemPage(reason), statusOf[reason]);
      if (err.code === 'validation_failed') {
        const state = await describeBallotCode({ deps: pub(c), code });
        if (state.state === 'ok') return c.html(ballotPage(normalizeCode(code)!, state.form, { error: err.message, chosen: answers }), 400);
        return c.html(problemPage(state.state), statusOf[state.state]);
      }
      throw err;
    }
  });

  return web;
}
