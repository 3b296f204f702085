import type { Kysely } from 'kysely';
import { analyzeTables } from '../../db/analyze';
import type { CycleState, Database } from '../../db/database';
import { withTransaction } from '../../db/transaction';
import { deadline, timeLimits, yieldToIo } from '../../errors/deadline';
import { cycleStateLabel } from '../../domain/catalog';
import { AppError, notFound } from '../../errors/app-error';
import type { CompiledRuleSet } from '../../rules/compile';
import type { RuleSets } from '../../rules/registry';
import { dec } from '../../scoring/decimal';
import type { ScoreResult } from '../../scoring/evaluate';
import { gradeEach, type GradeInput, type GradeOutcome } from '../../scoring/grading';
import { evaluateForStore, gradeInputOfCompact, type CompactGrade } from '../../scoring/run';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { requireCycleManager } from '../cycles/manage-cycles';
import { refuseOpenEvaluations, writableIn } from '../cycles/cycle-gates';
import { findCycle, lockCycles, setCycleState } from '../cycles/cycles.repository';
import { computeFacts, type FactRows } from './facts.repository';
import { directGradeRecords, finalGrades, insertGrades, setRevisionNotes } from './grades.repository';
import { effectiveRuleSets, pinRuleSets } from './rule-pins';
import { planChanged, scoreDelta } from './score-changed';
import { insertRevision, insertScores, inspectionsFor, orgsToScore, saveRuleSets, type ScoreRow } from './scores.repository';
import { inspectionsByOrg, openShare, SHARED_PART_SIZE, type ShareHost } from './score-share';

/**
 * The order rule sets are worked through: smallest first. Fact SQL grows with the number of organizations,
 * so the first facts come back soonest, and each larger rule set's facts are computed while the one before
 * it evaluates. Indexes into the list of rule sets.
 */
export function evaluationOrder(sizes: readonly number[]): number[] {
  return sizes.map((_, i) => i).sort((a, b) => sizes[a]! - sizes[b]! || a - b);
}


/** Cycle states in which scores may be computed: after the ledger closes, and again after accepted appeals. */
const scorable: readonly CycleState[] = writableIn.score;

export type CategorySummary = { category: string; ruleSet: string; organizations: number; assessed: number; mean: string; min: string; max: string; grades?: Record<string, number> };
export type RevisionSummary = {
  revisionId: number;
  year: number;
  state: CycleState;
  organizations: number;
  /** Organizations scored by this revision: all of them, or those a delta scored again. */
  rescored: number;
  /** A delta's base revision; null for a full one. */
  baseRevisionId: number | null;
  categories: CategorySummary[];
  warnings: string[];
};
/** Scoring's progress: the step (a rule set's title, or 保存结果), its counts, and organizations scored of all. */
export type ScoreProgress = (step: string, done: number, total: number, overall: { done: number; total: number }) => void;

/**
 * Scores and grades a cycle: for each rule set (pinned to the cycle, or in force and then pinned), its
 * facts for all its organizations (a few set-based queries), the engine and the pure core per
 * organization, then grading across them all (quotas, rankings), stored as one new revision in the same
 * repeatable-read transaction that read the data. Earlier revisions are kept. With `changed`, only the organizations
 * whose inputs changed since the newest revision are scored again (`score-changed.ts`), their rule sets graded again,
 * and the revision is stored as a delta over that one's base; whatever a delta cannot answer exactly is scored in full.
 */
