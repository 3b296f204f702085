import { readers, requireRole, strictlyBelow } from '../../auth/scope';
import type { CycleState } from '../../db/database';
import { withTransaction } from '../../db/transaction';
import { AppError, forbidden, invalidField, notFound } from '../../errors/app-error';
import { todayInChina } from '../../lib/clock';
import type { RuleSets } from '../../rules/registry';
import type { Clause, Indicator, RuleSet } from '../../rules/rule-set.schema';
import { dec, fixed2, show } from '../../scoring/decimal';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { openCycleFor, writableIn } from '../cycles/cycle-gates';
import { findCycle, setAssessmentWindow } from '../cycles/cycles.repository';
import { requireCycleManager } from '../cycles/manage-cycles';
import { ruleSetOf } from '../inspections/inspections.service';
import { orgForRead, orgForWrite } from '../orgs/org-access';
import type { OrgRow } from '../orgs/orgs.model';
import { yearRuleSets } from '../scoring/rule-pins';
import { assessmentProgressRows, assessmentRows, lockAssessment, upsertAssessment } from './assessments.repository';
import { AssessmentListQuery, PutAssessmentInput, SelfAssessmentWindowInput, type OrgAssessments } from './assessments.schemas';

type SelfReview = Extract<Clause, { type: 'selfReview' }>;
type TwoStage = { partTitle: string; ind: Indicator; clause: SelfReview };

/** The indicators of a rule set scored in two stages (自评 + 上级评定), in the order of the rule set. */
export function twoStageIndicators(rs: RuleSet): TwoStage[] {
  return rs.parts.flatMap((p) =>
    p.indicators.flatMap((ind) => ind.clauses.flatMap((c) => (c.type === 'selfReview' ? [{ partTitle: p.title, ind, clause: c }] : []))),
  );
}

/** How the two scores make the indicator's points, in words: '自评 40% + 上级评定 60%；未自评的，自评按 0 分计'. */
function ruleText(c: SelfReview): string {
  if (c.weights.self === 0) return '以上级评定为准';
  const pct = (w: number) => `${show(dec(w).times(100))}%`;
  return `自评 ${pct(c.weights.self)} + 上级评定 ${pct(c.weights.review)}；${c.missingSelf === 'review' ? '未自评的，按上级评定计' : '未自评的，自评按 0 分计'}`;
}

type Window = { self_assessment_opens: string | null; self_assessment_closes: string | null; state: CycleState };

/** The self-assessment dates and whether a self-score is taken today (the state and the dates both allow it). */
function windowOf(cycle: Window, today: string): OrgAssessments['window'] {
  const { self_assessment_opens: opens, self_assessment_closes: closes } = cycle;
  if (!opens || !closes) return { opens, closes, open: false, text: '尚未设置自评时间' };
  const stateOpen = (writableIn.selfAssessment as readonly CycleState[]).includes(cycle.state);
  const open = stateOpen && today >= opens && today <= closes;
  const when = `${opens} 至 ${closes}`;
  return { opens, closes, open, text: open ? `自评时间 ${when}，正在进行` : today < opens ? `自评时间 ${when}，尚未开始` : `自评时间 ${when}，已结束` };
}

/** The organization's own account scores itself; the command line enters paper forms for anyone. */
const mayScoreSelf = (ctx: Ctx, org: OrgRow) => ctx.actor.orgPath === '/' || (ctx.actor.orgPath === org.path && ['admin', 'org_user'].includes(ctx.actor.role));
/** A superior (any account strictly above the organization) scores it; never the organization itself. */
const mayReview = (ctx: Ctx, org: OrgRow) => strictlyBelow(ctx.actor, org.path) && ['admin', 'leader', 'org_user'].includes(ctx.actor.role);

