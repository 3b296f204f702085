import { readers, requireRole } from '../../auth/scope';
import { allowedParentKinds, orgKindLabel, orgKinds } from '../../domain/catalog';
import type { Ctx } from '../context';
import { orgForRead } from './org-access';
import { toOrg } from './orgs.model';
import { listOrgRows, subtreeRows } from './orgs.repository';
import { ListOrgsQuery, SubtreeQuery, type Org, type OrgKindInfo } from './orgs.schemas';

/** Organizations in the caller's subtree (or under `under`, itself in the subtree), filtered and paged. */
export async function listOrgs({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ items: Org[]; total: number }> {
  requireRole(ctx, readers);
  const q = ListOrgsQuery.parse(input);
  const pathPrefix = q.under ? (await orgForRead(ctx, q.under, 'under')).path : ctx.actor.orgPath;
  const { rows, total } = await listOrgRows(ctx.db, { ...q, pathPrefix });
  return { items: rows.map(toOrg), total };
}

export async function getOrg({ ctx, id }: { ctx: Ctx; id: number }): Promise<Org> {
  requireRole(ctx, readers);
  return toOrg(await orgForRead(ctx, id, 'id'));
}

/** The organization and everything below it, parents before children, each with its depth and parent. */
export async function getSubtree({ ctx, id, input }: { ctx: Ctx; id: number; input: unknown }): Promise<{ items: Org[] }> {
  requireRole(ctx, readers);
  const q = SubtreeQuery.parse(input);
  const root = await orgForRead(ctx, id, 'id');
  const rows = await subtreeRows(ctx.db, root.path, q.maxDepth === undefined ? undefined : root.depth + q.maxDepth);
  return { items: rows.map(toOrg) };
}

/** The organization kinds with their Chinese labels and the kinds each may sit under (for forms). */
export function listOrgKinds({ ctx }: { ctx: Ctx }): { items: OrgKindInfo[] } {
  requireRole(ctx, readers);
  return { items: orgKinds.map((kind) => ({ kind, label: orgKindLabel[kind], parentKinds: [...allowedParentKinds[kind]] })) };
}
