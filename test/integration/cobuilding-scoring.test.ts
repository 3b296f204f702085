import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock';
import { scoreCycle } from '../../src/features/scoring/score-cycle';
import { compileRuleSet } from '../../src/rules/compile';
import { ruleSetRegistry } from '../../src/rules/registry';
import { client, setupTestApp, type TestApp } from '../support/app';
import { cliCtx, createOrg, createToken, createTree, type Tree } from '../support/factories';

/**
 * The shipped rule sets score co-building from what was delivered (issue 17): rows of the three lists and of
 * 微心愿 for 2023 are inserted as the verbs leave them, the year is scored with rules/resident-unit.json and
 * rules/community.json, and the scorecards' co-building indicators are worked by hand from those rows below.
 */
let t: TestApp;
let tree: Tree;
let unit2Id: number;
let revisionId: number;
let leader: ReturnType<typeof client>;

const project = (p: { community_id: number; responsible_id: number | null; title: string; planned_end: string; claimed_on: string | null; closed_on?: string }) => ({
  goal: '目标',
  planned_start: '2023-01-15',
  created_on: '2023-01-10',
  state: (p.closed_on ? 'closed' : p.claimed_on ? 'claimed' : 'open') as 'closed' | 'claimed' | 'open',
  closed_on: null,
  created_by: 'test',
  ...p,
});
const wish = (orgId: number, claimerId: number, fulfilledOn: string) => ({
  org_id: orgId,
  wish: '一个心愿',
  resident_alias: '居民',
  consent_on: '2023-02-01',
  raised_on: '2023-02-01',
  state: 'fulfilled' as const,
  fulfil_file_ids: '[]',
  claimer_id: claimerId,
  claimer_member: '党员',
  claimed_on: '2023-02-10',
  fulfilled_on: fulfilledOn,
  fulfil_text: '已实现',
  created_by: 'test',
});
const need = (orgId: number, metOn: string | null) => ({
  org_id: orgId,
  kind: 'service' as const,
  title: '需求',
  description: '内容',
  urgency: 'normal' as const,
  source: 'visit' as const,
  raised_on: '2023-03-01',
  state: (metOn ? 'met' : 'open') as 'met' | 'open',
  met_on: metOn,
  created_by: 'test',
});

beforeAll(async () => {
  t = await setupTestApp({ isolated: true, clock: fixedClock('2023-12-20T02:00:00Z') });
  await t.db.insertInto('cycles').values([{ year: 2023, state: 'reviewing' }]).execute();
  tree = await createTree(t.db, '计分');
  unit2Id = (await createOrg(t.db, { kind: 'unit', parent_id: tree.sector.id, name: '计分区医院党委' })).id;
  const c = tree.community.id;
  await t.db
    .insertInto('agreements')
    .values([
      { community_id: c, unit_id: tree.unit.id, year: 2023, content: '共建协议' },
      { community_id: c, unit_id: unit2Id, year: 2023, content: '共建协议' },
    ])
    .execute();
  // The 大党委 met every quarter: no quarter missing.
  await t.db
    .insertInto('meetings')
    .values(['2023-02-20', '2023-05-20', '2023-08-20', '2023-11-20'].map((on) => ({ cycle_year: 2023, kind: 'joint_meeting', host_org_id: c, title: '大党委联席会议', held_on: on, created_by: 'test' })))
    .execute();
  await t.db
    .insertInto('cb_projects')
    .values([
      project({ community_id: c, responsible_id: tree.unit.id, title: 'A 加装电梯', planned_end: '2023-06-30', claimed_on: '2023-03-01', closed_on: '2023-06-20' }),
      project({ community_id: c, responsible_id: tree.unit.id, title: 'B 楼道照明', planned_end: '2023-08-31', claimed_on: '2023-04-01', closed_on: '2023-10-15' }),
      project({ community_id: c, responsible_id: unit2Id, title: 'C 义诊', planned_end: '2023-09-30', claimed_on: '2023-05-01' }),
      project({ community_id: c, responsible_id: unit2Id, title: 'D 健康讲座', planned_end: '2024-06-30', claimed_on: '2023-11-01' }),
      project({ community_id: c, responsible_id: null, title: 'E 无人认领', planned_end: '2023-10-31', claimed_on: null }),
    ])
    .execute();
  await t.db
    .insertInto('cb_wishes')
    .values([wish(c, tree.unit.id, '2023-08-01'), wish(c, tree.unit.id, '2023-09-01'), wish(tree.grid.id, unit2Id, '2023-07-01')])
    .execute();
  await t.db
    .insertInto('cb_needs')
    .values([need(c, '2023-06-20'), need(tree.grid.id, '2023-07-01'), need(c, null), need(c, null), need(tree.grid2.id, null)])
    .execute();
  const rules = ruleSetRegistry(await Promise.all(['community', 'resident-unit'].map((n) => compileRuleSet(readFileSync(`rules/${n}.json`, 'utf8'), `${n}.json`))));
  revisionId = (await scoreCycle({ ctx: cliCtx(t.db), year: 2023, ruleSets: rules })).revisionId;
  leader = client(t.app, await createToken(t.db, 'leader', tree.district.id));
}, 60_000);

async function indicator(orgId: number, id: string) {
  const res = await leader.get(`/api/cycles/2023/orgs/${orgId}/scorecard?revision=${revisionId}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const found = res.body.parts.flatMap((p: any) => p.indicators).find((i: any) => i.id === id);
  return { points: found.points as string, lines: (found.lines as any[]).map((l) => JSON.stringify(l)).join('\n') };
}

describe('co-building scored by the shipped rule sets', () => {
  it("gives a unit its 资源项目落实 from its projects, wishes and agreements", async () => {
    // rules/resident-unit.json, 资源项目落实 (max 10, floor 0): 按期销号 5 each, 逾期销号 3 each, 微心愿 2 each (up
    // to 4), 逾期未销号 −1 each, 2 when every agreement of the year has an outcome.
    // 区医院: C claimed, due 09-30, still open at the year's end (−1); D due 2024-06-30 (0); the wish of the
    // community's grid it fulfilled (2), which is an outcome of its agreement with the community (2): −1 + 2 + 2 = 3.
    expect((await indicator(unit2Id, 'projects')).points).toBe('3.00');
    // 供电局: A closed 06-20 ≤ 06-30 (5); B closed 10-15 > 08-31 (3); two wishes of the community (2 × 2 = 4); its one
    // agreement delivered (A) (2): 5 + 3 + 4 + 2 = 14, at most 10.
    const own = await indicator(tree.unit.id, 'projects');
    expect(own.points).toBe('10.00');
    expect(own.lines).toContain('按期销号的共建项目');
  });

  it("gives a community its 共驻共建 and 服务群众 from its projects, needs and residents' wishes", async () => {
    // rules/community.json, 共驻共建 (base 10, floor 0): a joint meeting every quarter (0); no evaluation received
    // (0); two evaluations of its units owed (−1 × 2); C and E past their planned end and open (−0.5 × 2); needs
    // of 2023 by the community and its grids: 5 raised, 2 met (40 % < 50 %: −1): 10 − 2 − 1 − 1 = 6.
    const cob = await indicator(tree.community.id, 'cobuilding');
    expect(cob.points).toBe('6.00');
    expect(cob.lines).toContain('逾期未销号的共建项目');
    // 服务群众: no volunteer hours, no 为民办实事; three wishes it or its grid collected were fulfilled: 3 × 1 = 3.
    expect((await indicator(tree.community.id, 'service')).points).toBe('3.00');
  });
});
