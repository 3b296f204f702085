import { beforeAll, describe, expect, it } from 'vitest';
import { computeFacts } from '../../src/features/scoring/facts.repository';
import { scoreCycle } from '../../src/features/scoring/score-cycle';
import type { PartScore } from '../../src/scoring/evaluate';
import { client, setupTestApp, testRuleSets, type TestApp } from '../support/app';
import { cliCtx, createCycle, createMember, createOrg, createToken, createTree, type Tree } from '../support/factories';

/**
 * Two-way evaluation (双向评价): each side writes only its own direction while the cycle is in review, the
 * total is computed on the server, both sides read both directions, and both directions become facts of
 * the organization evaluated (and a count of the evaluations an organization still owes).
 */

let t: TestApp;
let tree: Tree;
let year: number;
let unit2: { id: number };
let community2: { id: number };
let ids: { a: number; b: number; c: number };
let communityUser: ReturnType<typeof client>;
let unitUser: ReturnType<typeof client>;

beforeAll(async () => {
  t = await setupTestApp();
  tree = await createTree(t.db, '双向');
  year = await createCycle(t.db, 'collecting');
  unit2 = await createOrg(t.db, { kind: 'unit', parent_id: tree.sector.id });
  community2 = await createOrg(t.db, { kind: 'community', parent_id: tree.street.id });
  const admin = client(t.app, await createToken(t.db, 'admin', tree.district.id));
  const make = async (communityId: number, unitId: number) => (await admin.post('/api/agreements', { communityId, unitId, year, content: '共建' })).body.id as number;
  ids = { a: await make(tree.community.id, tree.unit.id), b: await make(tree.community.id, unit2.id), c: await make(community2.id, tree.unit.id) };
  communityUser = client(t.app, await createToken(t.db, 'org_user', tree.community.id));
  unitUser = client(t.app, await createToken(t.db, 'org_user', tree.unit.id));
});

// 资源项目落实 (resources) is computed by the server from the lists; the community gives the other three.
const rateUnit = (attendance: number, activities: number, members: number) => ({ direction: 'community_rates_unit', items: { attendance, activities, members } });
const rateCommunity = (coordination: number, service: number, response: number) => ({ direction: 'unit_rates_community', items: { coordination, service, response } });

