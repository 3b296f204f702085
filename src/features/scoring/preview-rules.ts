import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { withTransaction } from '../../db/transaction';
import { cycleStateLabel } from '../../domain/catalog';
import { AppError, notFound } from '../../errors/app-error';
import { compileRuleSet, RuleSetError, type CompiledRuleSet } from '../../rules/compile';
import type { RuleSets, RuleSetsHolder } from '../../rules/registry';
import { gradeAll, type GradeOutcome } from '../../scoring/grading';
import { gradeInputOf, scoreFacts, withDefaults } from '../../scoring/run';
import { recordAudit } from '../audit/record-audit';
import { databaseCatalog } from '../catalog/manage-kinds';
import type { Ctx } from '../context';
import { requireCycleManager } from '../cycles/manage-cycles';
import { writableIn } from '../cycles/cycle-gates';
import { deadline, timeLimits, yieldToIo } from '../../errors/deadline';
import { findCycle } from '../cycles/cycles.repository';
import { computeFacts } from './facts.repository';
import { directGradeRecords, finalGrades } from './grades.repository';
import { effectiveRuleSets } from './rule-pins';
import { findRulePreview, insertRulePreview, pinRuleSets } from './rule-pins.repository';
import { inspectionsFor, latestRevision, orgsToScore, saveRuleSets } from './scores.repository';

type OrgResult = { orgId: number; code: string; name: string; category: string; total: string; assessed: boolean; grade: string | null; gradeLabel: string | null; steps: string[] };

/** Scores and grades one rule set's organizations of a cycle in memory: nothing is stored. */
async function evaluateInMemory(db: Kysely<Database>, year: number, compiled: CompiledRuleSet, categories: readonly string[], check: () => void) {
  const orgs = await orgsToScore(db, year, categories);
  const ids = orgs.map((o) => o.id);
  const facts = await computeFacts(db, year, ids, compiled.ruleSet.facts);
  const inspections = await inspectionsFor(db, year, ids);
  const last = await finalGrades(db, year - 1);
  const direct = await directGradeRecords(db, year);
  const inputs = [];
  const results = new Map<number, { total: string; assessed: boolean }>();
  for (const [n, o] of orgs.entries()) {
    check();
    if (n % 64 === 63) await yieldToIo();
    const mine = inspections.filter((i) => i.org_id === o.id).map((i) => ({ id: i.id, indicator: i.indicator, points: i.points, reason: i.reason, inspectedOn: i.inspected_on }));
    const result = await scoreFacts(compiled, facts.get(o.id)!, mine);
    results.set(o.id, { total: result.total, assessed: result.assessed });
    if (compiled.ruleSet.grading) {
      inputs.push(
        await gradeInputOf(compiled, withDefaults(compiled, facts.get(o.id)!), result, { orgId: o.id, code: o.code, category: o.category!, parentId: o.parent_id, rootPath: o.path.slice(0, o.path.indexOf('/', 1) + 1) }, {
          directRecords: direct.filter((d) => d.org_id === o.id).map((d) => ({ grade: d.grade!, reason: d.reason, approver: d.approver! })),
          lastGrade: last.get(o.id) ?? null,
        }),
      );
    }
  }
  const report = compiled.ruleSet.grading ? gradeAll(compiled.ruleSet.grading, inputs, year, compiled.partWeights) : { outcomes: [] as GradeOutcome[], warnings: [] };
  const grades = new Map(report.outcomes.map((g) => [g.orgId, g]));
  const out: OrgResult[] = orgs.map((o) => {
    const g = grades.get(o.id);
    return { orgId: o.id, code: o.code, name: o.name, category: o.category!, ...results.get(o.id)!, grade: g?.grade ?? null, gradeLabel: g?.gradeLabel ?? null, steps: g?.steps.map((s) => s.text) ?? [] };
  });
  return { orgs: out, warnings: report.warnings };
}

/**
 * How many organizations hold each grade, best grade first (the rule sets' order), then 未定级 and 不参加评定:
 * the same order every run, whatever order the organizations came in.
 */
export function gradeDistribution(rows: readonly Pick<OrgResult, 'gradeLabel' | 'assessed'>[], gradeOrder: readonly string[], notAssessed = '不参加评定'): Record<string, number> {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const key = r.gradeLabel ?? (r.assessed ? '未定级' : notAssessed);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const order = [...new Set([...gradeOrder, '未定级', notAssessed])];
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return Object.fromEntries([...counts].sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)));
}

const gradeLabels = (...sets: CompiledRuleSet[]) => sets.flatMap((c) => c.ruleSet.grading?.grades.map((g) => g.label) ?? []);

export type PreviewReport = {
  previewId: number;
  year: number;
  ruleSet: { id: string; title: string; version: string; hash: string };
  categories: string[];
  before: Record<string, number>;
  after: Record<string, number>;
  changes: { orgId: number; code: string; name: string; before: { total: string; grade: string | null }; after: { total: string; grade: string | null }; why: string[] }[];
  warnings: string[];
};

/** A draft checked against the database's catalog: a kind it names must exist (the message lists the existing ones). */
async function compileDraft(ctx: Ctx, json: unknown): Promise<CompiledRuleSet> {
  try {
    return await compileRuleSet(JSON.stringify(json), 'draft.json', { catalog: await databaseCatalog(ctx) });
  } catch (e) {
    if (e instanceof RuleSetError) {
      const first = e.issues.slice(0, 3).map((i) => `${i.path} ${i.message}`).join('；');
      throw new AppError('validation_failed', `草稿细则有误（${e.issues.length} 处）：${first}${e.issues.length > 3 ? '……' : ''}`, { issues: e.issues });
    }
    throw e;
  }
}

