import { ruleSetLimitIssues } from './limits';
import { dec, Dec } from '../scoring/decimal';
import { factMeasure, factType, type FactType } from '../scoring/fact-catalog';
import { categoryList, findCategory, findKind, kindList, seedCatalog, type Catalog } from './catalog';
import { checkDerivedFacts } from './derived';
import { evaluateFormula, FormulaError, formulaRefs, parseFormula, type Formula } from './formula';
import { RuleSet, type Clause, type Condition, type FactDef, type Indicator, type Part } from './rule-set.schema';

/** One problem in a rule file: where (file and JSON path), what was expected, what was found. */
export type RuleIssue = { file: string; path: string; message: string; expected?: string; found?: string };

export type ValidationResult =
  | { ok: true; ruleSet: RuleSet; formula: Formula; warnings: RuleIssue[] }
  | { ok: false; errors: RuleIssue[]; warnings: RuleIssue[] };

/** '$.parts[0].indicators[2].clauses[0].fact' */
export function jsonPath(path: readonly PropertyKey[]): string {
  return `$${path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`;
}

function found(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? '（缺少）' : s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

const numericOps = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
const suspicious = /登录|登陆|打卡|签到|在线时长|在线时间|log-?in|check-?in|online/i;

/** What a rule set is checked against: the catalog its ledger kinds must be in (default: the seed). */
export type ValidateOptions = { catalog?: Catalog };

/**
 * Validates a parsed JSON value as a rule set: the zod schema first, then everything a schema cannot say.
 * Never throws for a bad file: every problem comes back as an issue naming its JSON path.
 */
export function validateRuleSet(json: unknown, file: string, opts: ValidateOptions = {}): ValidationResult {
  const catalog = opts.catalog ?? seedCatalog;
  const tooBig = ruleSetLimitIssues(json, file);
  if (tooBig.length > 0) return { ok: false, warnings: [], errors: tooBig };
  const parsed = RuleSet.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    return {
      ok: false,
      warnings: [],
      errors: parsed.error.issues.map((i) => ({
        file,
        path: jsonPath(i.path),
        message:
          i.code === 'invalid_key'
            ? `名称「${String(i.path.at(-1))}」无效：${i.issues.map((x) => x.message).join('；')}`
            : i.message,
        expected: 'expected' in i && typeof i.expected === 'string' ? i.expected : undefined,
        found: 'input' in i ? found(i.input) : undefined,
      })),
    };
  }
  const rs = parsed.data;
  const errors: RuleIssue[] = [];
  const warnings: RuleIssue[] = [];
  const err = (path: (string | number)[], message: string, expected?: string, got?: unknown): void => {
    errors.push({ file, path: jsonPath(path), message, expected, found: got === undefined ? undefined : found(got) });
  };
  const warn = (path: (string | number)[], message: string): void => {
    warnings.push({ file, path: jsonPath(path), message });
  };

  const facts = rs.facts;
  const factNames = Object.keys(facts);
  const typeOf = (name: string): FactType | undefined => (Object.hasOwn(facts, name) ? factType(facts[name]!) : undefined);
  const typeOfFact = typeOf;
  const declaredList = factNames.length > 0 ? factNames.join('、') : '（未声明任何事实）';

  rs.categories.forEach((code, i) => {
    const cat = findCategory(catalog, code);
    if (!cat) err(['categories', i], `未知的考核类别「${code}」，现有的类别：${categoryList(catalog)}`, '现有的考核类别之一', code);
    else if (cat.retired) warn(['categories', i], `考核类别「${cat.label}」（${code}）已停用：组织不能再归入这一类别`);
    if (rs.categories.indexOf(code) !== i) err(['categories', i], `考核类别「${code}」重复`);
  });

  // Facts: known record kinds, indicator references.
  const indicatorIds = new Set(rs.parts.flatMap((p) => p.indicators.map((i) => i.id)));
  for (const [name, def] of Object.entries(facts)) {
    if ('kinds' in def) {
      def.kinds.forEach((k, i) => {
        const kind = findKind(catalog, k);
        if (!kind) err(['facts', name, 'kinds', i], `未知的台账记录类型「${k}」，现有的类型：${kindList(catalog)}`, '现有的台账记录类型之一', k);
        else if (kind.retired) warn(['facts', name, 'kinds', i], `台账记录类型「${kind.name}」（${k}）已停用：不再有新的记录，只计停用前的记录`);
      });
    }
    if (def.source === 'history') checkHistoryFact(rs, name, def, err);
    if (def.source === 'declared' && def.default !== undefined) {
      const dt = typeof def.default === 'boolean' ? 'boolean' : 'number';
      if (def.type === 'distribution') err(['facts', name, 'default'], '分布型申报数据不能有默认值', '（不设默认值）', def.default);
      else if (dt !== def.type) err(['facts', name, 'default'], `默认值的类型是 ${dt}，事实是 ${def.type}`, def.type, def.default);
    }
    if (def.source === 'declared') {
      const other = Object.entries(facts).find(([n, d]) => n !== name && d.source === 'declared' && d.key === def.key && d.type !== def.type);
      if (other) err(['facts', name, 'key'], `申报数据「${def.key}」也被事实「${other[0]}」以另一种类型使用`, def.type, other[1].source === 'declared' ? other[1].type : undefined);
    }
    if (def.source === 'assessment.self' || def.source === 'assessment.review') checkAssessmentFact(rs, name, def, err);
    if ((def.source === 'inspections.sum' || def.source === 'inspections.count') && def.indicator && !indicatorIds.has(def.indicator)) {
      err(['facts', name, 'indicator'], `引用了不存在的指标「${def.indicator}」`, [...indicatorIds].join('、'), def.indicator);
    }
  }
  checkDerivedFacts(facts, err);

  const checkFact = (path: (string | number)[], name: string, want: FactType) => {
    const t = typeOf(name);
    if (!t) return err(path, `引用了未声明的事实「${name}」`, `已声明的事实：${declaredList}`, name);
    if (t !== want) err(path, `事实「${name}」的类型是 ${t}，这里需要 ${want}`, want, t);
  };

  const checkCondition = (c: Condition, path: (string | number)[], typeOf: (name: string) => FactType | undefined = typeOfFact): void => {
    if ('all' in c) return c.all.forEach((x, i) => checkCondition(x, [...path, 'all', i], typeOf));
    if ('any' in c) return c.any.forEach((x, i) => checkCondition(x, [...path, 'any', i], typeOf));
    if ('not' in c) return checkCondition(c.not, [...path, 'not'], typeOf);
    const t = typeOf(c.fact);
    if (!t) return err([...path, 'fact'], `引用了未声明的事实「${c.fact}」`, `已声明的事实：${declaredList}`, c.fact);
    if (t === 'distribution') return err([...path, 'fact'], `分布型事实「${c.fact}」不能用在条件里`, 'number 或 boolean', t);
    const valueType = typeof c.value === 'object' ? typeOf(c.value.fact) : typeof c.value === 'boolean' ? 'boolean' : 'number';
    if (typeof c.value === 'object' && !valueType) {
      return err([...path, 'value', 'fact'], `引用了未声明的事实「${c.value.fact}」`, `已声明的事实：${declaredList}`, c.value.fact);
    }
    if (numericOps.has(c.operator) && t !== 'number') err([...path, 'operator'], `「${c.operator}」只能比较数值，事实「${c.fact}」是 ${t}`, 'number', t);
    if (valueType !== t) err([...path, 'value'], `事实「${c.fact}」是 ${t}，比较的值却是 ${valueType}`, t, c.value);
  };

  const checkClause = (c: Clause, path: (string | number)[], ind: Indicator) => {
    if (c.when) checkCondition(c.when, [...path, 'when']);
    switch (c.type) {
      case 'perUnit':
      case 'ratio':
        return checkFact([...path, 'fact'], c.fact, 'number');
      case 'tiers':
        checkFact([...path, 'fact'], c.fact, 'number');
        return c.tiers.forEach((t, i) => {
          if (isEmptyTier(t)) return err([...path, 'tiers', i], '这一档的区间是空的，永远不会成立');
          const earlier = c.tiers.slice(0, i).findIndex((e) => coversTier(e, t));
          if (earlier >= 0) err([...path, 'tiers', i], `这一档被第 ${earlier + 1} 档完全覆盖（按顺序取第一个符合的档），永远轮不到：请从高到低排列`);
        });
      case 'shortfall':
        checkFact([...path, 'fact'], c.fact, 'number');
        if ((c.below === undefined) === (c.above === undefined)) err(path, '差额扣分要给出 below（低于）或 above（高于）二者之一', 'below 或 above', { below: c.below, above: c.above });
        return;
      case 'votes': {
        checkFact([...path, 'fact'], c.fact, 'distribution');
        if (c.groups) {
          const sum = Object.values(c.groups).reduce((s, w) => s.plus(dec(w)), dec(0));
          if (!sum.eq(1)) err([...path, 'groups'], `各评议群体权重合计为 ${sum.toString()}，应为 1`, '1', sum.toNumber());
        }
        c.invalid.forEach((a, i) => {
          if (Object.hasOwn(c.coefficients, a)) err([...path, 'invalid', i], `「${a}」既有分值又被列为无效票`);
        });
        c.thresholds.forEach((t, i) => {
          if (!Object.hasOwn(c.coefficients, t.answer)) err([...path, 'thresholds', i, 'answer'], `「${t.answer}」不是有分值的答案`, Object.keys(c.coefficients).join('、'), t.answer);
        });
        return;
      }
      case 'fixed':
        if (!c.when) err([...path, 'when'], '固定加减分（fixed）必须有条件 when', '条件', undefined);
        return;
      case 'inspections':
        return;
      case 'selfReview':
        return checkSelfReview(rs, c, path, ind, err);
    }
  };

  // Ids unique; clauses and gates well-typed.
  const seen = new Map<string, string>();
  rs.parts.forEach((p, pi) => {
    if (p.max !== undefined && p.floor !== undefined && p.floor > p.max) err(['parts', pi, 'floor'], `最低分 ${p.floor} 高于满分 ${p.max}`);
    if (seen.has(p.id)) err(['parts', pi, 'id'], `编号「${p.id}」重复`, '唯一的编号', p.id);
    seen.set(p.id, 'part');
    p.indicators.forEach((ind, ii) => {
      if (seen.has(ind.id)) err(['parts', pi, 'indicators', ii, 'id'], `编号「${ind.id}」重复`, '唯一的编号', ind.id);
      seen.set(ind.id, 'indicator');
      if (ind.max !== undefined && ind.floor !== undefined && ind.floor > ind.max) err(['parts', pi, 'indicators', ii, 'floor'], `最低分 ${ind.floor} 高于最高分 ${ind.max}`);
      ind.clauses.forEach((c, ci) => checkClause(c, ['parts', pi, 'indicators', ii, 'clauses', ci], ind));
      if (ind.clauses.filter((c) => c.type === 'selfReview').length > 1) err(['parts', pi, 'indicators', ii, 'clauses'], '一个指标只能有一条自评与上级评定（selfReview）条款');
    });
  });
  rs.gates.forEach((g, gi) => checkCondition(g.when, ['gates', gi, 'when']));

  // The formula: parses, references only parts, uses every part, and its weights add up.
  let formula: Formula | null = null;
  try {
    formula = parseFormula(rs.total.formula);
  } catch (e) {
    if (!(e instanceof FormulaError)) throw e;
    err(['total', 'formula'], `公式有误：${e.message}`, '由部分编号、数字、+ - * / 、括号和 min/max 组成的公式', rs.total.formula);
  }
  if (formula) {
    const refs = formulaRefs(formula);
    const partIds = new Set(rs.parts.map((p) => p.id));
    for (const r of refs) if (!partIds.has(r)) err(['total', 'formula'], `公式引用了不存在的部分「${r}」`, `部分：${[...partIds].join('、')}`, r);
    rs.parts.forEach((p, pi) => {
      if (!refs.has(p.id)) err(['parts', pi, 'id'], `部分「${p.id}」没有出现在总分公式中`, `出现在 ${rs.total.formula} 中`, p.id);
    });
    if (dividesByPart(formula)) err(['total', 'formula'], '除数中不能出现部分的得分（得分可能为 0），只能除以常数', '如 (a + b) / 2', rs.total.formula);
    if (rs.total.max !== undefined && [...refs].every((r) => partIds.has(r))) checkWeights(rs.parts, formula, rs.total.max, err);
  }

  // Examples use declared facts of the right type and expect things that exist.
  rs.examples.forEach((ex, ei) => {
    for (const [name, value] of Object.entries(ex.facts)) {
      const t = typeOf(name);
      const vt = typeof value === 'object' ? 'distribution' : typeof value === 'boolean' ? 'boolean' : 'number';
      if (!t) err(['examples', ei, 'facts', name], `示例给出了未声明的事实「${name}」`, `已声明的事实：${declaredList}`, name);
      else if (facts[name]!.source === 'derived') err(['examples', ei, 'facts', name], `事实「${name}」由公式计算，示例不能直接给出：请给出它所用的事实，在 expect.facts 中写期望值`, '（不给出）', value);
      else if (t !== vt) err(['examples', ei, 'facts', name], `事实「${name}」是 ${t}，示例给的是 ${vt}`, t, value);
    }
    for (const [name, def] of Object.entries(facts)) {
      // A look-back left out of an example is 无数据 (as in a year whose earlier years are not finalized).
      // So is a self-score or a superior's score left out: not entered yet.
      if (!(name in ex.facts) && !(def.source === 'declared' && def.default !== undefined) && !['derived', 'history', 'assessment.self', 'assessment.review'].includes(def.source)) {
        err(['examples', ei, 'facts'], `示例缺少事实「${name}」`, name, Object.keys(ex.facts));
      }
    }
    ex.inspections.forEach((x, xi) => {
      if (!indicatorIds.has(x.indicator)) err(['examples', ei, 'inspections', xi, 'indicator'], `不存在的指标「${x.indicator}」`, [...indicatorIds].join('、'), x.indicator);
    });
    for (const id of Object.keys(ex.expect.parts ?? {})) if (seen.get(id) !== 'part') err(['examples', ei, 'expect', 'parts', id], `不存在的部分「${id}」`);
    for (const id of Object.keys(ex.expect.indicators ?? {})) if (seen.get(id) !== 'indicator') err(['examples', ei, 'expect', 'indicators', id], `不存在的指标「${id}」`);
    for (const name of Object.keys(ex.expect.facts ?? {})) {
      if (facts[name]?.source !== 'derived') err(['examples', ei, 'expect', 'facts', name], `「${name}」不是派生事实（source: derived）`, '派生事实的名称', name);
    }
  });

  if (rs.grading) checkGrading(rs, err, checkCondition, typeOf, seen);

  warnForBurden(rs, formula, warn, catalog);
  if (errors.length > 0 || !formula) return { ok: false, errors, warnings };
  return { ok: true, ruleSet: rs, formula, warnings };
}

