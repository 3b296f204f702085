import { withTransaction } from '../db/transaction';
import { recordAudit } from '../features/audit/record-audit';
import type { Ctx } from '../features/context';
import { scoreCycle, type RevisionSummary, type ScoreProgress } from '../features/scoring/score-cycle';
import { publishCycle } from '../features/cycles/cycle-life';
import type { RuleSets } from '../rules/registry';
import { finalizeDemoCycle } from './demo.repository';

/**
 * Gives the demo district results to look at: the year before last is scored, published and finalized as
 * it would have been early the following year (so last year's grades can use it), and last year is scored.
 * Only for the demo: real cycles are published and finalized through their own verbs, on their own dates.
 */
export async function demoResults(ctx: Ctx, ruleSets: RuleSets, years: readonly number[], progress?: ScoreProgress): Promise<RevisionSummary[]> {
  const sorted = [...years].sort();
  const out: RevisionSummary[] = [];
  for (const [i, year] of sorted.entries()) {
    const summary = await scoreCycle({ ctx, year, ruleSets, note: '演示数据', progress });
    out.push(summary);
    if (i === sorted.length - 1) break;
    await withTransaction(ctx, async (tx) => {
      await finalizeDemoCycle(tx.db, year, summary.revisionId);
      await recordAudit(tx, { action: 'demo.finalize', entity: 'cycle', entityId: year, orgId: null, after: { state: 'finalized', finalRevisionId: summary.revisionId } });
    });
    summary.state = 'finalized';
  }
  return out;
}

/**
 * The demo's last finished year in 公示 (DECISIONS.md: published with the appeal window open), published
 * today through the cycle's own verb with a 15-day window.
 */
export async function demoPublish(ctx: Ctx, year: number) {
  return publishCycle({ ctx, year, input: { appealDays: 15 } });
}
