import { describe, expect, it } from 'vitest';
import { compileRuleSet, firedOverrides } from '../../src/rules/compile';
import { overrideRef } from '../../src/scoring/grading';
import type { RuleSetInput } from '../../src/rules/rule-set.schema';
import { scoreFacts } from '../../src/scoring/run';

/**
 * One rule for missing data, in every engine a rule set compiles (clauses, tiers, gates, grading overrides): a
 * comparison that reads a missing fact is false, and a `not` over it is false too. Without data an organization
 * neither "发生违纪" nor "未发生违纪"; the explanation says 无数据.
 */

const ruleSet: RuleSetInput = {
  id: 'missing',
  title: '缺数据测试',
  version: '1',
  categories: ['community'],
  facts: {
    violations: { source: 'declared', label: '违纪件数', key: 'violations', type: 'number' },
    limit: { source: 'declared', label: '允许件数', key: 'limit', type: 'number' },
    honor: { source: 'declared', label: '获表彰', key: 'honor', type: 'boolean' },
  },
  parts: [
    {
      id: 'p',
      title: '测试',
      indicators: [
        {
          id: 'i',
          title: '纪律',
          clauses: [
            { type: 'fixed', label: '未发生违纪', points: 5, when: { not: { fact: 'violations', operator: 'greaterThan', value: 0 } } },
            { type: 'fixed', label: '发生违纪', points: -3, when: { fact: 'violations', operator: 'greaterThan', value: 0 } },
            { type: 'fixed', label: '不等于', points: 1, when: { fact: 'violations', operator: 'notEqual', value: 2 } },
            { type: 'fixed', label: '等于', points: 1, when: { fact: 'violations', operator: 'equal', value: 0 } },
            { type: 'fixed', label: '小于', points: 1, when: { fact: 'violations', operator: 'lessThan', value: 1 } },
            { type: 'fixed', label: '不大于', points: 1, when: { fact: 'violations', operator: 'lessThanInclusive', value: 0 } },
            { type: 'fixed', label: '不小于', points: 1, when: { fact: 'violations', operator: 'greaterThanInclusive', value: 0 } },
            { type: 'fixed', label: '不超过允许件数', points: 1, when: { fact: 'violations', operator: 'lessThanInclusive', value: { fact: 'limit' } } },
            { type: 'fixed', label: '未获表彰', points: 1, when: { not: { fact: 'honor', operator: 'equal', value: true } } },
            { type: 'fixed', label: '任一成立', points: 1, when: { any: [{ fact: 'violations', operator: 'equal', value: 0 }, { fact: 'honor', operator: 'equal', value: true }] } },
          ],
        },
      ],
    },
  ],
  total: { formula: 'p' },
  gates: [
    { id: 'g1', title: '违纪', reason: '发生违纪', when: { fact: 'violations', operator: 'notEqual', value: 0 } },
    { id: 'g2', title: '无表彰', reason: '未获表彰', when: { not: { fact: 'honor', operator: 'equal', value: true } } },
  ],
  grading: {
    grades: [{ id: 'one', label: '一星' }, { id: 'none', label: '无星' }],
    bands: [{ grade: 'one', gte: 0 }],
    overrides: [
      { type: 'cap', id: 'c1', title: '违纪', cap: 'none', reason: '违纪封顶', when: { fact: 'violations', operator: 'notEqual', value: 0 } },
      { type: 'cap', id: 'c2', title: '未违纪', cap: 'none', reason: '未违纪也封顶', when: { not: { fact: 'violations', operator: 'greaterThan', value: 0 } } },
    ],
  },
};

const points = (r: Awaited<ReturnType<typeof scoreFacts>>) => Object.fromEntries(r.parts[0]!.indicators[0]!.lines.map((l) => [l.text.split('：')[0], l.points]));

describe('a missing fact', () => {
  it('makes every comparison false, `not` included, in the clauses, and the lines say 无数据', async () => {
    const compiled = await compileRuleSet(JSON.stringify(ruleSet), 'missing.json');
    const r = await scoreFacts(compiled, {});
    const p = points(r);
    // Nothing fires: 0 + 0 + … = 0, where the engine's own operators gave 未发生违纪 +5, 不等于 +1, 不超过 +1 (null ≤ null),
    // 未获表彰 +1 from no data at all.
    for (const label of ['未发生违纪', '发生违纪', '不等于', '等于', '小于', '不大于', '不小于', '不超过允许件数', '未获表彰', '任一成立']) expect(p[label], label).toBe('0.00');
    const lines = r.parts[0]!.indicators[0]!.lines.map((l) => l.text);
    expect(lines).toContain('未发生违纪：违纪件数无数据，条件不成立，不计分');
    expect(lines).toContain('不超过允许件数：违纪件数、允许件数无数据，条件不成立，不计分');
    expect(r.total).toBe('0.00');
  });

  it('holds for a present fact as before: 0 violations, 3 allowed, honoured', async () => {
    const compiled = await compileRuleSet(JSON.stringify(ruleSet), 'missing.json');
    const p = points(await scoreFacts(compiled, { violations: 0, limit: 3, honor: true }));
    // 0 > 0 is false → not → 未发生违纪 +5; 0 ≠ 2 → +1; 0 = 0 → +1; 0 < 1 → +1; 0 ≤ 0 → +1; 0 ≥ 0 → +1; 0 ≤ 3 → +1;
    // honoured → 未获表彰 does not hold, 0; 0 = 0 or honoured → +1; 发生违纪 0.
    expect(p).toMatchObject({ 未发生违纪: '5.00', 发生违纪: '0.00', 不等于: '1.00', 等于: '1.00', 小于: '1.00', 不大于: '1.00', 不小于: '1.00', 不超过允许件数: '1.00', 未获表彰: '0.00', 任一成立: '1.00' });
  });

  it('lets `any` hold on its other branch: honoured, violations unknown', async () => {
    const compiled = await compileRuleSet(JSON.stringify(ruleSet), 'missing.json');
    const p = points(await scoreFacts(compiled, { honor: true }));
    expect(p['任一成立']).toBe('1.00');
    expect(p['未获表彰']).toBe('0.00');
  });

  it('fires no gate and no grading override', async () => {
    const compiled = await compileRuleSet(JSON.stringify(ruleSet), 'missing.json');
    const r = await scoreFacts(compiled, {});
    expect(r.reasons.some((x) => x.includes('发生违纪'))).toBe(false);
    expect(r.reasons.some((x) => x.includes('未获表彰'))).toBe(false);
    expect(r.reasons).toEqual(expect.arrayContaining(['缺少数据：违纪件数'])); // not assessed for want of data, said so
    expect([...(await firedOverrides(compiled, { violations: null, limit: null, honor: null, totalScore: 50, part_p: 50 }))]).toEqual([]);
    expect([...(await firedOverrides(compiled, { violations: 0, limit: 3, honor: true, totalScore: 50, part_p: 50 }))]).toEqual([overrideRef(1)]);
  });
});
