import { inScope, ledgerWriters, requireRole } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import { AppError, notFound } from '../../errors/app-error';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { openCycleFor } from '../cycles/cycle-gates';
import { findOrgById } from '../orgs/orgs.repository';
import { checkRecord } from './create-ledger-record';
import { toLedgerRecord } from './ledger.model';
import { deleteLedgerRow, findLedgerRow, replaceLedgerRow, type LedgerRow } from './ledger.repository';
import { UpdateLedgerInput, type LedgerRecord } from './ledger.schemas';

/** A record the caller may still change: in its subtree (404 outside), not yet verified (409). */
async function changeable(tx: Ctx, id: number, verb: string): Promise<LedgerRow> {
  const row = await findLedgerRow(tx.db, id, true);
  if (!row || !inScope(tx.actor, row.org_path)) throw notFound('台账记录', 'id');
  if (row.status === 'verified') throw new AppError('conflict', `该记录已审核通过，不能再${verb}；如有错误请联系上级组织`, { status: row.status });
  return row;
}

/**
 * 修改: the whole record corrected before it is verified, under the same checks as a new one. A record sent back
 * (退回) becomes 待审核 again, its reason cleared; the audit row keeps both versions.
 */
export async function updateLedgerRecord({ ctx, id, input }: { ctx: Ctx; id: number; input: unknown }): Promise<LedgerRecord> {
  requireRole(ctx, ledgerWriters);
  const data = UpdateLedgerInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const row = await changeable(tx, id, '修改');
    await openCycleFor(tx, row.cycle_year, 'ledger', 'id');
    const org = (await findOrgById(tx.db, row.org_id))!;
    const checked = await checkRecord(tx, org, data);
    const before = toLedgerRecord(row);
    await replaceLedgerRow(tx.db, id, checked.row, checked.memberIds);
    const record = toLedgerRecord((await findLedgerRow(tx.db, id))!);
    await recordAudit(tx, { action: before.status === 'rejected' ? 'ledger.resubmit' : 'ledger.update', entity: 'ledger_record', entityId: id, orgId: row.org_id, before, after: { ...record, memberIds: checked.memberIds } });
    return record;
  });
}

/** 撤回: a record not yet verified taken back (deleted); the audit row keeps what it was. */
export async function withdrawLedgerRecord({ ctx, id }: { ctx: Ctx; id: number }): Promise<{ id: number; withdrawn: true }> {
  requireRole(ctx, ledgerWriters);
  return withTransaction(ctx, async (tx) => {
    const row = await changeable(tx, id, '撤回');
    await openCycleFor(tx, row.cycle_year, 'ledger', 'id');
    await deleteLedgerRow(tx.db, id);
    await recordAudit(tx, { action: 'ledger.withdraw', entity: 'ledger_record', entityId: id, orgId: row.org_id, before: toLedgerRecord(row) });
    return { id, withdrawn: true };
  });
}
