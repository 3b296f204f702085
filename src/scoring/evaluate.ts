import { clauseRef, factsOfCondition, gateRef, tierRef, type CompiledRuleSet } from '../rules/compile';
import { evaluateFormula, formulaText } from '../rules/formula';
import type { Clause, Condition, FactDef, Indicator } from '../rules/rule-set.schema';
import { clamp, Dec, dec, fixed2, round2, show, showIn } from './decimal';
import { factNotes } from './derived';
import { factType, factUnit, type Distribution, type FactSpan, type FactValue } from './fact-catalog';
import { convertVotes } from './votes';

/** An on-site inspection entry (现场督查) scored against an indicator. */
export type InspectionEntry = { id: number; indicator: string; points: string; reason: string; inspectedOn: string };

/** Facts of one organization; a declared fact that was never entered (and has no default) is missing. */
export type OrgFacts = Record<string, FactValue | undefined>;

export type Line = {
  /** Index of the clause in its indicator; -1 for base-score and cap notes. */
  clause: number;
  type: Clause['type'] | 'base' | 'inspection' | 'threshold';
  text: string;
  points: string;
  /** With `rounding: "total"`, the exact value when it has more than two decimals (points shows it to 0.01). */
  exact?: string;
  /** The fact values this line used, by fact name. */
  facts: Record<string, FactValue | null>;
};
export type IndicatorScore = { id: string; title: string; points: string; exact?: string; max: string | null; lines: Line[]; note: string | null };
export type PartScore = {
  id: string;
  title: string;
  kind: 'score' | 'bonus' | 'deduction';
  points: string;
  exact?: string;
  max: string | null;
  valid: boolean;
  invalidReason: string | null;
  indicators: IndicatorScore[];
  note: string | null;
};
/** A value as stored: to 0.01 in `points`, and the exact value beside it when rounding hides digits. */
function stored(v: Dec): { points: string; exact?: string } {
  const points = fixed2(v);
  return v.decimalPlaces() <= 2 || dec(points).eq(v) ? { points } : { points, exact: v.toString() };
}
/** The value a sum reads: the exact one when kept (rounding: "total"), else the stored 0.01. */
const valueOf = (x: { points: string; exact?: string }): Dec => dec(x.exact ?? x.points);

/**
 * When the shown (0.01) addends do not add up to the shown sum: say it is rounding, not an error. `exact`: every
 * addend is shown as it is (none kept an exact value beside it), so they add up by construction and nothing is added.
 */
function roundingNote(shown: readonly string[], sum: string, what: string, exact = false): string | null {
  if (exact) return null;
  const added = shown.reduce((s, p) => s.plus(dec(p)), dec(0));
  return added.eq(dec(sum)) ? null : `${what}按 0.01 分显示，相加为 ${show(added)} 分；按精确值合计后四舍五入为 ${show(dec(sum))} 分`;
}

/** The words for an organization a rule set does not assess, from a stored result (不参加评定 before rule sets named it). */
export const notAssessedLabelOf = (result: { ruleSet?: { notAssessedLabel?: string } } | null | undefined): string => result?.ruleSet?.notAssessedLabel ?? '不参加评定';

export type ScoreResult = {
  /** notAssessedLabel: how the rule set names an organization it does not assess (absent in results stored before it existed). */
  ruleSet: { id: string; title: string; version: string; hash: string; notAssessedLabel?: string };
  assessed: boolean;
  reasons: string[];
  parts: PartScore[];
  total: string;
  totalText: string;
};

/** How a fact stands against a threshold, in words, for a comparison that holds and one that does not. */
const relation: Record<string, [holds: string, fails: string]> = {
  equal: ['等于', '不等于'],
  notEqual: ['不等于', '等于'],
  lessThan: ['少于', '不少于'],
  lessThanInclusive: ['不超过', '超过'],
  greaterThan: ['多于', '不多于'],
  greaterThanInclusive: ['不少于', '少于'],
};

