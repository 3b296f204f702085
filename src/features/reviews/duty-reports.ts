import { readers, requireRole } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import type { ReviewKind } from '../../db/database';
import { reviewKindLabel } from '../../domain/catalog';
import { forbidden, notFound } from '../../errors/app-error';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { openCycleFor } from '../cycles/cycle-gates';
import { orgForRead, orgForWrite } from '../orgs/org-access';
import { findDutyReport, findDutyReportAttachment, listDutyReportRows, upsertDutyReport } from './reviews.repository';
import { DutyReportInput, DutyReportQuery, type DutyReport } from './reviews.schemas';
import type { FilePorts } from '../files/file-ports';
import { fileOf, readFile } from '../files/files.service';

/**
 * The secretary (an org_user of the organization itself) submits the duty report for the cycle, or an
 * administrator above enters it; submitting again replaces it while the cycle accepts duty reports.
 */
export async function submitDutyReport({ ctx, year, input }: { ctx: Ctx; year: number; input: unknown }): Promise<DutyReport> {
  requireRole(ctx, ['admin', 'org_user']);
  const data = DutyReportInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const org = await orgForWrite(tx, data.orgId, 'orgId');
    if (ctx.actor.role === 'org_user' && ctx.actor.orgId !== org.id) throw forbidden('述职报告由本组织的书记提交', 'orgId');
    await openCycleFor(tx, year, 'dutyReport', 'year');
    const file = data.attachment ? await fileOf(tx, org.id, data.attachment.fileId, 'attachment.fileId') : null;
    const before = await findDutyReport(tx.db, year, data.kind, org.id);
    const now = tx.clock.now();
    const { id } = await upsertDutyReport(tx.db, {
      cycle_year: year,
      kind: data.kind,
      org_id: org.id,
      text: data.text,
      attachment_file_id: file?.id ?? null,
      submitted_by: ctx.actor.id,
      submitted_at: now,
    });
    const report: DutyReport = {
      id,
      year,
      kind: data.kind,
      kindLabel: reviewKindLabel[data.kind],
      orgId: org.id,
      orgName: org.name,
      text: data.text,
      attachment: file ? { fileId: file.id, name: file.name, mime: file.mime, size: file.size } : null,
      submittedAt: now.toISOString(),
    };
    const audited = { ...report, text: `${report.text.length} 字` };
    await recordAudit(tx, {
      action: before ? 'duty_report.replace' : 'duty_report.submit',
      entity: 'duty_report',
      entityId: id,
      orgId: org.id,
      before: before ? { text: `${before.text.length} 字`, attachment: before.attachment_name, size: before.attachment_size } : undefined,
      after: audited,
    });
    return report;
  });
}

/** A year's duty reports in the caller's subtree (optionally of one organization). */
export async function listDutyReports({ ctx, year, input }: { ctx: Ctx; year: number; input: unknown }): Promise<{ items: DutyReport[] }> {
  requireRole(ctx, readers);
  const q = DutyReportQuery.parse(input);
  if (q.orgId !== undefined) await orgForRead(ctx, q.orgId, 'orgId');
  const rows = await listDutyReportRows(ctx.db, year, ctx.actor.orgPath, q.kind);
  return {
    items: rows
      .filter((r) => q.orgId === undefined || r.org_id === q.orgId)
      .map((r) => ({
        id: r.id,
        year,
        kind: r.kind as ReviewKind,
        kindLabel: reviewKindLabel[r.kind as ReviewKind],
        orgId: r.org_id,
        orgName: r.org_name,
        text: r.text,
        attachment: r.attachment_file_id ? { fileId: r.attachment_file_id, name: r.attachment_name!, mime: r.attachment_mime!, size: r.attachment_size! } : null,
        submittedAt: r.submitted_at.toISOString(),
      })),
  };
}

/** The attachment of a duty report in the caller's subtree, through the storage port (404 otherwise, and when it has none). */
export async function dutyReportAttachment({ ctx, ports, year, id }: { ctx: Ctx; ports: FilePorts; year: number; id: number }): Promise<{ bytes: Uint8Array; fileName: string; mime: string }> {
  requireRole(ctx, readers);
  const row = await findDutyReportAttachment(ctx.db, year, id);
  if (!row?.attachment_file_id) throw notFound('述职报告附件', 'id');
  const file = await readFile({ ctx, ports, id: row.attachment_file_id, variant: 'content' });
  return { bytes: file.bytes, fileName: file.name, mime: file.mime };
}
