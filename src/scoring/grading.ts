import type { Grading, Override, Quota } from '../rules/rule-set.schema';
import { Dec, dec, show } from './decimal';

/**
 * From scores to grades, for all organizations of a rule set at once (quotas and rankings need them all):
 * band → direct grading → prerequisites → caps → vetoes → year-over-year limit → quotas → lagging list,
 * each step recorded in Chinese; then rankings, the move against last year, consequences, and what each
 * organization needs for the next grade. Pure.
 */
export type GradeInput = {
  orgId: number;
  code: string;
  category: string;
  parentId: number | null;
  rootPath: string;
  assessed: boolean;
  total: string;
  parts: Record<string, string>;
  /** Override references ('o:3') whose condition held for this organization. */
  fired: ReadonlySet<string>;
  /** Admin decisions to grade directly (recorded with reason and approver). */
  directRecords: readonly { grade: string; reason: string; approver: string }[];
  /** Grade in the last finalized cycle, if any. */
  lastGrade: string | null;
  indicators: readonly { id: string; title: string; partId: string; points: string; max: string | null }[];
};

export type GradeStep = { kind: 'band' | 'direct' | 'prerequisite' | 'cap' | 'veto' | 'yearOverYear' | 'quota' | 'lagging'; text: string; grade: string | null };
export type DecidingStep = Exclude<GradeStep['kind'], 'lagging'>;

/** The step that decided a grade: the last one that set it (listing as 后进 leaves the grade as it is). */
export function decidingStep(steps: readonly GradeStep[]): GradeStep | null {
  return [...steps].reverse().find((s) => s.kind !== 'lagging') ?? null;
}

export type NextGrade = {
  grade: string;
  label: string;
  /** Points still missing to the band of the next grade (0 when the score already reaches it). */
  missing: string;
  headroom: { indicator: string; title: string; points: string }[];
  blockers: string[];
  text: string;
};

export type GradeOutcome = {
  orgId: number;
  grade: string | null;
  gradeLabel: string | null;
  bandGrade: string | null;
  pinned: boolean;
  steps: GradeStep[];
  /** The kind of the step that decided the grade (the last that set it; `band` when the score's band stood), null when not graded. */
  decidedBy: DecidingStep | null;
  lagging: boolean;
  move: '晋位' | '保持' | '降星' | '摘星' | '首次定级' | null;
  lastGrade: string | null;
  lastGradeLabel: string | null;
  rankCategory: number | null;
  rankParent: number | null;
  consequences: string[];
  next: NextGrade | null;
};

export type GradingReport = { outcomes: GradeOutcome[]; warnings: string[] };

export const overrideRef = (i: number) => `o:${i}`;

/**
 * A share of n organizations as a count, in exact decimals (binary floating point makes 70% of 90 = 62.99… and
 * 7% of 100 = 7.000…01): at most `floor(share × n)`, at least `ceil(share × n)`.
 */
export function countOf(share: number, n: number, way: 'floor' | 'ceil'): number {
  const exact = dec(share).times(n);
  return (way === 'floor' ? exact.floor() : exact.ceil()).toNumber();
}

type Bounds = { gte?: number; gt?: number; lte?: number; lt?: number };

function inBand(total: Dec, b: Bounds): boolean {
  if (b.gte !== undefined && total.lt(b.gte)) return false;
  if (b.gt !== undefined && total.lte(b.gt)) return false;
  if (b.lte !== undefined && total.gt(b.lte)) return false;
  if (b.lt !== undefined && total.gte(b.lt)) return false;
  return true;
}

/** A score band in words, its edges said as rubrics say them: "80 分及以上、低于 90 分". */
export function bandText(b: Bounds): string {
  return [
    b.gte !== undefined ? `${show(b.gte)} 分及以上` : '',
    b.gt !== undefined ? `高于 ${show(b.gt)} 分` : '',
    b.lte !== undefined ? `${show(b.lte)} 分及以下` : '',
    b.lt !== undefined ? `低于 ${show(b.lt)} 分` : '',
  ]
    .filter(Boolean)
    .join('、');
}

type Work = { input: GradeInput; idx: number | null; band: number | null; pinned: boolean; vetoed: boolean; demotedByQuota: boolean; clampedByYear: boolean; steps: GradeStep[]; lagging: boolean };

