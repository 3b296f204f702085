import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../../src/rules/compile';
import type { RuleSetInput } from '../../src/rules/rule-set.schema';
import { scoreFacts } from '../../src/scoring/run';

/**
 * One table-driven test per mechanic of DOMAIN.md that the scoring core handles. Every expected number is
 * worked out by hand from the rule, with the arithmetic in the comment next to it.
 */

type Parts = RuleSetInput['parts'];

async function score(facts: Record<string, unknown>, def: Partial<RuleSetInput> & { parts: Parts }, inspections: { indicator: string; points: string; reason: string }[] = []) {
  const ruleSet: RuleSetInput = {
    id: 'test',
    title: '测试细则',
    version: '1',
    categories: ['community'],
    facts: {},
    total: { formula: def.parts.map((p) => p.id).join(' + ') },
    ...def,
  };
  const compiled = await compileRuleSet(JSON.stringify(ruleSet), 'test.json');
  return scoreFacts(
    compiled,
    facts as never,
    inspections.map((x, i) => ({ id: i, inspectedOn: '2025-05-01', ...x })),
  );
}

const num = (label: string, key: string) => ({ source: 'declared' as const, label, key, type: 'number' as const });
const dist = (label: string, key: string) => ({ source: 'declared' as const, label, key, type: 'distribution' as const });
const indicatorPoints = (r: Awaited<ReturnType<typeof score>>, id: string) => r.parts.flatMap((p) => p.indicators).find((i) => i.id === id)!.points;

describe('1. base score with additions and deductions, floor and cap', () => {
  const parts: Parts = [
    {
      id: 'daily',
      title: '日常考核',
      indicators: [
        {
          id: 'discipline',
          title: '组织纪律',
          base: 10,
          max: 10,
          clauses: [
            { type: 'perUnit', fact: 'misses', points: -2, label: '缺席组织生活' },
            { type: 'perUnit', fact: 'praises', points: 1, label: '受到表扬' },
          ],
        },
      ],
    },
  ];
  const facts = { misses: num('缺席次数', 'm'), praises: num('表扬次数', 'p') };
  it.each([
    // 10 − 2×2 + 1×1 = 7
    [{ misses: 2, praises: 1 }, '7.00'],
    // 10 − 2×7 = −4 → 扣完为止, 0
    [{ misses: 7, praises: 0 }, '0.00'],
    // 10 + 3 = 13 → capped at the indicator's max 10
    [{ misses: 0, praises: 3 }, '10.00'],
  ])('%o → %s', async (f, want) => {
    const r = await score(f, { facts, parts });
    expect(indicatorPoints(r, 'discipline')).toBe(want);
    expect(r.total).toBe(want);
  });

  it('says why in Chinese, line by line, with the floor applied', async () => {
    const r = await score({ misses: 7, praises: 0 }, { facts, parts });
    const ind = r.parts[0]!.indicators[0]!;
    expect(ind.lines.map((l) => l.text)).toEqual([
      '基础分 10 分',
      '缺席组织生活 7，每个扣 2 分，共扣 14 分',
      '受到表扬 0，每个 1 分，0 × 1 = 0 分',
    ]);
    expect(ind.note).toBe('合计 -4 分，扣完为止，计 0 分');
  });
});

describe('2. points per occurrence with a cap', () => {
  it('counts 11 theme days at 5 points but caps the clause at 50', async () => {
    const r = await score(
      { themeDays: 11 },
      {
        facts: { themeDays: { source: 'ledger.count', label: '主题党日', kinds: ['theme_day'] } },
        parts: [{ id: 'daily', title: '日常', indicators: [{ id: 'theme', title: '主题党日', clauses: [{ type: 'perUnit', fact: 'themeDays', points: 5, cap: 50 }] }] }],
      },
    );
    // 11 × 5 = 55 > 50 → 50
    expect(r.total).toBe('50.00');
    expect(r.parts[0]!.indicators[0]!.lines[0]!.text).toBe('主题党日 11 次，每次 5 分，11 × 5 = 55 分，超过上限，计 50 分');
  });
});

