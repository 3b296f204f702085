import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { exceljsSpreadsheet } from '../../src/adapters/spreadsheet-exceljs';
import { createApp } from '../../src/app';
import type { Database } from '../../src/db/database';
import { quietLogger } from '../../src/deps';
import { runCommand, type CliIo } from '../../src/entry/cli-program';
import type { Clock } from '../../src/lib/clock';
import { compileRuleSet } from '../../src/rules/compile';
import { ruleSetRegistry } from '../../src/rules/registry';
import { client, testAuthDeps, testBallotOptions, testPrinting } from '../support/app';
import { openIsolatedDatabase } from '../support/db';
import { cliCtx, createOrg, createToken } from '../support/factories';

/**
 * Two-stage scoring (自评 + 上级评定) through the API, the gate of its own (the self-assessment dates), the facts
 * SQL, scoring and the scorecard. Rule file: test/fixtures/rules/self-review.json (communities): 党建工作责任制
 * self 40% + review 60%, 班子建设 the superior's score, 服务群众 self 30% + review 70% (no self-score: the review).
 */
const YEAR = 2035;
let db: Kysely<Database>;
let now = new Date(`${YEAR}-12-10T04:00:00Z`);
const clock: Clock = { now: () => now };
let app: ReturnType<typeof createApp>;
const org = { street: 0, c1: 0, c2: 0, otherStreet: 0, c3: 0 };
const as = {} as Record<'admin' | 'street' | 'c1' | 'c2' | 'c3', ReturnType<typeof client>>;

const put = (who: keyof typeof as, orgId: number, indicator: string, half: 'self' | 'review', points: unknown, note?: string) =>
  as[who].put(`/api/cycles/${YEAR}/assessments/${orgId}/${indicator}/${half}`, note === undefined ? { points } : { points, note });
const item = (body: any, id: string) => body.items.find((i: any) => i.indicator === id);

beforeAll(async () => {
  const handle = await openIsolatedDatabase();
  db = handle.db;
  const compiled = await compileRuleSet(readFileSync('test/fixtures/rules/self-review.json', 'utf8'), 'self-review.json');
  app = createApp({ db, dbKind: handle.kind, clock, logger: quietLogger, spreadsheet: exceljsSpreadsheet, ruleSets: ruleSetRegistry([compiled]), printing: testPrinting(), ballots: testBallotOptions(), ...testAuthDeps(db, handle.kind, clock) });
  const district = await createOrg(db, { kind: 'district' });
  org.street = (await createOrg(db, { kind: 'street', parent_id: district.id })).id;
  org.c1 = (await createOrg(db, { kind: 'community', parent_id: org.street, name: '自评一社区' })).id;
  org.c2 = (await createOrg(db, { kind: 'community', parent_id: org.street, name: '自评二社区' })).id;
  org.otherStreet = (await createOrg(db, { kind: 'street', parent_id: district.id })).id;
  org.c3 = (await createOrg(db, { kind: 'community', parent_id: org.otherStreet })).id;
  await db.insertInto('cycles').values({ year: YEAR, state: 'collecting' }).execute();
  as.admin = client(app, await createToken(db, 'admin', district.id));
  as.street = client(app, await createToken(db, 'org_user', org.street));
  as.c1 = client(app, await createToken(db, 'org_user', org.c1));
  as.c2 = client(app, await createToken(db, 'org_user', org.c2));
  as.c3 = client(app, await createToken(db, 'org_user', org.c3));
  return () => handle.drop();
}, 120_000);

describe('the self-assessment gate', () => {
  it('takes no self-score before the dates are set, nor outside them', async () => {
    let res = await put('c1', org.c1, 'duty', 'self', 9);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(`${YEAR} 年度尚未设置自评时间，现在不能填报自评`);
    // Only the cycle's manager sets the dates; the closing date may fall in the next year.
    expect((await as.street.put(`/api/cycles/${YEAR}/self-assessment-window`, { opens: `${YEAR}-12-11`, closes: `${YEAR + 1}-01-05` })).status).toBe(403);
    res = await as.admin.put(`/api/cycles/${YEAR}/self-assessment-window`, { opens: `${YEAR}-12-11`, closes: `${YEAR + 1}-01-05` });
    expect(res.body).toEqual({ opens: `${YEAR}-12-11`, closes: `${YEAR + 1}-01-05`, open: false, text: `自评时间 ${YEAR}-12-11 至 ${YEAR + 1}-01-05，尚未开始` });
    const backwards = await as.admin.put(`/api/cycles/${YEAR}/self-assessment-window`, { opens: `${YEAR}-12-11`, closes: `${YEAR}-12-01` });
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body)).toContain('开始日期晚于截止日期');
    res = await put('c1', org.c1, 'duty', 'self', 9);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('尚未开始');
    now = new Date(`${YEAR}-12-11T01:00:00Z`); // 09:00 in China, the first day
    expect((await as.admin.get(`/api/cycles/${YEAR}`)).body).toMatchObject({ selfAssessmentOpens: `${YEAR}-12-11`, selfAssessmentCloses: `${YEAR + 1}-01-05` });
  });
});

