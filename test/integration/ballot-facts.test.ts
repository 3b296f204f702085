import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeFacts } from '../../src/features/scoring/facts.repository';
import { scoreCycle } from '../../src/features/scoring/score-cycle';
import { compileRuleSet } from '../../src/rules/compile';
import { ruleSetRegistry, type RuleSets } from '../../src/rules/registry';
import type { FactDef } from '../../src/rules/rule-set.schema';
import { client, setupTestApp, type TestApp } from '../support/app';
import { cliCtx, createCycle, createToken, createTree, type Tree } from '../support/factories';

/**
 * Ballots into points through the real path: ballots cast on the public page, a closed campaign, the
 * ballot facts in SQL, the votes clause, a stored revision, the scorecard API. Expected figures are
 * worked out by hand below.
 */

/** The national formula: 很满意 100, 满意 80, 基本满意 60, 不太满意 30, 不满意 0; 不了解 left out; 5% trimmed at each end. */
const national = {
  id: 'national-grid',
  title: '满意度测评（全国通行赋分）',
  version: 'test',
  categories: ['grid'],
  facts: {
    sat: { source: 'ballots.tally', label: '群众满意度测评（总体评价）', item: 'overall' },
  },
  parts: [
    {
      id: 'public',
      title: '群众评议',
      max: 100,
      indicators: [
        {
          id: 'satisfaction',
          title: '群众满意度',
          clauses: [{ type: 'votes', fact: 'sat', coefficients: { 很满意: 100, 满意: 80, 基本满意: 60, 不太满意: 30, 不满意: 0 }, invalid: ['不了解'], trim: 0.05, minSample: 20 }],
        },
      ],
    },
  ],
  total: { formula: 'public', max: 100 },
};

let t: TestApp;
let tree: Tree;
let year: number;
let rules: RuleSets;
let admin: ReturnType<typeof client>;
let campaignId: number;

async function castMany(orgId: number, group: string, answers: Record<string, number>, service = '不满意'): Promise<number> {
  const list = Object.entries(answers).flatMap(([a, n]) => Array.from({ length: n }, () => a));
  const res = await admin.post(`/api/campaigns/${campaignId}/codes`, { targetOrgId: orgId, raterGroup: group, count: list.length });
  expect(res.status).toBe(201);
  for (const [i, answer] of list.entries()) {
    const body = new URLSearchParams({ item_overall: answer, item_service: service });
    const cast = await t.app.request(`/b/${res.body.codes[i].code}`, { method: 'POST', body, headers: { 'x-test-client': `10.3.${i}.1` } });
    expect(cast.status).toBe(201);
  }
  return list.length;
}

beforeAll(async () => {
  t = await setupTestApp();
  tree = await createTree(t.db, '折算');
  year = await createCycle(t.db, 'reviewing');
  admin = client(t.app, await createToken(t.db, 'admin', tree.district.id));
  const community = await compileRuleSet(readFileSync('rules/community.json', 'utf8'), 'community.json');
  rules = ruleSetRegistry([await compileRuleSet(JSON.stringify(national), 'national-grid.json'), community]);

  const campaign = await admin.post('/api/campaigns', {
    year,
    orgId: tree.district.id,
    title: '年度群众满意度测评',
    items: [{ key: 'service', label: '服务群众' }, { key: 'overall', label: '总体评价' }],
    raterGroups: ['居民', '党员'],
    targets: [tree.grid.id, tree.community.id],
    opensOn: '2020-01-01',
    closesOn: '2999-12-31',
  });
  campaignId = campaign.body.id;
  await admin.post(`/api/campaigns/${campaignId}/open`);
  await castMany(tree.grid.id, '居民', { 很满意: 14, 满意: 12, 基本满意: 8, 不太满意: 3, 不满意: 3, 不了解: 4 });
  // Two more 很满意 from one address in a burst: voided, so they must not count.
  await castMany(tree.grid.id, '居民', { 很满意: 2 });
  const flags = await admin.get(`/api/campaigns/${campaignId}/flags?burstCount=2&burstMinutes=10`);
  const burst = flags.body.items.find((f: { kind: string; ballotIds: number[] }) => f.kind === 'burst' && f.ballotIds.length === 2);
  for (const id of burst.ballotIds) expect((await admin.post(`/api/campaigns/${campaignId}/ballots/${id}/void`, { reason: '集中提交，作废' })).status).toBe(200);
  await castMany(tree.community.id, '居民', { 很满意: 10, 满意: 10, 基本满意: 5, 不了解: 3 }, '满意');
  await castMany(tree.community.id, '党员', { 很满意: 6, 满意: 4 }, '满意');
});

