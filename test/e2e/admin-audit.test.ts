import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { ElementHandle, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickText, closeSession, newSession, nextDownload, onPostgres, shot, signInAs, startHarness, textOf, visit, waitForText, type Harness } from './support/harness';

/**
 * The department's accounts and audit trail in the browser: demo-admin creates an API token (its secret shown
 * once), revokes it, disables an account, finds that change in 审计日志 by its action, reads the before/after
 * field by field, downloads the same filter as Excel, and sees its own sign-in in 登录记录. Desk and phone.
 */

let h: Harness;
beforeAll(async () => {
  if (onPostgres) h = await startHarness();
}, 240_000);
afterAll(() => h?.close());

/** Picks the visible option of an Element Plus select after typing into it (poppers: a DOM click). */
async function pick(page: Page, selectSelector: string, typed: string, option: string) {
  await page.locator(selectSelector).click();
  await page.keyboard.type(typed);
  const item = await page.waitForFunction(
    (o) => [...document.querySelectorAll('.el-select-dropdown__item')].find((e) => (e as HTMLElement).offsetParent !== null && e.textContent?.includes(o)),
    { timeout: 15_000 },
    option,
  );
  await (item as ElementHandle<HTMLElement>).evaluate((e) => e.click());
  await page.waitForNetworkIdle({ idleTime: 200, timeout: 15_000 }).catch(() => {});
}

/** Waits until no dialog or message box (nor its fading overlay) covers the page. */
async function noOverlay(page: Page) {
  await page.waitForFunction(() => ![...document.querySelectorAll('.el-overlay')].some((o) => getComputedStyle(o).display !== 'none'), { timeout: 10_000 });
}

/** Opens a tab of 用户与账号 once no dialog or message box is left over it. */
async function openTab(page: Page, name: 'accounts' | 'tokens' | 'signins') {
  await noOverlay(page);
  await page.click(`#tab-${name}`);
  await page.waitForSelector(`#pane-${name}`, { visible: true });
}

