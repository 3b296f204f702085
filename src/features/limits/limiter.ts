import type { Kysely } from 'kysely';
import type { Env } from 'hono';
import type { Store } from 'hono-rate-limiter';
import type { Database } from '../../db/database';
import type { Clock } from '../../lib/clock';
import { changeCounter, hitCounter, pruneCounters, readCounter } from './limits.repository';

export type Count = { hits: number; resetAt: Date };

/**
 * Counters per key and fixed window: the one limiter behind sign-in throttling and the public pages
 * (/b, /r, /verify). On PostgreSQL the counters live in the database, so they hold across processes;
 * on PGlite (one process) in memory.
 */
export type Counters = {
  hit(key: string, windowMs: number): Promise<Count>;
  peek(key: string): Promise<Count | undefined>;
  undo(key: string): Promise<void>;
  reset(key: string): Promise<void>;
};

export function databaseCounters(db: Kysely<Database>, clock: Clock): Counters {
  let hits = 0;
  return {
    async hit(key, windowMs) {
      const now = clock.now();
      if (++hits % 500 === 0) await pruneCounters(db, new Date(now.getTime() - 60 * 60 * 1000));
      const r = await hitCounter(db, key, now, windowMs);
      return { hits: r.hits, resetAt: new Date(r.reset_at) };
    },
    async peek(key) {
      const r = await readCounter(db, key, clock.now());
      return r ? { hits: r.hits, resetAt: new Date(r.reset_at) } : undefined;
    },
    undo: (key) => changeCounter(db, key, -1),
    reset: (key) => changeCounter(db, key, 0),
  };
}

export function memoryCounters(clock: Clock): Counters {
  const map = new Map<string, Count>();
  const live = (key: string) => {
    const c = map.get(key);
    if (c && c.resetAt.getTime() <= clock.now().getTime()) map.delete(key);
    return map.get(key);
  };
  return {
    async hit(key, windowMs) {
      if (map.size > 50_000) for (const k of [...map.keys()]) live(k);
      const c = live(key) ?? { hits: 0, resetAt: new Date(clock.now().getTime() + windowMs) };
      c.hits += 1;
      map.set(key, c);
      return { ...c };
    },
    async peek(key) {
      const c = live(key);
      return c ? { ...c } : undefined;
    },
    async undo(key) {
      const c = live(key);
      if (c) c.hits = Math.max(0, c.hits - 1);
    },
    async reset(key) {
      map.delete(key);
    },
  };
}

/** The counters as a hono-rate-limiter store, one prefix per limited area. */
export function limiterStore<E extends Env = Env>(counters: Counters, prefix: string): Store<E> {
  let windowMs = 60_000;
  const k = (key: string) => `${prefix}:${key}`;
  return {
    init: (options) => {
      windowMs = options.windowMs;
    },
    get: async (key) => {
      const c = await counters.peek(k(key));
      return c ? { totalHits: c.hits, resetTime: c.resetAt } : undefined;
    },
    increment: async (key) => {
      const c = await counters.hit(k(key), windowMs);
      return { totalHits: c.hits, resetTime: c.resetAt };
    },
    decrement: (key) => counters.undo(k(key)),
    resetKey: (key) => counters.reset(k(key)),
  };
}