describe('ballot facts', () => {
  it('are empty until the campaign is closed, then tally, count and share the valid ballots', async () => {
    const defs: Record<string, FactDef> = {
      tally: { source: 'ballots.tally', label: '总体', item: 'overall' },
      all: { source: 'ballots.tally', label: '各项' },
      count: { source: 'ballots.count', label: '有效票' },
      share: { source: 'ballots.share', label: '满意率', answers: ['很满意', '满意'], item: 'overall', exclude: ['不了解'], ifNone: 0 },
    };
    const open = (await computeFacts(t.db, year, [tree.grid.id], defs)).get(tree.grid.id)!;
    expect(open.count).toBe(0);
    expect((await admin.post(`/api/campaigns/${campaignId}/close`)).status).toBe(200);
    const f = (await computeFacts(t.db, year, [tree.grid.id, tree.community.id, tree.grid2.id], defs));
    const grid = f.get(tree.grid.id)!;
    expect(grid.tally).toEqual({ 居民: { 很满意: 14, 满意: 12, 基本满意: 8, 不太满意: 3, 不满意: 3, 不了解: 4 } }); // the two voided 很满意 left out
    expect(grid.all).toEqual({ 居民: { 很满意: 14, 满意: 12, 基本满意: 8, 不太满意: 3, 不满意: 3 + 44, 不了解: 4 } }); // service was 不满意 on all 44
    expect(grid.count).toBe(44);
    // (14 + 12) / (44 − 4) = 26 / 40 = 65%
    expect(grid.share).toBe(65);
    expect(f.get(tree.community.id)!.tally).toEqual({ 居民: { 很满意: 10, 满意: 10, 基本满意: 5, 不了解: 3 }, 党员: { 很满意: 6, 满意: 4 } });
    expect(f.get(tree.grid2.id)!.count).toBe(0);
  });

  it('convert by the national formula with 不了解 excluded and 5% trimmed at each end', async () => {
    const revision = await scoreCycle({ ctx: cliCtx(t.db), year, ruleSets: rules });
    const leader = client(t.app, await createToken(t.db, 'leader', tree.district.id));
    const card = await leader.get(`/api/cycles/${year}/orgs/${tree.grid.id}/scorecard?revision=${revision.revisionId}`);
    expect(card.status).toBe(200);
    const ind = card.body.parts[0].indicators[0];
    // Valid: 14 + 12 + 8 + 3 + 3 = 40 (不了解 4 out). Trim ⌊40 × 5%⌋ = 2 at each end: two 不满意 and two 很满意.
    // Kept 36: 很满意 12 × 100 + 满意 12 × 80 + 基本满意 8 × 60 + 不太满意 3 × 30 + 不满意 1 × 0
    //   = 1200 + 960 + 480 + 90 + 0 = 2730; as shares: 2730 / 36 = 75.8333… → 75.83.
    expect(ind.points).toBe('75.83');
    expect(ind.lines[0].text).toContain('有效票 40 张（不了解 4 张不计），去掉最高、最低各 2 张后平均 75.83 分');
    expect(card.body.total).toBe('75.83');
  });

  it('feed the community rule set: groups weighted 居民 70% / 党员 30%, × 0.2', async () => {
    const revision = await scoreCycle({ ctx: cliCtx(t.db), year, ruleSets: rules });
    const leader = client(t.app, await createToken(t.db, 'leader', tree.district.id));
    const card = await leader.get(`/api/cycles/${year}/orgs/${tree.community.id}/scorecard?revision=${revision.revisionId}`);
    expect(card.status).toBe(200);
    const pub = card.body.parts.find((p: { id: string }) => p.id === 'public');
    // 居民: valid 10 + 10 + 5 = 25, trim ⌊1.25⌋ = 1: one 基本满意 and one 很满意 out;
    //   kept 23: 9 × 100 + 10 × 80 + 4 × 60 = 1940, mean 1940 / 23 = 84.3478…
    // 党员: valid 10, trim ⌊0.5⌋ = 0: 6 × 100 + 4 × 80 = 920, mean 92.
    // 0.7 × 1940 / 23 + 0.3 × 92 = 59.0435… + 27.6 = 86.6435…; × 0.2 = 17.3287… → 17.33.
    expect(pub.indicators[0].points).toBe('17.33');
    expect(pub.valid).toBe(true);
  });
});
