import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database';

/**
 * Incremental re-scoring's reads and writes: the marks the triggers leave (migration 2026_12_07_001200), the revision a
 * delta builds on, and what a delta shares with its base.
 */

/**
 * The newest revision of a cycle, the one `score --changed` builds on; `stale` when it was scored on an earlier day of
 * a year still under way (China time): facts that count up to today (projects overdue) have moved since without a
 * write, so only a full scoring is right; stale too when its snapshot is ahead of this database's transactions (a
 * backup restored into another server: its transaction numbers mean nothing here).
 */
export async function newestRevision(db: Kysely<Database>, year: number) {
  return db
    .selectFrom('score_revisions')
    .select(['id', 'base_id', 'kind', 'rule_sets', 'notes', 'marks_snapshot'])
    .select(
      sql<boolean>`(created_at at time zone 'Asia/Shanghai')::date < least(${`${year}-12-31`}::date, (now() at time zone 'Asia/Shanghai')::date)
        or coalesce(pg_snapshot_xmax(marks_snapshot::pg_snapshot) > pg_snapshot_xmax(pg_current_snapshot()), false)`.as('stale'),
    )
    .where('cycle_year', '=', year)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * What changed in a cycle since a revision was scored: the marks written by transactions its snapshot did not see
 * (committed after it began, or still running then), the whole cycle or these organizations.
 */
export async function dirtyMarks(db: Kysely<Database>, year: number, snapshot: string): Promise<{ whole: boolean; orgs: Set<number> }> {
  const unseen = sql<boolean>`not pg_visible_in_snapshot(xact, ${snapshot}::pg_snapshot)`;
  const whole = await db.selectFrom('score_dirty_years').select('cycle_year').where('cycle_year', '=', year).where(unseen).executeTakeFirst();
  const orgs = await db.selectFrom('score_dirty').select('org_id').where('cycle_year', '=', year).where(unseen).execute();
  return { whole: whole !== undefined, orgs: new Set(orgs.map((r) => r.org_id)) };
}

/** After a restore: no revision's snapshot is comparable with the transactions of this server; the next scorings are full. */
export async function forgetMarkSnapshots(db: Kysely<Database>) {
  await db.updateTable('score_revisions').set({ marks_snapshot: null }).where('marks_snapshot', 'is not', null).execute();
}

/** The organizations a revision scored (read whole), each with its rule set and the grading overrides that held. */
export async function revisionMembers(db: Kysely<Database>, revisionId: number) {
  return db.selectFrom('scores').select(['org_id', 'rule_set_hash', 'fired']).where('revision_id', '=', revisionId).execute();
}

/** A revision's stored results of these organizations, as text (graded again without their facts). */
export async function storedResults(db: Kysely<Database>, revisionId: number, orgIds: readonly number[]) {
  if (orgIds.length === 0) return [];
  const { rows } = await sql<{ org_id: number; result: string }>`
    select org_id, result::text as result from scores where revision_id = ${revisionId} and org_id = any(${[...orgIds]}::int[])`.execute(db);
  return rows;
}

/** A full revision's own score rows of these organizations, as text, to leave out of a delta what equals them. */
export async function baseScoreTexts(db: Kysely<Database>, baseId: number, orgIds: readonly number[]) {
  if (orgIds.length === 0) return new Map<number, string>();
  const { rows } = await sql<{ org_id: number; t: string }>`
    select org_id, concat_ws('|', category, rule_set_hash, result::text, fired::text) as t
    from score_rows where revision_id = ${baseId} and org_id = any(${[...orgIds]}::int[])`.execute(db);
  return new Map(rows.map((r) => [r.org_id, r.t]));
}

/** The same text for a row about to be stored (equal text, equal row). */
export function scoreText(row: { category: string; hash: string; result: string; fired: string[] | null }): string {
  return [row.category, row.hash, row.result, ...(row.fired === null ? [] : [JSON.stringify(row.fired)])].join('|');
}

/** A full revision's own grade rows of these organizations, as text (see gradeText). */
export async function baseGradeTexts(db: Kysely<Database>, baseId: number, orgIds: readonly number[]) {
  if (orgIds.length === 0) return new Map<number, string>();
  const rows = await db
    .selectFrom('grade_rows')
    .select(['org_id', 'grade', 'grade_label', 'rank_category', 'rank_parent', 'lagging', 'move', 'last_grade', 'decided_by', sql<string>`detail::text`.as('detail')])
    .where('revision_id', '=', baseId)
    .where('org_id', 'in', [...orgIds])
    .execute();
  return new Map(rows.map((r) => [r.org_id, gradeText(r)]));
}

/** A grade row as text, stored or about to be (equal text, equal row; `detail` as the JSON text stored). */
export function gradeText(r: { grade: string | null; grade_label: string | null; rank_category: number | null; rank_parent: number | null; lagging: boolean; move: string | null; last_grade: string | null; decided_by: string | null; detail: string }): string {
  return JSON.stringify([r.grade, r.grade_label, r.rank_category, r.rank_parent, r.lagging, r.move, r.last_grade, r.decided_by]) + r.detail;
}

/**
 * Copies a delta revision's own rows into the next delta, but for these organizations (scored or graded again): what
 * differed from the base then still differs unless it was worked out again.
 */
export async function carryOwnRows(db: Kysely<Database>, table: 'score_rows' | 'grade_rows', from: number, to: number, except: readonly number[]) {
  const cols =
    table === 'score_rows'
      ? sql`org_id, category, rule_set_hash, assessed, total, result, fired`
      : sql`org_id, grade, grade_label, rank_category, rank_parent, lagging, move, last_grade, detail, decided_by`;
  await sql`insert into ${sql.table(table)} (revision_id, ${cols})
    select ${to}, ${cols} from ${sql.table(table)} where revision_id = ${from} and not (org_id = any(${[...except]}::int[]))`.execute(db);
}

/** Per rule set of a revision (read whole): organizations, assessed, mean, minimum, maximum, and grades by label. */
export async function revisionStatistics(db: Kysely<Database>, revisionId: number) {
  const totals = await sql<{ hash: string; n: number; assessed: number; mean: string; min: string; max: string }>`
    select rule_set_hash as hash, count(*)::int as n, count(*) filter (where assessed)::int as assessed,
      round(avg(total), 2)::text as mean, min(total)::text as min, max(total)::text as max
    from scores where revision_id = ${revisionId} group by 1`.execute(db);
  const grades = await sql<{ hash: string; label: string | null; n: number }>`
    select s.rule_set_hash as hash, g.grade_label as label, count(*)::int as n
    from grades g join scores s on s.revision_id = g.revision_id and s.org_id = g.org_id
    where g.revision_id = ${revisionId} group by 1, 2`.execute(db);
  return { totals: totals.rows, grades: grades.rows };
}