describe('3. deductions per unit of shortfall', () => {
  const parts = (clause: object): Parts => [{ id: 'team', title: '班子建设', indicators: [{ id: 'i', title: '班子', base: 100, clauses: [clause as never] }] }];
  it.each([
    // −1 per percentage point below 55%: 52.5% is 2.5 points short → −2.5 → 97.5
    [{ type: 'shortfall', fact: 'edu', below: 55, points: -1 }, { edu: 52.5 }, '97.50'],
    // the same, counting only whole points: ⌊2.5⌋ = 2 → −2 → 98
    [{ type: 'shortfall', fact: 'edu', below: 55, points: -1, round: 'down' }, { edu: 52.5 }, '98.00'],
    // −3 per year over an average age of 48: 50.4 is 2.4 years over, every started year counts: ⌈2.4⌉ = 3 → −9 → 91
    [{ type: 'shortfall', fact: 'age', above: 48, points: -3, round: 'up' }, { age: 50.4 }, '91.00'],
    // not below the line: nothing deducted
    [{ type: 'shortfall', fact: 'edu', below: 55, points: -1 }, { edu: 60 }, '100.00'],
    // −5 per quarter without a joint activity: 2 quarters missing → −10 → 90
    [{ type: 'perUnit', fact: 'missingQuarters', points: -5 }, { missingQuarters: 2 }, '90.00'],
  ])('%o with %o → %s', async (clause, f, want) => {
    const facts = { edu: num('高中以上学历占比', 'edu'), age: num('班子平均年龄', 'age'), missingQuarters: num('无联合活动的季度', 'q') };
    const all = { edu: 60, age: 40, missingQuarters: 0, ...f };
    expect((await score(all, { facts, parts: parts(clause) })).total).toBe(want);
  });
});

describe('4. tiers, ratios against a target, conditions over several facts', () => {
  const tiers = {
    type: 'tiers',
    fact: 'meetings',
    tiers: [
      { gte: 12, points: 10 },
      { gte: 8, lt: 12, points: 6 },
      { gte: 1, lt: 8, points: 2 },
    ],
  };
  const facts = { meetings: num('支委会', 'm'), rate: num('报到率', 'r'), absent: num('缺席', 'a'), late: num('迟报', 'l') };
  const base = { meetings: 0, rate: 0, absent: 0, late: 0 };
  const parts = (clause: object): Parts => [{ id: 'p', title: '部分', indicators: [{ id: 'i', title: '指标', clauses: [clause as never] }] }];
  // No base score, so deductions are not floored (扣完为止 applies to items with a base).
  it.each([
    [tiers, { meetings: 12 }, '10.00'], // ≥ 12 → full 10
    [tiers, { meetings: 11 }, '6.00'], // 8–11 → 6
    [tiers, { meetings: 8 }, '6.00'], // 8 is inside 8–11 (inclusive lower edge)
    [tiers, { meetings: 0 }, '0.00'], // no tier → otherwise 0
    // ratio: 86.5% of a 100% target × 10 points = 8.65
    [{ type: 'ratio', fact: 'rate', target: 100, points: 10 }, { rate: 86.5 }, '8.65'],
    // over the target is capped at 100%: 10
    [{ type: 'ratio', fact: 'rate', target: 90, points: 10 }, { rate: 95 }, '10.00'],
    // 7 of a target of 12 × 16.5 points = 115.5 / 12 = 9.625 exactly → 9.63 (half-up)
    [{ type: 'ratio', fact: 'rate', target: 12, points: 16.5 }, { rate: 7 }, '9.63'],
    // 5 of 24 × 3 = 15 / 24 = 0.625 → 0.63
    [{ type: 'ratio', fact: 'rate', target: 24, points: 3 }, { rate: 5 }, '0.63'],
    // all: absent ≥ 1 and late ≥ 2 → −5
    [{ type: 'fixed', points: -5, when: { all: [{ fact: 'absent', operator: 'greaterThanInclusive', value: 1 }, { fact: 'late', operator: 'greaterThanInclusive', value: 2 }] } }, { absent: 1, late: 2 }, '-5.00'],
    // the same with only one of them true: nothing
    [{ type: 'fixed', points: -5, when: { all: [{ fact: 'absent', operator: 'greaterThanInclusive', value: 1 }, { fact: 'late', operator: 'greaterThanInclusive', value: 2 }] } }, { absent: 1, late: 0 }, '0.00'],
    // any + not: (absent ≥ 3 or not rate ≥ 60) with rate 50 → +(−3)
    [{ type: 'fixed', points: -3, when: { any: [{ fact: 'absent', operator: 'greaterThanInclusive', value: 3 }, { not: { fact: 'rate', operator: 'greaterThanInclusive', value: 60 } }] } }, { rate: 50 }, '-3.00'],
    // comparing two facts: late > absent → +2
    [{ type: 'fixed', points: 2, when: { fact: 'late', operator: 'greaterThan', value: { fact: 'absent' } } }, { late: 3, absent: 1 }, '2.00'],
  ])('%o with %o → %s', async (clause, f, want) => {
    const r = await score({ ...base, ...f }, { facts, parts: parts(clause), total: { formula: 'p', floor: -100 } });
    expect(r.total).toBe(want);
  });
});

