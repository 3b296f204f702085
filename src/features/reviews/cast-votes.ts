import { hashCode, normalizeCode } from '../../auth/codes';
import { requireRole } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import { reviewAnswers, reviewKindLabel, reviewStateLabel } from '../../domain/catalog';
import { AppError, invalidField, notFound } from '../../errors/app-error';
import type { Actor, Ctx } from '../context';
import { openCycleFor } from '../cycles/cycle-gates';
import { claimRater, findRaterByCode, findRaterById, findRaterByUser, findSession, insertPendingSheets, listSubjects, sessionsOfRater, type SessionRow } from './reviews.repository';
import { chairTermsOfUnits } from '../cobuilding/chairs.service';
import { SheetVotes, type Ballot, type ReviewerSheet } from './reviews.schemas';

type Rater = { id: number; session_id: number; group_key: string; subject_org_ids: number[] | null; used_at: Date | null };

/** The subjects on a rater's sheet: those it is bound to ("本单位" rates its own secretary), or all of them. */
async function subjectsOf(ctx: Ctx, rater: Rater) {
  const all = await listSubjects(ctx.db, rater.session_id);
  return rater.subject_org_ids === null ? all : all.filter((r) => rater.subject_org_ids!.includes(r.org_id));
}

/** What a code rater acts as: no organization, no scope; the code itself is the only permission. */
export function codeActor(): Actor {
  return { id: 'code', userId: null, name: '一次性评议码', role: 'reviewer', orgId: null, orgPath: '/-/' };
}

/** Why a code cannot be used, in words its holder understands. */
export type CodeProblem = 'unknown' | 'used' | 'not_open' | 'closed';

export class CodeRefused extends AppError {
  constructor(readonly problem: CodeProblem, message: string) {
    super(problem === 'unknown' ? 'not_found' : 'conflict', message, { problem });
  }
}

function userIdOf(actor: Actor): number {
  if (actor.userId === null) throw new AppError('forbidden', '只有“评议人”账号可以参加评议');
  return actor.userId;
}

async function raterForUser(ctx: Ctx, sessionId: number): Promise<Rater> {
  requireRole(ctx, ['reviewer']);
  const rater = await findRaterByUser(ctx.db, sessionId, userIdOf(ctx.actor));
  if (!rater) throw notFound('评议', 'id');
  return rater;
}

async function raterForCode(ctx: Ctx, code: string): Promise<Rater> {
  const normalized = normalizeCode(code);
  const rater = normalized ? await findRaterByCode(ctx.db, await hashCode(normalized)) : undefined;
  if (!rater) throw new CodeRefused('unknown', '评议码不存在，请核对后重新输入');
  return rater;
}

function checkUsable(s: SessionRow, rater: Rater) {
  if (rater.used_at) throw new CodeRefused('used', '这份评议表已经提交过，每位评议人只能提交一次');
  if (s.state === 'draft') throw new CodeRefused('not_open', '评议尚未开始，请在评议会开始后再打开');
  if (s.state === 'closed') throw new CodeRefused('closed', '评议已经结束，不再接受评议');
}

async function ballotOf(ctx: Ctx, rater: Rater): Promise<Ballot> {
  const s = (await findSession(ctx.db, rater.session_id))!;
  checkUsable(s, rater);
  const group = s.rater_groups.find((g) => g.key === rater.group_key)!;
  const subjects = await subjectsOf(ctx, rater);
  const terms = s.kind === 'chair' ? await chairTermsOfUnits(ctx, subjects.map((r) => r.org_id), s.cycle_year) : new Map<number, never[]>();
  return {
    sessionId: s.id,
    title: s.title,
    kindLabel: reviewKindLabel[s.kind],
    group: { key: group.key, label: group.label },
    items: s.items,
    answers: [...reviewAnswers],
    partial: s.partial_sheets,
    kind: s.kind,
    subjects: subjects.map((r) => ({
      orgId: r.org_id,
      orgName: r.org_name,
      secretaryName: r.secretary_name,
      report: r.report_text,
      chairTerms: (terms.get(r.org_id) ?? []).map((t) => ({
        community: t.community.name,
        startsOn: t.startsOn,
        endsOn: t.endsOn,
        duties: t.duties,
        claimed: t.claimed,
        closed: t.closed,
        projects: t.projects.map((p) => ({ title: p.title, stateLabel: p.stateLabel, closedOn: p.closedOn, overdue: p.overdue })),
      })),
    })),
  };
}

