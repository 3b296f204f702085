import { newCode, hashCode } from '../../auth/codes';
import { inScope, requireRole } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import type { RaterGroup, ReviewItem, ReviewState } from '../../db/database';
import { defaultRaterGroups, defaultReviewItems, MIN_GROUP_SAMPLE, overallItem, reviewKindLabel, reviewStateLabel } from '../../domain/catalog';
import { AppError, invalidField, notFound } from '../../errors/app-error';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { openCycleFor } from '../cycles/cycle-gates';
import { orgForWrite, orgsForWrite } from '../orgs/org-access';
import {
  countRaters,
  countVotes,
  findSession,
  findTakenSubjects,
  findUsersForRaters,
  insertRaters,
  insertSession,
  insertSubjects,
  listSessionRows,
  listSubjects,
  moveReviewSheets,
  scrubRaters,
  setSessionState,
  tallyVotes,
  type SessionRow,
} from './reviews.repository';
import {
  AddRatersInput,
  AddSubjectsInput,
  CreateSessionInput,
  SessionListQuery,
  TransitionInput,
  type ReviewResults,
  type ReviewSession,
} from './reviews.schemas';

const managers = ['admin'] as const;
const watchers = ['admin', 'leader'] as const;

async function toSession(ctx: Ctx, s: SessionRow): Promise<ReviewSession> {
  const counts = new Map((await countRaters(ctx.db, s.id)).map((r) => [r.group_key, r]));
  const subjects = await listSubjects(ctx.db, s.id);
  return {
    id: s.id,
    year: s.cycle_year,
    kind: s.kind,
    kindLabel: reviewKindLabel[s.kind],
    orgId: s.org_id,
    orgName: s.org_name,
    title: s.title,
    state: s.state,
    stateLabel: reviewStateLabel[s.state],
    items: s.items,
    groups: s.rater_groups.map((g) => ({ ...g, raters: counts.get(g.key)?.raters ?? 0, used: counts.get(g.key)?.used ?? 0 })),
    subjects: subjects.map((r) => ({ orgId: r.org_id, orgName: r.org_name, hasReport: r.report_text !== null })),
    partialSheets: s.partial_sheets,
    paperOnly: s.paper_only,
  };
}

/** The session if the caller may see it (its organizing organization lies in their subtree), else 404. */
async function sessionFor(ctx: Ctx, id: number, lock?: 'share' | 'update'): Promise<SessionRow> {
  const s = await findSession(ctx.db, id, lock);
  if (!s || !inScope(ctx.actor, s.org_path)) throw notFound('评议', 'id');
  return s;
}

