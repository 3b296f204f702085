import { inScope, ledgerWriters, requireRole, strictlyBelow } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import { recordStatusLabel } from '../../domain/catalog';
import { AppError, forbidden, notFound } from '../../errors/app-error';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { openCycleFor } from '../cycles/cycle-gates';
import { toLedgerRecord } from './ledger.model';
import { findLedgerRow, setReview } from './ledger.repository';
import { RejectInput, type LedgerRecord } from './ledger.schemas';

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
  return withTransaction(ctx, async (tx) => {
    const row = await findLedgerRow(tx.db, id, true);
    if (!row) throw notFound('台账记录', 'id');
    if (!inScope(ctx.actor, row.org_path)) throw forbidden('该台账记录不在您的管辖范围内，不能审核');
    if (ctx.actor.role === 'org_user' && !strictlyBelow(ctx.actor, row.org_path)) {
      throw forbidden('不能审核本组织自己的台账，应由上级组织审核');
    }
    if (row.created_by === ctx.actor.id) throw forbidden('不能审核自己填报的记录');
    if (row.status !== 'submitted') {
      throw new AppError('conflict', `该记录已是「${recordStatusLabel[row.status]}」状态，不能再审核`, { status: row.status });
    }
    await openCycleFor(tx, row.cycle_year, 'review', 'id');
    const before = toLedgerRecord(row);
    await setReview(tx.db, id, { status, reviewed_by: ctx.actor.id, reviewed_at: tx.clock.now(), review_reason: reason });
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
  });
}
