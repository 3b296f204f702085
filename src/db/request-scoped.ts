import { AsyncLocalStorage } from 'node:async_hooks';
import { Kysely, PostgresDialect, type PostgresPool } from 'kysely';
import pg from 'pg';
import type { Database } from './database';
import { pgPoolConfig } from './pg-pool';
import { preparingPool } from './prepared';

type RequestConnections = { pool: PostgresPool | null };

/**
 * The database of a Worker: one Kysely for the isolate, whose connections belong to the request that opened them. A
 * Worker may not use a socket one request opened in another's, so each request gets its own small pool on first
 * query, ended when the request is done (`inRequest`); with Hyperdrive the connections behind it stay warm.
 */
export function requestScopedDatabase(url: () => string, statementTimeoutMs: number) {
  const requests = new AsyncLocalStorage<RequestConnections>();
  const pool: PostgresPool = {
    connect: async () => {
      const store = requests.getStore();
      if (!store) throw new Error('database used outside a request');
      if (!store.pool) {
        const pool = new pg.Pool(pgPoolConfig(url(), { max: 4, statementTimeoutMs }));
        // A connection the server ends emits 'error'; without a listener it would be thrown at the isolate. The query in
        // flight fails on its own (the request answers 503).
        pool.on('error', (err) => console.error(JSON.stringify({ level: 'error', message: `数据库连接中断：${err.message}` })));
        store.pool = preparingPool(pool);
      }
      return store.pool.connect();
    },
    end: async () => {},
  };
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    /** Runs a request's work with its own connections, then ends them, handing the ending to `done` (waitUntil), failed or not. */
    async inRequest<T>(work: () => Promise<T>, done: (ending: Promise<void>) => void): Promise<T> {
      const store: RequestConnections = { pool: null };
      try {
        return await requests.run(store, work);
      } finally {
        done((async () => void (await store.pool?.end().catch(() => {})))());
      }
    },
  };
}
