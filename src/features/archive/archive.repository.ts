import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/database';

/**
 * What a year's archive holds of one table: which rows (a condition on the row `t`), in which order, and
 * columns left out of the JSON (binary attachments travel as files of their own).
 */
type YearTable = { table: keyof Database & string; where: (year: number, revisionId: number) => RawBuilder<unknown>; order: string[]; omit?: string[] };

const ofYear = (column: string) => (year: number) => sql`${sql.ref(`t.${column}`)} = ${year}`;
const inYearOf = (column: string, parent: string, parentYear = 'cycle_year') => (year: number) =>
  sql`${sql.ref(`t.${column}`)} in (select id from ${sql.table(parent)} where ${sql.ref(parentYear)} = ${year})`;
const ofRevision = (_year: number, revisionId: number) => sql`t.revision_id = ${revisionId}`;

/**
 * Year tables left out of an archive: one-time codes and raters (hashes of credentials, nothing to read) and the
 * pending tables (emptied when an evaluation closes, and a finalized year has none open), and what incremental
 * scoring has still to score again (cleared by the next scoring), and a scoring job's parts shared with other workers
 * (removed when it ends).
 */
export const notArchived = ['ballot_codes', 'review_raters', 'pending_ballots', 'pending_review_sheets', 'score_dirty', 'score_dirty_years', 'score_shares'] as const;

/** Tables an archive reads through views: a revision's rows whole (`scores`, `grades`), a delta's base rows included. */
export const archivedThroughViews = ['score_rows', 'grade_rows'] as const;

/** The year's tables, in the order a reader would want them: the cycle, its results, its rules, then its records. */
export const yearTables: readonly YearTable[] = [
  { table: 'cycles', where: ofYear('year'), order: ['year'] },
  { table: 'score_revisions', where: ofYear('cycle_year'), order: ['id'] },
  { table: 'scores', where: ofRevision, order: ['org_id'] },
  { table: 'grades', where: ofRevision, order: ['org_id'] },
  { table: 'cycle_rule_sets', where: ofYear('cycle_year'), order: ['category'] },
  { table: 'rule_previews', where: ofYear('cycle_year'), order: ['id'] },
  {
    table: 'rule_sets',
    where: (year, revisionId) =>
      sql`t.hash in (select rule_set_hash from cycle_rule_sets where cycle_year = ${year} union select rule_set_hash from scores where revision_id = ${revisionId})`,
    order: ['hash'],
  },
  { table: 'appeals', where: ofYear('cycle_year'), order: ['id'] },
  { table: 'corrections', where: ofYear('cycle_year'), order: ['id'] },
  { table: 'documents', where: ofYear('cycle_year'), order: ['created_at', 'id'] },
  // Who had the year's books printed and from which revision (the books themselves are printed again from the final revision).
  { table: 'jobs', where: ofYear('cycle_year'), order: ['id'] },
  {
    table: 'organizations',
    where: (year) => sql`t.active_from <= ${`${year}-12-31`} and (t.active_to is null or t.active_to >= ${`${year}-01-01`})`,
    order: ['id'],
  },
  {
    table: 'members',
    where: (year) =>
      sql`t.id in (select p.member_id from ledger_participants p join ledger_records r on r.id = p.record_id where r.cycle_year = ${year}
        union select member_id from checkins where cycle_year = ${year} union select member_id from member_feedback where cycle_year = ${year})`,
    order: ['id'],
  },
  { table: 'record_kinds', where: () => sql`true`, order: ['code'] },
  { table: 'ledger_records', where: ofYear('cycle_year'), order: ['id'] },
  { table: 'ledger_participants', where: inYearOf('record_id', 'ledger_records'), order: ['record_id', 'member_id'] },
  {
    // The descriptions (name, type, size, SHA-256) of the files the year's records and appeals name as evidence and
    // of its duty reports' attachments; the bytes of the attachments travel as files of their own.
    table: 'files',
    where: (year) => sql`t.id in (select (e->>'fileId')::int from ledger_records r cross join jsonb_array_elements(r.evidence) e where r.cycle_year = ${year} and e ? 'fileId'
      union select (e->>'fileId')::int from appeals a cross join jsonb_array_elements(a.evidence) e where a.cycle_year = ${year} and e ? 'fileId'
      union select attachment_file_id from duty_reports where cycle_year = ${year})`,
    order: ['id'],
    omit: ['content', 'thumbnail'],
  },
  { table: 'meetings', where: ofYear('cycle_year'), order: ['id'] },
  { table: 'meeting_attendance', where: inYearOf('meeting_id', 'meetings'), order: ['meeting_id', 'org_id'] },
  { table: 'checkins', where: ofYear('cycle_year'), order: ['id'] },
  { table: 'agreements', where: ofYear('year'), order: ['id'] },
  { table: 'declared_facts', where: ofYear('cycle_year'), order: ['org_id', 'key'] },
  { table: 'org_records', where: ofYear('cycle_year'), order: ['id'] },
  { table: 'inspections', where: ofYear('cycle_year'), order: ['id'] },
  { table: 'self_assessments', where: ofYear('cycle_year'), order: ['org_id', 'indicator'] },
  { table: 'duty_reports', where: ofYear('cycle_year'), order: ['id'] },
  { table: 'review_sessions', where: ofYear('cycle_year'), order: ['id'] },
  { table: 'review_subjects', where: ofYear('cycle_year'), order: ['session_id', 'org_id'] },
  { table: 'review_votes', where: inYearOf('session_id', 'review_sessions'), order: ['session_id', 'subject_org_id', 'id'] },
  { table: 'twoway_evaluations', where: ofYear('cycle_year'), order: ['id'] },
  { table: 'twoway_form_pins', where: ofYear('cycle_year'), order: ['direction'] },
  { table: 'twoway_forms', where: (year) => sql`t.id in (select form_id from twoway_form_pins where cycle_year = ${year})`, order: ['id'] },
  { table: 'member_feedback', where: ofYear('cycle_year'), order: ['id'] },
  { table: 'rating_campaigns', where: ofYear('cycle_year'), order: ['id'] },
  { table: 'rating_targets', where: ofYear('cycle_year'), order: ['id'] },
  { table: 'ballot_batches', where: inYearOf('campaign_id', 'rating_campaigns'), order: ['id'] },
  { table: 'ballots', where: inYearOf('campaign_id', 'rating_campaigns'), order: ['id'] },
  {
    table: 'audit_log',
    where: (year) => sql`(t.entity = 'cycle' and t.entity_id = ${String(year)}) or (t.entity = 'score' and t.entity_id like ${`${year}/%`})`,
    order: ['id'],
  },
];

