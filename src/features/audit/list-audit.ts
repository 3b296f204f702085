import { requireRole } from '../../auth/scope';
import { z } from '../../lib/zod';
import { Pagination } from '../common.schemas';
import type { Ctx } from '../context';
import { listAuditRows } from './audit.repository';

export const AuditEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorId: z.string(),
    actorName: z.string(),
    actorRole: z.string(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string(),
    orgId: z.number().int().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi('AuditEntry');

export const AuditQuery = Pagination.extend({ entity: z.string().max(40).optional(), entityId: z.string().max(40).optional() });

/** Who changed what, for organizations in the caller's subtree (administrators and leaders only). */
export async function listAudit({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx, ['admin', 'leader']);
  const q = AuditQuery.parse(input);
  const topLevel = ctx.actor.orgPath === '/' || ctx.actor.orgPath.split('/').length === 3;
  const { rows, total } = await listAuditRows(ctx.db, { ...q, pathPrefix: ctx.actor.orgPath, includeGlobal: topLevel });
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorId: r.actor_id,
      actorName: r.actor_name,
      actorRole: r.actor_role,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      orgId: r.org_id,
      before: r.before,
      after: r.after,
    })),
  };
}
