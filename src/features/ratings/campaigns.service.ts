import { inScope, readers, requireRole } from '../../auth/scope';
import type { CampaignState, CampaignSubject } from '../../db/database';
import { withTransaction } from '../../db/transaction';
import { campaignStateLabel } from '../../domain/catalog';
import { AppError, forbidden, invalidField, notFound } from '../../errors/app-error';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { openCycleFor } from '../cycles/cycle-gates';
import { findProjectRow } from '../cobuilding/lists.repository';
import { projectStateLabel } from '../cobuilding/moves';
import { orgForWrite, orgsForWrite } from '../orgs/org-access';
import type { OrgRow } from '../orgs/orgs.model';
import { CreateCampaignInput, type Campaign } from './ratings.schemas';
import { findCampaign, insertCampaign, insertTargets, listCampaignRows, listTargetRows, movePendingBallots, scrubUsedCodes, setCampaignState, type CampaignRow } from './ratings.repository';

export function toCampaign(row: CampaignRow): Campaign {
  return {
    id: row.id,
    year: row.cycle_year,
    orgId: row.org_id,
    orgName: row.org_name,
    title: row.title,
    subject: row.subject,
    subjectLabel: campaignSubjectLabel[row.subject],
    state: row.state,
    stateLabel: campaignStateLabel[row.state],
    items: row.items,
    answers: row.answers.map((a) => a.key),
    raterGroups: row.rater_groups,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
  };
}

/**
 * The campaign if the caller may read it: organized in their subtree, or above them (the organization
 * being rated sees the campaign). 404 otherwise, so another district's campaigns do not show.
 */
export async function campaignForRead(ctx: Ctx, id: number): Promise<CampaignRow> {
  const row = await findCampaign(ctx.db, id);
  if (!row || !(inScope(ctx.actor, row.org_path) || ctx.actor.orgPath.startsWith(row.org_path))) throw notFound('评议活动', 'id');
  return row;
}

/** The campaign if the caller administers it: an admin at or above the organizing organization (403 otherwise). */
export async function campaignForManage(ctx: Ctx, id: number, lock?: 'update'): Promise<CampaignRow> {
  requireRole(ctx, ['admin']);
  const row = await findCampaign(ctx.db, id, lock);
  if (!row || !(inScope(ctx.actor, row.org_path) || ctx.actor.orgPath.startsWith(row.org_path))) throw notFound('评议活动', 'id');
  if (!inScope(ctx.actor, row.org_path)) throw forbidden(`评议活动「${row.title}」由上级组织，您不能管理`, 'id');
  return row;
}

const campaignSubjectLabel: Record<CampaignSubject, string> = { org: '评议党组织', project: '评议共建项目' };

/** Organizations as targets: each writable by the caller and under the organizing organization. */
async function orgTargets(tx: Ctx, org: OrgRow, ids: readonly number[]) {
  const targets = await orgsForWrite(tx, ids.map((id, i) => ({ id, field: `targets.${i}` })));
  return ids.map((id, i) => {
    const t = targets.get(id)!;
    if (!t.path.startsWith(org.path)) throw invalidField(`targets.${i}`, `「${t.name}」不在「${org.name}」之下`);
    return { org_id: id, project_id: null };
  });
}

/** Projects as targets: each of a community under the organizing organization, and 销号 in the campaign's year. */
async function projectTargets(tx: Ctx, org: OrgRow, ids: readonly number[], year: number) {
  const out = [];
  for (const [i, id] of ids.entries()) {
    const p = await findProjectRow(tx.db, id);
    if (!p || !p.community_path.startsWith(org.path)) throw notFound(`项目 ${id}`, `targets.${i}`);
    if (p.state !== 'closed' || !p.closed_on?.startsWith(`${year}-`)) {
      const now = p.state === 'closed' ? `于 ${p.closed_on} 销号` : `当前为「${projectStateLabel[p.state]}」`;
      throw invalidField(`targets.${i}`, `项目「${p.title}」${now}：只能评议 ${year} 年内已销号的项目`);
    }
    out.push({ org_id: p.community_id, project_id: id });
  }
  return out;
}

/**
 * Creates a campaign in draft: its items, answer scale, rater groups and targets, organizations or finished
 * projects, all under the organizing organization.
 */
