import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { runCommand, type CliIo } from '../../src/entry/cli-program';
import { compileRuleSet } from '../../src/rules/compile';
import { evaluateFormula, FormulaError, parseFormula } from '../../src/rules/formula';
import type { RuleSetInput } from '../../src/rules/rule-set.schema';
import { validateRuleSet } from '../../src/rules/validate';
import { dec } from '../../src/scoring/decimal';
import { attachSpan } from '../../src/scoring/fact-catalog';
import { scoreFacts } from '../../src/scoring/run';

/**
 * Rule sets, second edition: derived facts (a formula over other facts) and the longest gap between activities.
 * The SQL of the longest gap and both mechanics through the database are in test/integration/rule-mechanics.test.ts;
 * the worked examples are test/fixtures/rules/derived-facts.json and longest-gap.json.
 */

const base = (): RuleSetInput & { facts: Record<string, any>; examples: any[] } => ({
  id: 'derived',
  title: '派生事实',
  version: '1',
  categories: ['grid'],
  facts: {
    hours: { source: 'ledger.hours', label: '志愿服务时长', kinds: ['volunteer'] },
    members: { source: 'org.memberCount', label: '党员人数' },
    flowing: { source: 'declared', label: '流动党员人数', key: 'flowing', type: 'number', default: 0 },
    sat: { source: 'declared', label: '满意度', key: 'sat', type: 'distribution' },
    honoured: { source: 'declared', label: '获表彰', key: 'honoured', type: 'boolean', default: false },
    perMember: { source: 'derived', label: '人均志愿服务时长', formula: 'hours / (members - flowing)', unit: '小时' },
  },
  parts: [{ id: 'p', title: '服务', indicators: [{ id: 'i', title: '人均时长', clauses: [{ type: 'perUnit', fact: 'perMember', points: 2 }] }] }],
  total: { formula: 'p' },
  examples: [],
});

function errorsOf(mutate: (r: ReturnType<typeof base>) => void) {
  const r = base();
  mutate(r);
  const out = validateRuleSet(r, 'derived.json');
  return out.ok ? [] : out.errors.map((e) => `${e.path} ${e.message}`);
}

describe('derived facts are validated with the JSON path of the problem', () => {
  it('accepts a formula over declared numeric facts', () => {
    expect(errorsOf(() => {})).toEqual([]);
  });

  it.each([
    ['an undeclared fact', (r: any) => (r.facts.perMember.formula = 'hours / member'), '$.facts.perMember.formula 公式引用了未声明的事实「member」'],
    ['a distribution', (r: any) => (r.facts.perMember.formula = 'hours / sat'), '$.facts.perMember.formula 公式引用的事实「sat」是 distribution，只能引用数值型事实'],
    ['a boolean', (r: any) => (r.facts.perMember.formula = 'hours * honoured'), '$.facts.perMember.formula 公式引用的事实「honoured」是 boolean，只能引用数值型事实'],
    ['a formula that does not parse', (r: any) => (r.facts.perMember.formula = 'hours / / members'), '$.facts.perMember.formula 公式有误：第 9 个字符处不应出现「/」'],
    ['a formula of constants only', (r: any) => (r.facts.perMember.formula = '2 * 3'), '$.facts.perMember.formula 派生事实的公式没有引用任何事实'],
    ['a fact reading itself', (r: any) => (r.facts.perMember.formula = 'perMember + 1'), '$.facts.perMember.formula 派生事实循环引用：perMember → perMember'],
  ])('refuses %s', (_, mutate, message) => {
    expect(errorsOf(mutate)).toEqual([message]);
  });

  it('reports a cycle through several derived facts once, with its path', () => {
    const errors = errorsOf((r) => {
      r.facts.a = { source: 'derived', label: 'A', formula: 'b + hours' };
      r.facts.b = { source: 'derived', label: 'B', formula: 'c * 2' };
      r.facts.c = { source: 'derived', label: 'C', formula: 'a - members' };
    });
    expect(errors).toEqual(['$.facts.a.formula 派生事实循环引用：a → b → c → a']);
  });

  it('wants examples to give the inputs, not the derived value, and expect.facts to name derived facts', () => {
    const errors = errorsOf((r) => {
      r.examples = [{ name: '给出派生值', facts: { hours: 10, members: 5, sat: {}, perMember: 2 }, expect: { facts: { hours: 10 } } }];
    });
    expect(errors).toEqual([
      '$.examples[0].facts.perMember 事实「perMember」由公式计算，示例不能直接给出：请给出它所用的事实，在 expect.facts 中写期望值',
      '$.examples[0].expect.facts.hours 「hours」不是派生事实（source: derived）',
    ]);
  });

  it('counts a derived fact as a trace only when every input is one (减负 share)', () => {
    const share = (formula: string) => {
      const r: any = base();
      r.facts.themeDays = { source: 'ledger.count', label: '主题党日', kinds: ['theme_day'] };
      r.facts.perMember.formula = formula;
      r.parts[0].max = 10;
      r.parts[0].indicators[0].max = 10;
      r.total.max = 10;
      return validateRuleSet(r, 'derived.json').warnings.map((w) => w.message).find((m) => m.includes('留痕'));
    };
    // hours (volunteering: an outcome) per member (a trace): an outcome, no warning
    expect(share('hours / members')).toBeUndefined();
    // theme days (a trace) per member (a trace): a trace, 10 of 10 points = 100%
    expect(share('themeDays / members')).toContain('占总分 100%');
  });
});

