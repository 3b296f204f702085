import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { ElementHandle, Page } from 'puppeteer';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOrg, clickText, closeSession, newSession, onPostgres, shot, signInAs, startHarness, textOf, typeInto, visit, waitForText, type Harness, type Session } from './support/harness';

/**
 * 申诉 in the browser on the demo district: the community secretary on a phone is told why a year takes no appeal,
 * files one for the published year with a photo (a short reason is marked on its field), the street admin on a
 * desktop opens the photo and rejects it with a reason the secretary then reads; a second appeal is accepted by the
 * district admin, who is shown the next step; the leader reads the list without actions.
 */
let h: Harness;
let published: number;
let finalized: number;
let collecting: number;
let deadline: string;
let community: { id: number; name: string };

const FIRST = '浏览器申诉：第三季度主题党日已开展并上传签到表，系统记为缺失';
const SECOND = '浏览器申诉：志愿服务时长漏计 12 小时，附活动记录';

beforeAll(async () => {
  if (!onPostgres) return;
  h = await startHarness();
  const years = async (state: string) => (await sql<{ year: number }>`select year from cycles where state = ${state} order by year desc`.execute(h.db)).rows[0]!.year;
  [published, finalized, collecting] = [await years('published'), await years('finalized'), await years('collecting')];
  // The demo opens a 15-day window on the day the template is seeded; keep it open whatever today is.
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
  await sql`update cycles set appeal_deadline = greatest(appeal_deadline, ${today}::date + 10) where year = ${published}`.execute(h.db);
  deadline = (await sql<{ d: string }>`select to_char(appeal_deadline, 'YYYY-MM-DD') as d from cycles where year = ${published}`.execute(h.db)).rows[0]!.d;
  community = (await sql<{ id: number; name: string }>`select o.id, o.name from organizations o join users u on u.org_id = o.id where u.login = 'demo-community'`.execute(h.db)).rows[0]!;
}, 240_000);
afterAll(() => h?.close());

/** Picks the year in the header's year picker as a user would. */
async function pickYear(s: Session, year: number) {
  await s.page.locator('.year-picker').click();
  await s.page.locator(`.el-select-dropdown__item ::-p-text(${year} 年度)`).setTimeout(10_000).click();
  await s.page.waitForNetworkIdle({ idleTime: 200, timeout: 15_000 }).catch(() => {});
}

/** No dialog, overlay or loading mask left on the screen (a fading one takes the next click). */
async function calm(page: Page) {
  await page.waitForFunction(() => ![...document.querySelectorAll('.el-overlay, .el-loading-mask')].some((o) => getComputedStyle(o).display !== 'none' && (o as HTMLElement).offsetParent !== null), { timeout: 15_000 });
}

/** The desktop table shows every column without scrolling sideways (no column hidden under the fixed 操作). */
async function tableFits(page: Page) {
  const { scroll, client } = await page.$eval('.el-table__body-wrapper .el-scrollbar__wrap', (w) => ({ scroll: w.scrollWidth, client: w.clientWidth }));
  expect(scroll, 'the appeals table fits its card').toBeLessThanOrEqual(client);
}

/** The text of the appeal window notice at the top of the form. */
const notice = (page: Page) => textOf(page, '.appeal-form .window');

/** A 4000 × 3000 phone photo of a sign-in sheet, made for the upload. */
async function photoFile(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'xp-appeal-')), '签到表.jpg');
  writeFileSync(path, await sharp({ create: { width: 4000, height: 3000, channels: 3, background: { r: 160, g: 60, b: 40 } } }).jpeg({ quality: 90 }).toBuffer());
  return path;
}

/** Submits the appeal form with what is typed (a DOM click: on a phone a coordinate click can miss after scrolling). */
async function submitForm(page: Page) {
  await calm(page);
  await page.$eval('.appeal-form button.submit', (b) => (b as HTMLElement).click());
  await page.waitForNetworkIdle({ idleTime: 200, timeout: 15_000 }).catch(() => {});
}

