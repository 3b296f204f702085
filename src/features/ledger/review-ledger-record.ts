import { inScope, ledgerWriters, requireRole, strictlyBelow } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import { recordStatusLabel } from '../../domain/catalog';
import { AppError, forbidden, invalidField, notFound } from '../../errors/app-error';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { openCycleFor } from '../cycles/cycle-gates';
import { toLedgerRecord } from './ledger.model';
import { findLedgerRow, setReview } from './ledger.repository';
import { BulkReviewInput, RejectInput, type LedgerRecord } from './ledger.schemas';

/** 审核通过: a superior organization (or an admin) confirms a submitted record. */
export async function verifyLedgerRecord({ ctx, id }: { ctx: Ctx; id: number }): Promise<LedgerRecord> {
  return review(ctx, id, 'verified', null);
}

/** 退回: a superior organization (or an admin) rejects a submitted record, with the reason. */
export async function rejectLedgerRecord({ ctx, id, input }: { ctx: Ctx; id: number; input: unknown }): Promise<LedgerRecord> {
  const { reason } = RejectInput.parse(input);
  return review(ctx, id, 'rejected', reason);
}

async function review(ctx: Ctx, id: number, status: 'verified' | 'rejected', reason: string | null) {
  requireRole(ctx, ledgerWriters);
  return withTransaction(ctx, (tx) => reviewOne(tx, id, status, reason));
}

/**
 * 批量审核: several submitted records verified, or rejected with one reason, in one transaction (one audit row per
 * record). All or nothing: the first record that may not be reviewed refuses the whole batch, naming it.
 */
export async function reviewLedgerRecords({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ items: LedgerRecord[]; count: number }> {
  requireRole(ctx, ledgerWriters);
  const data = BulkReviewInput.parse(input);
  const status = data.action === 'verify' ? 'verified' : 'rejected';
  if (status === 'rejected' && !data.reason) throw invalidField('reason', '退回须说明原因');
  return withTransaction(ctx, async (tx) => {
    const items: LedgerRecord[] = [];
    for (const [i, id] of [...new Set(data.ids)].entries()) {
      try {
        items.push(await reviewOne(tx, id, status, status === 'rejected' ? data.reason! : null));
      } catch (e) {
        if (e instanceof AppError) throw new AppError(e.code, `第 ${i + 1} 条（编号 ${id}）：${e.message}`, { field: `ids.${i}` });
        throw e;
      }
    }
    return { items, count: items.length };
  });
}

async function reviewOne(tx: Ctx, id: number, status: 'verified' | 'rejected', reason: string | null): Promise<LedgerRecord> {
  const row = await findLedgerRow(tx.db, id, true);
  if (!row) throw notFound('台账记录', 'id');
  if (!inScope(tx.actor, row.org_path)) throw forbidden('该台账记录不在您的管辖范围内，不能审核');
  if (tx.actor.role === 'org_user' && !strictlyBelow(tx.actor, row.org_path)) {
    throw forbidden('不能审核本组织自己的台账，应由上级组织审核');
  }
  if (row.created_by === tx.actor.id) throw forbidden('不能审核自己填报的记录');
  if (row.status !== 'submitted') {
    throw new AppError('conflict', `该记录已是「${recordStatusLabel[row.status]}」状态，不能再审核`, { status: row.status });
  }
  await openCycleFor(tx, row.cycle_year, 'review', 'id');
  const before = toLedgerRecord(row);
  await setReview(tx.db, id, { status, reviewed_by: tx.actor.id, reviewed_at: tx.clock.now(), review_reason: reason });
  const after = toLedgerRecord((await findLedgerRow(tx.db, id))!);
  await recordAudit(tx, {
    action: status === 'verified' ? 'ledger.verify' : 'ledger.reject',
    entity: 'ledger_record',
    entityId: id,
    orgId: row.org_id,
    before: { status: before.status },
    after: { status: after.status, reason },
  });
  return after;
}
