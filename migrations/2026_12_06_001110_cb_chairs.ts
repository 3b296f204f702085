import { sql, type Kysely } from 'kysely';

/**
 * 轮值主席 (issue 17): the rota of a community's 大党委 chairs, each term one member unit (with an agreement with the
 * community for the term's year) from one date to another within one year. What a chair took on is not stored
 * twice: the community's projects its unit claimed during the term (facts `cobuilding.chairs`). Terms of one
 * community never overlap (checked under a lock on the community). Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cb_chairs')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('community_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    .addColumn('duties', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('cb_chairs_dates', sql`ends_on >= starts_on and extract(year from ends_on) = extract(year from starts_on)`)
    .execute();
  await db.schema.createIndex('cb_chairs_community').on('cb_chairs').columns(['community_id', 'starts_on']).execute();
  await db.schema.createIndex('cb_chairs_unit').on('cb_chairs').column('unit_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('cb_chairs').execute();
}
