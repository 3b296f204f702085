import { LRUCache } from 'lru-cache';
import { inScope, readers, requireRole } from '../../auth/scope';
import { forbidden, notFound } from '../../errors/app-error';
import { cycleStateLabel } from '../../domain/catalog';
import type { CycleState } from '../../db/database';
import { findCycle } from '../cycles/cycles.repository';
import type { FactDef, RuleSet } from '../../rules/rule-set.schema';
import { notAssessedLabelOf, type ScoreResult } from '../../scoring/evaluate';
import type { Ctx } from '../context';
import { orgForRead } from '../orgs/org-access';
import { windowDates } from './facts.repository';
import { ruleSetByHash } from './rule-set-cache';
import { countScores, historyRows, latestRevision, listScores, scorecardRow } from './scores.repository';
import type { Scorecard } from './scoring.schemas';

/** Where to see the records behind a fact: the ledger, meeting, check-in or inspection list, filtered. */
function evidenceHref(def: FactDef, orgId: number, year: number): string | null {
  const q = new URLSearchParams();
  if ('kinds' in def) {
    // A longest gap reads the whole year (and, across years, the year before: not linked).
    const { from, to } = windowDates(year, 'window' in def ? def.window : 'year');
    q.set('orgId', String(orgId));
    q.set('cycle', String(year));
    q.set('kind', def.kinds.join(','));
    if (def.status === 'verified' || def.status === 'submitted' || def.status === 'rejected') q.set('status', def.status);
    q.set('from', from);
    q.set('to', to);
    return `/api/ledger?${q}`;
  }
  if (def.source.startsWith('meetings.')) return `/api/meetings?cycle=${year}`;
  if (def.source.startsWith('checkins.')) return `/api/checkins?cycle=${year}`;
  if (def.source.startsWith('inspections.')) return `/api/cycles/${year}/inspections?orgId=${orgId}`;
  if (def.source.startsWith('reviews.')) return `/api/reviews?year=${year}`;
  if (def.source.startsWith('twoway.')) return `/api/agreements?year=${year}`;
  if (def.source.startsWith('ballots.')) return `/api/campaigns?year=${year}`;
  if (def.source === 'declared') return `/api/cycles/${year}/facts?orgId=${orgId}&key=${encodeURIComponent(def.key)}`;
  return null;
}

/** The stars a rule set gives a grade (null when it names none). */
const starsOf = (rs: RuleSet, grade: string | null) => rs.grading?.grades.find((x) => x.id === grade)?.stars ?? null;

/** Ranks are the 组织部's and leaders' to see unless the rule set shows them to all (DECISIONS.md, `showRankTo`). */
export const ranksVisible = (ctx: Ctx, rs: Pick<RuleSet, 'grading'>) => ctx.actor.role === 'admin' || ctx.actor.role === 'leader' || rs.grading?.showRankTo === 'all';

/**
 * An organization's results over the years up to `year` that the caller may see (organizations: published and
 * finalized years; the 组织部 side: every scored year): total, grade and stars from each year's final revision
 * once finalized, else from its newest.
 */
export async function scoreHistory({ ctx, year, orgId }: { ctx: Ctx; year: number; orgId: number }) {
  requireRole(ctx, readers);
  const org = await orgForRead(ctx, orgId, 'orgId');
  const inner = ctx.actor.role === 'admin' || ctx.actor.role === 'leader';
  const rows = (await historyRows(ctx.db, org.id, year)).filter((r) => inner || r.state === 'published' || r.state === 'finalized');
  const bodies = new Map<string, RuleSet>();
  for (const hash of new Set(rows.map((r) => r.rule_set_hash))) bodies.set(hash, (await ruleSetByHash(ctx.db, hash))!);
  const items = rows.map((r) => ({
    year: r.year,
    state: r.state,
    stateLabel: cycleStateLabel[r.state],
    final: r.state === 'finalized',
    assessed: r.assessed,
    total: r.total,
    gradeLabel: r.grade_label,
    stars: starsOf(bodies.get(r.rule_set_hash)!, r.grade),
    lagging: r.lagging ?? false,
  }));
  return { items };
}

