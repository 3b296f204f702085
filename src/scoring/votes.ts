import type { Clause } from '../rules/rule-set.schema';
import { Dec, dec, show } from './decimal';
import type { Distribution } from './fact-catalog';

type VotesClause = Extract<Clause, { type: 'votes' }>;

export type VotesOutcome =
  | { valid: true; points: Dec; text: string; thresholdLines: { points: Dec; text: string }[] }
  | { valid: false; reason: string; text: string };

/** A group's result: `sum` over `kept` ballots after trimming (mean = sum / kept, divided only for display). */
type GroupResult = { name: string; valid: number; ignored: number; unknown: number; trimmed: number; sum: Dec; kept: number; mean: Dec };

const has = (o: object, k: string) => Object.hasOwn(o, k);

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}

/**
 * The mean score of one group's ballots: answers mapped to coefficients, answers that are not votes
 * left out, then the top and bottom `trim` share of ballots dropped (k = ⌊n × trim⌋ at each end).
 */
function groupMean(name: string, counts: Record<string, number>, c: VotesClause): GroupResult | null {
  const values: [Dec, number][] = [];
  let ignored = 0;
  let unknown = 0;
  for (const [answer, count] of Object.entries(counts)) {
    if (c.invalid.includes(answer)) ignored += count;
    else if (has(c.coefficients, answer)) values.push([dec(c.coefficients[answer]!), count]);
    else unknown += count;
  }
  const n = values.reduce((s, [, k]) => s + k, 0);
  if (n === 0) return null;
  const k = Math.floor(n * c.trim);
  values.sort(([a], [b]) => a.comparedTo(b));
  // Drop k ballots from each end of the sorted list, walking the (value, count) runs.
  let dropLow = k;
  let dropHigh = k;
  const kept = values.map(([v, count]) => [v, count] as [Dec, number]);
  for (const run of kept) {
    const take = Math.min(run[1], dropLow);
    run[1] -= take;
    dropLow -= take;
  }
  for (const run of [...kept].reverse()) {
    const take = Math.min(run[1], dropHigh);
    run[1] -= take;
    dropHigh -= take;
  }
  const remaining = n - 2 * k;
  const sum = kept.reduce((s, [v, count]) => s.plus(v.times(count)), dec(0));
  return { name, valid: n, ignored, unknown, trimmed: k, sum, kept: remaining, mean: sum.div(remaining) };
}

/**
 * Converts a distribution of answers into points: per-group means (with exclusions and trimming), the
 * weighted combination of groups, the scale, and vote-share thresholds. Invalid when valid ballots are
 * fewer than the minimum sample or a weighted group has none.
 */
export function convertVotes(c: VotesClause, dist: Distribution, label: string): VotesOutcome {
  const groups: [string, Record<string, number>][] = c.groups
    ? Object.keys(c.groups).map((g) => [g, has(dist, g) ? dist[g]! : {}])
    : [['全部', Object.values(dist).reduce<Record<string, number>>((acc, g) => {
        for (const [a, k] of Object.entries(g)) acc[a] = (acc[a] ?? 0) + k;
        return acc;
      }, {})]];
  const results = groups.map(([name, counts]) => ({ name, result: groupMean(name, counts, c) }));
  const totalValid = results.reduce((s, r) => s + (r.result?.valid ?? 0), 0);
  if (totalValid < c.minSample) {
    const reason = `有效票 ${totalValid} 张，少于最低样本 ${c.minSample} 张`;
    return { valid: false, reason, text: `${label}：${reason}，该项无效` };
  }
  const empty = results.find((r) => r.result === null);
  if (empty && c.groups) {
    const reason = `「${empty.name}」没有有效票，无法按权重合成`;
    return { valid: false, reason, text: `${label}：${reason}` };
  }
  const parts = results.map(({ name, result }) => {
    const r = result!;
    const notes = [
      r.ignored > 0 ? `${c.invalid.join('、')} ${r.ignored} 张不计` : '',
      r.unknown > 0 ? `无法识别的答案 ${r.unknown} 张不计` : '',
    ].filter(Boolean);
    const trimText = r.trimmed > 0 ? `，去掉最高、最低各 ${r.trimmed} 张后` : '，';
    return `${name === '全部' ? '' : name}有效票 ${r.valid} 张${notes.length ? `（${notes.join('，')}）` : ''}${trimText}平均 ${show(r.mean)} 分`;
  });
  // Σ weight × sum / kept over the groups, over one common denominator (the least common multiple of the
  // kept counts) and multiplied by the scale before the single division: exact whenever the result is.
  const rs = results.map((r) => r.result!);
  const lcm = rs.reduce((l, r) => (l * BigInt(r.kept)) / gcd(l, BigInt(r.kept)), 1n);
  const weightOf = (name: string) => (c.groups ? dec(c.groups[name]!) : dec(1));
  const numerator = rs.reduce((s, r) => s.plus(weightOf(r.name).times(r.sum).times(dec((lcm / BigInt(r.kept)).toString()))), dec(0));
  const score = numerator.div(dec(lcm.toString()));
  const points = numerator.times(dec(c.scale)).div(dec(lcm.toString()));
  let combine = '';
  if (c.groups) {
    const approx = rs.some((r) => r.mean.decimalPlaces() > 2) ? '（平均分四舍五入显示）' : '';
    combine = `；${rs.map((r) => `${r.name} ${show(r.mean)} × ${show(dec(c.groups![r.name]!).times(100))}%`).join(' + ')} = ${show(score)} 分${approx}`;
  }
  const scaleText = c.scale === 1 ? '' : `；× ${show(dec(c.scale))} = ${show(points)} 分`;
  const text = `${label}：${parts.join('；')}${combine}${scaleText}`;

  const merged: Record<string, number> = Object.create(null);
  for (const [, counts] of groups) for (const [a, k] of Object.entries(counts)) if (has(c.coefficients, a)) merged[a] = (merged[a] ?? 0) + k;
  const thresholdLines = c.thresholds.map((t) => {
    const share = dec(merged[t.answer] ?? 0).times(100).div(totalValid);
    const hit = share.lt(dec(t.below));
    return {
      points: hit ? dec(t.points) : dec(0),
      text: `「${t.answer}」占有效票 ${show(share)}%，${hit ? `低于 ${show(t.below)}%，${t.points < 0 ? '扣' : '加'} ${show(Math.abs(t.points))} 分` : `不低于 ${show(t.below)}%，${t.points < 0 ? '不扣分' : '不加分'}`}`,
    };
  });
  return { valid: true, points, text, thresholdLines };
}