const compare: Record<string, (a: number, b: number) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  lessThan: (a, b) => a < b,
  lessThanInclusive: (a, b) => a <= b,
  greaterThan: (a, b) => a > b,
  greaterThanInclusive: (a, b) => a >= b,
};

/**
 * Pure scoring of one organization: facts, fired conditions and inspections in, a scored explanation out. `spans`:
 * where the longest gaps lie (from the database; examples have none), printed beside their values.
 */
export function scoreOrg(
  compiled: CompiledRuleSet,
  input: { facts: OrgFacts; fired: ReadonlySet<string>; inspections: readonly InspectionEntry[]; spans?: Readonly<Record<string, FactSpan>> },
): ScoreResult {
  const rs = compiled.ruleSet;
  const { facts, fired } = input;
  const reasons: string[] = [];
  const defs = rs.facts as Record<string, FactDef>;
  const label = (name: string) => defs[name]?.label ?? name;
  const unit = (name: string) => (defs[name] ? factUnit(defs[name]) : '');
  const num = (name: string): Dec | null => {
    const v = facts[name];
    return typeof v === 'number' ? dec(v) : null;
  };
  // Derived facts print their formula with its inputs, longest gaps their dates; a line's evidence adds the inputs.
  const notes = factNotes(compiled.derived, facts, input.spans ?? {}, { label, unit });
  const valueText = (name: string): string => {
    const v = facts[name];
    if (v === undefined) return '无数据';
    if (typeof v === 'boolean') return v ? '是' : '否';
    const note = notes.note(name);
    if (typeof v === 'number') return `${showIn(v, unit(name))}${note ? `（${note}）` : ''}`;
    return '（分布）';
  };
  const used = (...names: string[]): Line['facts'] => Object.fromEntries(notes.withInputs(names).map((n) => [n, facts[n] ?? null]));
  const spanText = (name: string) => {
    const span = input.spans?.[name];
    return span && 'text' in span ? span.text : null;
  };
  const whyMissing = (name: string) => {
    const why = notes.whyMissing(name) ?? spanText(name);
    return why ? `（${why}）` : '';
  };
  /** Facts without data, named together, each with why when it is known ("上年总分无数据（2039 年度未定档）"). */
  const absentText = (names: string[]) => {
    const plain = names.filter((f) => !whyMissing(f));
    return [...(plain.length > 0 ? [`${plain.map(label).join('、')}无数据`] : []), ...names.filter((f) => whyMissing(f)).map((f) => `${label(f)}无数据${whyMissing(f)}`)].join('、');
  };
  const missing = new Set(Object.keys(defs).filter((n) => facts[n] === undefined));
  // A look-back without data (an earlier year not finalized) leaves its conditions false, never the organization unassessed.
  // So does a self-score not entered (its clause counts it as 0 or takes the superior's); a superior's score not
  // entered leaves the organization unassessed, saying so.
  for (const n of missing) {
    const source = defs[n]!.source;
    if (source === 'assessment.review') reasons.push(`缺少数据：${label(n)}（上级尚未评定）`);
    else if (source !== 'history' && source !== 'assessment.self') reasons.push(`缺少数据：${label(n)}${whyMissing(n)}`);
  }

  // A condition as sentences a secretary reads: how each fact stands against its threshold, true as stated
  // ("组织生活会 0 次，少于 1 次"), whatever the condition as a whole comes to.
  const conditionText = (c: Condition): string => {
    if ('all' in c) return c.all.map(conditionText).join('；');
    if ('any' in c) return c.any.map(conditionText).join('；');
    if ('not' in c) return conditionText(c.not);
    const lhs = facts[c.fact];
    const rhsValue = typeof c.value === 'object' ? facts[c.value.fact] : c.value;
    if (lhs === undefined || rhsValue === undefined) {
      const absent = [c.fact, ...(typeof c.value === 'object' ? [c.value.fact] : [])].filter((f) => facts[f] === undefined);
      return `${absent.map(label).join('、')}无数据`;
    }
    if (typeof lhs === 'boolean') return `${label(c.fact)}：${lhs ? '是' : '否'}`;
    const rhs = typeof c.value === 'object' ? `${label(c.value.fact)} ${valueText(c.value.fact)}` : showIn(c.value as number, unit(c.fact));
    const holds = typeof lhs === 'number' && typeof rhsValue === 'number' && compare[c.operator]!(lhs, rhsValue);
    return `${label(c.fact)} ${valueText(c.fact)}，${relation[c.operator]![holds ? 0 : 1]} ${rhs}`;
  };
  const conditionFacts = factsOfCondition;
  const gain = (p: Dec) => (p.isNegative() ? `扣 ${show(p.abs())} 分` : `得 ${show(p)} 分`);

  // rounding "clause" (the default): each clause to 0.01, as most rubrics' tables add up; "total": exact to the end,
  // the total rounded once (a band edge is not crossed by the rounding of its addends).
  const keep = rs.rounding === 'total' ? (v: Dec) => v : round2;
  let partsInvalid = false;
  const parts: PartScore[] = rs.parts.map((part, pi) => {
    let invalidReason: string | null = null;
    const indicators = part.indicators.map((ind, ii): IndicatorScore => {
      const lines: Line[] = [];
      ind.clauses.forEach((c, ci) => {
        const name = c.label ?? ('fact' in c ? label(c.fact) : ind.title);
        if (c.when && !fired.has(clauseRef(pi, ii, ci))) {
          const absent = [...new Set(conditionFacts(c.when))].filter((f) => missing.has(f));
          const why = absent.length > 0 ? `${absentText(absent)}，条件不成立` : `未满足条件（${conditionText(c.when)}）`;
          lines.push({ clause: ci, type: c.type, text: `${name}：${why}，不计分`, points: '0.00', facts: used(...conditionFacts(c.when)) });
          return;
        }
        const when = c.when && c.type !== 'fixed' ? `（${conditionText(c.when)}）` : '';
        const whenFacts = c.when ? conditionFacts(c.when) : [];
        const factName = 'fact' in c ? c.fact : null;
        if (factName && missing.has(factName)) {
          const what = name === label(factName) ? '' : label(factName);
          lines.push({ clause: ci, type: c.type, text: `${name}：${what}无数据${whyMissing(factName)}，不计分`, points: '0.00', facts: used(factName) });
          return;
        }
        const push = (points: Dec, text: string, names: string[] = factName ? [factName] : []) =>
          lines.push({ clause: ci, type: c.type, text: `${text}${when}`, ...stored(points), facts: used(...names, ...whenFacts) });

        switch (c.type) {
          case 'perUnit': {
            const v = num(c.fact)!;
            const raw = v.times(dec(c.points));
            const capped = c.cap === undefined ? raw : clamp(raw, dec(-c.cap), dec(c.cap));
            const each = c.points < 0 ? `每${unit(c.fact) || '个'}扣 ${show(-c.points)} 分` : `每${unit(c.fact) || '个'} ${show(c.points)} 分`;
            const outcome = c.points < 0 && !v.isNegative() ? `共扣 ${show(raw.abs())} 分` : `${show(v)} × ${show(c.points)} = ${show(raw)} 分`;
            const base = `${name} ${valueText(c.fact)}，${each}，${outcome}`;
            push(keep(capped), capped.eq(raw) ? base : `${base}，${capNote(raw, capped)}`);
            return;
          }
          case 'tiers': {
            const hit = c.tiers.findIndex((_, ti) => fired.has(tierRef(pi, ii, ci, ti)));
            if (hit < 0) {
              push(dec(c.otherwise), `${name} ${valueText(c.fact)}，未达到任何档次，${gain(dec(c.otherwise))}`);
              return;
            }
            const t = c.tiers[hit]!;
            const u = unit(c.fact);
            const bounds = [
              t.gte !== undefined ? `${showIn(t.gte, u)}及以上` : '',
              t.gt !== undefined ? `多于 ${showIn(t.gt, u)}` : '',
              t.lte !== undefined ? `${showIn(t.lte, u)}及以下` : '',
              t.lt !== undefined ? `不足 ${showIn(t.lt, u)}` : '',
            ].filter(Boolean);
            push(dec(t.points), `${name} ${valueText(c.fact)}，在「${bounds.join('、')}」一档，${gain(dec(t.points))}`);
            return;
          }
          case 'ratio': {
            const v = num(c.fact)!;
            const target = dec(c.target);
            // points × value / target, dividing last so exact results stay exact
            const reached = Dec.max(c.capAtTarget ? Dec.min(v, target) : v, 0);
            const p = dec(c.points).times(reached).div(target);
            const r = reached.div(target);
            push(keep(p), `${name} ${valueText(c.fact)}，目标 ${showIn(c.target, unit(c.fact))}，完成 ${show(r.times(100))}%，${show(c.points)} × ${show(r.times(100))}% = ${show(p)} 分`);
            return;
          }
          case 'shortfall': {
            const v = num(c.fact)!;
            const u = unit(c.fact) === '%' ? '个百分点' : unit(c.fact) || '个单位';
            const limit = dec((c.below ?? c.above)!);
            const gap = c.below !== undefined ? Dec.max(limit.minus(v), 0) : Dec.max(v.minus(limit), 0);
            const side = c.below !== undefined ? '低于' : '高于';
            if (gap.isZero()) {
              push(dec(0), `${name} ${valueText(c.fact)}，未${side} ${showIn(limit, unit(c.fact))}，不计分`);
              return;
            }
            const exact = gap.div(dec(c.per));
            const units = c.round === 'down' ? exact.floor() : c.round === 'up' ? exact.ceil() : null;
            // gap × points / per when proportional, so exact results stay exact
            const raw = units === null ? gap.times(dec(c.points)).div(dec(c.per)) : units.times(dec(c.points));
            const capped = c.cap === undefined ? raw : clamp(raw, dec(-c.cap), dec(c.cap));
            const perText = c.per === 1 ? `每${u}` : `每 ${show(c.per)} ${u}`;
            const rounded = units !== null && !units.eq(exact) ? `，${c.round === 'down' ? '不足一个单位不计' : '不足一个单位按一个计'}，计 ${show(units)} 个单位` : '';
            const text = `${name} ${valueText(c.fact)}，${side} ${showIn(limit, unit(c.fact))} 共 ${show(gap)} ${u}${rounded}，${perText}${c.points < 0 ? '扣' : '加'} ${show(Math.abs(c.points))} 分，${gain(raw)}`;
            push(keep(capped), capped.eq(raw) ? text : `${text}，${capNote(raw, capped)}`);
            return;
          }
          case 'fixed':
            push(dec(c.points), `${name}：${conditionText(c.when!)}，${gain(dec(c.points))}`, []);
            return;
          case 'inspections': {
            const entries = input.inspections.filter(
              (e) => e.indicator === ind.id && (c.sign === 'any' || (c.sign === 'bonus' ? dec(e.points).gt(0) : dec(e.points).lt(0))),
            );
            if (entries.length === 0) push(dec(0), `${name}：无现场督查记录`, []);
            for (const e of entries) {
              lines.push({ clause: ci, type: 'inspection', text: `现场督查（${e.inspectedOn}）：${e.reason}，${gain(dec(e.points))}`, points: fixed2(dec(e.points)), facts: {} });
            }
            return;
          }
          case 'selfReview': {
            const out = selfReview(c, num(c.self), num(c.review));
            push(out.points === null ? dec(0) : keep(out.points), `${name}：${out.text}`, [c.self, c.review]);
            return;
          }
          case 'votes': {
            const dist = facts[c.fact] as Distribution;
            const out = convertVotes(c, dist, name);
            if (!out.valid) {
              invalidReason = out.reason;
              push(dec(0), out.text);
              return;
            }
            push(keep(out.points), out.text);
            for (const t of out.thresholdLines) {
              lines.push({ clause: ci, type: 'threshold', text: t.text, points: fixed2(t.points), facts: {} });
            }
            return;
          }
        }
      });
      return sumIndicator(ind, lines);
    });

    const sum = indicators.reduce((s, i) => s.plus(valueOf(i)), dec(part.base));
    const cap = part.max === undefined ? null : dec(part.max);
    const floor = defaultFloor(part.floor, part.base);
    let points = clamp(sum, floor, cap);
    let note = points.eq(sum) ? null : `合计 ${show(sum)} 分，${points.gt(sum) ? `扣完为止` : `超过满分`}，计 ${show(points)} 分`;
    if (invalidReason) {
      if (part.whenInvalid === 'notAssessed') {
        partsInvalid = true;
        reasons.push(`${part.title}无效：${invalidReason}`);
      }
      points = dec(0);
      note = `${part.title}无效（${invalidReason}），按 0 分计`;
    }
    const shownExactly = dec(part.base).decimalPlaces() <= 2 && indicators.every((i) => i.exact === undefined);
    if (!invalidReason && points.eq(sum)) note = roundingNote([fixed2(dec(part.base)), ...indicators.map((i) => i.points)], fixed2(points), '各指标', shownExactly);
    return {
      id: part.id,
      title: part.title,
      kind: part.kind,
      ...stored(points),
      max: cap ? fixed2(cap) : null,
      valid: invalidReason === null,
      invalidReason,
      indicators,
      note,
    };
  });

  rs.gates.forEach((g, gi) => {
    if (fired.has(gateRef(gi))) reasons.push(`${g.title}：${g.reason}（${conditionText(g.when)}）`);
  });

  const env = Object.fromEntries(parts.map((p) => [p.id, valueOf(p)]));
  const raw = evaluateFormula(compiled.formula, env);
  const total = round2(clamp(raw, dec(rs.total.floor), rs.total.cap === undefined ? null : dec(rs.total.cap)));
  const labels = Object.fromEntries(parts.map((p) => [p.id, `${p.title} ${show(dec(p.points))}`]));
  const shownRaw = round2(evaluateFormula(compiled.formula, Object.fromEntries(parts.map((p) => [p.id, dec(p.points)]))));
  const clampNote = total.eq(round2(raw)) ? (shownRaw.eq(total) ? '' : `（各部分按 0.01 分显示，按显示值计算为 ${show(shownRaw)} 分；按精确值计算后四舍五入为 ${show(total)} 分）`) : `，按 ${show(total)} 分计`;
  return {
    ruleSet: { id: rs.id, title: rs.title, version: rs.version, hash: compiled.hash, notAssessedLabel: rs.notAssessedLabel },
    assessed: reasons.length === 0 && !partsInvalid,
    reasons,
    parts,
    total: fixed2(total),
    totalText: `${formulaText(compiled.formula, labels)} = ${show(raw)} 分${clampNote}`,
  };
}

