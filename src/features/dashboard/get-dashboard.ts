import { inScope, requireRole } from '../../auth/scope';
import type { OrgKind } from '../../db/database';
import { cycleStateLabel, orgKindLabel } from '../../domain/catalog';
import { invalidField } from '../../errors/app-error';
import { notAssessedLabelOf, type ScoreResult } from '../../scoring/evaluate';
import { categoryNames, type CategoryNames } from '../catalog/categories.repository';
import type { Ctx } from '../context';
import { findCycle } from '../cycles/cycles.repository';
import { resultsRevision } from '../documents/print-documents';
import { orgForRead } from '../orgs/org-access';
import type { OrgRow } from '../orgs/orgs.model';
import { findOrgsByIds } from '../orgs/orgs.repository';
import { reasonOf } from '../scoring/grade-reasons';
import { childOrgs, coverage, gradeCounts, gradeScales, gradeTrend, hasScore, laggingRows, moverRows, type ChildRow, type CoverageRow, type GradeCountRow, type ScaleRow, type TrendRow } from './dashboard.repository';
import { DashboardQuery, type Dashboard, type DashboardCategory } from './dashboard.schemas';

const kindLabelOf = (kind: string) => orgKindLabel[kind as OrgKind] ?? kind;
const LAGGING_LIMIT = 50;
const MOVER_LIMIT = 30;

type Counted = Pick<GradeCountRow, 'category' | 'grade' | 'label' | 'ord' | 'n' | 'share'>;

/**
 * Count rows as one entry per category present, listing every grade of its rule set's scale in order (those no
 * organization holds with 0), then 未定级 and those not assessed where there are any.
 */
function byCategory(rows: readonly Counted[], scale: readonly ScaleRow[], names: CategoryNames): DashboardCategory[] {
  return [...new Set(rows.map((r) => r.category))]
    .sort((a, b) => names.order(a) - names.order(b))
    .map((category) => {
      const mine = rows.filter((r) => r.category === category);
      const listed = scale.filter((g) => g.category === category);
      const extra = mine.filter((r) => !listed.some((g) => g.grade === r.grade));
      const grades = [...listed, ...extra]
        .sort((a, b) => a.ord - b.ord)
        .map((g) => {
          const r = mine.find((x) => x.grade === g.grade);
          return { grade: g.grade, label: r?.label ?? g.label, count: r?.n ?? 0, share: r?.share ?? '0.0' };
        });
      return { category, categoryLabel: names.name(category), total: mine.reduce((n, r) => n + r.n, 0), grades };
    });
}

/** Trend rows (by category, year and grade order) as one line per category with a point per year. */
function trendOf(rows: readonly TrendRow[], scale: readonly ScaleRow[], names: CategoryNames): Dashboard['trend'] {
  return byCategory(rows, [], names).map(({ category, categoryLabel }) => {
    const mine = rows.filter((r) => r.category === category);
    const years = [...new Set(mine.map((r) => r.year))].sort((a, b) => a - b).map((year) => {
      const ofYear = mine.filter((r) => r.year === year);
      const [c] = byCategory(ofYear, scale.filter((g) => g.revision_id === ofYear[0]!.revision_id), names);
      return { year, stateLabel: cycleStateLabel[ofYear[0]!.state], total: c!.total, grades: c!.grades };
    });
    return { category, categoryLabel, years };
  });
}

const percent = (done: number, total: number) => (total === 0 ? null : ((Math.round((1000 * done) / total) / 10).toFixed(1)));

function coverageOf(c: CoverageRow): Dashboard['coverage'] {
  return [
    { key: 'orgs', label: '参评组织', done: c.assessed, total: c.scored, percent: percent(c.assessed, c.scored), doneLabel: '已评定', totalLabel: '纳入计分' },
    { key: 'ledger', label: '台账审核', done: c.verified, total: c.records, percent: percent(c.verified, c.records), doneLabel: '已审核通过', totalLabel: '本年度台账' },
    { key: 'ballots', label: '群众评议', done: c.used_codes, total: c.codes, percent: percent(c.used_codes, c.codes), doneLabel: '已收回选票', totalLabel: '已发放评议码' },
    { key: 'sheets', label: '述职评议', done: c.sheets, total: c.raters, percent: percent(c.sheets, c.raters), doneLabel: '已交评议表', totalLabel: '评议人' },
  ];
}

/** The way from the caller's own organization down to the viewed one (the ancestors it may see). */
async function breadcrumbsOf(ctx: Ctx, org: OrgRow) {
  const ids = org.path.split('/').filter(Boolean).map(Number);
  const rows = (await findOrgsByIds(ctx.db, ids)).filter((o) => inScope(ctx.actor, o.path));
  return rows.sort((a, b) => a.path.length - b.path.length).map((o) => ({ id: o.id, name: o.name }));
}

