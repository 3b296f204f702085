import { type Kysely, sql } from 'kysely';

/**
 * Grades and the cycle's life: organization-level records (honours, projects, discipline cases, vetoes,
 * direct grading), the grade of every organization in a revision, the cycle's publication, appeals,
 * finalization and corrections, the rule-set versions pinned to a cycle, and rule-change previews. Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('org_records')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('cycle_year', 'integer', (c) => c.notNull().references('cycles.year'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('type', 'text', (c) =>
      c.notNull().check(sql`type in ('honour','innovation','discipline','clean_record','weak_lax','veto','direct_grade')`),
    )
    .addColumn('level', 'text', (c) => c.check(sql`level in ('street','district','city','province','national')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('grade', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('approver', 'text')
    .addColumn('evidence', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('recorded_on', 'date', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('org_records_direct', sql`(type = 'direct_grade') = (grade is not null) and (type <> 'direct_grade' or approver is not null)`)
    .addCheckConstraint('org_records_honour', sql`type <> 'honour' or level is not null`)
    .execute();
  await db.schema.createIndex('org_records_cycle_idx').on('org_records').columns(['cycle_year', 'org_id']).execute();

  await db.schema
    .createTable('grades')
    .addColumn('revision_id', 'integer', (c) => c.notNull().references('score_revisions.id').onDelete('cascade'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('grade', 'text')
    .addColumn('grade_label', 'text')
    .addColumn('rank_category', 'integer')
    .addColumn('rank_parent', 'integer')
    .addColumn('lagging', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('move', 'text')
    .addColumn('last_grade', 'text')
    // Every step from band to final grade, consequences and what the next grade needs, in Chinese.
    .addColumn('detail', 'json', (c) => c.notNull())
    .addPrimaryKeyConstraint('grades_pk', ['revision_id', 'org_id'])
    .execute();

  await db.schema
    .alterTable('score_revisions')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('compute').check(sql`kind in ('compute','correction')`))
    .addColumn('notes', 'json')
    .execute();

  await db.schema
    .alterTable('cycles')
    .addColumn('published_on', 'date')
    .addColumn('appeal_deadline', 'date')
    .addColumn('finalized_at', 'timestamptz')
    .addColumn('final_revision_id', 'integer', (c) => c.references('score_revisions.id'))
    .execute();

  await db.schema
    .createTable('appeals')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('cycle_year', 'integer', (c) => c.notNull().references('cycles.year'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('revision_id', 'integer', (c) => c.notNull().references('score_revisions.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('evidence', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open','accepted','rejected')`))
    .addColumn('decision_reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('appeals_decided', sql`(status = 'open') = (decided_at is null)`)
    .execute();
  await db.schema.createIndex('appeals_cycle_idx').on('appeals').columns(['cycle_year', 'org_id']).execute();

  await db.schema
    .createTable('corrections')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('cycle_year', 'integer', (c) => c.notNull().references('cycles.year'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('from_revision_id', 'integer', (c) => c.notNull().references('score_revisions.id'))
    .addColumn('to_revision_id', 'integer', (c) => c.notNull().references('score_revisions.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('before', 'json', (c) => c.notNull())
    .addColumn('after', 'json', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('cycle_rule_sets')
    .addColumn('cycle_year', 'integer', (c) => c.notNull().references('cycles.year'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('rule_set_hash', 'text', (c) => c.notNull().references('rule_sets.hash'))
    .addColumn('pinned_by', 'text', (c) => c.notNull())
    .addColumn('pinned_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('cycle_rule_sets_pk', ['cycle_year', 'category'])
    .execute();

  await db.schema
    .createTable('rule_previews')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('cycle_year', 'integer', (c) => c.notNull().references('cycles.year'))
    .addColumn('rule_set_hash', 'text', (c) => c.notNull())
    .addColumn('summary', 'json', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['rule_previews', 'cycle_rule_sets', 'corrections', 'appeals']) await db.schema.dropTable(t).execute();
  await db.schema.alterTable('cycles').dropColumn('published_on').dropColumn('appeal_deadline').dropColumn('finalized_at').dropColumn('final_revision_id').execute();
  await db.schema.alterTable('score_revisions').dropColumn('kind').dropColumn('notes').execute();
  for (const t of ['grades', 'org_records']) await db.schema.dropTable(t).execute();
}
