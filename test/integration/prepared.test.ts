import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/client';
import { prepared } from '../../src/db/prepared';
import { findActiveToken } from '../../src/features/tokens/tokens.repository';
import { onPostgres } from '../support/db';

/**
 * Statements run on almost every request are prepared once per connection on PostgreSQL (issue 18: planning them
 * cost more than running them); nothing else is, so texts that vary cannot pile up in a connection.
 */
describe.skipIf(!onPostgres)('prepared statements on PostgreSQL', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    // One connection, so every statement below runs on the session pg_prepared_statements shows.
    handle = await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL!, poolSize: 1 });
  });
  afterAll(() => handle?.close());

  const preparedHere = async () =>
    (await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements order by name`.execute(handle.db)).rows;

  it('prepares a marked statement once and runs it again by name, with new values each time', async () => {
    const before = (await preparedHere()).length;
    expect(await findActiveToken(handle.db, 'no-such-hash')).toBeUndefined();
    const after = await preparedHere();
    expect(after.length).toBe(before + 1);
    expect(after.some((p) => p.name.startsWith('xp_') && p.statement.includes('api_tokens'))).toBe(true);
    // The same text again, other values: the same prepared statement answers, no new one.
    const one = await sql<{ n: number }>`${prepared} select ${1}::int + 1 as n`.execute(handle.db);
    const two = await sql<{ n: number }>`${prepared} select ${41}::int + 1 as n`.execute(handle.db);
    expect([one.rows[0]!.n, two.rows[0]!.n]).toEqual([2, 42]);
    expect((await preparedHere()).length).toBe(before + 2);
  });

  it('leaves statements without the mark unprepared, and a failing prepared statement fails only its query', async () => {
    const before = (await preparedHere()).length;
    await sql`select ${'x'}::text as t`.execute(handle.db);
    await handle.db.selectFrom('cycles').select('year').limit(1).execute();
    expect((await preparedHere()).length).toBe(before);
    await expect(sql`${prepared} select 1 / ${0}::int as n`.execute(handle.db)).rejects.toThrow(/division by zero/);
    expect((await sql<{ n: number }>`${prepared} select 1 / ${1}::int as n`.execute(handle.db)).rows[0]!.n).toBe(1);
  });
});