/**
 * Records one rater's sheet: every subject of the session, every item answered. The rater is marked used
 * and the votes written in one transaction; the votes keep only the rater's group. Of two concurrent
 * submissions with the same rater exactly one counts (claimRater), the other is told the sheet is in.
 */
async function castSheet(ctx: Ctx, raterId: number, input: unknown): Promise<{ counted: number }> {
  const data = SheetVotes.parse(input);
  return withTransaction(ctx, async (tx) => {
    const rater = (await findRaterById(tx.db, raterId))!;
    const s = (await findSession(tx.db, rater.session_id, 'share'))!;
    await openCycleFor(tx, s.cycle_year, 'vote', 'votes');
    checkUsable(s, rater);
    const subjects = await subjectsOf(tx, rater);
    const expected = new Set(subjects.map((r) => r.org_id));
    const seen = new Set<number>();
    for (const [i, v] of data.votes.entries()) {
      if (!expected.has(v.orgId)) throw invalidField(`votes.${i}.orgId`, rater.subject_org_ids === null ? '该组织不在本次评议之中' : '这份评议表不评议该组织');
      if (seen.has(v.orgId)) throw invalidField(`votes.${i}.orgId`, '同一组织只能评议一次');
      seen.add(v.orgId);
      for (const item of s.items) if (!v.answers[item.key]) throw invalidField(`votes.${i}.answers.${item.key}`, `请评议「${item.label}」`);
      for (const key of Object.keys(v.answers)) if (!s.items.some((it) => it.key === key)) throw invalidField(`votes.${i}.answers.${key}`, '没有这个评议项目');
    }
    const missing = s.partial_sheets ? undefined : subjects.find((r) => !seen.has(r.org_id));
    if (missing) throw invalidField('votes', `还没有评议「${missing.org_name}」`);
    if (!(await claimRater(tx.db, rater.id, tx.clock.now()))) throw new CodeRefused('used', '这份评议表已经提交过，每位评议人只能提交一次');
    // The sheet waits, durable, in pending_review_sheets; its votes reach review_votes only when the session
    // closes, shuffled with all the others. Nothing else marks the sheet: no audit row per sheet (DECISIONS.md).
    await insertPendingSheets(tx.db, s.id, [data.votes.map((v) => ({ subject_org_id: v.orgId, group_key: rater.group_key, answers: v.answers }))]);
    return { counted: data.votes.length };
  });
}

export async function ballotForToken({ ctx, id }: { ctx: Ctx; id: number }): Promise<Ballot> {
  return ballotOf(ctx, await raterForUser(ctx, id));
}

export async function voteWithToken({ ctx, id, input }: { ctx: Ctx; id: number; input: unknown }): Promise<{ counted: number }> {
  const rater = await raterForUser(ctx, id);
  return castSheet(ctx, rater.id, input);
}

/** The sheet behind a one-time code (the public page /r/:code). */
export async function ballotForCode({ ctx, code }: { ctx: Ctx; code: string }): Promise<Ballot> {
  return ballotOf(ctx, await raterForCode(ctx, code));
}

export async function voteWithCode({ ctx, code, input }: { ctx: Ctx; code: string; input: unknown }): Promise<{ counted: number }> {
  const rater = await raterForCode(ctx, code);
  return castSheet(ctx, rater.id, input);
}

/**
 * The sheets of a reviewer account: sessions it rates that are not closed, and those it has filled in. Only
 * whether it submitted is shown, never what: the votes carry no link to the account (DECISIONS.md, anonymity).
 */
export async function reviewerSheets({ ctx }: { ctx: Ctx }): Promise<{ items: ReviewerSheet[] }> {
  requireRole(ctx, ['reviewer']);
  const rows = await sessionsOfRater(ctx.db, userIdOf(ctx.actor));
  return {
    items: rows.map((r) => ({
      sessionId: r.id,
      year: r.cycle_year,
      title: r.title,
      kindLabel: reviewKindLabel[r.kind],
      organizer: r.org_name,
      state: r.state,
      stateLabel: reviewStateLabel[r.state],
      submitted: Boolean(r.submitted),
    })),
  };
}
