import type { DerivedFact } from '../rules/derived';
import { DivisionByZero, evaluateFormula, formulaRefs, formulaText, type Formula } from '../rules/formula';
import { dec, round2, show, showIn, type Dec } from './decimal';
import type { FactSpan, FactValue } from './fact-catalog';

/**
 * Derived facts, computed in the pure core after the base facts, in the order of the compiled plan (rules/derived.ts),
 * with exact decimals rounded half-up to 0.01 like every rate. A missing input, or a divisor of 0 without `ifNone`,
 * leaves the fact missing: every comparison that reads it is false and the explanation says 无数据 and why.
 */
export type DerivedOutcome =
  /** `byZero`: the divisor that was 0 when the value is the rule's `ifNone`. */
  | { kind: 'value'; value: number; exact: Dec; byZero: Formula | null }
  | { kind: 'missing'; inputs: string[] }
  | { kind: 'byZero'; divisor: Formula };

type Facts = Readonly<Record<string, FactValue | undefined>>;

export function evaluateDerived(d: DerivedFact, facts: Facts): DerivedOutcome {
  const missing = d.inputs.filter((n) => typeof facts[n] !== 'number');
  if (missing.length > 0) return { kind: 'missing', inputs: missing };
  const env = Object.fromEntries(d.inputs.map((n) => [n, dec(facts[n] as number)]));
  try {
    const exact = evaluateFormula(d.formula, env);
    return { kind: 'value', value: round2(exact).toNumber(), exact, byZero: null };
  } catch (e) {
    if (!(e instanceof DivisionByZero)) throw e;
    if (d.def.ifNone !== undefined) return { kind: 'value', value: d.def.ifNone, exact: dec(d.def.ifNone), byZero: e.divisor };
    return { kind: 'byZero', divisor: e.divisor };
  }
}

/** Sets every derived fact on a record of base facts (in place, in plan order: later ones read earlier ones). */
export function addDerivedFacts(plan: readonly DerivedFact[], facts: Record<string, FactValue | undefined>): void {
  for (const d of plan) {
    const outcome = evaluateDerived(d, facts);
    facts[d.name] = outcome.kind === 'value' ? outcome.value : undefined;
  }
}

/** How the explanations name a fact and print its value ('党员人数', '20 人'). */
export type FactWords = { label: (name: string) => string; unit: (name: string) => string };

/**
 * What explanations add to facts beyond their value: a derived fact's formula with its inputs
 * ('志愿服务时长 50 小时 ÷ 党员人数 20 人') or why it has no value ('党员人数为 0，不能相除'), and the days or months
 * a longest gap covers ('2025-03-02 至 2025-09-01').
 */
export function factNotes(plan: readonly DerivedFact[], facts: Facts, spans: Readonly<Record<string, FactSpan>>, words: FactWords) {
  const byName = new Map(plan.map((d) => [d.name, d]));
  const plain = (name: string) => {
    const v = facts[name];
    return typeof v === 'number' ? `${words.label(name)} ${showIn(v, words.unit(name))}` : `${words.label(name)}（无数据）`;
  };
  const divisorText = (divisor: Formula) => {
    const text = formulaText(divisor, Object.fromEntries([...formulaRefs(divisor)].map((n) => [n, words.label(n)])));
    return divisor.type === 'ref' ? `${text}为 0` : `「${text}」为 0`;
  };
  return {
    /** The note printed after a present value, without brackets; '' when there is nothing to add. */
    note(name: string): string {
      const span = spans[name];
      if (span) return 'text' in span ? span.text : `${span.from} 至 ${span.to}`;
      const d = byName.get(name);
      if (!d) return '';
      const outcome = evaluateDerived(d, facts);
      if (outcome.kind !== 'value') return '';
      if (outcome.byZero) return `${divisorText(outcome.byZero)}，按 ${show(outcome.value)} 计`;
      const text = formulaText(d.formula, Object.fromEntries(d.inputs.map((n) => [n, plain(n)])));
      return outcome.exact.eq(dec(outcome.value)) ? text : `${text}，四舍五入到 0.01`;
    },
    /** Why a derived fact has no value ('党员人数为 0，不能相除'); null for any other fact. */
    whyMissing(name: string): string | null {
      const d = byName.get(name);
      if (!d) return null;
      const outcome = evaluateDerived(d, facts);
      if (outcome.kind === 'missing') return `${outcome.inputs.map(words.label).join('、')}无数据`;
      if (outcome.kind === 'byZero') return `${divisorText(outcome.divisor)}，不能相除`;
      return null;
    },
    /** The facts a line used, with the inputs of the derived ones (their records are the evidence). */
    withInputs(names: readonly string[]): string[] {
      const out = new Set<string>();
      const add = (n: string): void => {
        if (out.has(n)) return;
        out.add(n);
        byName.get(n)?.inputs.forEach(add);
      };
      names.forEach(add);
      return [...out];
    },
  };
}
