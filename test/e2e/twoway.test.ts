import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { ElementHandle, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertNoOverflow, clickText, closeSession, newSession, nextDownload, onPostgres, shot, signInAs, startHarness, textOf, typeInto, visit, waitForText, type Harness, type Session } from './support/harness';

/**
 * 双向评价 in the browser on the demo district. The year collecting its ledger is moved to 年度评议中; the community
 * secretary fills its side of the agreement with the demo unit on a phone (an item left empty is marked on its
 * field), the unit's secretary reads it on a desktop and fills its own side, the community reads the unit's side
 * and revises its own; once the year moves on, a write is refused and the page says why, and a finalized year
 * reads only. The street reads both totals and what is missing, and downloads the feedback letter (反馈函) from the
 * list and from the agreement. Every total shown is the server's.
 */
let h: Harness;
let year: number;
let finalized: number;
let agreementId: number;
let community: { id: number; name: string };
let unit: { id: number; name: string };

const orgOf = async (login: string) => (await sql<{ id: number; name: string }>`select o.id, o.name from organizations o join users u on u.org_id = o.id where u.login = ${login}`.execute(h.db)).rows[0]!;
const setState = (state: string) => sql`update cycles set state = ${state} where year = ${year}`.execute(h.db);

beforeAll(async () => {
  if (!onPostgres) return;
  h = await startHarness();
  year = (await sql<{ year: number }>`select year from cycles where state = 'collecting' order by year desc limit 1`.execute(h.db)).rows[0]!.year;
  finalized = (await sql<{ year: number }>`select year from cycles where state = 'finalized' order by year desc limit 1`.execute(h.db)).rows[0]!.year;
  await setState('reviewing');
  community = await orgOf('demo-community');
  unit = await orgOf('demo-unit');
  agreementId = (await sql<{ id: number }>`select id from agreements where community_id = ${community.id} and unit_id = ${unit.id} and year = ${year}`.execute(h.db)).rows[0]!.id;
}, 240_000);
afterAll(() => h?.close());

type View = {
  evaluations: { direction: string; total: string; items: Record<string, number>; comment: string | null }[];
  missing: string[];
  catalog: Record<string, { key: string; now: { points: number; text: string } | null }[]>;
};
/** A total as the server writes it, from item points (hundredths, so no float is summed). */
const sumOf = (...points: number[]) => (points.reduce((s, p) => s + Math.round(p * 100), 0) / 100).toFixed(2);
/** 资源项目落实 of the demo pair, as the server computes it from the lists (read before the community submits). */
let resources = 0;
let revised = '';

/** The agreement's two-way evaluation as the API answers the signed-in browser (the same cookie the page uses). */
async function apiView(s: Session): Promise<View> {
  return s.page.evaluate(async (id) => (await fetch(`/api/agreements/${id}/twoway`)).json(), agreementId) as Promise<View>;
}
const totalOf = (v: View, direction: string) => v.evaluations.find((e) => e.direction === direction)?.total;

/** No dialog fading out and no table still loading: the next click lands where it is meant to. */
async function quiet(page: Page) {
  await page.waitForFunction(() => ![...document.querySelectorAll('.el-overlay, .el-loading-mask')].some((o) => getComputedStyle(o).display !== 'none' && (o as HTMLElement).offsetParent !== null), { timeout: 15_000 });
}

/** Opens an agreement from the list: its card on a phone, its row's action on a desktop (a DOM click, see ledger.test.ts). */
async function openAgreement(page: Page, name: string) {
  await quiet(page);
  const target = await page.waitForFunction(
    (n) => {
      const card = [...document.querySelectorAll('.card')].find((c) => (c as HTMLElement).innerText.includes(n));
      if (card) return card;
      return [...document.querySelectorAll('.el-table__body .el-table__row')].find((r) => (r as HTMLElement).innerText.includes(n))?.querySelector('button');
    },
    { timeout: 15_000 },
    name,
  );
  await (target as ElementHandle<HTMLElement>).evaluate((e) => e.click());
  await page.waitForSelector('.sheet', { visible: true, timeout: 15_000 });
  await quiet(page);
}

/** The text of the one card or table row that names an organization. */
async function lineText(page: Page, name: string): Promise<string> {
  await quiet(page);
  return page.$$eval('.card, .el-table__body .el-table__row', (els, n) => els.map((e) => (e as HTMLElement).innerText).find((t) => t.includes(n)) ?? '', name);
}

