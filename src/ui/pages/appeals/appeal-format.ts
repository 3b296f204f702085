import type { Schemas } from '../../api/client';
import { chinaDate, chinaToday } from '../../lib/dates';

type Cycle = Schemas['Cycle'];
export type Appeal = Schemas['Appeal'];

export { chinaDate, chinaDateTime, chinaToday } from '../../lib/dates';

/**
 * Whether the year takes appeals today (the server's answer, `closed.appeal`) and what to tell the user, so nobody
 * writes a reason for a closed window; the wording adds the deadline the server gives.
 */
export function appealWindow(cycle: Cycle | undefined, today = chinaToday()): { open: boolean; text: string } {
  if (!cycle) return { open: false, text: '请先在页头选择考核年度' };
  const { year, state, stateLabel, appealDeadline: deadline } = cycle;
  if (cycle.closed.appeal === null) return { open: true, text: `${year} 年度考核结果公示中，申诉期至 ${deadline ? chinaDate(deadline, today) : '—'}（含当天）` };
  if (state === 'published') return { open: false, text: `${year} 年度考核结果公示中，申诉期已于 ${deadline ? chinaDate(deadline, today) : '—'}结束，不能再提出申诉` };
  if (state === 'finalized') return { open: false, text: `${year} 年度考核结果已定档${deadline ? `（申诉期已于 ${chinaDate(deadline, today)}结束）` : ''}，不能再提出申诉` };
  return { open: false, text: `${year} 年度考核周期处于「${stateLabel}」状态，考核结果公示后才能在公示期内申诉` };
}

export const statusType: Record<Appeal['status'], 'warning' | 'success' | 'danger'> = { open: 'warning', accepted: 'success', rejected: 'danger' };

/** Open appeals first (oldest first, as they wait), then decided ones, the latest decision first. */
export function inboxOrder(items: Appeal[]): Appeal[] {
  const open = items.filter((a) => a.status === 'open').sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const done = items.filter((a) => a.status !== 'open').sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''));
  return [...open, ...done];
}
