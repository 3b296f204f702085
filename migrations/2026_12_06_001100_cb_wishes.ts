import { sql, type Kysely } from 'kysely';

/**
 * 微心愿 (issue 17): one resident's small wish, collected by a community or grid with the resident's consent to publish
 * it (dated), claimed by a unit or the community on a member's behalf, fulfilled with evidence and confirmed by the
 * resident through a one-time code. The resident's contact is kept for the claimer only and can be deleted on
 * request (`contact_deleted_on`). States move only as `features/cobuilding/wish-moves.ts` allows. Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cb_wishes')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('wish', 'text', (c) => c.notNull())
    .addColumn('resident_alias', 'text', (c) => c.notNull())
    .addColumn('resident_contact', 'text')
    .addColumn('contact_deleted_on', 'date')
    .addColumn('consent_on', 'date', (c) => c.notNull())
    .addColumn('raised_on', 'date', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open','claimed','fulfilled','confirmed')`))
    .addColumn('claimer_id', 'integer', (c) => c.references('organizations.id'))
    .addColumn('claimer_member', 'text')
    .addColumn('claimed_on', 'date')
    .addColumn('fulfilled_on', 'date')
    .addColumn('fulfil_text', 'text')
    .addColumn('fulfil_file_ids', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('confirm_code_hash', 'text', (c) => c.unique())
    .addColumn('confirmed_on', 'date')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('cb_wishes_consent', sql`consent_on <= raised_on`)
    .addCheckConstraint('cb_wishes_claimed', sql`(state = 'open') = (claimer_id is null) and (claimer_id is null) = (claimed_on is null) and claimed_on >= raised_on`)
    .addCheckConstraint('cb_wishes_fulfilled', sql`(state in ('fulfilled', 'confirmed')) = (fulfilled_on is not null) and fulfilled_on >= claimed_on and (state = 'confirmed') = (confirmed_on is not null) and confirmed_on >= fulfilled_on`)
    .execute();
  await db.schema.createIndex('cb_wishes_org_id').on('cb_wishes').column('org_id').execute();
  await db.schema.createIndex('cb_wishes_claimer_id').on('cb_wishes').column('claimer_id').execute();
  // Reading a file outside one's subtree asks whether it is shared co-building evidence (files.service readFile).
  await sql`create index cb_progress_file_ids on cb_progress using gin (file_ids)`.execute(db);
  await sql`create index cb_wishes_fulfil_file_ids on cb_wishes using gin (fulfil_file_ids)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index cb_progress_file_ids`.execute(db);
  await db.schema.dropTable('cb_wishes').execute();
}
