import { readers, requireRole } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import { PROJECT_MIN_SAMPLE } from '../../domain/catalog';
import { AppError, notFound } from '../../errors/app-error';
import type { RuleSets } from '../../rules/registry';
import { yearRuleSets } from '../scoring/rule-pins';
import { dec, fixed2 } from '../../scoring/decimal';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { openCycleFor } from '../cycles/cycle-gates';
import { campaignForManage, campaignForRead, targetName } from './campaigns.service';
import type { CampaignRow } from './ratings.repository';
import { FlagsQuery, VoidBallotInput, VoidBallotsInput } from './ratings.schemas';
import { burstFlags, findBallot, listTargetRows, movePendingBallots, patternFlags, tallyRows, voidBallotRow } from './ratings.repository';

/** The minimum sample when no rule set reads this target's ballots. */
export const DEFAULT_MIN_SAMPLE = 10;

export type Flag = {
  kind: 'burst' | 'pattern';
  description: string;
  /** For bursts: the first characters of the salted hash of the client address (never the address). */
  source: string | null;
  orgId: number | null;
  firstAt: string;
  lastAt: string;
  ballotIds: number[];
  voidedIds: number[];
};

/**
 * Abuse flags of a campaign for its administrator: bursts (at least `burstCount` ballots from one client
 * address within `burstMinutes`) and patterns (at least `patternCount` identical answer vectors for one
 * target within `patternMinutes`), each with the ballots it affects. Voided ballots stay listed.
 */
export async function listFlags({ ctx, id, query }: { ctx: Ctx; id: number; query: unknown }): Promise<{ items: Flag[] }> {
  const q = FlagsQuery.parse(query);
  const campaign = await campaignForManage(ctx, id);
  // The ballots still pending move first (shuffled, in the administrator's transaction, far from any voter's).
  await withTransaction(ctx, (tx) => movePendingBallots(tx.db, campaign.id));
  const bursts = await burstFlags(ctx.db, campaign.id, q.burstCount, q.burstMinutes);
  const patterns = await patternFlags(ctx.db, campaign.id, q.patternCount, q.patternMinutes);
  const items: Flag[] = bursts.map((r) => ({
    kind: 'burst',
    description: `同一来源在 ${q.burstMinutes} 分钟内提交 ${r.ballot_ids.length} 张评议票`,
    source: r.key.slice(0, 10),
    orgId: null,
    firstAt: new Date(r.first_at).toISOString(),
    lastAt: new Date(r.last_at).toISOString(),
    ballotIds: r.ballot_ids.map(Number),
    voidedIds: (r.voided_ids ?? []).map(Number),
  }));
  // The shared answers are not shown: next to ballot ids they would be a per-ballot listing.
  for (const r of patterns) {
    items.push({
      kind: 'pattern',
      description: `同一评议对象在 ${q.patternMinutes} 分钟内有 ${r.ballot_ids.length} 张各项答案完全相同的评议票`,
      source: null,
      orgId: r.org_id,
      firstAt: new Date(r.first_at).toISOString(),
      lastAt: new Date(r.last_at).toISOString(),
      ballotIds: r.ballot_ids.map(Number),
      voidedIds: (r.voided_ids ?? []).map(Number),
    });
  }
  return { items };
}

/** Voids a ballot with a reason (audited): it stays stored and listed, but no longer counts. */
/**
 * Voids ballots of a campaign with one reason, all or none: each must exist in the campaign and still count (the
 * refusal names the first that does not); one audit row per ballot.
 */
async function voidInTransaction(tx: Ctx, id: number, ballotIds: readonly number[], reason: string, field: string): Promise<Date> {
  const campaign = await campaignForManage(tx, id);
  await movePendingBallots(tx.db, campaign.id);
  const found = [];
  for (const ballotId of ballotIds) {
    const ballot = await findBallot(tx.db, id, ballotId);
    if (!ballot) throw notFound(`评议票 ${ballotId}`, field);
    if (ballot.voided_at) throw new AppError('conflict', `评议票 ${ballotId} 已作废`, { field });
    found.push(ballot);
  }
  await openCycleFor(tx, campaign.cycle_year, 'ballotVoid', 'id');
  const at = tx.clock.now();
  for (const ballot of found) {
    await voidBallotRow(tx.db, ballot.id, tx.actor.id, reason, at);
    await recordAudit(tx, { action: 'ballot.void', entity: 'ballot', entityId: ballot.id, orgId: ballot.org_id, before: { voided: false }, after: { voided: true, reason } });
  }
  return at;
}

