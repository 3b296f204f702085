import { readers, requireRole, inScope } from '../../auth/scope';
import { notFound } from '../../errors/app-error';
import type { Ctx } from '../context';
import { orgForRead } from '../orgs/org-access';
import { activeKinds, resolveKind, toLedgerRecord } from './ledger.model';
import { findLedgerRow, listLedgerRows, listRecordKinds } from './ledger.repository';
import { ListLedgerQuery, type LedgerRecord } from './ledger.schemas';

/** Ledger records of organizations in the caller's subtree, newest first. */
export async function listLedger({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ items: LedgerRecord[]; total: number }> {
  requireRole(ctx, readers);
  const q = ListLedgerQuery.parse(input);
  let pathPrefix = ctx.actor.orgPath;
  if (q.under !== undefined) pathPrefix = (await orgForRead(ctx, q.under, 'under')).path;
  if (q.orgId !== undefined) await orgForRead(ctx, q.orgId, 'orgId');
  // An unknown kind filter matches nothing rather than failing: the list is simply empty.
  const all = q.kind === undefined ? [] : await listRecordKinds(ctx.db);
  const kinds = q.kind?.split(/[,，]/).map((k) => resolveKind(all, k)?.code ?? k.trim());
  const { rows, total } = await listLedgerRows(ctx.db, { ...q, kinds, pathPrefix });
  return { items: rows.map(toLedgerRecord), total };
}

export async function getLedgerRecord({ ctx, id }: { ctx: Ctx; id: number }): Promise<LedgerRecord> {
  requireRole(ctx, readers);
  const row = await findLedgerRow(ctx.db, id);
  if (!row || !inScope(ctx.actor, row.org_path)) throw notFound('台账记录', 'id');
  return toLedgerRecord(row);
}

/** The kinds a new record may have (retired ones are not offered; GET /api/catalog/kinds lists them all). */
export async function listKinds({ ctx }: { ctx: Ctx }) {
  requireRole(ctx, readers);
  const kinds = activeKinds(await listRecordKinds(ctx.db));
  return { items: kinds.map((k) => ({ code: k.code, name: k.name, groupName: k.group_name, unit: k.unit, measure: k.measure })) };
}
