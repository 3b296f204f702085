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
import { cliActor } from '../../src/features/context';
import { databaseFiles } from '../../src/features/files/file-ports';
import type { JobPorts } from '../../src/features/jobs/job-port';
import { startJobs } from '../../src/features/jobs/run-job';
import { fixedClock } from '../../src/lib/clock';
import { client, testAuthDeps, testBallotOptions, testPrinting, testRuleSets } from '../support/app';
import { openIsolatedDatabase } from '../support/db';
import { createToken } from '../support/factories';

/**
 * The console's year (考核周期): the stepper with the next verbs and what blocks them, 计分 as a job whose progress
 * is seen and whose end is the revision's summary (the same revision the synchronous route would store), and the
 * 公示名单 as data and as a PDF. The queue is the database's own: pg-boss on PostgreSQL, in-process on PGlite.
 */
let handle: Awaited<ReturnType<typeof openIsolatedDatabase>>;
const printing = testPrinting();
const clock = fixedClock('2026-11-22T04:00:00Z');
let base: Deps;
let district: { id: number };
let street: { id: number; name: string; path: string };
let dir: string;

const queueOf = () => (handle.kind === 'postgres' ? pgBossJobs(handle.db, { pollingIntervalSeconds: 0.5 }) : inProcessJobs());

beforeAll(async () => {
  handle = await openIsolatedDatabase();
  const ctx = { actor: cliActor(), db: handle.db, clock, requestId: null };
  const ruleSets = await testRuleSets();
  await seedDemo(ctx, { scale: 1, seed: 'xingping' });
  await demoResults(ctx, ruleSets, [2024, 2025]);
  base = { db: handle.db, dbKind: handle.kind, clock, logger: quietLogger, spreadsheet: exceljsSpreadsheet, ruleSets, printing, ballots: testBallotOptions(), ...testAuthDeps(handle.db, handle.kind, clock), files: databaseFiles };
  district = (await sql<{ id: number }>`select id from organizations where kind = 'district'`.execute(handle.db)).rows[0]!;
  street = (await sql<{ id: number; name: string; path: string }>`select id, name, path from organizations where kind = 'street' order by code limit 1`.execute(handle.db)).rows[0]!;
  dir = mkdtempSync(join(tmpdir(), 'xp-cycles-'));
}, 300_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await handle.drop();
});

