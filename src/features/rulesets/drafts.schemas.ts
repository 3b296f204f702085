import { z } from '../../lib/zod';
import { ruleSetLimits } from '../../rules/limits';

/**
 * Rule-set drafts (DECISIONS.md: rule sets live in the database). A draft is the JSON text of a rule set being
 * edited, kept even while it does not compile; publishing it into a cycle stores it as a version and pins it.
 */

const CategoryRef = z.object({ code: z.string(), label: z.string() });

/** One problem of a draft at its JSON path, in Chinese (schema, semantics, limits, or a failing example). */
export const DraftIssue = z
  .object({
    path: z.string().openapi({ example: '$.parts[0].indicators[2].clauses[0].points' }),
    message: z.string(),
    line: z.number().int().nullable().openapi({ description: '出错位置在草稿文本中的行号（从 1 起；找不到时为空）' }),
    severity: z.enum(['error', 'warning']),
  })
  .openapi('RuleDraftIssue');

export const DraftSource = z
  .string()
  .max(ruleSetLimits.fileChars, `细则文本不能超过 ${ruleSetLimits.fileChars} 个字符`)
  .openapi({ description: '细则的 JSON 文本（与 rules/*.json 的格式相同）' });

/** A draft as listed: what it is, whether it compiles, where it came from, and whether it was published. */
export const RuleDraftSummary = z
  .object({
    id: z.number().int(),
    ruleSetId: z.string().nullable().openapi({ description: '细则的 id（文本无法解析时为空）' }),
    title: z.string().nullable(),
    version: z.string().nullable(),
    categories: z.array(CategoryRef),
    valid: z.boolean().openapi({ description: '能否通过校验（含示例）' }),
    errorCount: z.number().int().openapi({ description: '上次保存时的错误个数' }),
    hash: z.string().nullable().openapi({ description: '通过校验时的内容校验码（发布后即版本的校验码）' }),
    basedOn: z.string().nullable().openapi({ description: '从哪一版细则复制而来（校验码）' }),
    origin: z.enum(['file', 'console', 'cli']).openapi({ description: 'file：启动时从 rules/ 导入；console：在页面上新建；cli：命令行导入' }),
    file: z.string().nullable().openapi({ description: '导入时的文件名' }),
    updatedAt: z.string(),
    updatedBy: z.string().nullable().openapi({ description: '最后修改者的姓名' }),
    publishedYear: z.number().int().nullable(),
    publishedAt: z.string().nullable(),
  })
  .openapi('RuleDraftSummary');
export type RuleDraftSummary = z.infer<typeof RuleDraftSummary>;

export const RuleDraft = RuleDraftSummary.extend({ source: z.string(), issues: z.array(DraftIssue) }).openapi('RuleDraft');
export type RuleDraft = z.infer<typeof RuleDraft>;

export const RuleDrafts = z
  .object({ canEdit: z.boolean().openapi({ description: '调用者能否新建、修改、预览和发布草稿（区县组织部管理员）' }), items: z.array(RuleDraftSummary) })
  .openapi('RuleDrafts');

/** A new draft: a copy of a version (pinned, stored or in force) by its hash, or a text. */
export const CreateDraftInput = z
  .object({
    fromHash: z.string().regex(/^[0-9a-f]{64}$/, '细则版本的校验码应为 64 位十六进制数字').optional(),
    source: DraftSource.optional(),
    forCategory: z.string().max(40).optional().openapi({ description: '复制为这一考核类别的第一版细则（新增的类别用）：只适用于该类别，编号、标题随之改变，版本为 1' }),
  })
  .strict()
  .refine((v) => (v.fromHash === undefined) !== (v.source === undefined), { message: '请给出 fromHash（复制某一版细则）或 source（细则文本）二者之一' })
  .refine((v) => v.forCategory === undefined || v.fromHash !== undefined, { message: 'forCategory 只能与 fromHash 一起使用', path: ['forCategory'] })
  .openapi('CreateRuleDraftInput');

/** Saving keeps the text even when it does not compile; `updatedAt` as read refuses a lost update (409). */
export const SaveDraftInput = z.object({ source: DraftSource, updatedAt: z.string().optional() }).strict().openapi('SaveRuleDraftInput');

export const ValidateDraftInput = z.object({ source: DraftSource }).strict().openapi('ValidateRuleDraftInput');

/** What the server says of a text while it is typed: its issues and, when it compiles, its hash and what it is. */
export const DraftValidation = z
  .object({
    valid: z.boolean(),
    previewable: z.boolean().openapi({ description: '可以预览：细则本身无误，只有示例可能未通过（发布须全部通过）' }),
    hash: z.string().nullable(),
    ruleSetId: z.string().nullable(),
    title: z.string().nullable(),
    version: z.string().nullable(),
    categories: z.array(CategoryRef),
    examples: z.number().int().openapi({ description: '通过的示例个数' }),
    issues: z.array(DraftIssue),
  })
  .openapi('RuleDraftValidation');
export type DraftValidation = z.infer<typeof DraftValidation>;

export const PreviewDraftInput = z.object({ year: z.number().int().min(1900).max(9999) }).strict().openapi('PreviewRuleDraftInput');

const GradeCount = z.record(z.string(), z.number().int());

/** 预览: the grade distribution before and after, and every organization whose grade moves, with why. */
export const RulePreview = z
  .object({
    previewId: z.number().int(),
    year: z.number().int(),
    ruleSet: z.object({ id: z.string(), title: z.string(), version: z.string(), hash: z.string() }),
    categories: z.array(z.string()),
    before: GradeCount.openapi({ description: '现用版本下各等次的组织数（等次名 → 个数，按细则的等次顺序）' }),
    after: GradeCount,
    changes: z.array(
      z.object({
        orgId: z.number().int(),
        code: z.string(),
        name: z.string(),
        before: z.object({ total: z.string(), grade: z.string().nullable() }),
        after: z.object({ total: z.string(), grade: z.string().nullable() }),
        why: z.array(z.string()),
      }),
    ),
    warnings: z.array(z.string()),
  })
  .openapi('RulePreview');

export const PublishDraftInput = z
  .object({ year: z.number().int().min(1900).max(9999), previewId: z.number().int().positive().optional().openapi({ description: '本年度已有计分结果时必填：同一内容的预览编号' }) })
  .strict()
  .openapi('PublishRuleDraftInput');

export const PublishedDraft = z
  .object({
    year: z.number().int(),
    ruleSet: z.object({ id: z.string(), version: z.string(), hash: z.string() }),
    categories: z.array(z.string()),
    previewId: z.number().int().nullable(),
    draft: RuleDraftSummary,
  })
  .openapi('PublishedRuleDraft');