describe('derived facts are computed after the base facts, in dependency order', () => {
  const compile = (mutate: (r: ReturnType<typeof base>) => void = () => {}) => {
    const r = base();
    mutate(r);
    return compileRuleSet(JSON.stringify(r), 'derived.json');
  };
  const lines = (r: Awaited<ReturnType<typeof scoreFacts>>) => r.parts[0]!.indicators[0]!.lines.map((l) => l.text);

  it('divides with decimals, explains the value with its inputs and links the inputs', async () => {
    const c = await compile();
    // 50 ÷ (22 − 2) = 2.5 hours; 2.5 × 2 = 5 points
    const r = await scoreFacts(c, { hours: 50, members: 22, flowing: 2, sat: {} });
    expect(r.total).toBe('5.00');
    expect(lines(r)).toEqual(['人均志愿服务时长 2.5 小时（志愿服务时长 50 小时 ÷ (党员人数 22 人 − 流动党员人数 2)），每小时 2 分，2.5 × 2 = 5 分']);
    expect(r.parts[0]!.indicators[0]!.lines[0]!.facts).toEqual({ perMember: 2.5, hours: 50, members: 22, flowing: 2 });
  });

  it('rounds half-up to 0.01 and says so: 0.1 + 0.2 stays 0.3 and 10 ÷ 3 is 3.33', async () => {
    const c = await compile();
    // 10 ÷ 3 = 3.333… → 3.33; 3.33 × 2 = 6.66
    const r = await scoreFacts(c, { hours: 10, members: 3, sat: {} });
    expect(r.total).toBe('6.66');
    expect(lines(r)[0]).toBe('人均志愿服务时长 3.33 小时（志愿服务时长 10 小时 ÷ (党员人数 3 人 − 流动党员人数 0)，四舍五入到 0.01），每小时 2 分，3.33 × 2 = 6.66 分');
    const sum = await compile((x) => (x.facts.perMember.formula = '(hours + members) / 10'));
    // (0.1 + 0.2) ÷ 10 = 0.03 exactly (no binary floating point): 0.03 × 2 = 0.06
    expect((await scoreFacts(sum, { hours: 0.1, members: 0.2, sat: {} })).total).toBe('0.06');
  });

  it('a divisor of 0 leaves the fact missing: no points, not assessed, and the reason says what was 0', async () => {
    const c = await compile();
    const r = await scoreFacts(c, { hours: 50, members: 2, flowing: 2, sat: {} });
    expect(r.assessed).toBe(false);
    expect(r.reasons).toEqual(['缺少数据：人均志愿服务时长（「党员人数 − 流动党员人数」为 0，不能相除）']);
    expect(lines(r)).toEqual(['人均志愿服务时长：无数据（「党员人数 − 流动党员人数」为 0，不能相除），不计分']);
  });

  it('a missing input leaves it missing too; a comparison on it is false', async () => {
    const c = await compile((r) => {
      r.facts.declaredHours = { source: 'declared', label: '申报时长', key: 'hours', type: 'number' };
      r.facts.perMember.formula = 'declaredHours / members';
      r.parts[0]!.indicators[0]!.clauses.push({ type: 'fixed', label: '人均不足 1 小时', points: -3, when: { fact: 'perMember', operator: 'lessThan', value: 1 } });
    });
    const r = await scoreFacts(c, { hours: 50, members: 20, sat: {} });
    // in the order the file declares them (申报时长 was added after)
    expect(r.reasons).toEqual(['缺少数据：人均志愿服务时长（申报时长无数据）', '缺少数据：申报时长']);
    expect(lines(r)).toEqual(['人均志愿服务时长：无数据（申报时长无数据），不计分', '人均不足 1 小时：人均志愿服务时长无数据（申报时长无数据），条件不成立，不计分']);
  });

  it('ifNone gives a value for a divisor of 0, and says so', async () => {
    const c = await compile((r) => (r.facts.perMember.ifNone = 0));
    const r = await scoreFacts(c, { hours: 50, members: 0, sat: {} });
    expect(r.assessed).toBe(true);
    expect(lines(r)).toEqual(['人均志愿服务时长 0 小时（「党员人数 − 流动党员人数」为 0，按 0 计），每小时 2 分，0 × 2 = 0 分']);
  });

  it('computes derived facts that read derived facts, whatever order the file declares them in', async () => {
    const c = await compile((r) => {
      r.facts = { share: { source: 'derived', label: '人均时长达标率', formula: 'perMember / 4 * 100', unit: '%' }, ...r.facts };
      r.parts[0]!.indicators[0]!.clauses = [{ type: 'tiers', fact: 'share', tiers: [{ gte: 100, points: 10 }, { gte: 50, points: 5 }] }];
    });
    expect(Object.keys(c.ruleSet.facts)[0]).toBe('share');
    expect(c.derived.map((d) => d.name)).toEqual(['perMember', 'share']);
    // 30 ÷ 10 = 3 hours; 3 ÷ 4 × 100 = 75% → the 50% tier, 5 points
    const r = await scoreFacts(c, { hours: 30, members: 10, sat: {} });
    expect(r.total).toBe('5.00');
    expect(lines(r)[0]).toBe('人均时长达标率 75%（人均志愿服务时长 3 小时 ÷ 4 × 100），在「50%及以上」一档，得 5 分');
  });

  it('leaves the total formula as it was: dividing by 0 there is still the same FormulaError', () => {
    const divide = () => evaluateFormula(parseFormula('a / (b - 1)'), { a: dec(1), b: dec(1) });
    expect(divide).toThrowError(FormulaError);
    expect(divide).toThrowError('公式中出现除以 0');
  });
});

