import { beforeAll, describe, expect, it } from 'vitest';
import { computeFacts } from '../../src/features/scoring/facts.repository';
import { scoreCycle } from '../../src/features/scoring/score-cycle';
import { compileRuleSet } from '../../src/rules/compile';
import { ruleSetRegistry } from '../../src/rules/registry';
import type { FactDef } from '../../src/rules/rule-set.schema';
import { client, setupTestApp, type TestApp } from '../support/app';
import { cliCtx, createCycle, createOrg, createToken, createTree, type Tree } from '../support/factories';

/**
 * Residents rate finished co-building projects (issue 17) through a campaign whose targets are projects, with the
 * one-time codes of /b: only projects closed in the year can be targets, codes name the project, the results are
 * per project, and the ballots feed `ballots.*` facts with `projects: responsible | community` (never the facts of
 * campaigns rating organizations, nor the other way round). The tallies below are counted by hand from the ballots.
 */
let t: TestApp;
let tree: Tree;
let year: number;
let admin: ReturnType<typeof client>;
let unit2Id: number;
const projectIds: Record<string, number> = {};
let campaignId: number;
let orgCampaignId: number;

const ok = (res: { status: number; body: any }) => {
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

async function addProject(title: string, p: { responsible_id: number; closed_on: string | null; community_id?: number }) {
  const row = await t.db
    .insertInto('cb_projects')
    .values({
      community_id: p.community_id ?? tree.community.id,
      responsible_id: p.responsible_id,
      title,
      goal: '目标',
      planned_start: `${year}-02-01`,
      planned_end: `${year}-09-30`,
      state: p.closed_on ? 'closed' : 'claimed',
      created_on: `${year - 1}-12-01`,
      claimed_on: `${year - 1}-12-10`,
      closed_on: p.closed_on,
      created_by: 'test',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  projectIds[title] = row.id;
}

/** Issues codes for a target and casts one ballot per answer listed, from different addresses. */
async function cast(campaign: number, who: { targetProjectId: number } | { targetOrgId: number }, answers: Record<string, number>) {
  const list = Object.entries(answers).flatMap(([a, n]) => Array.from({ length: n }, () => a));
  const res = await admin.post(`/api/campaigns/${campaign}/codes`, { ...who, raterGroup: '居民', count: list.length });
  expect(res.status).toBe(201);
  for (const [i, answer] of list.entries()) {
    const r = await t.app.request(`/b/${res.body.codes[i].code}`, { method: 'POST', body: new URLSearchParams({ item_overall: answer }), headers: { 'x-test-client': `10.9.${i}.${campaign % 200}` } });
    expect(r.status).toBe(201);
  }
  return res.body.codes as { code: string }[];
}

beforeAll(async () => {
  t = await setupTestApp();
  tree = await createTree(t.db, '项目评价');
  year = await createCycle(t.db, 'reviewing');
  admin = client(t.app, await createToken(t.db, 'admin', tree.street.id));
  unit2Id = (await createOrg(t.db, { kind: 'unit', parent_id: tree.sector.id, name: '项目评价区医院党委' })).id;
  await addProject('加装电梯', { responsible_id: tree.unit.id, closed_on: `${year}-06-20` });
  await addProject('楼道照明', { responsible_id: unit2Id, closed_on: `${year}-10-15` });
  await addProject('停车改造', { responsible_id: tree.unit.id, closed_on: null });
  await addProject('去年的项目', { responsible_id: tree.unit.id, closed_on: `${year - 1}-12-20` });
  const other = await createTree(t.db, '外区');
  await addProject('外区项目', { responsible_id: other.unit.id, closed_on: `${year}-05-01`, community_id: other.community.id });
  await addProject('健身器材', { responsible_id: tree.unit.id, closed_on: `${year}-07-01` });
});

const body = (targets: number[]) => ({
  year,
  orgId: tree.street.id,
  title: '共建项目群众评价',
  subject: 'project',
  items: [{ key: 'overall', label: '总体评价' }],
  targets,
  opensOn: '2020-01-01',
  closesOn: '2999-12-31',
});

describe('a campaign rating projects', () => {
  it('takes only projects closed in its year, of communities under the organizer', async () => {
    const open = await admin.post('/api/campaigns', body([projectIds['加装电梯']!, projectIds['停车改造']!]));
    expect(open.status).toBe(400);
    expect(open.body.error.details.issues[0]).toMatchObject({ field: 'targets.1', message: expect.stringContaining('当前为「实施中」') });
    const old = await admin.post('/api/campaigns', body([projectIds['去年的项目']!]));
    expect(old.status).toBe(400);
    expect(old.body.error.message).toContain(`于 ${year - 1}-12-20 销号：只能评议 ${year} 年内已销号的项目`);
    const foreign = await admin.post('/api/campaigns', body([projectIds['外区项目']!]));
    expect(foreign.status).toBe(404);

    const made = await admin.post('/api/campaigns', body([projectIds['加装电梯']!, projectIds['楼道照明']!, projectIds['健身器材']!]));
    expect(made.status).toBe(201);
    campaignId = made.body.id;
    expect(made.body.subject).toBe('project');
    expect(made.body.subjectLabel).toBe('评议共建项目');
    expect(made.body.targets.map((x: { name: string; orgId: number; projectId: number }) => [x.name, x.orgId, x.projectId])).toEqual([
      [`加装电梯（${tree.community.name}）`, tree.community.id, projectIds['加装电梯']],
      [`楼道照明（${tree.community.name}）`, tree.community.id, projectIds['楼道照明']],
      [`健身器材（${tree.community.name}）`, tree.community.id, projectIds['健身器材']],
    ]);
    const audit = await t.db.selectFrom('audit_log').select('after').where('action', '=', 'campaign.create').where('entity_id', '=', String(campaignId)).executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.after)).toContain('"subject":"project"');
  });

  it('issues codes by project, and the ballot page names the project', async () => {
    expect((await admin.post(`/api/campaigns/${campaignId}/open`)).status).toBe(200);
    const byOrg = await admin.post(`/api/campaigns/${campaignId}/codes`, { targetOrgId: tree.community.id, raterGroup: '居民', count: 1 });
    expect(byOrg.status).toBe(400);
    expect(byOrg.body.error.details.issues[0]).toMatchObject({ field: 'targetProjectId', message: '本次评议的对象是共建项目，请填写项目编号' });
    const notTarget = await admin.post(`/api/campaigns/${campaignId}/codes`, { targetProjectId: projectIds['停车改造'], raterGroup: '居民', count: 1 });
    expect(notTarget.status).toBe(404);
    const both = await admin.post(`/api/campaigns/${campaignId}/codes`, { targetOrgId: tree.community.id, targetProjectId: projectIds['加装电梯'], raterGroup: '居民', count: 1 });
    expect(both.status).toBe(400);

    const codes = await cast(campaignId, { targetProjectId: projectIds['加装电梯']! }, { 很满意: 6, 满意: 4 });
    await cast(campaignId, { targetProjectId: projectIds['楼道照明']! }, { 满意: 3, 不满意: 7 });
    await cast(campaignId, { targetProjectId: projectIds['健身器材']! }, { 很满意: 2 });
    const spare = await admin.post(`/api/campaigns/${campaignId}/codes`, { targetProjectId: projectIds['楼道照明'], raterGroup: '居民', count: 1 });
    expect(spare.body.orgName).toBe(`楼道照明（${tree.community.name}）`);
    const page = await (await t.app.request(`/b/${spare.body.codes[0].code}`)).text();
    expect(page).toContain(`楼道照明（${tree.community.name}）`);
    expect(page).toContain('请对这个共建项目的完成情况作出评价');
    const used = await (await t.app.request(`/b/${codes[0]!.code}`)).text();
    expect(used).toContain('评议码已使用');

    // Paper ballots of a project campaign name the project by its number; an organization code is not a target.
    const csv = (lines: string[]) => {
      const form = new FormData();
      form.append('file', new File([new TextEncoder().encode(lines.join('\n'))], '项目纸质票.csv'));
      return form;
    };
    const wrong = await admin.post(`/api/campaigns/${campaignId}/paper`, csv(['项目编号,评议群体,总体评价', `${tree.community.code},居民,满意`]));
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('不是本次评议的对象');
    const paper = await admin.post(`/api/campaigns/${campaignId}/paper`, csv(['项目编号,评议群体,总体评价', `${projectIds['加装电梯']},居民,满意`]));
    expect(paper.status).toBe(200);
    expect(paper.body.imported).toBe(1);
  });

  it('counts for the responsible unit or the community, apart from campaigns rating organizations', async () => {
    // A campaign rating the community itself in the same year: its 4 ballots are the organization's, not a project's.
    const org = await admin.post('/api/campaigns', { ...body([tree.community.id]), subject: 'org', title: '社区满意度' });
    expect(org.status).toBe(201);
    orgCampaignId = org.body.id;
    expect(org.body.subject).toBe('org');
    await admin.post(`/api/campaigns/${orgCampaignId}/open`);
    await cast(orgCampaignId, { targetOrgId: tree.community.id }, { 满意: 4 });

    const defs: Record<string, FactDef> = {
      own: { source: 'ballots.tally', label: '社区满意度', item: 'overall' },
      ownCount: { source: 'ballots.count', label: '社区票数' },
      asResponsible: { source: 'ballots.tally', label: '负责项目的群众评价', item: 'overall', projects: 'responsible' },
      inCommunity: { source: 'ballots.tally', label: '社区项目的群众评价', projects: 'community' },
      projectCount: { source: 'ballots.count', label: '项目评价票数', projects: 'responsible' },
      good: { source: 'ballots.share', label: '项目满意率', answers: ['很满意', '满意'], exclude: [], ifNone: 0, projects: 'responsible' },
    };
    const ids = [tree.community.id, tree.unit.id, unit2Id];
    const before = await computeFacts(t.db, year, ids, defs);
    expect(before.get(tree.unit.id)!.projectCount).toBe(0); // nothing counts before the campaigns close
    expect((await admin.post(`/api/campaigns/${campaignId}/close`)).status).toBe(200);
    expect((await admin.post(`/api/campaigns/${orgCampaignId}/close`)).status).toBe(200);

    const f = await computeFacts(t.db, year, ids, defs);
    const community = f.get(tree.community.id)!;
    expect(community.own).toEqual({ 居民: { 满意: 4 } }); // the organization campaign only
    expect(community.ownCount).toBe(4);
    // The projects are the community's: 加装电梯 很满意 6 + 满意 4 (+ 1 on paper) = 11 ballots, 楼道照明 满意 3 +
    // 不满意 7 = 10; 健身器材 has 2, below the 10 a project needs (PROJECT_MIN_SAMPLE): left out, as on the results.
    expect(community.inCommunity).toEqual({ 居民: { 很满意: 6, 满意: 8, 不满意: 7 } });
    expect(community.projectCount).toBe(0); // the community is responsible for neither
    const unit = f.get(tree.unit.id)!;
    expect(unit.asResponsible).toEqual({ 居民: { 很满意: 6, 满意: 5 } }); // 健身器材's 2 left out
    expect(unit.projectCount).toBe(11);
    expect(unit.good).toBe(100); // (6 + 5) / 11
    expect(unit.own).toEqual({ 全部: {} }); // no ballot rated the unit itself
    const unit2 = f.get(unit2Id)!;
    expect(unit2.asResponsible).toEqual({ 居民: { 满意: 3, 不满意: 7 } });
    expect(unit2.good).toBe(30); // 3 / 10 = 30%
  });

  it('gives results per project, named', async () => {
    const r = await admin.get(`/api/campaigns/${campaignId}/results`);
    expect(r.status).toBe(200);
    expect(r.body.targets.map((x: { name: string; validBallots: number; projectId: number }) => [x.name, x.validBallots, x.projectId])).toEqual([
      [`加装电梯（${tree.community.name}）`, 11, projectIds['加装电梯']],
      [`楼道照明（${tree.community.name}）`, 10, projectIds['楼道照明']],
      [`健身器材（${tree.community.name}）`, 2, projectIds['健身器材']],
    ]);
    // Shown from 10 valid ballots a project (PROJECT_MIN_SAMPLE), whatever the rule sets' votes clauses ask of a total.
    expect(r.body.targets.map((x: { shown: boolean }) => x.shown)).toEqual([true, true, false]);
  });

  it('shows on the project, to its responsible unit, what residents said once the sample allows', async () => {
    const unit = client(t.app, await createToken(t.db, 'org_user', tree.unit.id));
    const r = await unit.get(`/api/cobuilding/projects/${projectIds['加装电梯']}/ratings`);
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(1);
    // 11 valid ballots: shown, 很满意 6 of 11 = 54.55%, 满意 5 of 11 = 45.45%.
    expect(r.body.items[0]).toMatchObject({ campaignTitle: '共建项目群众评价', stateLabel: '已结束', validBallots: 11, shown: true, note: null });
    expect(r.body.items[0].items[0].answers.slice(0, 2)).toEqual([{ answer: '很满意', count: 6, share: '54.55' }, { answer: '满意', count: 5, share: '45.45' }]);
    const small = ok(await unit.get(`/api/cobuilding/projects/${projectIds['健身器材']}/ratings`));
    expect(small.items[0]).toMatchObject({ validBallots: 2, shown: false, note: '样本不足：有效票 2 张，少于 10 张，结果不予显示', items: [] });
    const outsider = client(t.app, await createToken(t.db, 'admin', (await createTree(t.db, '旁区')).district.id));
    expect((await outsider.get(`/api/cobuilding/projects/${projectIds['加装电梯']}/ratings`)).status).toBe(404);
  });

  it('scores a unit by the residents rating the projects it was responsible for (votes clause)', async () => {
    const rs = {
      id: 'project-ratings',
      title: '项目群众评价',
      version: 'test',
      categories: ['institution'],
      facts: { rated: { source: 'ballots.tally', label: '负责项目的群众评价', item: 'overall', projects: 'responsible' } },
      parts: [
        {
          id: 'public',
          title: '群众评价',
          max: 100,
          indicators: [{ id: 'projects', title: '项目群众评价', clauses: [{ type: 'votes', fact: 'rated', coefficients: { 很满意: 100, 满意: 80, 基本满意: 60, 不满意: 0 }, minSample: 3 }] }],
        },
      ],
      total: { formula: 'public', max: 100 },
    };
    const rules = ruleSetRegistry([await compileRuleSet(JSON.stringify(rs), 'project-ratings.json')]);
    const revision = await scoreCycle({ ctx: cliCtx(t.db), year, ruleSets: rules });
    const leader = client(t.app, await createToken(t.db, 'leader', tree.district.id));
    const card = async (id: number) => (await leader.get(`/api/cycles/${year}/orgs/${id}/scorecard?revision=${revision.revisionId}`)).body;
    // 供电局: 6 × 100 + 5 × 80 = 1000 over 11 ballots = 90.909… → 90.91 (健身器材's 2 ballots left out).
    expect((await card(tree.unit.id)).total).toBe('90.91');
    // 区医院: 3 × 80 + 7 × 0 = 240 over 10 ballots = 24.
    expect((await card(unit2Id)).total).toBe('24.00');
  });
});
