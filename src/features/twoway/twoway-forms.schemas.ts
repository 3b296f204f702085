import { z } from '../../lib/zod';
import { Direction } from './twoway.schemas';

const Points = z.number().min(-100).max(100).multipleOf(0.01, '最多两位小数');
export const TwowayComputedInput = z
  .object({
    closedOnTime: Points.describe('单位在该社区按期销号的项目，每个得分'),
    closedLate: Points.describe('逾期销号的项目，每个得分'),
    wishFulfilled: Points.describe('实现该社区（含网格）的微心愿，每个得分'),
    overdueOpen: Points.describe('逾期未销号的项目，每个得分（一般为负数）'),
  })
  .strict();

export const TwowayFormItemInput = z
  .object({
    key: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, '编码只能用小写字母、数字和下划线，并以字母开头')
      .refine((k) => !Object.getOwnPropertyNames(Object.prototype).includes(k), '这个编码是保留字，请换一个'),
    label: z.string().trim().min(1, '请填写项目名称').max(30),
    max: z.number().positive('满分须大于 0').max(100).multipleOf(0.01, '最多两位小数'),
    computed: TwowayComputedInput.optional().openapi({ description: '有此项时由系统按项目清单和微心愿计算（资源项目落实），双方不填写' }),
  })
  .strict();

export const TwowayFormInput = z.object({ items: z.array(TwowayFormItemInput).min(1, '至少一项').max(12, '最多 12 项') }).strict().openapi('TwowayFormInput');

export const TwowayFormItem = z.object({
  key: z.string(),
  label: z.string(),
  max: z.number(),
  computed: TwowayComputedInput.nullable(),
  basis: z.string().nullable().openapi({ description: '系统计算的项目：计算方法（中文）' }),
});

export const TwowayForm = z.object({
  direction: Direction,
  directionLabel: z.string(),
  version: z.number().int(),
  items: z.array(TwowayFormItem),
  createdBy: z.string(),
  createdAt: z.string(),
  pinnedYears: z.array(z.object({ year: z.number().int(), version: z.number().int() })).openapi({ description: '已开始评价的年度及其使用的版本（不随新版本改变）' }),
});

export const TwowayForms = z.object({ forms: z.array(TwowayForm), canEdit: z.boolean() }).openapi('TwowayForms');
export type TwowayForms = z.infer<typeof TwowayForms>;
export const DirectionParam = z.object({ direction: Direction.openapi({ param: { name: 'direction', in: 'path' } }) });