/** An administrator opens a duty review (in draft): its items, rater groups and weights. */
export async function createSession({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<ReviewSession> {
  requireRole(ctx, managers);
  const data = CreateSessionInput.parse(input);
  const items: ReviewItem[] = [...(data.items ?? defaultReviewItems), overallItem].map((i) => ({ key: i.key, label: i.label }));
  const groups: RaterGroup[] = (data.groups ?? defaultRaterGroups).map((g) => ({ key: g.key, label: g.label, weight: g.weight }));
  if (new Set(items.map((i) => i.key)).size !== items.length) throw invalidField('items', '评议项目编号重复（overall 为总体评价，不必列出）');
  if (new Set(groups.map((g) => g.key)).size !== groups.length) throw invalidField('groups', '评议群体编号重复');
  const weights = groups.reduce((s, g) => s + Math.round(g.weight * 10_000), 0);
  if (weights !== 10_000) throw invalidField('groups', `各群体权重合计应为 1，现为 ${weights / 10_000}`);
  return withTransaction(ctx, async (tx) => {
    const org = await orgForWrite(tx, data.orgId, 'orgId');
    await openCycleFor(tx, data.year, 'setup', 'year');
    const { id } = await insertSession(tx.db, { cycle_year: data.year, kind: data.kind, org_id: org.id, title: data.title, items, rater_groups: groups, partial_sheets: data.partialSheets, paper_only: data.paperOnly, created_by: ctx.actor.id });
    const session = await toSession(tx, (await findSession(tx.db, id))!);
    await recordAudit(tx, { action: 'review.create', entity: 'review_session', entityId: id, orgId: org.id, after: session });
    return session;
  });
}

export async function listSessions({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ items: ReviewSession[] }> {
  requireRole(ctx, watchers);
  const q = SessionListQuery.parse(input);
  const rows = await listSessionRows(ctx.db, ctx.actor.orgPath, q.year);
  return { items: await Promise.all(rows.map((r) => toSession(ctx, r))) };
}

export async function getSession({ ctx, id }: { ctx: Ctx; id: number }): Promise<ReviewSession> {
  requireRole(ctx, watchers);
  return toSession(ctx, await sessionFor(ctx, id));
}

/** Adds the organizations to be reviewed (below the organizing one, each reviewed once a year per kind). */
export async function addSubjects({ ctx, id, input }: { ctx: Ctx; id: number; input: unknown }): Promise<ReviewSession> {
  requireRole(ctx, managers);
  const data = AddSubjectsInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const s = await sessionFor(tx, id, 'update');
    if (s.state !== 'draft') throw new AppError('conflict', `评议已${reviewStateLabel[s.state]}，不能再增加被评议组织`, { field: 'orgIds' });
    await openCycleFor(tx, s.cycle_year, 'setup', 'orgIds');
    const orgIds = [...new Set(data.orgIds)];
    const orgs = await orgsForWrite(tx, orgIds.map((o, i) => ({ id: o, field: `orgIds.${i}` })));
    for (const [i, orgId] of orgIds.entries()) {
      const org = orgs.get(orgId)!;
      if (!(org.path.length > s.org_path.length && org.path.startsWith(s.org_path))) throw invalidField(`orgIds.${i}`, `「${org.name}」不在「${s.org_name}」的下级`);
    }
    const taken = await findTakenSubjects(tx.db, s.cycle_year, s.kind, orgIds);
    if (taken.length > 0) {
      const org = orgs.get(taken[0]!.org_id)!;
      throw new AppError('conflict', `「${org.name}」${s.cycle_year} 年度的${reviewKindLabel[s.kind]}已在评议 ${taken[0]!.session_id} 中`, { field: `orgIds.${orgIds.indexOf(org.id)}` });
    }
    await insertSubjects(tx.db, orgIds.map((o) => ({ session_id: s.id, org_id: o, cycle_year: s.cycle_year, kind: s.kind })));
    await recordAudit(tx, { action: 'review.subjects', entity: 'review_session', entityId: s.id, orgId: s.org_id, after: { added: orgIds } });
    return toSession(tx, s);
  });
}

/**
 * Adds raters to a group: `codes` one-time codes (returned this once; only their hashes are kept) or
 * reviewer accounts of the caller's subtree. Not after the session is closed.
 */
export async function addRaters({ ctx, id, input }: { ctx: Ctx; id: number; input: unknown }): Promise<{ group: string; added: number; codes: string[] }> {
  requireRole(ctx, managers);
  const data = AddRatersInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const s = await sessionFor(tx, id, 'update');
    if (s.state === 'closed') throw new AppError('conflict', '评议已结束，不能再增加评议人', { field: 'group' });
    await openCycleFor(tx, s.cycle_year, 'setup', 'group');
    if (!s.rater_groups.some((g) => g.key === data.group)) {
      throw invalidField('group', `没有评议群体「${data.group}」，可选：${s.rater_groups.map((g) => `${g.key}（${g.label}）`).join('、')}`);
    }
    if (s.paper_only) throw invalidField('group', '本次评议只用纸质评议表，不发评议码、不登记评议人账号');
    const subjectIds = await ratersSubjects(tx, s.id, data.subjectOrgIds);
    let codes: string[] = [];
    let rows: { session_id: number; group_key: string; user_id: number | null; code_hash: string | null; subject_org_ids: number[] | null }[];
    if (data.codes !== undefined) {
      codes = Array.from({ length: data.codes }, newCode);
      rows = await Promise.all(codes.map(async (c) => ({ session_id: s.id, group_key: data.group, user_id: null, code_hash: await hashCode(c), subject_org_ids: subjectIds })));
    } else {
      const userIds = [...new Set(data.userIds!)];
      const found = new Map((await findUsersForRaters(tx.db, userIds)).map((u) => [u.id, u]));
      for (const [i, uid] of userIds.entries()) {
        const u = found.get(uid);
        if (!u || !inScope(ctx.actor, u.path)) throw notFound('账号', `userIds.${i}`);
        if (u.role !== 'reviewer' || u.disabled_at) throw invalidField(`userIds.${i}`, '只能添加未停用的“评议人”账号');
      }
      rows = userIds.map((u) => ({ session_id: s.id, group_key: data.group, user_id: u, code_hash: null, subject_org_ids: subjectIds }));
    }
    try {
      await insertRaters(tx.db, rows);
    } catch (err) {
      if (String((err as { code?: string }).code) === '23505') throw new AppError('conflict', '其中有账号已是本次评议的评议人', { field: 'userIds' });
      throw err;
    }
    await recordAudit(tx, { action: 'review.raters', entity: 'review_session', entityId: s.id, orgId: s.org_id, after: { group: data.group, codes: codes.length, userIds: data.userIds ?? [], subjectOrgIds: subjectIds } });
    return { group: data.group, added: rows.length, codes };
  });
}

