import type { NeedState, ProjectState } from '../../db/database';
import { AppError } from '../../errors/app-error';

/**
 * The states of the co-building lists and the moves each allows, in one table (as `writableIn` is for cycles):
 * a move from any other state is refused with 409 naming the current state in Chinese. Overdue is never a
 * state: it is computed from the planned end in China time.
 */
export const projectStateLabel: Record<ProjectState, string> = {
  open: '待认领',
  claimed: '实施中',
  closing: '待销号',
  closed: '已销号',
};

export const needStateLabel: Record<NeedState, string> = {
  open: '待对接',
  in_project: '已立项',
  met: '已解决',
  dropped: '已撤销',
};

/** Project moves: from which states, to which, and which side makes them. */
export const projectMoves = {
  claim: { from: ['open'], to: 'claimed', by: 'unit', label: '认领' },
  progress: { from: ['claimed', 'closing'], to: null, by: 'either', label: '登记进度' },
  proposeClose: { from: ['claimed'], to: 'closing', by: 'responsible', label: '申请销号' },
  approveClose: { from: ['closing'], to: 'closed', by: 'community', label: '同意销号' },
  sendBack: { from: ['closing'], to: 'claimed', by: 'community', label: '退回' },
} as const satisfies Record<string, { from: readonly ProjectState[]; to: ProjectState | null; by: 'unit' | 'responsible' | 'community' | 'either'; label: string }>;

export type ProjectMove = keyof typeof projectMoves;

/** 责任分解: tasks are planned until the project is closed, and done while it is under way. */
export const taskMoves = {
  plan: { from: ['open', 'claimed', 'closing'], label: '添加责任分解的任务' },
  finish: { from: ['claimed', 'closing'], label: '标记任务完成' },
} as const satisfies Record<string, { from: readonly ProjectState[]; label: string }>;

export type TaskMove = keyof typeof taskMoves;

export function assertTaskMove(move: TaskMove, state: ProjectState, title: string): void {
  if ((taskMoves[move].from as readonly ProjectState[]).includes(state)) return;
  throw new AppError('conflict', `项目「${title}」当前为「${projectStateLabel[state]}」，不能${taskMoves[move].label}`, { field: 'state', state, stateLabel: projectStateLabel[state] });
}

/** Need moves: a need joins a project when one matches it, is met when that project closes, or is dropped. */
export const needMoves = {
  match: { from: ['open'], to: 'in_project', label: '纳入项目' },
  meet: { from: ['open', 'in_project'], to: 'met', label: '标记为已解决' },
  drop: { from: ['open'], to: 'dropped', label: '撤销' },
} as const satisfies Record<string, { from: readonly NeedState[]; to: NeedState; label: string }>;

export type NeedMove = keyof typeof needMoves;

/** Refuses a project move its state does not allow: 409 with the state as users read it. */
export function assertProjectMove(move: ProjectMove, state: ProjectState, title: string): void {
  const m = projectMoves[move];
  if ((m.from as readonly ProjectState[]).includes(state)) return;
  throw new AppError('conflict', `项目「${title}」当前为「${projectStateLabel[state]}」，不能${m.label}`, { field: 'state', state, stateLabel: projectStateLabel[state] });
}

export function assertNeedMove(move: NeedMove, state: NeedState, title: string): void {
  const m = needMoves[move];
  if ((m.from as readonly NeedState[]).includes(state)) return;
  throw new AppError('conflict', `需求「${title}」当前为「${needStateLabel[state]}」，不能${m.label}`, { field: 'state', state, stateLabel: needStateLabel[state] });
}

/** Overdue (逾期) on a day, China time: not closed and past its planned end. Computed, never stored. */
export function isOverdue(p: { state: ProjectState; planned_end: string }, today: string): boolean {
  return p.state !== 'closed' && p.planned_end < today;
}
