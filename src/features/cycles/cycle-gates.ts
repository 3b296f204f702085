import type { CycleState } from '../../db/database';
import { cycleStateLabel } from '../../domain/catalog';
import { AppError, invalidField } from '../../errors/app-error';
import type { Ctx } from '../context';
import { findCycle, findCycles } from './cycles.repository';

/** Which cycle states accept which kind of write. The one table every write path consults. */
export const writableIn = {
  ledger: ['collecting'],
  review: ['collecting', 'reviewing'],
  meeting: ['collecting'],
  checkin: ['collecting'],
  inspection: ['collecting', 'reviewing', 'computed', 'published'],
  declared: ['collecting', 'reviewing', 'computed', 'published'],
  record: ['collecting', 'reviewing', 'computed', 'published'],
  dutyReport: ['collecting', 'reviewing'],
  vote: ['reviewing'],
  twoway: ['reviewing'],
  ballot: ['collecting', 'reviewing'],
  ballotVoid: ['collecting', 'reviewing', 'computed', 'published'],
} as const satisfies Record<string, readonly CycleState[]>;

export type WriteKind = keyof typeof writableIn;

function closedMessage(year: number, state: CycleState, kind: WriteKind): string {
  const allowed = writableIn[kind].map((s) => `「${cycleStateLabel[s]}」`).join('或');
  return `${year} 年度考核周期处于「${cycleStateLabel[state]}」状态，只有${allowed}时才能写入`;
}

/**
 * The cycle a dated write belongs to, locked for share so it cannot change state underneath the write:
 * 400 naming `field` when there is no such cycle, 409 when the cycle's state does not allow this write.
 */
export async function openCycleFor(ctx: Ctx, year: number, kind: WriteKind, field: string) {
  const cycle = await findCycle(ctx.db, year, 'share');
  if (!cycle) throw invalidField(field, `${year} 年度考核周期不存在`);
  if (!(writableIn[kind] as readonly CycleState[]).includes(cycle.state)) {
    throw new AppError('cycle_closed', closedMessage(year, cycle.state, kind), { field, year, state: cycle.state });
  }
  return cycle;
}

/** The same check for many years at once (imports): a map year → problem, empty when all are open. */
export async function closedCycles(ctx: Ctx, years: readonly number[], kind: WriteKind): Promise<Map<number, string>> {
  const found = new Map((await findCycles(ctx.db, years, 'share')).map((c) => [c.year, c]));
  const problems = new Map<number, string>();
  for (const year of new Set(years)) {
    const cycle = found.get(year);
    if (!cycle) problems.set(year, `${year} 年度考核周期不存在`);
    else if (!(writableIn[kind] as readonly CycleState[]).includes(cycle.state)) {
      problems.set(year, closedMessage(year, cycle.state, kind));
    }
  }
  return problems;
}