export async function scoreCycle({
  ctx,
  year,
  ruleSets,
  note,
  progress = () => {},
  partSize = PART_SIZE,
  changed = false,
  share,
}: {
  ctx: Ctx;
  year: number;
  ruleSets: RuleSets;
  note?: string;
  progress?: ScoreProgress;
  /** Organizations whose facts are read at once (tests make it small to check parts change nothing). */
  partSize?: number;
  /** Only what changed since the newest revision (a delta revision), when that gives the same result. */
  changed?: boolean;
  /** A job's scoring offered to other worker processes (PostgreSQL): a full scoring's parts go to whoever takes them. */
  share?: ShareHost;
}): Promise<RevisionSummary> {
  await requireCycleManager(ctx);
  const check = deadline(timeLimits.scoreMs, '计分');
  const summary = await withTransaction(
    ctx,
    async (tx) => {
      const { cycle, ruleJobs, orgLists, pins } = await prepareScoring(tx, year, ruleSets);
      const plan = changed ? await planChanged(tx.db, year, ruleJobs, orgLists, pins) : null;
      const orgCount = orgLists.reduce((n, list) => n + list.length, 0);
      const revision = await insertRevision(tx.db, { cycle_year: year, rule_sets: pins, org_count: orgCount, note: note ?? null, created_by: ctx.actor.id, base_id: plan?.baseId ?? null });
      const context: ScoringContext = { year, ...(await gradingRecords(tx.db, year)), check, progress, total: plan ? plan.rescored : orgCount, done: 0 };
      const sharing = share && !plan ? { host: share, inForce: ruleSets } : undefined;
      const work: ScoringWork = { db: tx.db, revisionId: revision.id, ruleJobs, orgLists, context, partSize, sharing };
      const { summaries, warnings } = plan ? await scoreDelta(work, plan) : await scoreAll(work);
      await setRevisionNotes(tx.db, revision.id, { warnings });

      // The same order every run: by the categories a rule set covers, then its title.
      summaries.sort((a, b) => (a.category < b.category ? -1 : a.category > b.category ? 1 : a.ruleSet < b.ruleSet ? -1 : a.ruleSet > b.ruleSet ? 1 : 0));
      const state: CycleState = cycle.state === 'reviewing' ? 'computed' : cycle.state;
      if (state !== cycle.state) await setCycleState(tx.db, year, state, tx.clock.now());
      const rescored = plan ? { baseRevisionId: plan.baseId, rescored: plan.rescored } : { baseRevisionId: null, rescored: orgCount };
      const summary: RevisionSummary = { revisionId: revision.id, year, state, organizations: orgCount, ...rescored, categories: summaries, warnings };
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
    { isolation: 'repeatable read', timeLimitMs: timeLimits.scoreMs },
  );
  // A revision adds a row per organization: the planner sees them before the first list or scorecard reads. The
  // revision is committed by now, so a failure here (the request's time ran out, the client left) changes nothing.
  if (!ctx.inTransaction && summary.baseRevisionId === null) await analyzeTables(ctx.db, scoredTables).catch(() => {});
  return summary;
}

/**
 * What every scoring does first: the cycle locked and checked, its rule sets (pinned, or in force and pinned now), and
 * the organizations of each.
 */
async function prepareScoring(tx: Ctx, year: number, ruleSets: RuleSets) {
  // Before anything reads: in repeatable read the snapshot is taken by the first query, so writers still
  // holding the cycle row (FOR SHARE) must finish first, or their rows would miss this revision. LOCK
  // TABLE takes no snapshot; EXCLUSIVE waits for them and holds new ones off until this commits.
  await lockCycles(tx.db);
  const cycle = await findCycle(tx.db, year, 'update');
  if (!cycle) throw notFound(`${year} 年度考核周期`, 'year');
  if (!scorable.includes(cycle.state)) {
    const why = cycle.state === 'finalized' ? '已定档，只能通过更正（corrections）修改结果' : `只有${scorable.map((s) => `「${cycleStateLabel[s]}」`).join('、')}时才能计分`;
    throw new AppError('cycle_closed', `${year} 年度考核周期处于「${cycleStateLabel[cycle.state]}」状态，${why}`, { field: 'year', state: cycle.state });
  }
  await refuseOpenEvaluations(tx, year);
  const { jobs: ruleJobs, toPin } = await effectiveRuleSets(tx.db, year, ruleSets);
  if (ruleJobs.length === 0) throw new AppError('validation_failed', 'rules/ 中没有任何考核细则，无法计分');
  const orgLists = await Promise.all(ruleJobs.map((j) => orgsToScore(tx.db, year, j.categories)));
  await saveRuleSets(
    tx.db,
    ruleJobs.map(({ compiled: c }) => ({ hash: c.hash, id: c.ruleSet.id, version: c.ruleSet.version, title: c.ruleSet.title, categories: c.ruleSet.categories, body: c.source })),
  );
  await pinRuleSets(tx.db, year, toPin, tx.actor.id);
  const pins = ruleJobs.flatMap(({ compiled: c, categories }) => categories.map((category) => ({ category, hash: c.hash, id: c.ruleSet.id, version: c.ruleSet.version })));
  return { cycle, ruleJobs, orgLists, pins };
}

/** What grading reads of the year besides the scores: direct grades recorded, and last year's final grades. */
async function gradingRecords(db: Kysely<Database>, year: number) {
  const lastGrades = await finalGrades(db, year - 1);
  const direct = new Map<number, { grade: string; reason: string; approver: string }[]>();
  for (const r of await directGradeRecords(db, year)) direct.set(r.org_id, [...(direct.get(r.org_id) ?? []), { grade: r.grade!, reason: r.reason, approver: r.approver! }]);
  return { direct, lastGrades };
}

/** One scoring's work: the revision it stores into, each rule set's organizations, the running context. */
export type ScoringWork = {
  db: Kysely<Database>;
  revisionId: number;
  ruleJobs: RuleJob[];
  orgLists: Org[][];
  context: ScoringContext;
  partSize: number;
  /** Parts offered to other processes (a full scoring of a job on PostgreSQL). */
  sharing?: { host: ShareHost; inForce: RuleSets };
};
export type RuleJob = Awaited<ReturnType<typeof effectiveRuleSets>>['jobs'][number];

/** Every organization of every rule set scored and graded, stored as a full revision. */
async function scoreAll(work: ScoringWork) {
  const order = evaluationOrder(work.orgLists.map((l) => l.length));
  return scoreRuleSets(work, order.map((i) => ({ i, evaluate: work.orgLists[i]! })), {
    scores: (rows) => insertScores(work.db, work.revisionId, rows),
    grades: (outcomes) => insertGrades(work.db, work.revisionId, outcomes),
  });
}

/**
 * Rule sets one after another, each over the organizations to evaluate (in parts, facts asked for one part ahead)
 * and graded with the `carried` inputs of the rest; rows and grades go to `store`, queued behind the next facts.
 */
export async function scoreRuleSets(
  work: ScoringWork,
  list: { i: number; evaluate: Org[]; carried?: Map<number, GradeInput> }[],
  store: { scores: (rows: ScoreRow[]) => Promise<void>; grades: (outcomes: GradeOutcome[]) => Promise<void> },
) {
  const { db, context, ruleJobs } = work;
  const year = context.year;
  // One queue of this transaction's queries (the connection runs them in order anyway): a part's facts are asked
  // for when the part before it starts evaluating, so the database computes them, and stores the results already
  // made, while this process evaluates; on PostgreSQL the two run side by side. One part ahead, no more: what is
  // held at once stays bounded however large the city.
  const queue = queryQueue();
  const partSize = work.sharing ? Math.min(work.partSize, SHARED_PART_SIZE) : work.partSize;
  const flat = list.flatMap(({ i, evaluate }) => partsOf(evaluate, partSize).map((orgs) => ({ rs: i, orgs })));
  // Shared: other worker processes take parts from the end, in this transaction's snapshot; this one from the start.
  const share = work.sharing && flat.length > 1 ? await openShare(db, work.sharing, year, ruleJobs, flat) : null;
  const parts = partLoader(flat, async (ids, i, k) => {
    const staged = share ? await share.take(k, (fn) => queue.enqueue(fn), context.check) : null;
    if (staged) return { staged };
    const [facts, inspections] = await Promise.all([
      queue.enqueue(() => computeFacts(db, year, ids, ruleJobs[i]!.compiled.ruleSet.facts)),
      queue.enqueue(() => inspectionsFor(db, year, ids)),
    ]);
    return { facts, inspections };
  });
  const writes = boundedWrites(queue, WRITES_WAITING);
  const summaries: CategorySummary[] = [];
  const warnings: string[] = [];
  try {
    for (const { i, carried } of list) {
      const job = { compiled: ruleJobs[i]!.compiled, orgs: work.orgLists[i]!, parts: parts.of(i), carried };
      const { summary, warnings: w } = await scoreRuleSet(job, context, (rows) => writes.add(() => store.scores(rows)), (outcomes) => writes.add(() => store.grades(outcomes)));
      summaries.push(summary);
      warnings.push(...w);
    }
    context.progress('保存结果', 0, 1, { done: context.total, total: context.total });
    await writes.done();
  } catch (e) {
    // Nothing more is asked for; what is already queued on the connection finishes before the transaction rolls back.
    await queue.settled();
    throw e;
  } finally {
    await share?.close();
  }
  return { summaries, warnings };
}

const scoredTables = [
  { table: 'score_rows', columns: ['revision_id', 'org_id', 'category', 'total'] },
  { table: 'grade_rows', columns: ['revision_id', 'org_id', 'grade'] },
  { table: 'score_revisions', columns: ['id', 'cycle_year'] },
] as const;

/**
 * Organizations per fact query: a rule set of a whole city is read in parts, so the facts and results held at once
 * stay bounded (memory flat from a district to a city). Not smaller: each part pays the fact queries' fixed cost
 * again (at --scale 10, parts of 800 made scoring 1.3× slower than one part per rule set).
 */
export const PART_SIZE = 5000;

/**
 * Writes of a thousand rows each that may wait behind the facts at once (a few megabytes each): past that, evaluation
 * waits for the database, so what a city's scoring holds stays bounded however far the database falls behind.
 */
const WRITES_WAITING = 4;

/**
 * Writes queued on the transaction's queue, at most `max` waiting: `add` resolves once the write queued `max` before
 * this one has ended (rejects if it failed). `done` waits for every write.
 */
function boundedWrites(queue: ReturnType<typeof queryQueue>, max: number) {
  const all: Promise<void>[] = [];
  return {
    async add(write: () => Promise<void>): Promise<void> {
      const p = queue.enqueue(write);
      p.catch(() => {}); // handled by done() or by the add that waits for it
      all.push(p);
      if (all.length > max) await all[all.length - 1 - max];
    },
    done: () => Promise.all(all),
  };
}

/** A transaction's queries one after another, each started when the one before it ends (failed or not). */
function queryQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    enqueue<T>(work: () => Promise<T>): Promise<T> {
      const p = tail.then(work);
      tail = p.catch(() => {}); // a rejection is handled where the caller awaits it
      return p;
    },
    /** Resolves when everything queued so far has ended. */
    settled: () => tail,
  };
}

