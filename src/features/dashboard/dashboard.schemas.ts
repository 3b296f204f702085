import { z } from '../../lib/zod';

const int = () => z.number().int();
const id = () => z.coerce.number().int().positive().max(2_147_483_647);

export const DashboardQuery = z.object({
  under: id().optional().openapi({ description: '看该组织及其下级（默认本人所在组织）' }),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

/** How many organizations hold one grade (or are not assessed), in the rule set's order of grades. */
export const DashboardGradeCount = z
  .object({
    grade: z.string().openapi({ description: '等次编码；not_assessed 不参加评定，ungraded 未定级' }),
    label: z.string(),
    count: int(),
    share: z.string().openapi({ description: '占该类别的百分比，一位小数' }),
  })
  .openapi('DashboardGradeCount');

export const DashboardCategory = z
  .object({ category: z.string(), categoryLabel: z.string(), total: int(), grades: z.array(DashboardGradeCount) })
  .openapi('DashboardCategory');
export type DashboardCategory = z.infer<typeof DashboardCategory>;

export const DashboardChild = z
  .object({
    id: int(),
    code: z.string(),
    name: z.string(),
    kindLabel: z.string(),
    hasChildren: z.boolean().openapi({ description: '还有下级组织，可继续下钻' }),
    scored: z.boolean().openapi({ description: '本组织有计分结果（可打开我的考核）' }),
    total: int().openapi({ description: '本组织及下级中参加计分的组织数' }),
    assessed: int(),
    lagging: int(),
    categories: z.array(DashboardCategory),
  })
  .openapi('DashboardChild');

export const DashboardTrend = z
  .object({
    category: z.string(),
    categoryLabel: z.string(),
    years: z.array(z.object({ year: int(), stateLabel: z.string(), total: int(), grades: z.array(DashboardGradeCount) })),
  })
  .openapi('DashboardTrend');

const Reason = z.object({ code: z.string().nullable(), label: z.string().nullable(), text: z.string() });

export const DashboardLagging = z
  .object({
    orgId: int(),
    code: z.string(),
    name: z.string(),
    parentName: z.string().nullable(),
    categoryLabel: z.string(),
    total: z.string(),
    gradeLabel: z.string(),
    reason: Reason,
  })
  .openapi('DashboardLagging');

export const DashboardMover = z
  .object({
    orgId: int(),
    code: z.string(),
    name: z.string(),
    parentName: z.string().nullable(),
    categoryLabel: z.string(),
    total: z.string(),
    move: z.string(),
    lastGradeLabel: z.string().nullable(),
    gradeLabel: z.string(),
  })
  .openapi('DashboardMover');

export const DashboardCoverage = z
  .object({
    key: z.enum(['orgs', 'ledger', 'ballots', 'sheets']),
    label: z.string(),
    done: int(),
    total: int(),
    percent: z.string().nullable().openapi({ description: '百分比，一位小数；分母为 0 时为空' }),
    doneLabel: z.string(),
    totalLabel: z.string(),
  })
  .openapi('DashboardCoverage');

export const Dashboard = z
  .object({
    year: int(),
    stateLabel: z.string(),
    revisionId: int().nullable().openapi({ description: '所用计分版本：已定档取最终版本，否则取最新版本；尚未计分时为空' }),
    org: z.object({ id: int(), code: z.string(), name: z.string(), kindLabel: z.string(), scored: z.boolean() }),
    breadcrumbs: z.array(z.object({ id: int(), name: z.string() })).openapi({ description: '从本人所在组织到当前组织' }),
    categories: z.array(DashboardCategory),
    children: z.array(DashboardChild),
    trend: z.array(DashboardTrend).openapi({ description: '历年（已公示或已定档，及本年度）各等次占比' }),
    lagging: z.object({ count: int(), items: z.array(DashboardLagging) }).openapi({ description: '后进名单（最多 50 个）' }),
    movers: z.object({ counts: z.array(z.object({ move: z.string(), count: int() })), items: z.array(DashboardMover) }).openapi({ description: '较上年晋位、降星、摘星（每种最多 30 个）' }),
    coverage: z.array(DashboardCoverage),
  })
  .openapi('Dashboard');
export type Dashboard = z.infer<typeof Dashboard>;
