import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { ScoreResult } from '../../scoring/evaluate';
import type { GradeInput, GradeOutcome } from '../../scoring/grading';
import { gradeInputFrom } from '../../scoring/run';
import { baseGradeTexts, baseScoreTexts, carryOwnRows, dirtyMarks, gradeText, newestRevision, revisionMembers, revisionStatistics, scoreText, storedResults } from './delta.repository';
import { gradeRow, insertGrades } from './grades.repository';
import type { CategorySummary } from './score-cycle';
import { gradeOrgOf, scoreRuleSets, type Org, type RuleJob, type ScoringWork } from './score-cycle';
import { insertScores, type ScoreRow } from './scores.repository';

/**
 * `score --changed`: what a delta revision needs, or null when only a full scoring gives the right result (no revision
 * yet, a correction, one scored on an earlier day of a year under way, a cycle marked whole, other rule sets pinned, an
 * organization gone from the year, results stored before overrides were kept, or so much changed that a full scoring is
 * as quick).
 */
export type DeltaPlan = {
  parentId: number;
  /** The parent's base: a full revision (the parent itself when it is one). */
  baseId: number;
  /** The parent's own rows to carry when it is a delta itself. */
  parentIsDelta: boolean;
  parentWarnings: string[];
  /** The parent's grading overrides per organization (kept with its rows). */
  fired: Map<number, string[] | null>;
  /** Per rule set (index into the jobs), the organizations to score again. */
  dirty: Map<number, Org[]>;
  rescored: number;
};

/** A delta is worth it while fewer than this share of the year's organizations changed. */
const deltaShare = 0.5;

export async function planChanged(db: Kysely<Database>, year: number, ruleJobs: RuleJob[], orgLists: Org[][], pins: { category: string; hash: string }[]): Promise<DeltaPlan | null> {
  const parent = await newestRevision(db, year);
  if (!parent || parent.kind !== 'compute' || parent.stale || parent.marks_snapshot === null) return null;
  const pinned = (list: { category: string; hash: string }[]) => list.map((p) => `${p.category}:${p.hash}`).sort().join(',');
  if (pinned(parent.rule_sets) !== pinned(pins)) return null;
  const marks = await dirtyMarks(db, year, parent.marks_snapshot);
  if (marks.whole) return null;
  const stored = new Map((await revisionMembers(db, parent.id)).map((m) => [m.org_id, m]));
  const now = new Set(orgLists.flatMap((l) => l.map((o) => o.id)));
  for (const id of stored.keys()) if (!now.has(id)) return null;
  const dirty = new Map<number, Org[]>();
  let rescored = 0;
  for (const [i, orgs] of orgLists.entries()) {
    const graded = ruleJobs[i]!.compiled.ruleSet.grading !== undefined;
    const hash = ruleJobs[i]!.compiled.hash;
    const again = orgs.filter((o) => {
      const s = stored.get(o.id);
      return marks.orgs.has(o.id) || !s || s.rule_set_hash !== hash;
    });
    // Overrides not kept with a row that is carried: its grading cannot be worked out again without its facts.
    if (graded && orgs.some((o) => stored.get(o.id)?.fired === null && !again.includes(o))) return null;
    if (again.length > 0) dirty.set(i, again);
    rescored += again.length;
  }
  if (rescored > deltaShare * now.size) return null;
  const warnings = ((parent.notes as { warnings?: string[] } | null)?.warnings ?? []).slice();
  const fired = new Map([...stored].map(([id, m]) => [id, m.fired]));
  return { parentId: parent.id, baseId: parent.base_id ?? parent.id, parentIsDelta: parent.base_id !== null, parentWarnings: warnings, fired, dirty, rescored };
}

/**
 * A delta revision: the changed organizations scored again, their rule sets graded again with the others' stored
 * results, and only what differs from the base stored; the parent's own rows of everything not worked out again
 * carried over. Summaries and warnings read as those of the whole revision.
 */
