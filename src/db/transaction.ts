import type { Ctx } from '../features/context';

/**
 * Runs `fn` in a transaction, or inside the caller's open one (Kysely refuses nested `transaction()`).
 * Everything `fn` does must go through the ctx it is given, never the outer one. `repeatable read`
 * gives long readers (scoring) one snapshot of the data.
 */
export async function withTransaction<T>(
  ctx: Ctx,
  fn: (tx: Ctx) => Promise<T>,
  opts: { isolation?: 'repeatable read' | 'serializable' } = {},
): Promise<T> {
  if (ctx.inTransaction) return fn(ctx);
  const builder = opts.isolation ? ctx.db.transaction().setIsolationLevel(opts.isolation) : ctx.db.transaction();
  return builder.execute((trx) => fn({ ...ctx, db: trx, inTransaction: true }));
}
