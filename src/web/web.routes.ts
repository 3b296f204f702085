import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { rateLimiter } from 'hono-rate-limiter';
import type { Deps } from '../deps';
import { verifyDocument } from '../features/documents/print-documents';
import { limiterStore } from '../features/limits/limiter';
import { requestDb } from '../features/limits/request-limits';
import type { AppEnv } from '../features/router';
import { verifyPage } from './verify.page';
import { AppError } from '../errors/app-error';
import { ballotForCode, codeActor, CodeRefused, voteWithCode } from '../features/reviews/cast-votes';
import { ballotPage, ballotStatusPage, codeEntryPage } from './review-ballot.page';
import { inputGuard } from '../errors/input-guard';
import { limitKey, refuseAsPage, tooManyPage } from './public-shell';

/** The public server-rendered pages: the document check behind printed QR codes and the review sheet of a one-time code. */
export function webRoutes(deps: Deps) {
  const web = new Hono<AppEnv>();
  const limit = (prefix: string) =>
    rateLimiter<AppEnv>({ ...deps.ballots.rateLimit, store: limiterStore(deps.counters, prefix), keyGenerator: (c) => limitKey(deps, c), handler: (c) => c.html(tooManyPage(), 429) });
  web.use('/verify/*', limit('verify'));
  web.use('/r/*', limit('r'));
  web.use('/r', limit('r'));
  // A review sheet is a few answers per subject: 64 KB is far more than any, and a larger body is refused unread.
  web.use('/r/*', bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.html(ballotStatusPage('unknown', '提交的内容过大，请重新填写'), 413) }));
  for (const path of ['/r', '/r/*', '/verify/*']) web.use(path, inputGuard(refuseAsPage));

  // Public: the QR code printed on every document opens this page, with no login.
  web.get('/verify/:id', async (c) => {
    const id = c.req.param('id').slice(0, 64);
    const v = await verifyDocument({ db: requestDb(c, deps.db), id });
    return c.html(verifyPage(id, v), v.status === 'unknown' ? 404 : 200);
  });

  // The public review sheet of a one-time code: no login, the code is the permission.
  const codeCtx = (c: Context<AppEnv>) => ({ actor: codeActor(), db: requestDb(c, deps.db), clock: deps.clock, requestId: c.get('requestId') });
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
    c.header('Cache-Control', 'no-store');
    try {
      return c.html(ballotPage(code, await ballotForCode({ ctx: codeCtx(c), code })));
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
    const ctx = codeCtx(c);
    c.header('Cache-Control', 'no-store');
    try {
      await voteWithCode({ ctx, code, input: { votes: [...byOrg].map(([orgId, answers]) => ({ orgId, answers })) } });
      return c.html(ballotStatusPage('done'));
    } catch (err) {
      const r = refusal(err);
      if (r) return c.html(r.page, r.status);
      if ((err instanceof AppError && err.code === 'validation_failed') || (err instanceof Error && err.name === 'ZodError')) {
        return c.html(ballotPage(code, await ballotForCode({ ctx, code }), chosen, '还有项目没有评议，请逐项选择后再提交。'), 400);
      }
      throw err;
    }
  });

  return web;
}
