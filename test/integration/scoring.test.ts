import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, compileRuleSet } from '../../src/rules/compile';
import { ruleSetRegistry, type RuleSets } from '../../src/rules/registry';
import { publishCycle } from '../../src/features/cycles/cycle-life';
import { getScorecard } from '../../src/features/scoring/get-scorecard';
import { scoreCycle } from '../../src/features/scoring/score-cycle';
import { client, setupTestApp, type TestApp } from '../support/app';
import { cliCtx, createCycle, createToken, createTree, type Tree } from '../support/factories';

/**
 * A rubric written for this test (not one of rules/), scored end to end against a small data set in the
 * database: facts in SQL, the engine, the core, a stored revision, the scorecard API.
 */
const rubric = {
  id: 'county-grid',
  title: '某县网格党支部考核细则',
  version: 'test',
  categories: ['grid'],
  facts: {
    themeMonths: { source: 'ledger.periods', label: '开展主题党日的月份', kinds: ['theme_day'], period: 'month' },
    hours: { source: 'ledger.hours', label: '志愿服务时长（每次最多 2 小时）', kinds: ['volunteer'], capPerRecord: 2 },
    sat: { source: 'declared', label: '群众测评', key: 'public.sat', type: 'distribution' },
  },
  parts: [
    {
      id: 'base',
      title: '基础分',
      max: 100,
      indicators: [
        { id: 'theme', title: '主题党日', base: 60, max: 60, clauses: [{ type: 'shortfall', fact: 'themeMonths', below: 12, points: -5 }] },
        { id: 'service', title: '志愿服务', max: 40, clauses: [{ type: 'ratio', fact: 'hours', target: 10, points: 40 }] },
        { id: 'ledger', title: '台账督查', clauses: [{ type: 'inspections' }] },
      ],
    },
    {
      id: 'public',
      title: '群众测评',
      max: 100,
      indicators: [{ id: 'satisfaction', title: '满意度', clauses: [{ type: 'votes', fact: 'sat', coefficients: { 满意: 100, 基本满意: 70, 不满意: 30 }, invalid: ['不了解'], minSample: 3 }] }],
    },
  ],
  total: { formula: 'base * 60% + public * 40%', max: 100 },
};

let t: TestApp;
let tree: Tree;
let y: number;
let rules: RuleSets;

beforeAll(async () => {
  t = await setupTestApp();
  tree = await createTree(t.db);
  y = await createCycle(t.db, 'reviewing');
  rules = ruleSetRegistry([await compileRuleSet(JSON.stringify(rubric), 'county-grid.json')]);
  const rec = (kind: string, date: string, hours: string | null = null) => ({
    org_id: tree.grid.id,
    cycle_year: y,
    kind,
    occurred_on: date,
    title: `${kind} ${date}`,
    participants: 10,
    hours,
    evidence: '[]',
    status: 'verified' as const,
    created_by: 'test',
    reviewed_by: 'test',
    reviewed_at: new Date(),
    review_reason: null,
  });
  await t.db
    .insertInto('ledger_records')
    .values([
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((m) => rec('theme_day', `${y}-${String(m).padStart(2, '0')}-08`)),
      rec('volunteer', `${y}-04-01`, '3.00'),
      rec('volunteer', `${y}-05-01`, '1.00'),
      rec('volunteer', `${y}-06-01`, '2.50'),
    ])
    .execute();
  await t.db
    .insertInto('inspections')
    .values({ cycle_year: y, org_id: tree.grid.id, indicator: 'ledger', points: '-4.00', reason: '活动照片重复使用', evidence: '[]', inspected_on: `${y}-10-09`, created_by: 'test' })
    .execute();
  await t.db
    .insertInto('declared_facts')
    .values({ cycle_year: y, org_id: tree.grid.id, key: 'public.sat', value: JSON.stringify({ 满意: 6, 基本满意: 3, 不满意: 1, 不了解: 2 }), note: null, created_by: 'test' })
    .execute();
});

