import { inScope, readers, requireRole } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import { coBuildingUnitKinds, orgKindLabel } from '../../domain/catalog';
import { AppError, invalidField, notFound } from '../../errors/app-error';
import { todayInChina } from '../../lib/clock';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { openCycleFor } from '../cycles/cycle-gates';
import { orgForWrite } from '../orgs/org-access';
import { findOrgById } from '../orgs/orgs.repository';
import { ChairQuery, CreateChairInput, type Chair } from './chairs.schemas';
import { agreementInYear, chairProjectRows, chairRowsOfUnits, deleteChairRow, findChairRow, insertChairRow, listChairRows, lockCommunityRota, overlappingChair, type ChairRow } from './chairs.repository';
import { isOverdue, projectStateLabel } from './moves';

/**
 * 轮值主席: the community (or its superiors) sets the rota of its 大党委 chairs from the member units it has an
 * agreement with for the year; what a chair took on is the community's projects its unit claimed during the term.
 */

/**
 * Terms as read: each with the community's projects its unit claimed during the term (the problems it took on),
 * closed or overdue as of `asOf` (today; a year's end for that year's 履责述评, as the facts count).
 */
async function termsOf(ctx: Ctx, rows: readonly ChairRow[], asOf?: string): Promise<Omit<Chair, 'mayDelete'>[]> {
  const today = todayInChina(ctx.clock);
  const on = asOf !== undefined && asOf < today ? asOf : today;
  const projects = (await chairProjectRows(ctx.db, rows.map((r) => r.id))).map((p) =>
    // A project closed after `on` was still open then.
    p.closed_on !== null && p.closed_on > on ? { ...p, state: 'claimed' as const, closed_on: null, label: '年末未销号' } : { ...p, label: projectStateLabel[p.state] },
  );
  return rows.map((r) => {
    const own = projects.filter((p) => p.chair_id === r.id);
    return {
      id: r.id,
      community: { id: r.community_id, name: r.community_name },
      unit: { id: r.unit_id, name: r.unit_name },
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      duties: r.duties,
      current: r.starts_on <= today && today <= r.ends_on,
      projects: own.map((p) => ({ id: p.id, title: p.title, state: p.state, stateLabel: p.label, claimedOn: p.claimed_on!, closedOn: p.closed_on, overdue: isOverdue(p, on) })),
      claimed: own.length,
      closed: own.filter((p) => p.state === 'closed').length,
    };
  });
}

async function toChairs(ctx: Ctx, rows: readonly ChairRow[]): Promise<Chair[]> {
  const writer = ctx.actor.role === 'admin' || ctx.actor.role === 'org_user';
  const byId = new Map(rows.map((r) => [r.id, r]));
  return (await termsOf(ctx, rows)).map((t) => ({ ...t, mayDelete: writer && inScope(ctx.actor, byId.get(t.id)!.community_path) }));
}

/**
 * The terms each unit chaired in a year with the problems it took on, for its 履责述评 (a duty review of kind
 * `chair`): the raters read what the chair claimed and closed before they judge it.
 */
export async function chairTermsOfUnits(ctx: Ctx, unitIds: readonly number[], year: number): Promise<Map<number, Omit<Chair, 'mayDelete'>[]>> {
  const terms = await termsOf(ctx, await chairRowsOfUnits(ctx.db, unitIds, year), `${year}-12-31`);
  const out = new Map<number, Omit<Chair, 'mayDelete'>[]>();
  for (const t of terms) out.set(t.unit.id, [...(out.get(t.unit.id) ?? []), t]);
  return out;
}

export async function listChairs({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ items: Chair[]; total: number }> {
  requireRole(ctx, readers);
  const q = ChairQuery.parse(input);
  const { rows, total } = await listChairRows(ctx.db, { prefix: ctx.actor.orgPath, year: q.year, communityId: q.communityId, limit: q.limit, offset: q.offset });
  return { items: await toChairs(ctx, rows), total };
}

/** 安排轮值主席: one term of a member unit, within one year whose cycle takes co-building events, overlapping no other term. */
export async function createChair({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<Chair> {
  requireRole(ctx, ['admin', 'org_user']);
  const data = CreateChairInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const community = await orgForWrite(tx, data.communityId, 'communityId');
    if (community.kind !== 'community') throw invalidField('communityId', `轮值主席是社区大党委的，「${community.name}」是${orgKindLabel[community.kind]}`);
    const unit = await findOrgById(tx.db, data.unitId);
    if (!unit) throw notFound('轮值单位', 'unitId');
    if (data.endsOn < data.startsOn) throw invalidField('endsOn', `任期结束 ${data.endsOn} 早于开始 ${data.startsOn}`);
    const year = Number(data.startsOn.slice(0, 4));
    if (Number(data.endsOn.slice(0, 4)) !== year) throw invalidField('endsOn', `任期须在同一考核年度内（${year} 年），跨年请分两段安排`);
    if (!coBuildingUnitKinds.includes(unit.kind) || !(await agreementInYear(tx.db, community.id, unit.id, year))) {
      throw invalidField('unitId', `「${unit.name}」与「${community.name}」没有 ${year} 年度的共建协议，不是大党委成员单位`);
    }
    await openCycleFor(tx, year, 'cobuilding', 'startsOn');
    await lockCommunityRota(tx.db, community.id);
    const other = await overlappingChair(tx.db, community.id, data.startsOn, data.endsOn);
    if (other) throw new AppError('conflict', `与「${other.unit_name}」的任期（${other.starts_on} 至 ${other.ends_on}）重叠`, { field: 'startsOn' });
    const id = await insertChairRow(tx.db, { community_id: community.id, unit_id: unit.id, starts_on: data.startsOn, ends_on: data.endsOn, duties: data.duties || null, created_by: ctx.actor.id });
    const [chair] = await toChairs(tx, [(await findChairRow(tx.db, id))!]);
    await recordAudit(tx, { action: 'cobuilding.chair.create', entity: 'cb_chair', entityId: id, orgId: community.id, after: auditView(chair!) });
    return chair!;
  });
}

/** Removes a term from the rota (the community's side, while its year takes co-building events). */
export async function deleteChair({ ctx, id }: { ctx: Ctx; id: number }): Promise<{ id: number }> {
  requireRole(ctx, ['admin', 'org_user']);
  return withTransaction(ctx, async (tx) => {
    const row = await findChairRow(tx.db, id);
    if (!row || !(inScope(ctx.actor, row.community_path) || inScope(ctx.actor, row.unit_path))) throw notFound('轮值主席任期', 'id');
    await orgForWrite(tx, row.community_id, 'id');
    await openCycleFor(tx, Number(row.starts_on.slice(0, 4)), 'cobuilding', 'id');
    const [before] = await toChairs(tx, [row]);
    await deleteChairRow(tx.db, id);
    await recordAudit(tx, { action: 'cobuilding.chair.delete', entity: 'cb_chair', entityId: id, orgId: row.community_id, before: auditView(before!) });
    return { id };
  });
}

const auditView = ({ mayDelete: _m, current: _c, ...rest }: Chair) => rest;