describe('the longest gap explains its value with the days it covers', () => {
  it('prints the span the database found beside the number; examples (no span) print the number only', async () => {
    const c = await compileRuleSet(readFileSync('test/fixtures/rules/longest-gap.json', 'utf8'), 'longest-gap.json');
    const raw = { gapDays: 202, gapMonths: 5 };
    attachSpan(raw, 'gapDays', { from: '2033-03-02', to: '2033-09-19' });
    attachSpan(raw, 'gapMonths', { from: '2033-04', to: '2033-08' });
    expect(Object.keys(raw)).toEqual(['gapDays', 'gapMonths']);
    const r = await scoreFacts(c, raw);
    // (5 − 2) × 2 = 6 off; 202 ≥ 183: 5 off; 20 − 6 − 5 = 9
    expect(r.total).toBe('9.00');
    expect(r.parts[0]!.indicators[0]!.lines.map((l) => l.text)).toEqual([
      '基础分 20 分',
      '连续未开展组织生活超过 2 个月 5 个月（2033-04 至 2033-08），高于 2 个月 共 3 个月，每个月扣 2 分，扣 6 分',
      '半年以上未开展主题党日：最长连续未开展主题党日 202 天（2033-03-02 至 2033-09-19），不少于 183 天，扣 5 分',
    ]);
    const plain = await scoreFacts(c, { gapDays: 202, gapMonths: 5 });
    expect(plain.parts[0]!.indicators[0]!.lines[2]!.text).toBe('半年以上未开展主题党日：最长连续未开展主题党日 202 天，不少于 183 天，扣 5 分');
  });
});

describe('the worked example files', () => {
  const files = ['derived-facts.json', 'longest-gap.json'];

  it('pass `rules test`, every example worked by hand in its name', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), progress: () => {} };
    const code = await runCommand(['rules', 'test', ...files], () => Promise.reject(new Error('no database needed')), io, `${process.cwd()}/test/fixtures/rules`);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    // 3 examples of derived facts, 4 of the longest gap
    expect(out.filter((l) => l.startsWith('通过：'))).toHaveLength(7);
  });

  it('are valid against the generated JSON Schema', () => {
    const check = new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(readFileSync('rules/rule-set.schema.json', 'utf8')));
    for (const f of files) expect(check(JSON.parse(readFileSync(`test/fixtures/rules/${f}`, 'utf8'))), f).toBe(true);
  });
});
