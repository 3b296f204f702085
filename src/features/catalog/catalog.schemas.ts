import { z } from '../../lib/zod';
import { CategoryCode, KindCode, KindMeasure, KindPeriod } from '../../rules/catalog';

const Name = z.string().trim().min(1).max(40);

export const KindCodeParam = z.object({
  code: z.string().max(40).openapi({ param: { name: 'code', in: 'path' }, example: 'cobuilding_activity' }),
});

export const CatalogKindItem = z
  .object({
    code: z.string().openapi({ example: 'cobuilding_activity' }),
    name: z.string().openapi({ example: '共建活动' }),
    group: z.string().openapi({ example: '共驻共建' }),
    period: KindPeriod.nullable().openapi({ description: 'month 每月、quarter 每季度、year 每年；null 不定期' }),
    periodLabel: z.string(),
    measure: KindMeasure.openapi({ description: 'outcome 衡量成效，trace 只是留痕（减负校验用）' }),
    measureLabel: z.string(),
    requiresHours: z.boolean().openapi({ description: '填报时须填写时长（小时）' }),
    retired: z.boolean(),
    retiredAt: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .openapi('CatalogKind');
export type CatalogKindItem = z.infer<typeof CatalogKindItem>;

export const CreateKindInput = z
  .object({
    code: KindCode.openapi({ example: 'cobuilding_activity', description: '编码：考核细则按它引用，建立后不能修改' }),
    name: Name.openapi({ example: '共建活动', description: '名称：填报和导入时也可以用它' }),
    group: Name.openapi({ example: '共驻共建', description: '分组' }),
    period: KindPeriod.nullable().default(null).openapi({ description: 'month 每月、quarter 每季度、year 每年；不填为不定期' }),
    measure: KindMeasure.openapi({ description: 'outcome 衡量成效，trace 只是留痕' }),
    requiresHours: z.boolean().default(false).openapi({ description: '填报时须填写时长（小时）' }),
  })
  .strict()
  .openapi('CreateCatalogKind');

export const UpdateKindInput = z
  .object({
    name: Name,
    group: Name,
    period: KindPeriod.nullable(),
    measure: KindMeasure,
    requiresHours: z.boolean(),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '至少提供一个要修改的字段' })
  .openapi('UpdateCatalogKind');

export const CategoryCodeParam = z.object({
  code: z.string().max(40).openapi({ param: { name: 'code', in: 'path' }, example: 'hospital' }),
});

export const CatalogCategoryItem = z
  .object({
    code: z.string().openapi({ example: 'hospital' }),
    label: z.string().openapi({ example: '医院党组织' }),
    orgCount: z.number().int().openapi({ description: '归入这一类别的存续组织数' }),
    retired: z.boolean(),
    retiredAt: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .openapi('CatalogCategory');
export type CatalogCategoryItem = z.infer<typeof CatalogCategoryItem>;

export const CreateCategoryInput = z
  .object({
    code: CategoryCode.openapi({ example: 'hospital', description: '编码：考核细则按它引用，建立后不能修改' }),
    label: Name.openapi({ example: '医院党组织', description: '名称：排名、考核结果和导入中都用它' }),
  })
  .strict()
  .openapi('CreateCatalogCategory');

export const UpdateCategoryInput = z.object({ label: Name }).strict().openapi('UpdateCatalogCategory');
