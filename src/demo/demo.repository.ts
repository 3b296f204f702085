import { type Kysely, sql } from 'kysely';
import { bulkInsert, type BulkColumn } from '../db/bulk';
import type { CycleState, Database } from '../db/database';

/*
 * The demo's writes: whole tables at once (`bulkInsert`, one statement per 10,000 rows, each row the values of
 * the listed columns in order), and the few single statements `seed-demo.ts` and `demo-results.ts` need.
 */

export { reserveIds } from '../db/bulk';

type Rows = readonly (readonly unknown[])[];
const bulk =
  (table: string, columns: readonly BulkColumn[]) =>
  (db: Kysely<Database>, rows: Rows): Promise<void> =>
    bulkInsert(db, table, columns, rows);

/** Whether any organization exists (the demo goes only into an empty database). */
export async function anyOrganization(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('organizations').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** `seed-demo --reset`: every table of the application emptied, identities restarted. */
export async function truncateAll(db: Kysely<Database>): Promise<void> {
  await sql`truncate table cb_project_tasks, cb_chairs, cb_wishes, cb_progress, cb_project_links, cb_projects, cb_needs, cb_resources, ballots, ballot_codes, ballot_batches, rating_targets, rating_campaigns, member_feedback, twoway_form_pins, twoway_evaluations, review_votes, review_raters, review_subjects, review_sessions, duty_reports, rule_previews, rule_set_drafts, cycle_rule_sets, corrections, appeals, grades, org_records, scores, score_revisions, rule_sets, inspections, declared_facts, checkins, agreements,
        meeting_attendance, meetings, ledger_participants, ledger_records, cycles, audit_log, api_tokens, user_sessions, sign_in_attempts, rate_limits, users, members, organizations
        restart identity cascade`.execute(db);
}

export async function insertCycles(db: Kysely<Database>, cycles: readonly { year: number; state: CycleState }[]): Promise<void> {
  await db.insertInto('cycles').values([...cycles]).execute();
}

/** Rows: id, name, org_id, employer_name, employer_org_id, residence_community_id, in_service. */
export const insertMembers = bulk('members', [
  { name: 'id', type: 'int' },
  { name: 'name', type: 'text' },
  { name: 'org_id', type: 'int' },
  { name: 'employer_name', type: 'text' },
  { name: 'employer_org_id', type: 'int' },
  { name: 'residence_community_id', type: 'int' },
  { name: 'in_service', type: 'bool' },
]);

/** Rows: community_id, unit_id, year, content, signed_on. */
export const insertAgreements = bulk('agreements', [
  { name: 'community_id', type: 'int' },
  { name: 'unit_id', type: 'int' },
  { name: 'year', type: 'int' },
  { name: 'content', type: 'text' },
  { name: 'signed_on', type: 'date' },
]);

/** The agreements of some years, to find their ids by community, unit and year. */
export async function agreementsOfYears(db: Kysely<Database>, years: readonly number[]) {
  return db.selectFrom('agreements').select(['id', 'community_id', 'unit_id', 'year']).where('year', 'in', [...years]).execute();
}

/**
 * Rows: org_id, cycle_year, kind, occurred_on, title, participants, hours, evidence, status, source, created_by,
 * created_at, reviewed_by, reviewed_at, review_reason.
 */
export const insertLedger = bulk('ledger_records', [
  { name: 'org_id', type: 'int' },
  { name: 'cycle_year', type: 'int' },
  { name: 'kind', type: 'text' },
  { name: 'occurred_on', type: 'date' },
  { name: 'title', type: 'text' },
  { name: 'participants', type: 'int' },
  { name: 'hours', type: 'numeric' },
  { name: 'evidence', type: 'jsonb' },
  { name: 'status', type: 'text' },
  { name: 'source', type: 'text' },
  { name: 'created_by', type: 'text' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'reviewed_by', type: 'text' },
  { name: 'reviewed_at', type: 'timestamptz' },
  { name: 'review_reason', type: 'text' },
]);

/** Rows: member_id, community_id, cycle_year, kind, occurred_on, hours, activity, source, created_by. */
export const insertCheckins = bulk('checkins', [
  { name: 'member_id', type: 'int' },
  { name: 'community_id', type: 'int' },
  { name: 'cycle_year', type: 'int' },
  { name: 'kind', type: 'text' },
  { name: 'occurred_on', type: 'date' },
  { name: 'hours', type: 'numeric' },
  { name: 'activity', type: 'text' },
  { name: 'source', type: 'text' },
  { name: 'created_by', type: 'text' },
]);

/** Rows: cycle_year, org_id, key, value (JSON text), note, created_by. */
export const insertDeclaredFacts = bulk('declared_facts', [
  { name: 'cycle_year', type: 'int' },
  { name: 'org_id', type: 'int' },
  { name: 'key', type: 'text' },
  { name: 'value', type: 'jsonb' },
  { name: 'note', type: 'text' },
  { name: 'created_by', type: 'text' },
]);

/** Rows: cycle_year, org_id, type, level, title, reason, recorded_on, created_by. */
export const insertOrgRecords = bulk('org_records', [
  { name: 'cycle_year', type: 'int' },
  { name: 'org_id', type: 'int' },
  { name: 'type', type: 'text' },
  { name: 'level', type: 'text' },
  { name: 'title', type: 'text' },
  { name: 'reason', type: 'text' },
  { name: 'recorded_on', type: 'date' },
  { name: 'created_by', type: 'text' },
]);

/** Rows: id, cycle_year, kind, host_org_id, title, held_on, created_by. */
export const insertMeetings = bulk('meetings', [
  { name: 'id', type: 'int' },
  { name: 'cycle_year', type: 'int' },
  { name: 'kind', type: 'text' },
  { name: 'host_org_id', type: 'int' },
  { name: 'title', type: 'text' },
  { name: 'held_on', type: 'date' },
  { name: 'created_by', type: 'text' },
]);

/** Rows: meeting_id, org_id, status. */
export const insertAttendance = bulk('meeting_attendance', [
  { name: 'meeting_id', type: 'int' },
  { name: 'org_id', type: 'int' },
  { name: 'status', type: 'text' },
]);

/** Rows: id, cycle_year, kind, org_id, title, state, items, rater_groups, created_by, opened_at, closed_at. */
export const insertReviewSessions = bulk('review_sessions', [
  { name: 'id', type: 'int' },
  { name: 'cycle_year', type: 'int' },
  { name: 'kind', type: 'text' },
  { name: 'org_id', type: 'int' },
  { name: 'title', type: 'text' },
  { name: 'state', type: 'text' },
  { name: 'items', type: 'jsonb' },
  { name: 'rater_groups', type: 'jsonb' },
  { name: 'created_by', type: 'text' },
  { name: 'opened_at', type: 'timestamptz' },
  { name: 'closed_at', type: 'timestamptz' },
]);

/** Rows: session_id, org_id, cycle_year, kind. */
export const insertReviewSubjects = bulk('review_subjects', [
  { name: 'session_id', type: 'int' },
  { name: 'org_id', type: 'int' },
  { name: 'cycle_year', type: 'int' },
  { name: 'kind', type: 'text' },
]);

/** Rows: session_id, group_key, code_hash, used_at. */
export const insertReviewRaters = bulk('review_raters', [
  { name: 'session_id', type: 'int' },
  { name: 'group_key', type: 'text' },
  { name: 'code_hash', type: 'text' },
  { name: 'used_at', type: 'timestamptz' },
]);

/** Rows: session_id, subject_org_id, group_key, answers. */
export const insertReviewVotes = bulk('review_votes', [
  { name: 'session_id', type: 'int' },
  { name: 'subject_org_id', type: 'int' },
  { name: 'group_key', type: 'text' },
  { name: 'answers', type: 'jsonb' },
]);

/** Rows: agreement_id, cycle_year, direction, items, total, comment, by_org_id, submitted_by. */
export const insertTwowayEvaluations = bulk('twoway_evaluations', [
  { name: 'agreement_id', type: 'int' },
  { name: 'cycle_year', type: 'int' },
  { name: 'direction', type: 'text' },
  { name: 'items', type: 'jsonb' },
  { name: 'total', type: 'numeric' },
  { name: 'comment', type: 'text' },
  { name: 'by_org_id', type: 'int' },
  { name: 'submitted_by', type: 'text' },
]);

/** Rows: agreement_id, community_id, member_id, cycle_year, reported, hours, rating, comment, submitted_by. */
export const insertMemberFeedback = bulk('member_feedback', [
  { name: 'agreement_id', type: 'int' },
  { name: 'community_id', type: 'int' },
  { name: 'member_id', type: 'int' },
  { name: 'cycle_year', type: 'int' },
  { name: 'reported', type: 'bool' },
  { name: 'hours', type: 'numeric' },
  { name: 'rating', type: 'text' },
  { name: 'comment', type: 'text' },
  { name: 'submitted_by', type: 'text' },
]);

export type DemoCampaignRow = {
  cycle_year: number;
  org_id: number;
  title: string;
  subject?: 'org' | 'project';
  state: 'open' | 'closed';
  items: string;
  answers: string;
  rater_groups: string;
  opens_on: string;
  closes_on: string;
  created_by: string;
  opened_at: Date;
  closed_at: Date | null;
};

/** One rating campaign; returns its id. */
export async function insertCampaign(db: Kysely<Database>, row: DemoCampaignRow): Promise<number> {
  return (await db.insertInto('rating_campaigns').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** A campaign's targets (organizations, or projects under their communities); returns their ids with both. */
export async function insertTargets(db: Kysely<Database>, rows: readonly { campaign_id: number; cycle_year: number; org_id: number; project_id?: number }[]) {
  // 10,000 rows a statement: a city's year of finished projects is more than one statement's 65,535 parameters.
  const out: { id: number; org_id: number; project_id: number | null }[] = [];
  for (let i = 0; i < rows.length; i += 10_000) {
    out.push(...(await db.insertInto('rating_targets').values(rows.slice(i, i + 10_000)).returning(['id', 'org_id', 'project_id']).execute()));
  }
  return out;
}

/** Rows: id, campaign_id, target_id, rater_group, count, expires_at, created_by, created_at. */
export const insertBallotBatches = bulk('ballot_batches', [
  { name: 'id', type: 'int' },
  { name: 'campaign_id', type: 'int' },
  { name: 'target_id', type: 'int' },
  { name: 'rater_group', type: 'text' },
  { name: 'count', type: 'int' },
  { name: 'expires_at', type: 'timestamptz' },
  { name: 'created_by', type: 'text' },
  { name: 'created_at', type: 'timestamptz' },
]);

/** Rows: id, code_hash, batch_id, target_id, rater_group, expires_at, used_at. */
export const insertBallotCodes = bulk('ballot_codes', [
  { name: 'id', type: 'int' },
  { name: 'code_hash', type: 'text' },
  { name: 'batch_id', type: 'int' },
  { name: 'target_id', type: 'int' },
  { name: 'rater_group', type: 'text' },
  { name: 'expires_at', type: 'timestamptz' },
  { name: 'used_at', type: 'timestamptz' },
]);

/** Rows: campaign_id, target_id, org_id, rater_group, answers, source, client_key, created_at, voided_at, voided_by, void_reason. */
export const insertBallots = bulk('ballots', [
  { name: 'campaign_id', type: 'int' },
  { name: 'target_id', type: 'int' },
  { name: 'org_id', type: 'int' },
  { name: 'rater_group', type: 'text' },
  { name: 'answers', type: 'jsonb' },
  { name: 'source', type: 'text' },
  { name: 'client_key', type: 'text' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'voided_at', type: 'timestamptz' },
  { name: 'voided_by', type: 'text' },
  { name: 'void_reason', type: 'text' },
]);

/**
 * The demo's older finished year as it would stand early the next year: finalized on fixed dates with the
 * given revision (real cycles go through `cycle-life.ts`).
 */
export async function finalizeDemoCycle(db: Kysely<Database>, year: number, revisionId: number): Promise<void> {
  await sql`update cycles set state = 'finalized', published_on = ${`${year + 1}-01-20`}::date, appeal_deadline = ${`${year + 1}-01-27`}::date,
        finalized_at = ${`${year + 1}-02-10T02:00:00Z`}::timestamptz, final_revision_id = ${revisionId} where year = ${year}`.execute(db);
}

/** Rows: id, org_id, offered_to_id, kind, title, description, capacity, offered_on, available_to, created_by. */
export const insertCbResources = bulk('cb_resources', [
  { name: 'id', type: 'int' },
  { name: 'org_id', type: 'int' },
  { name: 'offered_to_id', type: 'int' },
  { name: 'kind', type: 'text' },
  { name: 'title', type: 'text' },
  { name: 'description', type: 'text' },
  { name: 'capacity', type: 'text' },
  { name: 'offered_on', type: 'date' },
  { name: 'available_to', type: 'date' },
  { name: 'created_by', type: 'text' },
]);

/** Rows: id, org_id, kind, title, description, residents, urgency, source, raised_on, state, met_on, created_by. */
export const insertCbNeeds = bulk('cb_needs', [
  { name: 'id', type: 'int' },
  { name: 'org_id', type: 'int' },
  { name: 'kind', type: 'text' },
  { name: 'title', type: 'text' },
  { name: 'description', type: 'text' },
  { name: 'residents', type: 'int' },
  { name: 'urgency', type: 'text' },
  { name: 'source', type: 'text' },
  { name: 'raised_on', type: 'date' },
  { name: 'state', type: 'text' },
  { name: 'met_on', type: 'date' },
  { name: 'created_by', type: 'text' },
]);

/**
 * Rows: id, community_id, responsible_id, title, goal, planned_start, planned_end, state, created_on, claimed_on,
 * close_proposed_on, closed_on, sent_back, created_by.
 */
export const insertCbProjects = bulk('cb_projects', [
  { name: 'id', type: 'int' },
  { name: 'community_id', type: 'int' },
  { name: 'responsible_id', type: 'int' },
  { name: 'title', type: 'text' },
  { name: 'goal', type: 'text' },
  { name: 'planned_start', type: 'date' },
  { name: 'planned_end', type: 'date' },
  { name: 'state', type: 'text' },
  { name: 'created_on', type: 'date' },
  { name: 'claimed_on', type: 'date' },
  { name: 'close_proposed_on', type: 'date' },
  { name: 'closed_on', type: 'date' },
  { name: 'sent_back', type: 'int' },
  { name: 'created_by', type: 'text' },
]);

/** Rows: project_id, need_id, resource_id (one of the two). */
export const insertCbLinks = bulk('cb_project_links', [
  { name: 'project_id', type: 'int' },
  { name: 'need_id', type: 'int' },
  { name: 'resource_id', type: 'int' },
]);

/** Rows: project_id, kind, entry_on, text, org_id, created_by. */
export const insertCbProgress = bulk('cb_progress', [
  { name: 'project_id', type: 'int' },
  { name: 'kind', type: 'text' },
  { name: 'entry_on', type: 'date' },
  { name: 'text', type: 'text' },
  { name: 'org_id', type: 'int' },
  { name: 'created_by', type: 'text' },
]);

/** Rows: project_id, title, org_id, person, due_on, milestone, done_on, created_by. */
export const insertCbTasks = bulk('cb_project_tasks', [
  { name: 'project_id', type: 'int' },
  { name: 'title', type: 'text' },
  { name: 'org_id', type: 'int' },
  { name: 'person', type: 'text' },
  { name: 'due_on', type: 'date' },
  { name: 'milestone', type: 'bool' },
  { name: 'done_on', type: 'date' },
  { name: 'created_by', type: 'text' },
]);

/** Rows: community_id, unit_id, starts_on, ends_on, duties, created_by. */
export const insertCbChairs = bulk('cb_chairs', [
  { name: 'community_id', type: 'int' },
  { name: 'unit_id', type: 'int' },
  { name: 'starts_on', type: 'date' },
  { name: 'ends_on', type: 'date' },
  { name: 'duties', type: 'text' },
  { name: 'created_by', type: 'text' },
]);

/** Rows: org_id, wish, resident_alias, consent_on, raised_on, state, claimer_id, claimer_member, claimed_on, fulfilled_on, fulfil_text, confirmed_on, created_by. */
export const insertCbWishes = bulk('cb_wishes', [
  { name: 'org_id', type: 'int' },
  { name: 'wish', type: 'text' },
  { name: 'resident_alias', type: 'text' },
  { name: 'consent_on', type: 'date' },
  { name: 'raised_on', type: 'date' },
  { name: 'state', type: 'text' },
  { name: 'claimer_id', type: 'int' },
  { name: 'claimer_member', type: 'text' },
  { name: 'claimed_on', type: 'date' },
  { name: 'fulfilled_on', type: 'date' },
  { name: 'fulfil_text', type: 'text' },
  { name: 'confirmed_on', type: 'date' },
  { name: 'created_by', type: 'text' },
]);

/** Statistics for every table after seeding (ANALYZE samples at most 30,000 rows a table). */
export async function analyzeSeeded(db: Kysely<Database>): Promise<void> {
  await sql`analyze`.execute(db);
}