/**
 * Runs a draft rule set on a cycle's data without storing any score: the grade distribution before (the
 * version the cycle uses now) and after, every organization whose grade would change and why, and quota
 * warnings. The preview itself is recorded (its id is what publishing the version asks for).
 */
export async function previewRuleSet({ ctx, year, draft, ruleSets }: { ctx: Ctx; year: number; draft: unknown; ruleSets: RuleSets }): Promise<PreviewReport> {
  await requireCycleManager(ctx);
  const compiled = await compileDraft(ctx, draft);
  const check = deadline(timeLimits.previewMs, '细则预览');
  return withTransaction(
    ctx,
    async (tx) => {
      const cycle = await findCycle(tx.db, year);
      if (!cycle) throw notFound(`${year} 年度考核周期`, 'year');
      if (cycle.state === 'finalized') throw new AppError('cycle_closed', `${year} 年度已定档，不能再预览或更换细则`, { field: 'year', state: cycle.state });
      if (!(writableIn.score as readonly string[]).includes(cycle.state)) throw new AppError('cycle_closed', `${year} 年度还在「${cycleStateLabel[cycle.state]}」，没有可预览的数据`, { field: 'year', state: cycle.state });
      const categories: readonly string[] = compiled.ruleSet.categories;
      const { jobs } = await effectiveRuleSets(tx.db, year, ruleSets);
      const current = jobs.filter((j) => j.categories.some((c) => categories.includes(c)));
      const before = new Map<number, OrgResult>();
      for (const j of current) {
        for (const r of (await evaluateInMemory(tx.db, year, j.compiled, j.categories.filter((c) => categories.includes(c)), check)).orgs) before.set(r.orgId, r);
      }
      const after = await evaluateInMemory(tx.db, year, compiled, categories, check);
      const changes = after.orgs
        .filter((a) => (before.get(a.orgId)?.grade ?? null) !== a.grade)
        .map((a) => {
          const b = before.get(a.orgId);
          return {
            orgId: a.orgId,
            code: a.code,
            name: a.name,
            before: { total: b?.total ?? '0.00', grade: b?.gradeLabel ?? null },
            after: { total: a.total, grade: a.gradeLabel },
            why: [`总分 ${b?.total ?? '（无）'} → ${a.total}`, ...a.steps],
          };
        });
      const report = {
        year,
        ruleSet: { id: compiled.ruleSet.id, title: compiled.ruleSet.title, version: compiled.ruleSet.version, hash: compiled.hash },
        categories: [...categories],
        before: gradeDistribution([...before.values()], gradeLabels(...current.map((j) => j.compiled)), current[0]?.compiled.ruleSet.notAssessedLabel),
        after: gradeDistribution(after.orgs, gradeLabels(compiled), compiled.ruleSet.notAssessedLabel),
        changes,
        warnings: after.warnings,
      };
      const row = await insertRulePreview(tx.db, { cycle_year: year, rule_set_hash: compiled.hash, summary: { ...report, changes: report.changes.length }, created_by: ctx.actor.id });
      return { previewId: row.id, ...report };
    },
    { isolation: 'repeatable read', timeLimitMs: timeLimits.previewMs },
  );
}

/**
 * Pins a new rule-set version to a cycle for its categories. A cycle that already has results needs the
 * id of a preview of exactly this version on this cycle: nobody moves grades without having seen how.
 */
export async function publishRuleSet({ ctx, year, draft, previewId, ruleSets }: { ctx: Ctx; year: number; draft: unknown; previewId?: number; ruleSets?: RuleSetsHolder }) {
  await requireCycleManager(ctx);
  const compiled = await compileDraft(ctx, draft);
  const out = await withTransaction(ctx, async (tx) => {
    const cycle = await findCycle(tx.db, year, 'update');
    if (!cycle) throw notFound(`${year} 年度考核周期`, 'year');
    if (cycle.state === 'finalized') throw new AppError('cycle_closed', `${year} 年度已定档，不能更换细则`);
    const hasResults = await latestRevision(tx.db, year);
    if (hasResults) {
      const preview = previewId === undefined ? undefined : await findRulePreview(tx.db, previewId);
      if (!preview || preview.cycle_year !== year || preview.rule_set_hash !== compiled.hash) {
        throw new AppError('conflict', `${year} 年度已有计分结果：发布新版本细则前须先预览这一版本对结果的影响，并提供预览编号（previewId）`, { field: 'previewId' });
      }
    }
    await saveRuleSets(tx.db, [{ hash: compiled.hash, id: compiled.ruleSet.id, version: compiled.ruleSet.version, title: compiled.ruleSet.title, categories: compiled.ruleSet.categories, body: compiled.source }]);
    await pinRuleSets(tx.db, year, compiled.ruleSet.categories.map((category) => ({ category, hash: compiled.hash })), ctx.actor.id);
    const out = { year, ruleSet: { id: compiled.ruleSet.id, version: compiled.ruleSet.version, hash: compiled.hash }, categories: compiled.ruleSet.categories, previewId: previewId ?? null };
    await recordAudit(tx, { action: 'rules.publish', entity: 'cycle', entityId: year, orgId: ctx.actor.orgId, after: out });
    return out;
  });
  // What is in force may have changed (the database is the truth): a holder given here reads it again once committed.
  if (!ctx.inTransaction) await ruleSets?.reload?.();
  return out;
}
