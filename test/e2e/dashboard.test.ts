import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertNoOverflow, closeSession, newSession, nextDownload, onPostgres, shot, signInAs, startHarness, textOf, visit, waitForText, type Harness, type Session } from './support/harness';

/**
 * 驾驶舱 in the browser on the demo district: the leader reads the published year's grades, coverage, 后进 and
 * movers, each figure equal to a count over the stored grades; drills from the district into a street and a
 * community and back; reaches a scorecard in two clicks; finds an organization by its code; follows a figure into
 * the rankings; exports a chart as an image; and shows the page on the meeting-room screen (大屏).
 */
let h: Harness;
let published: number;
let revision: number;
let district: { id: number; path: string };

beforeAll(async () => {
  if (!onPostgres) return;
  h = await startHarness();
  published = (await sql<{ year: number }>`select year from cycles where state = 'published'`.execute(h.db)).rows[0]!.year;
  revision = (await sql<{ id: number }>`select max(id)::int as id from score_revisions where cycle_year = ${published}`.execute(h.db)).rows[0]!.id;
  district = (await sql<{ id: number; path: string }>`select o.id, o.path from users u join organizations o on o.id = u.org_id where u.login = 'demo-leader'`.execute(h.db)).rows[0]!;
}, 240_000);
afterAll(() => h?.close());

const noMask = (s: Session) => s.page.waitForFunction(() => ![...document.querySelectorAll('.el-loading-mask')].some((m) => (m as HTMLElement).offsetParent !== null), { timeout: 30_000 });

/** Opens /dashboard (or a drill-down of it) for the published year. */
async function openDashboard(s: Session, query = '') {
  await visit(s, h, '/');
  await s.page.evaluate((y) => localStorage.setItem('xingping.context', JSON.stringify({ year: y })), published);
  await visit(s, h, `/dashboard${query}`);
  await waitForText(s.page, '工作覆盖情况');
  await noMask(s);
}

/** Each grade of one category under a path in the revision, as the stored grades say ("五星 3", …). */
async function gradeCounts(path: string, category: string): Promise<Map<string, number>> {
  const { rows } = await sql<{ label: string; n: number }>`
    select case when not s.assessed then coalesce(s.result->'ruleSet'->>'notAssessedLabel', '不参加评定') else coalesce(g.grade_label, '未定级') end as label, count(*)::int as n
    from scores s join organizations o on o.id = s.org_id left join grades g on g.revision_id = s.revision_id and g.org_id = s.org_id
    where s.revision_id = ${revision} and s.category = ${category} and o.path like ${`${path}%`} group by 1`.execute(h.db);
  return new Map(rows.map((r) => [r.label, r.n]));
}

/** The distribution table of the category shown: label → count, the grades no organization holds left out. */
async function shownCounts(s: Session): Promise<Map<string, number>> {
  const rows = await s.page.$$eval('.dist .nums tbody tr:not(.sum)', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim())));
  return new Map(rows.map((r) => [r[0]!, Number(r[1])] as const).filter(([, n]) => n > 0));
}

const orgOf = async (where: string) => (await sql<{ id: number; name: string; code: string; path: string }>`select id, name, code, path from organizations where ${sql.raw(where)} order by code limit 1`.execute(h.db)).rows[0]!;