/** Opens the decide dialog of the open appeal whose reason is `reason`, on a desktop table. */
async function openDecide(page: Page, reason: string) {
  await calm(page);
  const button = await page.waitForFunction((r) => [...document.querySelectorAll('.el-table__body .el-table__row')].find((row) => (row as HTMLElement).innerText.includes(r))?.querySelector('button.act'), { timeout: 15_000 }, reason);
  await (button as ElementHandle<HTMLElement>).evaluate((b) => b.click());
  await page.waitForSelector('.el-dialog textarea', { visible: true, timeout: 15_000 });
}

/** Chooses 采纳 or 驳回, types the reason and confirms in the decide dialog. */
async function decide(page: Page, choice: '采纳' | '驳回', reason: string) {
  await page.locator(`.el-dialog .el-radio-button ::-p-text(${choice})`).setTimeout(10_000).click();
  if (reason) await typeInto(page, '.el-dialog textarea', reason);
  await clickText(page, '确认处理', '.el-dialog button');
}

describe.skipIf(!onPostgres)('申诉 in the browser', () => {
  it('the community is told when it cannot appeal, and files an appeal with a photo on a phone', async () => {
    const s = await newSession(h, 'phone');
    await signInAs(s, h, 'demo-community');
    await visit(s, h, '/appeals');
    await waitForText(s.page, '提出申诉');
    await pickYear(s, collecting);
    expect(await notice(s.page)).toContain(`${collecting} 年度考核周期处于「台账填报中」状态`);
    expect(await s.page.$('.appeal-form form')).toBeNull();
    await shot(s, 'appeals-collecting');
    await pickYear(s, finalized);
    await waitForText(s.page, `${finalized} 年度考核结果已定档`);
    expect(await notice(s.page)).toContain('不能再提出申诉');
    expect(await s.page.$('.appeal-form form')).toBeNull();
    await shot(s, 'appeals-finalized');

    await pickYear(s, published);
    const [, m, d] = deadline.split('-').map(Number);
    await waitForText(s.page, `${published} 年度考核结果公示中，申诉期至`);
    expect(await notice(s.page)).toContain(`${m} 月 ${d} 日`);
    expect(await textOf(s.page, '.appeal-form .org')).toBe(community.name);
    // Too short a reason: the server's message, on the reason field.
    await typeInto(s.page, '.appeal-form textarea', '有误');
    await submitForm(s.page);
    await s.page.waitForSelector('.appeal-form .el-form-item.is-error', { visible: true, timeout: 15_000 });
    expect(await textOf(s.page, '.appeal-form .el-form-item.is-error')).toContain('申诉理由至少 4 个字');
    expect(await textOf(s.page, '.appeal-form .el-form-item.is-error .el-form-item__label')).toBe('申诉理由');
    await shot(s, 'appeals-form-error');

    await typeInto(s.page, '.appeal-form textarea', FIRST);
    const input = (await s.page.$('.appeal-form input[type="file"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(await photoFile());
    await s.page.waitForFunction(() => [...document.querySelectorAll('.appeal-form .tile img')].some((i) => (i as HTMLImageElement).src.includes('/api/files/') && (i as HTMLImageElement).naturalWidth > 0), { timeout: 30_000 });
    await shot(s, 'appeals-form-photo');
    await submitForm(s.page);
    await waitForText(s.page, '申诉已提交，等待上级处理');
    await waitForText(s.page, FIRST);
    expect(await textOf(s.page, '.appeal-form .pending')).toContain('已有一件待处理的申诉');
    const card = await textOf(s.page, '.card');
    expect(card).toContain('待处理');
    expect(await s.page.$$eval('.card .thumbs img', (l) => l.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length)).toBe(1);
    await shot(s, 'appeals-filed');
    const rows = (await sql<{ org_id: number; status: string; evidence: { fileId: number; mime: string }[]; purpose: string }>`
      select a.org_id, a.status, a.evidence, f.purpose from appeals a join files f on f.id = (a.evidence->0->>'fileId')::int where a.reason = ${FIRST}`.execute(h.db)).rows;
    expect(rows.map((r) => [r.org_id, r.status, r.evidence.length, r.evidence[0]!.mime, r.purpose])).toEqual([[community.id, 'open', 1, 'image/jpeg', 'appeal_evidence']]);
    await closeSession(s);
  }, 180_000);

  it('the street opens the photo and rejects the appeal with a reason the community reads', async () => {
    const street = await newSession(h, 'desk');
    await signInAs(street, h, 'demo-street');
    await visit(street, h, '/appeals');
    await pickYear(street, published);
    await waitForText(street.page, FIRST);
    expect(await textOf(street.page, '.sub')).toContain('待处理 1 件');
    expect(await street.page.$('.appeal-form')).toBeNull();
    await street.page.waitForFunction(() => [...document.querySelectorAll('.el-table .thumbs img')].some((i) => (i as HTMLImageElement).src.endsWith('/thumbnail') && (i as HTMLImageElement).naturalWidth > 0), { timeout: 15_000 });
    await tableFits(street.page);
    await shot(street, 'appeals-inbox');
    // The thumbnail opens the stored photo itself, 1600 px wide after the phone reduced it.
    await street.page.$eval('.el-table .thumbs .thumb', (e) => (e.querySelector('img') as HTMLElement).click());
    const big = await street.page.waitForFunction(() => [...document.querySelectorAll('.el-image-viewer__img')].find((i) => /\/api\/files\/\d+$/.test((i as HTMLImageElement).src) && (i as HTMLImageElement).naturalWidth > 0), { timeout: 15_000 });
    expect(await (big as ElementHandle<HTMLImageElement>).evaluate((i) => i.naturalWidth)).toBe(1600);
    await shot(street, 'appeals-evidence', { fullPage: false });
    await street.page.$eval('.el-image-viewer__close', (e) => (e as HTMLElement).click());
    await street.page.waitForFunction(() => !document.querySelector('.el-image-viewer__wrapper'), { timeout: 10_000 });

    await openDecide(street.page, FIRST);
    await decide(street.page, '驳回', '');
    await street.page.waitForSelector('.el-dialog .el-form-item.is-error', { visible: true, timeout: 15_000 });
    expect(await textOf(street.page, '.el-dialog .el-form-item.is-error')).toContain('处理理由至少 2 个字');
    await shot(street, 'appeals-decide-error', { fullPage: false });
    await typeInto(street.page, '.el-dialog textarea', '经核对，第三季度签到表日期不在考核年度内，维持原结果');
    await clickText(street.page, '确认处理', '.el-dialog button');
    await waitForText(street.page, '已驳回该申诉');
    await calm(street.page);
    expect(await textOf(street.page, '.sub')).toContain('待处理 0 件');
    expect(await street.page.$('.el-table button.act')).toBeNull();
    await shot(street, 'appeals-inbox-decided');
    const stored = (await sql<{ status: string; decision_reason: string }>`select status, decision_reason from appeals where reason = ${FIRST}`.execute(h.db)).rows;
    expect(stored).toEqual([{ status: 'rejected', decision_reason: '经核对，第三季度签到表日期不在考核年度内，维持原结果' }]);
    const audit = (await sql<{ action: string }>`select action from audit_log where entity = 'appeal' order by id`.execute(h.db)).rows.map((r) => r.action);
    expect(audit).toEqual(['appeal.file', 'appeal.reject']);
    await closeSession(street);

    const s = await newSession(h, 'phone');
    await signInAs(s, h, 'demo-community');
    await visit(s, h, '/appeals');
    await pickYear(s, published);
    await waitForText(s.page, '处理理由：经核对，第三季度签到表日期不在考核年度内，维持原结果');
    expect(await textOf(s.page, '.card .head')).toContain('已驳回');
    // Decided: the organization may appeal again within the window.
    expect(await s.page.$('.appeal-form form')).not.toBeNull();
    await shot(s, 'appeals-rejected');
    await typeInto(s.page, '.appeal-form textarea', SECOND);
    await submitForm(s.page);
    await waitForText(s.page, '申诉已提交，等待上级处理');
    await closeSession(s);
  }, 180_000);

  it('the district admin accepts an appeal and is shown the next step; the community reads it on a desktop', async () => {
    const admin = await newSession(h, 'desk');
    await signInAs(admin, h, 'demo-admin');
    await visit(admin, h, '/appeals');
    await pickYear(admin, published);
    await waitForText(admin.page, SECOND);
    // Open ones first.
    expect((await textOf(admin.page, '.el-table__body .el-table__row:first-child')).includes(SECOND)).toBe(true);
    await openDecide(admin.page, SECOND);
    await shot(admin, 'appeals-decide', { fullPage: false });
    await decide(admin.page, '采纳', '经核对活动记录，志愿服务时长确有漏计');
    await waitForText(admin.page, '已采纳该申诉');
    await calm(admin.page);
    expect(await textOf(admin.page, '.next')).toContain('请更正有关数据后重新计分');
    await tableFits(admin.page);
    await shot(admin, 'appeals-accepted');
    expect((await sql<{ status: string }>`select status from appeals where reason = ${SECOND}`.execute(h.db)).rows).toEqual([{ status: 'accepted' }]);
    // With an organization below chosen in the header, the admin may file for it (the same form, folded away).
    expect(await admin.page.$('.for-below')).toBeNull();
    await chooseOrg(admin.page, community.name);
    await admin.page.locator('.for-below .el-collapse-item__header').setTimeout(15_000).click();
    await admin.page.waitForSelector('.for-below .appeal-form form', { visible: true, timeout: 15_000 });
    expect(await textOf(admin.page, '.for-below .appeal-form .org')).toBe(community.name);
    expect(await textOf(admin.page, '.for-below .el-collapse-item__header')).toBe(`代「${community.name}」提出申诉`);
    await shot(admin, 'appeals-admin-file');
    await closeSession(admin);

    const desk = await newSession(h, 'desk');
    await signInAs(desk, h, 'demo-community');
    await visit(desk, h, '/appeals');
    await pickYear(desk, published);
    await waitForText(desk.page, '经核对活动记录，志愿服务时长确有漏计');
    expect(await textOf(desk.page, '.el-table')).toContain('已采纳');
    expect(await desk.page.$('.el-table button.act')).toBeNull();
    await shot(desk, 'appeals-filed');
    await pickYear(desk, finalized);
    await waitForText(desk.page, `${finalized} 年度考核结果已定档`);
    await shot(desk, 'appeals-finalized');
    await closeSession(desk);
  }, 180_000);

  it('the leader reads the appeals without actions; the street decides on a phone too', async () => {
    const leader = await newSession(h, 'desk');
    await signInAs(leader, h, 'demo-leader');
    await visit(leader, h, '/appeals');
    await pickYear(leader, published);
    await waitForText(leader.page, SECOND);
    expect(await leader.page.$('.appeal-form')).toBeNull();
    expect(await leader.page.$('.el-table button.act')).toBeNull();
    expect(await textOf(leader.page, 'h2')).toContain('申诉记录');
    await shot(leader, 'appeals-leader');
    await closeSession(leader);

    // A third appeal, filed through the API as the community, for the street to decide on a phone.
    const s = await newSession(h, 'phone');
    await signInAs(s, h, 'demo-community');
    const filed = await s.page.evaluate(
      async (p) => {
        const me = await (await fetch('/api/auth/me')).json();
        const r = await fetch(`/api/cycles/${p.year}/appeals`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: JSON.stringify({ orgId: p.orgId, reason: '浏览器申诉：手机上处理的一件', evidence: [{ name: '会议记录.jpg', ref: 'files/会议记录.jpg' }] }) });
        return r.status;
      },
      { year: published, orgId: community.id },
    );
    expect(filed).toBe(201);
    await closeSession(s);
    const phone = await newSession(h, 'phone');
    await signInAs(phone, h, 'demo-street');
    await visit(phone, h, '/appeals');
    await pickYear(phone, published);
    await waitForText(phone.page, '浏览器申诉：手机上处理的一件');
    await shot(phone, 'appeals-inbox');
    await calm(phone.page);
    await clickText(phone.page, '处理申诉', '.card button');
    await phone.page.waitForSelector('.el-dialog textarea', { visible: true, timeout: 15_000 });
    await shot(phone, 'appeals-decide', { fullPage: false });
    await decide(phone.page, '驳回', '会议记录未写明日期，请补充后再申诉');
    await waitForText(phone.page, '已驳回该申诉');
    await calm(phone.page);
    await shot(phone, 'appeals-inbox-decided');
    await closeSession(phone);
  }, 180_000);
});
