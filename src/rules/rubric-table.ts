import { categoryLabel as seedCategoryLabels } from '../domain/catalog';
import { clauseText, laggingText, overrideText, quotaText, rankingText, ruleConditionText, showRankToText, windowText, type FactWording } from '../domain/phrasebook';
import { show } from '../scoring/decimal';
import { factUnit } from '../scoring/fact-catalog';
import { bandText } from '../scoring/grading';
import { formulaText } from './formula';
import type { CompiledRuleSet } from './compile';
import type { Clause, FactDef, Indicator, Part, RuleSet } from './rule-set.schema';

/**
 * The readable rubric table (考核细则表) of a rule set: what a 组织部 publishes. Pure: built from the compiled rule
 * set alone, so a draft body can be shown the same way as the version in force. Every sentence comes from the one
 * phrasebook (domain/phrasebook.ts).
 */
export type RubricRow = {
  indicatorId: string;
  indicator: string;
  /** The indicator's full points in its part's own scale (its `max`, or what its clauses can give); null when open. */
  points: number | null;
  /** 评分方法: one sentence per clause, with the indicator's base, cap and floor. */
  method: string[];
};

export type RubricPart = {
  id: string;
  title: string;
  kind: Part['kind'];
  kindLabel: string;
  /** The part's full points in its own scale (`max`), null when open (a deduction part). */
  points: number | null;
  /** How much one point of this part moves the total (1 for a plain sum, 0.7 for "× 70%"). */
  weight: number;
  /** Whether its points make up the total's full score (score parts), rather than bonus or deduction on top. */
  counted: boolean;
  notes: string[];
  rows: RubricRow[];
};

export type RubricGrade = { id: string; label: string; stars: number | null; condition: string; consequences: string[] };

export type RubricTable = {
  id: string;
  title: string;
  version: string;
  hash: string;
  source: string | null;
  categories: { code: string; label: string }[];
  /** The total's full score: the file's `total.max`, else the counted parts' points by their weights. */
  total: number | null;
  totalText: string;
  /** Who is not assessed (gates) and how the total is rounded and bounded. */
  notes: string[];
  parts: RubricPart[];
  grading: { grades: RubricGrade[]; rules: string[] } | null;
};

const kindLabels: Record<Part['kind'], string> = { score: '计分', bonus: '加分', deduction: '扣分' };

/** Builds the rubric table; `categoryLabels` are the catalog's Chinese names (the seed's by default). */
export function rubricTable(compiled: CompiledRuleSet, categoryLabels: Readonly<Record<string, string>> = seedCategoryLabels): RubricTable {
  const rs = compiled.ruleSet;
  const w = wordingOf(rs);
  const parts = rs.parts.map((p) => rubricPart(rs, p, Number(compiled.partWeights[p.id] ?? 1), w));
  const counted = parts.filter((p) => p.counted);
  const sum = counted.every((p) => p.points !== null) ? counted.reduce((s, p) => s + p.points! * p.weight, 0) : null;
  return {
    id: rs.id,
    title: rs.title,
    version: rs.version,
    hash: compiled.hash,
    source: rs.source ?? null,
    categories: rs.categories.map((code) => ({ code, label: categoryLabels[code] ?? code })),
    total: rs.total.max ?? (sum === null ? null : Math.round(sum * 100) / 100),
    totalText: `总分 = ${formulaText(compiled.formula, Object.fromEntries(rs.parts.map((p) => [p.id, p.title])))}`,
    notes: totalNotes(rs, w),
    parts,
    grading: gradingOf(rs, w),
  };
}

/** Fact labels (with their window) and units, plus the grading facts: 总分 and each part's score. */
function wordingOf(rs: RuleSet): FactWording {
  const defs = rs.facts as Record<string, FactDef>;
  const parts = new Map(rs.parts.map((p) => [`part_${p.id}`, `${p.title}得分`]));
  return {
    label: (f) => {
      const def = defs[f];
      if (def) return `${'window' in def ? windowText(def.window) : ''}${def.label}`;
      return f === 'totalScore' ? '总分' : (parts.get(f) ?? f);
    },
    unit: (f) => (defs[f] ? factUnit(defs[f]) : '分'),
  };
}

function rubricPart(rs: RuleSet, p: Part, weight: number, w: FactWording): RubricPart {
  const notes: string[] = [];
  if (p.kind === 'bonus') notes.push(p.max !== undefined ? `加分项，最多加 ${show(p.max)} 分` : '加分项');
  if (p.kind === 'deduction') notes.push(p.max !== undefined ? `扣分项，最多扣 ${show(p.max)} 分` : '扣分项，据实扣减');
  if (p.kind === 'score' && weight !== 1) notes.push(`按 ${show(weight * 100)}% 计入总分`);
  if (p.base !== 0) notes.push(`基础分 ${show(p.base)} 分`);
  if (p.indicators.some((i) => i.clauses.some((c) => c.type === 'votes'))) {
    notes.push(p.whenInvalid === 'zero' ? '有效票不足等原因本部分无效的，按 0 分计' : `有效票不足等原因本部分无效的，${rs.notAssessedLabel}`);
  }
  return { id: p.id, title: p.title, kind: p.kind, kindLabel: kindLabels[p.kind], points: p.max ?? null, weight, counted: p.kind === 'score', notes, rows: p.indicators.map((i) => rubricRow(i, p.kind, w)) };
}

