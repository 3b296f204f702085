import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { ElementHandle } from 'puppeteer';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertNoOverflow, chooseOption, clickSettled, clickText, closeSession, messageBoxButton, newSession, nextDownload, onPostgres, shot, signInAs, startHarness, textOf, typeInto, visit, waitForText, type Harness, type Session } from './support/harness';

/**
 * 共建清单 in the browser on the demo district: the community secretary records a need, ticks it in 供需对接 and lists a
 * project; the unit's secretary claims it on a phone, logs progress with a photo and asks for 销号; the community sees
 * the unit's photo in the timeline and approves, which meets the need. Each step is checked in the database.
 */
let h: Harness;
let community: number;
let unit: number;

beforeAll(async () => {
  if (!onPostgres) return;
  h = await startHarness();
  community = (await sql<{ id: number }>`select org_id as id from users where login = 'demo-community'`.execute(h.db)).rows[0]!.id;
  unit = (await sql<{ id: number }>`select org_id as id from users where login = 'demo-unit'`.execute(h.db)).rows[0]!.id;
}, 240_000);
afterAll(() => h?.close());

async function project(title: string) {
  return (await sql<{ id: number; state: string; responsible_id: number | null; sent_back: number }>`select id, state, responsible_id, sent_back from cb_projects where title = ${title}`.execute(h.db)).rows[0];
}

/** Writes one entry in the project's dialog (登记进度, 申请销号, 同意销号) and waits for the ledger row. */
async function entry(s: Session, move: string, text: string, kind: string, projectId: number) {
  await clickSettled(s.page, `[data-testid="move-${move}"]`);
  await typeInto(s.page, '.el-dialog textarea[data-testid="entry-text"]', text);
  await clickSettled(s.page, '[data-testid="entry-save"]');
  await s.page.waitForFunction(() => document.querySelectorAll('.el-overlay-dialog').length === 0 || ![...document.querySelectorAll('.el-overlay')].some((o) => (o as HTMLElement).offsetParent !== null), { timeout: 15_000 });
  const row = await sql<{ n: number }>`select count(*)::int as n from cb_progress where project_id = ${projectId} and kind = ${kind} and text = ${text}`.execute(h.db);
  expect(row.rows[0]!.n, `${move} written`).toBe(1);
}

/** Chooses a state in the project list's filter (a DOM click on the option: the popper may still be scaling in). */
async function pickState(page: Session['page'], label: string) {
  for (let attempt = 0; ; attempt++) {
    await clickSettled(page, '[data-testid="projects-state"] .el-select__wrapper');
    const found = await page
      .waitForFunction((t) => [...document.querySelectorAll('.el-select-dropdown__item')].find((e) => (e as HTMLElement).offsetParent !== null && e.textContent?.trim() === t), { timeout: 3000 }, label)
      .catch((e: unknown) => (attempt < 3 ? null : Promise.reject(e)));
    if (found) {
      await (found as ElementHandle<HTMLElement>).evaluate((e) => e.click());
      await page.waitForNetworkIdle({ idleTime: 200, timeout: 15_000 }).catch(() => {});
      return;
    }
  }
}