/** Each child with its subtree's counts per category and grade, and its 后进. */
function childrenOf(children: readonly ChildRow[], counts: readonly GradeCountRow[], scale: readonly ScaleRow[], names: CategoryNames): Dashboard['children'] {
  return children.map((c) => {
    const mine = counts.filter((r) => !r.whole && r.child_id === c.id);
    const categories = byCategory(mine, scale, names);
    const all = categories.flatMap((x) => x.grades);
    return {
      id: c.id,
      code: c.code,
      name: c.name,
      kindLabel: kindLabelOf(c.kind),
      hasChildren: c.has_children,
      scored: c.scored,
      total: all.reduce((n, g) => n + g.count, 0),
      assessed: all.filter((g) => g.grade !== 'not_assessed').reduce((n, g) => n + g.count, 0),
      lagging: mine.reduce((n, r) => n + r.lagging, 0),
      categories,
    };
  });
}

async function listsOf(ctx: Ctx, revisionId: number | null, path: string, names: CategoryNames): Promise<Pick<Dashboard, 'lagging' | 'movers'>> {
  if (revisionId === null) return { lagging: { count: 0, items: [] }, movers: { counts: [], items: [] } };
  const [lag, moved] = await Promise.all([laggingRows(ctx.db, revisionId, path, LAGGING_LIMIT), moverRows(ctx.db, revisionId, path, MOVER_LIMIT)]);
  const counts = ['晋位', '降星', '摘星'].map((move) => ({ move, count: moved.find((m) => m.move === move)?.count ?? 0 }));
  return {
    lagging: {
      count: lag[0]?.count ?? 0,
      items: lag.map((r) => ({
        orgId: r.org_id,
        code: r.code,
        name: r.name,
        parentName: r.parent_name,
        categoryLabel: names.name(r.category),
        total: r.total,
        gradeLabel: r.assessed ? (r.grade_label ?? '未定级') : notAssessedLabelOf(r.result as ScoreResult),
        reason: reasonOf(r),
      })),
    },
    movers: {
      counts,
      items: moved.map((r) => ({ orgId: r.org_id, code: r.code, name: r.name, parentName: r.parent_name, categoryLabel: names.name(r.category), total: r.total, move: r.move, lastGradeLabel: r.last_label, gradeLabel: r.grade_label ?? '未定级' })),
    },
  };
}

/**
 * 驾驶舱: the state of a subtree in one year's results revision (final once finalized, newest before, as the
 * rankings and the printed lists): grades per category and per child organization, their shares over the years,
 * the 后进 with their reasons, the movers against last year and the year's coverage. Every number is counted in
 * SQL; the page only draws it. For the 组织部 and leaders, who see results before publication (DECISIONS.md).
 */
export async function getDashboard({ ctx, year, input }: { ctx: Ctx; year: number; input: unknown }): Promise<Dashboard> {
  requireRole(ctx, ['admin', 'leader']);
  const q = DashboardQuery.parse(input);
  const orgId = q.under ?? ctx.actor.orgId;
  if (orgId === null) throw invalidField('under', '请指定要查看的组织');
  const org = await orgForRead(ctx, orgId, 'under');
  const revision = await resultsRevision(ctx.db, year);
  const cycle = (await findCycle(ctx.db, year))!;
  const revisionId = revision?.id ?? null;
  const names = await categoryNames(ctx.db);
  const [counts, earlier, children, breadcrumbs, lists, cov, scored] = await Promise.all([
    revisionId === null ? [] : gradeCounts(ctx.db, revisionId, org.path),
    gradeTrend(ctx.db, year, org.path),
    childOrgs(ctx.db, org.id, year, revisionId),
    breadcrumbsOf(ctx, org),
    listsOf(ctx, revisionId, org.path, names),
    coverage(ctx.db, year, revisionId, org.path),
    hasScore(ctx.db, revisionId, org.id),
  ]);
  // The trend ends with this year's counts (whatever its state: the 组织部 side sees them before publication).
  const trend = [...earlier, ...counts.filter((r) => r.whole).map((r) => ({ ...r, year, state: cycle.state, revision_id: revisionId! }))];
  const scales = await gradeScales(ctx.db, [...new Set(trend.map((r) => r.revision_id))]);
  const scale = scales.filter((g) => g.revision_id === revisionId);
  return {
    year,
    stateLabel: cycleStateLabel[cycle.state],
    revisionId,
    org: { id: org.id, code: org.code, name: org.name, kindLabel: kindLabelOf(org.kind), scored },
    breadcrumbs,
    categories: byCategory(counts.filter((r) => r.whole), scale, names),
    children: childrenOf(children, counts, scale, names),
    trend: trendOf(trend, scales, names),
    lagging: lists.lagging,
    movers: lists.movers,
    coverage: coverageOf(cov),
  };
}
