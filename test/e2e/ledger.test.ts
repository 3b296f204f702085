import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFacts } from '../../src/features/scoring/facts.repository';
import { scoreCycle } from '../../src/features/scoring/score-cycle';
import { testRuleSets } from '../support/app';
import { cliCtx } from '../support/factories';
import { clickSettled, clickText, closeSession, newSession, onPostgres, shot, signInAs, startHarness, textOf, typeInto, visit, waitForText, type Harness } from './support/harness';

/**
 * 台账 in the browser on the demo district: the community secretary enters a record on a phone (a missing title is
 * marked on its field), the street verifies it with another waiting record in one bulk action on a desktop, and
 * rejects a third with a reason the secretary then reads.
 */
let h: Harness;
let year: number;
let community: number;

beforeAll(async () => {
  if (!onPostgres) return;
  h = await startHarness();
  year = (await sql<{ year: number }>`select year from cycles where state = 'collecting'`.execute(h.db)).rows[0]!.year;
  community = (await sql<{ id: number }>`select org_id as id from users where login = 'demo-community'`.execute(h.db)).rows[0]!.id;
  // This month without the demo's own 主题党日 of the community, so the records the test enters decide whether it counts.
  const month = new Date().toISOString().slice(0, 7);
  await sql`delete from ledger_participants where record_id in (select id from ledger_records where org_id = ${community} and kind = 'theme_day' and to_char(occurred_on, 'YYYY-MM') = ${month})`.execute(h.db);
  await sql`delete from ledger_records where org_id = ${community} and kind = 'theme_day' and to_char(occurred_on, 'YYYY-MM') = ${month}`.execute(h.db);
}, 240_000);

/** The community's 开展主题党日的月份 as the facts SQL counts it now. */
async function themeDayMonths(): Promise<number> {
  const rs = (await testRuleSets()).forCategory('community')!;
  return Number((await computeFacts(h.db, year, [community], rs.ruleSet.facts)).get(community)!.themeDayMonths);
}
afterAll(() => h?.close());

/**
 * Clicks the visible element matching `selector` whose text is exactly `text` (DOM click: a popper may still be
 * scaling in). If none shows within 3 s, `reopen` opens its popper again (a click during a transition is lost).
 */
async function pick(page: import('puppeteer').Page, selector: string, text: string, reopen: () => Promise<unknown>) {
  for (let attempt = 0; ; attempt++) {
    const found = await page
      .waitForFunction((sel, t) => [...document.querySelectorAll(sel)].find((e) => (e as HTMLElement).offsetParent !== null && e.textContent?.trim() === t), { timeout: 3000 }, selector, text)
      .catch((e: unknown) => (attempt < 3 ? null : Promise.reject(e)));
    if (found) return (found as import('puppeteer').ElementHandle<HTMLElement>).evaluate((e) => e.click());
    await reopen();
  }
}

/** Ticks the checkbox of the table row that shows `title`. */
async function tick(page: import('puppeteer').Page, title: string) {
  await page.waitForFunction(() => ![...document.querySelectorAll('.el-loading-mask')].some((m) => (m as HTMLElement).offsetParent !== null), { timeout: 10_000 });
  const box = await page.waitForFunction((t) => [...document.querySelectorAll('.el-table__body .el-table__row')].find((r) => (r as HTMLElement).innerText.includes(t))?.querySelector('.el-checkbox'), { timeout: 10_000 }, title);
  // Into the middle of the screen: near the top it would sit under the page's fixed header.
  await (box as import('puppeteer').ElementHandle<HTMLElement>).evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await (box as import('puppeteer').ElementHandle<HTMLElement>).click();
  await page.waitForFunction((t) => [...document.querySelectorAll('.el-table__body .el-table__row')].find((r) => (r as HTMLElement).innerText.includes(t))?.querySelector('.el-checkbox.is-checked'), { timeout: 5000 }, title);
}