describe.skipIf(!onPostgres)('共建清单 in the browser', () => {
  it('a community lists a need and a project from it; the unit claims it on a phone, logs progress with a photo and asks for 销号; the community approves', async () => {
    const c = await newSession(h, 'desk');
    await signInAs(c, h, 'demo-community');
    await visit(c, h, '/cobuilding');
    await waitForText(c.page, '项目清单');
    await c.page.waitForSelector('[data-testid="projects-table"] a.name', { visible: true });
    await shot(c, 'cobuilding');

    // A need, recorded in the dialog.
    await clickText(c.page, '登记需求');
    await typeInto(c.page, '.el-dialog input[data-testid="need-title"]', '浏览器登记：楼道加装扶手');
    await typeInto(c.page, '.el-dialog textarea[data-testid="need-description"]', '3 号楼高龄居民上下楼困难，希望加装扶手');
    await clickSettled(c.page, '[data-testid="need-urgent"] input');
    await shot(c, 'cobuilding-need', { fullPage: false });
    await clickSettled(c.page, '[data-testid="need-save"]');
    await waitForText(c.page, '已登记需求「浏览器登记：楼道加装扶手」');
    const need = (await sql<{ id: number; state: string; urgency: string; org_id: number }>`select id, state, urgency, org_id from cb_needs where title = '浏览器登记：楼道加装扶手'`.execute(h.db)).rows[0]!;
    expect(need).toMatchObject({ state: 'open', urgency: 'urgent', org_id: community });

    // 供需对接: the new need waits beside the unused resources; ticked, it becomes a project.
    await visit(c, h, '/cobuilding?tab=match');
    await c.page.waitForSelector(`[data-need="${need.id}"]`, { visible: true });
    await shot(c, 'cobuilding-match');
    await c.page.$eval(`[data-need="${need.id}"] input[type="checkbox"]`, (e) => (e as HTMLElement).click());
    await clickSettled(c.page, '[data-testid="match-create"]');
    await typeInto(c.page, '.el-dialog input[data-testid="project-title"]', '浏览器立项：楼道扶手');
    await typeInto(c.page, '.el-dialog textarea[data-testid="project-goal"]', '年底前为 3 号楼 6 个单元加装扶手');
    const end = `${new Date().getFullYear()}-12-31`;
    await typeInto(c.page, '.el-dialog [data-testid="project-end"] input', end);
    await c.page.keyboard.press('Enter');
    expect(await textOf(c.page, '.el-dialog [data-testid="project-needs"]')).toContain('浏览器登记：楼道加装扶手');
    await clickSettled(c.page, '[data-testid="project-save"]');
    await waitForText(c.page, '进度台账');
    const p = (await project('浏览器立项：楼道扶手'))!;
    expect(p).toMatchObject({ state: 'open', responsible_id: null });
    expect((await sql<{ state: string }>`select state from cb_needs where id = ${need.id}`.execute(h.db)).rows[0]!.state).toBe('in_project');
    expect(await textOf(c.page, '[data-testid="project-state"]')).toContain('待认领');

    // The unit, on a phone: the project is open to it by agreement; it claims it, logs progress with a photo, asks for 销号.
    const u = await newSession(h, 'phone');
    await signInAs(u, h, 'demo-unit');
    await visit(u, h, '/cobuilding');
    // Every member unit has projects in every year: the unit narrows its list to those waiting for a claimer.
    await pickState(u.page, '待认领');
    await waitForText(u.page, '浏览器立项：楼道扶手');
    await assertNoOverflow(u.page, 'cobuilding phone');
    await shot(u, 'cobuilding');
    await visit(u, h, `/cobuilding/projects/${p.id}`);
    await clickSettled(u.page, '[data-testid="move-claim"]');
    await messageBoxButton(u.page, '认领');
    await waitForText(u.page, '已认领');
    expect(await project('浏览器立项：楼道扶手')).toMatchObject({ state: 'claimed', responsible_id: unit });

    await clickSettled(u.page, '[data-testid="move-progress"]');
    await typeInto(u.page, '.el-dialog textarea[data-testid="entry-text"]', '已完成 1 至 3 单元的扶手安装');
    const photo = join(mkdtempSync(join(tmpdir(), 'xp-photo-')), '扶手安装.jpg');
    writeFileSync(photo, await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 200, g: 120, b: 40 } } }).jpeg().toBuffer());
    await ((await u.page.$('.el-dialog input[type="file"]')) as ElementHandle<HTMLInputElement>).uploadFile(photo);
    await u.page.waitForFunction(() => [...document.querySelectorAll('.el-dialog .tile img')].some((i) => (i as HTMLImageElement).src.includes('/api/files/')), { timeout: 30_000 });
    await shot(u, 'cobuilding-progress', { fullPage: false });
    await clickSettled(u.page, '[data-testid="entry-save"]');
    await u.page.waitForSelector('[data-testid="project-timeline"] .el-image', { visible: true, timeout: 15_000 });
    const file = (await sql<{ file_ids: number[]; org_id: number }>`select file_ids, org_id from cb_progress where project_id = ${p.id} and kind = 'progress'`.execute(h.db)).rows[0]!;
    expect(file.org_id).toBe(unit);
    expect(file.file_ids).toHaveLength(1);
    await entry(u, 'proposeClose', '6 个单元全部安装完毕，申请销号', 'close_proposed', p.id);
    expect((await project('浏览器立项：楼道扶手'))!.state).toBe('closing');
    await assertNoOverflow(u.page, 'project phone');
    await shot(u, 'cobuilding-project');
    await closeSession(u);

    // The community reads the unit's photo (its subtree alone would not show it) and approves.
    await visit(c, h, `/cobuilding/projects/${p.id}`);
    await waitForText(c.page, '申请销号');
    const thumb = await c.page.$eval('[data-testid="project-timeline"] .el-image img', (i) => (i as HTMLImageElement).src);
    expect((await c.page.evaluate((src) => fetch(src).then((r) => r.status), thumb))).toBe(200);
    await shot(c, 'cobuilding-project');
    await entry(c, 'approveClose', '经现场查看，同意销号', 'closed', p.id);
    expect((await project('浏览器立项：楼道扶手'))!.state).toBe('closed');
    expect((await sql<{ state: string }>`select state from cb_needs where id = ${need.id}`.execute(h.db)).rows[0]!.state).toBe('met');
    await waitForText(c.page, '已销号');
    const audit = await sql<{ action: string }>`select action from audit_log where entity = 'cb_project' and entity_id = ${String(p.id)} order by id`.execute(h.db);
    expect(audit.rows.map((r) => r.action)).toEqual(['cobuilding.project.create', 'cobuilding.project.claim', 'cobuilding.project.progress', 'cobuilding.project.proposeClose', 'cobuilding.project.approveClose']);
    await closeSession(c);
  });

  it("a street reads its communities' co-building year as a chart and a table, on a desk and on a phone", async () => {
    const street = (await sql<{ id: number; path: string }>`select o.id, o.path from users u join organizations o on o.id = u.org_id where u.login = 'demo-street'`.execute(h.db)).rows[0]!;
    const year = new Date().getFullYear();
    const expected = (await sql<{ n: number; communities: number }>`
      select (select count(*)::int from cb_projects p join organizations c on c.id = p.community_id where c.path like ${`${street.path}%`} and extract(year from p.created_on) = ${year}) as n,
             (select count(*)::int from organizations c where c.kind = 'community' and c.path like ${`${street.path}%`}) as communities`.execute(h.db)).rows[0]!;
    for (const viewport of ['desk', 'phone'] as const) {
      const s = await newSession(h, viewport);
      await signInAs(s, h, 'demo-street');
      await visit(s, h, '/cobuilding');
      await s.page.waitForSelector('[data-testid="overview-totals"]', { visible: true });
      await s.page.waitForSelector('.chart svg', { visible: true });
      // The first figure: every project the street's communities listed this year.
      expect(await s.page.$eval('[data-testid="overview-totals"] .stat b', (b) => b.textContent)).toBe(String(expected.n));
      expect(await s.page.$$eval('[data-testid="overview-table"] .el-table__body-wrapper tr', (rs) => rs.length)).toBe(expected.communities);
      await assertNoOverflow(s.page, `cobuilding overview ${viewport}`);
      await shot(s, 'cobuilding-overview');
      await closeSession(s);
    }
  });

  it('a community imports needs from a sheet (every error at once, then all rows) and downloads the lists as Excel', async () => {
    const code = (await sql<{ code: string }>`select code from organizations where id = ${community}`.execute(h.db)).rows[0]!.code;
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
    const dir = mkdtempSync(join(tmpdir(), 'xp-needs-'));
    const sheet = (name: string, rows: string[]) => {
      const file = join(dir, name);
      writeFileSync(file, ['需求名称,具体内容,收集单位编码,类型,来源,紧急程度,涉及居民人数,收集日期', ...rows].join('\n'));
      return file;
    };
    const c = await newSession(h, 'desk');
    await signInAs(c, h, 'demo-community');
    await visit(c, h, '/cobuilding');
    await clickSettled(c.page, '[data-testid="import-needs"]');
    const input = (await c.page.waitForSelector('input[data-testid="import-file"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(sheet('需求.csv', [`导入：助餐点,独居老人就餐不便,${code},服务,上门,一般,12,${today}`, `导入：照明,楼道灯坏了,${code},物资,走访,一般,很多,${today}`]));
    await clickSettled(c.page, '[data-testid="import-submit"]');
    await c.page.waitForSelector('[data-testid="import-errors"]', { visible: true });
    const errors = await textOf(c.page, '[data-testid="import-errors"]');
    expect(errors).toContain('应为走访、议事会、网格上报、群众点单之一');
    expect(errors).toContain('应为整数');
    await shot(c, 'cobuilding-import', { fullPage: false });
    await input.uploadFile(sheet('需求2.csv', [`导入：助餐点,独居老人就餐不便,${code},服务,走访,急难愁盼,12,${today}`, `导入：照明,楼道灯坏了,${code},物资,走访,一般,8,${today}`]));
    await clickSettled(c.page, '[data-testid="import-submit"]');
    await waitForText(c.page, '导入成功：共 2 行');
    expect((await sql<{ n: number }>`select count(*)::int as n from cb_needs where title like '导入：%' and org_id = ${community}`.execute(h.db)).rows[0]!.n).toBe(2);

    const file = await nextDownload(c, () => clickSettled(c.page, '[data-testid="export-lists"]'));
    expect(file.name).toMatch(/^共建清单_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes.buffer as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['项目清单', '需求清单', '资源清单']);
    const needTitles: string[] = [];
    wb.getWorksheet('需求清单')!.eachRow((row, n) => n > 2 && needTitles.push(String(row.getCell(1).value)));
    expect(needTitles).toEqual(expect.arrayContaining(['导入：助餐点', '导入：照明']));
    await closeSession(c);

    // The unit imports its resources for the community of its agreement: its panel offers 资源清单 only.
    const unitCode = (await sql<{ code: string }>`select code from organizations where id = ${unit}`.execute(h.db)).rows[0]!.code;
    const u = await newSession(h, 'desk');
    await signInAs(u, h, 'demo-unit');
    await visit(u, h, '/cobuilding');
    expect(await textOf(u.page, '[data-testid="import-needs"]')).toBe('导入资源');
    await clickSettled(u.page, '[data-testid="import-needs"]');
    const file2 = join(dir, '资源.csv');
    writeFileSync(file2, ['资源名称,具体内容,提供单位编码,面向组织编码,类型,规模或数量,联系方式,提供日期,提供至', `导入：警务室开放,周末开放警务室用于普法宣传,${unitCode},${code},场地,可容纳 30 人,,${today},`].join('\n'));
    const input2 = (await u.page.waitForSelector('input[data-testid="import-file"]')) as ElementHandle<HTMLInputElement>;
    await input2.uploadFile(file2);
    await clickSettled(u.page, '[data-testid="import-submit"]');
    await waitForText(u.page, '导入成功：共 1 行');
    await waitForText(u.page, '导入：警务室开放');
    expect((await sql<{ n: number }>`select count(*)::int as n from cb_resources where title = '导入：警务室开放' and org_id = ${unit} and offered_to_id = ${community}`.execute(h.db)).rows[0]!.n).toBe(1);
    await shot(u, 'cobuilding-import-resources', { fullPage: false });
    await closeSession(u);
  });

  it('微心愿: the community publishes a wish with consent; the unit claims and fulfils it on a phone; the community gives the resident the code to confirm with', async () => {
    const c = await newSession(h, 'desk');
    await signInAs(c, h, 'demo-community');
    await visit(c, h, '/cobuilding?tab=wishes');
    await clickSettled(c.page, '[data-testid="new-wish"]');
    await typeInto(c.page, '.el-dialog input[data-testid="wish-text"]', '浏览器心愿：想要一台收音机听戏');
    await typeInto(c.page, '.el-dialog input[data-testid="wish-alias"]', '王奶奶');
    await clickSettled(c.page, '[data-testid="wish-save"]');
    await waitForText(c.page, '须经居民本人同意后才能公开心愿');
    await clickSettled(c.page, '[data-testid="wish-consent"]');
    await clickSettled(c.page, '[data-testid="wish-save"]');
    await waitForText(c.page, '已登记「王奶奶」的心愿');
    const wish = (await sql<{ id: number; state: string }>`select id, state from cb_wishes where wish = '浏览器心愿：想要一台收音机听戏'`.execute(h.db)).rows[0]!;
    expect(wish.state).toBe('open');
    await shot(c, 'cobuilding-wishes');
    await closeSession(c);

    const u = await newSession(h, 'phone');
    await signInAs(u, h, 'demo-unit');
    await visit(u, h, '/cobuilding?tab=wishes');
    await u.page.waitForSelector(`[data-wish="${wish.id}"]`, { visible: true });
    await clickSettled(u.page, `[data-wish="${wish.id}"] [data-testid="wish-claim"]`);
    await u.page.waitForSelector('.el-message-box input', { visible: true });
    await u.page.type('.el-message-box input', '赵党员');
    await messageBoxButton(u.page, '认领');
    await u.page.waitForFunction((id) => document.querySelector(`[data-wish="${id}"]`)?.textContent?.includes('赵党员'), { timeout: 15_000 }, wish.id);
    await clickSettled(u.page, `[data-wish="${wish.id}"] [data-testid="wish-fulfil"]`);
    await typeInto(u.page, '.el-dialog textarea[data-testid="wish-fulfil-text"]', '党员赵某送去收音机并教会使用');
    await clickSettled(u.page, '[data-testid="wish-fulfil-save"]');
    await waitForText(u.page, '已登记实现');
    expect((await sql<{ state: string }>`select state from cb_wishes where id = ${wish.id}`.execute(h.db)).rows[0]!.state).toBe('fulfilled');
    // The claimer cannot give itself the resident's code.
    expect(await u.page.$(`[data-wish="${wish.id}"] [data-testid="wish-code-issue"]`)).toBeNull();
    await assertNoOverflow(u.page, 'wish wall phone');
    await shot(u, 'cobuilding-wishes');
    await closeSession(u);

    // The community issues the code for the resident.
    const c2 = await newSession(h, 'phone');
    await signInAs(c2, h, 'demo-community');
    await visit(c2, h, '/cobuilding?tab=wishes');
    await clickSettled(c2.page, `[data-wish="${wish.id}"] [data-testid="wish-code-issue"]`);
    await c2.page.waitForSelector('[data-testid="wish-code"]', { visible: true, timeout: 15_000 });
    const code = (await textOf(c2.page, '[data-testid="wish-code"]')).trim();
    expect(code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    await shot(c2, 'cobuilding-wish-code', { fullPage: false });
    await closeSession(c2);

    // The resident, on a phone, without an account.
    const r = await newSession(h, 'phone');
    await r.page.goto(`${h.baseUrl}/w/${code}`, { waitUntil: 'load' });
    await waitForText(r.page, '浏览器心愿：想要一台收音机听戏');
    await assertNoOverflow(r.page, 'wish confirm page');
    await shot(r, 'wish-confirm');
    await Promise.all([r.page.waitForNavigation({ waitUntil: 'load' }), r.page.click('button.primary')]);
    await waitForText(r.page, '感谢您的确认');
    expect((await sql<{ state: string }>`select state from cb_wishes where id = ${wish.id}`.execute(h.db)).rows[0]!.state).toBe('confirmed');
    await closeSession(r);
  });

  it('轮值主席: the community reads its rota with what each chair took on, replaces a term, and is told when a term overlaps', async () => {
    const year = new Date().getFullYear();
    const terms = async () => (await sql<{ id: number; unit_id: number; unit: string; starts_on: string; ends_on: string }>`select h.id, h.unit_id, u.name as unit, h.starts_on::text, h.ends_on::text from cb_chairs h join organizations u on u.id = h.unit_id where h.community_id = ${community} and extract(year from h.starts_on) = ${year} order by h.starts_on`.execute(h.db)).rows;
    const before = await terms();
    expect(before.length).toBeGreaterThan(0);
    const c = await newSession(h, 'desk');
    await signInAs(c, h, 'demo-community');
    await visit(c, h, '/cobuilding?tab=chairs');
    await c.page.waitForSelector('[data-chair]', { visible: true });
    expect(await c.page.$$eval('[data-chair]', (l) => l.map((e) => Number(e.getAttribute('data-chair'))))).toEqual(before.map((t) => t.id).reverse());
    await shot(c, 'cobuilding-chairs');

    // The last term of the year is removed and given again, to the same unit, in the dialog.
    const last = before.at(-1)!;
    await clickSettled(c.page, `[data-chair="${last.id}"] .del`);
    await messageBoxButton(c.page, '删除');
    await waitForText(c.page, '已删除');
    expect((await terms()).map((t) => t.id)).not.toContain(last.id);
    const give = async () => {
      await clickSettled(c.page, '[data-testid="new-chair"]');
      await c.page.waitForSelector('.el-dialog [data-testid="chair-range"] input', { visible: true });
      const [from, to] = await c.page.$$('.el-dialog [data-testid="chair-range"] input');
      await from!.evaluate((e) => (e as HTMLInputElement).focus());
      await c.page.keyboard.type(last.starts_on);
      await to!.evaluate((e) => (e as HTMLInputElement).focus());
      await c.page.keyboard.type(last.ends_on);
      await c.page.keyboard.press('Enter');
      await chooseOption(c.page, '.el-dialog [data-testid="chair-unit"]', last.unit);
      await clickSettled(c.page, '.el-dialog button.submit');
    };
    await give();
    await waitForText(c.page, `已安排「${last.unit}」任轮值主席（${last.starts_on} 至 ${last.ends_on}）`);
    const after = await terms();
    expect(after.map((t) => [t.unit_id, t.starts_on, t.ends_on])).toEqual(before.map((t) => [t.unit_id, t.starts_on, t.ends_on]));
    // The same term again overlaps the one just given: the dialog says so at the field, and nothing is written.
    await give();
    await waitForText(c.page, `与「${last.unit}」的任期（${last.starts_on} 至 ${last.ends_on}）重叠`);
    await shot(c, 'cobuilding-chair-overlap', { fullPage: false });
    expect((await terms()).length).toBe(before.length);
    await closeSession(c);

    // On a phone the rota reads as cards, each chair's projects linked to their pages.
    const phone = await newSession(h, 'phone');
    await signInAs(phone, h, 'demo-community');
    await visit(phone, h, '/cobuilding?tab=chairs');
    await phone.page.waitForSelector('[data-chair]', { visible: true });
    await assertNoOverflow(phone.page, 'chairs on a phone');
    await shot(phone, 'cobuilding-chairs');
    await closeSession(phone);
  });

  it("成员单位: the community reads each member unit's outcomes and 资源项目落实 as the API has them; the unit reads its own on a phone", async () => {
    const year = new Date().getFullYear() - 1;
    type Answer = { items: { agreementId: number; unit: { name: string }; community: { name: string }; points: number | null; text: string | null; delivered: boolean }[]; total: number };
    const c = await newSession(h, 'desk');
    await signInAs(c, h, 'demo-community');
    await visit(c, h, '/cobuilding?tab=units');
    await c.page.waitForSelector('[data-testid="member-units"]', { visible: true });
    // Last year (the filter's second year): every member unit of the community with the server's points and arithmetic.
    const api = (await c.page.evaluate(async (y) => (await fetch(`/api/cobuilding/member-units?year=${y}`)).json(), year)) as Answer;
    expect(api.total).toBeGreaterThan(0);
    const agreements = (await sql<{ n: number }>`select count(*)::int as n from agreements where community_id = ${community} and year = ${year}`.execute(h.db)).rows[0]!.n;
    expect(api.total).toBe(agreements);
    await clickSettled(c.page, '[data-testid="member-units-year"] .el-select__wrapper');
    const option = await c.page.waitForFunction((t) => [...document.querySelectorAll('.el-select-dropdown__item')].find((e) => (e as HTMLElement).offsetParent !== null && e.textContent?.trim() === t), { timeout: 10_000 }, `${year} 年度`);
    await (option as ElementHandle<HTMLElement>).evaluate((e) => e.click());
    await c.page.waitForSelector(`[data-agreement="${api.items[0]!.agreementId}"]`, { visible: true });
    for (const r of api.items.slice(0, 20)) {
      const card = await textOf(c.page, `[data-agreement="${r.agreementId}"]`);
      expect(card).toContain(r.unit.name);
      expect(card).toContain(r.delivered ? '有落实成果' : '尚无落实成果');
      if (r.points !== null) expect(card).toContain(r.text!);
    }
    await shot(c, 'cobuilding-member-units');
    await closeSession(c);

    const u = await newSession(h, 'phone');
    await signInAs(u, h, 'demo-unit');
    await visit(u, h, '/cobuilding?tab=units');
    await u.page.waitForSelector('[data-testid="member-units"]', { visible: true });
    const own = (await u.page.evaluate(async (y) => (await fetch(`/api/cobuilding/member-units?year=${y}`)).json(), year + 1)) as Answer;
    const unitName = (await sql<{ name: string }>`select name from organizations where id = ${unit}`.execute(h.db)).rows[0]!.name;
    expect(own.items.every((r) => r.unit.name === unitName)).toBe(true);
    await assertNoOverflow(u.page, 'member units on a phone');
    await shot(u, 'cobuilding-member-units');
    await closeSession(u);
  });

  it('the unit reads what residents said of a project it closed, on a desk and on a phone', async () => {
    // The demo unit's rated project with the most valid ballots (shown once there are at least 10).
    const rated = (
      await sql<{ id: number; year: number; n: number }>`select p.id, extract(year from p.closed_on)::int as year, count(b.id)::int as n from cb_projects p join rating_targets t on t.project_id = p.id
        join ballots b on b.target_id = t.id and b.voided_at is null where p.responsible_id = ${unit} group by 1, 2 order by 3 desc, 1 limit 1`.execute(h.db)
    ).rows[0]!;
    expect(rated.n).toBeGreaterThanOrEqual(10);
    const overall = (await sql<{ answer: string; n: number }>`select b.answers->>'overall' as answer, count(*)::int as n from ballots b join rating_targets t on t.id = b.target_id
      where t.project_id = ${rated.id} and b.voided_at is null group by 1 order by 2 desc, 1 limit 1`.execute(h.db)).rows[0]!;
    for (const viewport of ['desk', 'phone'] as const) {
      const u = await newSession(h, viewport);
      await signInAs(u, h, 'demo-unit');
      await visit(u, h, `/cobuilding/projects/${rated.id}`);
      await u.page.waitForSelector('[data-testid="project-ratings"]', { visible: true, timeout: 15_000 });
      const text = await textOf(u.page, '[data-testid="project-ratings"]');
      expect(text).toContain(`${rated.year} 年度共驻共建项目群众评价`);
      expect(text).toContain(`有效票 ${rated.n} 张`);
      // The most given overall answer, with its count, as the server tallied it.
      expect(text).toContain(`${overall.answer} ${overall.n}（`);
      await u.page.$eval('[data-testid="project-ratings"]', (e) => e.scrollIntoView());
      await assertNoOverflow(u.page, 'project ratings');
      await shot(u, 'cobuilding-project-ratings', { fullPage: false });
      await closeSession(u);
    }
  });

  it('责任分解: the community adds a node for the unit on a desk (refused in Chinese first), the unit marks it done on a phone', async () => {
    const p = (await sql<{ id: number; planned_end: string }>`select id, planned_end::text from cb_projects where community_id = ${community} and responsible_id = ${unit} and state = 'claimed' order by id limit 1`.execute(h.db)).rows[0]!;
    const c = await newSession(h, 'desk');
    await signInAs(c, h, 'demo-community');
    await visit(c, h, `/cobuilding/projects/${p.id}`);
    await c.page.waitForSelector('[data-testid="project-tasks"]', { visible: true });
    await clickSettled(c.page, '[data-testid="task-add"]');
    await c.page.waitForSelector('.task-dialog', { visible: true });
    await typeInto(c.page, '.task-dialog input[maxlength="100"]', '修');
    await clickSettled(c.page, '[data-testid="task-save"]');
    await waitForText(c.page, '至少 2 个字');
    const title = '组织入户回访，收集居民意见';
    await typeInto(c.page, '.task-dialog input[maxlength="100"]', title);
    await typeInto(c.page, '.task-dialog input[maxlength="20"]', '赵敏');
    await c.page.locator('.task-dialog label.el-checkbox').click();
    await shot(c, 'cobuilding-task-dialog', { fullPage: false });
    await clickSettled(c.page, '[data-testid="task-save"]');
    await waitForText(c.page, '已添加任务');
    const task = (await sql<{ id: number; org_id: number; person: string; due_on: string; milestone: boolean }>`select id, org_id, person, due_on::text, milestone from cb_project_tasks where project_id = ${p.id} and title = ${title}`.execute(h.db)).rows[0]!;
    // The dialog proposed the responsible unit and the planned end.
    expect(task).toMatchObject({ org_id: unit, person: '赵敏', due_on: p.planned_end, milestone: true });
    expect(await textOf(c.page, '[data-testid="project-tasks"]')).toContain(title);
    await shot(c, 'cobuilding-project-tasks');
    await closeSession(c);

    const u = await newSession(h, 'phone');
    await signInAs(u, h, 'demo-unit');
    await visit(u, h, `/cobuilding/projects/${p.id}`);
    await u.page.waitForSelector(`[data-testid="project-tasks"] .card[data-task="${task.id}"]`, { visible: true });
    await u.page.$eval(`[data-testid="project-tasks"] .card[data-task="${task.id}"]`, (e) => e.scrollIntoView());
    await u.page.locator(`[data-testid="project-tasks"] .card[data-task="${task.id}"] button`).click();
    await messageBoxButton(u.page, '已完成');
    await waitForText(u.page, '已标记完成');
    const done = (await sql<{ done_on: string; today: string }>`select done_on::text, ((now() at time zone 'Asia/Shanghai')::date)::text as today from cb_project_tasks where id = ${task.id}`.execute(h.db)).rows[0]!;
    expect(done.done_on).toBe(done.today);
    expect(await textOf(u.page, `.card[data-task="${task.id}"]`)).toContain(`${done.today} 完成`);
    await assertNoOverflow(u.page, 'tasks on a phone');
    await shot(u, 'cobuilding-project-tasks', { fullPage: false });
    await closeSession(u);
  });
});
