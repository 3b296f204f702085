import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { openDatabase, type DatabaseHandle } from '../../src/db/client';
import { migrateToLatest } from '../../src/db/migrate';
import { toAppError } from '../../src/errors/http';
import { client, setupTestApp } from '../support/app';
import { createToken, createTree } from '../support/factories';

/**
 * The server outlives its database: connections terminated under load fail their requests with a Chinese 503
 * and the next requests work; a PostgreSQL stopped and started again under the running app is found again.
 * PostgreSQL only (PGlite runs in the process and cannot lose its connection).
 */
const onPostgres = Boolean(process.env.DATABASE_URL);
const pgBin = existsSync('/usr/lib/postgresql') ? join('/usr/lib/postgresql', readdirSync('/usr/lib/postgresql').sort().at(-1)!, 'bin') : '';
const canInitdb = onPostgres && pgBin !== '' && process.getuid?.() === 0 && existsSync('/usr/sbin/runuser');

function withAppName(url: string, name: string): string {
  const u = new URL(url);
  u.searchParams.set('application_name', name);
  return u.toString();
}

describe.skipIf(!onPostgres)('a server that survives its database', () => {
  const handles: DatabaseHandle[] = [];
  afterAll(async () => {
    for (const h of handles) await h.close().catch(() => {});
  });

  it('answers 503 in Chinese for requests whose connection is terminated, and serves the next ones', async () => {
    const t = await setupTestApp();
    const name = `xp-resilience-${process.pid}`;
    const lost: string[] = [];
    const handle = await openDatabase({ kind: 'postgres', url: withAppName(process.env.DATABASE_URL!, name), poolSize: 6, onConnectionLost: (m) => lost.push(m) });
    handles.push(handle);
    const app = createApp({ ...t.deps, db: handle.db });
    const tree = await createTree(handle.db, '断线');
    const api = client(app, await createToken(handle.db, 'admin', tree.district.id));
    const terminate = () => sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${name}`.execute(t.db);

    // A query in flight when its backend is terminated: the error it gets is the 503 of the envelope.
    const sleeping = sql`select pg_sleep(5)`.execute(handle.db).then(() => null, (e: unknown) => e);
    await new Promise((r) => setTimeout(r, 300));
    await terminate();
    expect(toAppError(await sleeping)).toMatchObject({ code: 'unavailable', status: 503, message: expect.stringContaining('数据库连接暂时中断') });

    // Requests under load while every connection is terminated again and again.
    const statuses: number[] = [];
    const messages = new Set<string>();
    const deadline = Date.now() + 2500;
    const killer = (async () => {
      while (Date.now() < deadline) {
        await terminate();
        await new Promise((r) => setTimeout(r, 80));
      }
    })();
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        while (Date.now() < deadline) {
          const res = await api.get('/api/orgs?limit=50');
          statuses.push(res.status);
          if (res.status !== 200) messages.add(res.body.error.message);
        }
      }),
    );
    await killer;
    expect(statuses.length).toBeGreaterThan(20);
    expect(new Set(statuses.filter((s) => s !== 200 && s !== 503))).toEqual(new Set());
    for (const m of messages) expect(m).toBe('数据库连接暂时中断，请稍后重试；已保存的数据不受影响');
    expect((await api.get('/api/orgs?limit=50')).status).toBe(200);
    expect(lost.length).toBeGreaterThan(0); // the losses were seen and reported, not thrown at the process
  });

  it.skipIf(!canInitdb)('finds a PostgreSQL again that was stopped and started under the running app', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xp-pg-'));
    chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })));
    const port = 20000 + Math.floor(Math.random() * 20000);
    const asPostgres = (bin: string, args: string[]) => execFileSync('/usr/sbin/runuser', ['-u', 'postgres', '--', join(pgBin, bin), ...args], { stdio: 'pipe' });
    const data = join(dir, 'data');
    asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
    const start = () => asPostgres('pg_ctl', ['-D', data, '-o', `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off`, '-l', join(dir, 'log'), '-w', 'start']);
    const stop = () => asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    start();
    try {
      const handle = await openDatabase({ kind: 'postgres', url: `postgres://postgres@127.0.0.1:${port}/postgres`, poolSize: 4, onConnectionLost: () => {} });
      handles.push(handle);
      await migrateToLatest(handle.db);
      const t = await setupTestApp();
      const app = createApp({ ...t.deps, db: handle.db });
      const tree = await createTree(handle.db, '重启');
      const api = client(app, await createToken(handle.db, 'leader', tree.district.id));
      expect((await api.get('/api/orgs')).status).toBe(200);

      stop();
      const down = await api.get('/api/orgs');
      expect(down.status).toBe(503);
      expect(down.body.error.message).toContain('数据库连接暂时中断');
      expect((await app.request('/health')).status).toBe(200); // the process itself is still up

      start();
      let status = 0;
      for (let i = 0; i < 50 && status !== 200; i++) {
        status = (await api.get('/api/orgs')).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 200));
      }
      expect(status).toBe(200);
    } finally {
      try {
        stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
