import { sql, type Kysely } from 'kysely';

/**
 * Rule-set drafts (DECISIONS.md: rule sets live in the database): the JSON text of a rule set being edited in the
 * console, imported from a file of rules/ that the database did not hold, or imported with `rules import`. Kept
 * while it does not compile (`issues` says why); `hash` is the compiled content's when it does. Publishing stores
 * it as a version (`rule_sets`) pinned to a cycle and marks the draft. Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rule_set_drafts')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('rule_set_id', 'text')
    .addColumn('title', 'text')
    .addColumn('version', 'text')
    .addColumn('categories', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('hash', 'text')
    .addColumn('issues', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('based_on', 'text')
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('file', 'console', 'cli')`))
    .addColumn('file', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('published_year', 'integer')
    .addColumn('published_hash', 'text')
    .addColumn('published_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('rule_set_drafts_hash').on('rule_set_drafts').column('hash').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rule_set_drafts').execute();
}
