import { type Kysely, sql } from 'kysely';

/**
 * Two-stage scoring (自评 + 上级评定): per year, organization and indicator, the organization's own score and its
 * superior's, each with who entered it, when and a note. A self-score is taken only between the cycle's
 * self-assessment dates (`cycles.self_assessment_opens` … `closes`, both inclusive, China time). Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('self_assessments')
    .addColumn('cycle_year', 'integer', (c) => c.notNull().references('cycles.year'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('self_points', 'numeric(7, 2)')
    .addColumn('self_note', 'text')
    .addColumn('self_by', 'text')
    .addColumn('self_at', 'timestamptz')
    .addColumn('review_points', 'numeric(7, 2)')
    .addColumn('review_note', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'timestamptz')
    .addPrimaryKeyConstraint('self_assessments_pk', ['cycle_year', 'org_id', 'indicator'])
    .addCheckConstraint('self_assessments_self_whole', sql`(self_points is null) = (self_by is null) and (self_points is null) = (self_at is null)`)
    .addCheckConstraint('self_assessments_review_whole', sql`(review_points is null) = (reviewed_by is null) and (review_points is null) = (reviewed_at is null)`)
    .addCheckConstraint('self_assessments_not_negative', sql`coalesce(self_points, 0) >= 0 and coalesce(review_points, 0) >= 0`)
    .execute();
  await db.schema.alterTable('cycles').addColumn('self_assessment_opens', 'date').addColumn('self_assessment_closes', 'date').execute();
  await sql`alter table cycles add constraint cycles_self_assessment_window check ((self_assessment_opens is null) = (self_assessment_closes is null) and self_assessment_opens <= self_assessment_closes)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table cycles drop constraint if exists cycles_self_assessment_window`.execute(db);
  await db.schema.alterTable('cycles').dropColumn('self_assessment_opens').dropColumn('self_assessment_closes').execute();
  await db.schema.dropTable('self_assessments').execute();
}
