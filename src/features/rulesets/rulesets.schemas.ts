import { z } from '../../lib/zod';

export const HashParam = z.object({
  hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, '细则版本的校验码应为 64 位十六进制数字')
    .openapi({ param: { name: 'hash', in: 'path' }, example: 'a3f1…（64 位）' }),
});

const CategoryRef = z.object({ code: z.string(), label: z.string() });

/** The version of one category's rule set that governs a year: pinned to it, or the one in force. */
export const YearRuleSet = z
  .object({
    category: z.string(),
    categoryLabel: z.string(),
    id: z.string(),
    title: z.string(),
    version: z.string(),
    hash: z.string(),
    categories: z.array(CategoryRef).openapi({ description: '这一版细则适用的全部考核类别' }),
    pinned: z.boolean().openapi({ description: '是否已固定到本年度（首次计分或发布时固定）' }),
    pinnedAt: z.string().nullable(),
    pinnedBy: z.string().nullable().openapi({ description: '固定者的姓名（命令行为“命令行”）' }),
  })
  .openapi('YearRuleSet');

export const YearRuleSets = z
  .object({
    year: z.number().int(),
    ownCategory: z.string().nullable().openapi({ description: '调用者所在组织的考核类别（页面默认显示它）' }),
    items: z.array(YearRuleSet),
  })
  .openapi('YearRuleSets');
export type YearRuleSets = z.infer<typeof YearRuleSets>;

const RubricRow = z.object({ indicatorId: z.string(), indicator: z.string(), points: z.number().nullable(), method: z.array(z.string()) });

const RubricPart = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(['score', 'bonus', 'deduction']),
  kindLabel: z.string(),
  points: z.number().nullable(),
  weight: z.number(),
  counted: z.boolean(),
  notes: z.array(z.string()),
  rows: z.array(RubricRow),
});

const RubricGrade = z.object({ id: z.string(), label: z.string(), stars: z.number().int().nullable(), condition: z.string(), consequences: z.array(z.string()) });

/** 考核细则表: parts, indicators, points and how each is scored, and the grading rules, in Chinese. */
export const Rubric = z
  .object({
    id: z.string(),
    title: z.string(),
    version: z.string(),
    hash: z.string(),
    source: z.string().nullable(),
    categories: z.array(CategoryRef),
    total: z.number().nullable(),
    totalText: z.string(),
    notes: z.array(z.string()),
    parts: z.array(RubricPart),
    grading: z.object({ grades: z.array(RubricGrade), rules: z.array(z.string()) }).nullable(),
  })
  .openapi('Rubric');
