import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertNoOverflow, closeSession, newSession, nextDownload, onPostgres, shot, signInAs, startHarness, textOf, visit, waitForText, type Harness } from './support/harness';

/**
 * 考核周期 in the browser: the district admin moves the collecting year into review from the stepper (with its
 * confirmation), scores it as a job and sees the summary of the revision the database holds, reads the published
 * year's blockers for 定档 and its 公示名单, and downloads the 公示名单 PDF. The leader reads the page without verbs.
 */
let h: Harness;
let collecting: number;
let published: number;

beforeAll(async () => {
  if (!onPostgres) return;
  h = await startHarness();
  collecting = (await sql<{ year: number }>`select year from cycles where state = 'collecting'`.execute(h.db)).rows[0]!.year;
  published = (await sql<{ year: number }>`select year from cycles where state = 'published'`.execute(h.db)).rows[0]!.year;
}, 240_000);
afterAll(() => h?.close());

async function atYear(s: Awaited<ReturnType<typeof newSession>>, year: number) {
  await visit(s, h, '/');
  await s.page.evaluate((y) => localStorage.setItem('xingping.context', JSON.stringify({ year: y })), year);
  await visit(s, h, '/admin/cycles');
  await s.page.waitForSelector('[data-testid=cycle-stepper]');
}

describe.skipIf(!onPostgres)('考核周期 in the browser', () => {
  it('the admin opens review, scores the year as a job and reads the summary; the published year shows what blocks 定档', async () => {
    const s = await newSession(h, 'desk');
    await signInAs(s, h, 'demo-admin');
    await atYear(s, collecting);
    expect(await textOf(s.page, '[data-testid=cycle-state]')).toBe('台账填报中');
    await shot(s, 'admin-cycles-collecting');
    await s.page.click('[data-action=review] button');
    await s.page.waitForSelector('.el-message-box');
    await s.page.evaluate(() => (document.querySelector('.el-message-box .el-button--primary') as HTMLElement).click());
    await s.page.waitForFunction(() => document.querySelector('[data-testid=cycle-state]')?.textContent === '年度评议中');

    // Open evaluations of the year block scoring, each named; the demo's are closed through the API (评议管理 has its own test).
    const blockers = await s.page.$$eval('[data-action=score] li', (els) => els.map((e) => e.textContent ?? ''));
    const open = (await sql<{ n: number }>`select (select count(*) from rating_campaigns where cycle_year = ${collecting} and state = 'open') + (select count(*) from review_sessions where cycle_year = ${collecting} and state = 'open') as n`.execute(h.db)).rows[0]!;
    expect(blockers.length).toBe(Number(open.n));
    await sql`update rating_campaigns set state = 'closed' where cycle_year = ${collecting} and state = 'open'`.execute(h.db);
    await sql`update review_sessions set state = 'closed' where cycle_year = ${collecting} and state = 'open'`.execute(h.db);
    await atYear(s, collecting);
    await s.page.waitForSelector('[data-testid=start-score]:not([disabled])');
    await s.page.click('[data-testid=start-score]');
    await s.page.waitForSelector('[data-testid=score-summary]', { timeout: 300_000 });
    await shot(s, 'admin-cycles-scored');
    const summary = await textOf(s.page, '[data-testid=score-summary]');
    const rev = (await sql<{ id: number; org_count: number }>`select id, org_count from score_revisions where cycle_year = ${collecting} order by id desc limit 1`.execute(h.db)).rows[0]!;
    expect(summary).toContain(`第 ${rev.id} 号计分版本：共 ${rev.org_count} 个组织`);
    await s.page.waitForFunction(() => document.querySelector('[data-testid=cycle-state]')?.textContent === '已计分');

    await atYear(s, published);
    const finalize = await textOf(s.page, '[data-action=finalize]');
    expect(finalize).toContain('申诉期到');
    expect(await s.page.$eval('[data-action=finalize] button', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await s.page.click('#tab-publicity');
    await s.page.waitForSelector('[data-testid=publicity-pdf]');
    await waitForText(s.page, '公示期');
    await shot(s, 'admin-cycles-publicity');
    const file = await nextDownload(s, () => s.page.click('[data-testid=publicity-pdf]'));
    expect(file.name).toContain('考核结果公示名单');
    const path = join(mkdtempSync(join(tmpdir(), 'xp-pub-')), 'p.pdf');
    writeFileSync(path, file.bytes);
    expect(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })).toContain(`${published} 年度基层党组织考核结果公示`);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', path, join('.cache', 'screenshots', 'publicity-pdf')]);

    // The 申诉 tab is the inbox itself: an appeal the community filed shows with its reason, to be decided there.
    const reason = '第三季度主题党日签到表漏传，现已补传（浏览器测试）';
    await sql`insert into appeals (cycle_year, org_id, revision_id, reason, evidence, created_by)
      select ${published}, u.org_id, (select id from score_revisions where cycle_year = ${published} order by id desc limit 1), ${reason}, '[]'::jsonb, u.id::text
      from users u where u.login = 'demo-community'`.execute(h.db);
    await atYear(s, published);
    await s.page.click('#tab-appeals');
    await waitForText(s.page, reason);
    expect(await s.page.$$eval('#pane-appeals button.act', (bs) => bs.filter((b) => b.textContent?.trim() === '处理').length)).toBeGreaterThan(0);
    expect(await textOf(s.page, '#tab-appeals')).toContain('1 件待处理');
    await shot(s, 'admin-cycles-appeals');
    await closeSession(s);
  }, 420_000);

  it('the leader reads the steps without verbs, on a phone without page overflow', async () => {
    const s = await newSession(h, 'phone');
    await signInAs(s, h, 'demo-leader');
    await atYear(s, published);
    await waitForText(s.page, '只读：考核周期由区委组织部管理员管理');
    expect(await s.page.$$eval('[data-testid=cycle-stepper] .actions button', (bs) => bs.every((b) => (b as HTMLButtonElement).disabled))).toBe(true);
    await assertNoOverflow(s.page, '考核周期');
    await shot(s, 'admin-cycles');
    await closeSession(s);
  }, 120_000);
});
