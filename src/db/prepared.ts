import { sql, type PostgresPool, type PostgresPoolClient, type RawBuilder } from 'kysely';
import type pg from 'pg';
import { sha256Hex } from '../lib/sha256';

/**
 * The marker of a statement worth preparing: one that runs on almost every request (authentication, the
 * scorecard), whose text never varies. PostgreSQL spent more time planning such a statement than running it
 * (0.3–0.9 ms against 0.04–0.2 ms); prepared once per connection, it is planned once.
 */
const MARK = '/* prepared */';

/** Put at the front of a select (`.modifyFront(prepared)`) or at the head of a `sql` text. */
export const prepared: RawBuilder<unknown> = sql.raw(MARK);

/**
 * A pg pool for Kysely whose clients run marked statements as named prepared statements (pg prepares a name once
 * per connection, then only binds and executes it). Only marked statements: texts that vary (lists of ids, batches
 * of rows) would pile up prepared statements in every connection. Everything else passes through untouched,
 * cursors included.
 */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (!name) names.set(text, (name = `xp_${sha256Hex(text).slice(0, 24)}`));
    return name;
  };
  return {
    connect: async () => {
      const client = await pool.connect();
      const query = ((first: unknown, ...rest: unknown[]) =>
        typeof first === 'string' && first.includes(MARK)
          ? client.query({ name: nameOf(first), text: first, values: rest[0] as unknown[] })
          : (client.query as (...args: unknown[]) => unknown)(first, ...rest)) as PostgresPoolClient['query'];
      return { query, release: (err?: Error | boolean) => client.release(err) } as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}
