import { z } from '../../lib/zod';

export const FilePurpose = z
  .enum(['ledger_evidence', 'duty_report', 'appeal_evidence', 'cobuilding_evidence'])
  .openapi({ description: 'ledger_evidence 台账佐证材料；duty_report 述职报告附件；appeal_evidence 申诉材料；cobuilding_evidence 共建项目进度、销号佐证' });

export const UploadFileForm = z.object({
  orgId: z.coerce.number().int().positive().max(2_147_483_647).openapi({ description: '文件所属组织（其上级可查看）' }),
  purpose: FilePurpose.default('ledger_evidence'),
});

export const StoredFile = z
  .object({
    id: z.number().int(),
    orgId: z.number().int(),
    name: z.string(),
    mime: z.enum(['image/jpeg', 'image/png', 'image/webp', 'application/pdf']),
    size: z.number().int(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    hasThumbnail: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('StoredFile');
export type StoredFile = z.infer<typeof StoredFile>;
