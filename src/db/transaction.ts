import type { Ctx } from '../features/context';

/**
 * Runs `fn` in a transaction, or inside the caller's open one (Kysely refuses nested `transaction()`).
 * Everything `fn` does must go through the ctx it is given, never the outer one.
 */
export async function withTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.inTransaction) return fn(ctx);
  return ctx.db.transaction().execute((trx) => fn({ ...ctx, db: trx, inTransaction: true }));
}
