import type { DecidedBy } from '../db/database';
import type { Clause, Condition, Grading, Operator, Override, Quota, Window } from '../rules/rule-set.schema';
import { dec, show, showIn } from '../scoring/decimal';

/**
 * The phrasebook (DECISIONS.md): the Chinese words for the structured codes the engine stores, so the ranking
 * page, the ranking PDF and the Excel export say the same thing and never parse a stored sentence.
 */
export const decidedByLabel: Record<DecidedBy, string> = {
  band: '按总分分数段',
  direct: '直接定级',
  prerequisite: '前置条件未满足',
  cap: '封顶',
  veto: '一票否决',
  yearOverYear: '升降幅度限制',
  quota: '等次比例限制',
  correction: '定档后更正',
};

type Step = { kind: string; text: string };

/** Why an organization has its grade, when it is not simply its score's band (and why it is 后进 or not graded). */
export type GradeReason = { code: DecidedBy | 'not_assessed' | null; label: string | null; text: string };

/**
 * The reason column of a ranking row: the deciding step named by its code, with that step's own explanation; the
 * 后进 listing; or why the organization was not graded. Empty text when the band alone decided and it is not 后进.
 */
export function gradeReason(row: { assessed: boolean; notAssessedLabel: string; reasons: readonly string[]; decidedBy: DecidedBy | null; steps: readonly Step[]; lagging: boolean }): GradeReason {
  if (!row.assessed) return { code: 'not_assessed', label: row.notAssessedLabel, text: `${row.notAssessedLabel}：${row.reasons.join('；') || '未参加本年度考核'}` };
  const parts: string[] = [];
  const code = row.decidedBy;
  if (code && code !== 'band') {
    const step = [...row.steps].reverse().find((s) => s.kind === code);
    parts.push(step ? `${decidedByLabel[code]}：${step.text}` : decidedByLabel[code]);
  }
  if (row.lagging) {
    const step = [...row.steps].reverse().find((s) => s.kind === 'lagging');
    parts.push(step ? `列为后进：${step.text}` : '列为后进');
  }
  return { code, label: code ? decidedByLabel[code] : null, text: parts.join('；') };
}

/*
 * The rubric table (考核细则表): a rule file's clauses, conditions and grading rules as the sentences a 组织部
 * publishes. Built from the file's structure only (no organization's data); `src/rules/rubric-table.ts` lays them out.
 */

/** How a fact reads in a rule's sentence: its label and the unit its value is counted in. */
export type FactWording = { label: (fact: string) => string; unit: (fact: string) => string };

type Bounds = { gte?: number; gt?: number; lte?: number; lt?: number };

const num = (v: number) => show(v);
const withUnit = (v: number, unit: string) => showIn(v, unit);
const pctOf = (share: number) => `${show(dec(share).times(100))}%`;
const gainText = (p: number) => (p < 0 ? `扣 ${num(-p)} 分` : `计 ${num(p)} 分`);

/** "每个月", "每小时", "每个百分点", "每 1 分": one unit of a fact, as a rubric counts per unit. */
export function perUnitText(unit: string, per = 1): string {
  if (per !== 1) return `每 ${num(per)} ${unit === '%' ? '个百分点' : unit || '个'}`;
  if (unit === '%') return '每个百分点';
  if (unit === '') return '每个';
  if (unit === '分') return '每 1 分';
  return `每${unit}`;
}

/** A threshold's bounds as rubrics say them: "12 个月及以上", "不足 60 分". */
export function boundsText(b: Bounds, unit: string): string {
  return [
    b.gte !== undefined ? `${withUnit(b.gte, unit)}及以上` : '',
    b.gt !== undefined ? `多于 ${withUnit(b.gt, unit)}` : '',
    b.lte !== undefined ? `${withUnit(b.lte, unit)}及以下` : '',
    b.lt !== undefined ? `不足 ${withUnit(b.lt, unit)}` : '',
  ]
    .filter(Boolean)
    .join('、');
}

const operatorWords: Record<Operator, string> = {
  equal: '为',
  notEqual: '不为',
  lessThan: '少于',
  lessThanInclusive: '不超过',
  greaterThan: '多于',
  greaterThanInclusive: '不少于',
};

