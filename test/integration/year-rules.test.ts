import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishRuleSet } from '../../src/features/scoring/preview-rules';
import { client, setupTestApp, type TestApp } from '../support/app';
import { cliCtx, createCycle, createToken, createTree, type Tree } from '../support/factories';

/**
 * Writes and reads for a year check against the rule set pinned for that year, not the file in rules/: a year
 * whose community rule set was republished (a declared fact and an inspection indicator only it has, grade ids
 * renamed, a smaller minimum sample) takes what only that version has and refuses what only rules/ has; a year
 * without a pin does the opposite.
 */

let t: TestApp;
let tree: Tree;
let pinnedYear: number;
let plainYear: number;
let api: ReturnType<typeof client>;

/** rules/community.json with: grade "five" renamed "top", indicator honors → honors_v2, a declared 班子平均年龄, minimum sample 3. */
function draft(): unknown {
  const text = readFileSync('rules/community.json', 'utf8').replaceAll('"five"', '"top"').replaceAll('"honors"', '"honors_v2"');
  const rs = JSON.parse(text) as { version: string; facts: Record<string, unknown>; parts: { id: string; indicators: { id: string; clauses: Record<string, unknown>[] }[] }[] };
  rs.version = `${rs.version}-year-test`;
  rs.facts.leaderAge = { source: 'declared', label: '班子平均年龄', key: 'leader.age', type: 'number', unit: '岁', default: 50, measure: 'outcome' };
  for (const p of rs.parts) {
    for (const i of p.indicators) {
      for (const c of i.clauses) if (c.type === 'votes' && c.fact === 'satisfaction') c.minSample = 3;
      if (i.id === 'honors_v2') i.clauses.push({ type: 'fixed', label: '班子年轻化', points: 1, when: { fact: 'leaderAge', operator: 'lessThan', value: 45 } });
    }
  }
  return rs;
}

beforeAll(async () => {
  t = await setupTestApp();
  tree = await createTree(t.db, '年度细则');
  pinnedYear = await createCycle(t.db, 'collecting');
  plainYear = await createCycle(t.db, 'collecting');
  await publishRuleSet({ ctx: cliCtx(t.db), year: pinnedYear, draft: draft() });
  api = client(t.app, await createToken(t.db, 'admin', tree.district.id));
});

describe('the rule set of a year', () => {
  it('takes a declared fact only the pinned version declares, and refuses it in a year without that version', async () => {
    const body = { orgId: tree.community.id, key: 'leader.age', value: 41 };
    expect((await api.call('PUT', `/api/cycles/${pinnedYear}/facts`, body)).status).toBe(200);
    const refused = await api.call('PUT', `/api/cycles/${plainYear}/facts`, body);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.issues[0].field).toBe('key');
  });

  it('takes an inspection indicator of the pinned version and refuses the one only rules/ has', async () => {
    const finding = (year: number, indicator: string) => ({ orgId: tree.community.id, indicator, points: 2, reason: '获市级表彰', inspectedOn: `${year}-06-01` });
    expect((await api.post(`/api/cycles/${pinnedYear}/inspections`, finding(pinnedYear, 'honors_v2'))).status).toBe(201);
    expect((await api.post(`/api/cycles/${pinnedYear}/inspections`, finding(pinnedYear, 'honors'))).status).toBe(400);
    expect((await api.post(`/api/cycles/${plainYear}/inspections`, finding(plainYear, 'honors'))).status).toBe(201);
    expect((await api.post(`/api/cycles/${plainYear}/inspections`, finding(plainYear, 'honors_v2'))).status).toBe(400);
  });

  it('grades directly with the grade ids of the pinned version', async () => {
    const record = (year: number, grade: string) => ({ orgId: tree.community.id, type: 'direct_grade', title: '直接定级', reason: '获省级表彰', grade, approver: '区委常委会', recordedOn: `${year}-06-02` });
    expect((await api.post(`/api/cycles/${pinnedYear}/records`, record(pinnedYear, 'top'))).status).toBe(201);
    expect((await api.post(`/api/cycles/${pinnedYear}/records`, record(pinnedYear, 'five'))).status).toBe(400);
    expect((await api.post(`/api/cycles/${plainYear}/records`, record(plainYear, 'five'))).status).toBe(201);
    expect((await api.post(`/api/cycles/${plainYear}/records`, record(plainYear, 'top'))).status).toBe(400);
  });

  it('shows a closed campaign with the minimum sample of the pinned version (3), where rules/ would want 30', async () => {
    const results: Record<number, { shown: boolean; minSample: number }> = {};
    for (const year of [pinnedYear, plainYear]) {
      const c = await api.post('/api/campaigns', { year, orgId: tree.district.id, title: `${year} 年度满意度测评`, items: [{ key: 'overall', label: '总体评价' }], targets: [tree.community.id], opensOn: '2026-01-01', closesOn: '2999-12-31' });
      expect(c.status).toBe(201);
      expect((await api.post(`/api/campaigns/${c.body.id}/open`)).status).toBe(200);
      const issued = await api.post(`/api/campaigns/${c.body.id}/codes`, { targetOrgId: tree.community.id, raterGroup: '居民', count: 3 });
      for (const [i, code] of (issued.body.codes as { code: string }[]).entries()) {
        const cast = await t.app.request(`/b/${code.code}`, { method: 'POST', headers: { 'x-test-client': `10.8.${year % 100}.${i}` }, body: new URLSearchParams({ item_overall: '满意' }) });
        expect(cast.status).toBe(201);
      }
      expect((await api.post(`/api/campaigns/${c.body.id}/close`)).status).toBe(200);
      results[year] = (await api.get(`/api/campaigns/${c.body.id}/results`)).body.targets[0];
    }
    expect(results[pinnedYear]).toMatchObject({ shown: true, minSample: 3, validBallots: 3 });
    expect(results[plainYear]).toMatchObject({ shown: false, minSample: 30, validBallots: 3 });
  });
});
