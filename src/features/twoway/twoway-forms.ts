import type { TwowayComputed, TwowayFormItem } from '../../db/database';
import type { PairOutcomes } from './twoway-forms.repository';

/**
 * The arithmetic of a two-way form's computed item (资源项目落实): the points each outcome of the pair earns,
 * summed and kept within 0 and the item's maximum, in hundredths so that no float is summed.
 */
const outcomes = [
  ['closedOnTime', '按期销号项目'],
  ['closedLate', '逾期销号项目'],
  ['wishFulfilled', '实现微心愿'],
  ['overdueOpen', '逾期未销号项目'],
] as const satisfies readonly (readonly [keyof TwowayComputed, string])[];

const cents = (v: number) => Math.round(v * 100);
/** Hundredths as printed: 10, 7.5, and a minus sign (−) for a negative number. */
const fmt = (c: number) => `${c < 0 ? '−' : ''}${(Math.abs(c) / 100).toFixed(2).replace(/\.?0+$/, '')}`;

/** How a computed item is worked out, in Chinese: 「按期销号项目每个 10 分，… ，合计在 0–20 分之间」. */
export function computedBasis(item: TwowayFormItem): string | null {
  if (!item.computed) return null;
  const each = outcomes
    .map(([k, label]) => {
      const c = cents(item.computed![k]);
      return c < 0 ? `${label}每个扣 ${fmt(-c)} 分` : `${label}每个 ${fmt(c)} 分`;
    })
    .join('，');
  return `系统按本年度项目清单和微心愿计算：${each}，合计在 0–${fmt(cents(item.max))} 分之间`;
}

/** A computed item's points for one pair, with the sentence that shows the arithmetic. */
export function computedPoints(item: TwowayFormItem & { computed: TwowayComputed }, counts: PairOutcomes): { points: number; text: string } {
  let sum = 0;
  const parts: string[] = [];
  for (const [k, label] of outcomes) {
    const n = counts[k];
    const each = cents(item.computed[k]);
    if (n === 0) continue;
    sum += n * each;
    // Added or taken away: 「按期销号项目 1 个 × 10 − 逾期未销号项目 1 个 × 5」.
    const term = `${label} ${n} 个 × ${fmt(Math.abs(each))}`;
    parts.push(parts.length === 0 ? (each < 0 ? `−${term}` : term) : `${each < 0 ? '−' : '+'} ${term}`);
  }
  const bounded = Math.min(Math.max(sum, 0), cents(item.max));
  const text = parts.length === 0 ? '本年度在该社区没有销号项目、实现的微心愿或逾期项目：0 分' : `${parts.join(' ')} = ${fmt(sum)}${bounded !== sum ? `，计 ${fmt(bounded)}` : ''} 分`;
  return { points: bounded / 100, text };
}

/** The exact total of an evaluation's items, as stored (two decimals). */
export function itemsTotal(items: Record<string, number>): string {
  return (Object.values(items).reduce((s, v) => s + cents(v), 0) / 100).toFixed(2);
}

/** The form's items filled in: what the side gave, and the computed items from the pair's outcomes. */
export function fillComputed(form: readonly TwowayFormItem[], given: Record<string, number>, counts: PairOutcomes | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of form) {
    if (item.computed) out[item.key] = counts ? computedPoints({ ...item, computed: item.computed }, counts).points : 0;
    else if (Object.hasOwn(given, item.key)) out[item.key] = given[item.key]!;
  }
  return out;
}