async function resultsOf(revisionId: number) {
  return t.db.selectFrom('scores').select(['org_id', 'total', 'assessed', 'result']).where('revision_id', '=', revisionId).where('org_id', 'in', [tree.grid.id, tree.grid2.id]).orderBy('org_id').execute();
}

describe('scoring a cycle against the database', () => {
  it('matches the hand computation to 0.01, stores a revision and moves the cycle to computed', async () => {
    const summary = await scoreCycle({ ctx: cliCtx(t.db), year: y, ruleSets: rules });
    expect(summary.state).toBe('computed');
    const rows = await resultsOf(summary.revisionId);
    const grid = rows.find((r) => r.org_id === tree.grid.id)!;
    // theme: 9 months, 3 short of 12 → −5 × 3 = −15 → 60 − 15 = 45
    // service: hours capped at 2 per activity: 2 + 1 + 2 = 5 of a 10-hour target → 50% × 40 = 20
    // ledger: one inspection −4
    // base = 45 + 20 − 4 = 61
    // public: valid 6 + 3 + 1 = 10 (2 不了解 left out): (6×100 + 3×70 + 1×30) / 10 = 840 / 10 = 84
    // total = 61 × 60% + 84 × 40% = 36.6 + 33.6 = 70.2
    expect(grid).toMatchObject({ total: '70.20', assessed: true });
    const r = grid.result as { parts: { id: string; points: string }[] };
    expect(r.parts.map((p) => [p.id, p.points])).toEqual([
      ['base', '61.00'],
      ['public', '84.00'],
    ]);
    // The second grid has no records and never declared its survey: theme floored at 0, not assessed.
    const empty = rows.find((x) => x.org_id === tree.grid2.id)!;
    expect(empty).toMatchObject({ total: '0.00', assessed: false });
    expect((empty.result as { reasons: string[] }).reasons).toEqual(['缺少数据：群众测评']);
  });

  it('gives byte-identical results when run again on the same data', async () => {
    const first = await scoreCycle({ ctx: cliCtx(t.db), year: y, ruleSets: rules });
    const second = await scoreCycle({ ctx: cliCtx(t.db), year: y, ruleSets: rules });
    expect(second.revisionId).toBeGreaterThan(first.revisionId);
    const a = (await resultsOf(first.revisionId)).map((r) => canonicalJson(r));
    const b = (await resultsOf(second.revisionId)).map((r) => canonicalJson(r));
    expect(b).toEqual(a);
  });

  it('serves the scorecard with every line explained and linked to its records', async () => {
    const api = client(t.app, await createToken(t.db, 'org_user', tree.grid.id));
    // Computed but not yet published (公示): the branch sees why it cannot look yet; the 组织部 side can.
    const early = await api.get(`/api/cycles/${y}/orgs/${tree.grid.id}/scorecard`);
    expect(early.status).toBe(403);
    expect(early.body.error.message).toBe(`${y} 年度考核周期处于「已计分」状态，结果公示后各组织才能查看`);
    expect((await api.get(`/api/cycles/${y}/scores`)).status).toBe(403);
    const leader = client(t.app, await createToken(t.db, 'leader', tree.district.id));
    expect((await leader.get(`/api/cycles/${y}/orgs/${tree.grid.id}/scorecard`)).status).toBe(200);
    await publishCycle({ ctx: cliCtx(t.db), year: y, input: { appealDays: 7 } });
    const res = await api.get(`/api/cycles/${y}/orgs/${tree.grid.id}/scorecard`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: '70.20', assessed: true, ruleSet: { id: 'county-grid', version: 'test' } });
    const lines = res.body.parts.flatMap((p: any) => p.indicators.flatMap((i: any) => i.lines));
    const texts = lines.map((l: { text: string }) => l.text);
    expect(texts).toContain('开展主题党日的月份 9 个月，低于 12 个月 共 3 个月，每个月扣 5 分，扣 15 分');
    expect(texts).toContain('现场督查（' + `${y}-10-09` + '）：活动照片重复使用，扣 4 分');
    expect(res.body.totalText).toBe('基础分 61 × 60% + 群众测评 84 × 40% = 70.2 分');
    const theme = lines.find((l: { text: string }) => l.text.startsWith('开展主题党日'));
    expect(theme.evidence[0].href).toBe(`/api/ledger?orgId=${tree.grid.id}&cycle=${y}&kind=theme_day&status=verified&from=${y}-01-01&to=${y}-12-31`);
    const linked = await api.get(theme.evidence[0].href);
    expect(linked.body.total).toBe(9); // the nine theme days behind "9 个月"

    const sibling = client(t.app, await createToken(t.db, 'org_user', tree.grid2.id));
    expect((await sibling.get(`/api/cycles/${y}/orgs/${tree.grid.id}/scorecard`)).status).toBe(404);
  });

  it('serves a scorecard built once from memory, with a rename and a new revision at once', async () => {
    const admin = client(t.app, await createToken(t.db, 'admin', tree.district.id));
    const url = `/api/cycles/${y}/orgs/${tree.grid.id}/scorecard`;
    const first = await admin.get(url);
    expect((await admin.get(url)).body).toEqual(first.body); // the second from memory: the same document
    expect(first.body).toEqual(JSON.parse(JSON.stringify(await getScorecard({ ctx: cliCtx(t.db), year: y, orgId: tree.grid.id }))));
    // The organization is read live: a rename shows in the next scorecard.
    await t.db.updateTable('organizations').set({ name: '改名后的网格党支部' }).where('id', '=', tree.grid.id).execute();
    const renamed = await admin.get(url);
    expect(renamed.body.org.name).toBe('改名后的网格党支部');
    expect({ ...renamed.body, org: first.body.org }).toEqual(first.body);
    // A new revision with a new explanation is served at once: one more verified volunteer hour, 5 → 6 of 10 hours.
    await t.db.insertInto('ledger_records').values({ org_id: tree.grid.id, cycle_year: y, kind: 'volunteer', occurred_on: `${y}-07-01`, title: 'volunteer', participants: 3, hours: '1.00', evidence: '[]', status: 'verified', created_by: 'test', reviewed_by: 'test', reviewed_at: new Date(), review_reason: null }).execute();
    const rescored = await scoreCycle({ ctx: cliCtx(t.db), year: y, ruleSets: rules });
    const after = await admin.get(url);
    // service 6 of 10 hours → 60% × 40 = 24 (was 20); base 45 + 24 − 4 = 65; total 65 × 60% + 84 × 40% = 39 + 33.6 = 72.6
    expect(after.body).toMatchObject({ total: '72.60', revision: { id: rescored.revisionId } });
    expect((await admin.get(`${url}?revision=${first.body.revision.id}`)).body.total).toBe('70.20');
    // As it was, for the tests after this one.
    await t.db.deleteFrom('ledger_records').where('org_id', '=', tree.grid.id).where('occurred_on', '=', `${y}-07-01`).execute();
    await t.db.updateTable('organizations').set({ name: first.body.org.name }).where('id', '=', tree.grid.id).execute();
    expect((await scoreCycle({ ctx: cliCtx(t.db), year: y, ruleSets: rules })).categories[0]!.max).toBe('70.20');
  });

  it('pages the score list, best first, within the caller’s subtree, and says how many there are', async () => {
    // Published by the test before. Scored: the two grids of the tree (70.20 and 0.00), nothing else of this tree.
    const leader = client(t.app, await createToken(t.db, 'leader', tree.district.id));
    const first = await leader.get(`/api/cycles/${y}/scores?limit=1`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 2, offset: 0, items: [{ orgId: tree.grid.id, total: '70.20' }] });
    const second = await leader.get(`/api/cycles/${y}/scores?limit=1&offset=1`);
    expect(second.body).toMatchObject({ total: 2, offset: 1, items: [{ orgId: tree.grid2.id, total: '0.00' }] });
    const past = await leader.get(`/api/cycles/${y}/scores?offset=5`);
    expect(past.body).toMatchObject({ total: 2, offset: 5, items: [] });
    // A grid's secretary sees its own row only; a community's both of its grids.
    const grid = client(t.app, await createToken(t.db, 'org_user', tree.grid2.id));
    expect((await grid.get(`/api/cycles/${y}/scores`)).body).toMatchObject({ total: 1, items: [{ orgId: tree.grid2.id }] });
    const community = client(t.app, await createToken(t.db, 'org_user', tree.community.id));
    expect((await community.get(`/api/cycles/${y}/scores`)).body.items.map((i: { orgId: number }) => i.orgId)).toEqual([tree.grid.id, tree.grid2.id]);
    const refused = await leader.get(`/api/cycles/${y}/scores?limit=5000`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.issues[0].field).toBe('limit');
  });

  it('refuses to recompute a finalized cycle', async () => {
    await t.db.updateTable('cycles').set({ state: 'finalized' }).where('year', '=', y).execute();
    await expect(scoreCycle({ ctx: cliCtx(t.db), year: y, ruleSets: rules })).rejects.toMatchObject({ code: 'cycle_closed' });
  });
});

