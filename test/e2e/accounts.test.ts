import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, clickText, closeSession, newSession, nextDownload, onPostgres, shot, signInAs, startHarness, textOf, typeInto, visit, waitForText, type Harness } from './support/harness';

/**
 * Accounts at a department's scale, in the browser: a street admin creates a secretary's account and prints its
 * 开通通知单; the secretary signs in with the initial password and must change it first; an admin imports a sheet
 * of accounts (every bad row shown at once, then the notices of a good sheet downloaded as one PDF).
 */

let h: Harness;
beforeAll(async () => {
  if (onPostgres) h = await startHarness();
}, 240_000);
afterAll(() => h?.close());

function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'xp-e2e-pdf-'));
  const file = join(dir, 'doc.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe.skipIf(!onPostgres)('accounts in the browser', () => {
  it('a street admin creates an account and prints its notice; the new user must change the password at first sign-in', async () => {
    const admin = await newSession(h, 'desk');
    await signInAs(admin, h, 'demo-street');
    await visit(admin, h, '/admin/users');
    await waitForText(admin.page, 'demo-community');
    await shot(admin, 'users');
    await clickText(admin.page, '新建账号');
    await waitForText(admin.page, '创建并生成初始密码');
    await typeInto(admin.page, '.el-dialog input[placeholder^="字母、数字"]', 'e2e-shuji');
    await admin.page.locator('.el-dialog .el-form-item:nth-of-type(2) input').fill('钱学文');
    const community = await sql<{ name: string }>`select o.name from organizations o join users u on u.org_id = o.id where u.login = 'demo-community'`.execute(h.db);
    await chooseOption(admin.page, '.el-dialog .el-form-item:nth-of-type(4) .el-select', community.rows[0]!.name);
    await clickText(admin.page, '创建并生成初始密码');
    await waitForText(admin.page, '初始密码只显示这一次');
    const password = (await textOf(admin.page, '[data-testid="initial-password"]')).trim();
    expect(password).toMatch(/^[A-Za-z2-9]{10}$/);
    await shot(admin, 'account-issued', { fullPage: false });
    const notice = await nextDownload(admin, () => clickText(admin.page, '打印开通通知单'));
    expect(notice.name).toMatch(/^账号开通通知单.*\.pdf$/);
    const text = pdfText(notice.bytes);
    for (const s of ['星评系统账号开通通知单', '钱学文', 'e2e-shuji', password, community.rows[0]!.name]) expect(text).toContain(s);

    const user = await newSession(h, 'phone');
    await signInAs(user, h, 'e2e-shuji', password, 'account');
    await shot(user, 'forced-change');
    await visit(user, h, '/');
    await user.page.waitForSelector('.forced', { visible: true }); // every page leads back to 账号设置 until changed
    await typeInto(user.page, 'input[name="current-password"]', password);
    await typeInto(user.page, 'input[name="new-password"]', 'weakpass');
    await typeInto(user.page, 'input[name="confirm-password"]', 'weakpass');
    await clickText(user.page, '确认修改');
    await waitForText(user.page, '至少包含大写字母');
    await typeInto(user.page, 'input[name="new-password"]', 'Qian-Xuewen-2026');
    await typeInto(user.page, 'input[name="confirm-password"]', 'Qian-Xuewen-2026');
    await clickText(user.page, '确认修改');
    await user.page.waitForSelector('.hello', { visible: true });
    expect(await textOf(user.page, '.hello')).toContain('钱学文');
    await closeSession(user);
    await closeSession(admin);
  });

  it('an admin imports accounts: every bad row is listed at once, and a good sheet downloads all the notices', async () => {
    const codes = await sql<{ code: string; kind: string }>`select code, kind from organizations where kind in ('grid', 'community') order by id limit 2`.execute(h.db);
    const dir = mkdtempSync(join(tmpdir(), 'xp-e2e-import-'));
    const bad = join(dir, '账号（有误）.csv');
    writeFileSync(bad, ['登录名,姓名,角色,组织编码', `e2e-imp-1,孙一,党组织书记/党务工作者,${codes.rows[0]!.code}`, 'e2e-imp-1,孙二,队长,NO-SUCH-ORG', 'demo-admin,孙三,领导,NO-SUCH-ORG'].join('\n'));
    const good = join(dir, '账号.csv');
    writeFileSync(good, ['登录名,姓名,角色,组织编码', `e2e-imp-1,孙一,党组织书记/党务工作者,${codes.rows[0]!.code}`, `e2e-imp-2,孙二,评议人,${codes.rows[1]!.code}`].join('\n'));

    const s = await newSession(h, 'phone');
    await signInAs(s, h, 'demo-admin');
    await visit(s, h, '/admin/users');
    await clickText(s.page, '批量导入');
    const input = await s.page.waitForSelector('input[data-testid="users-file"]');
    await input!.uploadFile(bad);
    await clickText(s.page, '导入并打印通知单');
    await waitForText(s.page, '未写入任何数据');
    const table = await textOf(s.page, '.el-dialog .error-list'); // a list of rows on a phone, a table on a desktop
    for (const x of ['登录名', '角色', '组织编码', '队长', 'NO-SUCH-ORG', '登录名已被使用']) expect(table).toContain(x);
    await shot(s, 'import-errors', { fullPage: false });
    expect((await sql<{ n: number }>`select count(*)::int as n from users where login like 'e2e-imp-%'`.execute(h.db)).rows[0]!.n).toBe(0);

    await input!.uploadFile(good);
    const pdf = await nextDownload(s, () => clickText(s.page, '导入并打印通知单'));
    expect(pdf.name).toMatch(/账号开通通知单.*2份\.pdf$/);
    const text = pdfText(pdf.bytes);
    expect(text).toContain('e2e-imp-1');
    expect(text).toContain('e2e-imp-2');
    await waitForText(s.page, '导入成功');
    const rows = await sql<{ login: string; must_change_password: boolean }>`select login, must_change_password from users where login like 'e2e-imp-%' order by login`.execute(h.db);
    expect(rows.rows).toEqual([{ login: 'e2e-imp-1', must_change_password: true }, { login: 'e2e-imp-2', must_change_password: true }]);
    await closeSession(s);
  });

  it('a superior resets a forgotten password from the list: the old one stops working at once', async () => {
    const admin = await newSession(h, 'desk');
    await signInAs(admin, h, 'demo-street');
    await visit(admin, h, '/admin/users');
    await typeInto(admin.page, '.toolbar input[placeholder^="登录名"]', 'demo-grid');
    await admin.page.keyboard.press('Enter');
    await admin.page.waitForFunction(() => document.querySelectorAll('.el-table__body tr').length === 1);
    await clickText(admin.page, '重置密码');
    await clickText(admin.page, '确定');
    await waitForText(admin.page, '密码已重置');
    const password = (await textOf(admin.page, '[data-testid="initial-password"]')).trim();
    const old = await newSession(h, 'desk');
    await signInAs(old, h, 'demo-grid', undefined, 'error');
    await signInAs(old, h, 'demo-grid', password, 'account');
    await closeSession(old);
    await closeSession(admin);
  });
});
