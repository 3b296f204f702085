import { requireRole } from '../../auth/scope';
import type { Ctx } from '../context';
import type { Spreadsheet } from '../imports/spreadsheet';
import { todayInChina } from '../../lib/clock';
import { auditFilter, AuditFilters, checkRange, toAuditEntry, type AuditEntry } from './list-audit';
import { listAuditRows } from './audit.repository';

/** At most this many rows in one workbook; the title says when a filter matched more. */
export const AUDIT_EXPORT_MAX = 10_000;

const chinaTime = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

function changesText(e: AuditEntry): string {
  return e.changes.map((c) => `${c.label}：${c.before ?? '—'} → ${c.after ?? '—'}`).join('\n');
}

/**
 * 审计日志 as Excel: the rows of the same filter as the page (the caller's subtree), newest first, with the same
 * Chinese action names and the changed fields one per line.
 */
export async function exportAudit({ ctx, input, spreadsheet }: { ctx: Ctx; input: unknown; spreadsheet: Spreadsheet }) {
  requireRole(ctx, ['admin', 'leader']);
  const q = checkRange(AuditFilters).parse(input);
  const { rows, total } = await listAuditRows(ctx.db, await auditFilter(ctx, q, { limit: AUDIT_EXPORT_MAX, offset: 0 }));
  const entries = rows.map(toAuditEntry);
  const range = q.from || q.to ? `（${q.from ?? '最早'} 至 ${q.to ?? '今天'}）` : '';
  const more = total > entries.length ? `，共 ${total} 条，仅导出最新的 ${entries.length} 条` : `，共 ${total} 条`;
  const bytes = await spreadsheet.workbook([
    {
      name: '审计日志',
      title: `审计日志${range}${more}`,
      columns: [
        { header: '时间', width: 20 },
        { header: '操作人', width: 18 },
        { header: '操作人角色', width: 16 },
        { header: '操作', width: 20 },
        { header: '对象类型', width: 12 },
        { header: '对象编号', width: 14 },
        { header: '组织', width: 28 },
        { header: '变更内容', width: 70 },
      ],
      rows: entries.map((e) => [chinaTime.format(new Date(e.at)), e.actorName, e.actorRoleLabel, e.actionLabel, e.entityLabel, e.entityId, e.orgName ?? '', changesText(e)]),
    },
  ]);
  return { bytes, fileName: `审计日志_${todayInChina(ctx.clock)}.xlsx` };
}
