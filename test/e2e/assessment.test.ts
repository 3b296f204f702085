import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setSelfAssessmentWindow } from '../../src/features/assessments/assessments.service';
import { cliActor } from '../../src/features/context';
import { publishRuleSet } from '../../src/features/scoring/preview-rules';
import { systemClock, todayInChina } from '../../src/lib/clock';
import { clickText, closeSession, newSession, onPostgres, shot, signInAs, startHarness, textOf, typeInto, visit, waitForText, type Harness } from './support/harness';

/**
 * 自评 and 上级评定 in the browser on the demo district: the year collecting its ledger gets the two-stage rule
 * set of test/fixtures/rules/self-review.json for its communities and self-assessment dates around today; the
 * community secretary scores itself on a phone, the street reviews on a desktop and sees the difference, and the
 * secretary then finds its self-score locked.
 */
let h: Harness;
let year: number;
let community: { id: number; name: string };

beforeAll(async () => {
  if (!onPostgres) return;
  h = await startHarness();
  const ctx = { actor: cliActor(), db: h.db, clock: systemClock, requestId: null };
  year = (await sql<{ year: number }>`select year from cycles where state = 'collecting' order by year desc limit 1`.execute(h.db)).rows[0]!.year;
  await publishRuleSet({ ctx, year, draft: JSON.parse(readFileSync('test/fixtures/rules/self-review.json', 'utf8')) });
  const today = todayInChina(systemClock);
  const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  await setSelfAssessmentWindow({ ctx, year, input: { opens: day(-3), closes: day(10) } });
  community = (await sql<{ id: number; name: string }>`select o.id, o.name from organizations o join users u on u.org_id = o.id where u.login = 'demo-community'`.execute(h.db)).rows[0]!;
}, 240_000);
afterAll(() => h?.close());

describe.skipIf(!onPostgres)('自评 and 上级评定 in the browser', () => {
  it('the community scores itself on a phone, the street reviews on a desktop, and the self-score is then locked', async () => {
    const secretary = await newSession(h, 'phone');
    await signInAs(secretary, h, 'demo-community');
    await secretary.page.click('button[aria-label="打开菜单"]');
    await secretary.page.waitForSelector('.side-menu', { visible: true });
    expect(await textOf(secretary.page, '.side-menu')).toContain('自评');
    await visit(secretary, h, '/assessment/self');
    await waitForText(secretary.page, '党建工作责任制落实');
    expect(await textOf(secretary.page, '.el-alert')).toContain('正在进行');
    await typeInto(secretary.page, '[data-indicator="duty"] .points input', '9');
    await typeInto(secretary.page, '[data-indicator="duty"] textarea', '按月召开支委会，责任清单已公示');
    await secretary.page.click('[data-indicator="duty"] button.save');
    await waitForText(secretary.page, '自评已保存');
    await secretary.page.waitForFunction(() => document.querySelector('[data-indicator="duty"]')?.textContent?.includes('已自评，待上级评定'));
    await typeInto(secretary.page, '[data-indicator="team"] .points input', '18');
    await secretary.page.click('[data-indicator="team"] button.save');
    await secretary.page.waitForFunction(() => document.querySelector('[data-indicator="team"]')?.textContent?.includes('已自评，待上级评定'));
    await shot(secretary, 'assessment-self');
    // Too high a score is capped by the input at the maximum (10), never sent above it.
    await typeInto(secretary.page, '[data-indicator="service"] .points input', '12');
    await secretary.page.keyboard.press('Tab');
    expect(await secretary.page.$eval('[data-indicator="service"] .points input', (e) => (e as HTMLInputElement).value)).toBe('10.00');
    const rows = await sql<{ indicator: string; self_points: string }>`select indicator, self_points from self_assessments where org_id = ${community.id} and cycle_year = ${year} order by indicator`.execute(h.db);
    expect(rows.rows.map((r) => [r.indicator, Number(r.self_points)])).toEqual([['duty', 9], ['team', 18]]);

    const street = await newSession(h, 'desk');
    await signInAs(street, h, 'demo-street');
    await visit(street, h, '/assessment/review');
    await waitForText(street.page, community.name);
    await shot(street, 'assessment-review-list');
    await street.page.locator(`.el-table__row ::-p-text(${community.name})`).click();
    await waitForText(street.page, `上级评定：${community.name}`);
    expect(await textOf(street.page, '[data-indicator="duty"]')).toContain('按月召开支委会，责任清单已公示');
    await typeInto(street.page, '[data-indicator="duty"] .points input', '8');
    await typeInto(street.page, '[data-indicator="duty"] textarea', '责任清单未逐项对照');
    await street.page.click('[data-indicator="duty"] button.save');
    await waitForText(street.page, '上级评定比自评低 1.00 分');
    await shot(street, 'assessment-review-org');
    await closeSession(street);

    const phoneStreet = await newSession(h, 'phone');
    await signInAs(phoneStreet, h, 'demo-street');
    await visit(phoneStreet, h, `/assessment/review/${community.id}`);
    await waitForText(phoneStreet.page, '上级评定比自评低 1.00 分');
    await shot(phoneStreet, 'assessment-review-org');
    await visit(phoneStreet, h, '/assessment/review');
    await waitForText(phoneStreet.page, community.name);
    await shot(phoneStreet, 'assessment-review-list');
    await closeSession(phoneStreet);

    await visit(secretary, h, '/assessment/self');
    await waitForText(secretary.page, '上级已评定，自评不能再修改');
    expect(await secretary.page.$('[data-indicator="duty"] .points input')).toBeNull();
    await closeSession(secretary);

    const desk = await newSession(h, 'desk');
    await signInAs(desk, h, 'demo-community');
    await visit(desk, h, '/assessment/self');
    await waitForText(desk.page, '上级评定比自评低 1.00 分');
    await shot(desk, 'assessment-self');
    await closeSession(desk);
  }, 240_000);
});
