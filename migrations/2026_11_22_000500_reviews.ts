import { type Kysely, sql } from 'kysely';

/**
 * Duty-report reviews (述职评议) and two-way evaluations (双向评价): the secretaries' and rotating chairs'
 * duty reports, review sessions with their subjects and raters (a reviewer token or a one-time code, stored
 * hashed), the votes — which carry no link to the rater who cast them, nor a time or a sequential id that
 * could be matched against the rater's — the evaluations both sides of a co-building agreement give each
 * other, and the community's feedback on each in-service member. Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('duty_reports')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('cycle_year', 'integer', (c) => c.notNull().references('cycles.year'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('secretary','chair')`))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('attachment_name', 'text')
    .addColumn('attachment_mime', 'text')
    .addColumn('attachment', 'bytea')
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('duty_reports_year_kind_org', ['cycle_year', 'kind', 'org_id'])
    .addCheckConstraint('duty_reports_attachment', sql`(attachment is null) = (attachment_name is null) and (attachment is null) = (attachment_mime is null)
      and (attachment is null or octet_length(attachment) <= 5242880)`)
    .execute();

  await db.schema
    .createTable('review_sessions')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('cycle_year', 'integer', (c) => c.notNull().references('cycles.year'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('secretary','chair')`))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('draft').check(sql`state in ('draft','open','closed')`))
    .addColumn('items', 'jsonb', (c) => c.notNull())
    .addColumn('rater_groups', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('opened_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('review_sessions_cycle_idx').on('review_sessions').columns(['cycle_year', 'kind', 'state']).execute();

  await db.schema
    .createTable('review_subjects')
    .addColumn('session_id', 'integer', (c) => c.notNull().references('review_sessions.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('cycle_year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_subjects_pk', ['session_id', 'org_id'])
    .addUniqueConstraint('review_subjects_once', ['cycle_year', 'kind', 'org_id'])
    .execute();

  await db.schema
    .createTable('review_raters')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('session_id', 'integer', (c) => c.notNull().references('review_sessions.id'))
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('token_id', 'integer', (c) => c.references('api_tokens.id'))
    .addColumn('code_hash', 'text', (c) => c.unique())
    .addColumn('used_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('review_raters_one_way', sql`(token_id is null) <> (code_hash is null)`)
    .addUniqueConstraint('review_raters_token_once', ['session_id', 'token_id'])
    .execute();
  await db.schema.createIndex('review_raters_session_idx').on('review_raters').columns(['session_id', 'group_key']).execute();

  // No rater id, no timestamp, a random id: nothing to join a vote back to the rater who cast it.
  await db.schema
    .createTable('review_votes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('session_id', 'integer', (c) => c.notNull().references('review_sessions.id'))
    .addColumn('subject_org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_votes_subject_idx').on('review_votes').columns(['session_id', 'subject_org_id']).execute();

  await db.schema
    .createTable('twoway_evaluations')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('agreement_id', 'integer', (c) => c.notNull().references('agreements.id'))
    .addColumn('cycle_year', 'integer', (c) => c.notNull().references('cycles.year'))
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('community_rates_unit','unit_rates_community')`))
    .addColumn('items', 'jsonb', (c) => c.notNull())
    .addColumn('total', sql`numeric(6,2)`, (c) => c.notNull().check(sql`total >= 0`))
    .addColumn('comment', 'text')
    .addColumn('by_org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('twoway_once', ['agreement_id', 'cycle_year', 'direction'])
    .execute();

  await db.schema
    .createTable('member_feedback')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('agreement_id', 'integer', (c) => c.references('agreements.id'))
    .addColumn('community_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('cycle_year', 'integer', (c) => c.notNull().references('cycles.year'))
    .addColumn('reported', 'boolean', (c) => c.notNull())
    .addColumn('hours', sql`numeric(6,2)`, (c) => c.notNull().defaultTo(0).check(sql`hours >= 0`))
    .addColumn('rating', 'text', (c) => c.check(sql`rating in ('好','较好','一般','差')`))
    .addColumn('comment', 'text')
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('member_feedback_once', ['community_id', 'member_id', 'cycle_year'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['member_feedback', 'twoway_evaluations', 'review_votes', 'review_raters', 'review_subjects', 'review_sessions', 'duty_reports']) {
    await db.schema.dropTable(t).execute();
  }
}
