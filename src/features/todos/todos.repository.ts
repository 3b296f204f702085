import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database';

/**
 * Submitted ledger records a caller may verify, in cycles still open to review: below its organization (and its
 * own organization's too when `includeOwn`), never the ones it entered itself.
 */
export async function countRecordsToReview(db: Kysely<Database>, path: string, includeOwn: boolean, actorId: string): Promise<number> {
  const r = await db
    .selectFrom('ledger_records as r')
    .innerJoin('organizations as o', 'o.id', 'r.org_id')
    .innerJoin('cycles as c', 'c.year', 'r.cycle_year')
    .where('r.status', '=', 'submitted')
    .where('c.state', 'in', ['collecting', 'reviewing'])
    .where('o.path', 'like', `${path}%`)
    .$if(!includeOwn, (q) => q.where('o.path', '<>', path))
    .where('r.created_by', '<>', actorId)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The organization's own records sent back by its superior, in cycles where they can still be corrected. */
export async function rejectedRecords(db: Kysely<Database>, orgId: number) {
  return db
    .selectFrom('ledger_records as r')
    .innerJoin('cycles as c', 'c.year', 'r.cycle_year')
    .where('r.org_id', '=', orgId)
    .where('r.status', '=', 'rejected')
    .where('c.state', '=', 'collecting')
    .select(['r.id', 'r.title', 'r.review_reason'])
    .orderBy('r.reviewed_at', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
}

/** Published cycles whose appeal window is open on `today`. */
export async function openAppealWindows(db: Kysely<Database>, today: string) {
  return db
    .selectFrom('cycles')
    .where('state', '=', 'published')
    .where('appeal_deadline', '>=', today)
    .select(['year', 'appeal_deadline'])
    .orderBy('year')
    .execute();
}

/** Appeals waiting for a decision, of organizations in a subtree. */
export async function countOpenAppeals(db: Kysely<Database>, path: string): Promise<number> {
  const r = await db
    .selectFrom('appeals as a')
    .innerJoin('organizations as o', 'o.id', 'a.org_id')
    .where('a.status', '=', 'open')
    .where('o.path', 'like', `${path}%`)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The review sessions a reviewer account is a rater of and has not yet filled in. */
export async function pendingReviewSheets(db: Kysely<Database>, userId: number) {
  return db
    .selectFrom('review_raters as r')
    .innerJoin('review_sessions as s', 's.id', 'r.session_id')
    .where('r.user_id', '=', userId)
    .where('r.used_at', 'is', null)
    .where('s.state', 'in', ['draft', 'open'])
    .select(['s.id', 's.title', 's.state', 's.cycle_year'])
    .orderBy('s.id')
    .execute();
}

/**
 * Two-way evaluations an organization owes: agreements of a cycle in 年度评议中 where it is the community or
 * the unit and has not yet given its direction.
 */
export async function countOwedEvaluations(db: Kysely<Database>, orgId: number): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from agreements a join cycles c on c.year = a.year and c.state = 'reviewing'
    where (a.community_id = ${orgId} or a.unit_id = ${orgId})
      and not exists (select 1 from twoway_evaluations e where e.agreement_id = a.id and e.by_org_id = ${orgId})`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}
