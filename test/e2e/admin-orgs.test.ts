import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'puppeteer';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertNoOverflow, chooseOption, clickSettled, clickText, closeSession, newSession, nextDownload, onPostgres, shot, signInAs, startHarness, textOf, typeInto, visit, waitForText, type Harness } from './support/harness';

/**
 * 组织管理 in the browser: demo-admin creates a community under a street, edits it, moves it to another street
 * (the confirmation names it), imports an orgs sheet with 3 bad rows (all 3 errors at once, the annotated copy
 * downloaded and read back), then a good sheet, then adds one member in the community's 党员 tab and edits its
 * employer; demo-leader reads the tree without any edit button.
 */

let h: Harness;
beforeAll(async () => {
  if (onPostgres) h = await startHarness();
}, 240_000);
afterAll(() => h?.close());

const header = ['组织编码', '组织名称', '组织类型', '上级组织编码', '考核类别', '书记', '党员人数', '成立日期'];

async function writeSheet(dir: string, name: string, rows: (string | number | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('组织');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  const file = join(dir, name);
  writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
  return file;
}

/** Until no dialog or message box is left on screen (a closing one's overlay would take the next click). */
async function dialogsGone(page: Page): Promise<void> {
  await page.waitForFunction(() => ![...document.querySelectorAll('.el-overlay')].some((o) => (o as HTMLElement).offsetParent !== null || getComputedStyle(o).display !== 'none'), { timeout: 10_000 });
}

/** Opens the 党员 tab of the organization shown. */
async function openMembersTab(page: Page): Promise<void> {
  await page.locator('.org-details .el-tabs__item::-p-text(党员)').setTimeout(10_000).click();
  await page.waitForSelector('[data-testid="org-members"]', { visible: true });
}

async function orgRow(code: string) {
  const r = await sql<{ name: string; parent_id: number; secretary_name: string | null }>`select name, parent_id, secretary_name from organizations where code = ${code}`.execute(h.db);
  return r.rows[0];
}

describe.skipIf(!onPostgres)('组织管理 in the browser', () => {
  it('an admin creates, edits and moves an organization, and imports sheets with every error shown at once', async () => {
    const streets = (await sql<{ id: number; name: string; code: string }>`select id, name, code from organizations where kind = 'street' order by id limit 2`.execute(h.db)).rows;
    const [s1, s2] = [streets[0]!, streets[1]!];
    const s = await newSession(h, 'desk');
    await signInAs(s, h, 'demo-admin');
    await visit(s, h, '/admin/orgs');
    await waitForText(s.page, '批量导入');
    // Find the first street by its code and open it.
    await typeInto(s.page, 'input[data-testid="org-search"]', s1.code);
    await s.page.keyboard.press('Enter');
    await s.page.locator(`.hit ::-p-text(${s1.name})`).setTimeout(10_000).click();
    await waitForText(s.page, '考核类别');

    // Create a community under it.
    await clickText(s.page, '新建下级');
    await waitForText(s.page, `在「${s1.name}」下新建组织`);
    await typeInto(s.page, 'input[data-testid="org-name"]', '东风社区党委');
    await typeInto(s.page, 'input[data-testid="org-code"]', 'E2E-DF');
    await typeInto(s.page, 'input[data-testid="org-secretary"]', '韩梅');
    await clickText(s.page, '保存');
    await waitForText(s.page, '已新建「东风社区党委」');
    expect(await orgRow('E2E-DF')).toEqual({ name: '东风社区党委', parent_id: s1.id, secretary_name: '韩梅' });
    expect(await textOf(s.page, '[data-testid="org-details"]')).toContain('社区党组织');

    // Edit it.
    await dialogsGone(s.page);
    await clickText(s.page, '编辑');
    await waitForText(s.page, '编辑「东风社区党委」');
    await typeInto(s.page, 'input[data-testid="org-name"]', '东风社区党委（新）');
    await clickText(s.page, '保存');
    await waitForText(s.page, '已保存');
    expect((await orgRow('E2E-DF'))!.name).toBe('东风社区党委（新）');

    // Move it to the second street: the confirmation names what moves.
    await dialogsGone(s.page);
    await clickText(s.page, '调整上级');
    await waitForText(s.page, '连同其下全部组织一起移动');
    await new Promise((r) => setTimeout(r, 400)); // the dialog's opening transition
    await chooseOption(s.page, '.el-dialog [data-testid=move-parent]', s2.name);
    await clickText(s.page, '移动');
    await waitForText(s.page, '确认调整上级');
    const confirm = await textOf(s.page, '.el-message-box');
    // A new community has nothing under it: the subtree endpoint answers 1 organization, itself.
    expect(confirm).toContain(`将「东风社区党委（新）」（其下没有组织）移到「${s2.name}」之下？`);
    await shot(s, 'admin-orgs-move', { fullPage: false });
    await clickText(s.page, '确认移动');
    await waitForText(s.page, '已将「东风社区党委（新）」');
    expect((await orgRow('E2E-DF'))!.parent_id).toBe(s2.id);

    await dialogsGone(s.page);
    // A sheet with 3 bad rows of 4: all three errors at once, nothing written.
    const dir = mkdtempSync(join(tmpdir(), 'xp-e2e-orgs-'));
    const bad = await writeSheet(dir, '组织（有误）.xlsx', [
      ['E2E-G1', '东风第一网格党支部', '网格党支部', 'E2E-DF', null, '李雷', 20, '2024-01-01'], // row 2: fine
      ['E2E-G2', '东风第二网格党支部', '居委会', 'E2E-DF', null, '王五', 18, '2024-01-01'], // row 3: unknown kind (C3)
      ['E2E-G3', '东风第三网格党支部', '网格党支部', 'E2E-DF', null, '赵六', '很多', '2024-01-01'], // row 4: not a number (G4)
      ['E2E-G4', '东风第四网格党支部', '网格党支部', 'NO-SUCH', null, '钱七', 9, '2024-01-01'], // row 5: unknown parent (D5)
    ]);
    const input = await s.page.waitForSelector('input[data-testid="import-file"]');
    await input!.uploadFile(bad);
    await clickText(s.page, '导入');
    await waitForText(s.page, '未写入任何数据');
    await waitForText(s.page, '共 3 处错误');
    const rows = await s.page.$$eval('[data-testid="import-errors"] .el-table__body tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim())));
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['3', '组织类型', '居委会'],
      ['4', '党员人数', '很多'],
      ['5', '上级组织编码', 'NO-SUCH'],
    ]);
    expect(rows[2]![3]).toBe('上级组织编码既不在系统中，也不在本表中');
    await shot(s, 'admin-orgs-import-errors');
    expect((await sql<{ n: number }>`select count(*)::int as n from organizations where code like 'E2E-G%'`.execute(h.db)).rows[0]!.n).toBe(0);

    const copy = await nextDownload(s, () => clickText(s.page, '下载错误标注表格'));
    expect(copy.name).toBe('组织（有误）（错误标注）.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(copy.bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('I1').text).toBe('错误说明'); // 8 columns of data, the note in the 9th
    expect(ws.getCell('I2').text).toBe('');
    expect(ws.getCell('I3').text).toContain('「组织类型」：居委会 — 未知的组织类型');
    expect(ws.getCell('I4').text).toBe('「党员人数」：很多 — 应为整数');
    expect(ws.getCell('I5').text).toBe('「上级组织编码」：NO-SUCH — 上级组织编码既不在系统中，也不在本表中');
    for (const ref of ['C3', 'G4', 'D5']) expect((ws.getCell(ref).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(ws.getCell('A2').fill).toBeUndefined();

    // The fixed sheet: two grids under the moved community.
    const good = await writeSheet(dir, '组织.xlsx', [
      ['E2E-G1', '东风第一网格党支部', '网格党支部', 'E2E-DF', null, '李雷', 20, '2024-01-01'],
      ['E2E-G2', '东风第二网格党支部', '网格党支部', 'E2E-DF', null, '王五', 18, '2024-01-01'],
    ]);
    await input!.uploadFile(good);
    await clickText(s.page, '导入');
    await waitForText(s.page, '导入成功：共 2 行');
    const df = (await sql<{ id: number }>`select id from organizations where code = 'E2E-DF'`.execute(h.db)).rows[0]!.id;
    expect((await orgRow('E2E-G1'))!.parent_id).toBe(df);
    expect((await orgRow('E2E-G2'))!.parent_id).toBe(df);
    await shot(s, 'admin-orgs');

    // One member without a sheet: added in the community's 党员 tab, living there, then its employer edited.
    await openMembersTab(s.page);
    await clickText(s.page, '新增党员');
    await typeInto(s.page, 'input[data-testid="member-name"]', '韩立新');
    await typeInto(s.page, 'input[data-testid="member-employer"]', '星城区第一人民医院');
    await new Promise((r) => setTimeout(r, 400)); // the dialog's opening transition
    await chooseOption(s.page, '.el-dialog [data-testid="member-residence"]', '东风社区党委（新）');
    await s.page.locator('[data-testid="member-in-service"]').click();
    await shot(s, 'admin-orgs-member-form', { fullPage: false });
    await s.page.locator('[data-testid="member-save"]').click();
    await waitForText(s.page, '已新增党员「韩立新」');
    expect(await textOf(s.page, '[data-testid="org-members"]')).toContain('星城区第一人民医院');
    const member = (await sql<{ id: number; org_id: number; residence_community_id: number; in_service: boolean }>`select id, org_id, residence_community_id, in_service from members where name = '韩立新'`.execute(h.db)).rows[0]!;
    expect(member).toMatchObject({ org_id: df, residence_community_id: df, in_service: true });
    await dialogsGone(s.page);
    await clickSettled(s.page, `[data-testid="member-edit-${member.id}"]`);
    await s.page.waitForSelector('.el-dialog__title::-p-text(编辑党员)', { visible: true, timeout: 10_000 });
    await typeInto(s.page, 'input[data-testid="member-employer"]', '星城区第二人民医院');
    await s.page.locator('[data-testid="member-save"]').click();
    await s.page.waitForFunction(() => document.querySelector('[data-testid="org-members"]')?.textContent?.includes('星城区第二人民医院'), { timeout: 15_000 });
    expect((await sql<{ employer_name: string }>`select employer_name from members where id = ${member.id}`.execute(h.db)).rows[0]!.employer_name).toBe('星城区第二人民医院');
    await closeSession(s);
  });

  it('a leader reads the tree without edit buttons; a phone shows the page without overflow and no upload', async () => {
    const leader = await newSession(h, 'desk');
    await signInAs(leader, h, 'demo-leader');
    await visit(leader, h, '/admin/orgs');
    await waitForText(leader.page, '只读');
    await leader.page.locator('.el-tree-node__content').setTimeout(10_000).click();
    await waitForText(leader.page, '考核类别');
    const text = await textOf(leader.page, '.orgs-admin');
    for (const button of ['新建下级', '编辑', '调整上级', '撤销组织', '批量导入']) expect(text).not.toContain(button);
    expect(await leader.page.$$('.org-details .actions')).toHaveLength(0);
    await shot(leader, 'admin-orgs-leader');
    await closeSession(leader);

    const phone = await newSession(h, 'phone');
    await signInAs(phone, h, 'demo-admin');
    await visit(phone, h, '/admin/orgs');
    await waitForText(phone.page, '请在电脑上编辑');
    await phone.page.locator('.el-tree-node__content').setTimeout(10_000).click();
    await waitForText(phone.page, '考核类别');
    expect(await phone.page.$('input[data-testid="import-file"]')).toBeNull();
    await assertNoOverflow(phone.page, 'admin-orgs phone');
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await shot(phone, 'admin-orgs');
    await openMembersTab(phone.page);
    await clickText(phone.page, '新增党员');
    await waitForText(phone.page, '是否在职党员');
    await shot(phone, 'admin-orgs-member-form', { fullPage: false });
    await closeSession(phone);
  });
});
