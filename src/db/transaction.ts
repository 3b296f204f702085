import { sql } from 'kysely';
import type { Ctx } from '../features/context';

/** The memory each sort or hash of long work (scoring, previews) may use before it spills to disk. */
export const LONG_WORK_MEM = '32MB';

/**
 * Runs `fn` in a transaction, or inside the caller's open one (Kysely refuses nested `transaction()`).
 * Everything `fn` does must go through the ctx it is given, never the outer one. `repeatable read`
 * gives long readers (scoring) one snapshot of the data.
 */
export async function withTransaction<T>(
  ctx: Ctx,
  fn: (tx: Ctx) => Promise<T>,
  opts: { isolation?: 'repeatable read' | 'serializable'; timeLimitMs?: number } = {},
): Promise<T> {
  if (ctx.inTransaction) return fn(ctx);
  const builder = opts.isolation ? ctx.db.transaction().setIsolationLevel(opts.isolation) : ctx.db.transaction();
  return builder.execute(async (trx) => {
    // Long work (scoring, previews) also bounds itself in the database: should the process stall, the server
    // ends the transaction and releases its locks and its connection instead of idling in it for ever.
    // Its queries are many, each quick but over many rows: PostgreSQL's JIT compiler would spend more compiling them
    // than they run (a city's co-building facts: 640 ms of JIT for 140 ms of work per part), so it is off; and their
    // aggregates and hashes get the memory to stay off disk (a city's check-ins spilled with the default 4 MB).
    if (opts.timeLimitMs) {
      const ms = String(Math.ceil(opts.timeLimitMs));
      await sql`select set_config('statement_timeout', ${ms}, true), set_config('idle_in_transaction_session_timeout', ${ms}, true), set_config('jit', 'off', true), set_config('work_mem', ${LONG_WORK_MEM}, true)`.execute(trx);
    }
    return fn({ ...ctx, db: trx, inTransaction: true });
  });
}
