import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSession, newSession, nextDownload, onPostgres, shot, signInAs, startHarness, textOf, visit, waitForText, type Harness, type Session } from './support/harness';

/**
 * 我的考核 in the browser on the demo district: the community secretary on a phone reads the published year's
 * scorecard (the same numbers and lines as the scorecard API, no ranks since the rule set keeps them for leaders),
 * opens an indicator's explanation, sees the history and downloads the PDF; the current year says results are not
 * published yet; a leader on a desktop sees the ranks.
 */
let h: Harness;
let published: number;
let collecting: number;
let community: { id: number; name: string };

beforeAll(async () => {
  if (!onPostgres) return;
  h = await startHarness();
  published = (await sql<{ year: number }>`select year from cycles where state = 'published'`.execute(h.db)).rows[0]!.year;
  collecting = (await sql<{ year: number }>`select year from cycles where state = 'collecting'`.execute(h.db)).rows[0]!.year;
  community = (await sql<{ id: number; name: string }>`select o.id, o.name from organizations o join users u on u.org_id = o.id where u.login = 'demo-community'`.execute(h.db)).rows[0]!;
}, 240_000);
afterAll(() => h?.close());

/** Picks the year in the header's year picker as a user would. */
async function pickYear(s: Session, year: number) {
  await s.page.locator('.year-picker').click();
  await s.page.locator(`.el-select-dropdown__item ::-p-text(${year} 年度)`).click();
  await s.page.waitForNetworkIdle({ idleTime: 200 });
}

/** The scorecard as the API answers the signed-in page. */
const apiCard = (s: Session, year: number, orgId: number) => s.page.evaluate(async (p) => (await fetch(`/api/cycles/${p.year}/orgs/${p.orgId}/scorecard`)).json(), { year, orgId });

function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'xp-e2e-pdf-'));
  writeFileSync(join(dir, 'doc.pdf'), bytes);
  return execFileSync('pdftotext', ['-layout', join(dir, 'doc.pdf'), '-'], { encoding: 'utf8' });
}

describe.skipIf(!onPostgres)('我的考核 in the browser', () => {
  it('the community reads its published scorecard on a phone, as the API has it, and downloads the PDF', async () => {
    const s = await newSession(h, 'phone');
    await signInAs(s, h, 'demo-community');
    await visit(s, h, '/scorecard');
    await waitForText(s.page, '结果公示后各组织才能查看');
    expect(await textOf(s.page, '.el-result')).toContain(`${collecting} 年度考核周期处于「台账填报中」状态`);
    await pickYear(s, published);
    await s.page.waitForSelector('.scorecard .summary', { visible: true });
    const card = await apiCard(s, published, community.id);
    expect(await textOf(s.page, '.xp-page-title')).toBe('我的考核');
    expect(await textOf(s.page, '.summary .num')).toBe(`${card.total} 分`);
    expect(await textOf(s.page, '.summary .grade .label')).toBe(card.grade.label);
    expect(card.grade).toMatchObject({ ranksVisible: false, rankCategory: null, rankParent: null });
    expect(await s.page.$('.summary .ranks')).toBeNull();
    expect(((await textOf(s.page, '.summary .stars')).match(/★/g) ?? []).length).toBe(card.grade.stars);
    // Every part's points as the API has them; the first indicator's lines, word for word.
    const parts = await s.page.$$eval('.part .part-points', (els) => els.map((e) => (e as HTMLElement).innerText));
    expect(parts).toEqual(card.parts.map((p: any) => `${p.points}${p.max ? ` / ${p.max}` : ''} 分`));
    // Opens the first part; on a busy machine a tap during the page's last layout may miss it, so tap again.
    for (let attempt = 0; ; attempt++) {
      // (never a second tap on a part already open: that would close it)
      if (!(await s.page.$('.el-collapse-item.is-active'))) await s.page.locator('.el-collapse-item__header').click();
      const open = await s.page.waitForSelector('.el-collapse-item.is-active .lines li', { visible: true, timeout: 10_000 }).catch((e: unknown) => (attempt < 2 ? null : Promise.reject(e)));
      if (open) break;
    }
    const lines = await s.page.$$eval('.el-collapse-item.is-active .lines .text', (els) => els.map((e) => (e as HTMLElement).innerText));
    expect(lines).toEqual(card.parts[0].indicators[0].lines.map((l: any) => l.text));
    // A fact counted from the ledger opens the records behind it, as many as the ledger API lists for its link.
    const ledgerFact = card.parts.flatMap((p: any) => p.indicators).flatMap((i: any) => i.lines).flatMap((l: any) => l.evidence).find((e: any) => e.href.startsWith('/api/ledger'));
    expect(ledgerFact, 'a line names its ledger records').toBeDefined();
    const behind = await s.page.evaluate(async (href) => (await fetch(`${href}&limit=100`)).json(), ledgerFact.href);
    await s.page.$$eval('.el-collapse-item__header', (hs) => hs.forEach((x) => !x.closest('.el-collapse-item')!.classList.contains('is-active') && (x as HTMLElement).click()));
    await s.page.waitForFunction((label) => [...document.querySelectorAll('a.fact')].some((a) => a.textContent === label), { timeout: 10_000 }, ledgerFact.label);
    await s.page.$$eval('a.fact', (as, label) => (as.find((a) => a.textContent === label) as HTMLElement).click(), ledgerFact.label);
    await waitForText(s.page, `共 ${behind.total} 条记录`);
    expect(await s.page.$$eval('.el-drawer .rec', (l) => l.length)).toBe(Math.min(100, behind.total));
    await shot(s, 'scorecard-fact-records', { fullPage: false });
    await s.page.click('.el-drawer__close-btn');
    await s.page.waitForFunction(() => ![...document.querySelectorAll('.el-overlay')].some((o) => (o as HTMLElement).offsetParent !== null || getComputedStyle(o).display !== 'none'), { timeout: 10_000 });
    await waitForText(s.page, '历年情况');
    await shot(s, 'scorecard');
    const file = await nextDownload(s, () => s.page.locator('button.pdf').click());
    expect(file.name).toMatch(/\.pdf$/);
    const text = pdfText(file.bytes);
    expect(text).toContain(community.name);
    expect(text).toContain(card.total);
    await closeSession(s);
  }, 120_000);

  it('a leader on a desktop sees the same scorecard with its ranks and the history chart', async () => {
    const s = await newSession(h, 'desk');
    await signInAs(s, h, 'demo-leader');
    await visit(s, h, `/scorecard/${community.id}`);
    await pickYear(s, published);
    await s.page.waitForSelector('.scorecard .summary', { visible: true });
    const card = await apiCard(s, published, community.id);
    expect(card.grade.ranksVisible).toBe(true);
    expect(await textOf(s.page, '.summary .ranks')).toContain(`第 ${card.grade.rankCategory} 名`);
    expect(await textOf(s.page, '.xp-page-title')).toBe('考核结果');
    await s.page.waitForSelector('.chart svg', { visible: true });
    await shot(s, 'scorecard');
    await closeSession(s);
  }, 120_000);
});
