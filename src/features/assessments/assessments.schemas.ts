import { z } from '../../lib/zod';
import { toDecimal2 } from '../../lib/decimal';
import { IsoDate, YearParam } from '../common.schemas';

/** One half of a two-stage score: the points, the note, who entered it and when. */
export const AssessmentScore = z
  .object({ points: z.string().openapi({ example: '8.50' }), note: z.string().nullable(), by: z.string(), byName: z.string().nullable(), at: z.string() })
  .openapi('AssessmentScore');

/** An indicator scored in two stages (自评 + 上级评定) for one organization. */
export const AssessmentItem = z
  .object({
    indicator: z.string(),
    title: z.string(),
    partTitle: z.string(),
    max: z.string().openapi({ description: '自评和上级评定的满分', example: '10.00' }),
    weights: z.object({ self: z.string(), review: z.string() }).openapi({ description: '自评与上级评定的权重，如 0.4 与 0.6；自评为 0 时以上级评定为准' }),
    ruleText: z.string().openapi({ example: '自评 40% + 上级评定 60%；未自评的，自评按 0 分计' }),
    self: AssessmentScore.nullable(),
    review: AssessmentScore.nullable(),
    difference: z.string().nullable().openapi({ description: '上级评定减自评（两者都有时）', example: '-1.50' }),
  })
  .openapi('AssessmentItem');

/** The self-assessment window of a cycle and whether it is open today. */
export const AssessmentWindow = z
  .object({ opens: z.string().nullable(), closes: z.string().nullable(), open: z.boolean(), text: z.string() })
  .openapi('AssessmentWindow');

/** An organization's two-stage indicators of the year, with what the caller may do with them. */
export const OrgAssessments = z
  .object({
    year: z.number().int(),
    orgId: z.number().int(),
    orgName: z.string(),
    ruleSet: z.object({ id: z.string(), title: z.string() }),
    window: AssessmentWindow,
    canSelf: z.boolean().openapi({ description: '调用者现在能否填报自评' }),
    canReview: z.boolean().openapi({ description: '调用者现在能否填报上级评定' }),
    items: z.array(AssessmentItem),
  })
  .openapi('OrgAssessments');
export type OrgAssessments = z.infer<typeof OrgAssessments>;

/** One organization of the caller's subtree to review: how far its self-assessment and review have got. */
export const AssessmentProgress = z
  .object({
    orgId: z.number().int(),
    orgName: z.string(),
    parentName: z.string().nullable(),
    indicators: z.number().int(),
    selfDone: z.number().int(),
    reviewDone: z.number().int(),
    status: z.enum(['notStarted', 'selfInProgress', 'awaitingReview', 'reviewed']),
    statusLabel: z.string(),
  })
  .openapi('AssessmentProgress');

export const AssessmentListQuery = z.object({
  status: z.enum(['notStarted', 'selfInProgress', 'awaitingReview', 'reviewed']).optional().openapi({ description: '只看某一进度的组织' }),
  q: z.string().trim().max(60).optional().openapi({ description: '组织名称包含' }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const AssessmentParams = YearParam.extend({
  orgId: z.coerce.number().int().positive().max(2_147_483_647).openapi({ param: { name: 'orgId', in: 'path' }, example: 30 }),
});
export const AssessmentIndicatorParams = AssessmentParams.extend({
  indicator: z.string().max(60).openapi({ param: { name: 'indicator', in: 'path' }, example: 'org_life' }),
});

export const PutAssessmentInput = z
  .object({
    points: z
      .union([z.number(), z.string()])
      .transform((v, ctx) => {
        const d = toDecimal2(v);
        if (d === null) {
          ctx.addIssue({ code: 'custom', message: '应为不小于 0、最多两位小数的分数' });
          return z.NEVER;
        }
        return d;
      })
      .openapi({ type: 'string', example: '8.5', description: '分数，0 到该指标的满分，最多两位小数' }),
    note: z.string().trim().max(500).optional().openapi({ description: '说明（自评的依据，或上级评定与自评不同的理由）' }),
  })
  .strict()
  .openapi('PutAssessment');

export const SelfAssessmentWindowInput = z
  .object({ opens: IsoDate, closes: IsoDate })
  .strict()
  .refine((w) => w.opens <= w.closes, { message: '开始日期晚于截止日期', path: ['closes'] })
  .openapi('SelfAssessmentWindow');
