import { inScope, readers, requireRole } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import type { ReviewKind } from '../../db/database';
import { reviewKindLabel } from '../../domain/catalog';
import { forbidden, invalidField, notFound } from '../../errors/app-error';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { openCycleFor } from '../cycles/cycle-gates';
import { orgForRead, orgForWrite } from '../orgs/org-access';
import { findDutyReport, findDutyReportAttachment, listDutyReportRows, upsertDutyReport } from './reviews.repository';
import { DutyReportInput, DutyReportQuery, MAX_ATTACHMENT, type DutyReport } from './reviews.schemas';

function decodeBase64(text: string): Uint8Array {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * The secretary (an org_user of the organization itself) submits the duty report for the cycle, or an
 * administrator above enters it; submitting again replaces it while the cycle accepts duty reports.
 */
export async function submitDutyReport({ ctx, year, input }: { ctx: Ctx; year: number; input: unknown }): Promise<DutyReport> {
  requireRole(ctx, ['admin', 'org_user']);
  const data = DutyReportInput.parse(input);
  const bytes = data.attachment ? decodeBase64(data.attachment.contentBase64) : null;
  if (bytes && bytes.length > MAX_ATTACHMENT) throw invalidField('attachment.contentBase64', '附件不能超过 5 MB');
  if (bytes && bytes.length === 0) throw invalidField('attachment.contentBase64', '附件是空的');
  return withTransaction(ctx, async (tx) => {
    const org = await orgForWrite(tx, data.orgId, 'orgId');
    if (ctx.actor.role === 'org_user' && ctx.actor.orgId !== org.id) throw forbidden('述职报告由本组织的书记提交', 'orgId');
    await openCycleFor(tx, year, 'dutyReport', 'year');
    const before = await findDutyReport(tx.db, year, data.kind, org.id);
    const now = tx.clock.now();
    const { id } = await upsertDutyReport(tx.db, {
      cycle_year: year,
      kind: data.kind,
      org_id: org.id,
      text: data.text,
      attachment_name: data.attachment?.name ?? null,
      attachment_mime: data.attachment?.mime ?? null,
      attachment: bytes,
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
      attachment: data.attachment && bytes ? { name: data.attachment.name, mime: data.attachment.mime, size: bytes.length } : null,
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
        attachment: r.attachment_name ? { name: r.attachment_name, mime: r.attachment_mime!, size: r.attachment_size ?? 0 } : null,
        submittedAt: r.submitted_at.toISOString(),
      })),
  };
}

/** The attachment of a duty report in the caller's subtree (404 otherwise, and when it has none). */
export async function dutyReportAttachment({ ctx, year, id }: { ctx: Ctx; year: number; id: number }): Promise<{ bytes: Uint8Array; fileName: string; mime: string }> {
  requireRole(ctx, readers);
  const row = await findDutyReportAttachment(ctx.db, year, id);
  if (!row || !inScope(ctx.actor, row.path) || !row.attachment) throw notFound('述职报告附件', 'id');
  return { bytes: new Uint8Array(row.attachment), fileName: row.attachment_name!, mime: row.attachment_mime! };
}