describe('5. weighted combinations of parts', () => {
  const part = (id: string, title: string, fact: string, kind: 'score' | 'bonus' | 'deduction' = 'score', max?: number) => ({
    id,
    title,
    kind,
    max,
    indicators: [{ id: `${id}_i`, title, clauses: [{ type: 'perUnit' as const, fact, points: 1 }] }],
  });
  const facts = { a: num('a', 'a'), b: num('b', 'b'), c: num('c', 'c'), d: num('d', 'd') };
  it.each([
    // (base − deductions) × 70% + public × 30%: (100 − 12) × 0.7 + 90 × 0.3 = 61.6 + 27 = 88.6
    ['(base - deduction) * 70% + public * 30%', [part('base', '基础', 'a', 'score', 100), part('deduction', '扣分', 'b', 'deduction'), part('public', '群众评议', 'c', 'score', 100)], { a: 100, b: 12, c: 90, d: 0 }, '88.60'],
    // daily 50% + annual 50% + bonus − deductions: 80×0.5 + 90×0.5 + 3 − 2 = 86
    ['daily * 0.5 + annual * 0.5 + bonus - deduction', [part('daily', '日常', 'a', 'score', 100), part('annual', '年度', 'b', 'score', 100), part('bonus', '加分', 'c', 'bonus'), part('deduction', '扣分', 'd', 'deduction')], { a: 80, b: 90, c: 3, d: 2 }, '86.00'],
    // self 40% + superior 60%: 95 × 0.4 + 85 × 0.6 = 38 + 51 = 89
    ['self * 40% + superior * 60%', [part('self', '自评', 'a', 'score', 100), part('superior', '上级评价', 'b', 'score', 100)], { a: 95, b: 85, c: 0, d: 0 }, '89.00'],
    // thirds: 100/3 each gives 33.33… × 3 — exact decimals: (70 + 80 + 90) / 3 = 80
    ['(x + y + z) / 3', [part('x', 'x', 'a', 'score', 100), part('y', 'y', 'b', 'score', 100), part('z', 'z', 'c', 'score', 100)], { a: 70, b: 80, c: 90, d: 0 }, '80.00'],
  ])('%s', async (formula, parts, f, want) => {
    const r = await score(f, { facts, parts: parts as Parts, total: { formula, max: 100 } });
    expect(r.total).toBe(want);
  });

  it('rounds half-up to 0.01 exactly, without float drift', async () => {
    // 0.1 + 0.2 = 0.3 exactly; (33.335 → 33.34 half-up), where a float would give 33.33
    const r = await score({ a: 0.1, b: 0.2, c: 33.335, d: 0 }, { facts, parts: [part('x', 'x', 'a'), part('y', 'y', 'b')] as Parts });
    expect(r.total).toBe('0.30');
    const h = await score({ a: 33.335, b: 0, c: 0, d: 0 }, { facts, parts: [part('x', 'x', 'a'), part('y', 'y', 'b')] as Parts });
    expect(h.total).toBe('33.34');
  });
});

