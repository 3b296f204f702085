import { inScope, readers, requireRole, rootOf } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import { coBuildingUnitKinds, orgKindLabel } from '../../domain/catalog';
import { AppError, invalidField, notFound } from '../../errors/app-error';
import { recordAudit } from '../audit/record-audit';
import { openCycleFor } from '../cycles/cycle-gates';
import type { Ctx } from '../context';
import { orgForWrite } from '../orgs/org-access';
import { findOrgById } from '../orgs/orgs.repository';
import {
  findAgreementByPair,
  findAgreementRow,
  insertAgreementRow,
  listAgreementRows,
  type AgreementRow,
} from './agreements.repository';
import { CreateAgreementInput, ListAgreementsQuery, type Agreement } from './agreements.schemas';

function toAgreement(r: AgreementRow): Agreement {
  return {
    id: r.id,
    communityId: r.community_id,
    communityName: r.community_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    year: r.year,
    content: r.content,
    signedOn: r.signed_on,
  };
}

/** Signs a co-building agreement (共建协议) between a community in the caller's subtree and a unit. */
export async function createAgreement({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<Agreement> {
  requireRole(ctx, ['admin', 'org_user']);
  const data = CreateAgreementInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const community = await orgForWrite(tx, data.communityId, 'communityId');
    if (community.kind !== 'community') {
      throw invalidField('communityId', `共建协议的一方必须是社区党组织，「${community.name}」是${orgKindLabel[community.kind]}`);
    }
    // The unit usually sits outside the community's subtree (on the sector line), but always in the same
    // top-level tree; anything else is answered as missing, before its name or kind is revealed.
    const unit = await findOrgById(tx.db, data.unitId);
    if (!unit || rootOf(unit.path) !== rootOf(community.path)) throw notFound('共建单位', 'unitId');
    if (!coBuildingUnitKinds.includes(unit.kind)) {
      throw invalidField('unitId', `共建单位必须是驻区单位、非公企业或社会组织的党组织，「${unit.name}」是${orgKindLabel[unit.kind]}`);
    }
    await openCycleFor(tx, data.year, 'setup', 'year');
    if (await findAgreementByPair(tx.db, community.id, unit.id, data.year)) {
      throw new AppError('conflict', `「${community.name}」与「${unit.name}」${data.year} 年度的共建协议已存在`, { field: 'unitId' });
    }
    const { id } = await insertAgreementRow(tx.db, {
      community_id: community.id,
      unit_id: unit.id,
      year: data.year,
      content: data.content,
      signed_on: data.signedOn ?? null,
    });
    const agreement = toAgreement((await findAgreementRow(tx.db, id))!);
    await recordAudit(tx, { action: 'agreement.create', entity: 'agreement', entityId: id, orgId: community.id, after: agreement });
    return agreement;
  });
}

/** Agreements in which either the community or the unit lies in the caller's subtree. */
export async function listAgreements({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ items: Agreement[]; total: number }> {
  requireRole(ctx, readers);
  const q = ListAgreementsQuery.parse(input);
  const { rows, total } = await listAgreementRows(ctx.db, { ...q, pathPrefix: ctx.actor.orgPath });
  return { items: rows.map(toAgreement), total };
}

export async function getAgreement({ ctx, id }: { ctx: Ctx; id: number }): Promise<Agreement> {
  requireRole(ctx, readers);
  const row = await findAgreementRow(ctx.db, id);
  if (!row || !(inScope(ctx.actor, row.community_path) || inScope(ctx.actor, row.unit_path))) throw notFound('共建协议', 'id');
  return toAgreement(row);
}
