import { type Kysely, sql } from 'kysely';

/**
 * Scoring: the rule sets a revision used (stored by content hash), score revisions with one stored
 * result per organization, on-site inspection entries and declared facts. Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rule_sets')
    .addColumn('hash', 'text', (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('categories', 'jsonb', (c) => c.notNull())
    .addColumn('body', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('score_revisions')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('cycle_year', 'integer', (c) => c.notNull().references('cycles.year'))
    .addColumn('rule_sets', 'jsonb', (c) => c.notNull())
    .addColumn('org_count', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('score_revisions_cycle_idx').on('score_revisions').columns(['cycle_year', 'id']).execute();

  await db.schema
    .createTable('scores')
    .addColumn('revision_id', 'integer', (c) => c.notNull().references('score_revisions.id').onDelete('cascade'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('rule_set_hash', 'text', (c) => c.notNull().references('rule_sets.hash'))
    .addColumn('assessed', 'boolean', (c) => c.notNull())
    .addColumn('total', sql`numeric(8,2)`, (c) => c.notNull())
    // The whole explanation (parts, indicators, lines): the one record every view reads. `json`, not
    // jsonb: it is only ever read whole, and storing it as text is about twice as fast at city scale.
    .addColumn('result', 'json', (c) => c.notNull())
    .addPrimaryKeyConstraint('scores_pk', ['revision_id', 'org_id'])
    .execute();
  await db.schema.createIndex('scores_org_idx').on('scores').columns(['org_id', 'revision_id']).execute();
  // lz4 compresses a revision several times faster than the default pglz; servers built without it keep pglz.
  await sql`do $$ begin
    alter table scores alter column result set compression lz4;
  exception when others then null;
  end $$`.execute(db);

  await db.schema
    .createTable('inspections')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('cycle_year', 'integer', (c) => c.notNull().references('cycles.year'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('points', sql`numeric(6,2)`, (c) => c.notNull().check(sql`points <> 0`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('evidence', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('inspected_on', 'date', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('inspections_in_cycle', sql`extract(year from inspected_on) = cycle_year`)
    .execute();
  await db.schema.createIndex('inspections_cycle_org_idx').on('inspections').columns(['cycle_year', 'org_id']).execute();

  await db.schema
    .createTable('declared_facts')
    .addColumn('cycle_year', 'integer', (c) => c.notNull().references('cycles.year'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'jsonb', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('declared_facts_pk', ['cycle_year', 'org_id', 'key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['declared_facts', 'inspections', 'scores', 'score_revisions', 'rule_sets']) await db.schema.dropTable(t).execute();
}
