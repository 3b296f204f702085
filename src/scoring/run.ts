import { firedOverrides, firedRefs, type CompiledRuleSet } from '../rules/compile';
import { gradeAll, type GradeInput } from './grading';
import { dec } from './decimal';
import { scoreOrg, type InspectionEntry, type OrgFacts, type ScoreResult } from './evaluate';
import { addDerivedFacts } from './derived';
import { factType, normalizeTally, spansOf, type FactValue } from './fact-catalog';

/**
 * Fills in declared defaults, then computes the derived facts from the rest; a fact still missing stays undefined
 * (the organization is then not assessed). A derived value given in `raw` is ignored: it is always computed.
 */
export function withDefaults(compiled: CompiledRuleSet, raw: Readonly<Record<string, FactValue | undefined>>): OrgFacts {
  const out: OrgFacts = {};
  for (const [name, def] of Object.entries(compiled.ruleSet.facts)) {
    const v = Object.hasOwn(raw, name) ? raw[name] : undefined;
    const value = v !== undefined ? v : def.source === 'declared' && def.default !== undefined ? def.default : undefined;
    out[name] = value !== undefined && factType(def) === 'distribution' && typeof value === 'object' ? normalizeTally(value as unknown as Record<string, number>) : value;
  }
  addDerivedFacts(compiled.derived, out);
  return out;
}

/** Runs the engine over one organization's facts, then the pure core. */
export async function scoreFacts(
  compiled: CompiledRuleSet,
  raw: Readonly<Record<string, FactValue | undefined>>,
  inspections: readonly InspectionEntry[] = [],
): Promise<ScoreResult> {
  return (await scoreWithFacts(compiled, raw, inspections)).result;
}

/** scoreFacts, answering the facts as scored too (defaults filled in, derived facts computed): grading reads them. */
export async function scoreWithFacts(
  compiled: CompiledRuleSet,
  raw: Readonly<Record<string, FactValue | undefined>>,
  inspections: readonly InspectionEntry[] = [],
): Promise<{ facts: OrgFacts; result: ScoreResult }> {
  const facts = withDefaults(compiled, raw);
  // json-rules-engine refuses undefined facts (allowUndefinedFacts stays false): a missing one is null,
  // which no comparison accepts, and the core reports it as missing data.
  const engineFacts = Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, v === undefined ? null : v]));
  const fired = await firedRefs(compiled, engineFacts);
  return { facts, result: scoreOrg(compiled, { facts, fired, inspections, spans: spansOf(raw) }) };
}

/** The facts grading overrides read: the organization's facts plus totalScore and part_<id> (numbers). */
export function gradingFactsOf(facts: OrgFacts, result: ScoreResult): Record<string, unknown> {
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, v === undefined ? null : v]));
  out.totalScore = Number(result.total);
  for (const p of result.parts) out[`part_${p.id}`] = Number(p.points);
  return out;
}

/** The inputs grading needs from one scored organization (everything but its place among the others). */
export async function gradeInputOf(
  compiled: CompiledRuleSet,
  facts: OrgFacts,
  result: ScoreResult,
  org: GradeOrg,
  extra: GradeExtra = {},
): Promise<GradeInput> {
  return gradeInputFrom(result, await firedOverrides(compiled, gradingFactsOf(facts, result)), org, extra);
}

type GradeOrg = { orgId: number; code: string; category: string; parentId: number | null; rootPath: string };
type GradeExtra = { directRecords?: GradeInput['directRecords']; lastGrade?: string | null };

/**
 * The same from a result as stored and the overrides that held for it (kept with the stored row): an organization
 * not scored again is graded again with the others without its facts.
 */
export function gradeInputFrom(result: Pick<ScoreResult, 'assessed' | 'total' | 'parts'>, fired: ReadonlySet<string>, org: GradeOrg, extra: GradeExtra = {}): GradeInput {
  return gradeInputOfCompact({ assessed: result.assessed, total: result.total, grade: compactGrade(result) }, fired, org, extra);
}

/**
 * What grading reads of a result besides its total: the points of its parts, and of the indicators below their maximum
 * (the only ones the next grade's headroom can name; a city's are held at once while it is graded).
 */
export type CompactGrade = Pick<GradeInput, 'parts' | 'indicators'>;

function compactGrade(result: Pick<ScoreResult, 'parts'>): CompactGrade {
  return {
    parts: Object.fromEntries(result.parts.map((p) => [p.id, p.points])),
    indicators: result.parts.flatMap((p) =>
      p.indicators.flatMap((i) => (i.max !== null && Number(i.points) < Number(i.max) ? [{ id: i.id, title: i.title, partId: p.id, points: i.points, max: i.max }] : [])),
    ),
  };
}

/** Grading's input from a result's compact form (`evaluateForStore`), the organization's place and the year's records. */
export function gradeInputOfCompact(s: { assessed: boolean; total: string; grade: CompactGrade }, fired: ReadonlySet<string>, org: GradeOrg, extra: GradeExtra = {}): GradeInput {
  return { ...org, assessed: s.assessed, total: s.total, ...s.grade, fired, directRecords: extra.directRecords ?? [], lastGrade: extra.lastGrade ?? null };
}