describe('entering the two scores', () => {
  it('lets only the organization itself score itself, within the maximum, for its two-stage indicators', async () => {
    let res = await put('c1', org.c1, 'duty', 'self', 9, '按月召开支委会，责任清单已公示');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ orgId: org.c1, canSelf: true, canReview: false, window: { open: true } });
    expect(item(res.body, 'duty')).toMatchObject({ max: '10.00', weights: { self: '0.4', review: '0.6' }, self: { points: '9.00', note: '按月召开支委会，责任清单已公示' }, review: null, difference: null });
    expect(res.body.items.map((i: any) => i.indicator)).toEqual(['duty', 'team', 'service']);
    // The superior may not self-score for it, a sibling may not touch it, nor may it review itself.
    expect((await put('street', org.c1, 'duty', 'self', 9)).status).toBe(403);
    expect((await put('c2', org.c1, 'duty', 'self', 9)).status).toBe(403);
    expect((await put('c1', org.c1, 'duty', 'review', 9)).status).toBe(403);
    res = await put('c1', org.c1, 'duty', 'self', 10.5);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ details: { issues: [{ field: 'points' }] }, message: 'points：「党建工作责任制落实」满分 10.00 分，填报的 10.50 分超出满分' });
    res = await put('c1', org.c1, 'ledger', 'self', 5);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('可选：duty（党建工作责任制落实）、team（班子建设）、service（服务群众）');
    expect((await put('c1', org.c1, 'duty', 'self', '-1')).status).toBe(400);
    expect((await put('c1', org.c1, 'team', 'self', 18)).status).toBe(200);
    expect((await put('c1', org.c1, 'service', 'self', 8)).status).toBe(200);
  });

  it('lets a superior review, shows the difference, and then locks the self-score', async () => {
    expect((await put('c3', org.c1, 'duty', 'review', 8)).status).toBe(403);
    let res = await put('street', org.c1, 'duty', 'review', 8, '责任清单未逐项对照');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ canSelf: false, canReview: true });
    expect(item(res.body, 'duty')).toMatchObject({ self: { points: '9.00' }, review: { points: '8.00', note: '责任清单未逐项对照' }, difference: '-1.00' });
    res = await put('c1', org.c1, 'duty', 'self', 10);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('「党建工作责任制落实」上级已评定，自评不能再修改');
    expect((await put('street', org.c1, 'team', 'review', 17)).status).toBe(200);
    expect((await put('street', org.c1, 'service', 'review', 9)).status).toBe(200);
    // c2 never self-assesses; the street reviews it.
    for (const [ind, p] of [['duty', 10], ['team', 20], ['service', 9]] as const) expect((await put('street', org.c2, ind, 'review', p)).status).toBe(200);
    const audit = await db.selectFrom('audit_log').select(['action', 'entity_id', 'after']).where('entity', '=', 'self_assessment').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['assessment.self', 'assessment.self', 'assessment.self', 'assessment.review', 'assessment.review', 'assessment.review', 'assessment.review', 'assessment.review', 'assessment.review']);
    expect(audit[0]).toMatchObject({ entity_id: `${YEAR}/${org.c1}/duty`, after: { points: '9.00', note: '按月召开支委会，责任清单已公示' } });
  });

  it('puts 自评 in the menu of an organization whose rule set scores in two stages, 上级评定 in its superior’s', async () => {
    const menu = async (who: keyof typeof as) => (await as[who].get('/api/auth/me')).body.menu.map((m: any) => m.title);
    expect(await menu('c1')).toContain('自评');
    expect(await menu('street')).toEqual(expect.arrayContaining(['上级评定']));
    expect(await menu('street')).not.toContain('自评'); // streets have no rule set here
  });

  it('lists the subtree with each organization’s progress', async () => {
    const res = await as.street.get(`/api/cycles/${YEAR}/assessments`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items.map((i: any) => [i.orgId, i.selfDone, i.reviewDone, i.statusLabel])).toEqual([
      [org.c1, 3, 3, '已评定'],
      [org.c2, 0, 3, '已评定'],
    ]);
    const all = await as.admin.get(`/api/cycles/${YEAR}/assessments?status=notStarted`);
    expect(all.body.items.map((i: any) => i.orgId)).toEqual([org.c3]);
    expect((await as.c3.get(`/api/cycles/${YEAR}/assessments/${org.c1}`)).status).toBe(404);
  });

  it('closes the self-assessment after its last day', async () => {
    now = new Date(`${YEAR + 1}-01-05T15:59:00Z`); // 23:59 on the last day in China
    expect((await put('c3', org.c3, 'duty', 'self', 7)).status).toBe(200);
    now = new Date(`${YEAR + 1}-01-05T16:00:00Z`); // 00:00 on the day after
    const res = await put('c3', org.c3, 'team', 'self', 7);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(`${YEAR} 年度自评时间 ${YEAR}-12-11 至 ${YEAR + 1}-01-05，已结束，现在不能填报自评`);
    // The superior's review has no such dates.
    expect((await put('admin', org.c3, 'duty', 'review', 6)).status).toBe(200);
  });
});

