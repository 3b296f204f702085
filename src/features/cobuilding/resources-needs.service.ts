import { inScope, readers, requireRole, rootOf } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import { coBuildingUnitKinds, orgKindLabel } from '../../domain/catalog';
import { invalidField, notFound } from '../../errors/app-error';
import { todayInChina } from '../../lib/clock';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { orgForWrite } from '../orgs/org-access';
import { findOrgById } from '../orgs/orgs.repository';
import { eventDate } from './event-date';
import { agreementExists, findNeedRow, findResourceRow, insertNeedRow, insertResourceRow, listNeedRows, listResourceRows, setNeedState, type NeedRow, type ResourceRow } from './lists.repository';
import { CreateNeedInput, CreateResourceInput, ListQuery, listKindLabel, needSourceLabel, urgencyLabel, type Need, type Resource } from './lists.schemas';
import { assertNeedMove, needStateLabel } from './moves';

/** 资源清单 and 需求清单: who offers what to whom, and what a community or grid collected. */

function toResource(r: ResourceRow): Resource {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    offeredToId: r.offered_to_id,
    offeredToName: r.offered_to_name,
    kind: r.kind,
    kindLabel: listKindLabel[r.kind],
    title: r.title,
    description: r.description,
    capacity: r.capacity,
    contact: r.contact,
    offeredOn: r.offered_on,
    availableTo: r.available_to,
    withdrawnOn: r.withdrawn_on,
    projects: r.projects,
  };
}

function toNeed(r: NeedRow): Need {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    kind: r.kind,
    kindLabel: listKindLabel[r.kind],
    title: r.title,
    description: r.description,
    residents: r.residents,
    urgency: r.urgency,
    urgencyLabel: urgencyLabel[r.urgency],
    source: r.source,
    sourceLabel: needSourceLabel[r.source],
    raisedOn: r.raised_on,
    state: r.state,
    stateLabel: needStateLabel[r.state],
    metOn: r.met_on,
  };
}

/**
 * Offers a resource: an organization of the caller's subtree (a unit, an enterprise, a social organization, or a
 * community offering its own) to a community it has a co-building agreement with (or that is itself), or to a
 * street of the same district.
 */
export async function createResource({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<Resource> {
  requireRole(ctx, ['admin', 'org_user']);
  const data = CreateResourceInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const org = await orgForWrite(tx, data.orgId, 'orgId');
    if (org.kind !== 'community' && !coBuildingUnitKinds.includes(org.kind)) {
      throw invalidField('orgId', `资源由驻区单位、非公企业、社会组织或社区提供，「${org.name}」是${orgKindLabel[org.kind]}`);
    }
    const to = await findOrgById(tx.db, data.offeredToId);
    if (!to || rootOf(to.path) !== rootOf(org.path)) throw notFound('面向的组织', 'offeredToId');
    const allowed = to.kind === 'street' || (to.kind === 'community' && (to.id === org.id || (await agreementExists(tx.db, to.id, org.id))));
    if (!allowed) throw invalidField('offeredToId', `「${org.name}」与「${to.name}」没有共建协议：资源只能面向签有共建协议的社区或街道`);
    const offeredOn = await eventDate(tx, data.offeredOn, 'offeredOn');
    if (data.availableTo !== undefined && data.availableTo < offeredOn) throw invalidField('availableTo', `不能早于提供日期 ${offeredOn}`);
    const id = await insertResourceRow(tx.db, {
      org_id: org.id,
      offered_to_id: to.id,
      kind: data.kind,
      title: data.title,
      description: data.description,
      capacity: data.capacity ?? null,
      contact: data.contact ?? null,
      offered_on: offeredOn,
      available_to: data.availableTo ?? null,
      created_by: ctx.actor.id,
    });
    const resource = toResource((await findResourceRow(tx.db, id))!);
    await recordAudit(tx, { action: 'cobuilding.resource.create', entity: 'cb_resource', entityId: id, orgId: org.id, after: resource });
    return resource;
  });
}

/** Resources offered by or to organizations of the caller's subtree. */
export async function listResources({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ items: Resource[]; total: number }> {
  requireRole(ctx, readers);
  const q = ListQuery.parse(input);
  const { rows, total } = await listResourceRows(ctx.db, { prefix: ctx.actor.orgPath, orgId: q.orgId, unusedOn: q.state === 'unused' ? todayInChina(ctx.clock) : undefined, limit: q.limit, offset: q.offset });
  return { items: rows.map(toResource), total };
}

/** Records a need collected by a community or grid of the caller's subtree. */
export async function createNeed({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<Need> {
  requireRole(ctx, ['admin', 'org_user']);
  const data = CreateNeedInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const org = await orgForWrite(tx, data.orgId, 'orgId');
    if (org.kind !== 'community' && org.kind !== 'grid') throw invalidField('orgId', `需求由社区或网格收集，「${org.name}」是${orgKindLabel[org.kind]}`);
    const raisedOn = await eventDate(tx, data.raisedOn, 'raisedOn');
    const id = await insertNeedRow(tx.db, {
      org_id: org.id,
      kind: data.kind,
      title: data.title,
      description: data.description,
      residents: data.residents ?? null,
      urgency: data.urgency,
      source: data.source,
      raised_on: raisedOn,
      created_by: ctx.actor.id,
    });
    const need = toNeed((await findNeedRow(tx.db, id))!);
    await recordAudit(tx, { action: 'cobuilding.need.create', entity: 'cb_need', entityId: id, orgId: org.id, after: need });
    return need;
  });
}

/** Needs of the caller's communities and grids, and of the communities its units have agreements with. */
export async function listNeeds({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ items: Need[]; total: number }> {
  requireRole(ctx, readers);
  const q = ListQuery.parse(input);
  const { rows, total } = await listNeedRows(ctx.db, { prefix: ctx.actor.orgPath, orgId: q.orgId, state: q.state, limit: q.limit, offset: q.offset });
  return { items: rows.map(toNeed), total };
}

/** Drops a need that is still open (a duplicate, or solved another way): the community side only. */
export async function dropNeed({ ctx, id }: { ctx: Ctx; id: number }): Promise<Need> {
  requireRole(ctx, ['admin', 'org_user']);
  return withTransaction(ctx, async (tx) => {
    const before = await findNeedRow(tx.db, id, true);
    if (!before || !inScope(ctx.actor, before.org_path)) throw notFound('需求', 'id');
    assertNeedMove('drop', before.state, before.title);
    await setNeedState(tx.db, [id], 'dropped', null);
    const need = toNeed((await findNeedRow(tx.db, id))!);
    await recordAudit(tx, { action: 'cobuilding.need.drop', entity: 'cb_need', entityId: id, orgId: before.org_id, before: toNeed(before), after: need });
    return need;
  });
}
