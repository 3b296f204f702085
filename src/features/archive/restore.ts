import { requireRole } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { tableRowCounts } from './archive.repository';
import { forgetMarkSnapshots } from '../scoring/delta.repository';

export type RestoredFrom = { file: string; sha256: string; bytes: number; kind: 'pglite' | 'postgres' };

/** Every table of the database with its row count: what a restore target holds, and what a restore brought back. */
export async function databaseContents({ ctx }: { ctx: Ctx }): Promise<Record<string, number>> {
  requireRole(ctx, ['admin']);
  return tableRowCounts(ctx.db);
}

/** The audit row of a restore, written into the restored database (which backup file it came from); snapshots forgotten. */
export async function recordRestore({ ctx, input }: { ctx: Ctx; input: RestoredFrom }): Promise<void> {
  requireRole(ctx, ['admin']);
  await withTransaction(ctx, async (tx) => {
    // Transaction numbers start again on another server: incremental scoring must not compare the restored snapshots.
    await forgetMarkSnapshots(tx.db);
    await recordAudit(tx, { action: 'database.restore', entity: 'database', entityId: input.kind, orgId: null, after: input });
  });
}

/** A Chinese one-line summary of what a database holds, from its row counts. */
export function contentsSummary(counts: Record<string, number>): string {
  const n = (t: string) => counts[t] ?? 0;
  return `组织 ${n('organizations')} 个，账号 ${n('users')} 个，台账 ${n('ledger_records')} 条，考核年度 ${n('cycles')} 个，计分版本 ${n('score_revisions')} 个，审计记录 ${n('audit_log')} 条`;
}
