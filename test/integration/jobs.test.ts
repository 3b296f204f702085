import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessJobs } from '../../src/adapters/jobs-in-process';
import { pgBossJobs } from '../../src/adapters/jobs-pgboss';
import { exceljsSpreadsheet } from '../../src/adapters/spreadsheet-exceljs';
import { createApp } from '../../src/app';
import { quietLogger, type Deps } from '../../src/deps';
import { demoResults } from '../../src/demo/demo-results';
import { seedDemo } from '../../src/demo/seed-demo';
import { nodePrinting } from '../../src/entry/node-deps';
import { cliActor } from '../../src/features/context';
import { databaseFiles } from '../../src/features/files/file-ports';
import { noQueue, type JobPorts } from '../../src/features/jobs/job-port';
import { startJobs } from '../../src/features/jobs/run-job';
import { fixedClock } from '../../src/lib/clock';
import { client, testAuthDeps, testBallotOptions, testPrinting, testRuleSets } from '../support/app';
import { openIsolatedDatabase } from '../support/db';
import { createToken } from '../support/factories';

/**
 * The job port with books (合订本): one job per identical request, progress while it runs, the PDF in the storage
 * port, the size limit, a failure that says why in Chinese and a retry, jobs that survive a restart, and scope.
 * The queue is the real one of the database: pg-boss on PostgreSQL, the in-process runner on PGlite.
 */
let handle: Awaited<ReturnType<typeof openIsolatedDatabase>>;
const printing = testPrinting();
const clock = fixedClock('2026-11-22T04:00:00Z');
let dir: string;
let base: Deps;
let community: { id: number; name: string; code: string; path: string };
let street: { id: number; name: string };
let otherStreet: { id: number };
let district: { id: number };

const queueOf = () => (handle.kind === 'postgres' ? pgBossJobs(handle.db, { pollingIntervalSeconds: 0.5 }) : inProcessJobs());

/** An app whose jobs go to `jobs` (noQueue: recorded, never worked, like a server that stopped). */
function appWith(jobs: JobPorts) {
  return createApp({ ...base, jobs });
}