type Err = (path: (string | number)[], message: string, expected?: string, got?: unknown) => void;
type CheckCondition = (c: Condition, path: (string | number)[], typeOf?: (name: string) => FactType | undefined) => void;

/** Grades, bands, overrides, quotas, lagging list, ranking keys and consequences refer to what exists. */
function checkGrading(rs: RuleSet, err: Err, checkCondition: CheckCondition, typeOf: (name: string) => FactType | undefined, seen: Map<string, string>) {
  const g = rs.grading!;
  const gradeIds = g.grades.map((x) => x.id);
  const list = gradeIds.join('、');
  const known = (id: string, path: (string | number)[]) => {
    if (!gradeIds.includes(id)) err(path, `未定义的等次「${id}」`, list, id);
  };
  g.grades.forEach((x, i) => {
    if (gradeIds.indexOf(x.id) !== i) err(['grading', 'grades', i, 'id'], `等次「${x.id}」重复`);
  });
  g.bands.forEach((b, i) => {
    known(b.grade, ['grading', 'bands', i, 'grade']);
    if (isEmptyTier(b)) err(['grading', 'bands', i], '这一分数段是空的');
    const earlier = g.bands.slice(0, i).findIndex((e) => coversTier(e, b));
    if (earlier >= 0) err(['grading', 'bands', i], `这一分数段被第 ${earlier + 1} 段完全覆盖（按顺序取第一个符合的段），永远轮不到`);
  });
  // Overrides may also read the organization's total and part scores.
  const partIds = new Set(rs.parts.map((p) => p.id));
  const gradingType = (name: string): FactType | undefined =>
    name === 'totalScore' || (name.startsWith('part_') && partIds.has(name.slice(5))) ? 'number' : typeOf(name);
  g.overrides.forEach((o, i) => {
    const path = ['grading', 'overrides', i];
    if (seen.has(o.id)) err([...path, 'id'], `编号「${o.id}」重复`, '唯一的编号', o.id);
    seen.set(o.id, 'override');
    checkCondition(o.when, [...path, 'when'], gradingType);
    if ((o.type === 'cap' || o.type === 'veto') && o.cap !== undefined) known(o.cap, [...path, 'cap']);
    if (o.type === 'prerequisite' || o.type === 'direct') known(o.grade, [...path, 'grade']);
  });
  g.quotas.forEach((q, i) => {
    known(q.grade, ['grading', 'quotas', i, 'grade']);
    // Hard quotas move organizations down only: too many at or above a grade go down a grade, too few at or below
    // one are filled from just above it. The other combinations could only move organizations up.
    if (q.mode === 'hard' && q.max !== undefined && q.range === 'andBelow') err(['grading', 'quotas', i, 'max'], '“及以下”的硬性上限会把组织往上调：请改用 min，或 mode: "about" 只作提示');
    if (q.mode === 'hard' && q.min !== undefined && q.range !== 'andBelow') err(['grading', 'quotas', i, 'min'], '硬性下限只能用于“及以下”（range: "andBelow"），由排名靠后的组织补足；其他情形请用 mode: "about" 只作提示');
    if (q.max !== undefined && q.min !== undefined && q.min > q.max) err(['grading', 'quotas', i, 'min'], `下限 ${q.min} 大于上限 ${q.max}`);
  });
  g.lagging?.grades.forEach((id, i) => known(id, ['grading', 'lagging', 'grades', i]));
  for (const key of Object.keys(g.consequences)) if (key !== 'lagging') known(key, ['grading', 'consequences', key]);
  g.ranking.by.forEach((k, i) => {
    if (k.startsWith('part:') && !partIds.has(k.slice(5))) err(['grading', 'ranking', 'by', i], `不存在的部分「${k.slice(5)}」`, [...partIds].join('、'), k);
  });
  rs.examples.forEach((ex, ei) => {
    if (ex.expect.grade) known(ex.expect.grade, ['examples', ei, 'expect', 'grade']);
    ex.records.forEach((r, ri) => known(r.grade, ['examples', ei, 'records', ri, 'grade']));
  });
}

