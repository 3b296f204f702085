import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertNoOverflow, clickText, closeSession, newSession, nextDownload, onPostgres, shot, signInAs, startHarness, textOf, typeInto, visit, waitForText, type Harness } from './support/harness';

/**
 * 述职报告 and 述职评议 in the browser on the demo district, its collecting year moved to 评议中: the community
 * secretary writes the report with a PDF attached on a phone, the street reads it and downloads the attachment on a
 * desktop, and the demo reviewer, signed in, finds its sheet waiting, votes on a phone, and cannot vote twice. The
 * leader lists a published year's duty reviews and downloads a closed one's result sheet (述职评议结果, a PDF).
 */
let h: Harness;
let year: number;
const reportText = '一年来，社区党委坚持党建引领基层治理，推行“红色物业”，建成四个小区党支部，在职党员报到服务三百余人次。';

beforeAll(async () => {
  if (!onPostgres) return;
  h = await startHarness();
  year = (await sql<{ year: number }>`select year from cycles where state = 'collecting'`.execute(h.db)).rows[0]!.year;
  // Votes are taken in 年度评议中; the demo's review of the first street opens then.
  await sql`update cycles set state = 'reviewing' where year = ${year}`.execute(h.db);
  await sql`update review_sessions set state = 'open', opened_at = now() where cycle_year = ${year}`.execute(h.db);
}, 240_000);
afterAll(() => h?.close());

