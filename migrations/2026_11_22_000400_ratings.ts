import { type Kysely, sql } from 'kysely';

/**
 * Resident rating campaigns (群众评议): campaigns and their targets, batches of one-time ballot codes
 * (stored only as hashes), and the ballots cast with them. Nothing links a ballot to a person: a code is
 * printed for a target and a rater group, not for someone, and the client address is kept only as a
 * salted hash for abuse flags. Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rating_campaigns')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('cycle_year', 'integer', (c) => c.notNull().references('cycles.year'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('draft').check(sql`state in ('draft','open','closed')`))
    .addColumn('items', 'jsonb', (c) => c.notNull())
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .addColumn('rater_groups', 'jsonb', (c) => c.notNull())
    .addColumn('opens_on', 'date', (c) => c.notNull())
    .addColumn('closes_on', 'date', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('opened_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addCheckConstraint('rating_campaigns_dates', sql`opens_on <= closes_on`)
    .execute();
  await db.schema.createIndex('rating_campaigns_cycle_idx').on('rating_campaigns').columns(['cycle_year', 'state']).execute();

  await db.schema
    .createTable('rating_targets')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('rating_campaigns.id'))
    .addColumn('cycle_year', 'integer', (c) => c.notNull().references('cycles.year'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addUniqueConstraint('rating_targets_unique', ['cycle_year', 'campaign_id', 'org_id'])
    .execute();

  await db.schema
    .createTable('ballot_batches')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('rating_campaigns.id'))
    .addColumn('target_id', 'integer', (c) => c.notNull().references('rating_targets.id'))
    .addColumn('rater_group', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().check(sql`count > 0`))
    .addColumn('expires_at', 'timestamptz')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('ballot_codes')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('ballot_batches.id'))
    .addColumn('target_id', 'integer', (c) => c.notNull().references('rating_targets.id'))
    .addColumn('rater_group', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz')
    .addColumn('used_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('ballot_codes_batch_idx').on('ballot_codes').column('batch_id').execute();

  await db.schema
    .createTable('ballots')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    // The second guard after the conditional claim of the code: a code can back one ballot only.
    .addColumn('code_id', 'integer', (c) => c.unique().references('ballot_codes.id'))
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('rating_campaigns.id'))
    .addColumn('target_id', 'integer', (c) => c.notNull().references('rating_targets.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('rater_group', 'text', (c) => c.notNull())
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('online','paper')`))
    .addColumn('client_key', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('voided_at', 'timestamptz')
    .addColumn('voided_by', 'text')
    .addColumn('void_reason', 'text')
    .addCheckConstraint('ballots_online_code', sql`source <> 'online' or code_id is not null`)
    .addCheckConstraint('ballots_void', sql`(voided_at is null) = (void_reason is null)`)
    .execute();
  await db.schema.createIndex('ballots_campaign_idx').on('ballots').columns(['campaign_id', 'org_id']).execute();
  await db.schema.createIndex('ballots_client_idx').on('ballots').columns(['campaign_id', 'client_key', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['ballots', 'ballot_codes', 'ballot_batches', 'rating_targets', 'rating_campaigns']) await db.schema.dropTable(t).execute();
}