export async function voidBallot({ ctx, id, ballotId, input }: { ctx: Ctx; id: number; ballotId: number; input: unknown }) {
  const { reason } = VoidBallotInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const at = await voidInTransaction(tx, id, [ballotId], reason, 'ballotId');
    return { id: ballotId, campaignId: id, voided: true, voidedAt: at.toISOString(), reason };
  });
}

/** Voids several ballots (a flagged group, or those the admin picked from it) in one transaction. */
export async function voidBallots({ ctx, id, input }: { ctx: Ctx; id: number; input: unknown }) {
  const { ballotIds, reason } = VoidBallotsInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    // Locked in id order: two admins voiding overlapping groups never wait on each other in a cycle.
    const at = await voidInTransaction(tx, id, [...new Set(ballotIds)].sort((x, y) => x - y), reason, 'ballotIds');
    return { campaignId: id, ballotIds: [...new Set(ballotIds)], voidedAt: at.toISOString(), reason };
  });
}

/**
 * The minimum sample of a target's results. A project's is PROJECT_MIN_SAMPLE, the one the facts use. An
 * organization's is the largest minimum sample of its category's votes clauses that read its ballots.
 */
function minSampleFor(ruleSets: RuleSets, category: string | null, project: boolean): number {
  const rs = category && !project ? ruleSets.forCategory(category)?.ruleSet : undefined;
  if (!rs) return project ? PROJECT_MIN_SAMPLE : DEFAULT_MIN_SAMPLE;
  const samples = rs.parts.flatMap((p) =>
    p.indicators.flatMap((i) =>
      i.clauses.flatMap((c) => {
        const def = c.type === 'votes' ? rs.facts[c.fact] : undefined;
        return c.type === 'votes' && def?.source.startsWith('ballots.') && !('projects' in def && def.projects !== undefined) ? [c.minSample] : [];
      }),
    ),
  );
  return samples.length > 0 ? Math.max(...samples) : DEFAULT_MIN_SAMPLE;
}

export type TargetResult = {
  targetId: number;
  orgId: number;
  orgName: string;
  projectId: number | null;
  name: string;
  validBallots: number;
  minSample: number;
  shown: boolean;
  note: string | null;
  items: { key: string; label: string; answers: { answer: string; count: number; share: string }[] }[];
};

type TallyRow = Awaited<ReturnType<typeof tallyRows>>[number];
type TargetRow = Awaited<ReturnType<typeof listTargetRows>>[number];

/**
 * One target's result: answer tallies per item, only once the campaign is closed and the target has at least the
 * minimum sample of valid ballots (样本不足 otherwise), so a result never narrows down to a few people.
 */
export function targetResult(campaign: CampaignRow, t: TargetRow, tallies: readonly TallyRow[], inYear: RuleSets): TargetResult {
  const valid = t.valid ?? 0;
  const minSample = minSampleFor(inYear, t.category, t.project_id !== null);
  const closed = campaign.state === 'closed';
  const shown = closed && valid >= minSample;
  const note = !closed ? '评议尚未结束，结果暂不显示' : shown ? null : `样本不足：有效票 ${valid} 张，少于 ${minSample} 张，结果不予显示`;
  const mine = shown ? tallies.filter((r) => r.target_id === t.id) : [];
  return {
    targetId: t.id,
    orgId: t.org_id,
    orgName: t.org_name,
    projectId: t.project_id,
    name: targetName(t),
    validBallots: valid,
    minSample,
    shown,
    note,
    items: shown
      ? campaign.items.map((item) => ({
          key: item.key,
          label: item.label,
          answers: campaign.answers.map((a) => {
            const count = mine.find((r) => r.item === item.key && r.answer === a.key)?.n ?? 0;
            return { answer: a.key, count, share: fixed2(dec(count).times(100).div(valid)) };
          }),
        }))
      : [],
  };
}

/** Results per target in the caller's subtree (targetResult). There is no per-ballot view with answers. */
export async function campaignResults({ ctx, id, ruleSets }: { ctx: Ctx; id: number; ruleSets: RuleSets }): Promise<{ campaignId: number; state: string; targets: TargetResult[] }> {
  requireRole(ctx, readers);
  const campaign = await campaignForRead(ctx, id);
  const inYear = await yearRuleSets(ctx.db, campaign.cycle_year, ruleSets);
  const targets = await listTargetRows(ctx.db, id, ctx.actor.orgPath);
  const tallies = campaign.state === 'closed' ? await tallyRows(ctx.db, id, ctx.actor.orgPath) : [];
  return { campaignId: id, state: campaign.state, targets: targets.map((t) => targetResult(campaign, t, tallies, inYear)) };
}