/** A list in consecutive parts of at most `size` (at least one part, even when empty). */
function partsOf<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out.length > 0 ? out : [[]];
}

export type Org = Awaited<ReturnType<typeof orgsToScore>>[number];
/** A part's facts to evaluate here, or its results as a helping process staged them. */
type Loaded = { facts: FactRows; inspections: Awaited<ReturnType<typeof inspectionsFor>> } | { staged: Staged[] };
/** One organization evaluated, in the form stored and graded (`evaluateForStore`), by this process or a helper. */
export type Staged = { org_id: number; assessed: boolean; total: string; result: string; fired: string[] | null; grade: CompactGrade | null };
/** A part of a rule set's organizations, and `take()`: its facts (asking for the next part's at once). */
type Part = { orgs: Org[]; take(): Promise<Loaded> };

/**
 * The parts of every rule set in the order they are evaluated. A part's facts are asked for (`ask`, with the part's
 * index) when the part before it is taken, and let go once taken, so at most two parts' facts are held at once.
 */
function partLoader(list: { rs: number; orgs: Org[] }[], ask: (ids: number[], rs: number, k: number) => Promise<Loaded>) {
  const loading = new Map<number, Promise<Loaded>>();
  const load = (k: number) => {
    const p = list[k];
    if (!p || loading.has(k)) return;
    const asked = ask(p.orgs.map((o) => o.id), p.rs, k);
    asked.catch(() => {}); // handled by the taker
    loading.set(k, asked);
  };
  const take = async (k: number) => {
    load(k);
    load(k + 1);
    const got = loading.get(k)!;
    loading.set(k, Promise.resolve({ staged: [] })); // let go: taken once
    return got;
  };
  load(0);
  return { of: (rs: number): Part[] => list.flatMap((p, k) => (p.rs === rs ? [{ orgs: p.orgs, take: () => take(k) }] : [])) };
}

