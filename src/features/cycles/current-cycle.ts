import type { CycleState } from '../../db/database';

/**
 * The year pages open on: the one collecting its ledger, else the latest that has begun (by China time), else
 * the first there is. One rule for the home page, the overview and the header's year picker.
 */
export function currentCycleYear(cycles: readonly { year: number; state: CycleState }[], today: string): number | null {
  const thisYear = Number(today.slice(0, 4));
  const sorted = [...cycles].sort((a, b) => b.year - a.year);
  return (sorted.find((c) => c.state === 'collecting') ?? sorted.find((c) => c.year <= thisYear) ?? sorted[0])?.year ?? null;
}
