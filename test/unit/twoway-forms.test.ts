import { describe, expect, it } from 'vitest';
import { computedBasis, computedPoints, fillComputed, itemsTotal } from '../../src/features/twoway/twoway-forms';

/** The arithmetic of a two-way form's computed item (资源项目落实), in hundredths, with its sentence in Chinese. */
const item = { key: 'resources', label: '资源项目落实', max: 20, computed: { closedOnTime: 10, closedLate: 5, wishFulfilled: 4, overdueOpen: -5 } };
const counts = (c: Partial<Record<'closedOnTime' | 'closedLate' | 'wishFulfilled' | 'overdueOpen', number>>) => ({ agreementId: 1, closedOnTime: 0, closedLate: 0, wishFulfilled: 0, overdueOpen: 0, ...c });

describe('computed two-way items', () => {
  it('says how the item is worked out, a negative value as a deduction', () => {
    expect(computedBasis(item)).toBe('系统按本年度项目清单和微心愿计算：按期销号项目每个 10 分，逾期销号项目每个 5 分，实现微心愿每个 4 分，逾期未销号项目每个扣 5 分，合计在 0–20 分之间');
    expect(computedBasis({ key: 'x', label: '打分项', max: 10 })).toBeNull();
  });

  it('adds and takes away by outcome, within 0 and the maximum', () => {
    // 1 × 10 − 1 × 5 = 5
    expect(computedPoints(item, counts({ closedOnTime: 1, overdueOpen: 1 }))).toEqual({ points: 5, text: '按期销号项目 1 个 × 10 − 逾期未销号项目 1 个 × 5 = 5 分' });
    // −1 × 5 = −5, at least 0
    expect(computedPoints(item, counts({ overdueOpen: 1 }))).toEqual({ points: 0, text: '−逾期未销号项目 1 个 × 5 = −5，计 0 分' });
    // 2 × 10 + 1 × 5 + 2 × 4 = 33, at most 20
    expect(computedPoints(item, counts({ closedOnTime: 2, closedLate: 1, wishFulfilled: 2 }))).toEqual({ points: 20, text: '按期销号项目 2 个 × 10 + 逾期销号项目 1 个 × 5 + 实现微心愿 2 个 × 4 = 33，计 20 分' });
    expect(computedPoints(item, counts({}))).toEqual({ points: 0, text: '本年度在该社区没有销号项目、实现的微心愿或逾期项目：0 分' });
    // Fractions stay exact: 3 × 0.35 = 1.05 (a float sum would give 1.0499…).
    expect(computedPoints({ ...item, computed: { ...item.computed, wishFulfilled: 0.35 } }, counts({ wishFulfilled: 3 })).points).toBe(1.05);
  });

  it('fills the form: what the side gave, the computed item from the counts, nothing inherited', () => {
    const form = [{ key: 'attendance', label: '出席', max: 80 }, item];
    const given = JSON.parse('{"attendance": 28.5}') as Record<string, number>;
    const filled = fillComputed(form, given, counts({ closedLate: 1 }));
    expect(filled).toEqual({ attendance: 28.5, resources: 5 });
    // 28.5 + 5 = 33.5, summed in hundredths
    expect(itemsTotal(filled)).toBe('33.50');
    expect(fillComputed([{ key: 'constructor', label: '保留字', max: 100 }], {}, undefined)).toEqual({});
  });
});