/** An organization's two-stage indicators of the year: both scores, their difference, and what the caller may do now. */
export async function getOrgAssessments({ ctx, year, orgId, ruleSets }: { ctx: Ctx; year: number; orgId: number; ruleSets: RuleSets }): Promise<OrgAssessments> {
  requireRole(ctx, readers);
  const org = await orgForRead(ctx, orgId, 'orgId');
  const cycle = await findCycle(ctx.db, year);
  if (!cycle) throw notFound(`${year} 年度考核周期`, 'year');
  const rs = ruleSetOf(await yearRuleSets(ctx.db, year, ruleSets), org).ruleSet;
  const rows = new Map((await assessmentRows(ctx.db, year, org.id)).map((r) => [r.indicator, r]));
  const window = windowOf(cycle, todayInChina(ctx.clock));
  const half = (points: string | null, note: string | null, by: string | null, name: string | null, at: Date | null) =>
    points === null ? null : { points: fixed2(dec(points)), note, by: by!, byName: name, at: at!.toISOString() };
  const items = twoStageIndicators(rs).map(({ partTitle, ind, clause }) => {
    const r = rows.get(ind.id);
    const self = r ? half(r.self_points, r.self_note, r.self_by, r.self_name, r.self_at) : null;
    const review = r ? half(r.review_points, r.review_note, r.reviewed_by, r.review_name, r.reviewed_at) : null;
    return {
      indicator: ind.id,
      title: ind.title,
      partTitle,
      max: fixed2(dec(clause.max)),
      weights: { self: String(clause.weights.self), review: String(clause.weights.review) },
      ruleText: ruleText(clause),
      self,
      review,
      difference: self && review ? fixed2(dec(review.points).minus(dec(self.points))) : null,
    };
  });
  const reviewOpen = (writableIn.superiorReview as readonly CycleState[]).includes(cycle.state);
  return { year, orgId: org.id, orgName: org.name, ruleSet: { id: rs.id, title: rs.title }, window, canSelf: window.open && mayScoreSelf(ctx, org), canReview: reviewOpen && mayReview(ctx, org), items };
}

/**
 * Enters one half of an indicator's two-stage score: the organization's own (`self`, only between the cycle's
 * self-assessment dates, and not after the superior has scored it) or its superior's (`review`). Checked
 * against the year's pinned rule set: the indicator must be scored in two stages, the points within its maximum.
 */
export async function putAssessment(args: { ctx: Ctx; year: number; orgId: number; indicator: string; half: 'self' | 'review'; input: unknown; ruleSets: RuleSets }) {
  const { ctx, year, half } = args;
  requireRole(ctx, half === 'self' ? ['admin', 'org_user'] : ['admin', 'leader', 'org_user']);
  const data = PutAssessmentInput.parse(args.input);
  await withTransaction(ctx, async (tx) => {
    const org = await orgForWrite(tx, args.orgId, 'orgId');
    if (half === 'self' && !mayScoreSelf(ctx, org)) throw forbidden(`自评由「${org.name}」自己的账号填报`, 'orgId');
    if (half === 'review' && !mayReview(ctx, org)) throw forbidden('上级评定由上级组织填报，不能评定本组织', 'orgId');
    const cycle = await openCycleFor(tx, year, half === 'self' ? 'selfAssessment' : 'superiorReview', 'year');
    if (half === 'self') {
      const window = windowOf(cycle, todayInChina(tx.clock));
      if (!window.open) throw new AppError('cycle_closed', `${year} 年度${window.text}，现在不能填报自评`, { field: 'year' });
    }
    const rs = ruleSetOf(await yearRuleSets(tx.db, year, args.ruleSets), org).ruleSet;
    const found = twoStageIndicators(rs).find((t) => t.ind.id === args.indicator);
    if (!found) {
      const list = twoStageIndicators(rs).map((t) => `${t.ind.id}（${t.ind.title}）`);
      throw invalidField('indicator', `「${rs.title}」中没有需要自评和上级评定的指标「${args.indicator}」，可选：${list.join('、') || '（无）'}`);
    }
    if (dec(data.points).gt(dec(found.clause.max))) throw invalidField('points', `「${found.ind.title}」满分 ${fixed2(dec(found.clause.max))} 分，填报的 ${data.points} 分超出满分`);
    const before = await lockAssessment(tx.db, year, org.id, found.ind.id);
    if (half === 'self' && before?.review_points != null) throw new AppError('conflict', `「${found.ind.title}」上级已评定，自评不能再修改`, { field: 'indicator' });
    const key = { year, orgId: org.id, indicator: found.ind.id };
    await upsertAssessment(tx.db, key, half, { points: data.points, note: data.note ?? null, by: ctx.actor.id, at: tx.clock.now() });
    const previous = before && (half === 'self' ? { points: before.self_points, note: before.self_note } : { points: before.review_points, note: before.review_note });
    await recordAudit(tx, { action: `assessment.${half}`, entity: 'self_assessment', entityId: `${year}/${org.id}/${found.ind.id}`, orgId: org.id, before: previous, after: { points: data.points, note: data.note ?? null } });
  });
  return getOrgAssessments({ ctx, year, orgId: args.orgId, ruleSets: args.ruleSets });
}