/** A rule's condition as a sentence: "组织生活会不少于 1 次", "甲且乙", "甲或乙". */
export function ruleConditionText(c: Condition, w: FactWording): string {
  if ('all' in c) return c.all.map((x) => ruleConditionText(x, w)).join('，且');
  if ('any' in c) return c.any.map((x) => ruleConditionText(x, w)).join('，或');
  if ('not' in c) return `并非“${ruleConditionText(c.not, w)}”`;
  const { value } = c;
  if (typeof value === 'boolean') return `${w.label(c.fact)}${(c.operator === 'equal') === value ? '' : '不'}成立`;
  const rhs = typeof value === 'object' ? w.label(value.fact) : withUnit(value, w.unit(c.fact));
  if (typeof value === 'number' && value === 0 && c.operator === 'equal') return `没有${w.label(c.fact)}`;
  return `${w.label(c.fact)}${operatorWords[c.operator]} ${rhs}`;
}

/** The statistical window of a fact, when it is not the whole year: "上半年", "3 月 1 日至 6 月 30 日". */
export function windowText(window: Window | undefined): string {
  if (window === undefined || window === 'year') return '';
  if (typeof window === 'string') return ({ H1: '上半年', H2: '下半年', Q1: '第一季度', Q2: '第二季度', Q3: '第三季度', Q4: '第四季度' } as const)[window];
  const md = (s: string) => `${Number(s.slice(0, 2))} 月 ${Number(s.slice(3))} 日`;
  return `${md(window.from)}至${md(window.to)}`;
}

const inspectionWords = { bonus: '现场督查认定的加分据实计入', deduction: '现场督查发现的问题据实扣分', any: '现场督查的加分和扣分据实计入' } as const;

/** One clause of an indicator as the rubric's 评分方法 sentence(s). */
export function clauseText(c: Clause, w: FactWording): string {
  const what = (fact: string) => c.label ?? w.label(fact);
  const when = c.when && c.type !== 'fixed' ? `${ruleConditionText(c.when, w)}时，` : '';
  return when + clauseBody(c, w, what);
}

function clauseBody(c: Clause, w: FactWording, what: (fact: string) => string): string {
  switch (c.type) {
    case 'perUnit': {
      const each = `${what(c.fact)}，${perUnitText(w.unit(c.fact))}${c.points < 0 ? `扣 ${num(-c.points)} 分` : `计 ${num(c.points)} 分`}`;
      return c.cap === undefined ? each : `${each}，最多${c.points < 0 ? '扣' : '计'} ${num(c.cap)} 分`;
    }
    case 'tiers': {
      const u = w.unit(c.fact);
      const tiers = c.tiers.map((t) => `${boundsText(t, u)}${gainText(t.points)}`).join('；');
      const rest = c.otherwise !== 0 ? `；其余${gainText(c.otherwise)}` : c.tiers.every((t) => t.points < 0) ? '；其余不扣分' : '；其余不得分';
      return `${what(c.fact)}：${tiers}${rest}`;
    }
    case 'ratio': {
      const u = w.unit(c.fact);
      const over = c.capAtTarget ? '超过目标不加分' : '超过目标按比例加分';
      return `${what(c.fact)}按完成目标的比例计分：目标 ${withUnit(c.target, u)}，达到目标计 ${num(c.points)} 分，未达到按比例计，${over}`;
    }
    case 'shortfall':
      return shortfallText(c, w, what(c.fact));
    case 'fixed':
      return `${c.when ? `${ruleConditionText(c.when, w)}的，` : ''}${c.label ? `${c.label}，` : ''}${gainText(c.points)}`;
    case 'inspections':
      return inspectionWords[c.sign];
    case 'selfReview':
      return selfReviewText(c);
    case 'votes':
      return votesText(c, what(c.fact));
  }
}

function shortfallText(c: Extract<Clause, { type: 'shortfall' }>, w: FactWording, what: string): string {
  const u = w.unit(c.fact);
  const side = c.below !== undefined ? `低于 ${withUnit(c.below, u)}` : `高于 ${withUnit(c.above ?? 0, u)}`;
  const round = c.round === 'down' ? '，不足一个单位不计' : c.round === 'up' ? '，不足一个单位按一个计' : '，不足一个单位按比例计';
  const cap = c.cap === undefined ? '' : `，最多${c.points < 0 ? '扣' : '计'} ${num(c.cap)} 分`;
  return `${what}${side}的，差额${perUnitText(u, c.per)}${c.points < 0 ? `扣 ${num(-c.points)} 分` : `计 ${num(c.points)} 分`}${round}${cap}`;
}

function selfReviewText(c: Extract<Clause, { type: 'selfReview' }>): string {
  const how = c.weights.self === 0 ? '以上级评定为准' : `自评占 ${pctOf(c.weights.self)}、上级评定占 ${pctOf(c.weights.review)}`;
  const missing = c.weights.self === 0 ? '' : c.missingSelf === 'zero' ? '；未自评的，自评按 0 分计' : '；未自评的，按上级评定计';
  return `先自评、再由上级评定（满分 ${num(c.max)} 分），${how}${missing}；上级未评定的不计分`;
}