/**
 * One table's rows of a year, each as the JSON text PostgreSQL itself makes of it (`to_jsonb`: timestamps with
 * their offset, numerics exact, JSON columns nested), so PGlite and PostgreSQL archive the same text.
 */
export async function yearRows(db: Kysely<Database>, spec: YearTable, year: number, revisionId: number): Promise<string[]> {
  const row = (spec.omit ?? []).reduce((json, column) => sql`${json} - ${sql.lit(column)}`, sql`to_jsonb(t)`);
  const order = sql.join(spec.order.map((c) => sql.ref(`t.${c}`)));
  const { rows } = await sql<{ row: string }>`select (${row})::text as row from ${sql.table(spec.table)} t where ${spec.where(year, revisionId)} order by ${order}`.execute(db);
  return rows.map((r) => r.row);
}

/**
 * The year's duty-report attachments kept in the database, as files (those in the files directory are described in
 * files.ndjson by their SHA-256, the name they have in that directory).
 */
export async function dutyReportAttachments(db: Kysely<Database>, year: number) {
  return db
    .selectFrom('duty_reports as d')
    .innerJoin('files as f', 'f.id', 'd.attachment_file_id')
    .select(['d.id', 'f.name as attachment_name', 'f.content as attachment'])
    .where('d.cycle_year', '=', year)
    .where('f.content', 'is not', null)
    .orderBy('d.id')
    .execute();
}

/** The rule set bodies of a year (pinned, or used by its final revision), for files a reader can open. */
export async function yearRuleSets(db: Kysely<Database>, year: number, revisionId: number) {
  return db
    .selectFrom('rule_sets')
    .select(['hash', 'id', 'version', 'title', 'body'])
    .where((eb) =>
      eb.or([
        eb('hash', 'in', eb.selectFrom('cycle_rule_sets').select('rule_set_hash').where('cycle_year', '=', year)),
        eb('hash', 'in', eb.selectFrom('scores').select('rule_set_hash').where('revision_id', '=', revisionId)),
      ]),
    )
    .orderBy('id')
    .orderBy('hash')
    .execute();
}

/** The top-level organizations with a result in a revision: each one's subtree is printed as a whole. */
export async function scoredRoots(db: Kysely<Database>, revisionId: number) {
  return db
    .selectFrom('organizations as o')
    .select(['o.id', 'o.name'])
    .where('o.parent_id', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('scores as s')
          .innerJoin('organizations as x', 'x.id', 's.org_id')
          .select('s.org_id')
          .where('s.revision_id', '=', revisionId)
          .where(sql<boolean>`x.path like o.path || '%'`),
      ),
    )
    .orderBy('o.id')
    .execute();
}

/** The archives of a year recorded in the audit log (newest first), with the overall hash each one sealed. */
export async function archiveAuditRows(db: Kysely<Database>, year: number) {
  return db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor_name', 'after'])
    .where('action', '=', 'cycle.archive')
    .where('entity', '=', 'cycle')
    .where('entity_id', '=', String(year))
    .orderBy('id', 'desc')
    .execute();
}

/** The base tables of the public schema with their row counts (what a restore compares and summarizes). */
export async function tableRowCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const counts: Record<string, number> = {};
  for (const { table_name: name } of rows) {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(db);
    counts[name] = r.rows[0]!.n;
  }
  return counts;
}

/** The major version of the database server (pg_dump must be at least as new). */
export async function serverMajorVersion(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ v: string }>`select current_setting('server_version_num') as v`.execute(db);
  return Math.floor(Number(rows[0]!.v) / 10_000);
}

/** Which database the connection is in, for messages. */
export async function currentDatabaseName(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db);
  return rows[0]!.name;
}
