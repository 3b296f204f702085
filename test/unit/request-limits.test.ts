import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { errorResponse } from '../../src/errors/http';
import { quietLogger } from '../../src/deps';
import { defaultLoad, requestLimitMs, requestLimits, signalOf, type LoadOptions } from '../../src/features/limits/request-limits';

/**
 * A tiny app under the real middlewares: `/slow` waits until the test lets it go (or its signal aborts), so the test
 * decides how many requests are at work at once.
 */
function world(opts: Partial<LoadOptions>) {
  const load = requestLimits({ ...defaultLoad, ...opts });
  const app = new Hono();
  app.onError((err, c) => errorResponse(c, err, quietLogger));
  app.use('/api/*', load.admission, load.timeLimit);
  const gates: (() => void)[] = [];
  let started = 0;
  app.get('/api/slow', async (c) => {
    started++;
    const signal = signalOf(c)!;
    await new Promise<void>((resolve) => {
      gates.push(resolve);
      signal.addEventListener('abort', () => resolve());
    });
    // A request whose time ran out finds out at its next query (db/abortable.ts); here, by looking at the signal.
    if (signal.aborted) throw signal.reason;
    return c.json({ ok: true });
  });
  const tick = () => new Promise((r) => setTimeout(r, 5));
  return { app, load, gates, started: () => started, tick };
}

describe('admission control', () => {
  it('works maxActive requests at once, queues maxQueued more, and sheds the rest with a Chinese 503 and Retry-After', async () => {
    const w = world({ maxActive: 2, maxQueued: 1, queueWaitMs: 5_000, retryAfterSeconds: 3 });
    const running = [w.app.request('/api/slow'), w.app.request('/api/slow')];
    await w.tick();
    const queued = w.app.request('/api/slow');
    await w.tick();
    expect(w.started()).toBe(2); // the third waits for a slot
    expect(w.load.stats()).toMatchObject({ active: 2, queued: 1, shed: 0 });
    const shed = await w.app.request('/api/slow'); // the queue is full: at once
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('3');
    expect((await shed.json()).error).toMatchObject({ code: 'busy', message: '系统繁忙，请 3 秒后重试' });
    w.gates.shift()!(); // one ends: the queued one takes its slot
    expect((await running[0]!).status).toBe(200);
    await w.tick();
    expect(w.started()).toBe(3);
    expect(w.load.stats()).toMatchObject({ active: 2, queued: 0, shed: 1 });
    for (const g of w.gates.splice(0)) g();
    expect((await running[1]!).status).toBe(200);
    expect((await queued).status).toBe(200);
    expect(w.load.stats()).toMatchObject({ active: 0, queued: 0 });
  });

  it('answers 503 to a request that waited its queueWaitMs for a slot, without ever running it', async () => {
    const w = world({ maxActive: 1, maxQueued: 10, queueWaitMs: 60 });
    const first = w.app.request('/api/slow');
    await w.tick();
    const waited = await w.app.request('/api/slow');
    expect(waited.status).toBe(503);
    expect(w.started()).toBe(1);
    w.gates.shift()!();
    expect((await first).status).toBe(200);
    expect(w.load.stats()).toMatchObject({ active: 0, queued: 0, shed: 1 });
  });

  it('drops a queued request whose client went away, so abandoned requests never run', async () => {
    const w = world({ maxActive: 1, maxQueued: 10, queueWaitMs: 5_000 });
    const first = w.app.request('/api/slow');
    await w.tick();
    const client = new AbortController();
    const gone = w.app.fetch(new Request('http://x/api/slow', { signal: client.signal }));
    await w.tick();
    expect(w.load.stats().queued).toBe(1);
    client.abort();
    await gone;
    expect(w.load.stats()).toMatchObject({ queued: 0, shed: 0, abandoned: 1 });
    w.gates.shift()!();
    await first;
    expect(w.started()).toBe(1);
  });
});

describe('the time limit', () => {
  it('aborts the request’s signal at its limit with a Chinese 503 that says nothing was saved', async () => {
    const w = world({ requestMs: 40 });
    const res = await w.app.request('/api/slow');
    expect(res.status).toBe(503);
    expect((await res.json()).error).toMatchObject({ code: 'over_time', message: '请求处理超过 1 秒，已取消，没有保存任何结果；请稍后重试' });
    expect(w.load.stats()).toMatchObject({ active: 0, timedOut: 1 });
  });

  it('aborts it when the client goes away', async () => {
    const w = world({ requestMs: 60_000 });
    const client = new AbortController();
    const pending = w.app.fetch(new Request('http://x/api/slow', { signal: client.signal }));
    await w.tick();
    client.abort();
    const res = await pending;
    expect((await res.json()).error.code).toBe('unavailable');
    expect(w.load.stats()).toMatchObject({ active: 0, timedOut: 0 });
  });

  it('gives the verbs with their own deadline their longer limits, and everything else the base one', () => {
    expect(requestLimitMs('POST', '/api/cycles/2025/score', 30_000)).toBe(30 * 60_000);
    expect(requestLimitMs('POST', '/api/rule-drafts/7/preview', 30_000)).toBe(120_000);
    expect(requestLimitMs('POST', '/api/imports/ledger', 30_000)).toBe(120_000);
    expect(requestLimitMs('GET', '/api/cycles/2025/orgs/12/scorecard.pdf', 30_000)).toBe(120_000);
    expect(requestLimitMs('GET', '/api/cycles/2025/scores', 30_000)).toBe(30_000);
    expect(requestLimitMs('POST', '/api/ledger', 30_000)).toBe(30_000);
  });
});
