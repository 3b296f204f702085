import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './database';

/**
 * Runs a library's own SQL text on our connection pool (pg-boss's `db` option), so it shares the pool, its
 * settings and its error handling instead of opening a second pool. Text without values goes as one simple
 * query, so a library's multi-statement migrations run as written.
 */
export function rawSqlExecutor(db: Kysely<Database>) {
  return {
    async executeSql(text: string, values: unknown[] = []): Promise<{ rows: any[] }> {
      const result = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: result.rows as any[] };
    },
  };
}
