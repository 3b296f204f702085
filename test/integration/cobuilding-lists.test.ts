import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock';
import { computeFacts } from '../../src/features/scoring/facts.repository';
import { FactDef } from '../../src/rules/rule-set.schema';
import { scoreCycle } from '../../src/features/scoring/score-cycle';
import { compileRuleSet } from '../../src/rules/compile';
import { ruleSetRegistry } from '../../src/rules/registry';
import { client, setupTestApp, type TestApp } from '../support/app';
import { cliCtx, createOrg, createToken, createTree, type Tree } from '../support/factories';

/**
 * 资源清单, 需求清单 and 项目清单 (issue 17, first part): a unit offers a venue to the community it has an agreement
 * with; the community and a grid record needs; the community lists projects matching them; units claim, log
 * progress and ask for 销号, which the community sends back once and then approves. The state table refuses
 * what it does not allow (409 in Chinese), dates are checked against the cycles, a unit without an agreement sees
 * nothing of the community's, and the facts count the events of 2023 for each side, worked by hand below.
 * A database of its own with a clock on 2023-12-20 (2022 finalized, 2023 collecting).
 */
let t: TestApp;
let tree: Tree;
let community: ReturnType<typeof client>;
let grid: ReturnType<typeof client>;
let unit: ReturnType<typeof client>;
let unit2: ReturnType<typeof client>;
let stranger: ReturnType<typeof client>;
let unit2Id: number;
let strangerId: number;
const ids: Record<string, number> = {};

const ok = (res: { status: number; body: any }, status = 200) => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
};

beforeAll(async () => {
  t = await setupTestApp({ isolated: true, clock: fixedClock('2023-12-20T02:00:00Z') });
  await t.db.insertInto('cycles').values([{ year: 2022, state: 'finalized' }, { year: 2023, state: 'collecting' }]).execute();
  tree = await createTree(t.db, '清单');
  const u2 = await createOrg(t.db, { kind: 'unit', parent_id: tree.sector.id, name: '清单区医院党委' });
  const u3 = await createOrg(t.db, { kind: 'enterprise', parent_id: tree.sector.id, name: '清单无协议企业党支部' });
  unit2Id = u2.id;
  strangerId = u3.id;
  await t.db
    .insertInto('agreements')
    .values([
      { community_id: tree.community.id, unit_id: tree.unit.id, year: 2023, content: '共建协议' },
      { community_id: tree.community.id, unit_id: u2.id, year: 2023, content: '共建协议' },
    ])
    .execute();
  community = client(t.app, await createToken(t.db, 'org_user', tree.community.id));
  grid = client(t.app, await createToken(t.db, 'org_user', tree.grid.id));
  unit = client(t.app, await createToken(t.db, 'org_user', tree.unit.id));
  unit2 = client(t.app, await createToken(t.db, 'org_user', u2.id));
  stranger = client(t.app, await createToken(t.db, 'org_user', u3.id));
}, 60_000);