const statusLabel = { notStarted: '未自评', selfInProgress: '自评中', awaitingReview: '待上级评定', reviewed: '已评定' } as const;

/** The organizations below the caller that have two-stage indicators this year, with their progress. */
export async function listAssessmentProgress({ ctx, year, input, ruleSets }: { ctx: Ctx; year: number; input: unknown; ruleSets: RuleSets }) {
  requireRole(ctx, readers);
  const q = AssessmentListQuery.parse(input);
  const pinned = await yearRuleSets(ctx.db, year, ruleSets);
  const indicators: Record<string, string[]> = {};
  for (const c of pinned.all) {
    const ids = twoStageIndicators(c.ruleSet).map((t) => t.ind.id);
    if (ids.length > 0) for (const cat of c.ruleSet.categories) if (pinned.forCategory(cat) === c) indicators[cat] = ids;
  }
  const rows = await assessmentProgressRows(ctx.db, { year, pathPrefix: ctx.actor.orgPath, strictlyBelow: ctx.actor.orgPath !== '/', indicators, q: q.q });
  const all = rows.map((r) => {
    const n = indicators[r.category!]!.length;
    const status = r.review_done >= n ? 'reviewed' : r.self_done >= n ? 'awaitingReview' : r.self_done > 0 ? 'selfInProgress' : 'notStarted';
    return { orgId: r.id, orgName: r.name, parentName: r.parent_name, indicators: n, selfDone: r.self_done, reviewDone: r.review_done, status, statusLabel: statusLabel[status] } as const;
  });
  const filtered = q.status ? all.filter((r) => r.status === q.status) : all;
  return { items: filtered.slice(q.offset, q.offset + q.limit), total: filtered.length };
}

/** Sets the dates between which organizations enter their self-scores (the cycle's manager; audited). */
export async function setSelfAssessmentWindow({ ctx, year, input }: { ctx: Ctx; year: number; input: unknown }) {
  await requireCycleManager(ctx);
  const w = SelfAssessmentWindowInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const cycle = await openCycleFor(tx, year, 'setup', 'year');
    if (Number(w.opens.slice(0, 4)) < year) throw invalidField('opens', `自评开始日期 ${w.opens} 早于 ${year} 年度`);
    await setAssessmentWindow(tx.db, year, w.opens, w.closes);
    await recordAudit(tx, {
      action: 'cycle.selfAssessmentWindow',
      entity: 'cycle',
      entityId: year,
      orgId: ctx.actor.orgId,
      before: { opens: cycle.self_assessment_opens, closes: cycle.self_assessment_closes },
      after: w,
    });
    return windowOf({ ...cycle, self_assessment_opens: w.opens, self_assessment_closes: w.closes }, todayInChina(tx.clock));
  });
}

/**
 * Whether the menu offers 自评 (the organization's own rule set scores an indicator in two stages this year) and
 * 上级评定 (any rule set of the year does): the pages appear only in years that need them.
 */
export async function assessmentMenu(ctx: Ctx, ruleSets: RuleSets, year: number | null, category: string | null): Promise<{ selfAssessment: boolean; superiorReview: boolean }> {
  if (year === null) return { selfAssessment: false, superiorReview: false };
  const pinned = await yearRuleSets(ctx.db, year, ruleSets);
  const own = category ? pinned.forCategory(category) : undefined;
  return {
    selfAssessment: own !== undefined && twoStageIndicators(own.ruleSet).length > 0,
    superiorReview: pinned.all.some((c) => twoStageIndicators(c.ruleSet).length > 0),
  };
}