export async function createCampaign({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<Campaign> {
  requireRole(ctx, ['admin']);
  const data = CreateCampaignInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const org = await orgForWrite(tx, data.orgId, 'orgId');
    const targets = data.subject === 'project' ? await projectTargets(tx, org, data.targets, data.year) : await orgTargets(tx, org, data.targets);
    // The dates need not lie in the cycle's year: year-end surveys run into January, while the cycle reviews.
    await openCycleFor(tx, data.year, 'ballot', 'year');
    const { id } = await insertCampaign(tx.db, {
      cycle_year: data.year,
      org_id: org.id,
      title: data.title,
      subject: data.subject,
      items: data.items,
      answers: data.answers.map((a) => ({ key: a, label: a })),
      rater_groups: data.raterGroups,
      opens_on: data.opensOn,
      closes_on: data.closesOn,
      created_by: ctx.actor.id,
    });
    await insertTargets(tx.db, id, data.year, targets);
    const campaign = await getCampaignIn(tx, id);
    await recordAudit(tx, { action: 'campaign.create', entity: 'rating_campaign', entityId: id, orgId: org.id, after: { ...campaign, targets: data.targets } });
    return campaign;
  });
}

/** What a target is called on pages and cards: the organization, or the project with its community. */
export function targetName(t: { org_name: string; project_title: string | null }): string {
  return t.project_title === null ? t.org_name : `${t.project_title}（${t.org_name}）`;
}

async function getCampaignIn(ctx: Ctx, id: number): Promise<Campaign> {
  const row = await campaignForRead(ctx, id);
  const targets = await listTargetRows(ctx.db, id, ctx.actor.orgPath);
  return {
    ...toCampaign(row),
    targets: targets.map((t) => ({
      targetId: t.id,
      orgId: t.org_id,
      orgName: t.org_name,
      projectId: t.project_id,
      projectTitle: t.project_title,
      name: targetName(t),
      validBallots: t.valid ?? 0,
      voidedBallots: t.voided ?? 0,
      codesIssued: t.codes ?? 0,
    })),
  };
}

/** One campaign with its targets in the caller's subtree and how many codes and ballots each has (counts, never answers). */
export async function getCampaign({ ctx, id }: { ctx: Ctx; id: number }): Promise<Campaign> {
  requireRole(ctx, readers);
  return getCampaignIn(ctx, id);
}

export async function listCampaigns({ ctx, year }: { ctx: Ctx; year?: number }): Promise<{ items: Campaign[] }> {
  requireRole(ctx, readers);
  return { items: (await listCampaignRows(ctx.db, ctx.actor.orgPath, year)).map(toCampaign) };
}

const nextState: Record<'open' | 'close', { from: CampaignState; to: CampaignState }> = {
  open: { from: 'draft', to: 'open' },
  close: { from: 'open', to: 'closed' },
};

/** Opens a draft campaign for ballots, or closes an open one (its ballots then count as facts). Audited. */
export async function transitionCampaign({ ctx, id, action }: { ctx: Ctx; id: number; action: 'open' | 'close' }): Promise<Campaign> {
  requireRole(ctx, ['admin']);
  return withTransaction(ctx, async (tx) => {
    const row = await campaignForManage(tx, id, 'update');
    const step = nextState[action];
    if (row.state !== step.from) {
      throw new AppError('conflict', `评议活动「${row.title}」处于「${campaignStateLabel[row.state]}」状态，不能${action === 'open' ? '开始' : '结束'}`, { state: row.state });
    }
    if (action === 'open') await openCycleFor(tx, row.cycle_year, 'ballot', 'id');
    if (action === 'close') {
      await openCycleFor(tx, row.cycle_year, 'evaluationClose', 'id');
      // Closing seals the ballots: the pending ones join the rest, shuffled, and the used codes lose the trace of
      // when and by which transaction each was used (DECISIONS.md, anonymity).
      await movePendingBallots(tx.db, id);
      await scrubUsedCodes(tx.db, id, tx.clock.now());
    }
    await setCampaignState(tx.db, id, step.to, tx.clock.now());
    await recordAudit(tx, { action: `campaign.${action}`, entity: 'rating_campaign', entityId: id, orgId: row.org_id, before: { state: row.state }, after: { state: step.to } });
    return getCampaignIn(tx, id);
  });
}