async function bearer(token: string): Promise<number> {
  return (await fetch(`${h.baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status;
}

describe.skipIf(!onPostgres)('accounts, tokens and the audit log in the browser', () => {
  it('demo-admin creates a token shown once, revokes it, and finds a change in the audit log with its diff and Excel', async () => {
    const s = await newSession(h, 'desk', '10.77.1.2');
    await signInAs(s, h, 'demo-admin');

    // 访问令牌: create one for demo-grid's account; the secret is shown once and works as a bearer token.
    await visit(s, h, '/admin/users');
    await openTab(s.page, 'tokens');
    await waitForText(s.page, '新建令牌');
    await clickText(s.page, '新建令牌');
    await waitForText(s.page, '新建访问令牌');
    await pick(s.page, '[data-testid="token-user"]', 'demo-grid', 'demo-grid');
    await s.page.locator('.el-dialog input[placeholder^="如："]').fill('e2e 同步脚本');
    await clickText(s.page, '创建令牌');
    await waitForText(s.page, '令牌只显示这一次');
    const secret = await s.page.$eval('[data-testid="token-secret"]', (e) => (e as HTMLTextAreaElement).value);
    expect(secret).toMatch(/^xp_[A-Za-z0-9_-]{43}$/);
    await shot(s, 'token-secret', { fullPage: false });
    await clickText(s.page, '复制令牌');
    expect(await bearer(secret)).toBe(200);
    await clickText(s.page, '我已保存');
    await s.page.waitForFunction((t) => !document.body.innerHTML.includes(t), {}, secret);
    const row = await textOf(s.page, '#pane-tokens .el-table__body');
    expect(row).toContain('e2e 同步脚本');
    expect(row).toContain(secret.slice(0, 9));
    expect(row).toContain('有效');
    await shot(s, 'tokens');

    // Revoke, after a confirmation naming the token: it stops working at once.
    await s.page.locator('#pane-tokens .el-table__body button::-p-text(吊销)').click();
    await waitForText(s.page, '吊销令牌「e2e 同步脚本」');
    await s.page.locator('.el-message-box__btns .el-button--primary').click();
    await waitForText(s.page, '令牌已吊销');
    expect(await bearer(secret)).toBe(401);
    await waitForText(s.page, '已吊销');

    // Disable an account (a change with a before and an after).
    await openTab(s.page, 'accounts');
    await s.page.locator('#pane-accounts .toolbar input[placeholder^="登录名"]').fill('demo-unit');
    await s.page.keyboard.press('Enter');
    await s.page.waitForFunction(() => document.querySelectorAll('#pane-accounts .el-table__body tr').length === 1);
    // The filtered table may still re-render under the first tap on a busy machine: tap again only if no confirmation opened.
    for (let i = 0; i < 3; i++) {
      await s.page.locator('#pane-accounts .el-table__body button::-p-text(停用)').click();
      const opened = await s.page.waitForFunction(() => document.body.innerText.includes('停用后不能登录'), { timeout: 5_000 }).then(() => true, () => false);
      if (opened) break;
    }
    await waitForText(s.page, '停用后不能登录');
    await s.page.locator('.el-message-box__btns .el-button--primary').click();
    await waitForText(s.page, '账号已停用');

    // 审计日志: filter by the action, open the row, read the diff.
    await visit(s, h, '/admin/audit');
    await waitForText(s.page, '导出 Excel');
    await pick(s.page, '.toolbar .action', '停用', '停用账号');
    await s.page.waitForFunction(() => [...document.querySelectorAll('.el-table__body tr')].every((tr) => tr.textContent?.includes('停用账号')) && document.querySelectorAll('.el-table__body tr').length >= 1);
    expect(await textOf(s.page, '.el-table__body')).toContain('账号');
    await shot(s, 'audit');
    await s.page.locator('.el-table__body button::-p-text(查看)').click();
    await s.page.waitForSelector('[data-testid="audit-diff"]', { visible: true });
    const diff = await textOf(s.page, '[data-testid="audit-diff"]');
    // Before {disabled: false}, after {disabled: true, sessionsEnded, tokensRevoked}: three changed fields.
    for (const x of ['字段', '修改前', '修改后', '已停用', '否', '是', '结束的会话数', '吊销的令牌数']) expect(diff).toContain(x);
    await shot(s, 'audit-diff', { fullPage: false });
    await clickText(s.page, '关闭');
    await noOverlay(s.page);

    // The same filter as Excel: the same Chinese words, only this action.
    const file = await nextDownload(s, () => clickText(s.page, '导出 Excel'));
    expect(file.name).toMatch(/^审计日志_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes.buffer.slice(file.bytes.byteOffset, file.bytes.byteOffset + file.bytes.byteLength) as ArrayBuffer);
    const ws = wb.getWorksheet('审计日志')!;
    const cells = (r: number) => (ws.getRow(r).values as unknown[]).slice(1).map((v) => String(v ?? ''));
    expect(cells(2)).toEqual(['时间', '操作人', '操作人角色', '操作', '对象类型', '对象编号', '组织', '变更内容']);
    const body = Array.from({ length: ws.rowCount - 2 }, (_, i) => cells(i + 3));
    expect(body.length).toBeGreaterThanOrEqual(1);
    for (const r of body) expect(r[3]).toBe('停用账号');
    expect(body[0]![7]).toContain('已停用：否 → 是');

    // Both token steps are in the log, as demo-admin's.
    const logged = await sql<{ action: string }>`select a.action from audit_log a join users u on 'user:' || u.id = a.actor_id where u.login = 'demo-admin' and a.action like 'token.%' order by a.id`.execute(h.db);
    expect(logged.rows.map((r) => r.action)).toEqual(['token.create', 'token.revoke']);

    // 登录记录: its own sign-in from this address, 成功.
    await visit(s, h, '/admin/users');
    await openTab(s.page, 'signins');
    await s.page.locator('.signins .toolbar input').fill('demo-admin');
    await s.page.keyboard.press('Enter');
    await waitForText(s.page, '10.77.1.2');
    const history = await textOf(s.page, '.signin-table .el-table__body');
    expect(history.split('\n').find((l) => l.includes('10.77.1.2'))).toBeDefined();
    expect(history).toContain('成功');
    await shot(s, 'signins');
    await closeSession(s);
  }, 180_000);

  it('reads on a phone: the audit log as cards with the diff, tokens and sign-ins without page overflow', async () => {
    const s = await newSession(h, 'phone', '10.77.1.3');
    await signInAs(s, h, 'demo-admin');
    await visit(s, h, '/admin/audit');
    await s.page.waitForSelector('.cards .card', { visible: true });
    await shot(s, 'audit');
    await s.page.locator('.cards .card').click();
    await s.page.waitForSelector('.el-dialog', { visible: true });
    await shot(s, 'audit-diff', { fullPage: false });
    await clickText(s.page, '关闭');
    await visit(s, h, '/admin/users');
    await openTab(s.page, 'tokens');
    await waitForText(s.page, '新建令牌');
    await shot(s, 'tokens');
    await openTab(s.page, 'signins');
    await waitForText(s.page, '10.77.1.3');
    await shot(s, 'signins');
    const overflow = await s.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(overflow).toBe(true);
    await closeSession(s);
  });
});
