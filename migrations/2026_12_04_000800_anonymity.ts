import { type Kysely, sql } from 'kysely';

/**
 * Anonymity against a reader of the database (DECISIONS.md): a ballot or a review sheet is first kept in a
 * pending table, written by the transaction that claims its code or rater; it reaches `ballots` or
 * `review_votes` in a later transaction, in shuffled order, at the latest when the campaign or session closes,
 * and then the claim rows are rewritten too. So after closing no row the claiming transaction wrote is left
 * (xmin), no order (ctid, ids) follows the order of voting, and no ballot refers to its code. Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pending_ballots')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('rating_campaigns.id'))
    .addColumn('target_id', 'integer', (c) => c.notNull().references('rating_targets.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('rater_group', 'text', (c) => c.notNull())
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .addColumn('client_key', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pending_ballots_campaign_idx').on('pending_ballots').column('campaign_id').execute();

  // One row per sheet: its votes (subject, group, answers) as a list, moved into review_votes at closing.
  await db.schema
    .createTable('pending_review_sheets')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('session_id', 'integer', (c) => c.notNull().references('review_sessions.id'))
    .addColumn('votes', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pending_review_sheets_session_idx').on('pending_review_sheets').column('session_id').execute();

  await sql`alter table ballots drop constraint if exists ballots_online_code`.execute(db);
  await db.schema.alterTable('ballots').dropColumn('code_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('ballots').addColumn('code_id', 'integer', (c) => c.unique().references('ballot_codes.id')).execute();
  await db.schema.dropTable('pending_review_sheets').execute();
  await db.schema.dropTable('pending_ballots').execute();
}
