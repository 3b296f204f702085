import type { WishState } from '../../db/database';
import { AppError } from '../../errors/app-error';

/** 微心愿 states and the moves each allows, in one table: claimed by a unit or the community, fulfilled by the claimer, confirmed by the resident. */
export const wishStateLabel: Record<WishState, string> = {
  open: '待认领',
  claimed: '已认领',
  fulfilled: '已实现，待居民确认',
  confirmed: '居民已确认',
};

export const wishMoves = {
  claim: { from: ['open'], to: 'claimed', label: '认领' },
  fulfil: { from: ['claimed'], to: 'fulfilled', label: '登记实现' },
  confirm: { from: ['fulfilled'], to: 'confirmed', label: '确认' },
} as const satisfies Record<string, { from: readonly WishState[]; to: WishState; label: string }>;

export type WishMove = keyof typeof wishMoves;

/** Refuses a move the wish's state does not allow: 409 with the state as users read it. */
export function assertWishMove(move: WishMove, state: WishState): void {
  const m = wishMoves[move];
  if ((m.from as readonly WishState[]).includes(state)) return;
  throw new AppError('conflict', `这个微心愿当前为「${wishStateLabel[state]}」，不能${m.label}`, { field: 'state', state, stateLabel: wishStateLabel[state] });
}
