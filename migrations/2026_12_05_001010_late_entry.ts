import type { Kysely } from 'kysely';

/**
 * The 补录 window (DECISIONS.md, years and dates): after a cycle moves on from 台账填报中 to 评议中, records dated in
 * that year may still be entered until `late_entry_until` (inclusive, China time), and never once it is scored. Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cycles').addColumn('late_entry_until', 'date').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cycles').dropColumn('late_entry_until').execute();
}
