import { requireRole } from '../../auth/scope';
import type { Role } from '../../db/database';
import { roleLabel } from '../../domain/catalog';
import { z } from '../../lib/zod';
import { Id, IsoDate, Pagination } from '../common.schemas';
import type { Ctx } from '../context';
import { orgForRead } from '../orgs/org-access';
import { auditChanges } from './audit-diff';
import { actionLabelOf, entityLabelOf } from './audit-labels';
import { listAuditActions, listAuditRows, type AuditFilter } from './audit.repository';

export const AuditChange = z
  .object({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() })
  .openapi('AuditChange', { description: '一个有变化的字段：字段路径（嵌套的以点号连接）、中文名称、修改前、修改后' });

export const AuditEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorId: z.string(),
    actorName: z.string(),
    actorRole: z.string(),
    actorRoleLabel: z.string(),
    action: z.string(),
    actionLabel: z.string().openapi({ description: '操作的中文名称' }),
    entity: z.string(),
    entityLabel: z.string().openapi({ description: '对象类型的中文名称' }),
    entityId: z.string(),
    orgId: z.number().int().nullable(),
    orgName: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    changes: z.array(AuditChange),
  })
  .openapi('AuditEntry');
export type AuditEntry = z.infer<typeof AuditEntry>;

/** The filters of the audit log (the list and its Excel export read the same ones). */
export const AuditFilters = z.object({
  entity: z.string().max(40).optional(),
  entityId: z.string().max(40).optional(),
  action: z.string().max(60).optional().openapi({ description: '操作代码，见 /api/audit/actions' }),
  actor: z.string().trim().max(60).optional().openapi({ description: '操作人姓名的一部分，或操作人编号（user:12）' }),
  orgId: Id.optional().openapi({ description: '只看该组织及其下级组织' }),
  from: IsoDate.optional().openapi({ description: '起始日期（北京时间，含当天）' }),
  to: IsoDate.optional().openapi({ description: '截止日期（北京时间，含当天）' }),
});
export type AuditFilters = z.infer<typeof AuditFilters>;

export const AuditQuery = Pagination.extend(AuditFilters.shape);

/** A date range that ends before it starts is refused at its end date. */
export function checkRange<T extends { from?: string; to?: string }>(schema: z.ZodType<T>) {
  return schema.refine((v) => !v.from || !v.to || v.from <= v.to, { message: '截止日期不能早于起始日期', path: ['to'] });
}

const DAY_MS = 24 * 3600 * 1000;

/** Top-level readers (the district) also see rows about no organization: cycles, the command line's own actions. */
function scopeOf(ctx: Ctx) {
  return { pathPrefix: ctx.actor.orgPath, includeGlobal: ctx.actor.orgPath === '/' || ctx.actor.orgPath.split('/').length === 3 };
}

/** The repository filter of a request: the caller's subtree, narrowed to an organization of it and to China-time days. */
export async function auditFilter(ctx: Ctx, q: AuditFilters, page: { limit: number; offset: number }): Promise<AuditFilter> {
  const orgPath = q.orgId === undefined ? undefined : (await orgForRead(ctx, q.orgId, 'orgId')).path;
  return {
    ...scopeOf(ctx),
    ...page,
    entity: q.entity,
    entityId: q.entityId,
    action: q.action || undefined,
    actor: q.actor || undefined,
    orgPath,
    from: q.from ? new Date(`${q.from}T00:00:00+08:00`) : undefined,
    to: q.to ? new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + DAY_MS) : undefined,
  };
}

type Row = Awaited<ReturnType<typeof listAuditRows>>['rows'][number];

export function toAuditEntry(r: Row): AuditEntry {
  return {
    id: Number(r.id),
    at: r.at.toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    actorRole: r.actor_role,
    actorRoleLabel: roleLabel[r.actor_role as Role] ?? r.actor_role,
    action: r.action,
    actionLabel: actionLabelOf(r.action),
    entity: r.entity,
    entityLabel: entityLabelOf(r.entity),
    entityId: r.entity_id,
    orgId: r.org_id,
    orgName: r.org_name,
    before: r.before,
    after: r.after,
    changes: auditChanges(r.before, r.after, r.entity),
  };
}

/** Who changed what, for organizations in the caller's subtree (administrators and leaders only). */
export async function listAudit({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx, ['admin', 'leader']);
  const q = checkRange(AuditQuery).parse(input);
  const { rows, total } = await listAuditRows(ctx.db, await auditFilter(ctx, q, { limit: q.limit, offset: q.offset }));
  return { total, items: rows.map(toAuditEntry) };
}

/** The actions that occur in the caller's part of the log, with their Chinese names (the page's filter). */
export async function listAuditActionOptions({ ctx }: { ctx: Ctx }) {
  requireRole(ctx, ['admin', 'leader']);
  const codes = await listAuditActions(ctx.db, scopeOf(ctx));
  return { items: codes.map((value) => ({ value, label: actionLabelOf(value) })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN')) };
}
