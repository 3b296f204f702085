import { inScope } from '../../auth/scope';
import { AppError, forbidden, notFound } from '../../errors/app-error';
import type { Ctx } from '../context';
import type { OrgRow } from './orgs.model';
import { findOrgById, findOrgsByIds } from './orgs.repository';

/** The organization if the caller may see it; otherwise 404, so existence outside the subtree does not leak. */
export async function orgForRead(ctx: Ctx, id: number, field?: string): Promise<OrgRow> {
  const org = await findOrgById(ctx.db, id);
  if (!org || !inScope(ctx.actor, org.path)) throw notFound('组织', field);
  return org;
}

/** The organization if the caller may write to it; 404 when it does not exist, 403 when outside the subtree. */
export async function orgForWrite(ctx: Ctx, id: number, field?: string): Promise<OrgRow> {
  const org = await findOrgById(ctx.db, id);
  if (!org) throw notFound('组织', field);
  if (!inScope(ctx.actor, org.path)) {
    throw forbidden(`组织「${org.name}」不在您的管辖范围内，不能操作`, field);
  }
  return org;
}

/** Several organizations at once for a write; the first problem names its field ('attendance.3.orgId'). */
export async function orgsForWrite(
  ctx: Ctx,
  refs: readonly { id: number; field: string }[],
  allowOutside?: (org: OrgRow) => boolean,
): Promise<Map<number, OrgRow>> {
  const rows = new Map((await findOrgsByIds(ctx.db, refs.map((r) => r.id))).map((o) => [o.id, o]));
  for (const ref of refs) {
    const org = rows.get(ref.id);
    if (!org) throw notFound('组织', ref.field);
    if (!inScope(ctx.actor, org.path) && !allowOutside?.(org)) {
      throw new AppError('forbidden', `组织「${org.name}」不在您的管辖范围内，不能操作`, { field: ref.field });
    }
  }
  return rows;
}
