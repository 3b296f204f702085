import type { Ctx } from '../context';
import { insertAuditRows, type AuditRow } from './audit.repository';

export type AuditEntry = {
  action: string;
  entity: string;
  entityId: string | number;
  orgId: number | null;
  before?: unknown;
  after?: unknown;
};

/** Writes audit rows through the ctx's database, i.e. inside the caller's transaction. */
export async function recordAudit(ctx: Ctx, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (!ctx.inTransaction) throw new Error('recordAudit must run inside withTransaction');
  const rows: AuditRow[] = list.map((e) => ({
    actor_id: ctx.actor.id,
    actor_name: ctx.actor.name,
    actor_role: ctx.actor.role,
    action: e.action,
    entity: e.entity,
    entity_id: String(e.entityId),
    org_id: e.orgId,
    before: e.before === undefined ? null : JSON.stringify(e.before),
    after: e.after === undefined ? null : JSON.stringify(e.after),
    request_id: ctx.requestId,
  }));
  await insertAuditRows(ctx.db, rows);
}
