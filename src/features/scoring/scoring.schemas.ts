import { z } from '../../lib/zod';

const FactValueOut = z.union([z.number(), z.boolean(), z.record(z.string(), z.record(z.string(), z.number())), z.null()]);

export const ScoreLine = z.object({
  clause: z.number().int(),
  type: z.string(),
  text: z.string().openapi({ example: '主题党日 11 次，每次 5 分，11 × 5 = 55 分，超过上限，计 50 分' }),
  points: z.string().openapi({ example: '50.00' }),
  facts: z.record(z.string(), FactValueOut),
  evidence: z.array(z.object({ fact: z.string(), label: z.string(), href: z.string() })),
});

export const Scorecard = z
  .object({
    org: z.object({ id: z.number().int(), code: z.string(), name: z.string(), category: z.string().nullable(), categoryLabel: z.string().nullable() }),
    year: z.number().int(),
    revision: z.object({ id: z.number().int(), createdAt: z.string(), createdBy: z.string() }),
    ruleSet: z.object({ id: z.string(), title: z.string(), version: z.string(), hash: z.string() }),
    assessed: z.boolean(),
    notAssessedLabel: z.string().openapi({ description: '细则对不予评定的组织的称呼，如“不参加评定”“不定级”“不评星级”', example: '不参加评定' }),
    gradeScale: z.array(z.object({ grade: z.string(), label: z.string() })).openapi({ description: '该组织细则的全部等次（由高到低），更正时从中选择' }),
    reasons: z.array(z.string()),
    grade: z
      .object({
        grade: z.string().nullable(),
        label: z.string().nullable(),
        stars: z.number().int().nullable().openapi({ description: '细则为该等次写明的星数（页面显示几颗星）；未写明时为空' }),
        rankCategory: z.number().int().nullable(),
        rankParent: z.number().int().nullable(),
        ranksVisible: z.boolean().openapi({ description: '调用者能否看到名次（细则 showRankTo；不能看到时两个名次为空）' }),
        lagging: z.boolean(),
        move: z.string().nullable(),
        lastGradeLabel: z.string().nullable(),
        steps: z.array(z.string()),
        consequences: z.array(z.string()),
        next: z
          .object({
            grade: z.string(),
            label: z.string(),
            missing: z.string(),
            headroom: z.array(z.object({ indicator: z.string(), title: z.string(), points: z.string() })),
            blockers: z.array(z.string()),
            text: z.string(),
          })
          .nullable(),
      })
      .nullable(),
    total: z.string().openapi({ example: '86.35' }),
    totalText: z.string(),
    parts: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        kind: z.string(),
        points: z.string(),
        max: z.string().nullable(),
        valid: z.boolean(),
        invalidReason: z.string().nullable(),
        note: z.string().nullable(),
        indicators: z.array(
          z.object({ id: z.string(), title: z.string(), points: z.string(), max: z.string().nullable(), note: z.string().nullable(), lines: z.array(ScoreLine) }),
        ),
      }),
    ),
  })
  .openapi('Scorecard');
export type Scorecard = z.infer<typeof Scorecard>;

export const ScoreListItem = z
  .object({
    orgId: z.number().int(),
    code: z.string(),
    name: z.string(),
    category: z.string(),
    assessed: z.boolean(),
    total: z.string(),
  })
  .openapi('ScoreListItem');

export const ScoreListQuery = z.object({
  category: z.string().max(40).optional(),
  under: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  /** A page of the list (best first): at most `limit` rows from `offset`; `total` says how many there are. */
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

export const ScorecardQuery = z.object({ revision: z.coerce.number().int().positive().max(2_147_483_647).optional() });

export const ComputeInput = z
  .object({
    note: z.string().trim().max(200).optional(),
    changed: z.boolean().optional().openapi({ description: '只重算上次计分以来数据有变化的组织（增量版本）；不能增量时自动全部重算' }),
  })
  .strict();

export const RevisionSummary = z
  .object({
    revisionId: z.number().int(),
    year: z.number().int(),
    state: z.string(),
    organizations: z.number().int(),
    rescored: z.number().int().openapi({ description: '本次实际重新计分的组织数（全部重算时等于 organizations）' }),
    baseRevisionId: z.number().int().nullable().openapi({ description: '增量版本所依据的完整版本；全部重算时为 null' }),
    categories: z.array(
      z.object({
        category: z.string(),
        ruleSet: z.string(),
        organizations: z.number().int(),
        assessed: z.number().int(),
        mean: z.string(),
        min: z.string(),
        max: z.string(),
        grades: z.record(z.string(), z.number().int()).optional().openapi({ description: '各等次的组织数' }),
      }),
    ),
    warnings: z.array(z.string()).optional().openapi({ description: '定级时的提示（如名额不足）' }),
  })
  .openapi('RevisionSummary');

/** One year of an organization's results: the year's final revision once finalized, else its newest. */
export const HistoryItem = z
  .object({
    year: z.number().int(),
    state: z.string(),
    stateLabel: z.string(),
    final: z.boolean().openapi({ description: '已定档（取最终版本）' }),
    assessed: z.boolean(),
    total: z.string(),
    gradeLabel: z.string().nullable(),
    stars: z.number().int().nullable(),
    lagging: z.boolean(),
  })
  .openapi('HistoryItem');

export const RankingQuery = z.object({
  under: z.coerce.number().int().positive().max(2_147_483_647).optional().openapi({ description: '只看该组织及其下级' }),
  category: z.string().max(40).optional(),
});

/** One organization's place in the rankings, with the reason its grade is not simply its band (the phrasebook's words). */
export const RankingItem = z
  .object({
    orgId: z.number().int(),
    code: z.string(),
    name: z.string(),
    parentId: z.number().int().nullable(),
    parentName: z.string().nullable(),
    category: z.string(),
    categoryLabel: z.string(),
    total: z.string(),
    assessed: z.boolean(),
    grade: z.string().nullable(),
    gradeLabel: z.string(),
    rankCategory: z.number().int().nullable(),
    rankParent: z.number().int().nullable(),
    move: z.string().nullable(),
    lagging: z.boolean(),
    reason: z.object({
      code: z.string().nullable().openapi({ description: '定级步骤编码：band 分数段、quota 比例、veto 一票否决、cap 封顶、prerequisite 前置条件、direct 直接定级、yearOverYear 升降限制、correction 更正；not_assessed 不予评定' }),
      label: z.string().nullable(),
      text: z.string(),
    }),
  })
  .openapi('RankingItem');
export type RankingItem = z.infer<typeof RankingItem>;