/** True when some division's right side reads a part's score (which may be 0 for some organization). */
function dividesByPart(f: Formula): boolean {
  switch (f.type) {
    case 'bin':
      return (f.op === '/' && formulaRefs(f.right).size > 0) || dividesByPart(f.left) || dividesByPart(f.right);
    case 'neg':
      return dividesByPart(f.arg);
    case 'call':
      return f.args.some(dividesByPart);
    default:
      return false;
  }
}

type TierBounds = { gte?: number; gt?: number; lte?: number; lt?: number };
const lower = (t: TierBounds) => (t.gte !== undefined ? { v: t.gte, open: false } : t.gt !== undefined ? { v: t.gt, open: true } : { v: -Infinity, open: true });
const upper = (t: TierBounds) => (t.lte !== undefined ? { v: t.lte, open: false } : t.lt !== undefined ? { v: t.lt, open: true } : { v: Infinity, open: true });

function isEmptyTier(t: TierBounds): boolean {
  const lo = lower(t);
  const hi = upper(t);
  return lo.v > hi.v || (lo.v === hi.v && (lo.open || hi.open));
}

/** True when every value in tier b also falls in tier a. */
function coversTier(a: TierBounds, b: TierBounds): boolean {
  const [al, au, bl, bu] = [lower(a), upper(a), lower(b), upper(b)];
  const lowOk = al.v < bl.v || (al.v === bl.v && (!al.open || bl.open));
  const highOk = au.v > bu.v || (au.v === bu.v && (!au.open || bu.open));
  return lowOk && highOk;
}

