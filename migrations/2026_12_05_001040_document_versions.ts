import type { Kysely } from 'kysely';

/**
 * The version of a printed document's content model (DECISIONS.md, verify survives presentation changes): /verify
 * rebuilds the content with the builder of that version, so a column added later (the ranking list's reasons,
 * version 2) never turns earlier sealed paper into 已过期. Documents printed before carry version 1. Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('documents').addColumn('content_version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('documents').dropColumn('content_version').execute();
}