/** The subjects a batch of raters is bound to: each one a subject of the session, or null for all of them. */
async function ratersSubjects(ctx: Ctx, sessionId: number, orgIds: readonly number[] | undefined): Promise<number[] | null> {
  if (orgIds === undefined) return null;
  const subjects = new Set((await listSubjects(ctx.db, sessionId)).map((r) => r.org_id));
  orgIds.forEach((id, i) => {
    if (!subjects.has(id)) throw invalidField(`subjectOrgIds.${i}`, '不是本次评议的被评议组织，请先添加为被评议组织');
  });
  return [...new Set(orgIds)].sort((a, b) => a - b);
}

const moves: Record<ReviewState, ReviewState[]> = { draft: ['open'], open: ['closed'], closed: [] };

/** Opens a session for voting (only while the cycle is in review, with subjects and raters) or closes it. */
export async function transitionSession({ ctx, id, input }: { ctx: Ctx; id: number; input: unknown }): Promise<ReviewSession> {
  requireRole(ctx, managers);
  const { to } = TransitionInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const s = await sessionFor(tx, id, 'update');
    if (!moves[s.state].includes(to)) throw new AppError('conflict', `评议${reviewStateLabel[s.state]}，不能改为「${reviewStateLabel[to]}」`, { field: 'to' });
    if (to === 'open') {
      await openCycleFor(tx, s.cycle_year, 'vote', 'to');
      const session = await toSession(tx, s);
      if (session.subjects.length === 0) throw invalidField('to', '还没有被评议的组织');
      if (!s.paper_only && session.groups.every((g) => g.raters === 0)) throw invalidField('to', '还没有评议人（只用纸质评议表的评议请在创建时设为 paperOnly）');
    }
    if (to === 'closed') {
      await openCycleFor(tx, s.cycle_year, 'evaluationClose', 'to');
      // Closing seals the sheets: their votes join review_votes shuffled, and the raters who voted keep only the
      // closing time (DECISIONS.md, anonymity).
      await moveReviewSheets(tx.db, s.id);
      await scrubRaters(tx.db, s.id, tx.clock.now());
    }
    await setSessionState(tx.db, s.id, to, tx.clock.now());
    const after = await toSession(tx, (await findSession(tx.db, s.id))!);
    await recordAudit(tx, { action: `review.${to === 'open' ? 'open' : 'close'}`, entity: 'review_session', entityId: s.id, orgId: s.org_id, before: { state: s.state }, after: { state: to } });
    return after;
  });
}

/**
 * Tallies of a closed session: per subject, per rater group, per item, the count of each answer. A group
 * with fewer than MIN_GROUP_SAMPLE sheets shows only its count of sheets. Never a single sheet.
 */
export async function sessionResults({ ctx, id }: { ctx: Ctx; id: number }): Promise<ReviewResults> {
  requireRole(ctx, watchers);
  const s = await sessionFor(ctx, id);
  if (s.state !== 'closed') throw new AppError('conflict', '评议结束后才能查看结果', { field: 'id' });
  const subjects = await listSubjects(ctx.db, s.id);
  const sheets = new Map((await countVotes(ctx.db, s.id)).map((r) => [`${r.subject_org_id}|${r.group_key}`, r.n]));
  const counts = new Map<string, Record<string, Record<string, number>>>();
  for (const t of await tallyVotes(ctx.db, s.id)) {
    const key = `${t.subject_org_id}|${t.group_key}`;
    const items = counts.get(key) ?? {};
    (items[t.item] ??= {})[t.answer] = t.n;
    counts.set(key, items);
  }
  return {
    sessionId: s.id,
    title: s.title,
    minGroupSample: MIN_GROUP_SAMPLE,
    subjects: subjects.map((sub) => {
      const groups = s.rater_groups.map((g) => {
        const n = sheets.get(`${sub.org_id}|${g.key}`) ?? 0;
        const shown = n >= MIN_GROUP_SAMPLE;
        return { key: g.key, label: g.label, weight: g.weight, sheets: n, shown, items: shown ? (counts.get(`${sub.org_id}|${g.key}`) ?? {}) : {} };
      });
      return { orgId: sub.org_id, orgName: sub.org_name, sheets: groups.reduce((a, g) => a + g.sheets, 0), groups };
    }),
  };
}