/** Fills the entry dialog as a secretary would and submits it (a screenshot names the step that failed). */
async function enter(page: import('puppeteer').Page, title: string, day: string) {
  let step = 'open';
  try {
    // The last record's dialog must have finished closing, or its fading overlay takes the click.
    await page.waitForFunction(() => ![...document.querySelectorAll('.el-overlay')].some((o) => (o as HTMLElement).offsetParent !== null || getComputedStyle(o).display !== 'none'), { timeout: 10_000 });
    await clickText(page, '填报台账');
    await page.waitForSelector('.el-dialog .entry', { visible: true });
    step = 'kind';
    await page.click('.el-dialog .el-select__wrapper');
    await pick(page, '.el-select-dropdown__item', '主题党日', () => page.click('.el-dialog .el-select__wrapper'));
    step = 'date';
    await page.click('.el-dialog .el-date-editor input');
    // This month's cell whose number is exactly `day` (a text match would also take 13 or 23).
    await pick(page, '.el-picker-panel td.available:not(.prev-month):not(.next-month)', String(Number(day)), () => page.click('.el-dialog .el-date-editor input'));
    step = 'title';
    if (title) await typeInto(page, '.el-dialog input[maxlength="200"]', title);
    step = 'participants';
    await page.locator('.el-dialog .el-input-number input').setTimeout(10_000).fill('21');
    step = 'submit';
    await page.click('.el-dialog button.submit');
  } catch (e) {
    await page.screenshot({ path: `.cache/screenshots/failed-ledger-${step}.png` }).catch(() => {});
    throw new Error(`填报台账 failed at ${step}: ${(e as Error).message}`);
  }
}