function votesText(c: Extract<Clause, { type: 'votes' }>, what: string): string {
  const parts = [`${what}按票折算：${Object.entries(c.coefficients).sort((x, y) => y[1] - x[1]).map(([a, p]) => `“${a}”${num(p)} 分`).join('、')}`];
  if (c.invalid.length > 0) parts.push(`${c.invalid.map((a) => `“${a}”`).join('、')}不计为有效票`);
  if (c.trim > 0) parts.push(`去掉最高和最低各 ${pctOf(c.trim)} 的票`);
  if (c.groups) parts.push(`各评议群体按权重计算：${Object.entries(c.groups).sort((x, y) => y[1] - x[1]).map(([g, s]) => `${g} ${pctOf(s)}`).join('、')}`);
  if (c.scale !== 1) parts.push(`平均分乘以 ${num(c.scale)} 计入`);
  if (c.minSample > 1) parts.push(`有效票少于 ${c.minSample} 张的，本项无效`);
  for (const t of c.thresholds) parts.push(`“${t.answer}”占有效票低于 ${num(t.below)}% 的，另${gainText(t.points)}`);
  return parts.join('；');
}

/** A grading override (direct grading, prerequisite, cap, veto) as the rubric's sentence. */
export function overrideText(o: Override, gradeLabel: (id: string) => string, w: FactWording): string {
  const cond = ruleConditionText(o.when, w);
  switch (o.type) {
    case 'direct':
      return `直接定级（${o.title}）：${cond}的，直接定为${gradeLabel(o.grade)}。${o.reason}`;
    case 'prerequisite':
      return `定级条件（${o.title}）：定为${gradeLabel(o.grade)}及以上须${cond}。${o.reason}`;
    case 'cap':
      return `最高等次（${o.title}）：${cond}的，最高定为${gradeLabel(o.cap)}。${o.reason}`;
    case 'veto':
      return `一票否决（${o.title}）：${cond}的，${o.cap === undefined ? '取消等次' : `最高定为${gradeLabel(o.cap)}`}。${o.reason}`;
  }
}

const quotaScopeWords = { category: '在本考核类别内', parent: '在同一上级下', root: '在全区' } as const;

/** A quota: "五星不超过参评组织的 10%（在本考核类别内计算，超出的按排名从低到高降到下一档）". */
export function quotaText(q: Quota, gradeLabel: (id: string) => string): string {
  const range = `${gradeLabel(q.grade)}${q.range === 'andAbove' ? '及以上' : q.range === 'andBelow' ? '及以下' : ''}`;
  const bounds = [q.max !== undefined ? `不超过参评组织的 ${pctOf(q.max)}` : '', q.min !== undefined ? `不少于参评组织的 ${pctOf(q.min)}` : ''].filter(Boolean).join('、');
  const how = q.mode === 'about' ? '为指导比例，超出时只作提示' : `${q.max !== undefined ? '超出的按排名从低到高降到下一档' : ''}${q.max !== undefined && q.min !== undefined ? '，' : ''}${q.min !== undefined ? '不足的按排名从低到高补足' : ''}`;
  const years = q.years ? `，只在 ${q.years.join('、')} 年度适用` : '';
  return `${range}${bounds}（${quotaScopeWords[q.scope]}计算，${how}${years}）`;
}

/** The lagging list: "无星列为后进党组织，后进不低于 10%（…按排名从低到高补足）". */
export function laggingText(l: NonNullable<Grading['lagging']>, gradeLabel: (id: string) => string): string {
  const share =
    l.minShare === undefined ? '' : `；后进${quotaScopeWords[l.scope]}不低于参评组织的 ${pctOf(l.minShare)}${l.mode === 'about' ? '（指导比例，不足时只作提示）' : '，不足时按排名从低到高补足'}`;
  return `等次为${l.grades.map((g) => `“${gradeLabel(g)}”`).join('、')}的列入后进名单${share}`;
}

/** How organizations are ranked: "依次比较总分、群众评议得分，再按组织编码；并列时名次相同". */
export function rankingText(r: Grading['ranking'], partTitle: (id: string) => string): string {
  const by = r.by.map((b) => (b === 'total' ? '总分' : b === 'code' ? '组织编码' : `${partTitle(b.slice(5))}得分`));
  return `排名：依次按${by.join('、')}排序（得分从高到低，组织编码从小到大）；${r.ties === 'shared' ? '得分相同的名次并列' : '得分相同的按组织编码分先后'}`;
}

export const showRankToText = { leader: '名次只向组织部门和领导显示，各组织看到自己的等次和差距', all: '各组织可以看到自己的名次' } as const;
