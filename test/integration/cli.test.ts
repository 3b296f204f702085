import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIsolatedDatabase, onPostgres } from '../support/db';

/**
 * The README's promise, end to end with real processes: `npm start` on an empty database seeds the
 * demo district and serves; `npx xingping token create --role admin` run beside it (through the server,
 * since an embedded database belongs to one process) gives a token that lists 27 communities.
 */

const root = process.cwd();
let dataDir: string;
let env: NodeJS.ProcessEnv;
let server: ChildProcess;
let port: number;
let isolated: Awaited<ReturnType<typeof openIsolatedDatabase>> | null = null;
let serverLog = '';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port: p } = s.address() as { port: number };
      s.close(() => resolve(p));
    });
  });
}

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin/xingping.mjs'), ...args], { env, cwd: dataDir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Each test starts `npx xingping` processes (~8 s each on a quiet machine); on a busy one they take several times that. */
const CLI_TEST_MS = 300_000;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'xingping-e2e-'));
  port = await freePort();
  env = { ...process.env, PORT: String(port), XINGPING_DATA_DIR: join(dataDir, 'data'), DATABASE_URL: '' };
  if (onPostgres) {
    isolated = await openIsolatedDatabase();
    await isolated.close();
    env.DATABASE_URL = isolated.url;
  }
  server = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/entry/node.ts')], { env, cwd: root });
  server.stdout!.on('data', (d) => (serverLog += d));
  server.stderr!.on('data', (d) => (serverLog += d));
  const deadline = Date.now() + 400_000; // first start seeds and scores the demo district; slow when the CPUs are shared
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || server.exitCode !== null) throw new Error(`server did not start:\n${serverLog}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}, 420_000);

afterAll(async () => {
  if (server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    // A server still seeding has no SIGTERM handler of its own yet and may be slow to die: do not wait forever.
    const timer = setTimeout(() => server.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
  if (isolated) await isolated.drop().catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start and the xingping command', () => {
  it('seeds the demo district on first start and lists the demo accounts, which sign in with the README password', async () => {
    expect(serverLog).toContain('数据库为空，正在生成演示区县数据');
    expect(serverLog).toContain('演示账号（密码均为 xingping-demo）');
    for (const login of ['demo-admin', 'demo-leader', 'demo-street', 'demo-community', 'demo-grid', 'demo-unit', 'demo-reviewer']) expect(serverLog).toContain(login);
    const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'demo-community', password: 'xingping-demo' }) });
    expect(res.status).toBe(200);
    const me = (await res.json()) as { roleLabel: string; org: { kindLabel: string }; mustChangePassword: boolean };
    expect(me).toMatchObject({ roleLabel: '党组织书记/党务工作者', org: { kindLabel: '社区党组织' }, mustChangePassword: false });
    const cookie = /xp_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
    const orgs = await fetch(`http://127.0.0.1:${port}/api/orgs?kind=grid`, { headers: { cookie } });
    expect(((await orgs.json()) as { total: number }).total).toBeGreaterThan(0);
  }, CLI_TEST_MS);

  it('creates a token beside the running server that lists the 27 communities', async () => {
    const created = await cli(['token', 'create', '--role', 'admin']);
    expect(created.code, created.stderr).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^xp_[\w-]{40,}$/);
    const res = await fetch(`http://127.0.0.1:${port}/api/orgs?kind=community`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { total: number; items: { name: string }[] };
    expect(body.total).toBe(27);
    expect(body.items.every((o) => /社区(党委|党总支)$/.test(o.name))).toBe(true);

    // The finished years were scored on first start: a community's scorecard is there, explained.
    const headers = { authorization: `Bearer ${token}` };
    const cycles = (await (await fetch(`http://127.0.0.1:${port}/api/cycles`, { headers })).json()) as { items: { year: number; state: string }[] };
    const computed = cycles.items.filter((c) => c.state === 'published').map((c) => c.year);
    expect(computed).toHaveLength(1); // last year, scored, graded and published, its appeal window open
    expect(cycles.items.filter((c) => c.state === 'finalized')).toHaveLength(1); // the year before, finalized
    const card = await fetch(`http://127.0.0.1:${port}/api/cycles/${computed[0]}/orgs/${(body.items[0] as unknown as { id: number }).id}/scorecard`, { headers });
    expect(card.status).toBe(200);
    const scorecard = (await card.json()) as { total: string; parts: { title: string }[]; grade: { label: string | null; move: string } };
    expect(scorecard.parts.map((p) => p.title)).toEqual(['日常考核', '年度考评', '群众评议', '加分', '扣分']);
    expect(scorecard.grade.label).toMatch(/^(五星|四星|三星|二星|一星|无星)$/);
    expect(['晋位', '保持', '降星', '摘星']).toContain(scorecard.grade.move); // last year's grade came from the finalized year

    // Scoring again through the CLI, beside the server, makes a new revision.
    const scored = await cli(['score', '--cycle', String(computed[0])]);
    expect(scored.code, scored.stderr).toBe(0);
    expect(scored.stdout).toContain(`${computed[0]} 年度计分完成`);
    // Nothing changed since: --changed stores a delta of nothing and says what it kept.
    const revision = Number(/计分版本 #(\d+)/.exec(scored.stdout)![1]);
    const changed = await cli(['score', '--cycle', String(computed[0]), '--changed']);
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stdout).toMatch(new RegExp(`增量计分：重算了数据有变化的 0 个组织，其余 \\d+ 个沿用上一计分版本的结果（本版本只保存与计分版本 #${revision} 不同的部分）`));
  }, CLI_TEST_MS);

  it('lists the demo duty reviews, their group tallies and the two-way evaluations from the command line', async () => {
    const cycles = await cli(['cycle', 'list']);
    const year = Number(cycles.stdout.split('\n').find((l) => l.includes('公示中'))!.split('\t')[0]);
    const list = await cli(['review', 'list', '--cycle', String(year)]);
    expect(list.code, list.stderr).toBe(0);
    const sessions = list.stdout.trim().split('\n');
    expect(sessions).toHaveLength(6); // one per street
    expect(sessions[0]).toContain('已结束');
    const id = /^#(\d+)/.exec(sessions[0]!)![1]!;
    const results = await cli(['review', 'results', id]);
    expect(results.code, results.stderr).toBe(0);
    expect(results.stdout).toMatch(/上级党委 5 张（.*好 \d+/);
    const twoway = await cli(['twoway', 'list', '--cycle', String(year)]);
    expect(twoway.code, twoway.stderr).toBe(0);
    expect(twoway.stdout.split('\n')[0]).toBe('协议\t社区\t共建单位\t社区评单位\t单位评社区');
    expect(twoway.stderr).toMatch(/共建协议 \d+ 份，其中 \d+ 份缺少至少一个方向的评价/);
    const closed = await cli(['review', 'open', id]);
    expect(closed.code).toBe(1);
    expect(closed.stderr).toContain('评议已结束，不能改为「评议中」');
  }, CLI_TEST_MS);

  it('issues ballot codes for the open demo campaign; a printed code opens the ballot page once', async () => {
    const listed = await cli(['campaign', 'list']);
    expect(listed.code, listed.stderr).toBe(0);
    const line = listed.stdout.split('\n').find((l) => l.includes('评议中'))!;
    const id = /^#(\d+)/.exec(line)![1]!;
    const token = (await cli(['token', 'create', '--role', 'admin'])).stdout.trim();
    const campaign = (await (await fetch(`http://127.0.0.1:${port}/api/campaigns/${id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { targets: { orgId: number; orgName: string }[] };
    const target = campaign.targets[0]!;
    const issued = await cli(['campaign', 'codes', id, '--org', String(target.orgId), '--count', '2', '--out', 'codes.json']);
    expect(issued.code, issued.stderr).toBe(0);
    expect(issued.stdout).toContain('已发放 2 个评议码');
    const batch = JSON.parse(readFileSync(join(dataDir, 'codes.json'), 'utf8')) as { codes: { code: string; url: string }[] };
    const url = batch.codes[0]!.url;
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/b/[0-9A-Z]{20}$`));
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(target.orgName);
    const answers = new URLSearchParams({ item_service: '满意', item_efficiency: '基本满意', item_members: '很满意', item_overall: '满意' });
    expect((await fetch(url, { method: 'POST', body: answers })).status).toBe(201);
    const again = await fetch(url, { method: 'POST', body: answers });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('评议码已使用');
  }, CLI_TEST_MS);

  it('reports bad input in Chinese with a non-zero exit code', async () => {
    const missing = await cli(['import', 'ledger', 'no-such-file.xlsx']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('找不到文件');

    writeFileSync(join(dataDir, 'bad.csv'), '组织编码,记录类型,日期,标题\nXC-01-01-01,打卡,2026-01-05,签到\n');
    const bad = await cli(['import', 'ledger', 'bad.csv']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('第 2 行「记录类型」：打卡 未知的记录类型');

    const role = await cli(['token', 'create', '--role', 'boss']);
    expect(role.code).toBe(1);
    expect(role.stderr).toContain('role');
  }, CLI_TEST_MS);

  it('refuses a second server on the same embedded data folder', async () => {
    if (onPostgres) return; // a PostgreSQL server is shared by design
    const second = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/entry/node.ts')], { env: { ...env, PORT: String(await freePort()) }, cwd: root });
    let out = '';
    second.stderr!.on('data', (d) => (out += d));
    const code = await new Promise((r) => second.on('exit', r));
    expect(code).toBe(1);
    expect(out).toContain('正被另一个星评进程');
  }, CLI_TEST_MS);
});
