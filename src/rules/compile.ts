import { Engine, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';
import { derivedPlan, type DerivedFact } from './derived';
import { evaluateFormula, type Formula } from './formula';
import { dec, type Dec } from '../scoring/decimal';
import { overrideRef } from '../scoring/grading';
import type { Clause, Condition, Operator, Override, RuleSet } from './rule-set.schema';
import { parseJsonText } from '../lib/text-input';
import { ruleSetLimits } from './limits';
import { validateRuleSet, type RuleIssue, type ValidateOptions } from './validate';

/** A validated rule set ready to score: its tree, its content hash, and one reusable Engine. */
export type CompiledRuleSet = {
  ruleSet: RuleSet;
  formula: Formula;
  /** sha256 of the file's canonical JSON: the version a revision is pinned to. */
  hash: string;
  file: string;
  warnings: RuleIssue[];
  /** The facts the engine needs; null when no clause or gate has a condition (nothing to run). */
  engine: Engine | null;
  /** The facts any condition reads: the engine's outcome depends on these values only. */
  conditionFacts: readonly string[];
  /** Engine outcomes by the values of conditionFacts: organizations with the same values share one run. */
  firedCache: Map<string, ReadonlySet<string>>;
  /** The engine of the grading overrides, run on facts plus totalScore and part_<id>; null without overrides. */
  gradingEngine: Engine | null;
  gradingFacts: readonly string[];
  gradingCache: Map<string, ReadonlySet<string>>;
  /** How much one point of each part moves the total (for "what the next grade needs"). */
  partWeights: Readonly<Record<string, Dec>>;
  /** The derived facts, each after the derived facts it reads: computed after the base facts (scoring/derived.ts). */
  derived: readonly DerivedFact[];
  /** The file's content without `$schema`, as stored with a revision and recompiled to the same hash. */
  source: unknown;
};

/** Where a condition sits, carried by the engine event that fires for it. */
export const clauseRef = (p: number, i: number, c: number) => `c:${p}.${i}.${c}`;
export const tierRef = (p: number, i: number, c: number, t: number) => `${clauseRef(p, i, c)}#${t}`;
export const gateRef = (g: number) => `g:${g}`;

/** JSON with object keys sorted at every level: the same content always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Every fact a condition reads, on either side of its comparisons. */
export function factsOfCondition(c: Condition): string[] {
  if ('all' in c) return c.all.flatMap(factsOfCondition);
  if ('any' in c) return c.any.flatMap(factsOfCondition);
  if ('not' in c) return factsOfCondition(c.not);
  return [c.fact, ...(typeof c.value === 'object' ? [c.value.fact] : [])];
}

/**
 * A rule file's condition as an engine condition, with the one rule for missing data: a comparison that reads a
 * missing fact is false, and a `not` holds only when every fact under it is present (without data, neither
 * "发生违纪" nor "未发生违纪" holds).
 */
function toEngineCondition(c: Condition): NestedCondition {
  if ('all' in c) return { all: c.all.map(toEngineCondition) };
  if ('any' in c) return { any: c.any.map(toEngineCondition) };
  if ('not' in c) {
    const present = [...new Set(factsOfCondition(c.not))].map((fact) => ({ fact, operator: 'known', value: true }));
    return { all: [{ not: toEngineCondition(c.not) }, ...present] };
  }
  return { fact: c.fact, operator: c.operator, value: c.value };
}

const present = (v: unknown) => v !== null && v !== undefined;
const both = (a: unknown, b: unknown) => typeof a === 'number' && typeof b === 'number';

/** The comparisons rule files may use; each is false when either side is missing (null for the engine). */
const comparisons: Record<Operator, (a: unknown, b: unknown) => boolean> = {
  equal: (a, b) => present(a) && present(b) && a === b,
  notEqual: (a, b) => present(a) && present(b) && a !== b,
  lessThan: (a, b) => both(a, b) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => both(a, b) && (a as number) <= (b as number),
  greaterThan: (a, b) => both(a, b) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => both(a, b) && (a as number) >= (b as number),
};

/** An engine with the comparisons above in place of json-rules-engine's own, and `known` (the fact is present). */
function newEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: false });
  for (const [name, cmp] of Object.entries(comparisons)) engine.addOperator(name, (a: unknown, b: unknown) => cmp(a, b));
  engine.addOperator('known', (a: unknown) => present(a));
  return engine;
}

function top(c: Condition): TopLevelCondition {
  const n = toEngineCondition(c);
  return 'all' in n || 'any' in n || 'not' in n ? (n as TopLevelCondition) : { all: [n] };
}

/** A tier's bounds as engine conditions: { gte: 8, lt: 12 } → fact ≥ 8 and fact < 12. */
function tierCondition(fact: string, t: { gte?: number; gt?: number; lte?: number; lt?: number }): TopLevelCondition {
  const all: NestedCondition[] = [];
  if (t.gte !== undefined) all.push({ fact, operator: 'greaterThanInclusive', value: t.gte });
  if (t.gt !== undefined) all.push({ fact, operator: 'greaterThan', value: t.gt });
  if (t.lte !== undefined) all.push({ fact, operator: 'lessThanInclusive', value: t.lte });
  if (t.lt !== undefined) all.push({ fact, operator: 'lessThan', value: t.lt });
  return { all };
}

/**
 * Builds the one Engine of a rule set: a rule per conditional clause, per tier and per gate, each firing an
 * event that carries its reference. The scoring itself happens in the pure core, which sums in the order
 * of the file, so the order the engine fires rules in can never change a score.
 */
