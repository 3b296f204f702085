import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../support/factories';
import { assertNoOverflow, clickText, closeSession, newSession, onPostgres, shot, signInAs, startHarness, textOf, typeInto, visit, waitForText, type Harness } from './support/harness';

/**
 * The web application in real Chromium on the demo district, as each demo account would use it: sign in on a
 * desktop and on a phone, the home page of the role, the menu, 待办, the 404 page, and what the shell must
 * refuse (wrong password, lockout, a cookie write without its CSRF token, another subtree's page).
 */

let h: Harness;
const firstPaint: Record<string, number> = {};

beforeAll(async () => {
  if (onPostgres) h = await startHarness();
}, 240_000);
afterAll(async () => {
  await h?.close();
  if (Object.keys(firstPaint).length) console.log(`登录到首页首次绘制（毫秒）：${JSON.stringify(firstPaint)}`);
});

const accounts = [
  { login: 'demo-admin', menu: ['首页', '驾驶舱', '考核结果', '排名', '合订本', '台账审核', '述职报告', '双向评价', '共建清单', '申诉', '考核细则', '组织管理', '考核周期', '评议管理', '用户与账号', '审计日志', '账号设置'], org: '中共星城区委员会' },
  { login: 'demo-leader', menu: ['首页', '驾驶舱', '考核结果', '排名', '合订本', '述职报告', '双向评价', '共建清单', '申诉', '考核细则', '组织管理', '考核周期', '审计日志', '账号设置'], org: '中共星城区委员会' },
  { login: 'demo-street', menu: ['首页', '驾驶舱', '考核结果', '排名', '合订本', '台账审核', '述职报告', '双向评价', '共建清单', '申诉', '考核细则', '组织管理', '评议管理', '用户与账号', '审计日志', '账号设置'], org: '街道' },
  { login: 'demo-community', menu: ['首页', '我的考核', '台账', '台账审核', '述职报告', '双向评价', '共建清单', '申诉', '考核细则', '账号设置'], org: '社区' },
  { login: 'demo-grid', menu: ['首页', '我的考核', '台账', '述职报告', '共建清单', '申诉', '考核细则', '账号设置'], org: '网格党支部' },
  { login: 'demo-unit', menu: ['首页', '我的考核', '台账', '述职报告', '双向评价', '共建清单', '申诉', '考核细则', '账号设置'], org: '' },
  { login: 'demo-reviewer', menu: ['首页', '我的评议表', '账号设置'], org: '街道' },
] as const;

