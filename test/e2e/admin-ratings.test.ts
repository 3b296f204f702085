import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { ElementHandle, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertNoOverflow, chooseOption, clickText, closeSession, messageBoxButton, newSession, nextDownload, onPostgres, shot, signInAs, startHarness, textOf, typeInto, visit, waitForText, type Harness, type Session } from './support/harness';

/**
 * 评议管理 in the browser as the demo district's admin, in 2026 (填报中): a resident rating campaign for two
 * communities is created, opened, its codes issued after the loud 127.0.0.1 warning (the harness serves there) and
 * printed as a PDF of cards, then closed and its results read; a duty review is set up with rater groups chosen by
 * their Chinese labels; the two-way overview agrees with the API. Every tab at 1366 and 375 px, nothing overflowing.
 */
let h: Harness;
const year = 2026;
const title = '星城区两社区群众满意度测评';
let targets: { id: number; name: string; code: string }[];

beforeAll(async () => {
  if (!onPostgres) return;
  h = await startHarness();
  targets = (await sql<{ id: number; name: string; code: string }>`select id, name, code from organizations where kind = 'community' order by code limit 2`.execute(h.db)).rows;
}, 240_000);
afterAll(() => h?.close());

/** Picks an organization in the remote org select `select` by typing its code and clicking the option named. */
async function pickOrg(page: Page, select: string, org: { name: string; code: string }) {
  await chooseOption(page, select, org.name, org.code);
  await page.keyboard.press('Escape');
}

/** Opens the detail of the campaign listed under this title. */
async function manage(page: Page, title: string) {
  await page.waitForFunction((t) => [...document.querySelectorAll('.row .title')].some((e) => e.textContent === t), { timeout: 15_000 }, title);
  await page.evaluate((t) => {
    const row = [...document.querySelectorAll('.row')].find((r) => r.querySelector('.title')?.textContent === t);
    (row!.querySelector('.manage') as HTMLElement).click();
  }, title);
}

async function openConsole(viewport: 'desk' | 'phone', y = year): Promise<Session> {
  const s = await newSession(h, viewport);
  await signInAs(s, h, 'demo-admin');
  await s.page.evaluate((v) => localStorage.setItem('xingping.context', JSON.stringify({ year: v })), y);
  await visit(s, h, '/admin/ratings');
  return s;
}

const campaignRow = async () =>
  (await sql<{ id: number; state: string; rater_groups: string[]; targets: number[] }>`select c.id, c.state, c.rater_groups, array(select t.org_id from rating_targets t where t.campaign_id = c.id order by t.org_id) as targets
    from rating_campaigns c where c.title = ${title}`.execute(h.db)).rows;