describe('the three lists', () => {
  it('takes resources offered to a community with an agreement (or a street), refusing the rest at its field', async () => {
    const venue = { orgId: tree.unit.id, offeredToId: tree.community.id, kind: 'venue', title: '职工活动中心', description: '周末向社区开放', capacity: '可容纳 60 人', offeredOn: '2023-02-01' };
    ids.r1 = ok(await unit.post('/api/cobuilding/resources', venue), 201).id;
    ids.r2 = ok(await unit.post('/api/cobuilding/resources', { ...venue, offeredToId: tree.street.id, kind: 'talent', title: '法律顾问', offeredOn: '2023-03-01' }), 201).id;
    const noAgreement = await stranger.post('/api/cobuilding/resources', { ...venue, orgId: strangerId });
    expect(noAgreement.status).toBe(400);
    expect(noAgreement.body.error.details.issues[0]).toMatchObject({ field: 'offeredToId', message: expect.stringContaining('没有共建协议') });
    expect((await unit.post('/api/cobuilding/resources', { ...venue, orgId: strangerId })).status).toBe(403);
    const listed = ok(await community.get('/api/cobuilding/resources'));
    expect(listed.items.map((r: any) => [r.title, r.kindLabel])).toEqual([['职工活动中心', '场地']]);
  });

  it('records needs of the community and its grids, dated in an open year only', async () => {
    const need = { orgId: tree.community.id, kind: 'service', title: '老旧小区加装电梯', description: '三号楼居民联名反映', residents: 48, urgency: 'urgent', source: 'council', raisedOn: '2023-03-01' };
    ids.n1 = ok(await community.post('/api/cobuilding/needs', need), 201).id;
    ids.n2 = ok(await grid.post('/api/cobuilding/needs', { ...need, orgId: tree.grid.id, title: '楼道照明维修', urgency: 'normal', source: 'grid_report', raisedOn: '2023-04-01' }), 201).id;
    ids.n3 = ok(await community.post('/api/cobuilding/needs', { ...need, title: '四点半课堂', urgency: 'normal', source: 'visit', raisedOn: '2023-05-01' }), 201).id;
    ids.n5 = ok(await community.post('/api/cobuilding/needs', { ...need, title: '小区停车难', urgency: 'normal', source: 'resident_order', raisedOn: '2023-07-01' }), 201).id;
    ids.n6 = ok(await community.post('/api/cobuilding/needs', { ...need, title: '重复登记的需求', urgency: 'normal', raisedOn: '2023-07-02' }), 201).id;
    const finalized = await community.post('/api/cobuilding/needs', { ...need, raisedOn: '2022-06-01' });
    expect(finalized.status).toBe(409);
    expect(finalized.body.error.message).toContain('2022 年度考核周期处于「已定档」状态');
    const future = await community.post('/api/cobuilding/needs', { ...need, raisedOn: '2023-12-21' });
    expect(future.body.error.details.issues[0]).toMatchObject({ field: 'raisedOn', message: expect.stringContaining('晚于今天') });
    expect((await unit.post('/api/cobuilding/needs', { ...need, orgId: tree.unit.id })).status).toBe(400);
    ok(await community.post(`/api/cobuilding/needs/${ids.n6}/drop`));
    const again = await community.post(`/api/cobuilding/needs/${ids.n6}/drop`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('当前为「已撤销」');
    // A unit with an agreement sees the community's needs (to claim them); one without sees none.
    expect(ok(await unit.get('/api/cobuilding/needs')).total).toBe(5);
    expect(ok(await stranger.get('/api/cobuilding/needs')).total).toBe(0);
  });

  it('lists projects matching the community\'s needs and resources, checking each at its field', async () => {
    const p = { communityId: tree.community.id, title: '加装电梯和楼道照明', goal: '年中前完成三号楼加装电梯和楼道照明', plannedStart: '2023-04-10', plannedEnd: '2023-06-30', createdOn: '2023-04-05', needIds: [ids.n1, ids.n2], resourceIds: [ids.r1] };
    const backwards = await community.post('/api/cobuilding/projects', { ...p, plannedEnd: '2023-04-01' });
    expect(backwards.body.error.details.issues[0].field).toBe('plannedEnd');
    const missing = await community.post('/api/cobuilding/projects', { ...p, resourceIds: [ids.r1, 2_000_000_000] });
    expect(missing.body.error.details.issues[0]).toMatchObject({ field: 'resourceIds.1', message: expect.stringContaining('没有面向') });
    // Nothing of the refused project stayed: its needs are still open.
    expect(ok(await community.get(`/api/cobuilding/needs?orgId=${tree.community.id}&state=open`)).total).toBe(3);
    const p1 = ok(await community.post('/api/cobuilding/projects', p), 201);
    expect(p1).toMatchObject({ state: 'open', stateLabel: '待认领', responsible: null, needs: [{ title: '老旧小区加装电梯' }, { title: '楼道照明维修' }], resources: [{ title: '职工活动中心' }] });
    ids.p1 = p1.id;
    const taken = await community.post('/api/cobuilding/projects', { ...p, needIds: [ids.n1], resourceIds: [] });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toContain('当前为「已立项」');
    ids.p2 = ok(await community.post('/api/cobuilding/projects', { ...p, title: '四点半课堂', goal: '暑期开设四点半课堂', plannedStart: '2023-05-10', plannedEnd: '2023-08-31', createdOn: '2023-05-05', needIds: [ids.n3], resourceIds: [] }), 201).id;
    ids.p3 = ok(await community.post('/api/cobuilding/projects', { ...p, title: '无人认领的项目', goal: '等待共建单位认领', plannedStart: '2023-06-01', plannedEnd: '2023-09-30', createdOn: '2023-05-20', needIds: [], resourceIds: [] }), 201).id;
  });

  it('lets a unit with an agreement claim once; a unit without one is told the project does not exist', async () => {
    expect((await stranger.post(`/api/cobuilding/projects/${ids.p1}/claim`, { unitId: strangerId, on: '2023-04-12' })).status).toBe(404);
    expect((await stranger.get(`/api/cobuilding/projects/${ids.p1}`)).status).toBe(404);
    // What each side may do, as the page's buttons read it: the unit may claim the open project, the community nothing yet.
    expect(ok(await unit.get(`/api/cobuilding/projects/${ids.p1}`)).actions).toEqual(['claim']);
    expect(ok(await community.get(`/api/cobuilding/projects/${ids.p1}`)).actions).toEqual([]);
    const claimed = ok(await unit.post(`/api/cobuilding/projects/${ids.p1}/claim`, { unitId: tree.unit.id, on: '2023-04-12' }));
    expect(claimed.actions).toEqual(['progress', 'proposeClose']);
    expect(ok(await community.get(`/api/cobuilding/projects/${ids.p1}`)).actions).toEqual(['progress']);
    expect(claimed).toMatchObject({ state: 'claimed', stateLabel: '实施中', responsible: { id: tree.unit.id }, claimedOn: '2023-04-12' });
    const twice = await unit2.post(`/api/cobuilding/projects/${ids.p1}/claim`, { unitId: unit2Id, on: '2023-04-13' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe('项目「加装电梯和楼道照明」当前为「实施中」，不能认领');
    ok(await unit2.post(`/api/cobuilding/projects/${ids.p2}/claim`, { unitId: unit2Id, on: '2023-05-12' }));
  });

  it('keeps the progress ledger and the 销号: sent back once, approved; each move by its own side', async () => {
    const early = await unit.post(`/api/cobuilding/projects/${ids.p1}/progress`, { text: '完成电梯选型', on: '2023-04-01' });
    expect(early.body.error.details.issues[0]).toMatchObject({ field: 'on', message: expect.stringContaining('早于认领日期 2023-04-12') });
    expect((await unit.post(`/api/cobuilding/projects/${ids.p1}/progress`, { text: '去年的进度', on: '2022-12-01' })).status).toBe(409);
    ok(await unit.post(`/api/cobuilding/projects/${ids.p1}/progress`, { text: '完成电梯选型和居民意见征集', on: '2023-05-01' }));
    ok(await community.post(`/api/cobuilding/projects/${ids.p1}/progress`, { text: '社区协调三号楼一层住户', on: '2023-05-15' }));
    expect((await unit2.post(`/api/cobuilding/projects/${ids.p1}/progress`, { text: '越权登记', on: '2023-05-16' })).status).toBe(403);
    expect((await community.post(`/api/cobuilding/projects/${ids.p1}/close-request`, { text: '社区代为申请', on: '2023-06-20' })).status).toBe(403);
    expect((await unit.post(`/api/cobuilding/projects/${ids.p1}/close`, { text: '自己同意', on: '2023-06-20' })).status).toBe(403);
    expect(ok(await unit.post(`/api/cobuilding/projects/${ids.p1}/close-request`, { text: '电梯已通过验收，照明全部更换', on: '2023-06-20' })).actions).toEqual(['progress']);
    expect(ok(await community.get(`/api/cobuilding/projects/${ids.p1}`)).actions).toEqual(['progress', 'approveClose', 'sendBack']);
    const back = ok(await community.post(`/api/cobuilding/projects/${ids.p1}/send-back`, { text: '缺少电梯验收报告', on: '2023-06-22' }));
    expect(back).toMatchObject({ state: 'claimed', sentBack: 1, closeProposedOn: null });
    ok(await unit.post(`/api/cobuilding/projects/${ids.p1}/close-request`, { text: '补交电梯验收报告', on: '2023-06-25' }));
    const backdated = await community.post(`/api/cobuilding/projects/${ids.p1}/close`, { text: '同意销号', on: '2023-06-24' });
    expect(backdated.body.error.details.issues[0]).toMatchObject({ field: 'on', message: expect.stringContaining('早于申请销号的日期 2023-06-25') });
    const closed = ok(await community.post(`/api/cobuilding/projects/${ids.p1}/close`, { text: '同意销号', on: '2023-06-28' }));
    expect(closed).toMatchObject({ state: 'closed', stateLabel: '已销号', closedOn: '2023-06-28', overdue: false });
    expect(closed.progress.map((g: any) => [g.on, g.kindLabel, g.orgName])).toEqual([
      ['2023-05-01', '进度', tree.unit.name],
      ['2023-05-15', '进度', tree.community.name],
      ['2023-06-20', '申请销号', tree.unit.name],
      ['2023-06-22', '退回', tree.community.name],
      ['2023-06-25', '申请销号', tree.unit.name],
      ['2023-06-28', '销号', tree.community.name],
    ]);
    const needs = ok(await community.get('/api/cobuilding/needs?limit=10')).items;
    expect(needs.filter((n: any) => n.state === 'met').map((n: any) => [n.title, n.metOn])).toEqual([['楼道照明维修', '2023-06-28'], ['老旧小区加装电梯', '2023-06-28']]);
    ok(await unit2.post(`/api/cobuilding/projects/${ids.p2}/close-request`, { text: '课堂开办两个月', on: '2023-09-05' }));
    ok(await community.post(`/api/cobuilding/projects/${ids.p2}/close`, { text: '同意销号', on: '2023-09-10' }));
    expect(ok(await community.get(`/api/cobuilding/projects/${ids.p3}`))).toMatchObject({ state: 'open', overdue: true });
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'cb_project').where('entity_id', '=', String(ids.p1)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'cobuilding.project.create',
      'cobuilding.project.claim',
      'cobuilding.project.progress',
      'cobuilding.project.progress',
      'cobuilding.project.proposeClose',
      'cobuilding.project.sendBack',
      'cobuilding.project.proposeClose',
      'cobuilding.project.approveClose',
    ]);
    // Each move's audit row carries the entry it wrote; each need the project changed has its own rows.
    const sent = await t.db.selectFrom('audit_log').select('after').where('action', '=', 'cobuilding.project.sendBack').where('entity_id', '=', String(ids.p1)).executeTakeFirstOrThrow();
    expect(sent.after).toMatchObject({ state: 'claimed', entry: { kind: 'sent_back', on: '2023-06-22', text: '缺少电梯验收报告', orgId: tree.community.id } });
    const needAudit = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'cb_need').where('entity_id', '=', String(ids.n1)).orderBy('id').execute();
    expect(needAudit.map((a) => a.action)).toEqual(['cobuilding.need.create', 'cobuilding.need.match', 'cobuilding.need.meet']);
  });

  it('counts 2023\'s outcomes for each side, as worked by hand', async () => {
    const def = (d: object) => FactDef.parse({ label: '事实', ...d });
    const defs = {
      claimed: def({ source: 'cobuilding.projects', count: 'claimed' }),
      onTime: def({ source: 'cobuilding.projects', count: 'closedOnTime' }),
      late: def({ source: 'cobuilding.projects', count: 'closedLate' }),
      overdue: def({ source: 'cobuilding.projects', count: 'overdueOpen' }),
      sentBack: def({ source: 'cobuilding.projects', count: 'sentBack' }),
      cClaimed: def({ source: 'cobuilding.projects', side: 'community', count: 'claimed' }),
      cOverdue: def({ source: 'cobuilding.projects', side: 'community', count: 'overdueOpen' }),
      raised: def({ source: 'cobuilding.needs', count: 'raised' }),
      urgent: def({ source: 'cobuilding.needs', count: 'raised', urgentOnly: true }),
      met: def({ source: 'cobuilding.needs', count: 'met' }),
      metShare: def({ source: 'cobuilding.needs', count: 'metShare', ifNone: 0 }),
      offered: def({ source: 'cobuilding.resources', count: 'offered' }),
      used: def({ source: 'cobuilding.resources', count: 'used' }),
    } as Record<string, FactDef>;
    const facts = await computeFacts(t.db, 2023, [tree.unit.id, unit2Id, tree.community.id, tree.grid.id, strangerId], defs);
    // 供电局 (tree.unit): claimed P1 (04-12); closed 06-28 ≤ planned 06-30 → on time; sent back once (06-22);
    // offered the venue and the lawyer (2); the venue serves P1, claimed in 2023 (1).
    expect(facts.get(tree.unit.id)).toMatchObject({ claimed: 1, onTime: 1, late: 0, overdue: 0, sentBack: 1, offered: 2, used: 1 });
    // 区医院 (unit2): claimed P2 (05-12); closed 09-10 > planned 08-31 → late.
    expect(facts.get(unit2Id)).toMatchObject({ claimed: 1, onTime: 0, late: 1, overdue: 0, sentBack: 0, offered: 0, used: 0 });
    // The community: P1 and P2 claimed in 2023 (2); P3 never claimed, planned end 09-30 before the cutoff
    // 12-31 → overdue (1). Needs: its own N1, N3, N5, N6 and the grid's N2 = 5 raised in 2023 (N6 dropped still
    // counts as raised), 1 urgent (N1); met N1, N2 (06-28) and N3 (09-10) = 3; share 3 / 5 = 60.00 %.
    expect(facts.get(tree.community.id)).toMatchObject({ cClaimed: 2, cOverdue: 1, raised: 5, urgent: 1, met: 3, metShare: 60 });
    // The grid: N2 raised and met: 1 / 1 = 100 %.
    expect(facts.get(tree.grid.id)).toMatchObject({ raised: 1, met: 1, metShare: 100 });
    // No agreement, no events: zeros, and ifNone for the share.
    expect(facts.get(strangerId)).toMatchObject({ claimed: 0, offered: 0, raised: 0, metShare: 0 });
  });

  it('filters the lists for the matching view: needs waiting, resources on offer and unused, projects overdue', async () => {
    // Needs still 待对接 in the community: N5 only (N1, N2 met with P1, N3 with P2, N6 dropped).
    expect(ok(await community.get('/api/cobuilding/needs?state=open')).items.map((n: any) => n.title)).toEqual(['小区停车难']);
    // Resources no project uses, on offer on 2023-12-20: the lawyer offered to the street (the venue serves P1).
    expect(ok(await unit.get('/api/cobuilding/resources?state=unused')).items.map((r: any) => r.title)).toEqual(['法律顾问']);
    // Overdue on 2023-12-20: P3, never claimed, planned to end 09-30; P1 and P2 are closed.
    expect(ok(await community.get('/api/cobuilding/projects?state=overdue')).items.map((p: any) => p.title)).toEqual(['无人认领的项目']);
    // The whole list: work still to do first (P3), then the closed, the latest first (P2 09-10, P1 06-28).
    expect(ok(await community.get('/api/cobuilding/projects')).items.map((p: any) => p.title)).toEqual(['无人认领的项目', '四点半课堂', '加装电梯和楼道照明']);
  });

  it("gives the street each community's co-building year, as worked by hand", async () => {
    const street = client(t.app, await createToken(t.db, 'org_user', tree.street.id));
    const view = ok(await street.get('/api/cobuilding/overview?year=2023'));
    const mine = view.rows.find((r: any) => r.communityId === tree.community.id);
    // Projects listed in 2023: P1 and P2 closed, P3 open and past its planned end 09-30 on 2023-12-20 (overdue).
    // Needs raised in 2023 by the community and its grid: N1, N2, N3, N5, N6 = 5, N1 urgent, N1 N2 N3 met.
    // Resources offered to the community in 2023: the venue (the lawyer went to the street), used by P1.
    expect(mine).toMatchObject({ projects: { open: 1, claimed: 0, closing: 0, closed: 2, overdue: 1 }, needs: { raised: 5, urgent: 1, met: 3 }, resources: { offered: 1, used: 1 } });
    expect(view.totals.projects.closed).toBe(view.rows.reduce((n: number, r: any) => n + r.projects.closed, 0));
    expect(ok(await street.get('/api/cobuilding/overview?year=2022')).totals.projects).toEqual({ open: 0, claimed: 0, closing: 0, closed: 0, overdue: 0 });
    // A unit has no communities under it; another subtree's organization is not found.
    expect(ok(await unit.get('/api/cobuilding/overview?year=2023')).rows).toEqual([]);
    expect((await unit.get(`/api/cobuilding/overview?year=2023&orgId=${tree.street.id}`)).status).toBe(404);
  });

  it("shares a project's evidence between its two sides, and with no one else", async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const form = new FormData();
    form.set('file', new File([pdf], '验收报告.pdf', { type: 'application/pdf' }));
    form.set('orgId', String(tree.unit.id));
    form.set('purpose', 'cobuilding_evidence');
    const file = ok(await unit.post('/api/files', form), 201);
    // Before it is evidence, the community cannot read the unit's file (another subtree).
    expect((await community.get(`/api/files/${file.id}`)).status).toBe(404);
    const p4 = ok(await community.post('/api/cobuilding/projects', { communityId: tree.community.id, title: '停车位改造', goal: '增加 20 个停车位', plannedStart: '2023-12-01', plannedEnd: '2024-03-31', createdOn: '2023-12-01', needIds: [], resourceIds: [] }), 201);
    ok(await unit.post(`/api/cobuilding/projects/${p4.id}/claim`, { unitId: tree.unit.id, on: '2023-12-02' }));
    const after = ok(await unit.post(`/api/cobuilding/projects/${p4.id}/progress`, { text: '完成设计', on: '2023-12-10', fileIds: [file.id] }));
    expect(after.progress[0].evidence).toEqual([{ name: '验收报告.pdf', fileId: file.id, mime: 'application/pdf', size: pdf.length }]);
    expect((await community.get(`/api/files/${file.id}`)).status).toBe(200);
    expect((await unit.get(`/api/files/${file.id}`)).status).toBe(200);
    // A unit of the same community that is not on the project, and a stranger, still cannot.
    expect((await unit2.get(`/api/files/${file.id}`)).status).toBe(404);
    expect((await stranger.get(`/api/files/${file.id}`)).status).toBe(404);
  });

  it("scores a unit's co-building from what it delivered: its projects, through facts, rules, a revision and the scorecard", async () => {
    // A 大党委 member-unit rubric of 20 points: 认领项目 5 each (up to 10), 按期销号 5 each (up to 10), 逾期销号 2 each,
    // 逾期未销号 −5 each, 被退回 −2 each, never below 0.
    const projects = (count: string) => ({ source: 'cobuilding.projects', label: count, count });
    const rubric = {
      id: 'cb-unit',
      title: '共建单位项目落实考核（测试）',
      version: 'test',
      categories: ['institution', 'enterprise', 'social_org', 'agency'],
      facts: { claimed: projects('claimed'), onTime: projects('closedOnTime'), late: projects('closedLate'), overdue: projects('overdueOpen'), sentBack: projects('sentBack') },
      parts: [
        {
          id: 'cobuilding',
          title: '共驻共建',
          max: 20,
          indicators: [
            {
              id: 'projects',
              title: '资源项目落实',
              max: 20,
              clauses: [
                { type: 'perUnit', fact: 'claimed', points: 5, cap: 10 },
                { type: 'perUnit', fact: 'onTime', points: 5, cap: 10 },
                { type: 'perUnit', fact: 'late', points: 2 },
                { type: 'perUnit', fact: 'overdue', points: -5 },
                { type: 'perUnit', fact: 'sentBack', points: -2 },
              ],
            },
          ],
        },
      ],
      total: { formula: 'cobuilding', max: 20 },
    };
    const rules = ruleSetRegistry([await compileRuleSet(JSON.stringify(rubric), 'cb-unit.json')]);
    await t.db.updateTable('cycles').set({ state: 'reviewing' }).where('year', '=', 2023).execute();
    const revision = await scoreCycle({ ctx: cliCtx(t.db), year: 2023, ruleSets: rules });
    const leader = client(t.app, await createToken(t.db, 'leader', tree.district.id));
    const points = async (orgId: number) => {
      const card = ok(await leader.get(`/api/cycles/2023/orgs/${orgId}/scorecard?revision=${revision.revisionId}`));
      return card.parts[0].indicators[0].points;
    };
    // 供电局: claimed P1 (04-12) and P4 (12-02) = 2 × 5 = 10; P1 closed 06-28 ≤ 06-30 on time: 5; sent back once: −2;
    // P4 planned to end 2024-03-31, not overdue at 2023-12-31: 10 + 5 − 2 = 13.
    expect(await points(tree.unit.id)).toBe('13.00');
    // 区医院: claimed P2: 5; closed 09-10 after its planned end 08-31, late: 2; 5 + 2 = 7.
    expect(await points(unit2Id)).toBe('7.00');
    // The enterprise without an agreement delivered nothing: 0.
    expect(await points(strangerId)).toBe('0.00');
  });

  it('imports 需求清单 from a sheet all or nothing, every bad row reported at once', async () => {
    const csv = (rows: string[]) => {
      const form = new FormData();
      form.append('file', new File([new TextEncoder().encode(['需求名称,具体内容,收集单位编码,类型,来源,紧急程度,涉及居民人数,收集日期', ...rows].join('\n'))], '需求清单.csv'));
      return form;
    };
    const before = Number((await t.db.selectFrom('cb_needs').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const bad = await community.post('/api/imports/needs', csv([
      `独居老人助餐,辖区独居老人就餐不便,${tree.community.code},服务,走访,急难愁盼,12,2023-10-08`,
      `楼道照明,三号楼楼道灯坏了,${tree.grid.code},物资,上门,一般,8,2023-10-09`,
      `停车难,小区停车位不足,${tree.unit.code},其他,议事会,一般,很多,2023-10-10`,
      `去年的需求,去年收集的需求,${tree.community.code},服务,走访,一般,5,2022-05-01`,
      `明天的需求,还没有收集的需求,${tree.community.code},服务,走访,一般,5,2023-12-21`,
    ]));
    expect(bad.status).toBe(400);
    const errors = bad.body.error.details.errors.map((e: any) => [e.row, e.column, e.message]);
    expect(errors).toEqual([
      [3, '来源', '应为走访、议事会、网格上报、群众点单之一'],
      [4, '涉及居民人数', '应为整数'],
      [4, '收集单位编码', '不是本辖区的组织编码'],
      [5, '收集日期', expect.stringContaining('2022 年度考核周期处于「已定档」状态')],
      [6, '收集日期', '晚于今天（2023-12-20）'],
    ]);
    expect(Number((await t.db.selectFrom('cb_needs').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(before);
    // The district's admin may name any organization of the district, but a need is a community's or a grid's.
    const admin = client(t.app, await createToken(t.db, 'admin', tree.district.id));
    const unitNeed = await admin.post('/api/imports/needs', csv([`助餐,独居老人就餐不便,${tree.unit.code},服务,走访,一般,12,2023-10-08`]));
    expect(unitNeed.body.error.details.errors[0]).toMatchObject({ column: '收集单位编码', message: expect.stringContaining('需求由社区或网格收集') });
    // Another subtree's code is not this community's to use.
    const foreign = await grid.post('/api/imports/needs', csv([`助餐,独居老人就餐不便,${tree.community.code},服务,走访,一般,12,2023-10-08`]));
    expect(foreign.body.error.details.errors[0]).toMatchObject({ column: '收集单位编码', message: '不是本辖区的组织编码' });
    const good = ok(await community.post('/api/imports/needs', csv([
      `独居老人助餐,辖区独居老人就餐不便,${tree.community.code},服务,走访,急难愁盼,12,2023-10-08`,
      `楼道照明,三号楼楼道灯坏了,${tree.grid.code},物资,网格上报,,8,2023-10-09`,
    ])));
    expect(good).toEqual({ imported: 2 });
    const rows = await t.db.selectFrom('cb_needs').select(['title', 'kind', 'source', 'urgency', 'residents', 'state', 'org_id']).where('raised_on', '>=', '2023-10-08').orderBy('id').execute();
    expect(rows).toEqual([
      { title: '独居老人助餐', kind: 'service', source: 'visit', urgency: 'urgent', residents: 12, state: 'open', org_id: tree.community.id },
      { title: '楼道照明', kind: 'goods', source: 'grid_report', urgency: 'normal', residents: 8, state: 'open', org_id: tree.grid.id },
    ]);
    // The template a community fills in: the columns above, with their choice lists.
    const template = await community.get('/api/imports/needs/template?format=csv');
    expect(template.status).toBe(200);
    expect(String(template.body)).toContain('需求名称,具体内容,收集单位编码,类型,来源,紧急程度,涉及居民人数,收集日期');
  });

  it('imports 资源清单 from a sheet all or nothing: a provider may offer only to a community it has an agreement with, or a street', async () => {
    const csv = (rows: string[]) => {
      const form = new FormData();
      form.append('file', new File([new TextEncoder().encode(['资源名称,具体内容,提供单位编码,面向组织编码,类型,规模或数量,联系方式,提供日期,提供至', ...rows].join('\n'))], '资源清单.csv'));
      return form;
    };
    const count = async () => Number((await t.db.selectFrom('cb_resources').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const stranger = (await t.db.selectFrom('organizations').select('code').where('id', '=', strangerId).executeTakeFirstOrThrow()).code;
    const admin = client(t.app, await createToken(t.db, 'admin', tree.district.id));
    const bad = await admin.post('/api/imports/resources', csv([
      `会议室开放,周末向社区开放会议室,${tree.unit.code},${tree.community.code},场地,可容纳 60 人,王主任,2023-10-08,2023-12-31`,
      `法律咨询,每月一次法律咨询,${stranger},${tree.community.code},服务,,,2023-10-08,`,
      `活动经费,党建活动经费,${tree.unit.code},${tree.community.code},资金,,,2023-10-08,2023-09-01`,
      `图书捐赠,捐赠图书,${tree.unit.code},${tree.community.code},书籍,,,2023-10-08,`,
      `网格资源,网格提供的资源,${tree.grid.code},${tree.street.code},服务,,,2023-10-08,`,
    ]));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors.map((e: any) => [e.row, e.column, e.message])).toEqual([
      [3, '面向组织编码', expect.stringContaining('没有共建协议：资源只能面向签有共建协议的社区或街道')],
      [4, '提供至', '不能早于提供日期 2023-10-08'],
      [5, '类型', '应为场地、人才、资金、物资、服务、其他之一'],
      [6, '提供单位编码', expect.stringContaining('资源由驻区单位、非公企业、社会组织或社区提供')],
    ]);
    expect(await count()).toBe(before);
    // The unit imports its own offers: one to the community of its agreement, one to the street.
    const good = ok(await unit.post('/api/imports/resources', csv([
      `会议室开放,周末向社区开放会议室,${tree.unit.code},${tree.community.code},场地,可容纳 60 人,王主任,2023-10-08,2023-12-31`,
      `法律服务,面向街道的法律服务,${tree.unit.code},${tree.street.code},服务,每月 8 小时,,2023-10-09,`,
    ])));
    expect(good).toEqual({ imported: 2 });
    const rows = await t.db.selectFrom('cb_resources').select(['title', 'kind', 'offered_to_id', 'capacity', 'available_to']).where('org_id', '=', tree.unit.id).where('offered_on', '>=', '2023-10-08').orderBy('id').execute();
    expect(rows).toEqual([
      { title: '会议室开放', kind: 'venue', offered_to_id: tree.community.id, capacity: '可容纳 60 人', available_to: '2023-12-31' },
      { title: '法律服务', kind: 'service', offered_to_id: tree.street.id, capacity: '每月 8 小时', available_to: null },
    ]);
    expect(await t.db.selectFrom('audit_log').select('id').where('action', '=', 'cobuilding.resource.import').execute()).toHaveLength(2);
    const template = await unit.get('/api/imports/resources/template?format=csv');
    expect(String(template.body)).toContain('资源名称,具体内容,提供单位编码,面向组织编码,类型,规模或数量,联系方式,提供日期,提供至');
  });

  it('exports the three lists as one workbook in Chinese, as the caller sees them', async () => {
    const res = await t.app.request('/api/cobuilding/export.xlsx', { headers: { authorization: `Bearer ${await createToken(t.db, 'org_user', tree.community.id)}` } });
    expect(res.status).toBe(200);
    expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain('共建清单_2023-12-20.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['项目清单', '需求清单', '资源清单']);
    const projects = wb.getWorksheet('项目清单')!;
    const titles: string[] = [];
    projects.eachRow((row, n) => n > 2 && titles.push(String(row.getCell(1).value)));
    expect(titles.sort()).toEqual(['停车位改造', '加装电梯和楼道照明', '四点半课堂', '无人认领的项目'].sort());
    // The row of P1 reads as filed: its unit, its state, sent back once.
    const p1 = [...Array(projects.rowCount).keys()].map((i) => projects.getRow(i + 1)).find((r) => r.getCell(1).value === '加装电梯和楼道照明')!;
    expect([p1.getCell(4).value, p1.getCell(8).value, p1.getCell(11).value]).toEqual([tree.unit.name, '已销号', 1]);
    expect(String(wb.getWorksheet('需求清单')!.getRow(1).getCell(1).value)).toMatch(/^需求清单，共 \d+ 条$/);
  });
  it("counts each agreement's outcomes (a unit within one community's 大党委), as worked by hand", async () => {
    // A second community with a grid; 供电局 and 区医院 both signed with it for 2023 (区医院 also for 2022, which
    // does not count in 2023). 供电局 fulfilled a wish its grid collected; 区医院 did nothing there.
    const c2 = await createOrg(t.db, { kind: 'community', parent_id: tree.street.id, name: '清单第二社区党委' });
    const g2 = await createOrg(t.db, { kind: 'grid', parent_id: c2.id, name: '清单第二社区一网格' });
    await t.db
      .insertInto('agreements')
      .values([
        { community_id: c2.id, unit_id: tree.unit.id, year: 2023, content: '共建协议' },
        { community_id: c2.id, unit_id: unit2Id, year: 2023, content: '共建协议' },
        { community_id: c2.id, unit_id: unit2Id, year: 2022, content: '共建协议' },
      ])
      .execute();
    await t.db
      .insertInto('cb_wishes')
      .values({ org_id: g2.id, wish: '想要一副老花镜', resident_alias: '刘奶奶', consent_on: '2023-10-01', raised_on: '2023-10-01', state: 'fulfilled', claimer_id: tree.unit.id, claimer_member: '钱党员', claimed_on: '2023-10-08', fulfilled_on: '2023-11-02', fulfil_text: '配好送到家', fulfil_file_ids: '[]', created_by: 'test' })
      .execute();
    const def = (count: string, side = 'unit') => FactDef.parse({ label: '事实', source: 'cobuilding.agreements', side, count });
    const defs = { total: def('total'), delivered: def('delivered'), idle: def('idle'), share: def('deliveredShare') } as Record<string, FactDef>;
    const cdefs = { total: def('total', 'community'), delivered: def('delivered', 'community'), idle: def('idle', 'community'), share: def('deliveredShare', 'community') } as Record<string, FactDef>;
    const units = await computeFacts(t.db, 2023, [tree.unit.id, unit2Id, strangerId], defs);
    const communities = await computeFacts(t.db, 2023, [tree.community.id, c2.id], cdefs);
    // 供电局: with the first community it closed P1 (06-28); with the second it fulfilled the grid's wish (11-02): 2 of 2.
    expect(units.get(tree.unit.id)).toEqual({ total: 2, delivered: 2, idle: 0, share: 100 });
    // 区医院: P2 closed (late, 09-10) in the first community; nothing in the second: 1 of 2 = 50 %.
    expect(units.get(unit2Id)).toEqual({ total: 2, delivered: 1, idle: 1, share: 50 });
    // No agreement: zeros, and ifNone (0) for the share.
    expect(units.get(strangerId)).toEqual({ total: 0, delivered: 0, idle: 0, share: 0 });
    // The first community: both member units delivered. The second: 供电局 did, 区医院 did not (its 2022 one is another year).
    expect(communities.get(tree.community.id)).toEqual({ total: 2, delivered: 2, idle: 0, share: 100 });
    expect(communities.get(c2.id)).toEqual({ total: 2, delivered: 1, idle: 1, share: 50 });

    // The same, agreement by agreement, as each side reads it, with 资源项目落实 from the year's two-way form
    // (version 1: 按期销号 10, 逾期销号 5, 微心愿 4, 逾期未销号 −5 each, within 0–20).
    // (The server lists by organization code; here by id: the first community, then the second.)
    const byIds = (items: any[]) => [...items].sort((a, b) => a.community.id - b.community.id || a.unit.id - b.unit.id);
    const rows = async (side: ReturnType<typeof client>) =>
      byIds(ok(await side.get('/api/cobuilding/member-units?year=2023')).items).map((r: any) => [r.community.name, r.unit.name, r.closedOnTime, r.closedLate, r.wishFulfilled, r.overdueOpen, r.delivered, r.points]);
    // 区医院: P2 closed late in the first community (5); nothing in the second (0).
    expect(await rows(unit2)).toEqual([
      [tree.community.name, '清单区医院党委', 0, 1, 0, 0, true, 5],
      ['清单第二社区党委', '清单区医院党委', 0, 0, 0, 0, false, 0],
    ]);
    // 供电局: P1 on time in the first community (10; P4 runs to 2024-03-31, not overdue); the grid's wish in the second (4).
    const own = ok(await unit.get('/api/cobuilding/member-units?year=2023'));
    expect(byIds(own.items).map((r: any) => [r.community.name, r.points, r.text])).toEqual([
      [tree.community.name, 10, '按期销号项目 1 个 × 10 = 10 分'],
      ['清单第二社区党委', 4, '实现微心愿 1 个 × 4 = 4 分'],
    ]);
    expect(own.item).toMatchObject({ label: '资源项目落实', max: 20 });
    // The first community reads its two member units; a stranger reads none.
    expect((await rows(community)).map((r: any[]) => [r[1], r[7]])).toEqual([
      [tree.unit.name, 10],
      ['清单区医院党委', 5],
    ]);
    expect(ok(await stranger.get('/api/cobuilding/member-units?year=2023')).total).toBe(0);
  });
});