/** The nominal full score of a part: its max, or the sum of its indicators' maxima. */
export function partMax(p: Part): Dec | null {
  if (p.max !== undefined) return dec(p.max);
  if (p.indicators.every((i) => i.max !== undefined)) return p.indicators.reduce((s, i) => s.plus(dec(i.max!)), dec(p.base));
  return null;
}

/** With every scoring part at its full score and bonuses and deductions at zero, the formula must give total.max. */
function checkWeights(parts: Part[], formula: Formula, max: number, err: (path: (string | number)[], m: string, e?: string, f?: unknown) => void) {
  const env: Record<string, Dec> = {};
  for (const [pi, p] of parts.entries()) {
    if (p.kind !== 'score') {
      env[p.id] = dec(0);
      continue;
    }
    const m = partMax(p);
    if (m === null) return err(['parts', pi, 'max'], `部分「${p.title}」没有满分，无法核对权重：请给出 max`, '数值', undefined);
    env[p.id] = m;
  }
  try {
    const full = evaluateFormula(formula, env);
    if (!full.eq(dec(max))) {
      err(['total', 'formula'], `各部分都得满分时，公式得出 ${full.toString()} 分，与总分满分 ${max} 分不符：权重合计不对`, String(max), full.toNumber());
    }
  } catch (e) {
    if (e instanceof FormulaError) err(['total', 'formula'], e.message);
    else throw e;
  }
}