/** Grades every organization of one rule set; `partWeights` say how much a point of each part moves the total. */
export function gradeAll(g: Grading, inputs: readonly GradeInput[], year: number, partWeights: Readonly<Record<string, Dec>>): GradingReport {
  const graded = gradeEach(g, inputs, year, partWeights);
  return { outcomes: inputs.map((_, i) => graded.outcome(i)), warnings: graded.warnings };
}

/**
 * gradeAll with each outcome built when asked for (`outcome(i)`, in the order of `inputs`): grades, quotas and ranks
 * are decided for all at once, but a city's explanations need not be held at once.
 */
export function gradeEach(g: Grading, inputs: readonly GradeInput[], year: number, partWeights: Readonly<Record<string, Dec>>): { outcome(i: number): GradeOutcome; warnings: string[] } {
  const ids = g.grades.map((x) => x.id);
  const indexOf = (id: string) => ids.indexOf(id);
  const label = (i: number | null) => (i === null ? null : g.grades[i]!.label);
  const bottom = ids.length - 1;
  const warnings: string[] = [];

  const weightNums = Object.fromEntries(Object.entries(partWeights).map(([k, v]) => [k, v.toNumber()]));

  const works: Work[] = inputs.map((input) => {
    const w: Work = { input, idx: null, band: null, pinned: false, vetoed: false, demotedByQuota: false, clampedByYear: false, steps: [], lagging: false };
    if (!input.assessed) return w;
    const total = dec(input.total);
    const band = g.bands.find((b) => inBand(total, b));
    w.idx = band ? indexOf(band.grade) : bottom;
    w.band = w.idx;
    w.steps.push({ kind: 'band', grade: ids[w.idx]!, text: band ? `总分 ${show(total)} 分，在「${bandText(band)}」分数段：${label(w.idx)}` : `总分 ${show(total)} 分，不在任何分数段：${label(w.idx)}` });
    const set = (i: number, kind: GradeStep['kind'], text: string) => {
      w.idx = i;
      w.steps.push({ kind, grade: ids[i]!, text });
    };
    g.overrides.forEach((o: Override, oi) => {
      if (o.type === 'direct' && input.fired.has(overrideRef(oi))) {
        set(indexOf(o.grade), 'direct', `${o.title}：${o.reason}，直接定为${label(indexOf(o.grade))}`);
        w.pinned = true;
      }
    });
    for (const r of input.directRecords) {
      if (indexOf(r.grade) < 0) continue;
      set(indexOf(r.grade), 'direct', `直接定级：${r.reason}（批准人：${r.approver}），定为${label(indexOf(r.grade))}`);
      w.pinned = true;
    }
    g.overrides.forEach((o, oi) => {
      if (o.type !== 'prerequisite' || w.pinned) return;
      const need = indexOf(o.grade);
      if (w.idx! <= need && !input.fired.has(overrideRef(oi))) set(Math.min(need + 1, bottom), 'prerequisite', `${o.title}：${o.reason}（未满足），定为${label(Math.min(need + 1, bottom))}`);
    });
    // Caps are one decision: every cap that holds is named, and the lowest of them is the grade.
    const caps = g.overrides.flatMap((o, oi) => (o.type === 'cap' && input.fired.has(overrideRef(oi)) ? [{ o, to: indexOf(o.cap) }] : []));
    const lowest = Math.max(-1, ...caps.map((c) => c.to));
    if (lowest > w.idx!) {
      const text =
        caps.length === 1
          ? `${caps[0]!.o.title}：${caps[0]!.o.reason}，最高${label(lowest)}`
          : `${caps.map((c) => `${c.o.title}（${c.o.reason}，最高${label(c.to)}）`).join('；')}：按其中最低的一项，最高${label(lowest)}`;
      set(lowest, 'cap', text);
    }
    g.overrides.forEach((o, oi) => {
      if (o.type !== 'veto' || !input.fired.has(overrideRef(oi))) return;
      const to = o.cap === undefined ? bottom : Math.max(w.idx!, indexOf(o.cap));
      w.vetoed = true;
      w.pinned = false;
      set(to, 'veto', `一票否决（${o.title}）：${o.reason}，${o.cap === undefined ? '取消等次' : `最高${label(to)}`}`);
    });
    const last = input.lastGrade === null ? -1 : indexOf(input.lastGrade);
    if (g.yearOverYear && last >= 0 && !w.vetoed) {
      const m = g.yearOverYear.maxSteps;
      const clamped = Math.min(Math.max(w.idx!, last - m), last + m);
      if (clamped !== w.idx) {
        w.clampedByYear = true;
        set(clamped, 'yearOverYear', `上年为${label(last)}，每年最多升降 ${m} 档：定为${label(clamped)}`);
      }
    }
    return w;
  });

  const graded = works.filter((w) => w.idx !== null);
  const scopeKey = (w: Work, scope: 'category' | 'parent' | 'root') =>
    scope === 'category' ? w.input.category : scope === 'parent' ? `${w.input.category}|${w.input.parentId}` : `${w.input.category}|${w.input.rootPath}`;
  const groupBy = (scope: 'category' | 'parent' | 'root') => {
    const m = new Map<string, Work[]>();
    for (const w of graded) {
      const k = scopeKey(w, scope);
      const list = m.get(k);
      if (list) list.push(w);
      else m.set(k, [w]);
    }
    return m;
  };

  // Ranking order: the rule set's keys (total, part scores, code), best first.
  // Scores are rounded to 0.01, so as doubles they keep their order and equality exactly; they are read
  // once per organization, not once per comparison.
  const keys = g.ranking.by;
  const sortKeys = new Map<Work, number[]>(works.map((w) => [w, keys.map((k) => (k === 'code' ? 0 : Number(k === 'total' ? w.input.total : (w.input.parts[k.slice(5)] ?? '0'))))]));
  const compare = (a: Work, b: Work, withCode: boolean): number => {
    const ka = sortKeys.get(a)!;
    const kb = sortKeys.get(b)!;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === 'code') {
        if (!withCode) continue;
        const c = a.input.code < b.input.code ? -1 : a.input.code > b.input.code ? 1 : 0;
        if (c !== 0) return c;
        continue;
      }
      if (ka[i] !== kb[i]) return kb[i]! > ka[i]! ? 1 : -1;
    }
    return withCode ? (a.input.code < b.input.code ? -1 : a.input.code > b.input.code ? 1 : 0) : 0;
  };
  // Who goes down first when a quota overflows: the lowest-ranked; graded directly last of all.
  const demotionOrder = (a: Work, b: Work) => (a.pinned !== b.pinned ? (a.pinned ? -1 : 1) : compare(a, b, true));

  const applicable = (q: Quota) => !q.years || q.years.includes(year);
  // Who is filled in first when a minimum share is short: the lowest-ranked; graded directly never.
  const fillOrder = (a: Work, b: Work) => compare(b, a, true);
  const shares: ShareCtx = { ids, label, bottom, warnings, demotionOrder, fillOrder };
  for (const q of g.quotas.filter(applicable)) {
    for (const [scope, members] of groupBy(q.scope)) applyQuota(q, `${scopeLabel[q.scope]}（${scope.split('|')[0]}）`, scopeLabel[q.scope], members, shares, indexOf(q.grade));
  }
  if (g.lagging) applyLagging(g.lagging, groupBy(g.lagging.scope), graded, shares, indexOf);

  // Rankings within the category and within the parent; ties shared unless the rule set breaks them by code.
  const rankCategory = new Map<number, number>();
  const rankParent = new Map<number, number>();
  const withCode = g.ranking.ties === 'code';
  const rank = (members: Work[], into: Map<number, number>) => {
    const sorted = [...members].sort((a, b) => compare(a, b, true));
    sorted.forEach((w, i) => {
      const prev = sorted[i - 1];
      into.set(w.input.orgId, prev && compare(prev, w, withCode) === 0 ? into.get(prev.input.orgId)! : i + 1);
    });
  };
  for (const [, members] of groupBy('category')) rank(members, rankCategory);
  for (const [, members] of groupBy('parent')) rank(members, rankParent);

  const outcome = (i: number): GradeOutcome => {
    const w = works[i]!;
    const last = w.input.lastGrade !== null && indexOf(w.input.lastGrade) >= 0 ? indexOf(w.input.lastGrade) : null;
    let move: GradeOutcome['move'] = null;
    if (w.idx !== null) {
      if (last === null) move = '首次定级';
      else if (w.idx < last) move = '晋位';
      else if (w.idx === last) move = '保持';
      else move = w.idx === bottom ? '摘星' : '降星';
    }
    const consequences = w.idx === null ? [] : [...(g.consequences[ids[w.idx]!] ?? []), ...(w.lagging ? (g.consequences.lagging ?? []) : [])];
    return {
      orgId: w.input.orgId,
      grade: w.idx === null ? null : ids[w.idx]!,
      gradeLabel: label(w.idx),
      bandGrade: w.band === null ? null : ids[w.band]!,
      pinned: w.pinned,
      steps: w.steps,
      decidedBy: w.idx === null ? null : ((decidingStep(w.steps)?.kind as DecidingStep | undefined) ?? null),
      lagging: w.lagging,
      move,
      lastGrade: last === null ? null : ids[last]!,
      lastGradeLabel: label(last),
      rankCategory: rankCategory.get(w.input.orgId) ?? null,
      rankParent: rankParent.get(w.input.orgId) ?? null,
      consequences: [...new Set(consequences)],
      next: w.idx === null || w.idx === 0 ? null : nextGrade(g, w, partWeights, weightNums, label, indexOf),
    };
  };
  return { outcome, warnings };
}