/**
 * Results reach the organizations when they are published (公示): before that only the 组织部 side (admins
 * and leaders) sees them. Refuses an organization's own user with the reason.
 */
export async function requireResultsVisible(ctx: Ctx, year: number): Promise<void> {
  if (ctx.actor.role === 'admin' || ctx.actor.role === 'leader') return;
  refuseUnpublished(ctx, year, (await findCycle(ctx.db, year))?.state ?? null);
}

/** requireResultsVisible for a cycle state already read (null: no such cycle). */
function refuseUnpublished(ctx: Ctx, year: number, state: CycleState | null): void {
  if (ctx.actor.role === 'admin' || ctx.actor.role === 'leader') return;
  if (!state) throw notFound(`${year} 年度考核周期`, 'year');
  if (state !== 'published' && state !== 'finalized') {
    throw forbidden(`${year} 年度考核周期处于「${cycleStateLabel[state]}」状态，结果公示后各组织才能查看`, 'year');
  }
}

type CardRow = NonNullable<Awaited<ReturnType<typeof scorecardRow>>>;

/**
 * Built scorecards as JSON text, everything but the organization's own row (read live: it may be renamed), by revision,
 * organization and whether the caller sees ranks. A revision's scores and grades never change once committed (a
 * correction is a new revision), so an entry is never stale; the revision's creation time is in the key too, so a
 * database restored under a running server cannot answer from an older one's entries. One per application (and so per
 * database), bounded in bytes: 32 MB hold about 5,000 scorecards.
 */
export function scorecardCache() {
  return new LRUCache<string, string>({ maxSize: 32 * 1024 * 1024, sizeCalculation: (text) => text.length * 2 });
}
export type ScorecardCache = ReturnType<typeof scorecardCache>;

/** The scorecard's first query: the organization in scope, results visible, a revision that scored it. */
async function scorecardHead(ctx: Ctx, year: number, orgId: number, revision: number | undefined, full: boolean) {
  requireRole(ctx, readers);
  // One scoped query: the organization with its path (checked as orgForRead checks it), the cycle's state, the score.
  const org = await scorecardRow(ctx.db, year, orgId, revision, full);
  if (!org || !inScope(ctx.actor, org.path)) throw notFound('组织', 'orgId');
  refuseUnpublished(ctx, year, org.cycle_state);
  if (org.revision_id === null) throw notFound(`「${org.name}」${year} 年度的计分结果`, 'year');
  return { ...org, revision_id: org.revision_id };
}

const orgOf = (org: CardRow): Scorecard['org'] => ({
  id: org.id,
  code: org.code,
  name: org.name,
  category: org.category,
  categoryLabel: org.category === null ? null : (org.category_label ?? org.category),
});

/**
 * The stored scorecard of an organization for a cycle (the newest revision, or the one asked for):
 * parts, indicators, every line with its explanation, and links to the records behind its facts.
 */
export async function getScorecard({ ctx, year, orgId, revision }: { ctx: Ctx; year: number; orgId: number; revision?: number }): Promise<Scorecard> {
  const row = await scorecardHead(ctx, year, orgId, revision, true);
  return { org: orgOf(row), ...(await scorecardBody(ctx, year, row)) };
}

/**
 * The same scorecard as JSON text, for the API: a scorecard built once is served from `cache` with one scoped query
 * that reads neither the explanation nor the grade, and no JSON is parsed or rebuilt (issue 18).
 */
