import type { CycleState } from '../db/database';
import type { Ctx } from '../features/context';
import { ballotsFor, burstsFor, demoCampaign, demoGroups, demoItems, demoProjectCampaign, demoProjectItems, projectBallotsFor, type DemoCampaign, type DemoProjectBallot } from './ballots';
import { insertBallotBatches, insertBallotCodes, insertBallots, insertCampaign, insertTargets, reserveIds } from './demo.repository';
import type { PlannedOrg } from './plan';

const scale = JSON.stringify(['很满意', '满意', '基本满意', '不太满意', '不满意', '不了解'].map((a) => ({ key: a, label: a })));

/** A demo campaign row, opened and (when closed) closed at the ends of its dates. */
function campaignRow(campaign: DemoCampaign, orgId: number, items: readonly { key: string; label: string }[], groups: readonly string[]) {
  return {
    cycle_year: campaign.year,
    org_id: orgId,
    title: campaign.title,
    state: campaign.state,
    items: JSON.stringify(items),
    answers: scale,
    rater_groups: JSON.stringify(groups),
    opens_on: campaign.opensOn,
    closes_on: campaign.closesOn,
    created_by: 'demo',
    opened_at: new Date(`${campaign.opensOn}T09:00:00+08:00`),
    closed_at: campaign.state === 'closed' ? new Date(`${campaign.closesOn}T18:00:00+08:00`) : null,
  };
}

type TargetBallot = DemoProjectBallot & { targetId: number; orgId: number };

/**
 * A campaign's codes and ballots: one batch per target and rater group, a code per ballot and a tenth more unused
 * (the hashes stand for codes nobody holds); a closed campaign's used codes keep only the closing time
 * (cast-ballot.ts, scrubUsedCodes).
 */
async function insertCodesAndBallots(ctx: Ctx, campaignId: number, campaign: DemoCampaign, ballots: readonly TargetBallot[]): Promise<void> {
  const expires = new Date(`${campaign.closesOn}T23:59:59.999+08:00`).toISOString();
  const groups = new Map<string, TargetBallot[]>();
  for (const b of ballots) groups.set(`${b.targetId}|${b.group}`, [...(groups.get(`${b.targetId}|${b.group}`) ?? []), b]);
  const batchIds = await reserveIds(ctx.db, 'ballot_batches', groups.size);
  const codeIds = await reserveIds(ctx.db, 'ballot_codes', ballots.length + [...groups.values()].reduce((s, g) => s + Math.ceil(g.length / 10), 0));
  const batchRows: unknown[][] = [];
  const codeRows: unknown[][] = [];
  const ballotRows: unknown[][] = [];
  let next = 0;
  [...groups.values()].forEach((list, gi) => {
    const { targetId, group } = list[0]!;
    const spare = Math.ceil(list.length / 10);
    batchRows.push([batchIds[gi], campaignId, targetId, group, list.length + spare, expires, 'demo', `${campaign.opensOn}T08:00:00+08:00`]);
    for (const b of list) {
      const codeId = codeIds[next++]!;
      codeRows.push([codeId, `demo:${campaign.year}:${codeId}:${b.clientKey.slice(0, 16)}`, batchIds[gi], targetId, group, expires, `${campaign.closesOn}T18:00:00+08:00`]);
      ballotRows.push([campaignId, targetId, b.orgId, group, JSON.stringify(b.answers), 'online', b.clientKey, b.at, b.voidReason ? b.at : null, b.voidReason ? 'demo' : null, b.voidReason]);
    }
    for (let i = 0; i < spare; i++) {
      const codeId = codeIds[next++]!;
      codeRows.push([codeId, `demo:${campaign.year}:${codeId}:unused`, batchIds[gi], targetId, group, expires, null]);
    }
  });
  await insertBallotBatches(ctx.db, batchRows);
  await insertBallotCodes(ctx.db, codeRows);
  await insertBallots(ctx.db, ballotRows);
}

/**
 * The rating campaigns of communities: a closed year-end survey for each finished year and an open one this
 * year, all communities as targets, and the ballots cast with their codes. Returns how many ballots.
 */
export async function insertCampaigns(
  ctx: Ctx,
  seed: string,
  cycles: readonly { year: number; state: CycleState }[],
  communities: readonly PlannedOrg[],
  ids: Map<string, number>,
  today: string,
): Promise<number> {
  const finished = cycles.filter((c) => c.state !== 'collecting').map((c) => c.year);
  const latest = Math.max(...finished);
  let total = 0;
  for (const { year, state } of cycles) {
    const campaign = demoCampaign(year, state === 'collecting' ? 'open' : 'closed');
    const campaignId = await insertCampaign(ctx.db, campaignRow(campaign, ids.get('XC')!, demoItems, demoGroups));
    const targets = await insertTargets(ctx.db, communities.map((c) => ({ campaign_id: campaignId, cycle_year: year, org_id: ids.get(c.code)! })));
    const targetOf = new Map(targets.map((t) => [t.org_id, t.id]));
    const ballots = communities.flatMap((c) => ballotsFor(seed, c, campaign, today));
    if (campaign.state === 'closed') ballots.push(...burstsFor(seed, communities, campaign, year === latest));
    const placed = ballots.map((b) => ({ ...b, orgId: ids.get(b.orgCode)!, targetId: targetOf.get(ids.get(b.orgCode)!)! }));
    await insertCodesAndBallots(ctx, campaignId, campaign, placed);
    total += ballots.length;
  }
  return total;
}

export type DemoProjectRef = { id: number; communityId: number; closedOn: string | null; onTime: boolean };

/**
 * The year-end rating of finished co-building projects for each finished year: a closed campaign of the district
 * whose targets are the projects closed that year before its last day (each under its community), 10–24 residents'
 * ballots each, cast after the project's 销号.
 */
export async function insertProjectCampaigns(ctx: Ctx, seed: string, years: readonly number[], projects: readonly DemoProjectRef[], districtId: number): Promise<number> {
  let total = 0;
  for (const year of years) {
    const campaign = demoProjectCampaign(year);
    // The projects closed in the year before the campaign's last day: residents rate them after their 销号.
    const mine = projects.filter((p): p is DemoProjectRef & { closedOn: string } => p.closedOn !== null && p.closedOn.startsWith(`${year}-`) && p.closedOn < campaign.closesOn);
    if (mine.length === 0) continue;
    const campaignId = await insertCampaign(ctx.db, { ...campaignRow(campaign, districtId, demoProjectItems, ['居民']), subject: 'project' });
    const targets = await insertTargets(ctx.db, mine.map((p) => ({ campaign_id: campaignId, cycle_year: year, org_id: p.communityId, project_id: p.id })));
    const targetOf = new Map(targets.map((t) => [t.project_id, t.id]));
    const ballots = mine.flatMap((p, i) => projectBallotsFor(seed, { key: `${year}/${i}`, onTime: p.onTime, closedOn: p.closedOn }, campaign).map((b) => ({ ...b, orgId: p.communityId, targetId: targetOf.get(p.id)! })));
    await insertCodesAndBallots(ctx, campaignId, campaign, ballots);
    total += ballots.length;
  }
  return total;
}
