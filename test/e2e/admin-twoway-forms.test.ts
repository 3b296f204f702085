import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertNoOverflow, clickSettled, closeSession, newSession, onPostgres, shot, signInAs, startHarness, textOf, typeInto, visit, waitForText, type Harness } from './support/harness';

/**
 * 双向评价表 in the catalog (issue 17): the district admin reads both directions' forms in 考核细则 → 双向评价表, the
 * community's (version 2) with 资源项目落实 computed from the lists; edits the unit's form so its maxima add up to 105 (the
 * server refuses and says so), brings it back to 100 and saves it as version 2. The evaluated years keep version 1;
 * the audit row holds both versions. A phone reads the forms without overflow and is told to edit on a computer.
 */
let h: Harness;

beforeAll(async () => {
  if (!onPostgres) return;
  h = await startHarness();
}, 240_000);
afterAll(() => h?.close());

async function openForms(viewport: 'desk' | 'phone') {
  const s = await newSession(h, viewport);
  await signInAs(s, h, 'demo-admin');
  await visit(s, h, '/admin/rules');
  await s.page.waitForSelector('#tab-twoway');
  await s.page.$eval('#tab-twoway', (e) => (e as HTMLElement).click());
  await s.page.waitForSelector(viewport === 'phone' ? '[data-form=unit_rates_community] .cards li' : '[data-form=unit_rates_community] .el-table__row', { visible: true });
  return s;
}

describe.skipIf(!onPostgres)('双向评价表 in the browser', () => {
  it('the admin reads both forms and saves a new version of one; evaluated years keep theirs', async () => {
    const s = await openForms('desk');
    const community = await textOf(s.page, '[data-form=community_rates_unit]');
    // Version 1 is the form as it was (every item typed); version 2 computes 资源项目落实, and the demo's years use it.
    for (const t of ['社区评价共建单位', '第 2 版', '资源项目落实', '系统计算', '按期销号项目每个 10 分', '逾期未销号项目每个扣 5 分', '合计在 0–20 分之间']) expect(community).toContain(t);
    const evaluated = (await sql<{ year: number }>`select distinct cycle_year as year from twoway_evaluations order by 1`.execute(h.db)).rows.map((r) => r.year);
    expect(evaluated.length).toBeGreaterThan(0);
    for (const y of evaluated) expect(community).toContain(`${y} 年度用第 2 版`);
    await shot(s, 'admin-twoway-forms');

    await clickSettled(s.page, '[data-testid=twoway-form-edit-unit_rates_community]');
    await s.page.waitForSelector('.el-dialog [data-row="2"]', { visible: true });
    // 协调联络 35 → 40: 40 + 35 + 30 = 105, refused by the server at the form.
    await typeInto(s.page, '.el-dialog [data-row="0"] .max input', '40');
    await s.page.keyboard.press('Tab');
    await waitForText(s.page, '满分合计 105 分（须为 100 分）');
    await clickSettled(s.page, '[data-testid=twoway-form-save]');
    await waitForText(s.page, '各项满分合计须为 100 分，现为 105 分');
    await shot(s, 'admin-twoway-form-error', { fullPage: false });
    // 服务保障 35 → 30, renamed: 40 + 30 + 30 = 100.
    await typeInto(s.page, '.el-dialog [data-row="1"] .max input', '30');
    await s.page.keyboard.press('Tab');
    await typeInto(s.page, '.el-dialog [data-row="1"] .label input', '服务保障和阵地共享');
    await waitForText(s.page, '满分合计 100 分');
    await clickSettled(s.page, '[data-testid=twoway-form-save]');
    await waitForText(s.page, '已保存为第 2 版');
    await s.page.waitForFunction(() => document.querySelector('[data-form=unit_rates_community]')?.textContent?.includes('第 2 版'), { timeout: 15_000 });

    const saved = (await sql<{ version: number; items: { key: string; label: string; max: number }[] }>`select version, items from twoway_forms where direction = 'unit_rates_community' order by version desc limit 1`.execute(h.db)).rows[0]!;
    expect(saved.version).toBe(2);
    expect(saved.items).toEqual([
      { key: 'coordination', label: '协调联络', max: 40 },
      { key: 'service', label: '服务保障和阵地共享', max: 30 },
      { key: 'response', label: '诉求响应', max: 30 },
    ]);
    const pins = (await sql<{ version: number }>`select f.version from twoway_form_pins p join twoway_forms f on f.id = p.form_id where p.direction = 'unit_rates_community'`.execute(h.db)).rows;
    expect(pins.length).toBe(evaluated.length);
    expect(pins.every((p) => p.version === 1)).toBe(true);
    const audit = (await sql<{ action: string; before: { version: number }; after: { version: number } }>`select action, before, after from audit_log where entity = 'twoway_form' order by id desc limit 1`.execute(h.db)).rows[0]!;
    expect(audit).toMatchObject({ action: 'twoway.form.publish', before: { version: 1 }, after: { version: 2 } });
    await shot(s, 'admin-twoway-forms-after');
    await closeSession(s);
  }, 180_000);

  it('a phone reads the forms without overflow, and is told to edit on a computer', async () => {
    const s = await openForms('phone');
    await waitForText(s.page, '请在电脑上编辑评价表');
    expect(await s.page.$('[data-testid=twoway-form-edit-unit_rates_community]')).toBeNull();
    await assertNoOverflow(s.page, 'two-way forms on a phone');
    await shot(s, 'admin-twoway-forms');
    await closeSession(s);
  }, 90_000);
});
