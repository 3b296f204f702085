import { sql } from 'kysely';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertNoOverflow, chooseOption, clickText, closeSession, newSession, onPostgres, shot, signInAs, startHarness, textOf, typeInto, visit, waitForText, type Harness } from './support/harness';

/**
 * A new 考核类别 without a file editor: the district admin adds 医院党组织 in 考核细则 → 考核类别 (a name already
 * taken is refused at its field), creates a hospital's Party committee in it in 组织管理, starts the category's
 * first rule set as a copy of the community's, raises 五星 to 95 points in the form (an example no longer holds:
 * 预览 stays open, 发布 waits), lets the server bring the example up to date (更新示例), saves and publishes into
 * 2026 (still collecting: nothing to preview). The database then holds the category, the organization in it, the
 * pin and the audit rows. A phone reads the list without overflow.
 */
let h: Harness;
const YEAR = 2026;

beforeAll(async () => {
  if (!onPostgres) return;
  h = await startHarness();
}, 240_000);
afterAll(() => h?.close());

async function openCategories(viewport: 'desk' | 'phone') {
  const s = await newSession(h, viewport);
  await signInAs(s, h, 'demo-admin');
  await s.page.evaluate((y) => localStorage.setItem('xingping.context', JSON.stringify({ year: y })), YEAR);
  await visit(s, h, '/admin/rules');
  await s.page.waitForSelector('#tab-categories');
  await s.page.$eval('#tab-categories', (e) => (e as HTMLElement).click());
  await s.page.waitForSelector('[data-testid=categories-panel] [data-category=grid]', { visible: true });
  return s;
}

/** Clicks the primary button of the open message box (DOM click: the box may still be fading in). */
const confirmBox = (page: Page) => page.evaluate(() => (document.querySelector('.el-message-box .el-button--primary') as HTMLElement).click());

async function addCategory(page: Page, label: string, code: string) {
  await page.$eval('[data-testid=category-add]', (e) => (e as HTMLElement).click());
  await page.waitForSelector('input[data-testid=category-label]', { visible: true });
  await typeInto(page, 'input[data-testid=category-label]', label);
  await typeInto(page, 'input[data-testid=category-code]', code);
  await page.$eval('[data-testid=category-save]', (e) => (e as HTMLElement).click());
}