describe('6. votes to points', () => {
  const facts = { sat: dist('群众满意度', 'sat') };
  const votes = (extra: object) => [{ id: 'public', title: '群众评议', whenInvalid: 'notAssessed' as const, indicators: [{ id: 'sat', title: '满意度', clauses: [{ type: 'votes', fact: 'sat', coefficients: { 很满意: 100, 满意: 80, 基本满意: 60, 不太满意: 30, 不满意: 0 }, invalid: ['不了解'], ...extra } as never] }] }];

  it('weights answers by coefficient and leaves out "不了解"', async () => {
    // 10×100 + 20×80 + 5×60 + 3×30 + 2×0 = 1000 + 1600 + 300 + 90 + 0 = 2990 over 40 valid votes = 74.75; the 7 不了解 do not count
    const r = await score({ sat: { 居民: { 很满意: 10, 满意: 20, 基本满意: 5, 不太满意: 3, 不满意: 2, 不了解: 7 } } }, { facts, parts: votes({}) });
    expect(r.total).toBe('74.75');
    expect(r.parts[0]!.indicators[0]!.lines[0]!.text).toContain('有效票 40 张（不了解 7 张不计）');
  });

  it('trims the top and bottom 5% of ballots', async () => {
    // 40 valid ballots, k = ⌊40 × 0.05⌋ = 2 dropped at each end: the two 0s (不满意) and two of the 100s.
    // Remaining 36: 8×100 + 20×80 + 5×60 + 3×30 = 800 + 1600 + 300 + 90 = 2790 / 36 = 77.5
    const r = await score({ sat: { 居民: { 很满意: 10, 满意: 20, 基本满意: 5, 不太满意: 3, 不满意: 2 } } }, { facts, parts: votes({ trim: 0.05 }) });
    expect(r.total).toBe('77.50');
  });

  it('weights rater groups and scales to the part', async () => {
    // 居民: (30×100 + 10×60) / 40 = 3600/40 = 90; 党员: (5×80 + 5×30) / 10 = 550/10 = 55
    // 90 × 0.6 + 55 × 0.4 = 54 + 22 = 76; × 0.2 (a 20-point part) = 15.2
    const r = await score({ sat: { 居民: { 很满意: 30, 基本满意: 10 }, 党员: { 满意: 5, 不太满意: 5 } } }, { facts, parts: votes({ groups: { 居民: 0.6, 党员: 0.4 }, scale: 0.2 }) });
    expect(r.total).toBe('15.20');
  });

  it('rounds an exact x.xx5 up, dividing once at the end', async () => {
    // 居民 (满意10, 基本满意6, 不满意2): (10×80 + 6×60 + 2×0) / 18 = 1160 / 18 = 64.444…
    // 党员 (很满意4, 基本满意1, 不太满意1, 不满意2): (400 + 60 + 30 + 0) / 8 = 490 / 8 = 61.25
    // (1160/18 × 0.6 + 61.25 × 0.4) × 0.15 = (38.666… + 24.5) × 0.15 = 63.1666… × 0.15 = 9.475 exactly → 9.48
    const r = await score(
      { sat: { 居民: { 满意: 10, 基本满意: 6, 不满意: 2 }, 党员: { 很满意: 4, 基本满意: 1, 不太满意: 1, 不满意: 2 } } },
      { facts, parts: votes({ groups: { 居民: 0.6, 党员: 0.4 }, scale: 0.15 }) },
    );
    expect(r.total).toBe('9.48');
  });

  it('marks the organization not assessed below the minimum sample', async () => {
    const r = await score({ sat: { 居民: { 很满意: 3, 不了解: 40 } } }, { facts, parts: votes({ minSample: 30 }) });
    expect(r.assessed).toBe(false);
    expect(r.reasons[0]).toBe('群众评议无效：有效票 3 张，少于最低样本 30 张');
    expect(r.parts[0]!.valid).toBe(false);
  });

  it('deducts when the share of "好" is below 95%, on the 好20/较好15/一般10/差0 scale', async () => {
    // 好 90, 较好 8, 一般 2: mean = (90×20 + 8×15 + 2×10) / 100 = (1800 + 120 + 20)/100 = 19.4; 好 = 90% < 95% → −4; 19.4 − 4 = 15.4
    const parts: Parts = [{ id: 'annual', title: '述职评议', indicators: [{ id: 'duty', title: '述职', clauses: [{ type: 'votes', fact: 'duty', coefficients: { 好: 20, 较好: 15, 一般: 10, 差: 0 }, thresholds: [{ answer: '好', below: 95, points: -4 }] }] }] }];
    const r = await score({ duty: { 全体: { 好: 90, 较好: 8, 一般: 2 } } }, { facts: { duty: dist('述职评议', 'duty') }, parts });
    expect(r.total).toBe('15.40');
  });
});

describe('10. participation gates', () => {
  it('marks an organization below the report rate as not assessed, with the reason', async () => {
    const r = await score(
      { rate: 90 },
      {
        facts: { rate: { ...num('在职党员报到率', 'r'), unit: '%' } },
        parts: [{ id: 'p', title: '部分', indicators: [{ id: 'i', title: '报到', clauses: [{ type: 'ratio', fact: 'rate', target: 100, points: 10 }] }] }],
        gates: [{ id: 'report', title: '报到率', when: { fact: 'rate', operator: 'lessThan', value: 95 }, reason: '在职党员报到率低于 95%，取消考核资格' }],
      },
    );
    expect(r.assessed).toBe(false);
    expect(r.reasons).toEqual(['报到率：在职党员报到率低于 95%，取消考核资格（在职党员报到率 90%，少于 95%）']);
    expect(r.total).toBe('9.00'); // still computed for the record: 10 × 90% = 9
  });
});

describe('inspection entries', () => {
  it('adds each on-site finding to its indicator with its reason', async () => {
    const r = await score(
      { x: 0 },
      {
        facts: { x: num('x', 'x') },
        parts: [{ id: 'p', title: '部分', indicators: [{ id: 'ledger', title: '台账规范', base: 10, clauses: [{ type: 'inspections' }] }] }],
      },
      [
        { indicator: 'ledger', points: '-2', reason: '会议记录缺签到表' },
        { indicator: 'ledger', points: '-1.5', reason: '佐证照片与活动不符' },
        { indicator: 'other', points: '-9', reason: '不属于本指标' },
      ],
    );
    // 10 − 2 − 1.5 = 6.5
    expect(r.total).toBe('6.50');
    expect(r.parts[0]!.indicators[0]!.lines.map((l) => l.text)).toContain('现场督查（2025-05-01）：会议记录缺签到表，扣 2 分');
  });
});