const scopeLabel = { category: '本类别', parent: '同一上级', root: '全区' } as const;

type ShareCtx = {
  ids: readonly string[];
  label: (i: number | null) => string | null;
  bottom: number;
  warnings: string[];
  demotionOrder: (a: Work, b: Work) => number;
  fillOrder: (a: Work, b: Work) => number;
};

/** Whether a grade index lies in a quota's range: the grade only, it and those above, it and those below. */
const inRange = (idx: number | null, at: number, range: Quota['range']) => idx !== null && (range === 'only' ? idx === at : range === 'andAbove' ? idx <= at : idx >= at);
const rangeText = (label: string | null, range: Quota['range']) => `${label}${range === 'andAbove' ? '及以上' : range === 'andBelow' ? '及以下' : ''}`;
const pct = (share: number) => `${show(dec(share).times(100))}%`;

/**
 * One quota in one scope. `max` (hard): the lowest-ranked holders beyond floor(max × n) go down to the grade
 * below the range. `min` (hard, "及以下" only): the lowest-ranked organizations above the range come down to its
 * top grade until ceil(min × n) hold it. `about`: a warning when the count leaves the rounding of the share.
 */
function applyQuota(q: Quota, where: string, scopeName: string, members: Work[], c: ShareCtx, at: number): void {
  const n = members.length;
  const range = rangeText(c.label(at), q.range);
  const holders = members.filter((w) => inRange(w.idx, at, q.range));
  if (q.mode === 'about') {
    if (q.max !== undefined && holders.length > countOf(q.max, n, 'ceil')) c.warnings.push(`${range}约占 ${pct(q.max)}：${where}${n} 个组织中有 ${holders.length} 个，超过指导比例`);
    if (q.min !== undefined && holders.length < countOf(q.min, n, 'floor')) c.warnings.push(`${range}约占 ${pct(q.min)}：${where}${n} 个组织中只有 ${holders.length} 个，低于指导比例`);
    return;
  }
  if (q.max !== undefined) {
    const allowed = countOf(q.max, n, 'floor');
    const below = Math.min(at + 1, c.bottom);
    for (const w of holders.sort(c.demotionOrder).slice(allowed)) {
      w.demotedByQuota = true;
      w.idx = below;
      w.steps.push({ kind: 'quota', grade: c.ids[below]!, text: `${range}不超过 ${pct(q.max)}（${scopeName} ${n} 个组织中最多 ${allowed} 个），按排名降为${c.label(below)}` });
    }
  }
  if (q.min !== undefined) {
    const need = countOf(q.min, n, 'ceil');
    let have = holders.length;
    for (const w of members.filter((m) => !inRange(m.idx, at, q.range) && !m.pinned).sort(c.fillOrder)) {
      if (have >= need) break;
      have += 1;
      w.demotedByQuota = true;
      w.idx = at;
      w.steps.push({ kind: 'quota', grade: c.ids[at]!, text: `${range}不少于 ${pct(q.min)}（${scopeName} ${n} 个组织中至少 ${need} 个），按排名降为${c.label(at)}` });
    }
  }
}

