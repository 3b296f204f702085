import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../../src/rules/compile';
import type { RuleSetInput } from '../../src/rules/rule-set.schema';
import { scoreFacts } from '../../src/scoring/run';

/**
 * Explanations a secretary can read: every kind of line as a sentence, no operator symbols or engine wording,
 * each clause type with a missing fact, a zero and an ordinary value. The numbers are worked from the rule.
 */
const num = (label: string, key: string, unit: string) => ({ source: 'declared' as const, label, key, type: 'number' as const, unit });
const ruleSet: RuleSetInput = {
  id: 'words',
  title: '措辞',
  version: '1',
  categories: ['community'],
  facts: { meetings: num('组织生活会', 'meetings', '次'), hours: num('志愿服务时长', 'hours', '小时'), rate: num('报到率', 'rate', '%'), received: num('收到的共建单位评价', 'received', '份') },
  parts: [
    {
      id: 'p',
      title: '测试',
      indicators: [
        {
          id: 'i',
          title: '指标',
          clauses: [
            { type: 'perUnit', fact: 'meetings', points: 2, cap: 10, label: '组织生活会' },
            { type: 'tiers', fact: 'hours', tiers: [{ gte: 20, points: 10 }, { gte: 10, lt: 20, points: 5 }], otherwise: 0, label: '志愿服务' },
            { type: 'ratio', fact: 'rate', points: 10, target: 100, label: '报到率' },
            { type: 'shortfall', fact: 'rate', below: 90, points: -1, per: 1, label: '报到率不足' },
            { type: 'fixed', points: 3, label: '按期召开', when: { fact: 'meetings', operator: 'greaterThanInclusive', value: 1 } },
            { type: 'tiers', fact: 'received', tiers: [{ gte: 3, points: 4 }], otherwise: 0, label: '共建评价', when: { fact: 'received', operator: 'greaterThan', value: 0 } },
          ],
        },
      ],
    },
  ],
  total: { formula: 'p' },
};

async function lines(facts: Record<string, number>) {
  const r = await scoreFacts(await compileRuleSet(JSON.stringify(ruleSet), 'words.json'), facts as never);
  return r.parts[0]!.indicators[0]!.lines.map((l) => `${l.text} → ${l.points}`);
}

describe('explanation lines', () => {
  it('say 无数据 for a missing fact, in every clause type', async () => {
    expect(await lines({})).toEqual([
      '组织生活会：无数据，不计分 → 0.00',
      '志愿服务：志愿服务时长无数据，不计分 → 0.00',
      '报到率：无数据，不计分 → 0.00',
      '报到率不足：报到率无数据，不计分 → 0.00',
      '按期召开：组织生活会无数据，条件不成立，不计分 → 0.00',
      '共建评价：收到的共建单位评价无数据，条件不成立，不计分 → 0.00',
    ]);
  });

  it('read as sentences at zero', async () => {
    expect(await lines({ meetings: 0, hours: 0, rate: 0, received: 0 })).toEqual([
      '组织生活会 0 次，每次 2 分，0 × 2 = 0 分 → 0.00', // 0 × 2 = 0
      '志愿服务 0 小时，未达到任何档次，得 0 分 → 0.00', // 0 < 10: no tier, otherwise 0
      '报到率 0%，目标 100%，完成 0%，10 × 0% = 0 分 → 0.00',
      '报到率不足 0%，低于 90% 共 90 个百分点，每个百分点扣 1 分，扣 90 分 → -90.00', // (90 − 0) × 1 = 90
      '按期召开：未满足条件（组织生活会 0 次，少于 1 次），不计分 → 0.00',
      '共建评价：未满足条件（收到的共建单位评价 0 份，不多于 0 份），不计分 → 0.00',
    ]);
  });

  it('read as sentences for ordinary values, with no operator symbols', async () => {
    const got = await lines({ meetings: 12, hours: 15, rate: 85, received: 2 });
    expect(got).toEqual([
      '组织生活会 12 次，每次 2 分，12 × 2 = 24 分，超过上限，计 10 分 → 10.00', // 12 × 2 = 24, cap 10
      '志愿服务 15 小时，在「10 小时及以上、不足 20 小时」一档，得 5 分 → 5.00',
      '报到率 85%，目标 100%，完成 85%，10 × 85% = 8.5 分 → 8.50', // 10 × 0.85 = 8.5
      '报到率不足 85%，低于 90% 共 5 个百分点，每个百分点扣 1 分，扣 5 分 → -5.00', // (90 − 85) × 1 = 5
      '按期召开：组织生活会 12 次，不少于 1 次，得 3 分 → 3.00',
      '共建评价 2 份，未达到任何档次，得 0 分（收到的共建单位评价 2 份，多于 0 份） → 0.00', // 2 < 3: no tier
    ]);
    for (const l of got) expect(l).not.toMatch(/[≥≤≠<>]|条件成立：|并非/);
  });
});