/**
 * A self-score or superior's score names an indicator that has a selfReview clause reading it: the API takes
 * scores only for such indicators, within that clause's maximum.
 */
function checkAssessmentFact(rs: RuleSet, name: string, def: Extract<FactDef, { source: 'assessment.self' | 'assessment.review' }>, err: Err) {
  const ind = rs.parts.flatMap((p) => p.indicators).find((i) => i.id === def.indicator);
  const ids = rs.parts.flatMap((p) => p.indicators.map((i) => i.id));
  if (!ind) return err(['facts', name, 'indicator'], `引用了不存在的指标「${def.indicator}」`, ids.join('、'), def.indicator);
  const key = def.source === 'assessment.self' ? 'self' : 'review';
  if (!ind.clauses.some((c) => c.type === 'selfReview' && c[key] === name)) {
    err(['facts', name, 'indicator'], `指标「${ind.id}」（${ind.title}）没有读取这一事实的自评与上级评定（selfReview）条款`, `该指标的 selfReview 条款中 ${key}: "${name}"`, def.indicator);
  }
}

/** selfReview reads the self-score and the superior's score of its own indicator, with weights that add up to 1. */
function checkSelfReview(rs: RuleSet, c: Extract<Clause, { type: 'selfReview' }>, path: (string | number)[], ind: Indicator, err: Err) {
  const want = { self: 'assessment.self', review: 'assessment.review' } as const;
  for (const key of ['self', 'review'] as const) {
    const def = Object.hasOwn(rs.facts, c[key]) ? rs.facts[c[key]] : undefined;
    if (!def) err([...path, key], `引用了未声明的事实「${c[key]}」`, `source 为 ${want[key]} 的事实`, c[key]);
    else if (def.source !== want[key]) err([...path, key], `事实「${c[key]}」的来源是 ${def.source}，这里需要 ${want[key]}`, want[key], def.source);
    else if (def.indicator !== ind.id) err([...path, key], `事实「${c[key]}」是指标「${def.indicator}」的分数，不是本指标「${ind.id}」的`, ind.id, def.indicator);
  }
  const sum = dec(c.weights.self).plus(dec(c.weights.review));
  if (!sum.eq(1)) err([...path, 'weights'], `自评与上级评定的权重合计为 ${sum.toString()}，应为 1`, '1', sum.toNumber());
  if (ind.max !== undefined && c.max > ind.max) err([...path, 'max'], `自评与上级评定的满分 ${c.max} 高于本指标最高分 ${ind.max}`, `不超过 ${ind.max}`, c.max);
}

