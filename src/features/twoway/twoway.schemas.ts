import { reviewAnswers } from '../../domain/catalog';
import { z } from '../../lib/zod';
import { Hours } from '../common.schemas';

export const Direction = z.enum(['community_rates_unit', 'unit_rates_community']).openapi({ description: 'community_rates_unit 社区评价共建单位；unit_rates_community 共建单位评价社区' });

export const TwowayInput = z
  .object({
    direction: Direction,
    items: z.record(z.string(), z.number().min(0)).openapi({ description: '各项得分，如 {"attendance": 28, "activities": 20, …}；项目和满分见 GET 的 catalog' }),
    comment: z.string().trim().max(2000).optional(),
  })
  .strict()
  .openapi('TwowayInput');

const Evaluation = z.object({
  direction: Direction,
  directionLabel: z.string(),
  byOrgId: z.number().int(),
  byOrgName: z.string(),
  items: z.record(z.string(), z.number()),
  total: z.string(),
  comment: z.string().nullable(),
  submittedAt: z.string(),
});
export type Evaluation = z.infer<typeof Evaluation>;

export const TwowayView = z
  .object({
    agreementId: z.number().int(),
    year: z.number().int(),
    communityId: z.number().int(),
    communityName: z.string(),
    unitId: z.number().int(),
    unitName: z.string(),
    catalog: z
      .record(
        Direction,
        z.array(
          z.object({
            key: z.string(),
            label: z.string(),
            max: z.number(),
            computed: z.record(z.string(), z.number()).nullable().openapi({ description: '系统计算的项目：每种成果的得分；null 为由评价方填写' }),
            basis: z.string().nullable(),
            now: z.object({ points: z.number(), text: z.string() }).nullable().openapi({ description: '系统计算的项目：按今天的项目清单和微心愿算出的分数及算式' }),
          }),
        ),
      )
      .openapi({ description: '本年度使用的评价表（目录中的版本，开始评价后固定）' }),
    evaluations: z.array(Evaluation),
    missing: z.array(Direction).openapi({ description: '尚未作出的评价方向' }),
  })
  .openapi('TwowayView');
export type TwowayView = z.infer<typeof TwowayView>;

export const FeedbackInput = z
  .object({
    members: z
      .array(
        z
          .object({
            memberId: z.number().int().positive().max(2_147_483_647),
            reported: z.boolean(),
            hours: Hours.default('0'),
            rating: z.enum(reviewAnswers).optional(),
            comment: z.string().trim().max(500).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(1000),
  })
  .strict()
  .openapi('MemberFeedbackInput');

export const FeedbackView = z
  .object({
    agreementId: z.number().int(),
    items: z.array(z.object({ memberId: z.number().int(), memberName: z.string(), reported: z.boolean(), hours: z.string(), rating: z.string().nullable(), comment: z.string().nullable() })),
  })
  .openapi('MemberFeedback');
export type FeedbackView = z.infer<typeof FeedbackView>;

export const TwowayOverviewQuery = z.object({ year: z.coerce.number().int().min(1900).max(9999) });

const Side = z.object({
  done: z.boolean(),
  total: z.string().nullable().openapi({ description: '本方给出的总分；未填写为 null' }),
  submittedAt: z.string().nullable(),
});
export const TwowayOverview = z
  .object({
    year: z.number().int(),
    agreements: z.number().int(),
    complete: z.number().int().openapi({ description: '两个方向都已评价的协议数' }),
    communityOwes: z.number().int().openapi({ description: '社区尚未评价共建单位的协议数' }),
    unitOwes: z.number().int().openapi({ description: '共建单位尚未评价社区的协议数' }),
    items: z.array(
      z.object({
        agreementId: z.number().int(),
        communityId: z.number().int(),
        communityName: z.string(),
        unitId: z.number().int(),
        unitName: z.string(),
        community: Side.openapi({ description: '社区一方（社区评价共建单位）' }),
        unit: Side.openapi({ description: '共建单位一方（共建单位评价社区）' }),
        missing: z.array(Direction),
        missingText: z.string().openapi({ description: '谁还欠评价，如“社区未评价”；都已评价为空串' }),
      }),
    ),
  })
  .openapi('TwowayOverview');
export type TwowayOverview = z.infer<typeof TwowayOverview>;
