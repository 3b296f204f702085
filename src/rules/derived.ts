import { factType } from '../scoring/fact-catalog';
import { FormulaError, formulaRefs, parseFormula, type Formula } from './formula';
import type { FactDef } from './rule-set.schema';

/**
 * Derived facts (`"source": "derived"`): a fact defined by a formula over other facts, in the formula language
 * of `total` (formula.ts). Here: what validation checks (the formula parses, reads declared numeric facts, no
 * derived fact depends on itself through others) and the order they are computed in. Computing them is
 * scoring/derived.ts.
 */
export type DerivedDef = Extract<FactDef, { source: 'derived' }>;

/** A derived fact ready to compute: its parsed formula and the facts it reads. */
export type DerivedFact = { name: string; def: DerivedDef; formula: Formula; inputs: readonly string[] };

type Err = (path: (string | number)[], message: string, expected?: string, got?: unknown) => void;

const derivedOf = (facts: Readonly<Record<string, FactDef>>): [string, DerivedDef][] =>
  Object.entries(facts).filter((e): e is [string, DerivedDef] => e[1].source === 'derived');

/** Every problem of the derived facts of a rule set, each at `$.facts.<name>.formula`. */
export function checkDerivedFacts(facts: Readonly<Record<string, FactDef>>, err: Err): void {
  const declared = Object.keys(facts);
  const parsed = new Map<string, Formula>();
  for (const [name, def] of derivedOf(facts)) {
    const path = ['facts', name, 'formula'];
    let formula: Formula;
    try {
      formula = parseFormula(def.formula);
    } catch (e) {
      if (!(e instanceof FormulaError)) throw e;
      err(path, `公式有误：${e.message}`, '由事实名称、数字、+ - * / 、括号和 min/max 组成的公式', def.formula);
      continue;
    }
    parsed.set(name, formula);
    const refs = [...formulaRefs(formula)];
    if (refs.length === 0) err(path, '派生事实的公式没有引用任何事实', '如 "volunteerHours / members"', def.formula);
    for (const ref of refs) {
      if (!Object.hasOwn(facts, ref)) err(path, `公式引用了未声明的事实「${ref}」`, `已声明的事实：${declared.join('、')}`, ref);
      else if (factType(facts[ref]!) !== 'number') err(path, `公式引用的事实「${ref}」是 ${factType(facts[ref]!)}，只能引用数值型事实`, 'number', factType(facts[ref]!));
    }
  }
  for (const cycle of derivedCycles(parsed)) {
    err(['facts', cycle[0]!, 'formula'], `派生事实循环引用：${cycle.join(' → ')}`, '派生事实之间不能互相依赖成环', cycle.join(' → '));
  }
}

/** Each cycle among derived facts once, as a path that ends where it starts ('a → b → a'). */
function derivedCycles(parsed: ReadonlyMap<string, Formula>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const visit = (name: string, stack: string[]): void => {
    const at = stack.indexOf(name);
    if (at >= 0) {
      cycles.push([...stack.slice(at), name]);
      return;
    }
    if (done.has(name)) return;
    for (const ref of formulaRefs(parsed.get(name)!)) if (parsed.has(ref)) visit(ref, [...stack, name]);
    done.add(name);
  };
  for (const name of parsed.keys()) visit(name, []);
  return cycles;
}

/**
 * The derived facts of a validated rule set in the order they can be computed: every derived fact after the
 * derived facts it reads (base facts come first, from the database or an example).
 */
export function derivedPlan(facts: Readonly<Record<string, FactDef>>): DerivedFact[] {
  const byName = new Map(derivedOf(facts).map(([name, def]) => [name, def]));
  const out: DerivedFact[] = [];
  const placed = new Set<string>();
  const place = (name: string, depth: number): void => {
    if (placed.has(name) || depth > byName.size) return;
    const def = byName.get(name)!;
    const formula = parseFormula(def.formula);
    const inputs = [...formulaRefs(formula)];
    for (const ref of inputs) if (byName.has(ref)) place(ref, depth + 1);
    placed.add(name);
    out.push({ name, def, formula, inputs });
  };
  for (const name of byName.keys()) place(name, 0);
  return out;
}