/** Facts used anywhere in a clause (its own fact, its condition, a fact compared against). */
export function clauseFacts(c: Clause): string[] {
  const out: string[] = 'fact' in c ? [c.fact] : c.type === 'selfReview' ? [c.self, c.review] : [];
  const walk = (x: Condition): void => {
    if ('all' in x) x.all.forEach(walk);
    else if ('any' in x) x.any.forEach(walk);
    else if ('not' in x) walk(x.not);
    else {
      out.push(x.fact);
      if (typeof x.value === 'object') out.push(x.value.fact);
    }
  };
  if (c.when) walk(c.when);
  return out;
}

/**
 * 减负: warn (never fail) when points go to log-ins, check-ins (打卡) or time online, or when indicators
 * that measure only traces carry more than `traceShareLimit` of the full score.
 */
function warnForBurden(rs: RuleSet, formula: Formula | null, warn: (path: (string | number)[], m: string) => void, catalog: Catalog) {
  const measure = (name: string) => (rs.facts[name] ? factMeasure(rs.facts[name] as FactDef, rs.facts, new Set(), catalog) : 'outcome');
  for (const [name, def] of Object.entries(rs.facts)) {
    const m = factMeasure(def, {}, new Set(), catalog);
    if (m === 'login' || m === 'checkin' || m === 'online' || suspicious.test(def.label) || suspicious.test(name)) {
      warn(['facts', name], `事实「${def.label}」看起来衡量的是登录、打卡签到或在线时长：按中央关于整治“指尖上的形式主义”的要求，不应据此计分`);
    }
  }
  if (!formula || rs.total.max === undefined) return;
  let traceOnly = dec(0);
  const counted: string[] = [];
  rs.parts.forEach((p) => {
    if (p.kind !== 'score') return;
    const pm = partMax(p);
    if (!pm || pm.isZero()) return;
    const weight = partWeight(rs.parts, formula, p.id, pm);
    for (const ind of p.indicators) {
      const used = ind.clauses.flatMap(clauseFacts);
      if (used.length > 0 && used.every((f) => measure(f) === 'trace') && ind.max !== undefined) {
        const points = dec(ind.max).times(weight);
        traceOnly = traceOnly.plus(points);
        counted.push(`「${ind.title}」${points.toDecimalPlaces(2).toString()} 分（${[...new Set(used)].map((f) => rs.facts[f]?.label ?? f).join('、')}）`);
      }
    }
  });
  const share = traceOnly.div(dec(rs.total.max));
  if (share.gt(dec(rs.traceShareLimit))) {
    warn(
      ['traceShareLimit'],
      `只衡量“留痕”（台账条数、会议次数等）的指标占总分 ${share.times(100).toDecimalPlaces(1).toString()}%，超过设定的 ${dec(rs.traceShareLimit).times(100).toString()}%：宜多考核服务成效和群众评价。` +
        `计入的指标：${counted.join('；')}。衡量成效的事实可写明 "measure": "outcome"（登录、打卡、在线时长不在此列）`,
    );
  }
}

