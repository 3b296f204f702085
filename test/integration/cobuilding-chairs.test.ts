import { beforeAll, describe, expect, it } from 'vitest';
import { computeFacts } from '../../src/features/scoring/facts.repository';
import { fixedClock } from '../../src/lib/clock';
import { FactDef } from '../../src/rules/rule-set.schema';
import { client, setupTestApp, type TestApp } from '../support/app';
import { createOrg, createToken, createTree, type Tree } from '../support/factories';

/**
 * 轮值主席 (issue 17): a community sets the rota of its 大党委 chairs from the member units with an agreement for the
 * year, terms never overlapping and never crossing a year; what each chair took on is the community's projects its
 * unit claimed during the term, listed with the term and counted by the facts `cobuilding.chairs`, worked by hand.
 * A database of its own with a clock on 2023-12-20 (2022 finalized, 2023 collecting).
 */
let t: TestApp;
let tree: Tree;
let community: ReturnType<typeof client>;
let unit: ReturnType<typeof client>;
let stranger: ReturnType<typeof client>;
let unit2Id: number;
let oldPartnerId: number;
let strangerId: number;
const ids: Record<string, number> = {};

const ok = (res: { status: number; body: any }, status = 200) => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
};
const def = (d: object) => FactDef.parse({ label: '事实', ...d });
const issue = (res: { body: any }) => res.body.error.details?.issues?.[0] ?? { field: res.body.error.details?.field, message: res.body.error.message };

beforeAll(async () => {
  t = await setupTestApp({ isolated: true, clock: fixedClock('2023-12-20T02:00:00Z') });
  await t.db.insertInto('cycles').values([{ year: 2022, state: 'finalized' }, { year: 2023, state: 'collecting' }]).execute();
  tree = await createTree(t.db, '轮值');
  unit2Id = (await createOrg(t.db, { kind: 'unit', parent_id: tree.sector.id, name: '轮值区医院党委' })).id;
  oldPartnerId = (await createOrg(t.db, { kind: 'enterprise', parent_id: tree.sector.id, name: '轮值去年共建企业党支部' })).id;
  strangerId = (await createOrg(t.db, { kind: 'enterprise', parent_id: tree.sector.id, name: '轮值无协议企业党支部' })).id;
  await t.db
    .insertInto('agreements')
    .values([
      { community_id: tree.community.id, unit_id: tree.unit.id, year: 2022, content: '共建协议' },
      { community_id: tree.community.id, unit_id: tree.unit.id, year: 2023, content: '共建协议' },
      { community_id: tree.community.id, unit_id: unit2Id, year: 2023, content: '共建协议' },
      { community_id: tree.community.id, unit_id: oldPartnerId, year: 2022, content: '去年的共建协议' },
    ])
    .execute();
  community = client(t.app, await createToken(t.db, 'org_user', tree.community.id));
  unit = client(t.app, await createToken(t.db, 'org_user', tree.unit.id));
  stranger = client(t.app, await createToken(t.db, 'org_user', strangerId));
}, 60_000);