export async function scorecardJson({ ctx, year, orgId, revision, cache }: { ctx: Ctx; year: number; orgId: number; revision?: number; cache: ScorecardCache }): Promise<string> {
  const head = await scorecardHead(ctx, year, orgId, revision, false);
  const rs = (await ruleSetByHash(ctx.db, head.rule_set_hash))!;
  const key = `${head.revision_id}:${head.created_at.getTime()}:${head.id}:${ranksVisible(ctx, rs) ? 1 : 0}`;
  let body = cache.get(key);
  if (body === undefined) {
    const row = await scorecardHead(ctx, year, orgId, head.revision_id, true);
    body = JSON.stringify(await scorecardBody(ctx, year, row));
    cache.set(key, body);
  }
  return `{"org":${JSON.stringify(orgOf(head))},${body.slice(1)}`;
}

/** Everything in a scorecard but the organization: the revision, the rule set, the grade and the explanation. */
async function scorecardBody(ctx: Ctx, year: number, row: CardRow & { revision_id: number }): Promise<Omit<Scorecard, 'org'>> {
  const rs = (await ruleSetByHash(ctx.db, row.rule_set_hash))!;
  const g = row.graded === null ? null : row;
  const gd = g ? (g.detail as { steps: { kind: string; text: string }[]; consequences: string[]; next: unknown; lastGradeLabel: string | null }) : null;
  const result = row.result as ScoreResult;
  const defs = rs.facts as Record<string, FactDef>;
  return {
    year,
    revision: { id: row.revision_id, createdAt: row.created_at.toISOString(), createdBy: row.created_by },
    ruleSet: { id: result.ruleSet.id, title: result.ruleSet.title, version: result.ruleSet.version, hash: result.ruleSet.hash },
    assessed: result.assessed,
    notAssessedLabel: notAssessedLabelOf(result),
    gradeScale: (rs.grading?.grades ?? []).map((x) => ({ grade: x.id, label: x.label ?? x.id })),
    reasons: result.reasons,
    grade: g
      ? {
          grade: g.grade,
          label: g.grade_label,
          stars: starsOf(rs, g.grade),
          rankCategory: ranksVisible(ctx, rs) ? g.rank_category : null,
          rankParent: ranksVisible(ctx, rs) ? g.rank_parent : null,
          ranksVisible: ranksVisible(ctx, rs),
          lagging: g.lagging ?? false,
          move: g.move,
          lastGradeLabel: gd!.lastGradeLabel,
          steps: gd!.steps.map((st) => st.text),
          consequences: gd!.consequences,
          next: gd!.next as NonNullable<Scorecard['grade']>['next'],
        }
      : null,
    total: result.total,
    totalText: result.totalText,
    parts: result.parts.map((p) => ({
      ...p,
      indicators: p.indicators.map((i) => ({
        ...i,
        lines: i.lines.map((l) => ({
          ...l,
          evidence: Object.keys(l.facts).flatMap((name) => {
            const def = defs[name];
            const href = def ? evidenceHref(def, row.id, year) : null;
            return def && href ? [{ fact: name, label: def.label, href }] : [];
          }),
        })),
      })),
    })),
  };
}

/**
 * The newest revision's totals for the caller's subtree (or `under`), best first; a page of them when `limit` is
 * given (the API always pages), filtered in SQL by the subtree's path so the cost follows the subtree, not the city.
 */
export async function listCycleScores({ ctx, year, category, under, limit, offset = 0 }: { ctx: Ctx; year: number; category?: string; under?: number; limit?: number; offset?: number }) {
  requireRole(ctx, readers);
  const prefix = under ? (await orgForRead(ctx, under, 'under')).path : ctx.actor.orgPath;
  await requireResultsVisible(ctx, year);
  const revision = await latestRevision(ctx.db, year);
  if (!revision) return { revisionId: null, total: 0, offset, items: [] };
  const rows = await listScores(ctx.db, revision, prefix, { category, limit, offset });
  // An offset past the end still says how many there are.
  const total = rows[0]?.total_count ?? (offset > 0 ? await countScores(ctx.db, revision, prefix, category) : 0);
  return {
    revisionId: revision.id,
    total,
    offset,
    items: rows.map((r) => ({ orgId: r.org_id, code: r.code, name: r.name, category: r.category, assessed: r.assessed, total: r.total })),
  };
}
