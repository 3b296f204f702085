import { readers, requireRole } from '../../auth/scope';
import { campaignStateLabel } from '../../domain/catalog';
import type { RuleSets } from '../../rules/registry';
import { getProject } from '../cobuilding/projects.service';
import type { Ctx } from '../context';
import { yearRuleSets } from '../scoring/rule-pins';
import { findCampaign, listTargetRows, projectTargetRows, tallyRows } from './ratings.repository';
import type { ProjectRating } from './ratings.schemas';
import { targetResult } from './review-ballots';

/**
 * What residents said of a project, for whoever may read the project (its community, its responsible unit, those
 * above): each campaign that rated it, with the result as the campaign's page gives it (withheld until the campaign
 * closes and below the minimum sample).
 */
export async function projectRatings({ ctx, id, ruleSets }: { ctx: Ctx; id: number; ruleSets: RuleSets }): Promise<{ items: ProjectRating[] }> {
  requireRole(ctx, readers);
  await getProject({ ctx, id });
  const items: ProjectRating[] = [];
  for (const target of await projectTargetRows(ctx.db, id)) {
    const campaign = (await findCampaign(ctx.db, target.campaign_id))!;
    const [row] = await listTargetRows(ctx.db, campaign.id, '/', target.id);
    const tallies = campaign.state === 'closed' ? (await tallyRows(ctx.db, campaign.id, '/')).filter((r) => r.target_id === target.id) : [];
    const result = targetResult(campaign, row!, tallies, await yearRuleSets(ctx.db, campaign.cycle_year, ruleSets));
    items.push({ campaignId: campaign.id, campaignTitle: campaign.title, year: campaign.cycle_year, state: campaign.state, stateLabel: campaignStateLabel[campaign.state], ...result });
  }
  return { items };
}