describe('轮值主席', () => {
  it('takes terms of member units with an agreement for the year, within one year, never overlapping', async () => {
    const term = { communityId: tree.community.id, unitId: tree.unit.id, startsOn: '2023-01-01', endsOn: '2023-06-30', duties: '牵头老旧小区加装电梯' };
    ids.t1 = ok(await community.post('/api/cobuilding/chairs', term), 201).id;
    const overlap = await community.post('/api/cobuilding/chairs', { ...term, unitId: unit2Id, startsOn: '2023-06-15', endsOn: '2023-09-30' });
    expect(overlap.status).toBe(409);
    expect(overlap.body.error.message).toBe(`与「${tree.unit.name}」的任期（2023-01-01 至 2023-06-30）重叠`);
    ids.t2 = ok(await community.post('/api/cobuilding/chairs', { ...term, unitId: unit2Id, startsOn: '2023-07-01', endsOn: '2023-12-31', duties: undefined }), 201).id;
    // Each bad input names its field, in Chinese.
    const bad = [
      [{ ...term, startsOn: '2023-05-01', endsOn: '2023-04-30' }, 'endsOn', '任期结束 2023-04-30 早于开始 2023-05-01'],
      [{ ...term, startsOn: '2023-12-01', endsOn: '2024-01-31' }, 'endsOn', '任期须在同一考核年度内（2023 年），跨年请分两段安排'],
      [{ ...term, unitId: strangerId }, 'unitId', `「轮值无协议企业党支部」与「${tree.community.name}」没有 2023 年度的共建协议，不是大党委成员单位`],
      [{ ...term, unitId: oldPartnerId }, 'unitId', `「轮值去年共建企业党支部」与「${tree.community.name}」没有 2023 年度的共建协议，不是大党委成员单位`],
      [{ ...term, communityId: tree.grid.id }, 'communityId', `轮值主席是社区大党委的，「${tree.grid.name}」是网格党支部`],
    ] as const;
    for (const [body, field, message] of bad) {
      const res = await community.post('/api/cobuilding/chairs', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(issue(res)).toEqual({ field, message });
    }
    // A finalized year takes no term; a unit cannot set its community's rota.
    const closed = await community.post('/api/cobuilding/chairs', { ...term, startsOn: '2022-01-01', endsOn: '2022-06-30' });
    expect([closed.status, closed.body.error.code]).toEqual([409, 'cycle_closed']);
    expect((await unit.post('/api/cobuilding/chairs', { ...term, startsOn: '2023-08-01', endsOn: '2023-08-31' })).status).toBe(403);
    expect(await t.db.selectFrom('cb_chairs').select(['unit_id', 'starts_on', 'ends_on']).orderBy('starts_on').execute()).toEqual([
      { unit_id: tree.unit.id, starts_on: '2023-01-01', ends_on: '2023-06-30' },
      { unit_id: unit2Id, starts_on: '2023-07-01', ends_on: '2023-12-31' },
    ]);
  });

  it('lists with each term the projects the chair\'s unit claimed in it, and counts them as facts', async () => {
    const project = async (title: string, plannedEnd: string) =>
      ok(await community.post('/api/cobuilding/projects', { communityId: tree.community.id, title, goal: `${title}的目标`, plannedStart: '2023-03-01', plannedEnd, createdOn: '2023-03-01' }), 201).id as number;
    ids.p1 = await project('加装电梯协调', '2023-05-31');
    ids.p2 = await project('楼道照明改造', '2023-10-31');
    ids.p3 = await project('义诊进社区', '2023-09-30');
    const unit2 = client(t.app, await createToken(t.db, 'org_user', unit2Id));
    ok(await unit.post(`/api/cobuilding/projects/${ids.p1}/claim`, { unitId: tree.unit.id, on: '2023-03-10' }));
    ok(await unit.post(`/api/cobuilding/projects/${ids.p1}/close-request`, { text: '电梯已加装完成', on: '2023-05-20' }));
    ok(await community.post(`/api/cobuilding/projects/${ids.p1}/close`, { text: '验收通过', on: '2023-05-25' }));
    ok(await unit.post(`/api/cobuilding/projects/${ids.p2}/claim`, { unitId: tree.unit.id, on: '2023-08-01' }));
    ok(await unit2.post(`/api/cobuilding/projects/${ids.p3}/claim`, { unitId: unit2Id, on: '2023-07-15' }));

    const list = ok(await community.get('/api/cobuilding/chairs?year=2023')).items;
    // Latest term first; P2 was claimed by 供电局 after its term (08-01 > 06-30): not a chair's problem.
    expect(list.map((c: any) => [c.unit.name, c.startsOn, c.endsOn, c.projects.map((p: any) => [p.title, p.stateLabel, p.overdue]), c.claimed, c.closed, c.current, c.mayDelete])).toEqual([
      ['轮值区医院党委', '2023-07-01', '2023-12-31', [['义诊进社区', '实施中', true]], 1, 0, true, true],
      [tree.unit.name, '2023-01-01', '2023-06-30', [['加装电梯协调', '已销号', false]], 1, 1, false, true],
    ]);
    expect(list[1].duties).toBe('牵头老旧小区加装电梯');
    // The unit sees its own term (not its peer's), without the community's delete; a stranger sees none.
    expect(ok(await unit.get('/api/cobuilding/chairs')).items.map((c: any) => [c.id, c.mayDelete])).toEqual([[ids.t1, false]]);
    expect(ok(await stranger.get('/api/cobuilding/chairs')).total).toBe(0);

    const defs = {
      terms: def({ source: 'cobuilding.chairs', count: 'terms' }),
      claimed: def({ source: 'cobuilding.chairs', count: 'claimed' }),
      closed: def({ source: 'cobuilding.chairs', count: 'closed' }),
      cTerms: def({ source: 'cobuilding.chairs', side: 'community', count: 'terms' }),
      cClaimed: def({ source: 'cobuilding.chairs', side: 'community', count: 'claimed' }),
      cClosed: def({ source: 'cobuilding.chairs', side: 'community', count: 'closed' }),
    } as Record<string, FactDef>;
    const facts = await computeFacts(t.db, 2023, [tree.unit.id, unit2Id, tree.community.id, strangerId], defs);
    // 供电局: one term (01-01..06-30); P1 claimed 03-10 within it (1), closed 05-25 in 2023 (1); P2 claimed after it.
    expect(facts.get(tree.unit.id)).toMatchObject({ terms: 1, claimed: 1, closed: 1 });
    // 区医院: one term (07-01..12-31); P3 claimed 07-15 within it (1), not closed (0).
    expect(facts.get(unit2Id)).toMatchObject({ terms: 1, claimed: 1, closed: 0 });
    // The community: 2 terms; 1 + 1 = 2 problems its chairs took on; 1 + 0 = 1 closed.
    expect(facts.get(tree.community.id)).toMatchObject({ cTerms: 2, cClaimed: 2, cClosed: 1 });
    expect(facts.get(strangerId)).toMatchObject({ terms: 0, claimed: 0, closed: 0 });
    // 2022 knows none of it.
    expect((await computeFacts(t.db, 2022, [tree.unit.id], defs)).get(tree.unit.id)).toMatchObject({ terms: 0, claimed: 0, closed: 0 });
  });

  it("shows each chair's terms and the problems it took on to the raters of its 履责述评", async () => {
    await t.db.updateTable('cycles').set({ state: 'reviewing' }).where('year', '=', 2023).execute();
    const admin = client(t.app, await createToken(t.db, 'admin', tree.district.id));
    const session = ok(await admin.post('/api/reviews', { year: 2023, kind: 'chair', orgId: tree.district.id, title: '2023 年度轮值主席履责述评', groups: [{ key: 'members', label: '成员单位', weight: 1 }] }), 201);
    ok(await admin.post(`/api/reviews/${session.id}/subjects`, { orgIds: [tree.unit.id, unit2Id] }));
    const codes = ok(await admin.post(`/api/reviews/${session.id}/raters`, { group: 'members', codes: 1 }), 201).codes as string[];
    ok(await admin.post(`/api/reviews/${session.id}/transition`, { to: 'open' }));
    const page = (await (await t.app.request(`/r/${codes[0]}`)).text()).replace(/\s+/g, ' ');
    expect(page).toContain('请对下列 2 个轮值主席单位逐项评议');
    // 供电局 chaired 01-01..06-30 and closed P1 (claimed 03-10, closed 05-25); 区医院 chaired 07-01..12-31 and claimed
    // P3 (07-15), still open after its planned end 09-30.
    expect(page).toContain(`轮值主席：${tree.community.name} · 2023-01-01 至 2023-06-30`);
    expect(page).toContain('牵头事项：牵头老旧小区加装电梯');
    expect(page).toContain('任期内认领本社区项目 1 个，已销号 1 个');
    expect(page).toContain('加装电梯协调（已销号，2023-05-25 销号）');
    expect(page).toContain(`轮值主席：${tree.community.name} · 2023-07-01 至 2023-12-31`);
    expect(page).toContain('义诊进社区（实施中，已逾期）');
    await t.db.updateTable('cycles').set({ state: 'collecting' }).where('year', '=', 2023).execute();
  });

  it('removes a term on the community\'s side only, audited with what it was', async () => {
    expect((await unit.call('DELETE', `/api/cobuilding/chairs/${ids.t1}`)).status).toBe(403);
    expect((await stranger.call('DELETE', `/api/cobuilding/chairs/${ids.t1}`)).status).toBe(404);
    ok(await community.call('DELETE', `/api/cobuilding/chairs/${ids.t2}`));
    expect((await t.db.selectFrom('cb_chairs').select('id').execute()).map((r) => r.id)).toEqual([ids.t1]);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'entity_id', 'before', 'after']).where('entity', '=', 'cb_chair').orderBy('id').execute();
    expect(audit.map((a) => [a.action, Number(a.entity_id)])).toEqual([
      ['cobuilding.chair.create', ids.t1],
      ['cobuilding.chair.create', ids.t2],
      ['cobuilding.chair.delete', ids.t2],
    ]);
    expect(audit[2]!.before).toMatchObject({ unit: { id: unit2Id }, startsOn: '2023-07-01', claimed: 1 });
    const facts = await computeFacts(t.db, 2023, [unit2Id], { claimed: def({ source: 'cobuilding.chairs', count: 'claimed' }) });
    expect(facts.get(unit2Id)).toMatchObject({ claimed: 0 });
  });
});
