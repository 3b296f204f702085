import { type Kysely, sql } from 'kysely';
import type { Database, RaterGroup, ReviewItem, ReviewKind, ReviewState } from '../../db/database';

export type DutyReportRow = Awaited<ReturnType<typeof listDutyReportRows>>[number];

/** Inserts or replaces an organization's duty report for a year and kind; returns its id. */
export async function upsertDutyReport(
  db: Kysely<Database>,
  row: { cycle_year: number; kind: ReviewKind; org_id: number; text: string; attachment_file_id: number | null; submitted_by: string; submitted_at: Date },
) {
  return db
    .insertInto('duty_reports')
    .values(row)
    .onConflict((oc) =>
      oc.constraint('duty_reports_year_kind_org').doUpdateSet({
        text: row.text,
        attachment_file_id: row.attachment_file_id,
        submitted_by: row.submitted_by,
        submitted_at: row.submitted_at,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function findDutyReport(db: Kysely<Database>, year: number, kind: ReviewKind, orgId: number) {
  return db
    .selectFrom('duty_reports as d')
    .leftJoin('files as f', 'f.id', 'd.attachment_file_id')
    .select(['d.id', 'd.text', 'd.attachment_file_id', 'f.name as attachment_name', 'f.size as attachment_size'])
    .where('d.cycle_year', '=', year)
    .where('d.kind', '=', kind)
    .where('d.org_id', '=', orgId)
    .executeTakeFirst();
}

/** A year's duty reports of the organizations under a path, with their attachment's description (not its bytes). */
export async function listDutyReportRows(db: Kysely<Database>, year: number, pathPrefix: string, kind?: ReviewKind) {
  return db
    .selectFrom('duty_reports as d')
    .innerJoin('organizations as o', 'o.id', 'd.org_id')
    .leftJoin('files as f', 'f.id', 'd.attachment_file_id')
    .select([
      'd.id',
      'd.kind',
      'd.org_id',
      'o.name as org_name',
      'd.text',
      'd.attachment_file_id',
      'f.name as attachment_name',
      'f.mime as attachment_mime',
      'f.size as attachment_size',
      'd.submitted_by',
      'd.submitted_at',
    ])
    .where('d.cycle_year', '=', year)
    .where('o.path', 'like', `${pathPrefix}%`)
    .$if(kind !== undefined, (q) => q.where('d.kind', '=', kind!))
    .orderBy('o.code')
    .execute();
}

const sessionColumns = ['s.id', 's.cycle_year', 's.kind', 's.org_id', 'o.name as org_name', 'o.path as org_path', 's.title', 's.state', 's.items', 's.rater_groups', 's.partial_sheets', 's.paper_only', 's.opened_at', 's.closed_at'] as const;
export type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;

export async function insertSession(
  db: Kysely<Database>,
  row: { cycle_year: number; kind: ReviewKind; org_id: number; title: string; items: ReviewItem[]; rater_groups: RaterGroup[]; partial_sheets: boolean; paper_only: boolean; created_by: string },
) {
  return db
    .insertInto('review_sessions')
    .values({ ...row, items: JSON.stringify(row.items), rater_groups: JSON.stringify(row.rater_groups) })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A session with its organizing organization; `lock` guards state changes against concurrent votes. */
export async function findSession(db: Kysely<Database>, id: number, lock?: 'share' | 'update') {
  return db
    .selectFrom('review_sessions as s')
    .innerJoin('organizations as o', 'o.id', 's.org_id')
    .select(sessionColumns)
    .where('s.id', '=', id)
    .$if(lock === 'share', (q) => q.forShare('s'))
    .$if(lock === 'update', (q) => q.forUpdate('s'))
    .executeTakeFirst();
}

export async function listSessionRows(db: Kysely<Database>, pathPrefix: string, year?: number) {
  return db
    .selectFrom('review_sessions as s')
    .innerJoin('organizations as o', 'o.id', 's.org_id')
    .select(sessionColumns)
    .where('o.path', 'like', `${pathPrefix}%`)
    .$if(year !== undefined, (q) => q.where('s.cycle_year', '=', year!))
    .orderBy('s.id')
    .execute();
}

export async function setSessionState(db: Kysely<Database>, id: number, state: ReviewState, at: Date) {
  await db
    .updateTable('review_sessions')
    .set(state === 'open' ? { state, opened_at: at } : { state, closed_at: at })
    .where('id', '=', id)
    .execute();
}

/** Subjects already taken for this year and kind (by this or another session). */
export async function findTakenSubjects(db: Kysely<Database>, year: number, kind: ReviewKind, orgIds: readonly number[]) {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom('review_subjects')
    .select(['org_id', 'session_id'])
    .where('cycle_year', '=', year)
    .where('kind', '=', kind)
    .where('org_id', 'in', [...orgIds])
    .execute();
}

export async function insertSubjects(db: Kysely<Database>, rows: { session_id: number; org_id: number; cycle_year: number; kind: ReviewKind }[]) {
  if (rows.length > 0) await db.insertInto('review_subjects').values(rows).execute();
}

export async function listSubjects(db: Kysely<Database>, sessionId: number) {
  return db
    .selectFrom('review_subjects as r')
    .innerJoin('organizations as o', 'o.id', 'r.org_id')
    .leftJoin('duty_reports as d', (j) => j.onRef('d.org_id', '=', 'r.org_id').onRef('d.cycle_year', '=', 'r.cycle_year').onRef('d.kind', '=', 'r.kind'))
    .select(['r.org_id', 'o.name as org_name', 'o.secretary_name', 'd.text as report_text'])
    .where('r.session_id', '=', sessionId)
    .orderBy('o.code')
    .execute();
}

export async function insertRaters(db: Kysely<Database>, rows: { session_id: number; group_key: string; user_id: number | null; code_hash: string | null; subject_org_ids: number[] | null }[]) {
  if (rows.length === 0) return [];
  return db
    .insertInto('review_raters')
    .values(rows.map((r) => ({ ...r, subject_org_ids: r.subject_org_ids === null ? null : JSON.stringify(r.subject_org_ids) })))
    .returning('id')
    .execute();
}

/** How many raters each group has, and how many have voted. */
export async function countRaters(db: Kysely<Database>, sessionId: number) {
  return db
    .selectFrom('review_raters')
    .select(['group_key', sql<number>`count(*)::int`.as('raters'), sql<number>`count(used_at)::int`.as('used')])
    .where('session_id', '=', sessionId)
    .groupBy('group_key')
    .execute();
}

/** Accounts that could become raters, with their organization's path. */
export async function findUsersForRaters(db: Kysely<Database>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.role', 'u.disabled_at', 'o.path'])
    .where('u.id', 'in', [...ids])
    .execute();
}

/** A rater: its session, group, the subjects it rates (null: all) and whether its sheet is in. */
const raterColumns = ['id', 'session_id', 'group_key', 'subject_org_ids', 'used_at'] as const;

export async function findRaterByCode(db: Kysely<Database>, codeHash: string) {
  return db.selectFrom('review_raters').select(raterColumns).where('code_hash', '=', codeHash).executeTakeFirst();
}

export async function findRaterByUser(db: Kysely<Database>, sessionId: number, userId: number) {
  return db
    .selectFrom('review_raters')
    .select(raterColumns)
    .where('session_id', '=', sessionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/**
 * Marks a rater used, atomically: of two concurrent submissions the second waits on the row lock and then
 * finds `used_at` set, so it gets nothing back. Returns whether this call was the one that used it.
 */
export async function claimRater(db: Kysely<Database>, raterId: number, at: Date): Promise<boolean> {
  const row = await db
    .updateTable('review_raters')
    .set({ used_at: at })
    .where('id', '=', raterId)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export type SheetVote = { subject_org_id: number; group_key: string; answers: Record<string, string> };

/** Sheets just cast or imported: kept apart from `review_votes` until the session closes. */
export async function insertPendingSheets(db: Kysely<Database>, sessionId: number, sheets: readonly SheetVote[][]): Promise<void> {
  for (let i = 0; i < sheets.length; i += 2000) {
    await db
      .insertInto('pending_review_sheets')
      .values(sheets.slice(i, i + 2000).map((votes) => ({ session_id: sessionId, votes: JSON.stringify(votes) })))
      .execute();
  }
}

/**
 * At closing: every pending sheet of the session becomes its votes in `review_votes`, all in one statement in
 * random order (the rows' places and ids follow no sheet and no time), and the pending sheets are deleted.
 */
export async function moveReviewSheets(db: Kysely<Database>, sessionId: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    with moved as (delete from pending_review_sheets where session_id = ${sessionId} returning votes),
    placed as (
      insert into review_votes (session_id, subject_org_id, group_key, answers)
      select ${sessionId}, (v->>'subject_org_id')::int, v->>'group_key', v->'answers'
      from moved cross join lateral jsonb_array_elements(moved.votes) as v order by random()
      returning 1
    )
    select count(*)::int as n from placed`.execute(db);
  return rows[0]?.n ?? 0;
}

/** At closing: the raters who voted keep one common time, written by the closing transaction (no trace of when or how each voted). */
export async function scrubRaters(db: Kysely<Database>, sessionId: number, at: Date): Promise<void> {
  await db.updateTable('review_raters').set({ used_at: at }).where('session_id', '=', sessionId).where('used_at', 'is not', null).execute();
}

/** Counts of each answer per subject, group and item: never a single vote. */
export async function tallyVotes(db: Kysely<Database>, sessionId: number) {
  const result = await sql<{ subject_org_id: number; group_key: string; item: string; answer: string; n: number }>`
    select v.subject_org_id, v.group_key, a.key as item, a.value as answer, count(*)::int as n
    from review_votes v, jsonb_each_text(v.answers) a
    where v.session_id = ${sessionId}
    group by 1, 2, 3, 4
    order by 1, 2, 3, 4`.execute(db);
  return result.rows;
}

/** How many sheets each subject received per group. */
export async function countVotes(db: Kysely<Database>, sessionId: number) {
  return db
    .selectFrom('review_votes')
    .select(['subject_org_id', 'group_key', sql<number>`count(*)::int`.as('n')])
    .where('session_id', '=', sessionId)
    .groupBy(['subject_org_id', 'group_key'])
    .execute();
}

export async function findRaterById(db: Kysely<Database>, id: number) {
  return db.selectFrom('review_raters').select(raterColumns).where('id', '=', id).executeTakeFirst();
}

/** Which of these code hashes are already taken (paper sheets imported before). */
export async function findTakenCodeHashes(db: Kysely<Database>, hashes: readonly string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await db.selectFrom('review_raters').select('code_hash').where('code_hash', 'in', [...hashes]).execute();
  return new Set(rows.map((r) => r.code_hash!));
}

/** Raters already marked used, as the paper sheets of an import are. */
export async function insertUsedRaters(db: Kysely<Database>, rows: { session_id: number; group_key: string; code_hash: string; used_at: Date }[]) {
  if (rows.length > 0) await db.insertInto('review_raters').values(rows).execute();
}

/** The file a duty report names as its attachment (none when the report has no attachment). */
export async function findDutyReportAttachment(db: Kysely<Database>, year: number, id: number) {
  return db.selectFrom('duty_reports').select(['attachment_file_id']).where('id', '=', id).where('cycle_year', '=', year).executeTakeFirst();
}

/** The review sessions a reviewer account is a rater of (not yet closed, or filled in), newest year first. */
export async function sessionsOfRater(db: Kysely<Database>, userId: number) {
  return db
    .selectFrom('review_raters as r')
    .innerJoin('review_sessions as s', 's.id', 'r.session_id')
    .innerJoin('organizations as o', 'o.id', 's.org_id')
    .where('r.user_id', '=', userId)
    .where((eb) => eb.or([eb('s.state', '!=', 'closed'), eb('r.used_at', 'is not', null)]))
    .select(['s.id', 's.title', 's.kind', 's.state', 's.cycle_year', 'o.name as org_name', sql<boolean>`r.used_at is not null`.as('submitted')])
    .orderBy('s.cycle_year', 'desc')
    .orderBy('s.id')
    .execute();
}