async function waitFor(api: ReturnType<typeof client>, id: number, until: (job: any) => boolean, seen: string[] = []) {
  for (let i = 0; i < 600; i++) {
    const res = await api.get(`/api/jobs/${id}`);
    expect(res.status).toBe(200);
    if (res.body.progress) seen.push(`${res.body.progress.step} ${res.body.progress.percent}`);
    if (until(res.body)) return res.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} did not reach the expected state`);
}

beforeAll(async () => {
  handle = await openIsolatedDatabase();
  const ctx = { actor: cliActor(), db: handle.db, clock, requestId: null };
  const ruleSets = await testRuleSets();
  await seedDemo(ctx, { scale: 1, seed: 'xingping' });
  await demoResults(ctx, ruleSets, [2024, 2025]);
  base = { db: handle.db, dbKind: handle.kind, clock, logger: quietLogger, spreadsheet: exceljsSpreadsheet, ruleSets, printing, ballots: testBallotOptions(), ...testAuthDeps(handle.db, handle.kind, clock), files: databaseFiles };
  const one = async <T>(q: ReturnType<typeof sql<T>>) => (await q.execute(handle.db)).rows[0]!;
  district = await one(sql<{ id: number }>`select id from organizations where kind = 'district'`);
  street = await one(sql<{ id: number; name: string }>`select id, name from organizations where kind = 'street' order by code limit 1`);
  otherStreet = await one(sql<{ id: number }>`select id from organizations where kind = 'street' order by code desc limit 1`);
  community = await one(sql<{ id: number; name: string; code: string; path: string }>`select id, name, code, path from organizations where kind = 'community' and parent_id = ${street.id} order by code limit 1`);
  dir = mkdtempSync(join(tmpdir(), 'xp-jobs-'));
}, 300_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await handle.drop();
});

describe('a book job', () => {
  it('runs once for identical requests, shows its progress, and stores a PDF with every scorecard of the subtree', async () => {
    const jobs: JobPorts = { queue: queueOf(), bookLimit: 5000 };
    const leader = client(appWith(jobs), await createToken(handle.db, 'leader', district.id));
    // Recorded first, worked once the worker starts: the two requests below see one waiting job.
    const first = await leader.post('/api/jobs/books', { year: 2025, orgId: community.id });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ created: true, job: { state: 'queued', stateLabel: '排队中', orgName: community.name, year: 2025 } });
    const again = await leader.post('/api/jobs/books', { year: 2025, orgId: community.id });
    expect(again.body).toMatchObject({ created: false, job: { id: first.body.job.id } });

    const stop = await startJobs({ ...base, jobs });
    try {
      const seen: string[] = [];
      const done = await waitFor(leader, first.body.job.id, (j) => j.state === 'done' || j.state === 'failed', seen);
      expect(done.error).toBeNull();
      expect(done).toMatchObject({ state: 'done', stateLabel: '已完成', progress: { percent: 100 } });
      expect(new Set(seen).size, seen.join(' | ')).toBeGreaterThanOrEqual(2);

      // Every organization of the community's subtree has a scorecard in the revision: that many sections.
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from scores s join organizations o on o.id = s.org_id
        where s.revision_id = ${done.revisionId} and o.path like ${`${community.path}%`}`.execute(handle.db);
      expect(done.result.scorecards).toBe(rows[0]!.n);

      const raw = await appWith(jobs).request(`/api/jobs/${done.id}/result`, { headers: { authorization: await tokenHeader('leader', district.id) } });
      expect(raw.status).toBe(200);
      expect(raw.headers.get('content-type')).toBe('application/pdf');
      const path = join(dir, 'book.pdf');
      writeFileSync(path, Buffer.from(await raw.arrayBuffer()));
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
      // The cover and contents, then at least one page per scorecard; the job counted the same pages.
      expect(pages).toBe(done.result.pages);
      expect(pages).toBeGreaterThanOrEqual(rows[0]!.n + 1);
      expect(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })).toContain(community.name);

      // Done is done: the same request answers the finished job; the list names who asked.
      expect((await leader.post('/api/jobs/books', { year: 2025, orgId: community.id })).body).toMatchObject({ created: false, job: { id: done.id, state: 'done' } });
      const list = await leader.get('/api/jobs');
      expect(list.body.items.find((j: any) => j.id === done.id)).toMatchObject({ requestedBy: expect.any(String), kindLabel: '考核评价汇编（合订本）' });
      const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'job.request' and entity_id = ${String(done.id)}`.execute(handle.db);
      expect(audit.rows[0]!.n).toBe(1);
    } finally {
      await stop();
    }
  }, 180_000);

  it('refuses a book over the size limit and says how to split it', async () => {
    const leader = client(appWith({ queue: noQueue, bookLimit: 3 }), await createToken(handle.db, 'leader', district.id));
    const res = await leader.post('/api/jobs/books', { year: 2025, orgId: district.id });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/超过一本合订本的上限 3 份。请按下级组织（如各街道、各社区）分别生成合订本/);
  });

  it('keeps jobs across a restart: a queued job and one left running by a stopped process are done by the next start', async () => {
    const stopped = client(appWith({ queue: noQueue, bookLimit: 5000 }), await createToken(handle.db, 'admin', district.id));
    const grids = await sql<{ id: number }>`select id from organizations where parent_id = ${community.id} order by code limit 2`.execute(handle.db);
    const [a, b] = await Promise.all(grids.rows.map((g) => stopped.post('/api/jobs/books', { year: 2025, orgId: g.id })));
    // The process that took b died mid-work (its heartbeat is old).
    await sql`update jobs set state = 'running', started_at = now() - interval '1 hour', heartbeat_at = now() - interval '1 hour', attempts = 1 where id = ${b!.body.job.id}`.execute(handle.db);
    const jobs: JobPorts = { queue: queueOf(), bookLimit: 5000 };
    const stop = await startJobs({ ...base, jobs });
    try {
      const api = client(appWith(jobs), await createToken(handle.db, 'admin', district.id));
      for (const r of [a!, b!]) expect((await waitFor(api, r.body.job.id, (j) => j.state === 'done' || j.state === 'failed')).state).toBe('done');
      expect((await api.get(`/api/jobs/${b!.body.job.id}`)).body.attempts).toBe(2);
    } finally {
      await stop();
    }
  }, 180_000);

  it('fails in Chinese when no browser can print, and is done after a retry', async () => {
    const broken = nodePrinting({ publicUrl: 'http://xingping.test', chromium: '/nonexistent/chromium' });
    const jobs: JobPorts = { queue: queueOf(), bookLimit: 5000 };
    const api = client(appWith(jobs), await createToken(handle.db, 'leader', street.id));
    const grid = (await sql<{ id: number }>`select id from organizations where parent_id = ${community.id} order by code desc limit 1`.execute(handle.db)).rows[0]!;
    const job = (await api.post('/api/jobs/books', { year: 2024, orgId: grid.id })).body.job;
    let stop = await startJobs({ ...base, printing: { ...printing, pdf: broken.pdf }, jobs });
    const failed = await waitFor(api, job.id, (j) => j.state === 'failed' || j.state === 'done');
    await stop();
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatch(/[\u4e00-\u9fff]/);
    expect(failed.error).toMatch(/浏览器/);
    expect((await api.get(`/api/jobs/${job.id}/result`)).status).toBe(409);
    stop = await startJobs({ ...base, jobs });
    try {
      const retried = await api.post(`/api/jobs/${job.id}/retry`);
      expect(retried.status, JSON.stringify(retried.body)).toBe(200);
      expect((await waitFor(api, job.id, (j) => j.state === 'done' || j.state === 'failed')).state).toBe('done');
      expect((await api.post(`/api/jobs/${job.id}/retry`)).status).toBe(409);
    } finally {
      await stop();
    }
  }, 180_000);

  it('never prints from a revision other than the one it names', async () => {
    const api = client(appWith({ queue: noQueue, bookLimit: 5000 }), await createToken(handle.db, 'admin', district.id));
    const job = (await api.post('/api/jobs/books', { year: 2024, orgId: community.id })).body.job;
    // As if the results changed between the request and the run (a correction makes a new final revision).
    await sql`update jobs set revision_id = revision_id - 1 where id = ${job.id}`.execute(handle.db);
    const jobs: JobPorts = { queue: queueOf(), bookLimit: 5000 };
    const stop = await startJobs({ ...base, jobs });
    try {
      const failed = await waitFor(api, job.id, (j) => j.state === 'failed' || j.state === 'done');
      expect(failed).toMatchObject({ state: 'failed' });
      expect(failed.error).toContain(`本任务依据第 ${job.revisionId - 1} 号`);
    } finally {
      await stop();
    }
  }, 120_000);

  it('keeps jobs within the subtree: other streets answer 404, branches and reviewers 403', async () => {
    const admin = client(appWith({ queue: noQueue, bookLimit: 5000 }), await createToken(handle.db, 'admin', district.id));
    const own = (await admin.post('/api/jobs/books', { year: 2024, orgId: street.id })).body.job;
    const other = client(appWith({ queue: noQueue, bookLimit: 5000 }), await createToken(handle.db, 'leader', otherStreet.id));
    expect((await other.get(`/api/jobs/${own.id}`)).status).toBe(404);
    expect((await other.get(`/api/jobs/${own.id}/result`)).status).toBe(404);
    expect((await other.post(`/api/jobs/${own.id}/cancel`)).status).toBe(404);
    expect((await other.get('/api/jobs')).body.items.map((j: any) => j.id)).not.toContain(own.id);
    expect((await other.post('/api/jobs/books', { year: 2024, orgId: street.id })).status).toBe(404);
    const branch = client(appWith({ queue: noQueue, bookLimit: 5000 }), await createToken(handle.db, 'org_user', community.id));
    expect((await branch.post('/api/jobs/books', { year: 2024, orgId: community.id })).status).toBe(403);
    // Cancelling a waiting job is audited; a cancelled one can be retried.
    expect((await admin.post(`/api/jobs/${own.id}/cancel`)).body).toMatchObject({ state: 'cancelled', stateLabel: '已取消' });
    expect((await admin.post(`/api/jobs/${own.id}/cancel`)).status).toBe(409);
  });
});

async function tokenHeader(role: 'leader' | 'admin', orgId: number) {
  return `Bearer ${await createToken(handle.db, role, orgId)}`;
}
