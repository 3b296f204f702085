import type { CycleState } from '../../db/database';
import { cycleStateLabel } from '../../domain/catalog';
import { AppError, invalidField } from '../../errors/app-error';
import { todayInChina } from '../../lib/clock';
import type { Ctx } from '../context';
import { findCycle, findCycles, openEvaluations } from './cycles.repository';

/**
 * Which cycle states accept which kind of write. The one table every write into a year consults;
 * test/integration/year-gates.test.ts tries every write route and CLI command against it.
 */
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
  /** Setting up a duty review (session, subjects, raters) or a co-building agreement for the year. */
  setup: ['draft', 'collecting', 'reviewing'],
  /** Closing a campaign or a review session: its ballots and votes join the year's facts. */
  evaluationClose: ['collecting', 'reviewing'],
  /** An organization's own score of an indicator (自评), also only between the cycle's self-assessment dates. */
  selfAssessment: ['collecting', 'reviewing'],
  /** The superior's score of an indicator (上级评定): like an inspection finding, until the results are final. */
  superiorReview: ['collecting', 'reviewing', 'computed', 'published'],
  /** A co-building list event (offer, need, claim, progress, 销号) dated in the year: until the year is finalized. */
  cobuilding: ['draft', 'collecting', 'reviewing', 'computed', 'published'],
  /** Computing a revision (scoring), or previewing a rule-set version on the year's data. */
  score: ['reviewing', 'computed', 'published'],
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
  if (!(writableIn[kind] as readonly CycleState[]).includes(cycle.state) && !lateEntryOpen(ctx, kind, cycle)) {
    throw new AppError('cycle_closed', closedMessage(year, cycle.state, kind) + lateEntryNote(ctx, kind, cycle), { field, year, state: cycle.state });
  }
  return cycle;
}

type LateEntry = { state: CycleState; late_entry_until: string | null };

/** 补录: a ledger write into a year in 评议中, on or before the cycle's late-entry date (China time). */
function lateEntryOpen(ctx: Ctx, kind: WriteKind, c: LateEntry): boolean {
  return kind === 'ledger' && c.state === 'reviewing' && c.late_entry_until !== null && todayInChina(ctx.clock) <= c.late_entry_until;
}

function lateEntryNote(ctx: Ctx, kind: WriteKind, c: LateEntry): string {
  if (kind !== 'ledger' || c.state !== 'reviewing') return '';
  return c.late_entry_until ? `；补录已于 ${c.late_entry_until} 截止` : '；本年度未开放补录';
}

/** The writes a page offers for a year, each null while it is open or the reason it is closed (the same words a refused write gets). */
export function closedGates(ctx: Ctx, c: LateEntry & { year: number; appeal_deadline: string | null }): { ledger: string | null; dutyReport: string | null; twoway: string | null; appeal: string | null } {
  const problem = (kind: WriteKind) =>
    (writableIn[kind] as readonly CycleState[]).includes(c.state) || lateEntryOpen(ctx, kind, c) ? null : closedMessage(c.year, c.state, kind) + lateEntryNote(ctx, kind, c);
  const appeal =
    c.state !== 'published'
      ? `${c.year} 年度考核周期处于「${cycleStateLabel[c.state]}」状态，不在公示期，不能申诉`
      : todayInChina(ctx.clock) > c.appeal_deadline!
        ? `申诉期已于 ${c.appeal_deadline} 结束`
        : null;
  return { ledger: problem('ledger'), dutyReport: problem('dutyReport'), twoway: problem('twoway'), appeal };
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

/**
 * Scoring a year while one of its campaigns or duty reviews is still open would leave those ballots and votes
 * out of the result without a word: refuse, naming each one, so the administrator closes them first.
 */
export async function refuseOpenEvaluations(ctx: Ctx, year: number): Promise<void> {
  const open = await openEvaluations(ctx.db, year);
  if (open.length === 0) return;
  const names = open.map((e) => `${e.kind === 'campaign' ? '群众评议' : '述职评议'}「${e.title}」（编号 ${e.id}）`).join('、');
  throw new AppError('conflict', `${year} 年度还有进行中的评议：${names}。请先结束这些评议，再计分`, { field: 'year', open });
}
