import { z } from '../../lib/zod';
import { IsoDate } from '../common.schemas';
import { EvidenceRef } from '../ledger/ledger.schemas';
import { Tally } from '../../rules/rule-set.schema';

const OrgId = z.number().int().positive().max(2_147_483_647);

export const Inspection = z
  .object({
    id: z.number().int(),
    year: z.number().int(),
    orgId: z.number().int(),
    orgName: z.string(),
    indicator: z.string(),
    points: z.string().openapi({ example: '-2.00' }),
    reason: z.string(),
    evidence: z.array(EvidenceRef),
    inspectedOn: z.string(),
    createdBy: z.string(),
  })
  .openapi('Inspection');
export type Inspection = z.infer<typeof Inspection>;

export const CreateInspectionInput = z
  .object({
    orgId: OrgId,
    indicator: z.string().trim().min(1).max(60).openapi({ example: 'ledger_quality', description: '该组织所属考核类别细则中的指标编号' }),
    points: z
      .union([z.number(), z.string()])
      .transform((v, ctx) => {
        const text = String(v).trim();
        if (!/^-?\d{1,4}(\.\d{1,2})?$/.test(text) || Number(text) === 0) {
          ctx.addIssue({ code: 'custom', message: '应为非 0、最多两位小数的分值，扣分为负数' });
          return z.NEVER;
        }
        return Number(text).toFixed(2);
      })
      .openapi({ type: 'string', example: '-2' }),
    reason: z.string().trim().min(2).max(500).openapi({ example: '会议记录缺少签到表' }),
    inspectedOn: IsoDate,
    evidence: z.array(EvidenceRef).max(20).default([]),
  })
  .strict()
  .openapi('CreateInspection');

export const ListInspectionsQuery = z.object({ orgId: z.coerce.number().int().positive().max(2_147_483_647).optional() });

export const DeclaredFact = z
  .object({
    year: z.number().int(),
    orgId: z.number().int(),
    orgName: z.string(),
    key: z.string(),
    value: z.unknown(),
    note: z.string().nullable(),
    createdBy: z.string(),
    updatedAt: z.string(),
  })
  .openapi('DeclaredFact');
export type DeclaredFact = z.infer<typeof DeclaredFact>;

export const PutDeclaredFactInput = z
  .object({
    orgId: OrgId,
    key: z.string().trim().regex(/^[a-z][a-z0-9_.]*$/).max(60).openapi({ example: 'team.avg_age' }),
    value: z.union([z.number().finite(), z.boolean(), Tally]),
    note: z.string().trim().max(500).optional(),
  })
  .strict()
  .openapi('PutDeclaredFact');

export const ListDeclaredQuery = z.object({
  orgId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  key: z.string().max(60).optional(),
});