export type ScoringContext = {
  year: number;
  direct: Map<number, { grade: string; reason: string; approver: string }[]>;
  lastGrades: Map<number, string>;
  check: () => void;
  progress: ScoreProgress;
  /** Organizations to score, over every rule set. */
  total: number;
  /** Organizations scored so far, over every rule set. */
  done: number;
};

/** Shared by every organization with no override that held, or no direct grade recorded (a city holds them all at once). */
const NONE_FIRED: ReadonlySet<string> = new Set();
const NO_RECORDS: readonly { grade: string; reason: string; approver: string }[] = Object.freeze([]);

/** An organization's place in grading: its own row as it is now (moved, recoded), and what grading reads of the year. */
export function gradeOrgOf(org: Org, context: ScoringContext) {
  const rootPath = org.path.slice(0, org.path.indexOf('/', 1) + 1);
  return {
    org: { orgId: org.id, code: org.code, category: org.category!, parentId: org.parent_id, rootPath },
    extra: { directRecords: context.direct.get(org.id) ?? NO_RECORDS, lastGrade: context.lastGrades.get(org.id) ?? null },
  };
}

/**
 * One rule set: each part's facts through the engine and the core as they arrive (or its results as a helper staged
 * them), its rows handed to `store` a thousand at a time, then grading across the whole rule set (quotas and ranks
 * need all of it: the organizations evaluated here and the `carried` ones), handed to `storeGrades`.
 */