/**
 * 自评 + 上级评定: the weighted sum of the self-score and the superior's (each kept within 0..max), in words with the
 * difference between them ("上级评定比自评低 1.00 分"). No superior's score: no points (the organization is
 * unassessed for the missing fact). No self-score: 0, or the superior's in full (`missingSelf: "review"`).
 */
export function selfReview(c: Extract<Clause, { type: 'selfReview' }>, self: Dec | null, review: Dec | null): { points: Dec | null; text: string } {
  const max = dec(c.max);
  const within = (v: Dec) => clamp(v, dec(0), max);
  const over = (v: Dec | null, who: string) => (v && !within(v).eq(v) ? `${who} ${show(v)} 分超出 0–${show(max)} 分，按 ${show(within(v))} 分计；` : '');
  const note = over(self, '自评') + over(review, '上级评定');
  if (review === null) return { points: null, text: `${self ? `自评 ${show(within(self))} 分，` : '未自评，'}上级尚未评定，不计分` };
  const r = within(review);
  if (self === null && (c.missingSelf === 'review' || c.weights.self === 0)) {
    const why = c.weights.self === 0 ? '以上级评定为准' : '未自评，按上级评定计';
    return { points: r, text: `${note}${why}：上级评定 ${show(r)} 分（满分 ${show(max)} 分）${c.weights.self === 0 ? '，未自评' : ''}，得 ${show(r)} 分` };
  }
  const s = self === null ? dec(0) : within(self);
  const diff = r.minus(s);
  const gap = self === null ? '未自评，自评按 0 分计' : diff.isZero() ? '上级评定与自评相同' : `上级评定比自评${diff.isNegative() ? '低' : '高'} ${show(diff.abs())} 分`;
  if (c.weights.self === 0) return { points: r, text: `${note}以上级评定为准：上级评定 ${show(r)} 分，自评 ${show(s)} 分（满分 ${show(max)} 分），${gap}，得 ${show(r)} 分` };
  const ws = dec(c.weights.self);
  const wr = dec(c.weights.review);
  const points = s.times(ws).plus(r.times(wr));
  const pct = (w: Dec) => `${show(w.times(100))}%`;
  return { points, text: `${note}自评 ${show(s)} 分 × ${pct(ws)} + 上级评定 ${show(r)} 分 × ${pct(wr)} = ${show(points)} 分（满分 ${show(max)} 分；${gap}）` };
}