/** Types one score per item into this side's sheet. */
async function fill(page: Page, direction: string, scores: Record<string, string>) {
  for (const [key, value] of Object.entries(scores)) await typeInto(page, `[data-direction="${direction}"] [data-item="${key}"] input`, value);
}

/** Clicks the visible item whose text is exactly `text` in an open select (a DOM click; a popper may still be scaling in). */
async function pickYear(page: Page, label: string) {
  for (let attempt = 0; ; attempt++) {
    await page.click('.year-picker .el-select__wrapper');
    const found = await page
      .waitForFunction((t) => [...document.querySelectorAll('.el-select-dropdown__item')].find((e) => (e as HTMLElement).offsetParent !== null && e.textContent?.trim() === t), { timeout: 3000 }, label)
      .catch((e: unknown) => (attempt < 3 ? null : Promise.reject(e)));
    if (found) return (found as ElementHandle<HTMLElement>).evaluate((e) => e.click());
  }
}

/** A downloaded file that must be a PDF: its text as pdftotext reads it, spaces and line breaks taken out. */
function pdfText(file: { name: string; bytes: Uint8Array }): string {
  expect(file.name).toMatch(/\.pdf$/);
  expect(Buffer.from(file.bytes.subarray(0, 4)).toString()).toBe('%PDF');
  const path = join(mkdtempSync(join(tmpdir(), 'xp-letter-')), 'letter.pdf');
  writeFileSync(path, file.bytes);
  return execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

/** Clicks (a DOM click) the feedback-letter button of the table row that names an organization. */
async function letterOfRow(page: Page, name: string) {
  await quiet(page);
  const button = await page.waitForFunction(
    (n) => [...document.querySelectorAll('.el-table__body .el-table__row')].find((r) => (r as HTMLElement).innerText.includes(n))?.querySelector('button.letter'),
    { timeout: 15_000 },
    name,
  );
  await (button as ElementHandle<HTMLElement>).evaluate((e) => e.click());
}

describe.skipIf(!onPostgres)('双向评价 in the browser', () => {
  it('the community and the unit each fill their side, read the other, and a closed year is explained', async () => {
    // The community secretary, on a phone, through the menu.
    const c = await newSession(h, 'phone');
    await signInAs(c, h, 'demo-community');
    await c.page.click('button[aria-label="打开菜单"]');
    await c.page.waitForSelector('.side-menu', { visible: true });
    await clickText(c.page, '双向评价', '.side-menu .el-menu-item');
    await waitForText(c.page, unit.name);
    expect(await textOf(c.page, '.el-alert')).toContain('年度评议中');
    expect(await lineText(c.page, unit.name)).toMatch(/本方评价\s*未填写[\s\S]*对方评价\s*未填写/);
    await shot(c, 'twoway-list');
    await openAgreement(c.page, unit.name);
    await shot(c, 'twoway-form');
    // 资源项目落实 is the server's, from the lists: read-only, with today's arithmetic; nobody types it.
    resources = (await apiView(c)).catalog.community_rates_unit!.find((i) => i.key === 'resources')!.now!.points;
    const computedText = await textOf(c.page, '[data-direction="community_rates_unit"] [data-computed="resources"]');
    expect(computedText).toContain('系统计算');
    expect(computedText).toContain(`${resources} / 20 分`);
    expect(await c.page.$$('[data-direction="community_rates_unit"] [data-item="resources"] input')).toHaveLength(0);
    // One item left empty: the server names it, and the page marks it on that field.
    await fill(c.page, 'community_rates_unit', { attendance: '28', activities: '22.5' });
    await typeInto(c.page, '[data-direction="community_rates_unit"] textarea', '联席会议按时出席，季度活动开展扎实');
    await clickText(c.page, '提交评价');
    await waitForText(c.page, '请给「在职党员报到及服务时长」打分');
    expect(await textOf(c.page, '.el-form-item.is-error')).toContain('在职党员报到及服务时长');
    await shot(c, 'twoway-form-error');
    await fill(c.page, 'community_rates_unit', { members: '20' });
    await clickText(c.page, '提交评价');
    // Worked by the server: 28 + 22.5 + 20 + the computed 资源项目落实.
    const first = sumOf(28, 22.5, 20, resources);
    await waitForText(c.page, `系统计算总分 ${first} 分`);
    expect(totalOf(await apiView(c), 'community_rates_unit')).toBe(first);
    expect(await textOf(c.page, '[data-direction="community_rates_unit"] .total')).toContain(first);
    expect(await textOf(c.page, '[data-direction="unit_rates_community"]')).toContain('对方尚未填写');
    await shot(c, 'twoway-submitted');

    // The unit's secretary, on a desktop: reads the community's side, fills its own.
    const u = await newSession(h, 'desk');
    await signInAs(u, h, 'demo-unit');
    await visit(u, h, '/twoway');
    await waitForText(u.page, community.name);
    expect(await lineText(u.page, community.name)).toMatch(new RegExp(`未填写[\\s\\S]*已填写 · ${first.replace('.', '\\.')} 分`));
    await shot(u, 'twoway-list');
    await openAgreement(u.page, community.name);
    const theirs = await textOf(u.page, '[data-direction="community_rates_unit"]');
    for (const t of ['对方评价', '28', '22.5', '20', String(resources), first, '联席会议按时出席，季度活动开展扎实']) expect(theirs).toContain(t);
    await shot(u, 'twoway-form');
    await fill(u.page, 'unit_rates_community', { coordination: '33', service: '31.5', response: '27.25' });
    await clickText(u.page, '提交评价');
    // Worked by the server: 33 + 31.5 + 27.25 = 91.75.
    await waitForText(u.page, '系统计算总分 91.75 分');
    expect(totalOf(await apiView(u), 'unit_rates_community')).toBe('91.75');
    await shot(u, 'twoway-submitted');
    await closeSession(u);

    // The community reads the unit's side and revises its own while the year is still in review.
    await c.page.reload({ waitUntil: 'networkidle0' });
    await waitForText(c.page, '91.75');
    expect(await textOf(c.page, '[data-direction="unit_rates_community"]')).toMatch(/对方评价[\s\S]*33[\s\S]*31\.5[\s\S]*27\.25[\s\S]*91\.75/);
    await fill(c.page, 'community_rates_unit', { attendance: '25' });
    await clickText(c.page, '修改并重新提交');
    // Worked by the server: 25 + 22.5 + 20 + the computed item.
    revised = sumOf(25, 22.5, 20, resources);
    await waitForText(c.page, `系统计算总分 ${revised} 分`);
    expect(totalOf(await apiView(c), 'community_rates_unit')).toBe(revised);
    await shot(c, 'twoway-both');

    // The year is scored meanwhile (已计分): the page still open sends a change, the server refuses it, the page says why.
    await setState('computed');
    await fill(c.page, 'community_rates_unit', { activities: '20' });
    await clickText(c.page, '修改并重新提交');
    await c.page.waitForSelector('.refused', { visible: true, timeout: 15_000 });
    const refusal = await textOf(c.page, '.refused');
    expect(refusal).toContain(`${year} 年度考核周期处于「已计分」状态`);
    expect(refusal).toContain('年度评议中');
    expect(await c.page.$$('[data-direction="community_rates_unit"] input, button.submit')).toHaveLength(0);
    expect(totalOf(await apiView(c), 'community_rates_unit')).toBe(revised);
    // The header's year picker follows the server's state of the year.
    await c.page.waitForFunction((y) => document.querySelector('.year-picker')?.textContent?.includes(`${y} 年度 · 已计分`), { timeout: 15_000 }, year);
    await shot(c, 'twoway-refused');

    // A finalized year: its state is named and both sides read only.
    await clickText(c.page, '返回协议列表');
    await pickYear(c.page, `${finalized} 年度 · 已定档`);
    await waitForText(c.page, `${finalized} 年度考核周期处于「已定档」状态`);
    await quiet(c.page);
    await shot(c, 'twoway-finalized');
    await (await c.page.waitForSelector('.card', { visible: true }))!.evaluate((e) => (e as HTMLElement).click());
    await c.page.waitForSelector('.sheet', { visible: true, timeout: 15_000 });
    expect(await textOf(c.page, '.el-alert')).toContain('现在只能查看');
    expect(await c.page.$$('.sheet input, .sheet textarea, button.submit')).toHaveLength(0);
    await shot(c, 'twoway-finalized-open');
    await closeSession(c);
  }, 240_000);

  it('the same states on the other screen: the community on a desktop, the unit on a phone', async () => {
    await setState('reviewing');
    const c = await newSession(h, 'desk');
    await signInAs(c, h, 'demo-community');
    await visit(c, h, '/twoway');
    await waitForText(c.page, `已填写 · ${revised} 分`);
    await shot(c, 'twoway-list');
    await openAgreement(c.page, unit.name);
    await shot(c, 'twoway-both');
    // An item emptied: the server names it on its field and keeps what was submitted.
    // Cleared by keys, as a person would (a value set by script leaves the input without its change event).
    await c.page.focus('[data-direction="community_rates_unit"] [data-item="members"] input');
    await c.page.keyboard.down('Control');
    await c.page.keyboard.press('KeyA');
    await c.page.keyboard.up('Control');
    await c.page.keyboard.press('Backspace');
    await clickText(c.page, '修改并重新提交');
    await waitForText(c.page, '请给「在职党员报到及服务时长」打分');
    expect(await textOf(c.page, '.el-form-item.is-error')).toContain('在职党员报到及服务时长');
    await shot(c, 'twoway-form-error');
    await setState('computed');
    await fill(c.page, 'community_rates_unit', { members: '25' });
    await clickText(c.page, '修改并重新提交');
    await c.page.waitForSelector('.refused', { visible: true, timeout: 15_000 });
    expect(await textOf(c.page, '.refused')).toContain('「已计分」');
    expect(totalOf(await apiView(c), 'community_rates_unit')).toBe(revised);
    await shot(c, 'twoway-refused');
    await clickText(c.page, '返回协议列表');
    await pickYear(c.page, `${finalized} 年度 · 已定档`);
    await waitForText(c.page, `${finalized} 年度考核周期处于「已定档」状态`);
    await quiet(c.page);
    await shot(c, 'twoway-finalized');
    await (await c.page.waitForSelector('.el-table__body .el-table__row button', { visible: true }))!.evaluate((e) => (e as HTMLElement).click());
    await c.page.waitForSelector('.sheet', { visible: true, timeout: 15_000 });
    expect(await c.page.$$('.sheet input, .sheet textarea, button.submit')).toHaveLength(0);
    await shot(c, 'twoway-finalized-open');
    await closeSession(c);

    // The unit on a phone, after the year was scored: its list and the agreement, read only.
    const u = await newSession(h, 'phone');
    await signInAs(u, h, 'demo-unit');
    await visit(u, h, '/twoway');
    await waitForText(u.page, community.name);
    expect(await lineText(u.page, community.name)).toMatch(new RegExp(`本方评价\\s*已填写 · 91\\.75 分[\\s\\S]*对方评价\\s*已填写 · ${revised.replace('.', '\\.')} 分`));
    await shot(u, 'twoway-unit-list');
    await openAgreement(u.page, community.name);
    expect(await textOf(u.page, '.el-alert')).toContain('「已计分」');
    expect(await u.page.$$('.sheet input, .sheet textarea, button.submit')).toHaveLength(0);
    await shot(u, 'twoway-unit-open');
    await closeSession(u);
  }, 240_000);

  it('the street reads both totals and what is missing and downloads the feedback letter, on a desktop and on a phone', async () => {
    for (const viewport of ['desk', 'phone'] as const) {
      const s = await newSession(h, viewport);
      await signInAs(s, h, 'demo-street');
      await visit(s, h, '/twoway');
      await waitForText(s.page, unit.name);
      expect(await textOf(s.page, '.el-alert')).toContain('这里只能查看');
      const line = await lineText(s.page, unit.name);
      expect(line).toMatch(new RegExp(`已填写 · ${revised.replace('.', '\\.')} 分[\\s\\S]*已填写 · 91\\.75 分`));
      expect(line).toContain('双方均已填写');
      await shot(s, 'twoway-street');
      // The feedback letter, printed by the server: from the list's row on a desktop, from the agreement on a phone.
      if (viewport === 'desk') {
        const letter = pdfText(await nextDownload(s, () => letterOfRow(s.page, unit.name)));
        for (const t of ['共驻共建双向评价反馈函', unit.name, community.name, revised, '91.75']) expect(letter).toContain(t);
      }
      await openAgreement(s.page, unit.name);
      if (viewport === 'phone') {
        const letter = pdfText(await nextDownload(s, () => clickText(s.page, '反馈函（PDF）')));
        for (const t of ['共驻共建双向评价反馈函', unit.name, community.name, revised, '91.75']) expect(letter).toContain(t);
      }
      expect(await s.page.$$('.sheet input, .sheet textarea, button.submit')).toHaveLength(0);
      const both = await textOf(s.page, '.sheet');
      for (const t of [revised, '91.75', '系统计算']) expect(both).toContain(t);
      await assertNoOverflow(s.page, 'street detail');
      await shot(s, 'twoway-street-open');
      await closeSession(s);
    }
  }, 180_000);
});