/** The lagging list: its grades, then (hard) filled by rank up to the minimum share, or (about) a warning. */
function applyLagging(l: NonNullable<Grading['lagging']>, scopes: Map<string, Work[]>, graded: Work[], c: ShareCtx, indexOf: (id: string) => number): void {
  const lagGrades = new Set(l.grades.map(indexOf));
  for (const w of graded) {
    if (lagGrades.has(w.idx!)) {
      w.lagging = true;
      w.steps.push({ kind: 'lagging', grade: c.ids[w.idx!]!, text: `${c.label(w.idx)}列为后进党组织` });
    }
  }
  if (l.minShare === undefined) return;
  for (const [scope, members] of scopes) {
    let have = members.filter((w) => w.lagging).length;
    if (l.mode === 'about') {
      if (have < countOf(l.minShare, members.length, 'floor')) {
        c.warnings.push(`后进党组织约占 ${pct(l.minShare)}：${scopeLabel[l.scope]}（${scope.split('|')[0]}）${members.length} 个组织中只有 ${have} 个，低于指导比例`);
      }
      continue;
    }
    const need = countOf(l.minShare, members.length, 'ceil');
    for (const w of members.filter((m) => !m.lagging && !m.pinned).sort(c.fillOrder)) {
      if (have >= need) break;
      w.lagging = true;
      have += 1;
      w.steps.push({ kind: 'lagging', grade: c.ids[w.idx!]!, text: `后进党组织不低于 ${pct(l.minShare)}（${members.length} 个中至少 ${need} 个），按排名列为后进` });
    }
  }
}