describe.skipIf(!onPostgres)('评议管理 in the browser', () => {
  it('creates, opens, issues codes for (after the 127.0.0.1 warning), closes and reads a resident rating campaign', async () => {
    const s = await openConsole('desk');
    await waitForText(s.page, '2026 年度的群众评议');
    await shot(s, 'admin-ratings-campaigns');
    await clickText(s.page, '新建评议');
    await s.page.waitForSelector('.campaign-create', { visible: true });
    await typeInto(s.page, '.campaign-create input[maxlength="200"]', title);
    for (const t of targets) await pickOrg(s.page, '.campaign-create .el-select.targets', t);
    await shot(s, 'admin-ratings-campaign-create', { fullPage: false });
    await clickText(s.page, '创建评议');
    await waitForText(s.page, '评议活动已创建');
    const [made] = await campaignRow();
    expect(made).toMatchObject({ state: 'draft', rater_groups: ['居民'], targets: targets.map((t) => t.id).sort((a, b) => a - b) });

    await clickText(s.page, '开始评议');
    await messageBoxButton(s.page, '确定');
    await waitForText(s.page, '评议已开始');
    expect((await campaignRow())[0]!.state).toBe('open');

    // The harness serves on 127.0.0.1: the page says so before the codes, and asks again when issuing.
    expect(await textOf(s.page, '.detail .codes')).toContain('二维码指向 127.0.0.1（本机），手机扫码无法打开');
    await s.page.locator('.detail .codes .el-input-number input').fill('3');
    await clickText(s.page, '发放并下载卡片');
    await waitForText(s.page, '手机扫码无法打开评议页面');
    await shot(s, 'admin-ratings-local-warning', { fullPage: false });
    // Cancelling the warning issues nothing.
    await messageBoxButton(s.page, '取消');
    expect((await sql<{ n: number }>`select count(*)::int as n from ballot_batches where campaign_id = ${made!.id}`.execute(h.db)).rows[0]!.n).toBe(0);
    await clickText(s.page, '发放并下载卡片');
    const file = await nextDownload(s, async () => {
      await messageBoxButton(s.page, '仍然发放');
      await messageBoxButton(s.page, '确定');
    });
    expect(file.name).toMatch(/^评议码-.*\.pdf$/);
    expect(Buffer.from(file.bytes.subarray(0, 4)).toString()).toBe('%PDF');
    const path = join(mkdtempSync(join(tmpdir(), 'xp-cards-')), 'cards.pdf');
    writeFileSync(path, file.bytes);
    const text = execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const t of [title, targets[0]!.name, '评议身份：居民']) expect(text).toContain(t);
    // Three codes of the first target, issued once.
    const codes = await sql<{ n: number }>`select count(*)::int as n from ballot_codes k join ballot_batches b on b.id = k.batch_id where b.campaign_id = ${made!.id}`.execute(h.db);
    expect(codes.rows[0]!.n).toBe(3);
    await waitForText(s.page, '已发放 3 个评议码');

    await clickText(s.page, '异常标记', '.el-tabs__item');
    await waitForText(s.page, '没有异常标记');
    // Six ballots for the first target from one client address within minutes (as a burst arrives): one 集中提交 flag.
    // The admin checks them one by one and voids only the ballot found to be filled in for someone else.
    const target = (await sql<{ id: number; org_id: number }>`select id, org_id from rating_targets where campaign_id = ${made!.id} order by org_id limit 1`.execute(h.db)).rows[0]!;
    const burst = (
      await sql<{ id: number }>`insert into ballots (campaign_id, target_id, org_id, rater_group, answers, source, client_key)
        select ${made!.id}, ${target.id}, ${target.org_id}, '居民', ${JSON.stringify({ overall: '满意' })}::jsonb, 'online', 'e2e-burst-source' from generate_series(1, 6) returning id`.execute(h.db)
    ).rows.map((r) => r.id);
    await s.page.$eval('[data-testid=flags-reload]', (e) => (e as HTMLElement).click());
    await s.page.waitForSelector('[data-testid=flag-pick-0]', { visible: true, timeout: 15_000 });
    expect(await textOf(s.page, '.flags')).toContain('票号 6 张，已作废 0 张');
    // DOM clicks: the list's loading mask may still be fading out over the buttons.
    await s.page.$eval('[data-testid=flag-pick-0]', (e) => (e as HTMLElement).click());
    await s.page.waitForSelector(`[data-testid=flag-ballots-0] [data-ballot="${burst[2]}"]`, { visible: true });
    await s.page.$eval(`[data-testid=flag-ballots-0] [data-ballot="${burst[2]}"]`, (e) => (e as HTMLElement).click());
    await waitForText(s.page, '作废所选 1 张');
    await shot(s, 'admin-ratings-flag-pick', { fullPage: false });
    await s.page.$eval('[data-testid=flag-void-picked]', (e) => (e as HTMLElement).click());
    await s.page.waitForSelector('.el-message-box input', { visible: true });
    await s.page.type('.el-message-box input', '核实为他人代填');
    await messageBoxButton(s.page, '作废');
    await waitForText(s.page, '已作废 1 张评议票');
    const voided = (await sql<{ id: number; void_reason: string | null }>`select id, void_reason from ballots where id = any(${burst}::int[]) and voided_at is not null`.execute(h.db)).rows;
    expect(voided).toEqual([{ id: burst[2], void_reason: '核实为他人代填' }]);
    const audit = (await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'ballot.void' and entity_id = ${String(burst[2])}`.execute(h.db)).rows[0]!;
    expect(audit.n).toBe(1);
    await waitForText(s.page, '票号 6 张，已作废 1 张');
    await clickText(s.page, '结束评议');
    await messageBoxButton(s.page, '确定');
    await waitForText(s.page, '评议已结束');
    expect((await campaignRow())[0]!.state).toBe('closed');
    // No ballot was cast: each target's result is withheld, in the server's words (0 valid ballots < the rule set's minimum sample).
    const results = await textOf(s.page, '.detail .results');
    for (const t of targets) expect(results).toContain(t.name);
    // The first target's five ballots left, the second's none: both below the minimum sample.
    expect(results).toContain('样本不足：有效票 5 张');
    expect(results).toContain('样本不足：有效票 0 张');
    await shot(s, 'admin-ratings-campaign-closed');
    await closeSession(s);
  }, 180_000);

  it('reads a closed campaign’s tallies of the finished year as a table per target', async () => {
    const s = await openConsole('desk', 2025);
    await manage(s.page, '2025 年度社区党组织群众满意度测评');
    await clickText(s.page, '评议结果', '.el-tabs__item');
    await s.page.waitForSelector('.detail .results table.grid', { visible: true, timeout: 20_000 });
    expect(await textOf(s.page, '.detail .results')).toContain('很满意');
    await s.page.$eval('.detail .results', (e) => e.scrollIntoView());
    await shot(s, 'admin-ratings-results', { fullPage: false });
    await closeSession(s);
  }, 120_000);

  it('sets up a duty review choosing rater groups by their Chinese labels', async () => {
    const s = await openConsole('desk');
    await clickText(s.page, '述职评议', '.el-tabs__item');
    await clickText(s.page, '新建述职评议');
    await s.page.waitForSelector('.review-create', { visible: true });
    await s.page.locator('.review-create label.el-radio::-p-text(轮值主席履责述评)').click();
    // Leave out 党代表 (30%): the server refuses 70% in all, at the groups.
    await s.page.locator('.review-create label.el-checkbox::-p-text(党代表)').click();
    await clickText(s.page, '创建述职评议');
    await waitForText(s.page, '各群体权重合计应为 1，现为 0.7');
    await shot(s, 'admin-ratings-review-create', { fullPage: false });
    // 上级党委 70% + 驻区单位代表 15% + 群众代表 15% = 100%.
    const weight = '.review-create input[aria-label="上级党委权重"]';
    await s.page.locator(weight).click({ count: 3 });
    await s.page.keyboard.down('Control');
    await s.page.keyboard.press('a');
    await s.page.keyboard.up('Control');
    await s.page.keyboard.press('Backspace');
    await s.page.keyboard.type('70');
    await s.page.keyboard.press('Tab');
    await waitForText(s.page, '合计 100%');
    await clickText(s.page, '创建述职评议');
    await waitForText(s.page, '述职评议已创建');
    const made = (await sql<{ id: number; kind: string; rater_groups: { key: string; label: string; weight: number }[] }>`select id, kind, rater_groups from review_sessions where cycle_year = ${year} and kind = 'chair' order by id desc limit 1`.execute(h.db)).rows[0]!;
    expect(made.rater_groups).toEqual([
      { key: 'superior', label: '上级党委', weight: 0.7 },
      { key: 'unit', label: '驻区单位代表', weight: 0.15 },
      { key: 'public', label: '群众代表', weight: 0.15 },
    ]);
    await pickOrg(s.page, '.detail .add .el-select', targets[0]!);
    await clickText(s.page, '添加被评议组织');
    await waitForText(s.page, '已添加 1 个被评议组织');
    // Five codes for 群众代表, picked by its label; shown once.
    await s.page.locator('.detail .raters .el-select').click();
    const option = await s.page.waitForFunction(() => [...document.querySelectorAll('.el-select-dropdown__item')].find((e) => (e as HTMLElement).offsetParent !== null && e.textContent?.trim() === '群众代表'), { timeout: 10_000 });
    await (option as ElementHandle<HTMLElement>).evaluate((e) => e.click());
    await s.page.locator('.detail .raters .el-input-number input').fill('5');
    await clickText(s.page, '添加评议人');
    await waitForText(s.page, '「群众代表」的 5 个一次性评议码');
    await shot(s, 'admin-ratings-review-codes', { fullPage: false });
    await clickText(s.page, '已抄录，关闭');
    const raters = await sql<{ group_key: string; n: number }>`select group_key, count(*)::int as n from review_raters where session_id = ${made.id} group by 1`.execute(h.db);
    expect(raters.rows).toEqual([{ group_key: 'public', n: 5 }]);
    await waitForText(s.page, '群众代表 15%（评议人 5，已评 0）');
    await shot(s, 'admin-ratings-review');
    await closeSession(s);
  }, 180_000);

  it('shows the two-way overview as the API has it, and every tab fits a phone', async () => {
    const s = await openConsole('desk');
    await clickText(s.page, '双向评价', '.el-tabs__item');
    await s.page.waitForSelector('.twoway-overview tr[data-agreement]', { visible: true, timeout: 20_000 });
    await shot(s, 'admin-ratings-twoway');
    const row = await s.page.$eval('.twoway-overview tr[data-agreement]', (tr) => ({
      id: Number(tr.getAttribute('data-agreement')),
      community: (tr.querySelector('.community') as HTMLElement).innerText,
      unit: (tr.querySelector('.unit') as HTMLElement).innerText,
    }));
    const view = await s.page.evaluate(async (id) => (await fetch(`/api/agreements/${id}/twoway`)).json(), row.id);
    const given = (d: string) => view.evaluations.find((e: { direction: string }) => e.direction === d);
    const expectSide = (text: string, d: string) => expect(text).toBe(given(d) ? `已评 ${given(d).total} 分` : '未评价');
    expectSide(row.community, 'community_rates_unit');
    expectSide(row.unit, 'unit_rates_community');
    expect(view.missing.length).toBeGreaterThan(0); // the list shows only agreements still owing by default
    await closeSession(s);

    const p = await openConsole('phone');
    await waitForText(p.page, '2026 年度的群众评议');
    await clickText(p.page, '管理', '.campaigns button');
    await waitForText(p.page, '二维码指向 127.0.0.1');
    await shot(p, 'admin-ratings-campaigns');
    await clickText(p.page, '述职评议', '.el-tabs__item');
    await waitForText(p.page, '轮值主席履责述评');
    await clickText(p.page, '管理', '.reviews-tab button');
    await shot(p, 'admin-ratings-review');
    await clickText(p.page, '双向评价', '.el-tabs__item');
    await p.page.waitForSelector('.twoway-overview .card', { visible: true, timeout: 20_000 });
    await assertNoOverflow(p.page, 'two-way overview on a phone');
    await shot(p, 'admin-ratings-twoway');
    await closeSession(p);
  }, 180_000);

  it('rates finished co-building projects: the year’s closed projects as targets, a card per project, a resident’s phone', async () => {
    const projects = (
      await sql<{ id: number; title: string; community: string }>`select p.id, p.title, c.name as community from cb_projects p join organizations c on c.id = p.community_id
        where p.state = 'closed' and p.closed_on between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date order by p.closed_on desc, p.id limit 2`.execute(h.db)
    ).rows;
    expect(projects).toHaveLength(2);
    const s = await openConsole('desk');
    await clickText(s.page, '新建评议');
    await s.page.waitForSelector('.campaign-create', { visible: true });
    await clickText(s.page, '共建项目（本年度已销号）', 'label');
    expect(await s.page.$eval('.campaign-create input[maxlength="200"]', (e) => (e as HTMLInputElement).value)).toBe(`${year} 年度共驻共建项目群众评价`);
    for (const p of projects) {
      await s.page.locator('.campaign-create .el-select.projects').click();
      await s.page.keyboard.type(p.title);
      // Titles repeat across communities (法律咨询项目): the option names the community too.
      const option = await s.page.waitForFunction(
        (title, community) => [...document.querySelectorAll('.el-select-dropdown__item')].find((e) => (e as HTMLElement).offsetParent !== null && e.textContent?.includes(title) && e.textContent.includes(community)),
        { timeout: 15_000 },
        p.title,
        p.community,
      );
      await (option as ElementHandle<HTMLElement>).evaluate((e) => e.click());
      await s.page.keyboard.press('Escape');
    }
    await shot(s, 'admin-ratings-project-create', { fullPage: false });
    await clickText(s.page, '创建评议');
    await waitForText(s.page, '评议活动已创建');
    const made = (await sql<{ id: number; subject: string; projects: number[] }>`select c.id, c.subject, array(select t.project_id from rating_targets t where t.campaign_id = c.id order by t.project_id) as projects
      from rating_campaigns c where c.cycle_year = ${year} and c.subject = 'project' order by c.id desc limit 1`.execute(h.db)).rows[0]!;
    expect(made.projects).toEqual(projects.map((p) => p.id).sort((a, b) => a - b));
    const detail = await textOf(s.page, '.detail');
    expect(detail).toContain('评议共建项目');
    for (const p of projects) expect(detail).toContain(`${p.title}（${p.community}）`);

    await clickText(s.page, '开始评议');
    await messageBoxButton(s.page, '确定');
    await waitForText(s.page, '评议已开始');
    await s.page.locator('.detail .codes .el-input-number input').fill('1');
    await clickText(s.page, '发放并下载卡片');
    const file = await nextDownload(s, async () => {
      await messageBoxButton(s.page, '仍然发放');
      await messageBoxButton(s.page, '确定');
    });
    const path = join(mkdtempSync(join(tmpdir(), 'xp-cards-')), 'cards.pdf');
    writeFileSync(path, file.bytes);
    const text = execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' });
    const first = (await sql<{ title: string }>`select p.title from rating_targets t join cb_projects p on p.id = t.project_id where t.campaign_id = ${made.id} order by t.org_id, t.project_id limit 1`.execute(h.db)).rows[0]!;
    expect(text.replace(/\s+/g, '')).toContain(first.title.replace(/\s+/g, ''));
    const code = /[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}/.exec(text)![0];
    await shot(s, 'admin-ratings-project-campaign');
    await closeSession(s);

    // The resident scans the card: the page names the project, and the ballot is taken on a phone.
    const r = await newSession(h, 'phone');
    await visit(r, h, `/b/${code}`);
    expect(await textOf(r.page, 'body')).toContain('请对这个共建项目的完成情况作出评价');
    expect((await textOf(r.page, '.org')).replace(/\s+/g, '')).toContain(first.title.replace(/\s+/g, ''));
    await r.page.$$eval('input[type=radio][value="满意"]', (els) => els.forEach((e) => (e as HTMLInputElement).click()));
    await shot(r, 'ballot-project');
    await Promise.all([r.page.waitForNavigation(), r.page.click('button.primary')]);
    await waitForText(r.page, '评议已提交，感谢您的参与');
    await closeSession(r);
    const pending = await sql<{ n: number }>`select count(*)::int as n from pending_ballots where campaign_id = ${made.id}`.execute(h.db);
    expect(pending.rows[0]!.n).toBe(1);

    // The finished year's project rating: results per project, on a phone too.
    for (const viewport of ['desk', 'phone'] as const) {
      const y = await openConsole(viewport, 2025);
      await waitForText(y.page, '2025 年度共驻共建项目群众评价');
      await manage(y.page, '2025 年度共驻共建项目群众评价');
      await clickText(y.page, '评议结果', '.el-tabs__item');
      await y.page.waitForSelector('.detail .results [data-project]', { visible: true, timeout: 20_000 });
      expect(await textOf(y.page, '.detail .results')).toMatch(/（.+社区.*）/);
      await assertNoOverflow(y.page, 'project results');
      await shot(y, 'admin-ratings-project-results', { fullPage: false });
      await closeSession(y);
    }
    // The new-campaign dialog with projects to pick, on a phone.
    const p = await openConsole('phone');
    await clickText(p.page, '新建评议');
    await p.page.waitForSelector('.campaign-create', { visible: true });
    await clickText(p.page, '共建项目（本年度已销号）', 'label');
    await shot(p, 'admin-ratings-project-dialog', { fullPage: false });
    const box = await p.page.$eval('.campaign-create', (e) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right, width: window.innerWidth }; });
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(box.width);
    await p.page.locator('.campaign-create .el-select.projects').click();
    await p.page.waitForFunction(() => [...document.querySelectorAll('.el-select-dropdown__item')].some((e) => (e as HTMLElement).offsetParent !== null), { timeout: 20_000 });
    await assertNoOverflow(p.page, 'project campaign dialog');
    // The options fit the input's width (long names end in an ellipsis): the dialog stays where it was.
    const open = await p.page.$eval('.campaign-create', (e) => e.getBoundingClientRect().left);
    expect(open).toBe(box.left);
    await shot(p, 'admin-ratings-project-create', { fullPage: false });
    await closeSession(p);
  }, 240_000);
});