describe.skipIf(!onPostgres)('述职报告 and the reviewer’s sheet in the browser', () => {
  it('a secretary submits the report with a PDF on a phone; the street reads it and downloads the attachment', async () => {
    const s = await newSession(h, 'phone');
    await signInAs(s, h, 'demo-community');
    await visit(s, h, '/reviews');
    await waitForText(s.page, '尚未提交');
    // Too short: the field says why, in the server's words.
    await typeInto(s.page, '.report-form textarea', '太短了');
    await clickText(s.page, '提交述职报告');
    await waitForText(s.page, '述职报告至少 20 个字');
    expect(await textOf(s.page, '.report-form .el-form-item.is-error')).toContain('述职报告正文');
    await shot(s, 'duty-report-error');
    await typeInto(s.page, '.report-form textarea', reportText);
    const pdf = join(mkdtempSync(join(tmpdir(), 'xp-report-')), '述职报告.pdf');
    writeFileSync(pdf, '%PDF-1.4\n% 述职报告附件\n');
    const input = (await s.page.$('.report-form input[type="file"]')) as import('puppeteer').ElementHandle<HTMLInputElement>;
    await input.uploadFile(pdf);
    await s.page.waitForSelector('.report-form .el-upload-list__item.is-success', { timeout: 30_000 });
    await clickText(s.page, '提交述职报告');
    await waitForText(s.page, '述职报告已提交');
    await waitForText(s.page, `（${reportText.length} 字）`);
    await shot(s, 'duty-report');
    const stored = await sql<{ text: string; name: string; purpose: string }>`select d.text, f.name, f.purpose from duty_reports d join files f on f.id = d.attachment_file_id
      join users u on u.org_id = d.org_id where u.login = 'demo-community' and d.cycle_year = ${year}`.execute(h.db);
    expect(stored.rows).toEqual([{ text: reportText, name: '述职报告.pdf', purpose: 'duty_report' }]);
    await closeSession(s);

    const street = await newSession(h, 'desk');
    await signInAs(street, h, 'demo-street');
    await visit(street, h, '/reviews');
    const community = (await sql<{ name: string }>`select o.name from users u join organizations o on o.id = u.org_id where u.login = 'demo-community'`.execute(h.db)).rows[0]!.name;
    await typeInto(street.page, '.find input', community);
    await waitForText(street.page, '述职报告.pdf');
    await shot(street, 'duty-reports-street');
    await clickText(street.page, '阅读全文');
    await waitForText(street.page, '在职党员报到服务三百余人次');
    await shot(street, 'duty-report-read');
    await street.page.keyboard.press('Escape');
    await street.page.waitForFunction(() => ![...document.querySelectorAll('.el-overlay')].some((o) => (o as HTMLElement).offsetParent !== null || getComputedStyle(o).display !== 'none'), { timeout: 10_000 });
    const file = await nextDownload(street, () => street.page.locator('.el-table a.att').click());
    expect(file.name).toBe('述职报告.pdf');
    expect(Buffer.from(file.bytes).toString()).toBe(readFileSync(pdf, 'utf8'));
    await closeSession(street);
  });

  it('the reviewer lands on its waiting sheet, votes on a phone, and the sheet is then closed to it', async () => {
    const s = await newSession(h, 'phone');
    await signInAs(s, h, 'demo-reviewer');
    await waitForText(s.page, '待填写');
    await shot(s, 'reviewer-home');
    await clickText(s.page, '填写评议表');
    await s.page.waitForSelector('.subject', { visible: true });
    const subjects = await s.page.$$eval('.subject', (els) => els.length);
    const items = await s.page.$$eval('.subject:first-of-type fieldset', (els) => els.length);
    expect(subjects).toBeGreaterThan(1);
    // Answer all but the last subject, then try to hand it in: the page names what is missing.
    await s.page.$$eval('.subject', (els) => els.slice(0, -1).forEach((sub) => sub.querySelectorAll('fieldset').forEach((f) => (f.querySelectorAll('.el-radio-button')[0] as HTMLElement).click())));
    await clickText(s.page, '提交评议');
    await waitForText(s.page, '还有 1 个组织的评议没有选完');
    await shot(s, 'reviewer-sheet-missing', { fullPage: false });
    await s.page.$$eval('.subject:last-of-type fieldset', (fs) => fs.forEach((f) => (f.querySelectorAll('.el-radio-button')[1] as HTMLElement).click()));
    const before = await sql<{ n: number }>`select count(*)::int as n from pending_review_sheets`.execute(h.db);
    await clickText(s.page, '提交评议');
    await waitForText(s.page, '评议已提交');
    await shot(s, 'reviewer-sheet-done');
    // One sheet more, holding every subject's answers and nothing that names the account.
    const after = await sql<{ n: number; votes: number }>`select count(*)::int as n, max(jsonb_array_length(votes))::int as votes from pending_review_sheets`.execute(h.db);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n + 1);
    expect(after.rows[0]!.votes).toBe(subjects);
    const cols = await sql<{ column_name: string }>`select column_name from information_schema.columns where table_name = 'pending_review_sheets'`.execute(h.db);
    expect(cols.rows.map((c) => c.column_name)).not.toContain('user_id');
    expect(items).toBeGreaterThan(1);
    await clickText(s.page, '返回我的评议表');
    await waitForText(s.page, '已提交');
    const again = await s.page.evaluate(() => location.pathname);
    expect(again).toBe('/reviews/sheets');
    // Opening the sheet again says it is in, in Chinese.
    const id = (await sql<{ id: number }>`select id from review_sessions where cycle_year = ${year}`.execute(h.db)).rows[0]!.id;
    await visit(s, h, `/reviews/sheets/${id}`);
    await waitForText(s.page, '这份评议表已经提交过');
    await shot(s, 'reviewer-sheet-again');
    await closeSession(s);
  });

  it("a chair's 履责述评: the reviewer reads each chair's term and the projects it took on, on a phone and a desktop", async () => {
    // A 轮值主席 of this year whose unit claimed projects of its community during the term (the demo's rota).
    const chair = (
      await sql<{ unit_id: number; community: string; starts_on: string; ends_on: string }>`select h.unit_id, c.name as community, h.starts_on, h.ends_on from cb_chairs h
        join organizations c on c.id = h.community_id
        where h.starts_on between ${`${year}-01-01`} and ${`${year}-12-31`}
          and exists (select 1 from cb_projects p where p.community_id = h.community_id and p.responsible_id = h.unit_id and p.claimed_on between h.starts_on and h.ends_on)
        order by h.id limit 1`.execute(h.db)
    ).rows[0]!;
    const projects = (
      await sql<{ title: string }>`select p.title from cb_chairs h join cb_projects p on p.community_id = h.community_id and p.responsible_id = h.unit_id and p.claimed_on between h.starts_on and h.ends_on
        where h.unit_id = ${chair.unit_id} and h.starts_on = ${chair.starts_on}`.execute(h.db)
    ).rows.map((r) => r.title);
    expect(projects.length).toBeGreaterThan(0);
    // The district opens a chair review of that unit with the demo reviewer's account as its rater.
    const template = (await sql<{ items: unknown; rater_groups: { key: string }[] }>`select items, rater_groups from review_sessions where cycle_year = ${year} limit 1`.execute(h.db)).rows[0]!;
    const district = (await sql<{ id: number }>`select id from organizations where kind = 'district' order by id limit 1`.execute(h.db)).rows[0]!.id;
    const session = (
      await sql<{ id: number }>`insert into review_sessions (cycle_year, kind, org_id, title, state, items, rater_groups, created_by, opened_at)
        values (${year}, 'chair', ${district}, ${`${year} 年度大党委轮值主席履责述评`}, 'open', ${JSON.stringify(template.items)}::jsonb, ${JSON.stringify(template.rater_groups)}::jsonb, 'e2e', now()) returning id`.execute(h.db)
    ).rows[0]!.id;
    await sql`insert into review_subjects (session_id, org_id, cycle_year, kind) values (${session}, ${chair.unit_id}, ${year}, 'chair')`.execute(h.db);
    await sql`insert into review_raters (session_id, group_key, user_id) select ${session}, ${template.rater_groups[0]!.key}, id from users where login = 'demo-reviewer'`.execute(h.db);
    for (const viewport of ['phone', 'desk'] as const) {
      const s = await newSession(h, viewport);
      await signInAs(s, h, 'demo-reviewer');
      await visit(s, h, `/reviews/sheets/${session}`);
      await s.page.waitForSelector('[data-testid=chair-term]', { visible: true });
      const text = await textOf(s.page, '.ballot');
      expect(text).toContain('请对下列 1 个轮值主席单位逐项评议');
      expect(text).toContain(`轮值主席：${chair.community} · ${chair.starts_on} 至 ${chair.ends_on}`);
      expect(text).toContain(`任期内认领本社区项目 ${projects.length} 个`);
      for (const title of projects) expect(text).toContain(title);
      await assertNoOverflow(s.page, `chair sheet (${viewport})`);
      await shot(s, 'reviewer-chair-sheet');
      await closeSession(s);
    }
  });

  it('the leader lists a published year’s duty reviews and downloads a closed one’s result sheet, on a desktop and a phone', async () => {
    const finalized = (await sql<{ year: number }>`select year from cycles where state = 'finalized' order by year desc limit 1`.execute(h.db)).rows[0]!.year;
    // The demo closes each street's review of a finished year; the first of them is the one downloaded here.
    const closed = (await sql<{ id: number; title: string; org: string }>`select s.id, s.title, o.name as org from review_sessions s join organizations o on o.id = s.org_id
      where s.cycle_year = ${finalized} and s.state = 'closed' order by s.id limit 1`.execute(h.db)).rows[0]!;
    expect(closed, `a closed duty review in ${finalized}`).toBeDefined();
    const subjects = (await sql<{ name: string }>`select o.name from review_subjects j join organizations o on o.id = j.org_id where j.session_id = ${closed.id}`.execute(h.db)).rows;
    expect(subjects.length).toBeGreaterThan(0);
    for (const viewport of ['desk', 'phone'] as const) {
      const s = await newSession(h, viewport);
      await signInAs(s, h, 'demo-leader');
      await s.page.evaluate((y) => localStorage.setItem('xingping.context', JSON.stringify({ year: y })), finalized);
      await visit(s, h, '/reviews');
      await clickText(s.page, '述职评议', '.el-tabs__item');
      await waitForText(s.page, closed.title);
      expect(await textOf(s.page, '.sessions')).toContain('已结束');
      await assertNoOverflow(s.page, 'review sessions');
      await shot(s, 'review-sessions');
      const file = await nextDownload(s, async () => {
        const button = await s.page.waitForFunction(
          (title) => [...document.querySelectorAll('.sessions .card, .sessions .el-table__body .el-table__row')].find((r) => (r as HTMLElement).innerText.includes(title))?.querySelector('button.result'),
          { timeout: 15_000 },
          closed.title,
        );
        await (button as import('puppeteer').ElementHandle<HTMLElement>).evaluate((e) => e.click());
      });
      expect(file.name).toMatch(/\.pdf$/);
      expect(Buffer.from(file.bytes.subarray(0, 4)).toString()).toBe('%PDF');
      const path = join(mkdtempSync(join(tmpdir(), 'xp-review-')), 'result.pdf');
      writeFileSync(path, file.bytes);
      const text = execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      for (const t of ['述职评议结果', closed.org, ...subjects.map((x) => x.name)]) expect(text).toContain(t);
      await closeSession(s);
    }
  }, 120_000);

  it('a finalized year shows the report read-only, saying why', async () => {
    const s = await newSession(h, 'desk');
    await signInAs(s, h, 'demo-community');
    const finalized = (await sql<{ year: number }>`select year from cycles where state = 'finalized' order by year desc limit 1`.execute(h.db)).rows[0]!.year;
    await s.page.evaluate((y) => localStorage.setItem('xingping.context', JSON.stringify({ year: y })), finalized);
    await visit(s, h, '/reviews');
    await waitForText(s.page, `现在不能提交或修改述职报告：${finalized} 年度考核周期处于「已定档」状态`);
    expect(await s.page.$eval('.report-form textarea', (t) => (t as HTMLTextAreaElement).disabled)).toBe(true);
    await shot(s, 'duty-report-closed');
    await closeSession(s);
  });
});
