import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSession, newSession, nextDownload, onPostgres, shot, signInAs, startHarness, textOf, typeInto, visit, waitForText, type Harness, type Session } from './support/harness';

/**
 * 排名 in the browser on the demo district: the leader reads the published year's rankings with a reason for every
 * grade that is not simply its band, the same step the organization's scorecard ends on; filters the 后进 list to
 * the count SQL gives; opens an organization's scorecard from its name; and downloads the ranking PDF with the reasons.
 */
let h: Harness;
let published: number;

beforeAll(async () => {
  if (!onPostgres) return;
  h = await startHarness();
  published = (await sql<{ year: number }>`select year from cycles where state = 'published'`.execute(h.db)).rows[0]!.year;
}, 240_000);
afterAll(() => h?.close());

/** Opens /rankings for the published year (the header's year is kept per browser). */
async function openRankings(s: Session) {
  await visit(s, h, '/');
  await s.page.evaluate((y) => localStorage.setItem('xingping.context', JSON.stringify({ year: y })), published);
  await visit(s, h, '/rankings');
  await waitForText(s.page, '符合条件');
  await s.page.waitForFunction(() => ![...document.querySelectorAll('.el-loading-mask')].some((m) => (m as HTMLElement).offsetParent !== null), { timeout: 30_000 });
}

type Row = { orgId: number; name: string; lagging: boolean; reason: { code: string | null; label: string | null; text: string } };

describe.skipIf(!onPostgres)('排名 in the browser', () => {
  it('the leader finds why an organization has its grade, filters 后进, drills into a scorecard and prints', async () => {
    const s = await newSession(h, 'desk');
    await signInAs(s, h, 'demo-leader');
    await openRankings(s);
    const api = await s.page.evaluate(async (y) => (await fetch(`/api/cycles/${y}/rankings`)).json(), published);
    const items = api.items as Row[];
    expect(await textOf(s.page, '.sub')).toContain(`共 ${items.length} 个组织`);
    // A row decided by another step than its band, not 后进: its reason is the scorecard's last step, in the phrasebook's words.
    const decided = items.find((r) => r.reason.code && !['band', 'not_assessed'].includes(r.reason.code) && !r.lagging)!;
    expect(decided, 'the demo has a grade decided by a quota, cap, veto or limit').toBeDefined();
    const card = await s.page.evaluate(async (p) => (await fetch(`/api/cycles/${p.y}/orgs/${p.id}/scorecard`)).json(), { y: published, id: decided.orgId });
    expect(decided.reason.text).toBe(`${decided.reason.label}：${card.grade.steps.at(-1)}`);
    await typeInto(s.page, '.f-text input', decided.name);
    await s.page.waitForFunction((n) => document.querySelectorAll('.el-table__body .el-table__row').length === 1 && document.querySelector('.el-table__body')!.textContent!.includes(n), { timeout: 10_000 }, decided.name);
    expect(await textOf(s.page, '.el-table__body .reason')).toBe(decided.reason.text);
    await shot(s, 'rankings-reason');
    // 只看后进: as many as the stored grades of the revision list.
    await s.page.click('.f-text input');
    await s.page.keyboard.down('Control');
    await s.page.keyboard.press('KeyA');
    await s.page.keyboard.up('Control');
    await s.page.keyboard.press('Backspace');
    await waitForText(s.page, `符合条件 ${items.length} 个`);
    await s.page.$eval('.f-lag', (e) => (e as HTMLElement).click());
    const lagging = (await sql<{ n: number }>`select count(*)::int as n from grades where revision_id = ${api.revisionId} and lagging`.execute(h.db)).rows[0]!.n;
    expect(lagging).toBeGreaterThan(0);
    await waitForText(s.page, `符合条件 ${lagging} 个`).catch(async (e: unknown) => {
      throw new Error(`${(e as Error).message}: ${await textOf(s.page, '.count')}, lagging ${lagging}, api ${items.filter((r) => r.lagging).length}`);
    });
    await shot(s, 'rankings-lagging');
    // Two clicks from the list to an organization's scorecard.
    const first = (await s.page.$eval('.el-table__body .name', (a) => a.textContent))!;
    await s.page.$eval('.el-table__body .name', (a) => (a as HTMLElement).click());
    await s.page.waitForSelector('.scorecard .summary', { visible: true, timeout: 30_000 });
    expect(await textOf(s.page, '.sub')).toContain(first);
    // The ranking PDF carries the same reasons.
    await openRankings(s);
    const file = await nextDownload(s, () => s.page.locator('button.pdf').click(), 120_000);
    const dir = mkdtempSync(join(tmpdir(), 'xp-rankings-'));
    writeFileSync(join(dir, 'r.pdf'), file.bytes);
    const text = execFileSync('pdftotext', ['-raw', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain(decided.reason.text.replace(/\s+/g, ''));
    await closeSession(s);
  }, 240_000);

  it('reads on a phone as cards, each with its reason', async () => {
    const s = await newSession(h, 'phone');
    await signInAs(s, h, 'demo-leader');
    await openRankings(s);
    await s.page.$eval('.toggle', (e) => (e as HTMLElement).click());
    await s.page.$eval('.f-lag', (e) => (e as HTMLElement).click());
    await s.page.waitForSelector('.card .reason', { visible: true });
    expect(await textOf(s.page, '.card:first-child .tags')).toContain('后进');
    await shot(s, 'rankings', { fullPage: false });
    await closeSession(s);
  }, 120_000);
});
