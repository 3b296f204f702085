import type { Context, MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import { abortable } from '../../db/abortable';
import type { Database } from '../../db/database';
import { AppError } from '../../errors/app-error';
import { timeLimits } from '../../errors/deadline';

/**
 * How much work one process takes on at once (issue 18, a server that holds). `maxActive` requests run; up to
 * `maxQueued` more wait, each at most `queueWaitMs`; beyond that, or after waiting that long, the answer is 503 with
 * Retry-After (load shed, not an error). Every request has a time limit (`requestMs`, longer for the verbs with their
 * own deadline) after which, or when the client goes away, its next query is refused and its transaction rolls back.
 */
export type LoadOptions = { maxActive: number; maxQueued: number; queueWaitMs: number; requestMs: number; retryAfterSeconds: number };

export const defaultLoad: LoadOptions = { maxActive: 32, maxQueued: 1000, queueWaitMs: 5_000, requestMs: 30_000, retryAfterSeconds: 2 };

/** Requests that do long work by design, with their limits: scoring and what re-scores, previews, imports, printing. */
const longRequests: readonly { method: string; path: RegExp; ms: number }[] = [
  { method: 'POST', path: /^\/api\/cycles\/\d+\/(score|corrections|publish|finalize|rules\/publish)$/, ms: timeLimits.scoreMs },
  { method: 'POST', path: /^\/api\/rule-drafts\/\d+\/publish$/, ms: timeLimits.scoreMs },
  { method: 'POST', path: /\/preview$|^\/api\/imports\/|\/paper$|\/codes$|\/notices\.pdf$/, ms: timeLimits.previewMs },
  { method: 'GET', path: /\.(pdf|xlsx|zip)$|\/export|\/print|\/template/, ms: timeLimits.previewMs },
];

export function requestLimitMs(method: string, path: string, base: number): number {
  return longRequests.find((r) => r.method === method && r.path.test(path))?.ms ?? base;
}

/** What `/health` reports of the load (this process). */
export type LoadStats = { active: number; queued: number; shed: number; abandoned: number; timedOut: number };

type Waiter = { admit: () => void };
type Waited = 'admitted' | 'waited too long' | 'client left';

function busy(c: Context, opts: LoadOptions): never {
  c.header('Retry-After', String(opts.retryAfterSeconds));
  throw new AppError('busy', `系统繁忙，请 ${opts.retryAfterSeconds} 秒后重试`, { retryAfterSeconds: opts.retryAfterSeconds });
}

/**
 * Admission control and the time limit, as two middlewares sharing one count. `signalOf(c)` is the signal a
 * request's queries check (`db/abortable.ts`).
 */
export function requestLimits(opts: LoadOptions) {
  let active = 0;
  const queue: Waiter[] = [];
  const stats = { shed: 0, abandoned: 0, timedOut: 0 };

  const release = () => {
    const next = queue.shift();
    if (next) next.admit();
    else active--;
  };

  /** Waits for a slot: admitted (the slot handed over by `release`), or not, after `queueWaitMs` or when the client left. */
  const wait = (signal: AbortSignal): Promise<Waited> =>
    new Promise((resolve) => {
      if (signal.aborted) return resolve('client left');
      const waiter: Waiter = { admit: () => {} };
      const leave = (how: Waited) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', gone);
        const at = queue.indexOf(waiter);
        if (at >= 0) queue.splice(at, 1);
        resolve(how);
      };
      const gone = () => leave('client left');
      const timer = setTimeout(() => leave('waited too long'), opts.queueWaitMs);
      waiter.admit = () => leave('admitted');
      signal.addEventListener('abort', gone, { once: true });
      queue.push(waiter);
    });

  const admission: MiddlewareHandler = async (c, next) => {
    if (active < opts.maxActive) active++;
    else {
      const how = queue.length >= opts.maxQueued ? 'waited too long' : await wait(c.req.raw.signal);
      if (how !== 'admitted') {
        // Nobody reads the answer of a client that left; it is counted apart from load shed.
        if (how === 'client left') stats.abandoned++;
        else stats.shed++;
        busy(c, opts);
      }
    }
    try {
      await next();
    } finally {
      release();
    }
  };

  const timeLimit: MiddlewareHandler = async (c, next) => {
    const ms = requestLimitMs(c.req.method, c.req.path, opts.requestMs);
    const controller = new AbortController();
    const client = c.req.raw.signal;
    const left = () => controller.abort(new AppError('unavailable', '客户端已断开，请求已取消，没有保存任何结果'));
    const deadline = Date.now() + ms;
    const overTime = () => {
      if (controller.signal.aborted) return;
      stats.timedOut++;
      controller.abort(new AppError('over_time', `请求处理超过 ${Math.ceil(ms / 1000)} 秒，已取消，没有保存任何结果；请稍后重试`));
    };
    const timer = setTimeout(overTime, ms);
    if (client.aborted) left();
    client.addEventListener('abort', left, { once: true });
    signals.set(c, { signal: controller.signal, expire: () => Date.now() >= deadline && overTime() });
    try {
      await next();
    } finally {
      clearTimeout(timer);
      client.removeEventListener('abort', left);
    }
  };

  return { admission, timeLimit, stats: (): LoadStats => ({ active, queued: queue.length, ...stats }) };
}

const signals = new WeakMap<Context, { signal: AbortSignal; expire: () => void }>();

/** The signal of a request under `timeLimit` (undefined outside it: tests that call routes without the middleware). */
export function signalOf(c: Context): AbortSignal | undefined {
  return signals.get(c)?.signal;
}

/** The database as this request sees it: every query first checks that the request is still wanted and in time. */
export function requestDb(c: Context, db: Kysely<Database>): Kysely<Database> {
  const s = signals.get(c);
  return abortable(db, s?.signal, s?.expire);
}
