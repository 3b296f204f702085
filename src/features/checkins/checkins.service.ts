import { inScope, ledgerWriters, readers, requireRole } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import { invalidField, notFound } from '../../errors/app-error';
import { todayInChina } from '../../lib/clock';
import { yearOf } from '../../lib/dates';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { openCycleFor } from '../cycles/cycle-gates';
import { findMembersByIds } from '../members/members.repository';
import { memberVisible } from '../members/member-access';
import { findOrgById } from '../orgs/orgs.repository';
import { findCheckinRow, insertCheckinRow, listCheckinRows, type CheckinRow } from './checkins.repository';
import { CreateCheckinInput, ListCheckinsQuery, type Checkin } from './checkins.schemas';

const kindLabel = { report: '到社区报到', service: '志愿服务' } as const;

function toCheckin(r: CheckinRow): Checkin {
  return {
    id: r.id,
    memberId: r.member_id,
    memberName: r.member_name,
    memberOrgId: r.member_org_id,
    memberOrgName: r.member_org_name,
    communityId: r.community_id,
    communityName: r.community_name,
    cycleYear: r.cycle_year,
    kind: r.kind,
    kindLabel: kindLabel[r.kind],
    occurredOn: r.occurred_on,
    hours: r.hours,
    activity: r.activity,
  };
}

/**
 * Records an in-service member's report to a community (在职党员报到) or a service there. Either side may
 * record it: the community (in the caller's subtree) or the member's own organization.
 */
export async function createCheckin({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<Checkin> {
  requireRole(ctx, ledgerWriters);
  const data = CreateCheckinInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    // Nothing is named before the caller is known to see it: an invisible member or community is "missing".
    const [member] = await findMembersByIds(tx.db, [data.memberId]);
    if (!member || !memberVisible(ctx, member)) throw notFound('党员', 'memberId');
    const community = await findOrgById(tx.db, data.communityId);
    const ownCommunity = community !== undefined && inScope(ctx.actor, community.path);
    // The member's own organization may record service at the community the member lives in, even outside its subtree.
    const memberSide = community !== undefined && inScope(ctx.actor, member.org_path) && member.residence_community_id === community.id;
    if (!community || !(ownCommunity || memberSide)) throw notFound('社区', 'communityId');
    if (community.kind !== 'community') throw invalidField('communityId', `「${community.name}」不是社区党组织`);
    if (!member.in_service) throw invalidField('memberId', `${member.name}不是在职党员，不需要到社区报到`);
    if (member.residence_community_id !== community.id) {
      throw invalidField('communityId', `${member.name}登记的居住社区不是「${community.name}」，在职党员应到居住地社区报到`);
    }
    const today = todayInChina(tx.clock);
    if (data.occurredOn > today) throw invalidField('occurredOn', `日期 ${data.occurredOn} 晚于今天（${today}）`);
    if (data.kind === 'service' && data.hours === undefined) throw invalidField('hours', '志愿服务需要填写时长（小时）');
    if (data.kind === 'report' && data.hours !== undefined) throw invalidField('hours', '报到不填写时长');
    const year = yearOf(data.occurredOn);
    await openCycleFor(tx, year, 'checkin', 'occurredOn');
    const { id } = await insertCheckinRow(tx.db, {
      member_id: member.id,
      community_id: community.id,
      cycle_year: year,
      kind: data.kind,
      occurred_on: data.occurredOn,
      hours: data.hours ?? null,
      activity: data.activity ?? null,
      created_by: ctx.actor.id,
    });
    const checkin = toCheckin((await findCheckinRow(tx.db, id))!);
    await recordAudit(tx, { action: 'checkin.create', entity: 'checkin', entityId: id, orgId: community.id, after: checkin });
    return checkin;
  });
}

export async function listCheckins({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ items: Checkin[]; total: number }> {
  requireRole(ctx, readers);
  const q = ListCheckinsQuery.parse(input);
  const { rows, total } = await listCheckinRows(ctx.db, { ...q, pathPrefix: ctx.actor.orgPath });
  return { items: rows.map(toCheckin), total };
}
