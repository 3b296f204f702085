import type { Kysely } from 'kysely';

/**
 * Duty reviews whose raters rate only some subjects ("本单位" rates its own secretary only): a rater may be
 * bound to a list of subjects (null: all of them); a session may accept sheets that cover a subset of their
 * subjects, and may be held on paper only (opened without issued codes or reviewer accounts). Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('review_raters').addColumn('subject_org_ids', 'jsonb').execute();
  await db.schema.alterTable('review_sessions').addColumn('partial_sheets', 'boolean', (c) => c.notNull().defaultTo(false)).execute();
  await db.schema.alterTable('review_sessions').addColumn('paper_only', 'boolean', (c) => c.notNull().defaultTo(false)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('review_sessions').dropColumn('paper_only').execute();
  await db.schema.alterTable('review_sessions').dropColumn('partial_sheets').execute();
  await db.schema.alterTable('review_raters').dropColumn('subject_org_ids').execute();
}