describe('scored through the database', () => {
  let cards: Record<'c1' | 'c2' | 'c3', any>;
  beforeAll(async () => {
    expect((await as.admin.post(`/api/cycles/${YEAR}/transition`, { to: 'reviewing' })).status).toBe(200);
    const res = await as.admin.post(`/api/cycles/${YEAR}/score`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const get = async (id: number) => (await as.admin.get(`/api/cycles/${YEAR}/orgs/${id}/scorecard`)).body;
    cards = { c1: await get(org.c1), c2: await get(org.c2), c3: await get(org.c3) };
  });
  const lines = (card: any, id: string) => card.parts[0].indicators.find((i: any) => i.id === id).lines.map((l: any) => l.text);

  it('weighs the self-score and the superior’s, and says how far apart they are', () => {
    // 9 × 0.4 + 8 × 0.6 = 3.6 + 4.8 = 8.4; 班子建设 the review, 17; 8 × 0.3 + 9 × 0.7 = 2.4 + 6.3 = 8.7; 8.4 + 17 + 8.7 = 34.1
    expect(cards.c1).toMatchObject({ assessed: true, total: '34.10', grade: { grade: 'fair', label: '较好' } });
    expect(lines(cards.c1, 'duty')).toEqual(['自评 40% + 上级评定 60%：自评 9 分 × 40% + 上级评定 8 分 × 60% = 8.4 分（满分 10 分；上级评定比自评低 1 分）']);
    expect(lines(cards.c1, 'team')).toEqual(['以上级评定为准：以上级评定为准：上级评定 17 分，自评 18 分（满分 20 分），上级评定比自评低 1 分，得 17 分']);
    expect(lines(cards.c1, 'service')).toEqual(['自评 30% + 上级评定 70%：自评 8 分 × 30% + 上级评定 9 分 × 70% = 8.7 分（满分 10 分；上级评定比自评高 1 分）']);
  });

  it('counts a missing self-score as 0, or takes the superior’s where the rule says so', () => {
    // 0 × 0.4 + 10 × 0.6 = 6; 20; 服务群众 the review, 9: 6 + 20 + 9 = 35
    expect(cards.c2).toMatchObject({ assessed: true, total: '35.00' });
    expect(lines(cards.c2, 'duty')).toEqual(['自评 40% + 上级评定 60%：自评 0 分 × 40% + 上级评定 10 分 × 60% = 6 分（满分 10 分；未自评，自评按 0 分计）']);
    expect(lines(cards.c2, 'service')).toEqual(['自评 30% + 上级评定 70%：未自评，按上级评定计：上级评定 9 分（满分 10 分），得 9 分']);
  });

  it('leaves an organization whose superior has not scored every indicator unassessed, naming what is missing', () => {
    // c3: duty 7 × 0.4 + 6 × 0.6 = 2.8 + 3.6 = 6.4; team and service not reviewed
    expect(cards.c3).toMatchObject({ assessed: false, reasons: ['缺少数据：班子建设上级评定分（上级尚未评定）', '缺少数据：服务群众上级评定分（上级尚未评定）'] });
    expect(cards.c3.notAssessedLabel ?? cards.c3.ruleSet?.notAssessedLabel ?? '不定等次').toBe('不定等次');
    expect(lines(cards.c3, 'duty')[0]).toContain('= 6.4 分');
    expect(lines(cards.c3, 'team')).toEqual(['以上级评定为准：未自评，上级尚未评定，不计分']);
  });
});

describe('the command line', () => {
  it('sets the dates, lists progress, shows and enters scores', async () => {
    const out: string[] = [];
    const io: CliIo = { out: (t) => out.push(t), err: (t) => out.push(t), progress: () => {} };
    const run: Parameters<typeof runCommand>[1] = async (fn) => fn({ ctx: { ...cliCtx(db), clock }, deps: { ruleSets: ruleSetRegistry([await compileRuleSet(readFileSync('test/fixtures/rules/self-review.json', 'utf8'), 'self-review.json')]) } as any });
    expect(await runCommand(['assess', 'show', String(YEAR), String(org.c1)], run, io, process.cwd())).toBe(0);
    expect(out.join('\n')).toContain('duty\t党建工作责任制落实\t满分 10.00\t自评 9.00\t上级评定 8.00\t差额 -1.00');
    expect(await runCommand(['assess', 'review', String(YEAR), String(org.c3), 'team', '15', '--note', '纸质评定表'], run, io, process.cwd())).toBe(0);
    expect(out.at(-1)).toContain('上级评定 15.00');
    expect(await runCommand(['assess', 'list', String(YEAR), '--status', 'awaitingReview'], run, io, process.cwd())).toBe(0);
    expect(out.join('\n')).toMatch(/共 0 个组织|待上级评定/);
  });
});