/** What an organization needs for the grade above its own: points, indicators with headroom, and blockers. */
function nextGrade(
  g: Grading,
  w: Work,
  weights: Readonly<Record<string, Dec>>,
  weightNums: Readonly<Record<string, number>>,
  label: (i: number | null) => string | null,
  indexOf: (id: string) => number,
): NextGrade {
  const target = w.idx! - 1;
  const targetId = g.grades[target]!.id;
  const total = dec(w.input.total);
  const band = g.bands.find((b) => b.grade === targetId);
  let missing = dec(0);
  if (band?.gte !== undefined && total.lt(band.gte)) missing = dec(band.gte).minus(total);
  if (band?.gt !== undefined && total.lte(band.gt)) missing = dec(band.gt).minus(total).plus('0.01');
  // Ordered by a float estimate rounded to 1e-6 (points differ by at least 0.01, so the order and the ties
  // are those of the exact values); only the five shown are computed exactly.
  const headroom = w.input.indicators
    .filter((i) => i.max !== null && Number(i.points) < Number(i.max))
    .map((i) => ({ i, approx: Math.round((Number(i.max) - Number(i.points)) * (weightNums[i.partId] ?? 1) * 1e6) }))
    .filter((h) => h.approx > 0)
    .sort((a, b) => b.approx - a.approx)
    .slice(0, 5)
    .map(({ i }) => ({ indicator: i.id, title: i.title, points: dec(i.max!).minus(dec(i.points)).times(weights[i.partId] ?? dec(1)).toDecimalPlaces(2).toFixed(2) }));
  const blockers: string[] = [];
  g.overrides.forEach((o, oi) => {
    const fired = w.input.fired.has(overrideRef(oi));
    if (o.type === 'veto' && fired) blockers.push(`一票否决（${o.title}）：${o.reason}`);
    if (o.type === 'cap' && fired && indexOf(o.cap) > target) blockers.push(`${o.title}：${o.reason}`);
    if (o.type === 'prerequisite' && !fired && indexOf(o.grade) >= target) blockers.push(`${o.title}：${o.reason}`);
  });
  if (w.demotedByQuota) blockers.push(`名额限制：本次已因比例限制降档，分数达到也须排名靠前`);
  const last = w.input.lastGrade === null ? -1 : indexOf(w.input.lastGrade);
  if (g.yearOverYear && last >= 0 && target < last - g.yearOverYear.maxSteps) {
    blockers.push(`较上年（${label(last)}）每年最多升 ${g.yearOverYear.maxSteps} 档，本年度最高可定${label(last - g.yearOverYear.maxSteps)}`);
  }
  const parts = [
    missing.gt(0) ? `距「${label(target)}」还差 ${show(missing)} 分（${label(target)}须达到 ${band ? bandText(band) : '其分数段'}）` : `总分已达到「${label(target)}」的分数段`,
    headroom.length > 0 ? `可提分的指标：${headroom.map((h) => `${h.title}（最多可增加总分 ${show(dec(h.points))} 分）`).join('、')}` : '',
    blockers.length > 0 ? `另须解决：${blockers.join('；')}` : '',
  ].filter(Boolean);
  return { grade: targetId, label: label(target)!, missing: missing.toDecimalPlaces(2).toFixed(2), headroom, blockers, text: parts.join('。') };
}
