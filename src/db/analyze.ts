import { sql, type Kysely } from 'kysely';
import type { Database } from './database';

/**
 * Refreshes the planner's statistics of tables a bulk write just grew (a seeded district, a new revision's scores),
 * so the next query plans from the real sizes: a street's list by the path index, a district's by a hash join. Only
 * the columns queries filter and join on are sampled (ANALYZE reads at most 30,000 rows a table, so its cost does not
 * grow with the table). Allowed inside a transaction; blocks no reader or writer.
 */
export async function analyzeTables(db: Kysely<Database>, tables: readonly { table: keyof Database & string; columns: readonly string[] }[]): Promise<void> {
  for (const t of tables) {
    await sql`analyze ${sql.table(t.table)} (${sql.join(t.columns.map((c) => sql.ref(c)))})`.execute(db);
  }
}
