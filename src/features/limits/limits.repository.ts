import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database';

/**
 * One hit on a key's counter: a new window when there is none or it has ended, otherwise one more hit.
 * One statement, so concurrent hits from several processes all count.
 */
export async function hitCounter(db: Kysely<Database>, key: string, now: Date, windowMs: number): Promise<{ hits: number; reset_at: Date }> {
  const resetAt = new Date(now.getTime() + windowMs);
  const { rows } = await sql<{ hits: number; reset_at: Date }>`
    insert into rate_limits as r (key, hits, reset_at) values (${key}, 1, ${resetAt})
    on conflict (key) do update set
      hits = case when r.reset_at <= ${now} then 1 else r.hits + 1 end,
      reset_at = case when r.reset_at <= ${now} then excluded.reset_at else r.reset_at end
    returning hits, reset_at`.execute(db);
  return rows[0]!;
}

export async function readCounter(db: Kysely<Database>, key: string, now: Date): Promise<{ hits: number; reset_at: Date } | undefined> {
  return db.selectFrom('rate_limits').select(['hits', 'reset_at']).where('key', '=', key).where('reset_at', '>', now).executeTakeFirst();
}

export async function changeCounter(db: Kysely<Database>, key: string, delta: -1 | 0): Promise<void> {
  if (delta === 0) await db.deleteFrom('rate_limits').where('key', '=', key).execute();
  else await db.updateTable('rate_limits').set((eb) => ({ hits: sql<number>`greatest(${eb.ref('hits')} - 1, 0)` })).where('key', '=', key).execute();
}

/** Drops counters whose window ended before `before`. */
export async function pruneCounters(db: Kysely<Database>, before: Date): Promise<void> {
  await db.deleteFrom('rate_limits').where('reset_at', '<', before).execute();
}