async function scoreRuleSet(
  job: { compiled: CompiledRuleSet; orgs: Org[]; parts: Part[]; carried?: Map<number, GradeInput> },
  context: ScoringContext,
  store: (rows: ScoreRow[]) => Promise<void>,
  storeGrades: (outcomes: GradeOutcome[]) => Promise<void>,
): Promise<{ summary: CategorySummary; warnings: string[] }> {
  const { compiled, orgs } = job;
  const step = compiled.ruleSet.title;
  const before = context.done;
  const count = job.parts.reduce((n, p) => n + p.orgs.length, 0);
  context.progress(step, 0, count, { done: before, total: context.total });
  const stats = new Stats();
  const graded = new Map<number, GradeInput>();
  let batch: ScoreRow[] = [];
  let i = 0;
  const emit = async (org: Org, s: Staged) => {
    stats.add(s);
    if (s.grade) {
      const { org: o, extra } = gradeOrgOf(org, context);
      graded.set(org.id, gradeInputOfCompact({ assessed: s.assessed, total: s.total, grade: s.grade }, s.fired?.length ? new Set(s.fired) : NONE_FIRED, o, extra));
    }
    batch.push({ orgId: org.id, category: org.category!, hash: compiled.hash, assessed: s.assessed, total: s.total, result: s.result, fired: s.fired });
    if (batch.length === 1000) {
      const full = batch;
      batch = [];
      await store(full);
    }
    if (i % 250 === 0) context.progress(step, i, count, { done: before + i, total: context.total });
    // Evaluation only awaits settled promises, which never lets the event loop read the socket; a turn of the
    // loop now and then lets the driver take in the next part's facts meanwhile.
    context.check();
    if (i % 64 === 63) await yieldToIo();
    i++;
  };
  for (const part of job.parts) {
    const loaded = await part.take();
    if ('staged' in loaded) {
      const byOrg = new Map(loaded.staged.map((r) => [r.org_id, r]));
      for (const org of part.orgs) await emit(org, byOrg.get(org.id)!);
      continue;
    }
    const inspections = inspectionsByOrg(loaded.inspections);
    for (const org of part.orgs) await emit(org, { org_id: org.id, ...(await evaluateForStore(compiled, loaded.facts.get(org.id)!, inspections.get(org.id) ?? [])) });
  }
  if (batch.length > 0) await store(batch);
  context.done = before + count;
  context.progress(step, count, count, { done: context.done, total: context.total });
  const summary = stats.summary(compiled.ruleSet.categories.join(','), compiled.ruleSet.title);
  const grading = compiled.ruleSet.grading;
  if (!grading) return { summary, warnings: [] };
  // In the order of the organizations, as a full scoring grades them (ties keep their order).
  const inputs = orgs.flatMap((o) => {
    const input = graded.get(o.id) ?? job.carried?.get(o.id);
    return input ? [input] : [];
  });
  // Grading's rows queue behind the scores while the next rule set evaluates, a thousand outcomes at a time.
  const report = gradeEach(grading, inputs, context.year, compiled.partWeights);
  const counts: Record<string, number> = Object.fromEntries(grading.grades.map((g) => [g.label, 0]));
  for (let k = 0; k < inputs.length; k += 1000) {
    const outcomes = inputs.slice(k, k + 1000).map((_, j) => report.outcome(k + j));
    for (const o of outcomes) {
      const key = o.gradeLabel ?? compiled.ruleSet.notAssessedLabel;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    await storeGrades(outcomes);
  }
  summary.grades = counts;
  return { summary, warnings: report.warnings.map((w) => `${compiled.ruleSet.title}：${w}`) };
}

/** Running count, mean, minimum and maximum of totals, kept without holding the results. */
class Stats {
  private n = 0;
  private assessed = 0;
  private sum = dec(0);
  private min: ReturnType<typeof dec> | null = null;
  private max: ReturnType<typeof dec> | null = null;

  add(r: Pick<ScoreResult, 'assessed' | 'total'>): void {
    const t = dec(r.total);
    this.n += 1;
    if (r.assessed) this.assessed += 1;
    this.sum = this.sum.plus(t);
    if (this.min === null || t.lt(this.min)) this.min = t;
    if (this.max === null || t.gt(this.max)) this.max = t;
  }

  summary(category: string, ruleSet: string): CategorySummary {
    const fmt = (d: ReturnType<typeof dec> | null) => (d ?? dec(0)).toDecimalPlaces(2).toFixed(2);
    return {
      category,
      ruleSet,
      organizations: this.n,
      assessed: this.assessed,
      mean: fmt(this.n ? this.sum.div(this.n) : null),
      min: fmt(this.min),
      max: fmt(this.max),
    };
  }
}
