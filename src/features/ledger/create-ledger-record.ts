import { ledgerWriters, requireRole } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import { invalidField } from '../../errors/app-error';
import { todayInChina } from '../../lib/clock';
import { yearOf } from '../../lib/dates';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { openCycleFor } from '../cycles/cycle-gates';
import { evidenceFor } from '../files/files.service';
import { memberVisible } from '../members/member-access';
import { findMembersByIds } from '../members/members.repository';
import { orgForWrite } from '../orgs/org-access';
import type { OrgRow } from '../orgs/orgs.model';
import { kindProblem, resolveKind, toLedgerRecord } from './ledger.model';
import { findLedgerRow, insertLedgerRows, insertParticipants, listRecordKinds } from './ledger.repository';
import { CreateLedgerInput, type LedgerRecord, type UpdateLedgerInput } from './ledger.schemas';

/** Files one ledger record for an organization in the caller's subtree, into the cycle of its date. */
export async function createLedgerRecord({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<LedgerRecord> {
  requireRole(ctx, ledgerWriters);
  const data = CreateLedgerInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const org = await orgForWrite(tx, data.orgId, 'orgId');
    const checked = await checkRecord(tx, org, data);
    const [id] = await insertLedgerRows(tx.db, [{ org_id: org.id, ...checked.row, source: 'api', created_by: ctx.actor.id }]);
    await insertParticipants(tx.db, id!, checked.memberIds);
    const record = toLedgerRecord((await findLedgerRow(tx.db, id!))!);
    await recordAudit(tx, { action: 'ledger.create', entity: 'ledger_record', entityId: id!, orgId: org.id, after: { ...record, memberIds: checked.memberIds } });
    return record;
  });
}

/**
 * The checks a record passes when it is filed or edited: its kind, its date (in the given year if any, not in the
 * future, in an open cycle, while the organization exists), hours where the kind counts them, its members and its
 * evidence. Returns the columns to store.
 */
export async function checkRecord(tx: Ctx, org: OrgRow, data: UpdateLedgerInput) {
  const kinds = await listRecordKinds(tx.db);
  const kind = resolveKind(kinds, data.kind);
  const problem = kindProblem(kind, data.kind, kinds);
  if (problem || !kind) throw invalidField('kind', problem ?? '');
  const year = yearOf(data.occurredOn);
  if (data.cycleYear !== undefined && data.cycleYear !== year) {
    throw invalidField('occurredOn', `日期 ${data.occurredOn} 不在 ${data.cycleYear} 年度考核周期内（${data.cycleYear}-01-01 至 ${data.cycleYear}-12-31）`);
  }
  const today = todayInChina(tx.clock);
  if (data.occurredOn > today) throw invalidField('occurredOn', `日期 ${data.occurredOn} 晚于今天（${today}）`);
  await openCycleFor(tx, year, 'ledger', 'occurredOn');
  if (data.occurredOn < org.active_from || (org.active_to !== null && data.occurredOn > org.active_to)) {
    throw invalidField('occurredOn', `「${org.name}」在 ${data.occurredOn} 不处于存续期（${org.active_from} 至 ${org.active_to ?? '今'}）`);
  }
  if (kind.unit === 'hours' && data.hours === undefined) throw invalidField('hours', `「${kind.name}」需要填写时长（小时）`);
  const memberIds = data.memberIds ?? [];
  await assertMembersVisible(tx, memberIds);
  const participants = data.participants ?? memberIds.length;
  if (participants < new Set(memberIds).size) {
    throw invalidField('participants', `参加人数 ${participants} 少于所列党员人数 ${new Set(memberIds).size}`);
  }
  const evidence = await evidenceFor(tx, org.id, data.evidence);
  return { memberIds, row: { cycle_year: year, kind: kind.code, occurred_on: data.occurredOn, title: data.title, participants, hours: data.hours ?? null, evidence } };
}

async function assertMembersVisible(ctx: Ctx, memberIds: readonly number[]): Promise<void> {
  if (memberIds.length === 0) return;
  const found = new Map((await findMembersByIds(ctx.db, memberIds)).map((m) => [m.id, m]));
  memberIds.forEach((id, i) => {
    const m = found.get(id);
    if (!m || !memberVisible(ctx, m)) throw invalidField(`memberIds.${i}`, `党员 ${id} 不存在或不在管辖范围内`);
  });
}
