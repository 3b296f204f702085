import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { abortable } from '../../src/db/abortable';
import { openDatabase } from '../../src/db/client';
import { LONG_WORK_MEM, withTransaction } from '../../src/db/transaction';
import { AppError } from '../../src/errors/app-error';
import { toAppError } from '../../src/errors/http';
import { defaultLoad } from '../../src/features/limits/request-limits';
import { client, setupTestApp, type TestApp } from '../support/app';
import { cliCtx, createToken, createTree, uniqueCode } from '../support/factories';
import { onPostgres } from '../support/db';

let t: TestApp;
beforeAll(async () => {
  // Every request may run 1 ms: none finishes its first query in time.
  t = await setupTestApp({ load: { ...defaultLoad, requestMs: 1 } });
});

describe('a request over its time limit', () => {

  it('answers a Chinese 503 and writes nothing, not even the part done before the limit', async () => {
    const { app, db } = t;
    const tree = await createTree(db, '时限');
    const admin = client(app, await createToken(db, 'admin', tree.district.id));
    const code = uniqueCode('LATE');
    const res = await admin.post('/api/orgs', { code, name: '超时社区党委', kind: 'community', parentId: tree.street.id, activeFrom: '1900-01-01' });
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ code: 'over_time', message: '请求处理超过 1 秒，已取消，没有保存任何结果；请稍后重试' });
    const rows = await db.selectFrom('organizations').select('id').where('code', '=', code).execute();
    expect(rows).toEqual([]);
    expect((await db.selectFrom('audit_log').select('id').where('after', 'is not', null).where(sql<boolean>`after->>'code' = ${code}`).execute()).length).toBe(0);
  });

  it('has its transaction rolled back at the first query after the signal aborts', async () => {
    const { db } = t;
    const tree = await createTree(db, '中止');
    const controller = new AbortController();
    const ctx = { ...cliCtx(abortable(db, controller.signal)) };
    const name = `中止测试${uniqueCode('')}`;
    const attempt = withTransaction(ctx, async (tx) => {
      await tx.db.updateTable('organizations').set({ secretary_name: name }).where('id', '=', tree.grid.id).execute();
      controller.abort(new AppError('over_time', '请求处理超过 1 秒'));
      await tx.db.selectFrom('organizations').select('id').where('id', '=', tree.grid.id).execute(); // refused
    });
    await expect(attempt).rejects.toMatchObject({ code: 'over_time' });
    const after = await db.selectFrom('organizations').select('secretary_name').where('id', '=', tree.grid.id).executeTakeFirstOrThrow();
    expect(after.secretary_name).not.toBe(name);
  });
});

describe.runIf(onPostgres)('a statement over the server’s statement_timeout (PostgreSQL)', () => {
  it('is cancelled by the server and answered as over time; long work raises the bound in its own transaction', async () => {
    const handle = await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL!, poolSize: 1, statementTimeoutMs: 150 });
    try {
      const started = Date.now();
      const err = await sql`select pg_sleep(3)`.execute(handle.db).then(() => null, (e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(toAppError(err)).toMatchObject({ code: 'over_time', status: 503 });
      // Scoring and previews set their own limit for their transaction (withTransaction's timeLimitMs).
      const ok = await withTransaction(cliCtx(handle.db), (tx) => sql`select pg_sleep(0.3)`.execute(tx.db), { timeLimitMs: 5_000 });
      expect(ok.rows).toHaveLength(1);
      // Long work also runs without JIT and with more work_mem, in its transaction only (the connection keeps the server's).
      const settings = () => sql<{ jit: string; work_mem: string }>`select current_setting('jit') as jit, current_setting('work_mem') as work_mem`;
      const inside = await withTransaction(cliCtx(handle.db), async (tx) => (await settings().execute(tx.db)).rows[0], { timeLimitMs: 5_000 });
      expect(inside).toEqual({ jit: 'off', work_mem: LONG_WORK_MEM });
      const outside = (await settings().execute(handle.db)).rows[0]!;
      expect(outside.work_mem).not.toBe(LONG_WORK_MEM);
    } finally {
      await handle.close();
    }
  });
});
