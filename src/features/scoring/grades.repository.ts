import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database';
import type { GradeOutcome } from '../../scoring/grading';

/** Grades of the final revision of a cycle, by organization (last year's grades for year-over-year rules). */
export async function finalGrades(db: Kysely<Database>, year: number): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('cycles as c')
    .innerJoin('grades as g', 'g.revision_id', 'c.final_revision_id')
    .select(['g.org_id', 'g.grade'])
    .where('c.year', '=', year)
    .where('c.state', '=', 'finalized')
    .execute();
  return new Map(rows.filter((r) => r.grade !== null).map((r) => [r.org_id, r.grade!]));
}

/** Admin decisions to grade an organization directly, for a cycle. */
export async function directGradeRecords(db: Kysely<Database>, year: number) {
  return db
    .selectFrom('org_records')
    .select(['org_id', 'grade', 'reason', 'approver'])
    .where('cycle_year', '=', year)
    .where('type', '=', 'direct_grade')
    .orderBy('id')
    .execute();
}

/** A grade outcome as its stored row. */
export function gradeRow(revisionId: number, o: GradeOutcome) {
  return {
    revision_id: revisionId,
    org_id: o.orgId,
    grade: o.grade,
    grade_label: o.gradeLabel,
    rank_category: o.rankCategory,
    rank_parent: o.rankParent,
    lagging: o.lagging,
    move: o.move,
    last_grade: o.lastGrade,
    decided_by: o.decidedBy,
    detail: JSON.stringify({ bandGrade: o.bandGrade, pinned: o.pinned, steps: o.steps, lastGradeLabel: o.lastGradeLabel, consequences: o.consequences, next: o.next }),
  };
}

export async function insertGrades(db: Kysely<Database>, revisionId: number, outcomes: readonly GradeOutcome[]) {
  for (let i = 0; i < outcomes.length; i += 1000) {
    await db
      .insertInto('grade_rows')
      .values(outcomes.slice(i, i + 1000).map((o) => gradeRow(revisionId, o)))
      .execute();
  }
}

export async function setRevisionNotes(db: Kysely<Database>, revisionId: number, notes: unknown) {
  await db.updateTable('score_revisions').set({ notes: JSON.stringify(notes) }).where('id', '=', revisionId).execute();
}

/** One organization's grade in a revision. */
export async function gradeOf(db: Kysely<Database>, revisionId: number, orgId: number) {
  return db.selectFrom('grades').selectAll().where('revision_id', '=', revisionId).where('org_id', '=', orgId).executeTakeFirst();
}

/** Grade counts of a revision, by category and grade (for distributions). */
export async function gradeDistribution(db: Kysely<Database>, revisionId: number) {
  const r = await sql<{ category: string; grade: string | null; grade_label: string | null; n: number }>`
    select s.category, g.grade, g.grade_label, count(*)::int as n
    from grades g join scores s on s.revision_id = g.revision_id and s.org_id = g.org_id
    where g.revision_id = ${revisionId} group by 1, 2, 3 order by 1, 2`.execute(db);
  return r.rows;
}

/** Copies every grade of one revision into another, in the database (a correction starts from the final revision). */
export async function copyGrades(db: Kysely<Database>, fromRevisionId: number, toRevisionId: number) {
  await sql`insert into grade_rows (revision_id, org_id, grade, grade_label, rank_category, rank_parent, lagging, move, last_grade, detail, decided_by)
      select ${toRevisionId}, org_id, grade, grade_label, rank_category, rank_parent, lagging, move, last_grade, detail, decided_by from grades where revision_id = ${fromRevisionId}`.execute(db);
}

/** Sets a corrected grade and appends the correction as the last step of its explanation. */
export async function correctGrade(db: Kysely<Database>, revisionId: number, orgId: number, grade: string, gradeLabel: string | null, note: string) {
  await sql`update grade_rows set grade = ${grade}, grade_label = ${gradeLabel}, decided_by = 'correction',
        detail = jsonb_set(detail::jsonb, '{steps}', (detail::jsonb -> 'steps') || jsonb_build_array(jsonb_build_object('kind', 'correction', 'grade', ${grade}::text, 'text', ${note}::text)))::json
        where revision_id = ${revisionId} and org_id = ${orgId}`.execute(db);
}
