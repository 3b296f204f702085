import { type Kysely, sql } from 'kysely';

/** A column for bulk insertion: its name and the PostgreSQL array element type the values are sent as. */
export type BulkColumn = { name: string; type: 'int' | 'bigint' | 'text' | 'date' | 'numeric' | 'bool' | 'timestamptz' | 'jsonb' };

const CHUNK = 10_000;

/**
 * Inserts many rows with one statement per 10,000: every column travels as one array parameter and
 * `unnest` turns the arrays back into rows, so the parameter count does not grow with the row count.
 * Table and column names come from code, never from input; values are always parameters.
 */
export async function bulkInsert(
  db: Kysely<any>,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const arrays = columns.map((_, i) => chunk.map((r) => r[i] ?? null));
    // jsonb travels as text and is cast per element: array-of-json parameters are not portable across drivers.
    const params = columns.map((c, i) => sql`${arrays[i]}::${sql.raw(c.type === 'jsonb' ? 'text' : c.type)}[]`);
    const names = columns.map((c) => sql.id(c.name));
    const selects = columns.map((c) => (c.type === 'jsonb' ? sql`${sql.id(c.name)}::jsonb` : sql.id(c.name)));
    await sql`insert into ${sql.table(table)} (${sql.join(names)})
      select ${sql.join(selects)} from unnest(${sql.join(params)}) as t(${sql.join(names)})`.execute(db);
  }
}

/** Takes n values from a table's identity sequence, so rows inserted in bulk can be referenced by id. */
export async function reserveIds(db: Kysely<any>, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const result = await sql<{ id: number }>`
    select nextval(pg_get_serial_sequence(${table}, 'id'))::int as id from generate_series(1, ${n})`.execute(db);
  return result.rows.map((r) => r.id);
}