describe.skipIf(!onPostgres)('考核类别 in the browser', () => {
  it('the admin adds 医院党组织, puts an organization in it, and starts, fixes and publishes its first rule set', async () => {
    const s = await openCategories('desk');
    await shot(s, 'admin-categories');

    // A name already taken is refused at its field; then the category is added.
    await addCategory(s.page, '网格党支部', 'clinic');
    await s.page.waitForFunction(() => document.querySelector('.el-dialog .el-form-item__error')?.textContent?.includes('已被考核类别 grid'), { timeout: 15_000 });
    await typeInto(s.page, 'input[data-testid=category-label]', '医院党组织');
    await typeInto(s.page, 'input[data-testid=category-code]', 'hospital');
    await s.page.$eval('[data-testid=category-save]', (e) => (e as HTMLElement).click());
    await waitForText(s.page, '已新增考核类别「医院党组织」');
    await s.page.waitForSelector('[data-testid=categories-panel] [data-category=hospital]');
    expect(await textOf(s.page, '[data-testid=categories-panel]')).toContain('尚无细则');
    const row = (await sql<{ label: string; created_by: string }>`select label, created_by from categories where code = 'hospital'`.execute(h.db)).rows[0];
    expect(row?.label).toBe('医院党组织');

    // 组织管理: a hospital's Party committee under the first street, in the new category.
    const street = (await sql<{ name: string; code: string }>`select name, code from organizations where kind = 'street' order by id limit 1`.execute(h.db)).rows[0]!;
    await visit(s, h, '/admin/orgs');
    await typeInto(s.page, 'input[data-testid="org-search"]', street.code);
    await s.page.keyboard.press('Enter');
    await s.page.locator(`.hit ::-p-text(${street.name})`).setTimeout(10_000).click();
    await waitForText(s.page, '考核类别');
    await clickText(s.page, '新建下级');
    await waitForText(s.page, `在「${street.name}」下新建组织`);
    await chooseOption(s.page, '.el-dialog [data-testid=org-kind]', '驻区单位党组织');
    await chooseOption(s.page, '.el-dialog [data-testid=org-category]', '医院党组织');
    await typeInto(s.page, 'input[data-testid="org-name"]', '区人民医院党委');
    await typeInto(s.page, 'input[data-testid="org-code"]', 'E2E-HOSP');
    await shot(s, 'admin-org-category', { fullPage: false });
    await s.page.$eval('[data-testid=org-save]', (e) => (e as HTMLElement).click());
    await waitForText(s.page, '已新建「区人民医院党委」');
    const org = (await sql<{ category: string }>`select category from organizations where code = 'E2E-HOSP'`.execute(h.db)).rows[0];
    expect(org?.category).toBe('hospital');

    // Back in 考核类别: the organization is counted; 新建细则 copies the community's rule set for the new category.
    await visit(s, h, '/admin/rules');
    await s.page.waitForSelector('#tab-categories');
    await s.page.$eval('#tab-categories', (e) => (e as HTMLElement).click());
    await s.page.waitForSelector('[data-testid=category-start-hospital]', { visible: true });
    await s.page.$eval('[data-testid=category-start-hospital]', (e) => (e as HTMLElement).click());
    await chooseOption(s.page, '.el-dialog [data-testid=category-start-from]', '社区党组织');
    await s.page.$eval('[data-testid=category-start-go]', (e) => (e as HTMLElement).click());
    await s.page.waitForSelector('[data-testid=draft-form]', { visible: true });
    const draftId = Number(/\/admin\/rules\/drafts\/(\d+)/.exec(s.page.url())![1]);
    await waitForText(s.page, '医院党组织考核评价细则');
    await waitForText(s.page, '校验通过');

    // 五星 from 90 to 95 points (四星 up to 95): the examples of a 92.59- and a 90.09-point community expecting 五星 no longer hold.
    for (const [field, value] of [['[data-band=five] [data-field=gte] input', '95'], ['[data-band=four] [data-field=lt] input', '95']] as const) {
      await typeInto(s.page, field, value);
      await s.page.keyboard.press('Tab');
    }
    await s.page.waitForSelector('[data-testid=draft-refresh-examples]', { visible: true, timeout: 20_000 });
    expect(await textOf(s.page, '[data-testid=draft-issues]')).toContain('先进社区：台账齐全、评议良好');
    expect(await s.page.$eval('[data-testid=draft-preview]', (b) => (b as HTMLButtonElement).disabled)).toBe(false);
    expect(await s.page.$eval('[data-testid=draft-publish]', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await shot(s, 'admin-rule-draft-stale-examples', { fullPage: false });
    await s.page.$eval('[data-testid=draft-refresh-examples]', (e) => (e as HTMLElement).click());
    await waitForText(s.page, '已按修改后的细则更新 2 个示例');
    await s.page.waitForFunction(() => document.querySelector('[data-testid=draft-state]')?.textContent?.includes('校验通过'), { timeout: 20_000 });
    // A DOM click (the message above may still cover the button), then the saved row itself.
    await s.page.$eval('[data-testid=draft-save]', (e) => (e as HTMLElement).click());
    const draftRow = async () => (await sql<{ source: string; hash: string | null }>`select source, hash from rule_set_drafts where id = ${draftId}`.execute(h.db)).rows[0]!;
    for (let i = 0; i < 100 && !(await draftRow()).source.includes('"gte": 95'); i++) await new Promise((r) => setTimeout(r, 200));
    const saved = await draftRow();
    const text = JSON.parse(saved.source);
    expect(text.categories).toEqual(['hospital']);
    expect(text.grading.bands.slice(0, 2)).toEqual([{ grade: 'five', gte: 95 }, { grade: 'four', gte: 80, lt: 95 }]);
    // 92.59 and 90.09 < 95: those examples now expect 四星; the one raised to 五星 by a commendation still does.
    expect(text.examples.map((e: { expect: { grade?: string | null } }) => e.expect.grade)).toEqual(['four', 'four', 'none', null, 'five', 'none']);
    expect(saved.hash).toMatch(/^[0-9a-f]{64}$/);

    // 2026 is still collecting: nothing to preview yet, so the confirmation says the year was not previewed.
    await s.page.$eval('[data-testid=draft-publish]', (e) => (e as HTMLElement).click());
    await s.page.waitForSelector('.el-message-box', { visible: true });
    const confirm = await textOf(s.page, '.el-message-box');
    expect(confirm).toContain('医院党组织');
    expect(confirm).toContain(`尚未对 ${YEAR} 年度预览`);
    await confirmBox(s.page);
    await waitForText(s.page, `已发布到 ${YEAR} 年度`, 30_000);
    const pin = (await sql<{ rule_set_hash: string }>`select rule_set_hash from cycle_rule_sets where cycle_year = ${YEAR} and category = 'hospital'`.execute(h.db)).rows[0];
    expect(pin?.rule_set_hash).toBe(saved.hash);
    const audit = (await sql<{ action: string }>`select action from audit_log where (entity = 'category' and entity_id = 'hospital') or (entity = 'rule_draft' and entity_id = ${String(draftId)}) order by id`.execute(h.db)).rows;
    expect(audit.map((a) => a.action)).toEqual(['category.create', 'rules.draft.create', 'rules.draft.save']);
    const published = (await sql<{ action: string; after: { categories: string[] } }>`select action, after from audit_log where entity = 'cycle' and entity_id = ${String(YEAR)} order by id desc limit 1`.execute(h.db)).rows[0];
    expect(published).toMatchObject({ action: 'rules.publish', after: { categories: ['hospital'] } });

    // The category's row now names its rule set and counts its organization.
    await visit(s, h, '/admin/rules');
    await s.page.waitForSelector('#tab-categories');
    await s.page.$eval('#tab-categories', (e) => (e as HTMLElement).click());
    await s.page.waitForSelector('[data-testid=categories-panel] [data-category=hospital]', { visible: true });
    const hospitalRow = await s.page.$eval('[data-testid=categories-panel] [data-category=hospital]', (e) => e.closest('tr')!.textContent ?? '');
    expect(hospitalRow).toContain('医院党组织考核评价细则');
    expect(hospitalRow).toMatch(/hospital\s*1/);
    await shot(s, 'admin-categories-after');
    await closeSession(s);
  }, 300_000);

  it('a phone reads the categories without overflow, and is told to edit on a computer', async () => {
    const s = await openCategories('phone');
    await waitForText(s.page, '请在电脑上编辑考核类别');
    expect(await s.page.$('[data-testid=category-add]')).toBeNull();
    await assertNoOverflow(s.page, 'categories on a phone');
    await shot(s, 'admin-categories');
    await closeSession(s);
  }, 90_000);
});