function buildEngine(rs: RuleSet): Engine | null {
  const engine = newEngine();
  let rules = 0;
  const add = (conditions: TopLevelCondition, ref: string) => {
    engine.addRule({ conditions, event: { type: 'fire', params: { ref } }, name: ref });
    rules += 1;
  };
  rs.parts.forEach((p, pi) =>
    p.indicators.forEach((ind, ii) =>
      ind.clauses.forEach((c: Clause, ci) => {
        if (c.when) add(top(c.when), clauseRef(pi, ii, ci));
        if (c.type === 'tiers') c.tiers.forEach((t, ti) => add(tierCondition(c.fact, t), tierRef(pi, ii, ci, ti)));
      }),
    ),
  );
  rs.gates.forEach((g, gi) => add(top(g.when), gateRef(gi)));
  return rules > 0 ? engine : null;
}

export class RuleSetError extends Error {
  constructor(readonly issues: RuleIssue[]) {
    super(issues.map((i) => `${i.file} ${i.path}：${i.message}`).join('\n'));
    this.name = 'RuleSetError';
  }
}

/**
 * Parses, validates and compiles a rule file's text; throws RuleSetError listing every problem. `opts.catalog`:
 * the kinds the file may name (rules/catalog.json for files, the database's for drafts and pins; the seed by default).
 */
export async function compileRuleSet(text: string, file: string, opts: ValidateOptions = {}): Promise<CompiledRuleSet> {
  if (text.length > ruleSetLimits.fileChars) {
    throw new RuleSetError([{ file, path: '$', message: `超出上限：文件长 ${text.length} 个字符，最多 ${ruleSetLimits.fileChars} 个` }]);
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw new RuleSetError([{ file, path: '$', message: `不是有效的 JSON：${parsed.message}` }]);
  const json = parsed.value;
  const result = validateRuleSet(json, file, opts);
  if (!result.ok) throw new RuleSetError(result.errors);
  const { $schema: _schema, ...content } = json as Record<string, unknown>;
  const overrides = result.ruleSet.grading?.overrides ?? [];
  return {
    ruleSet: result.ruleSet,
    formula: result.formula,
    hash: await sha256Hex(canonicalJson(content)),
    file,
    warnings: result.warnings,
    engine: buildEngine(result.ruleSet),
    conditionFacts: conditionFactsOf(result.ruleSet),
    firedCache: new Map(),
    gradingEngine: buildGradingEngine(overrides),
    gradingFacts: [...new Set(overrides.flatMap((o) => factsOfCondition(o.when)))].sort(),
    gradingCache: new Map(),
    partWeights: partWeightsOf(result.ruleSet, result.formula),
    derived: derivedPlan(result.ruleSet.facts),
    source: content,
  };
}

function buildGradingEngine(overrides: readonly Override[]): Engine | null {
  if (overrides.length === 0) return null;
  const engine = newEngine();
  overrides.forEach((o, i) => engine.addRule({ conditions: top(o.when), event: { type: 'fire', params: { ref: overrideRef(i) } }, name: overrideRef(i) }));
  return engine;
}

function partWeightsOf(rs: RuleSet, formula: Formula): Record<string, Dec> {
  const zero = Object.fromEntries(rs.parts.map((p) => [p.id, dec(0)]));
  const base = evaluateFormula(formula, zero);
  return Object.fromEntries(rs.parts.map((p) => [p.id, evaluateFormula(formula, { ...zero, [p.id]: dec(1) }).minus(base)]));
}

/** The grading overrides that hold, from facts plus the organization's total and part scores. */
export async function firedOverrides(compiled: CompiledRuleSet, facts: Record<string, unknown>): Promise<ReadonlySet<string>> {
  if (!compiled.gradingEngine) return new Set();
  const key = JSON.stringify(compiled.gradingFacts.map((f) => facts[f] ?? null));
  const cached = compiled.gradingCache.get(key);
  if (cached) return cached;
  const { events } = await compiled.gradingEngine.run(facts);
  const fired = new Set(events.map((e) => String(e.params?.ref)));
  if (compiled.gradingCache.size < CACHE_LIMIT) compiled.gradingCache.set(key, fired);
  return fired;
}

function conditionFactsOf(rs: RuleSet): string[] {
  const out = new Set<string>();
  const walk = (c: Condition): void => factsOfCondition(c).forEach((f) => out.add(f));
  for (const p of rs.parts) {
    for (const i of p.indicators) {
      for (const c of i.clauses) {
        if (c.when) walk(c.when);
        if (c.type === 'tiers') out.add(c.fact);
      }
    }
  }
  rs.gates.forEach((g) => walk(g.when));
  return [...out].sort();
}

const CACHE_LIMIT = 50_000;

/**
 * The references of the conditions that hold for one organization's facts. The engine is deterministic in
 * the values its conditions read, so organizations with equal values reuse one run: at city scale most
 * organizations share a handful of combinations, and the engine runs far fewer times than there are
 * organizations.
 */
export async function firedRefs(compiled: CompiledRuleSet, facts: Record<string, unknown>): Promise<ReadonlySet<string>> {
  if (!compiled.engine) return new Set();
  const key = JSON.stringify(compiled.conditionFacts.map((f) => facts[f] ?? null));
  const cached = compiled.firedCache.get(key);
  if (cached) return cached;
  const { events } = await compiled.engine.run(facts);
  const fired = new Set(events.map((e) => String(e.params?.ref)));
  if (compiled.firedCache.size < CACHE_LIMIT) compiled.firedCache.set(key, fired);
  return fired;
}
