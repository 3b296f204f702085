import { inScope } from '../../auth/scope';
import type { Role } from '../../db/database';
import type { Ctx } from '../context';

type MemberPaths = { org_path: string; residence_path: string | null; in_service: boolean };

/**
 * A member is visible to the caller when the member's own organization is in the caller's subtree, or
 * when the member is an in-service member living in one of its communities (the community sees who
 * reports to it). The one rule every member read and reference uses.
 */
export function memberVisible(ctx: Ctx, m: MemberPaths): boolean {
  return inScope(ctx.actor, m.org_path) || (m.in_service && m.residence_path !== null && inScope(ctx.actor, m.residence_path));
}

/** The roles that may add and change members: the roles that may import them. */
export const memberWriters: readonly Role[] = ['admin'];