describe.skipIf(!onPostgres)('台账 in the browser', () => {
  it('a community enters records on a phone; the street verifies two at once and rejects one with a reason', async () => {
    const s = await newSession(h, 'phone');
    await signInAs(s, h, 'demo-community');
    await visit(s, h, '/ledger');
    await enter(s.page, '', '3');
    await waitForText(s.page, '请填写');
    expect(await textOf(s.page, '.el-dialog .el-form-item.is-error')).toContain('标题');
    await shot(s, 'ledger-entry');
    await typeInto(s.page, '.el-dialog input[maxlength="200"]', '浏览器填报：主题党日一');
    // A 4000 × 3000 phone photo: the page reduces it to 1600 px before it leaves the phone.
    const photo = join(mkdtempSync(join(tmpdir(), 'xp-photo-')), '签到表.jpg');
    writeFileSync(photo, await sharp({ create: { width: 4000, height: 3000, channels: 3, background: { r: 30, g: 90, b: 160 } } }).jpeg({ quality: 95 }).toBuffer());
    const input = (await s.page.$('.el-dialog input[type="file"]')) as import('puppeteer').ElementHandle<HTMLInputElement>;
    const started = Date.now();
    await input.uploadFile(photo);
    // The server's thumbnail replaces the local preview once the upload is stored.
    await s.page.waitForFunction(() => [...document.querySelectorAll('.el-dialog .tile img')].some((i) => (i as HTMLImageElement).src.includes('/api/files/') && (i as HTMLImageElement).naturalWidth > 0), { timeout: 30_000 });
    console.log(`photo 4000 × 3000 → uploaded and its thumbnail shown in ${Date.now() - started} ms`);
    await shot(s, 'ledger-entry-photo', { fullPage: false });
    // A participant picked from the community's own members.
    const member = (await sql<{ id: number; name: string }>`select id, name from members where org_id = ${community} order by id limit 1`.execute(h.db)).rows[0]!;
    await s.page.click('.el-dialog .members .el-select__wrapper');
    await pick(s.page, '.el-select-dropdown__item', member.name, () => s.page.click('.el-dialog .members .el-select__wrapper'));
    await waitForText(s.page, '已选 1 名党员');
    await s.page.click('.el-dialog .el-dialog__title');
    await s.page.click('.el-dialog button.submit');
    await waitForText(s.page, '已提交，等待上级审核');
    for (const [title, day] of [['浏览器填报：主题党日二', '4'], ['浏览器填报：主题党日三', '5']] as const) {
      await enter(s.page, title, day);
      await waitForText(s.page, title);
    }
    await shot(s, 'ledger');
    const stored = (await sql<{ width: number; height: number; mime: string; thumb: boolean; evidence: unknown }>`select f.width, f.height, f.mime, f.thumbnail is not null as thumb, r.evidence from files f join ledger_records r on r.evidence @> jsonb_build_array(jsonb_build_object('fileId', f.id)) where r.title = '浏览器填报：主题党日一'`.execute(h.db)).rows;
    // 4000 × 3000 scaled by 1600 / 4000 = 0.4: 1600 × 1200, stored with a thumbnail.
    expect(stored.map((f) => [f.width, f.height, f.mime, f.thumb])).toEqual([[1600, 1200, 'image/jpeg', true]]);
    expect(await s.page.$$eval('.card .thumbs img', (l) => l.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length)).toBe(1);
    const ids = (await sql<{ id: number; title: string }>`select id, title from ledger_records where title like '浏览器填报：%' order by title`.execute(h.db)).rows;
    expect(ids.map((r) => r.title)).toEqual(['浏览器填报：主题党日一', '浏览器填报：主题党日三', '浏览器填报：主题党日二']);
    expect((await sql<{ member_id: number }>`select member_id from ledger_participants where record_id = ${ids[0]!.id}`.execute(h.db)).rows).toEqual([{ member_id: member.id }]);
    // Waiting records do not count yet.
    const monthsBefore = await themeDayMonths();

    const street = await newSession(h, 'desk');
    await signInAs(street, h, 'demo-street');
    await visit(street, h, '/ledger/review');
    await waitForText(street.page, '浏览器填报：主题党日一');
    for (const t of ['浏览器填报：主题党日一', '浏览器填报：主题党日二']) {
      await tick(street.page, t);
    }
    await shot(street, 'ledger-review');
    await clickText(street.page, '审核通过（2）');
    await waitForText(street.page, '已审核通过 2 条');
    await tick(street.page, '浏览器填报：主题党日三');
    await clickText(street.page, '退回（1）');
    await street.page.waitForSelector('.el-message-box input', { visible: true });
    await street.page.type('.el-message-box input', '缺少签到表照片');
    await clickText(street.page, '退回', '.el-message-box button');
    await waitForText(street.page, '已退回 1 条');
    const after = (await sql<{ title: string; status: string; review_reason: string | null }>`select title, status, review_reason from ledger_records where title like '浏览器填报：%' order by title`.execute(h.db)).rows;
    expect(after.map((r) => [r.title, r.status, r.review_reason])).toEqual([
      ['浏览器填报：主题党日一', 'verified', null],
      ['浏览器填报：主题党日三', 'rejected', '缺少签到表照片'],
      ['浏览器填报：主题党日二', 'verified', null],
    ]);
    expect((await sql<{ n: number }>`select count(*)::int as n from audit_log where entity = 'ledger_record' and action in ('ledger.verify', 'ledger.reject') and entity_id = any(${ids.map((r) => String(r.id))}::text[])`.execute(h.db)).rows[0]!.n).toBe(3);
    await closeSession(street);

    // The verified records count: one more month with a 主题党日 (the 3rd and the 4th are in the same month).
    expect(await themeDayMonths()).toBe(monthsBefore + 1);
    // The record sent back waits in the secretary's 待办 with its reason, and 去处理 opens exactly those records.
    await visit(s, h, '/');
    await waitForText(s.page, '「浏览器填报：主题党日三」：缺少签到表照片');
    await shot(s, 'home-rejected', { fullPage: false });
    await s.page.$$eval('.todo', (ts) => (ts.find((t) => (t as HTMLElement).innerText.includes('被退回的台账'))!.querySelector('a.go') as HTMLElement).click());
    await waitForText(s.page, '退回原因：缺少签到表照片');
    expect(await s.page.evaluate(() => location.search)).toBe('?status=rejected');
    const statuses = await s.page.$$eval('.card[data-record] .el-tag', (l) => l.map((t) => (t as HTMLElement).innerText));
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['已退回']));
    await visit(s, h, '/ledger');
    await waitForText(s.page, '退回原因：缺少签到表照片');
    await shot(s, 'ledger');
    // The secretary corrects the record sent back and submits it again; then takes it back altogether.
    await clickText(s.page, '修改后重新提交');
    await s.page.waitForFunction(() => document.querySelector('.el-dialog .el-dialog__title')?.textContent === '修改台账记录', { timeout: 10_000 });
    await typeInto(s.page, '.el-dialog input[maxlength="200"]', '浏览器填报：主题党日三（补签到表）');
    await shot(s, 'ledger-edit', { fullPage: false });
    // A DOM click on the dialog's own button: a click by coordinates, as the dialog settles on the phone, can be lost.
    expect(await textOf(s.page, '.el-dialog button.submit')).toContain('重新提交审核');
    await clickSettled(s.page, '.el-dialog button.submit');
    await waitForText(s.page, '已修改，等待上级审核');
    const resubmitted = (await sql<{ status: string; review_reason: string | null }>`select status, review_reason from ledger_records where title = '浏览器填报：主题党日三（补签到表）'`.execute(h.db)).rows;
    expect(resubmitted).toEqual([{ status: 'submitted', review_reason: null }]);
    await s.page.waitForFunction(() => ![...document.querySelectorAll('.el-overlay, .el-loading-mask')].some((o) => getComputedStyle(o).display !== 'none' && (o as HTMLElement).offsetParent !== null), { timeout: 10_000 });
    const card = await s.page.waitForFunction(() => [...document.querySelectorAll('.card')].find((c) => (c as HTMLElement).innerText.includes('（补签到表）'))?.querySelector('.acts button:last-child'), { timeout: 10_000 });
    // A DOM click: after a full-page screenshot on the phone, a mouse click by coordinates can land beside the button.
    await (card as import('puppeteer').ElementHandle<HTMLElement>).evaluate((b) => b.click());
    await clickText(s.page, '撤回', '.el-message-box button');
    await waitForText(s.page, '已撤回');
    expect((await sql`select 1 from ledger_records where title like '浏览器填报：主题党日三%'`.execute(h.db)).rows).toEqual([]);
    await closeSession(s);
    // The other screen of each page: 台账 on a desktop, 台账审核 on a phone.
    const desk = await newSession(h, 'desk');
    await signInAs(desk, h, 'demo-community');
    await visit(desk, h, '/ledger');
    await waitForText(desk.page, '浏览器填报：主题党日一');
    await shot(desk, 'ledger');
    await closeSession(desk);
    const phone = await newSession(h, 'phone');
    await signInAs(phone, h, 'demo-street');
    await visit(phone, h, '/ledger/review');
    await waitForText(phone.page, '待审核');
    await shot(phone, 'ledger-review', { fullPage: false });
    await closeSession(phone);
    // Re-scoring in 评议中 counts them: the stored revision's 主题党日 line used the month, and 台账 says the year takes no more records.
    await sql`update cycles set state = 'reviewing' where year = ${year}`.execute(h.db);
    await sql`update rating_campaigns set state = 'closed' where cycle_year = ${year}`.execute(h.db);
    await sql`update review_sessions set state = 'closed', closed_at = now() where cycle_year = ${year}`.execute(h.db);
    const scored = await scoreCycle({ ctx: cliCtx(h.db), year, ruleSets: await testRuleSets() });
    const rescored = await sql<{ months: number }>`select jsonb_path_query_first(result::jsonb, '$.parts[*].indicators[*].lines[*].facts.themeDayMonths')::int as months from scores where revision_id = ${scored.revisionId} and org_id = ${community}`.execute(h.db);
    expect(rescored.rows[0]!.months).toBe(monthsBefore + 1);
    const closed = await newSession(h, 'phone');
    await signInAs(closed, h, 'demo-community');
    await visit(closed, h, '/ledger');
    await waitForText(closed.page, `现在不能填报 ${year} 年度台账`);
    expect(await textOf(closed.page, '.toolbar')).not.toContain('填报台账');
    await shot(closed, 'ledger-closed', { fullPage: false });
    await closeSession(closed);
    expect(year).toBeGreaterThan(2000);
  }, 300_000);
});