describe.skipIf(!onPostgres)('驾驶舱 in the browser', () => {
  it('shows the counts of the stored grades, drills down, searches, links and exports', async () => {
    const s = await newSession(h, 'desk');
    await signInAs(s, h, 'demo-leader');
    await openDashboard(s);
    // Grades of the first category (社区党组织 in the demo) equal the stored grades.
    expect(await textOf(s.page, '.cats')).toContain('社区党组织');
    expect(await shownCounts(s)).toEqual(await gradeCounts(district.path, 'community'));
    // Coverage: ledger records verified of the year's, in the subtree.
    const ledger = (await sql<{ v: number; n: number }>`select count(*) filter (where r.status = 'verified')::int as v, count(*)::int as n from ledger_records r join organizations o on o.id = r.org_id where r.cycle_year = ${published} and o.path like ${`${district.path}%`}`.execute(h.db)).rows[0]!;
    const ledgerRow = await textOf(s.page, 'tr[data-key="ledger"]');
    expect(ledgerRow).toContain(`已审核通过 ${ledger.v}`);
    expect(ledgerRow).toContain(`本年度台账 ${ledger.n}`);
    // 后进 and movers as the grades table counts them.
    const lagging = (await sql<{ n: number }>`select count(*)::int as n from grades where revision_id = ${revision} and lagging`.execute(h.db)).rows[0]!.n;
    expect(await textOf(s.page, '.lagging h2')).toBe(`后进名单（${lagging}）`);
    const moved = (await sql<{ move: string; n: number }>`select move, count(*)::int as n from grades where revision_id = ${revision} and move in ('晋位', '降星', '摘星') group by 1`.execute(h.db)).rows;
    const buttons = await textOf(s.page, '.moves');
    for (const m of moved) expect(buttons.replace(/\s+/g, '')).toContain(`${m.move === '晋位' ? '晋位升级' : m.move}${m.n}`);
    // Each one with its reason, the same words the rankings give (the phrasebook, from the stored step code).
    const shown = await s.page.$$eval('.lagging tbody tr', (trs) => trs.map((tr) => ({ id: Number((tr as HTMLElement).dataset.org), reason: (tr.querySelector('.reason') as HTMLElement).innerText.trim() })));
    expect(shown.length).toBe(Math.min(lagging, 50));
    const ranked = (await s.page.evaluate(async (y) => (await fetch(`/api/cycles/${y}/rankings`)).json(), published)).items as { orgId: number; lagging: boolean; reason: { text: string } }[];
    for (const r of shown) expect(r.reason).toBe(ranked.find((x) => x.orgId === r.id)!.reason.text);
    await shot(s, 'dashboard');

    // Drill: district → street → community, with the breadcrumbs back.
    const street = await orgOf(`kind = 'street' and parent_id = ${district.id}`);
    await s.page.$eval(`.child[data-child="${street.id}"] a.drill`, (a) => (a as HTMLElement).click());
    await waitForText(s.page, `${street.name} · ${published} 年度`);
    await noMask(s);
    expect(await shownCounts(s)).toEqual(await gradeCounts(street.path, 'community'));
    const community = await orgOf(`kind = 'community' and parent_id = ${street.id}`);
    await s.page.$eval(`.child[data-child="${community.id}"] a.drill`, (a) => (a as HTMLElement).click());
    await waitForText(s.page, `${community.name} · ${published} 年度`);
    await noMask(s);
    expect((await textOf(s.page, '.crumbs')).replace(/\s+/g, '')).toBe([(await orgOf(`id = ${district.id}`)).name, street.name, community.name].join('/'));
    await shot(s, 'dashboard-community');
    await s.page.$eval('.crumbs a', (a) => (a as HTMLElement).click());
    await waitForText(s.page, '下级组织（9）');

    // Two clicks from the 驾驶舱 to a community's scorecard: its street, then its 考核.
    await s.page.$eval(`.child[data-child="${street.id}"] a.drill`, (a) => (a as HTMLElement).click());
    await waitForText(s.page, `${street.name} · ${published} 年度`);
    await s.page.$eval(`.child[data-child="${community.id}"] .card-link`, (a) => (a as HTMLElement).click());
    await s.page.waitForSelector('.scorecard .summary', { visible: true, timeout: 30_000 });
    expect(await textOf(s.page, '.sub')).toContain(community.name);

    // Search by code: the community's 驾驶舱.
    await openDashboard(s);
    await s.page.click('.org-search input');
    await s.page.keyboard.type(community.code);
    await s.page.waitForFunction((c) => [...document.querySelectorAll('.org-search-popper li')].some((li) => (li as HTMLElement).innerText.includes(c) && (li as HTMLElement).offsetParent !== null), { timeout: 15_000 }, community.code);
    await s.page.evaluate((c) => ([...document.querySelectorAll('.org-search-popper li')].find((li) => (li as HTMLElement).innerText.includes(c)) as HTMLElement).click(), community.code);
    await waitForText(s.page, `${community.name} · ${published} 年度`);
    expect(new URL(s.page.url()).searchParams.get('under')).toBe(String(community.id));

    // A figure leads into its list: the community count of one grade → the rankings filtered alike.
    await openDashboard(s);
    const [label, count] = [...(await shownCounts(s))].find(([, n]) => n > 0)!;
    await s.page.evaluate((l) => ([...document.querySelectorAll('.dist .nums a')].find((a) => (a as HTMLElement).innerText === l) as HTMLElement).click(), label);
    await waitForText(s.page, `符合条件 ${count} 个`);
    expect(new URL(s.page.url()).pathname).toBe('/rankings');

    // Image export, then the 大屏 and back.
    await openDashboard(s);
    const file = await nextDownload(s, () => s.page.locator('.dist .export').click());
    expect(file.name).toMatch(/社区党组织等次分布\.svg$/);
    expect(new TextDecoder().decode(file.bytes)).toContain('<svg');
    await s.page.click('.big-toggle');
    await s.page.waitForSelector('.dashboard.big', { timeout: 5_000 });
    await new Promise((r) => setTimeout(r, 400));
    await s.page.screenshot({ path: '.cache/screenshots/dashboard-big-desk.png' });
    await s.page.click('.big-toggle');
    await s.page.waitForFunction(() => !document.querySelector('.dashboard.big') && !document.fullscreenElement, { timeout: 5_000 });
    await closeSession(s);
  }, 300_000);

  it('reads on a phone without sideways scrolling, and drills down', async () => {
    const s = await newSession(h, 'phone');
    await signInAs(s, h, 'demo-leader');
    await openDashboard(s);
    await assertNoOverflow(s.page, '/dashboard');
    await shot(s, 'dashboard');
    const street = await orgOf(`kind = 'street' and parent_id = ${district.id}`);
    await s.page.$eval(`.child[data-child="${street.id}"] a.drill`, (a) => (a as HTMLElement).click());
    await waitForText(s.page, `${street.name} · ${published} 年度`);
    await noMask(s);
    await assertNoOverflow(s.page, '/dashboard?under');
    await shot(s, 'dashboard-street');
    await closeSession(s);
  }, 120_000);
});