async function waitFor(api: ReturnType<typeof client>, id: number, seen: string[]) {
  for (let i = 0; i < 1200; i++) {
    const res = await api.get(`/api/jobs/${id}`);
    expect(res.status).toBe(200);
    if (res.body.progress) seen.push(res.body.progress.step);
    if (['done', 'failed', 'cancelled'].includes(res.body.state)) return res.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} did not end`);
}

describe('a year on the console', () => {
  it('walks the stepper: each state offers its next verb, and a verb that cannot be done says why', async () => {
    const admin = client(createApp(base), await createToken(handle.db, 'admin', district.id));
    const steps = async (year: number) => {
      const res = await admin.get(`/api/cycles/${year}/steps`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    };
    const collecting = await steps(2026);
    expect(collecting).toMatchObject({ state: 'collecting', stateLabel: '台账填报中', canManage: true, latestRevision: null });
    expect(collecting.steps.map((s: any) => `${s.label}:${s.status}`)).toEqual(['台账填报中:current', '年度评议中:waiting', '已计分:waiting', '公示中:waiting', '已定档:waiting']);
    expect(collecting.actions).toEqual([{ action: 'review', label: '进入评议', allowed: true, blockers: [] }]);

    // 2025 is scored (已计分): it may be scored again or published; 2024 is final: only a correction.
    const computed = await steps(2025);
    expect(computed.actions.map((a: any) => [a.label, a.allowed])).toEqual([['重新计分', true], ['公示', true]]);
    expect(computed.latestRevision).toMatchObject({ id: expect.any(Number), organizations: expect.any(Number) });
    const final = await steps(2024);
    expect(final.steps.every((s: any) => s.status === 'done')).toBe(true);
    expect(final.actions).toEqual([{ action: 'correct', label: '更正', allowed: true, blockers: [] }]);

    // Published with a window of 7 days from today (2026-11-22): 定档 waits for the window, saying until when.
    expect((await admin.post('/api/cycles/2025/publish', { appealDays: 7 })).status).toBe(200);
    const published = await steps(2025);
    expect(published).toMatchObject({ state: 'published', publishedOn: '2026-11-22', appealDeadline: '2026-11-29' });
    expect(published.actions.find((a: any) => a.action === 'finalize')).toEqual({ action: 'finalize', label: '定档', allowed: false, blockers: ['申诉期到 2026-11-29 止，期满后才能定档'] });

    // A leader reads the same steps without the verbs being its own.
    const leader = client(createApp(base), await createToken(handle.db, 'leader', district.id));
    expect((await leader.get('/api/cycles/2025/steps')).body.canManage).toBe(false);
  }, 60_000);

  it('scores a year as a job: one job for repeated requests, progress by rule set, and the revision summary at the end', async () => {
    const jobs: JobPorts = { queue: queueOf(), bookLimit: 5000 };
    const admin = client(createApp({ ...base, jobs }), await createToken(handle.db, 'admin', district.id));
    expect((await admin.post('/api/jobs/score', { year: 2026 })).body.error.message).toBe('2026 年度考核周期处于「台账填报中」状态，只有「年度评议中」、「已计分」、「公示中」时才能计分');
    expect((await admin.post('/api/cycles/2026/transition', { to: 'reviewing' })).status).toBe(200);
    const before = (await admin.get('/api/cycles/2026/steps')).body;
    expect(before.actions).toEqual([{ action: 'score', label: '计分', allowed: before.openEvaluations.length === 0, blockers: before.openEvaluations.map((e: any) => `${e.kind === 'campaign' ? '群众评议' : '述职评议'}「${e.title}」（编号 ${e.id}）还在进行，请先结束`) }]);
    for (const e of before.openEvaluations) {
      const path = e.kind === 'campaign' ? `/api/campaigns/${e.id}/close` : `/api/reviews/${e.id}/transition`;
      const res = await admin.post(path, e.kind === 'campaign' ? {} : { to: 'closed' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }

    const first = await admin.post('/api/jobs/score', { year: 2026, note: '年度计分' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ created: true, job: { kind: 'score', kindLabel: '计分', title: '2026 年度计分', state: 'queued', revisionId: null, summary: null } });
    expect((await admin.post('/api/jobs/score', { year: 2026 })).body).toMatchObject({ created: false, job: { id: first.body.job.id } });

    const stop = await startJobs({ ...base, jobs });
    try {
      const seen: string[] = [];
      const done = await waitFor(admin, first.body.job.id, seen);
      expect(done.error).toBeNull();
      expect(done).toMatchObject({ state: 'done', progress: { percent: 100 }, result: null });
      expect(seen.some((s) => s.startsWith('计分：')), seen.join(' | ')).toBe(true);
      // The summary is the revision the job stored: its organizations are the score rows of that revision.
      const { revisionId, organizations, categories } = done.summary;
      const rows = (await sql<{ n: number }>`select count(*)::int as n from scores where revision_id = ${revisionId}`.execute(handle.db)).rows[0]!.n;
      expect(organizations).toBe(rows);
      expect(categories.reduce((n: number, c: any) => n + c.organizations, 0)).toBe(rows);
      const note = (await sql<{ note: string }>`select note from score_revisions where id = ${revisionId}`.execute(handle.db)).rows[0]!.note;
      expect(note).toBe('年度计分');
      const after = (await admin.get('/api/cycles/2026/steps')).body;
      expect(after).toMatchObject({ state: 'computed', latestRevision: { id: revisionId } });
      // A new request after the job is done scores again (the year now has a newer revision to start from).
      const again = await admin.post('/api/jobs/score', { year: 2026 });
      expect(again.body).toMatchObject({ created: true });
      const second = await waitFor(admin, again.body.job.id, []);
      expect(second.summary.revisionId).toBeGreaterThan(revisionId);
      expect((await admin.get('/api/jobs?kind=score&year=2026')).body.items.map((j: any) => j.id)).toEqual([again.body.job.id, first.body.job.id]);
      expect((await admin.get('/api/jobs?kind=book')).body.items).toEqual([]);
      // Scoring is the cycle manager's: a leader follows the job but may not run it again, and it has no file.
      const leader = client(createApp({ ...base, jobs }), await createToken(handle.db, 'leader', district.id));
      expect((await leader.get(`/api/jobs/${first.body.job.id}`)).status).toBe(200);
      expect((await leader.post(`/api/jobs/${first.body.job.id}/retry`)).status).toBe(403);
      expect((await admin.get(`/api/jobs/${first.body.job.id}/result`)).body.error.message).toBe('计分任务没有可下载的文件，结果见计分摘要和考核结果');
      const audit = (await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'score.compute' and entity_id = ${String(revisionId)}`.execute(handle.db)).rows[0]!.n;
      expect(audit).toBe(1);
    } finally {
      await stop();
    }
  }, 240_000);

  it('lists the 公示名单 by category and grade, in the rule set\'s order of grades, and prints it', async () => {
    const admin = client(createApp(base), await createToken(handle.db, 'admin', district.id));
    const res = await admin.get(`/api/cycles/2025/publicity?orgId=${street.id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const list = res.body;
    expect(list).toMatchObject({ year: 2025, scopeName: street.name, published: true, appealDeadline: '2026-11-29' });
    // Every organization of the street's subtree in the revision appears once.
    const { rows } = await sql<{ name: string }>`
      select o.name from scores s join organizations o on o.id = s.org_id
      where s.revision_id = ${list.revisionId} and o.path like ${`${street.path}%`}`.execute(handle.db);
    const listed = list.categories.flatMap((c: any) => c.grades.flatMap((g: any) => g.orgs.map((o: any) => o.name)));
    expect(listed.sort()).toEqual(rows.map((r) => r.name).sort());
    expect(list.count).toBe(rows.length);
    // Grades follow the rule set's order (best first): the order of their labels within the scale stored with the rule set.
    for (const c of list.categories) {
      const scale = (await sql<{ label: string }>`
        select coalesce(e.v->>'label', e.v->>'id') as label
        from score_revisions v, jsonb_array_elements(v.rule_sets) x, rule_sets r, jsonb_array_elements(r.body->'grading'->'grades') with ordinality e(v, i)
        where v.id = ${list.revisionId} and x->>'category' = ${c.category} and r.hash = x->>'hash' order by e.i`.execute(handle.db)).rows.map((r) => r.label);
      const graded = c.grades.filter((g: any) => g.grade !== null).map((g: any) => g.label);
      expect(graded).toEqual(scale.filter((l) => graded.includes(l)));
    }

    const app = createApp(base);
    const pdf = await app.request(`/api/cycles/2025/orgs/${street.id}/publicity.pdf`, { headers: { authorization: `Bearer ${await createToken(handle.db, 'admin', district.id)}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const file = join(dir, 'publicity.pdf');
    writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('2025 年度基层党组织考核结果公示');
    expect(text).toContain(listed[0]);
    expect(text).toContain('公示期自 2026-11-22 至 2026-11-29');
  }, 120_000);
});