/**
 * One organization evaluated into what is stored and graded: the result as JSON text, and for a graded rule set the
 * grading overrides that held (sorted) and the compact points grading reads. Whoever evaluates (the scoring process or
 * a worker helping it) hands on this, so both paths store and grade alike.
 */
export async function evaluateForStore(
  compiled: CompiledRuleSet,
  raw: Readonly<Record<string, FactValue | undefined>>,
  inspections: readonly InspectionEntry[],
): Promise<{ assessed: boolean; total: string; result: string; fired: string[] | null; grade: CompactGrade | null }> {
  const { facts, result } = await scoreWithFacts(compiled, raw, inspections);
  const graded = compiled.ruleSet.grading !== undefined;
  const fired = graded ? [...(await firedOverrides(compiled, gradingFactsOf(facts, result)))].sort() : null;
  // Serialized at once, so the result's object graph dies young instead of piling up in the heap.
  return { assessed: result.assessed, total: result.total, result: JSON.stringify(result), fired, grade: graded ? compactGrade(result) : null };
}

/** What an example's `expect` would have to say for it to pass (only the keys it names). */
export type ExampleActual = { total?: number; assessed?: boolean; grade?: string | null; parts?: Record<string, number>; indicators?: Record<string, number>; facts?: Record<string, number | null> };
export type ExampleOutcome = { name: string; ok: boolean; mismatches: string[]; result: ScoreResult; actual: ExampleActual };

/** The examples a rule file carries (facts in, expected points out), each checked to 0.01. */
export async function runExamples(compiled: CompiledRuleSet): Promise<ExampleOutcome[]> {
  const outcomes: ExampleOutcome[] = [];
  for (const ex of compiled.ruleSet.examples) {
    const inspections = ex.inspections.map((x, i) => ({ id: -(i + 1), indicator: x.indicator, points: String(x.points), reason: x.reason, inspectedOn: '示例' }));
    const result = await scoreFacts(compiled, ex.facts as Record<string, FactValue>, inspections);
    const mismatches: string[] = [];
    const actual: ExampleActual = {};
    const check = (what: string, got: string, want: number) => {
      if (!dec(got).eq(dec(want).toDecimalPlaces(2))) mismatches.push(`${what}：期望 ${want}，实际 ${dec(got).toString()}`);
    };
    if (ex.expect.total !== undefined) check('总分', result.total, ex.expect.total);
    if (ex.expect.total !== undefined) actual.total = Number(result.total);
    if (ex.expect.assessed !== undefined) actual.assessed = result.assessed;
    if (ex.expect.assessed !== undefined && ex.expect.assessed !== result.assessed) {
      mismatches.push(`是否参加评定：期望 ${ex.expect.assessed ? '是' : '否'}，实际 ${result.assessed ? '是' : '否'}（${result.reasons.join('；')}）`);
    }
    for (const [id, want] of Object.entries(ex.expect.parts ?? {})) {
      const got = result.parts.find((p) => p.id === id)!.points;
      check(`部分 ${id}`, got, want);
      actual.parts = { ...actual.parts, [id]: Number(got) };
    }
    const indicators = result.parts.flatMap((p) => p.indicators);
    for (const [id, want] of Object.entries(ex.expect.indicators ?? {})) {
      const got = indicators.find((i) => i.id === id)!.points;
      check(`指标 ${id}`, got, want);
      actual.indicators = { ...actual.indicators, [id]: Number(got) };
    }
    const derived = withDefaults(compiled, ex.facts as Record<string, FactValue>);
    for (const [name, want] of Object.entries(ex.expect.facts ?? {})) {
      const got = derived[name];
      actual.facts = { ...actual.facts, [name]: typeof got === 'number' ? got : null };
      if (want === null ? got !== undefined : typeof got !== 'number' || !dec(got).eq(dec(want))) {
        mismatches.push(`事实 ${name}：期望 ${want ?? '无数据'}，实际 ${typeof got === 'number' ? got : '无数据'}`);
      }
    }
    const grading = compiled.ruleSet.grading;
    if (ex.expect.grade !== undefined) {
      if (!grading) mismatches.push('细则没有定级规则，示例却期望等次');
      else {
        // One organization on its own: no quota or lagging share applies.
        const input = await gradeInputOf(compiled, withDefaults(compiled, ex.facts as Record<string, FactValue>), result, { orgId: 0, code: 'example', category: 'example', parentId: null, rootPath: '/' }, {
          directRecords: ex.records.map((r) => ({ grade: r.grade, reason: r.reason, approver: '示例' })),
        });
        const [outcome] = gradeAll({ ...grading, quotas: [], lagging: grading.lagging ? { ...grading.lagging, minShare: undefined } : undefined }, [input], 0, compiled.partWeights).outcomes;
        actual.grade = outcome!.grade ?? null;
        if ((outcome!.grade ?? null) !== ex.expect.grade) {
          mismatches.push(`等次：期望 ${ex.expect.grade ?? compiled.ruleSet.notAssessedLabel}，实际 ${outcome!.grade ?? compiled.ruleSet.notAssessedLabel}（${outcome!.steps.map((st) => st.text).join('；')}）`);
        }
      }
    }
    outcomes.push({ name: ex.name, ok: mismatches.length === 0, mismatches, result, actual });
  }
  return outcomes;
}
