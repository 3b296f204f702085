import type { Role } from '../db/database';
import { forbidden } from '../errors/app-error';
import type { Actor, Ctx } from '../features/context';
import { roleLabel } from '../domain/catalog';

/** Refuses (403) a caller whose role may not use this verb. */
export function requireRole(ctx: Ctx, allowed: readonly Role[]): void {
  if (!allowed.includes(ctx.actor.role)) {
    throw forbidden(`当前角色（${roleLabel[ctx.actor.role]}）无权执行此操作`);
  }
}

/** True when the organization with this path lies in the actor's subtree (their own organization included). */
export function inScope(actor: Actor, orgPath: string): boolean {
  return orgPath.startsWith(actor.orgPath);
}

/** True when the organization lies strictly below the actor's own (a parent reviews its children's records). */
export function strictlyBelow(actor: Actor, orgPath: string): boolean {
  return orgPath.length > actor.orgPath.length && orgPath.startsWith(actor.orgPath);
}

/** The path of the top-level organization a path lies under: '/1/5/23/' → '/1/'. */
export function rootOf(path: string): string {
  return path.slice(0, path.indexOf('/', 1) + 1);
}

/** The LIKE pattern matching every path in the actor's subtree; paths hold only digits and '/'. */
export function subtreePattern(path: string): string {
  return `${path}%`;
}

export const readers: readonly Role[] = ['admin', 'leader', 'org_user'];
export const ledgerWriters: readonly Role[] = ['admin', 'org_user'];
