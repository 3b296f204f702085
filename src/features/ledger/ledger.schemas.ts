import { z } from '../../lib/zod';
import { Hours, IsoDate, Pagination } from '../common.schemas';

export const RecordStatus = z.enum(['submitted', 'verified', 'rejected']);

export const EvidenceRef = z
  .object({
    name: z.string().trim().min(1).max(100).openapi({ example: '会议记录.jpg' }),
    ref: z.string().trim().min(1).max(500).openapi({ example: 'files/2025/0618-会议记录.jpg' }),
  })
  .strict();

/** Evidence as a ledger record shows it: a text reference, or a stored file (open it at /api/files/{fileId}). */
export const LedgerEvidence = z
  .object({
    name: z.string(),
    ref: z.string().optional(),
    fileId: z.number().int().optional(),
    mime: z.string().optional(),
    size: z.number().int().optional(),
  })
  .openapi('LedgerEvidence');

/** Evidence given with a new record: a text reference, or a file uploaded through POST /api/files for the same organization. */
export const LedgerEvidenceInput = z.union([EvidenceRef, z.object({ fileId: z.number().int().positive().max(2_147_483_647) }).strict()]);

export const LedgerRecord = z
  .object({
    id: z.number().int(),
    orgId: z.number().int(),
    orgName: z.string(),
    cycleYear: z.number().int(),
    kind: z.string(),
    kindName: z.string(),
    occurredOn: z.string(),
    title: z.string(),
    participants: z.number().int(),
    memberIds: z.array(z.number().int()).openapi({ description: '参加的党员（编号）' }),
    hours: z.string().nullable(),
    evidence: z.array(LedgerEvidence),
    status: RecordStatus,
    statusLabel: z.string(),
    source: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
    reviewedBy: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    reviewReason: z.string().nullable(),
  })
  .openapi('LedgerRecord');
export type LedgerRecord = z.infer<typeof LedgerRecord>;

export const CreateLedgerInput = z
  .object({
    orgId: z.number().int().positive().max(2_147_483_647),
    kind: z.string().trim().min(1).max(40).openapi({ example: 'theme_day', description: '记录类型编码或中文名，见 GET /api/ledger/kinds' }),
    occurredOn: IsoDate,
    cycleYear: z.number().int().min(1900).max(9999).optional().openapi({ description: '可选；给出时日期必须在该年度内' }),
    title: z.string().trim().min(1, '请填写标题').max(200, '标题不超过 200 字').openapi({ example: '6 月主题党日：重温入党誓词' }),
    participants: z.number().int().min(0).max(100_000).optional(),
    memberIds: z.array(z.number().int().positive().max(2_147_483_647)).max(5000).optional(),
    hours: Hours.optional(),
    evidence: z.array(LedgerEvidenceInput).max(20).default([]),
  })
  .strict()
  .openapi('CreateLedgerRecord');
export type CreateLedgerInput = z.infer<typeof CreateLedgerInput>;

/** The whole record again, as the entry form sends it when a record not yet verified is corrected. */
export const UpdateLedgerInput = CreateLedgerInput.omit({ orgId: true }).openapi('UpdateLedgerRecord');
export type UpdateLedgerInput = z.infer<typeof UpdateLedgerInput>;

export const ListLedgerQuery = Pagination.extend({
  cycle: z.coerce.number().int().min(1900).max(9999).optional(),
  orgId: z.coerce.number().int().positive().max(2_147_483_647).optional().openapi({ description: '只看该组织自己的记录' }),
  under: z.coerce.number().int().positive().max(2_147_483_647).optional().openapi({ description: '该组织及其全部下级的记录' }),
  kind: z.string().trim().min(1).max(300).optional().openapi({ description: '记录类型编码或中文名，多个用逗号分隔' }),
  status: RecordStatus.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type ListLedgerQuery = z.infer<typeof ListLedgerQuery>;

export const RejectInput = z
  .object({ reason: z.string().trim().min(2).max(500).openapi({ example: '缺少签到表' }) })
  .strict()
  .openapi('RejectLedgerRecord');

export const BulkReviewInput = z
  .object({
    ids: z.array(z.number().int().positive().max(2_147_483_647)).min(1).max(500).openapi({ description: '待审核记录的编号，最多 500 条' }),
    action: z.enum(['verify', 'reject']).openapi({ description: 'verify 审核通过；reject 退回（须说明原因）' }),
    reason: z.string().trim().min(2).max(500).optional().openapi({ example: '缺少签到表' }),
  })
  .strict()
  .openapi('BulkReviewLedger');

export const RecordKind = z
  .object({
    code: z.string(),
    name: z.string(),
    groupName: z.string(),
    unit: z.enum(['times', 'hours']),
    measure: z.enum(['outcome', 'trace']),
  })
  .openapi('RecordKind');