/** Why a clause's points were cut: '超过上限，计 50 分' or '超过扣分上限，计扣 10 分'. */
function capNote(raw: Dec, capped: Dec): string {
  return raw.isNegative() ? `超过扣分上限，计扣 ${show(capped.abs())} 分` : `超过上限，计 ${show(capped)} 分`;
}

/** An indicator's points: its base plus every line, kept within its floor and maximum (扣完为止). */
function sumIndicator(ind: Indicator, lines: Line[]): IndicatorScore {
  const base = dec(ind.base);
  const sum = lines.reduce((s, l) => s.plus(valueOf(l)), base);
  const max = ind.max === undefined ? null : dec(ind.max);
  const points = clamp(sum, defaultFloor(ind.floor, ind.base), max);
  if (!base.isZero()) lines.unshift({ clause: -1, type: 'base', text: `基础分 ${show(base)} 分`, points: fixed2(base), facts: {} });
  let note: string | null = null;
  if (points.lt(sum)) note = `合计 ${show(sum)} 分，超过本项满分 ${show(max!)} 分，计 ${show(points)} 分`;
  if (points.gt(sum)) note = `合计 ${show(sum)} 分，扣完为止，计 ${show(points)} 分`;
  if (points.eq(sum)) note = roundingNote(lines.map((l) => l.points), fixed2(points), '各条', base.decimalPlaces() <= 2 && lines.every((l) => l.exact === undefined));
  return { id: ind.id, title: ind.title, ...stored(points), max: max ? fixed2(max) : null, lines, note };
}

/** 扣完为止: with a base score the floor defaults to 0; without one, deductions are not floored. */
function defaultFloor(floor: number | undefined, base: number): Dec | null {
  if (floor !== undefined) return dec(floor);
  return base > 0 ? dec(0) : null;
}

/** Facts a rule set needs from the database, with the type each must have. */
export function requiredFacts(compiled: CompiledRuleSet): { name: string; def: FactDef; type: ReturnType<typeof factType> }[] {
  return Object.entries(compiled.ruleSet.facts).map(([name, def]) => ({ name, def, type: factType(def) }));
}