/** How much one point of a part moves the total (for linear formulas). */
function partWeight(parts: Part[], formula: Formula, id: string, pm: Dec): Dec {
  const zero = Object.fromEntries(parts.map((p) => [p.id, dec(0)]));
  try {
    return evaluateFormula(formula, { ...zero, [id]: pm }).minus(evaluateFormula(formula, zero)).div(pm);
  } catch {
    return dec(1);
  }
}

/** A look-back names what it counts: grades for `grade` (of this rule set's grading), record types for `records`. */
function checkHistoryFact(rs: RuleSet, name: string, def: Extract<FactDef, { source: 'history' }>, err: Err): void {
  const at = ['facts', name];
  if (def.of === 'grade') {
    if (!def.grades) err([...at, 'grades'], '按等次回看（of: "grade"）须给出计入的等次 grades');
    const ids = rs.grading?.grades.map((g) => g.id);
    def.grades?.forEach((g, i) => {
      if (ids && !ids.includes(g)) err([...at, 'grades', i], `未定义的等次「${g}」`, ids.join('、'), g);
    });
  } else if (def.grades) err([...at, 'grades'], '只有 of 为 "grade" 时才用 grades');
  if (def.of === 'records' && !def.types) err([...at, 'types'], '按组织记录回看（of: "records"）须给出记录类型 types');
  if (def.of !== 'records' && (def.types || def.minLevel || def.includeCurrent)) err([...at, 'of'], '只有 of 为 "records" 时才用 types、minLevel 和 includeCurrent');
}
