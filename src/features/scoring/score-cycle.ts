import type { CycleState } from '../../db/database';
import { withTransaction } from '../../db/transaction';
import { cycleStateLabel } from '../../domain/catalog';
import { AppError, notFound } from '../../errors/app-error';
import type { RuleSets } from '../../rules/registry';
import { dec } from '../../scoring/decimal';
import type { InspectionEntry, ScoreResult } from '../../scoring/evaluate';
import { scoreFacts } from '../../scoring/run';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { requireCycleManager } from '../cycles/manage-cycles';
import { findCycle, setCycleState } from '../cycles/cycles.repository';
import { computeFacts } from './facts.repository';
import { insertRevision, insertScores, inspectionsFor, orgsToScore, saveRuleSets, type ScoreRow } from './scores.repository';

/** Cycle states in which scores may be computed; finished reviews move to computed. */
const scorable: readonly CycleState[] = ['collecting', 'reviewing', 'computed'];

export type CategorySummary = { category: string; ruleSet: string; organizations: number; assessed: number; mean: string; min: string; max: string };
export type RevisionSummary = { revisionId: number; year: number; state: CycleState; organizations: number; categories: CategorySummary[] };
export type ScoreProgress = (step: string, done: number, total: number) => void;

/**
 * Scores a cycle: for each rule set in force, its facts for all its organizations (a few set-based
 * queries), the engine and the pure core per organization, then one new revision with every result,
 * written in the same repeatable-read transaction that read the data. Earlier revisions are kept.
 */
export async function scoreCycle({
  ctx,
  year,
  ruleSets,
  note,
  progress = () => {},
}: {
  ctx: Ctx;
  year: number;
  ruleSets: RuleSets;
  note?: string;
  progress?: ScoreProgress;
}): Promise<RevisionSummary> {
  await requireCycleManager(ctx);
  const compiledSets = ruleSets.all;
  if (compiledSets.length === 0) throw new AppError('validation_failed', 'rules/ 中没有任何考核细则，无法计分');
  return withTransaction(
    ctx,
    async (tx) => {
      const cycle = await findCycle(tx.db, year, 'update');
      if (!cycle) throw notFound(`${year} 年度考核周期`, 'year');
      if (!scorable.includes(cycle.state)) {
        throw new AppError('cycle_closed', `${year} 年度考核周期处于「${cycleStateLabel[cycle.state]}」状态，不能重新计分`, { field: 'year', state: cycle.state });
      }
      const rows: ScoreRow[] = [];
      const summaries: CategorySummary[] = [];
      for (const compiled of compiledSets) {
        const orgs = await orgsToScore(tx.db, year, compiled.ruleSet.categories);
        const ids = orgs.map((o) => o.id);
        const step = compiled.ruleSet.title;
        progress(step, 0, orgs.length);
        const facts = await computeFacts(tx.db, year, ids, compiled.ruleSet.facts);
        const inspections = new Map<number, InspectionEntry[]>();
        for (const r of await inspectionsFor(tx.db, year, ids)) {
          const list = inspections.get(r.org_id) ?? [];
          list.push({ id: r.id, indicator: r.indicator, points: r.points, reason: r.reason, inspectedOn: r.inspected_on });
          inspections.set(r.org_id, list);
        }
        const results: ScoreResult[] = [];
        for (const [i, org] of orgs.entries()) {
          const result = await scoreFacts(compiled, facts.get(org.id)!, inspections.get(org.id) ?? []);
          results.push(result);
          rows.push({ orgId: org.id, category: org.category!, hash: compiled.hash, assessed: result.assessed, total: result.total, result });
          if (i % 250 === 0) progress(step, i, orgs.length);
        }
        progress(step, orgs.length, orgs.length);
        summaries.push(summarize(compiled.ruleSet.categories.join(','), compiled.ruleSet.title, results));
      }

      await saveRuleSets(
        tx.db,
        compiledSets.map((c) => ({ hash: c.hash, id: c.ruleSet.id, version: c.ruleSet.version, title: c.ruleSet.title, categories: c.ruleSet.categories, body: c.ruleSet })),
      );
      const pins = compiledSets.flatMap((c) => c.ruleSet.categories.map((category) => ({ category, hash: c.hash, id: c.ruleSet.id, version: c.ruleSet.version })));
      const revision = await insertRevision(tx.db, { cycle_year: year, rule_sets: pins, org_count: rows.length, note: note ?? null, created_by: ctx.actor.id });
      await insertScores(tx.db, revision.id, rows);
      const state: CycleState = cycle.state === 'reviewing' ? 'computed' : cycle.state;
      if (state !== cycle.state) await setCycleState(tx.db, year, state, tx.clock.now());
      const summary: RevisionSummary = { revisionId: revision.id, year, state, organizations: rows.length, categories: summaries };
      await recordAudit(tx, {
        action: 'score.compute',
        entity: 'score_revision',
        entityId: revision.id,
        orgId: ctx.actor.orgId,
        before: { state: cycle.state },
        after: { ...summary, ruleSets: pins },
      });
      return summary;
    },
    { isolation: 'repeatable read' },
  );
}

function summarize(category: string, ruleSet: string, results: ScoreResult[]): CategorySummary {
  const totals = results.map((r) => dec(r.total));
  const sum = totals.reduce((s, t) => s.plus(t), dec(0));
  const fmt = (d: ReturnType<typeof dec>) => d.toDecimalPlaces(2).toFixed(2);
  return {
    category,
    ruleSet,
    organizations: results.length,
    assessed: results.filter((r) => r.assessed).length,
    mean: totals.length ? fmt(sum.div(totals.length)) : '0.00',
    min: totals.length ? fmt(totals.reduce((a, b) => (a.lt(b) ? a : b))) : '0.00',
    max: totals.length ? fmt(totals.reduce((a, b) => (a.gt(b) ? a : b))) : '0.00',
  };
}
