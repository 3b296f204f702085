import type { Kysely } from 'kysely';
import { hashCode, normalizeCode } from '../../auth/codes';
import type { Choice, Database } from '../../db/database';
import { withTransaction } from '../../db/transaction';
import { AppError } from '../../errors/app-error';
import { startOfDayInChina, type Clock } from '../../lib/clock';
import type { Actor, Ctx } from '../context';
import { openCycleFor, writableIn } from '../cycles/cycle-gates';
import { findCycle } from '../cycles/cycles.repository';
import { targetName } from './campaigns.service';
import { claimCode, findCode, insertPendingBallot } from './ratings.repository';

/**
 * The resident who votes has no account: this actor has the lowest role and a path no organization
 * has, so every scope check refuses it. It only ever reaches the two verbs below.
 */
const publicActor: Actor = { id: 'public', userId: null, name: '群众（匿名）', role: 'reviewer', orgId: null, orgPath: '/-/' };

export type PublicDeps = { db: Kysely<Database>; clock: Clock; requestId: string | null };

/** Why a code cannot be used: unknown (404), expired (410), already used (409), campaign not open (409). */
export type CodeProblem = 'unknown' | 'expired' | 'used' | 'closed';

/** `orgName` names what is rated: an organization, or a project with its community (`isProject`). */
export type BallotForm = { campaignTitle: string; orgName: string; isProject: boolean; raterGroup: string; items: Choice[]; answers: Choice[] };

export type CodeState = { state: 'ok'; form: BallotForm } | { state: CodeProblem; campaignTitle?: string; orgName?: string };

const problemError: Record<CodeProblem, () => AppError> = {
  unknown: () => new AppError('not_found', '评议码不存在，请核对后重新输入', { reason: 'unknown' }),
  expired: () => new AppError('gone', '评议码已过有效期', { reason: 'expired' }),
  used: () => new AppError('conflict', '评议码已使用，每个评议码只能评议一次', { reason: 'used' }),
  closed: () => new AppError('cycle_closed', '本次评议未在进行中', { reason: 'closed' }),
};

type CodeRow = NonNullable<Awaited<ReturnType<typeof findCode>>>;

function problemOf(row: CodeRow | undefined, now: Date, cycleOpen: boolean): CodeProblem | null {
  if (!row) return 'unknown';
  if (row.used_at) return 'used';
  if (row.state !== 'open' || !cycleOpen) return 'closed';
  if (row.expires_at && row.expires_at <= now) return 'expired';
  return null;
}

async function lookUp(db: Kysely<Database>, code: string) {
  const canonical = normalizeCode(code);
  if (!canonical) return { hash: null, row: undefined };
  const hash = await hashCode(canonical);
  return { hash, row: await findCode(db, hash) };
}

/** What the ballot page shows for a code: the form, or why it cannot be used. Reads only. */
export async function describeBallotCode({ deps, code }: { deps: PublicDeps; code: string }): Promise<CodeState> {
  const { row } = await lookUp(deps.db, code);
  const cycle = row ? await findCycle(deps.db, row.cycle_year) : undefined;
  const cycleOpen = Boolean(cycle && (writableIn.ballot as readonly string[]).includes(cycle.state));
  const problem = problemOf(row, deps.clock.now(), cycleOpen);
  if (problem || !row) return { state: problem ?? 'unknown', campaignTitle: row?.title, orgName: row ? targetName(row) : undefined };
  return {
    state: 'ok',
    form: { campaignTitle: row.title, orgName: targetName(row), isProject: row.project_title !== null, raterGroup: row.rater_group, items: row.items, answers: row.answers },
  };
}

/**
 * Casts a ballot with a one-time code, in one transaction: the campaign must be open and its cycle
 * accept ballots; every item must have one of the campaign's answers; then the code is claimed with a
 * conditional UPDATE (concurrent uses of one code: exactly one wins; the code keeps only the day it was used)
 * and the ballot kept in `pending_ballots`, durable from here on. It reaches `ballots` later, shuffled with
 * others and in another transaction (movePendingBallots), and refers to no code. No audit row per ballot: its
 * timing would point at a person.
 */
export async function castBallot({ deps, code, answers, clientKey }: { deps: PublicDeps; code: string; answers: Record<string, string>; clientKey: string | null }): Promise<{ campaignTitle: string; orgName: string }> {
  const ctx: Ctx = { actor: publicActor, db: deps.db, clock: deps.clock, requestId: deps.requestId };
  return withTransaction(ctx, async (tx) => {
    const { hash, row } = await lookUp(tx.db, code);
    if (!hash || !row) throw problemError.unknown();
    const now = tx.clock.now();
    if (row.state !== 'open') throw problemError.closed();
    try {
      await openCycleFor(tx, row.cycle_year, 'ballot', 'code');
    } catch (err) {
      if (err instanceof AppError && err.code === 'cycle_closed') throw problemError.closed();
      throw err;
    }
    const unknown = Object.keys(answers).filter((k) => !row.items.some((i) => i.key === k));
    if (unknown.length > 0) {
      const names = unknown.map((k) => k.replace(/^#/, '')).join('、');
      throw new AppError('validation_failed', `表单中有本次评议没有的项目：${names}`, { issues: unknown.map((k) => ({ field: k.replace(/^#/, ''), message: '没有这一评议项目' })) });
    }
    const missing = row.items.filter((i) => !row.answers.some((a) => a.key === answers[i.key]));
    if (missing.length > 0) {
      throw new AppError('validation_failed', `请为每一项选择一个答案：${missing.map((i) => i.label).join('、')}`, {
        issues: missing.map((i) => ({ field: i.key, message: '请选择' })),
      });
    }
    const claimed = await claimCode(tx.db, hash, now, startOfDayInChina(now));
    if (!claimed) {
      // Lost a race, or the code was used or expired before: read it again to say which.
      const again = await findCode(tx.db, hash);
      throw problemError[again?.used_at ? 'used' : 'expired']();
    }
    const clean = Object.fromEntries(row.items.map((i) => [i.key, answers[i.key]!]));
    await insertPendingBallot(tx.db, {
      campaign_id: row.campaign_id,
      target_id: row.target_id,
      org_id: row.org_id,
      rater_group: row.rater_group,
      answers: clean,
      client_key: clientKey,
      created_at: now,
    });
    return { campaignTitle: row.title, orgName: targetName(row) };
  });
}