function rubricRow(ind: Indicator, kind: Part['kind'], w: FactWording): RubricRow {
  const reach = clausesReach(ind.clauses);
  const method: string[] = [];
  if (ind.base !== 0) method.push(`基础分 ${show(ind.base)} 分，按以下各条加减`);
  method.push(...ind.clauses.map((c) => clauseText(c, w)));
  const top = reach === null ? null : ind.base + reach;
  if (ind.max !== undefined && (top === null || top > ind.max)) method.push(`本项最多 ${show(ind.max)} 分`);
  const floor = ind.floor ?? (ind.base !== 0 ? 0 : undefined);
  if (floor !== undefined && ind.clauses.some((c) => canDeduct(c))) method.push(floor === 0 ? '扣完为止' : `最低 ${show(floor)} 分`);
  // A deduction indicator without a maximum is open: it takes what the file deducts, not 0 points.
  const points = ind.max ?? (kind === 'deduction' ? null : top);
  return { indicatorId: ind.id, indicator: ind.title, points: points === null ? null : Math.round(points * 100) / 100, method };
}

/** The most a clause can add, or null when nothing in the file bounds it. */
function clauseReach(c: Clause): number | null {
  switch (c.type) {
    case 'perUnit':
      return c.points <= 0 ? 0 : (c.cap ?? null);
    case 'tiers':
      return Math.max(c.otherwise, ...c.tiers.map((t) => t.points), 0);
    case 'ratio':
      return c.capAtTarget ? Math.max(c.points, 0) : null;
    case 'shortfall':
      return c.points <= 0 ? 0 : (c.cap ?? null);
    case 'fixed':
      return Math.max(c.points, 0);
    case 'inspections':
      return c.sign === 'deduction' ? 0 : null;
    case 'selfReview':
      return c.max;
    case 'votes':
      return Math.max(0, ...Object.values(c.coefficients)) * c.scale + Math.max(0, ...c.thresholds.map((t) => t.points));
  }
}

function clausesReach(clauses: readonly Clause[]): number | null {
  let sum = 0;
  for (const c of clauses) {
    const r = clauseReach(c);
    if (r === null) return null;
    sum += r;
  }
  return sum;
}

function canDeduct(c: Clause): boolean {
  if (c.type === 'perUnit' || c.type === 'shortfall' || c.type === 'fixed') return c.points < 0;
  if (c.type === 'tiers') return c.otherwise < 0 || c.tiers.some((t) => t.points < 0);
  if (c.type === 'votes') return c.thresholds.some((t) => t.points < 0);
  return c.type === 'inspections' && c.sign !== 'bonus';
}

function totalNotes(rs: RuleSet, w: FactWording): string[] {
  const notes: string[] = [];
  const bounds = [rs.total.floor !== 0 ? `最低 ${show(rs.total.floor)} 分` : '', rs.total.cap !== undefined ? `最高 ${show(rs.total.cap)} 分（含加分）` : ''].filter(Boolean);
  if (bounds.length > 0) notes.push(`总分${bounds.join('，')}`);
  notes.push(rs.rounding === 'total' ? '各条按精确值相加，总分四舍五入到 0.01 分' : '每条得分四舍五入到 0.01 分再相加');
  for (const g of rs.gates) notes.push(`${rs.notAssessedLabel}（${g.title}）：${ruleConditionText(g.when, w)}的，${g.reason}`);
  return notes;
}

function gradingOf(rs: RuleSet, w: FactWording): RubricTable['grading'] {
  const g = rs.grading;
  if (!g) return null;
  const labels = new Map(g.grades.map((x) => [x.id, x.label]));
  const gradeLabel = (id: string) => labels.get(id) ?? id;
  const partTitle = (id: string) => rs.parts.find((p) => p.id === id)?.title ?? id;
  const grades = g.grades.map((x) => {
    const bands = g.bands.filter((b) => b.grade === x.id).map((b) => `总分${/^\d/.test(bandText(b)) ? ' ' : ''}${bandText(b)}`);
    return { id: x.id, label: x.label, stars: x.stars ?? null, condition: bands.length > 0 ? bands.join('；或') : '不按分数段评定', consequences: g.consequences[x.id] ?? [] };
  });
  const rules = [
    ...g.overrides.map((o) => overrideText(o, gradeLabel, w)),
    ...g.quotas.map((q) => `名额：${quotaText(q, gradeLabel)}`),
    ...(g.lagging ? [`后进：${laggingText(g.lagging, gradeLabel)}${g.consequences.lagging ? `；结果运用：${g.consequences.lagging.join('，')}` : ''}`] : []),
    ...(g.yearOverYear ? [`升降幅度：较上年最多升降 ${g.yearOverYear.maxSteps} 档（上年以已定档的年度为准）`] : []),
    rankingText(g.ranking, partTitle),
    showRankToText[g.showRankTo],
  ];
  return { grades, rules };
}