describe('inspection entries and declared facts over the API', () => {
  it('records an inspection against an indicator of the organization rule set, and refuses unknown ones', async () => {
    const year = await createCycle(t.db, 'collecting');
    const admin = client(t.app, await createToken(t.db, 'admin', tree.district.id));
    const ok = await admin.post(`/api/cycles/${year}/inspections`, { orgId: tree.grid.id, indicator: 'ledger', points: -2, reason: '会议记录缺签到表', inspectedOn: `${year}-05-06` });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ points: '-2.00', indicator: 'ledger' });
    const bad = await admin.post(`/api/cycles/${year}/inspections`, { orgId: tree.grid.id, indicator: 'nonsense', points: -2, reason: '不存在的指标', inspectedOn: `${year}-05-06` });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].field).toBe('indicator');
    expect(bad.body.error.message).toContain('可选：ledger（台账规范）'); // the real grid rule set lists the indicators that take inspections

    // A community cannot be inspected by its own users, and a bonus needs an indicator that takes bonuses.
    const own = client(t.app, await createToken(t.db, 'admin', tree.grid.id));
    const self = await own.post(`/api/cycles/${year}/inspections`, { orgId: tree.grid.id, indicator: 'ledger', points: -1, reason: '自己查自己', inspectedOn: `${year}-05-06` });
    expect(self.status).toBe(403);
    const bonus = await admin.post(`/api/cycles/${year}/inspections`, { orgId: tree.grid.id, indicator: 'ledger', points: 2, reason: '加分', inspectedOn: `${year}-05-06` });
    expect(bonus.status).toBe(201); // the grid rule set's ledger indicator reads entries of either sign
    const communityBonus = await admin.post(`/api/cycles/${year}/inspections`, { orgId: tree.community.id, indicator: 'discipline', points: 2, reason: '扣分项不能加分', inspectedOn: `${year}-05-06` });
    expect(communityBonus.status).toBe(400);
    expect(communityBonus.body.error.message).toContain('可登记加分的指标');

    const fact = await admin.call('PUT', `/api/cycles/${year}/facts`, { orgId: tree.grid.id, key: 'public.satisfaction', value: { 居民: { 满意: 20, 不了解: 2 } } });
    expect(fact.status).toBe(200);
    const wrongType = await admin.call('PUT', `/api/cycles/${year}/facts`, { orgId: tree.grid.id, key: 'public.satisfaction', value: 88 });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.details.issues[0].field).toBe('value');
    const listed = await admin.get(`/api/cycles/${year}/facts?orgId=${tree.grid.id}`);
    expect(listed.body.items).toEqual([expect.objectContaining({ key: 'public.satisfaction', value: { 居民: { 满意: 20, 不了解: 2 } } })]);
  });
});