describe('two-way evaluation', () => {
  it('is refused outside the review window with the cycle reason', async () => {
    const res = await communityUser.call('PUT', `/api/agreements/${ids.a}/twoway`, rateUnit(28, 20, 22.5));
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(`${year} 年度考核周期处于「台账填报中」状态，只有「年度评议中」时才能写入`);
    await t.db.updateTable('cycles').set({ state: 'reviewing' }).where('year', '=', year).execute();
  });

  it('lets each side write only its own direction, within each item maximum, total computed here', async () => {
    // The unit closed one project of the community on time this year; nothing with community2.
    await t.db
      .insertInto('cb_projects')
      .values({ community_id: tree.community.id, responsible_id: tree.unit.id, title: '加装电梯', goal: '目标', planned_start: `${year}-03-01`, planned_end: `${year}-06-30`, state: 'closed', created_on: `${year}-02-20`, claimed_on: `${year}-03-01`, closed_on: `${year}-06-20`, created_by: 'test' })
      .execute();
    const wrongSide = await unitUser.call('PUT', `/api/agreements/${ids.a}/twoway`, rateUnit(30, 25, 25));
    expect(wrongSide.status).toBe(403);
    const tooMuch = await communityUser.call('PUT', `/api/agreements/${ids.a}/twoway`, rateUnit(31, 20, 20));
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error.details.issues[0].field).toBe('items.attendance');
    const typed = await communityUser.call('PUT', `/api/agreements/${ids.a}/twoway`, { direction: 'community_rates_unit', items: { ...rateUnit(28, 20, 22.5).items, resources: 20 } });
    expect(typed.status).toBe(400);
    expect(typed.body.error.details.issues[0]).toMatchObject({ field: 'items.resources', message: '「资源项目落实」由系统根据项目清单和微心愿计算，不用填写' });
    // Before anyone writes, the sheet shows what the lists give today: one project closed on time, 10 points.
    const before = await communityUser.get(`/api/agreements/${ids.a}/twoway`);
    expect(before.body.catalog.community_rates_unit.find((i: any) => i.key === 'resources')).toMatchObject({ max: 20, now: { points: 10, text: '按期销号项目 1 个 × 10 = 10 分' } });
    const ok = await communityUser.call('PUT', `/api/agreements/${ids.a}/twoway`, { ...rateUnit(28, 20, 22.5), comment: '出席认真，资源到位' });
    expect(ok.status).toBe(200);
    // 28 + 20 + 22.5 + 10 (computed: 1 project on time × 10) = 80.5
    expect(ok.body.evaluations).toEqual([expect.objectContaining({ direction: 'community_rates_unit', total: '80.50', byOrgId: tree.community.id, items: { attendance: 28, activities: 20, members: 22.5, resources: 10 } })]);
    expect(ok.body.missing).toEqual(['unit_rates_community']);
    // 30 + 30 + 25 = 85
    expect((await unitUser.call('PUT', `/api/agreements/${ids.a}/twoway`, rateCommunity(30, 30, 25))).status).toBe(200);
    // 20 + 15 + 20 + 0 (unit2 delivered nothing) = 55
    expect((await communityUser.call('PUT', `/api/agreements/${ids.b}/twoway`, rateUnit(20, 15, 20))).status).toBe(200);
    // Both sides read both directions.
    const seen = await unitUser.get(`/api/agreements/${ids.a}/twoway`);
    expect(seen.body.evaluations.map((e: { direction: string; total: string }) => [e.direction, e.total])).toEqual([
      ['community_rates_unit', '80.50'],
      ['unit_rates_community', '85.00'],
    ]);
    // The year now keeps version 1 of both forms.
    const pins = await t.db.selectFrom('twoway_form_pins').select(['direction']).where('cycle_year', '=', year).orderBy('direction').execute();
    expect(pins.map((p) => p.direction)).toEqual(['community_rates_unit', 'unit_rates_community']);
  });

  it('stores the community feedback on the unit in-service members', async () => {
    const member = await createMember(t.db, { org_id: tree.unit.id, in_service: true, residence_community_id: tree.community.id, name: '王五' });
    const res = await communityUser.call('PUT', `/api/agreements/${ids.a}/feedback`, { members: [{ memberId: member.id, reported: true, hours: 12.5, rating: '好', comment: '参加楼道清洁' }] });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([{ memberId: member.id, memberName: '王五', reported: true, hours: '12.50', rating: '好', comment: '参加楼道清洁' }]);
    expect((await unitUser.call('PUT', `/api/agreements/${ids.a}/feedback`, { members: [{ memberId: member.id, reported: false }] })).status).toBe(403);
    const stranger = await createMember(t.db, { org_id: unit2.id, in_service: true });
    expect((await communityUser.call('PUT', `/api/agreements/${ids.a}/feedback`, { members: [{ memberId: stranger.id, reported: true }] })).status).toBe(400);
  });

  it('becomes facts in both directions, and a count of evaluations owed', async () => {
    const defs = {
      received: { source: 'twoway.received', label: '收到的评价', ifNone: 0 },
      count: { source: 'twoway.receivedCount', label: '收到的评价份数' },
      owed: { source: 'twoway.missingGiven', label: '未作出的评价' },
    } as const;
    const orgs = [tree.unit.id, unit2.id, tree.community.id, community2.id];
    const facts = await computeFacts(t.db, year, orgs, defs);
    // unit: rated 80.5 in agreement a, nothing in c → average 80.5 over 1; owes c (and a is given) → 1
    expect(facts.get(tree.unit.id)).toEqual({ received: 80.5, count: 1, owed: 1 });
    // unit2: rated 55 in b; owes its rating of the community in b → 1
    expect(facts.get(unit2.id)).toEqual({ received: 55, count: 1, owed: 1 });
    // community: rated 85 by unit in a, not by unit2 in b; gave both its ratings → 0 owed
    expect(facts.get(tree.community.id)).toEqual({ received: 85, count: 1, owed: 0 });
    // community2: nothing either way in c → received falls back to ifNone 0, owes 1
    expect(facts.get(community2.id)).toEqual({ received: 0, count: 0, owed: 1 });
  });

  it('feeds the resident-unit rule set: 0.15 point per point received, −5 per evaluation owed', async () => {
    const summary = await scoreCycle({ ctx: cliCtx(t.db), year, ruleSets: await testRuleSets() });
    const rating = async (orgId: number) => {
      const row = await t.db.selectFrom('scores').select('result').where('revision_id', '=', summary.revisionId).where('org_id', '=', orgId).executeTakeFirstOrThrow();
      return (row.result as { parts: PartScore[] }).parts.flatMap((p) => p.indicators).find((i) => i.id === 'rating')!.points;
    };
    // unit: 80.5 × 0.15 = 12.075; one evaluation owed −5 → 7.075, to 0.01 half up → 7.08
    expect(await rating(tree.unit.id)).toBe('7.08');
    // unit2: 55 × 0.15 = 8.25; one owed −5 → 3.25
    expect(await rating(unit2.id)).toBe('3.25');
  });
});