describe.skipIf(!onPostgres)('the app shell in the browser', () => {
  it.each(accounts)('$login signs in on a desktop and a phone and lands on the home page of its role', async (a) => {
    for (const viewport of ['desk', 'phone'] as const) {
      const s = await newSession(h, viewport);
      firstPaint[`${a.login}/${viewport}`] = await signInAs(s, h, a.login);
      await assertNoOverflow(s.page, `${a.login} home`);
      const greeting = await textOf(s.page, '.hello');
      expect(greeting).toMatch(/您好，\S+/);
      expect(greeting).toContain(a.org);
      await shot(s, `home-${a.login}`);
      if (viewport === 'phone') await s.page.click('button[aria-label="打开菜单"]');
      await s.page.waitForSelector('.side-menu', { visible: true });
      const menu = (await textOf(s.page, '.side-menu .el-menu-item')).split('\n').map((t) => t.trim()).filter(Boolean);
      expect(menu).toEqual(a.menu);
      if (viewport === 'phone' && a.login === 'demo-admin') await shot(s, 'menu-drawer', { fullPage: false });
      await closeSession(s);
    }
  });

  it('shows 待办 by role: records to review for the street, 公示 for the community, the coming review for the reviewer', async () => {
    const cases = [
      ['demo-street', '待审核的台账'],
      ['demo-community', '考核结果公示'],
      ['demo-reviewer', '即将开始的评议'],
    ] as const;
    for (const [login, title] of cases) {
      const s = await newSession(h, 'phone');
      await signInAs(s, h, login);
      expect(await textOf(s.page, '.todos')).toContain(title);
      await closeSession(s);
    }
  });

  it('says the same for a wrong password as for an unknown login, and locks after 5 failures with the time to wait', async () => {
    const u = await createUser(h.db, { role: 'org_user', orgId: (await firstOrg('grid')).id, password: 'Right-pass-2026' });
    const s = await newSession(h, 'desk', '10.77.0.1');
    await signInAs(s, h, 'no-such-person', 'Whatever-1', 'error');
    expect(await textOf(s.page, '.el-alert--error')).toContain('登录名或密码错误');
    for (let i = 1; i <= 4; i++) {
      const t = await newSession(h, 'desk', `10.77.1.${i}`);
      await signInAs(t, h, u.login, `Wrong-pass-${i}`, 'error');
      expect(await textOf(t.page, '.el-alert--error')).toContain('登录名或密码错误');
      await closeSession(t);
    }
    const last = await newSession(h, 'phone', '10.77.2.1');
    await signInAs(last, h, u.login, 'Wrong-pass-5', 'error');
    expect(await textOf(last.page, '.el-alert--error')).toMatch(/账号已暂时锁定，请在 \d{2}:\d{2} 后再试/);
    await shot(last, 'login-locked');
    await signInAs(last, h, u.login, 'Right-pass-2026', 'error');
    expect(await textOf(last.page, '.el-alert--error')).toContain('锁定');
    await closeSession(s);
    await closeSession(last);
  });

  it('refuses a write made with the session cookie but without the CSRF token', async () => {
    const s = await newSession(h, 'desk');
    await signInAs(s, h, 'demo-grid');
    const result = await s.page.evaluate(async () => {
      const year = new Date().getFullYear();
      const body = JSON.stringify({ orgId: 0, kind: 'theme_day', occurredOn: `${year}-06-01`, title: '伪造的请求' });
      const res = await fetch('/api/ledger', { method: 'POST', headers: { 'content-type': 'application/json' }, body, credentials: 'same-origin' });
      return { status: res.status, body: await res.json() };
    });
    expect(result.status).toBe(403);
    expect(result.body.error.code).toBe('csrf_failed');
    await closeSession(s);
  });

  it('shows the Chinese 404 page for an unknown path and for another subtree\'s organization', async () => {
    const s = await newSession(h, 'phone');
    await signInAs(s, h, 'demo-community');
    await visit(s, h, '/no/such/page');
    await waitForText(s.page, '页面不存在');
    const mine = await sql<{ id: number }>`select o.id from organizations o join users u on u.org_id = o.id where u.login = 'demo-community'`.execute(h.db);
    const foreign = await sql<{ id: number }>`select id from organizations where kind = 'community' and id <> ${mine.rows[0]!.id} order by id desc limit 1`.execute(h.db);
    await visit(s, h, `/orgs/${foreign.rows[0]!.id}`);
    await waitForText(s.page, '页面不存在');
    expect(await textOf(s.page)).not.toMatch(/组织编码/);
    await shot(s, 'not-found');
    await visit(s, h, `/orgs/${mine.rows[0]!.id}`);
    await waitForText(s.page, '组织编码');
    await closeSession(s);
  });

  it('signs out from the user menu and goes back to the sign-in page', async () => {
    const s = await newSession(h, 'desk');
    await signInAs(s, h, 'demo-leader');
    await s.page.click('.top .user');
    await clickText(s.page, '退出登录', 'li');
    await s.page.waitForSelector('input[autocomplete="current-password"]', { visible: true });
    await visit(s, h, '/');
    expect(s.page.url()).toContain('/login');
    await closeSession(s);
  });

  it('keeps what was typed when the session ends mid-form: sign in again in a dialog and the form goes through', async () => {
    const u = await createUser(h.db, { role: 'org_user', orgId: (await firstOrg('community')).id, password: 'Before-pass-1' });
    const s = await newSession(h, 'phone');
    await signInAs(s, h, u.login, 'Before-pass-1');
    await visit(s, h, '/account');
    await typeInto(s.page, 'input[name="current-password"]', 'Before-pass-1');
    await typeInto(s.page, 'input[name="new-password"]', 'After-pass-22');
    await typeInto(s.page, 'input[name="confirm-password"]', 'After-pass-22');
    // The session ends underneath the page (as after 30 idle minutes).
    await sql`update user_sessions set revoked_at = now() where user_id = ${u.id}`.execute(h.db);
    await clickText(s.page, '确认修改');
    await waitForText(s.page, '登录已超时');
    await shot(s, 'reauth-dialog', { fullPage: false });
    // A mistyped password is answered in the dialog, which stays open; then the right one.
    await typeInto(s.page, '.el-dialog input[autocomplete="current-password"]', 'Mistyped-pass-1');
    await clickText(s.page, '重新登录并继续');
    await waitForText(s.page, '登录名或密码错误');
    await typeInto(s.page, '.el-dialog input[autocomplete="current-password"]', 'Before-pass-1');
    await clickText(s.page, '重新登录并继续');
    await waitForText(s.page, '密码已修改');
    const t = await newSession(h, 'desk');
    await signInAs(t, h, u.login, 'After-pass-22');
    await closeSession(t);
    await closeSession(s);
  });
});

async function firstOrg(kind: string): Promise<{ id: number }> {
  const { rows } = await sql<{ id: number }>`select id from organizations where kind = ${kind} order by id limit 1`.execute(h.db);
  return rows[0]!;
}
