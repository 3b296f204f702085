import type { Kysely } from 'kysely';

/**
 * Scoring as a job (计分 from the console): a score job makes a revision instead of printing one, so it names none
 * when asked. Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('jobs').alterColumn('revision_id', (c) => c.dropNotNull()).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('jobs').where('revision_id', 'is', null).execute();
  await db.schema.alterTable('jobs').alterColumn('revision_id', (c) => c.setNotNull()).execute();
}
