import { requireRole } from '../../auth/scope';
import { notAssessedLabelOf, type ScoreResult } from '../../scoring/evaluate';
import type { Ctx } from '../context';
import { findCycle } from '../cycles/cycles.repository';
import { orgForRead } from '../orgs/org-access';
import { notFound } from '../../errors/app-error';
import { reasonOf } from './grade-reasons';
import { RankingQuery, type RankingItem } from './scoring.schemas';
import { findRevision, latestRevision, revisionResults } from './scores.repository';

/**
 * 排名: the organizations of the caller's subtree (or of one organization in it) in the year's results revision —
 * the final one once finalized, the newest before, as the ranking PDF — each with its ranks and the reason its grade
 * is not simply its band, read from the stored step code. For the 组织部 and leaders (ranks are theirs, DECISIONS.md).
 */
export async function listRankings({ ctx, year, input }: { ctx: Ctx; year: number; input: unknown }): Promise<{ revisionId: number | null; items: RankingItem[] }> {
  requireRole(ctx, ['admin', 'leader']);
  const q = RankingQuery.parse(input);
  const prefix = q.under ? (await orgForRead(ctx, q.under, 'under')).path : ctx.actor.orgPath;
  const cycle = await findCycle(ctx.db, year);
  if (!cycle) throw notFound(`${year} 年度考核周期`, 'year');
  const revision = cycle.final_revision_id !== null ? await findRevision(ctx.db, cycle.final_revision_id) : await latestRevision(ctx.db, year);
  if (!revision) return { revisionId: null, items: [] };
  const rows = (await revisionResults(ctx.db, revision.id, prefix)).filter((r) => !q.category || r.category === q.category);
  return {
    revisionId: revision.id,
    items: rows.map((r) => ({
      orgId: r.org_id,
      code: r.code,
      name: r.name,
      parentId: r.parent_id,
      parentName: r.parent_name,
      category: r.category,
      categoryLabel: r.category_label ?? r.category,
      total: r.total,
      assessed: r.assessed,
      grade: r.grade,
      gradeLabel: r.assessed ? (r.grade_label ?? '未定级') : notAssessedLabelOf(r.result as ScoreResult),
      rankCategory: r.rank_category,
      rankParent: r.rank_parent,
      move: r.move,
      lagging: r.lagging ?? false,
      reason: reasonOf(r),
    })),
  };
}