export async function scoreDelta(work: ScoringWork, plan: DeltaPlan): Promise<{ summaries: CategorySummary[]; warnings: string[] }> {
  const { db, revisionId, ruleJobs, orgLists } = work;
  const list: { i: number; evaluate: Org[]; carried?: Map<number, GradeInput> }[] = [];
  for (const [i, evaluate] of plan.dirty) list.push({ i, evaluate, carried: ruleJobs[i]!.compiled.ruleSet.grading ? await carriedInputs(work, i, evaluate, plan) : undefined });
  const rescored = list.flatMap((l) => l.evaluate.map((o) => o.id));
  const regraded = list.filter((l) => l.carried !== undefined).flatMap((l) => orgLists[l.i]!.map((o) => o.id));
  if (plan.parentIsDelta) {
    await carryOwnRows(db, 'score_rows', plan.parentId, revisionId, rescored);
    await carryOwnRows(db, 'grade_rows', plan.parentId, revisionId, regraded);
  }
  const { warnings } = await scoreRuleSets(work, list, {
    scores: async (rows) => insertScores(db, revisionId, differing(rows, await baseScoreTexts(db, plan.baseId, rows.map((r) => r.orgId)))),
    grades: async (outcomes) => insertGrades(db, revisionId, differingGrades(outcomes, await baseGradeTexts(db, plan.baseId, outcomes.map((o) => o.orgId)))),
  });
  const titles = new Set(list.map((l) => `${ruleJobs[l.i]!.compiled.ruleSet.title}：`));
  const kept = plan.parentWarnings.filter((w) => ![...titles].some((t) => w.startsWith(t)));
  return { summaries: await summariesOf(work), warnings: [...kept, ...warnings] };
}

/** Grading's inputs of the organizations of rule set `i` not scored again, from the parent's stored results. */
async function carriedInputs(work: ScoringWork, i: number, evaluate: Org[], plan: DeltaPlan): Promise<Map<number, GradeInput>> {
  const again = new Set(evaluate.map((o) => o.id));
  const orgs = work.orgLists[i]!.filter((o) => !again.has(o.id));
  const out = new Map<number, GradeInput>();
  const byId = new Map(orgs.map((o) => [o.id, o]));
  // In parts, like the facts of a full scoring: a city's stored results are hundreds of megabytes of text.
  for (let i = 0; i < orgs.length; i += work.partSize) {
    for (const row of await storedResults(work.db, plan.parentId, orgs.slice(i, i + work.partSize).map((o) => o.id))) {
      const { org, extra } = gradeOrgOf(byId.get(row.org_id)!, work.context);
      out.set(row.org_id, gradeInputFrom(JSON.parse(row.result) as ScoreResult, new Set(plan.fired.get(row.org_id) ?? []), org, extra));
    }
  }
  return out;
}

function differing(rows: ScoreRow[], base: Map<number, string>): ScoreRow[] {
  return rows.filter((r) => base.get(r.orgId) !== scoreText(r));
}

function differingGrades(outcomes: GradeOutcome[], base: Map<number, string>): GradeOutcome[] {
  return outcomes.filter((o) => base.get(o.orgId) !== gradeText(gradeRow(0, o)));
}

/** Each rule set's summary as a full scoring reports it, read from the revision as a whole. */
async function summariesOf(work: ScoringWork): Promise<CategorySummary[]> {
  const { totals, grades } = await revisionStatistics(work.db, work.revisionId);
  return work.ruleJobs.map(({ compiled }) => {
    const t = totals.find((x) => x.hash === compiled.hash);
    const summary: CategorySummary = {
      category: compiled.ruleSet.categories.join(','),
      ruleSet: compiled.ruleSet.title,
      organizations: t?.n ?? 0,
      assessed: t?.assessed ?? 0,
      mean: t?.mean ?? '0.00',
      min: t?.min ?? '0.00',
      max: t?.max ?? '0.00',
    };
    const grading = compiled.ruleSet.grading;
    if (grading) {
      const counts: Record<string, number> = Object.fromEntries(grading.grades.map((g) => [g.label, 0]));
      for (const g of grades.filter((x) => x.hash === compiled.hash)) {
        const key = g.label ?? compiled.ruleSet.notAssessedLabel;
        counts[key] = (counts[key] ?? 0) + g.n;
      }
      summary.grades = counts;
    }
    return summary;
  });
}
