import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock';
import { client, setupTestApp, type TestApp } from '../support/app';
import { createOrg, createToken, createTree, type Tree } from '../support/factories';

/**
 * 责任分解 of a co-building project (issue 17): who does what by when, some tasks the project's nodes (里程碑). Either
 * side adds tasks while the project is not closed; a task falls to the community, the responsible unit or a
 * cooperating unit, within the project's planned time; either side or the task's own organization marks it done;
 * overdue is computed on the China date. A database of its own, the clock on 2023-06-10 (2022 finalized).
 */
let t: TestApp;
let tree: Tree;
let community: ReturnType<typeof client>;
let unit: ReturnType<typeof client>;
let partner: ReturnType<typeof client>;
let outsider: ReturnType<typeof client>;
let partnerId: number;
let projectId: number;

const ok = (res: { status: number; body: any }, status = 200) => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
};
const issue = (res: { body: any }) => res.body.error.details.issues[0];

beforeAll(async () => {
  t = await setupTestApp({ isolated: true, clock: fixedClock('2023-06-10T02:00:00Z') });
  await t.db.insertInto('cycles').values([{ year: 2022, state: 'finalized' }, { year: 2023, state: 'collecting' }]).execute();
  tree = await createTree(t.db, '分解');
  partnerId = (await createOrg(t.db, { kind: 'unit', parent_id: tree.sector.id, name: '分解区医院党委' })).id;
  await t.db.insertInto('agreements').values({ community_id: tree.community.id, unit_id: tree.unit.id, year: 2023, content: '共建协议' }).execute();
  community = client(t.app, await createToken(t.db, 'org_user', tree.community.id));
  unit = client(t.app, await createToken(t.db, 'org_user', tree.unit.id));
  partner = client(t.app, await createToken(t.db, 'org_user', partnerId));
  outsider = client(t.app, await createToken(t.db, 'org_user', (await createTree(t.db, '旁区')).community.id));
  const p = ok(
    await community.post('/api/cobuilding/projects', { communityId: tree.community.id, title: '老旧小区加装扶手', goal: '三个单元加装扶手', plannedStart: '2023-03-01', plannedEnd: '2023-06-30', createdOn: '2023-03-01', partnerIds: [partnerId] }),
    201,
  );
  projectId = p.id;
}, 60_000);

const url = (path = '') => `/api/cobuilding/projects/${projectId}/tasks${path}`;

describe('责任分解', () => {
  it('lets the community set nodes before a unit claims, within the planned time, to an organization of the project', async () => {
    const p = ok(await community.post(url(), { title: '完成入户需求核实', orgId: tree.community.id, person: '王建国', dueOn: '2023-03-20', milestone: true }), 201);
    expect(p.tasks).toEqual([
      // Not done and due 2023-03-20, before today (2023-06-10): overdue. Nobody can mark it done before a unit claims.
      { id: expect.any(Number), title: '完成入户需求核实', org: { id: tree.community.id, name: tree.community.name }, person: '王建国', dueOn: '2023-03-20', milestone: true, doneOn: null, overdue: true, mayFinish: false },
    ]);
    expect(p.mayPlan).toBe(true);

    const late = await community.post(url(), { title: '验收', orgId: tree.community.id, dueOn: '2023-07-15' });
    expect(late.status).toBe(400);
    expect(issue(late)).toEqual({ field: 'dueOn', message: '完成时限应在项目计划时间 2023-03-01 至 2023-06-30 之内' });
    const stranger = await community.post(url(), { title: '验收', orgId: tree.street.id, dueOn: '2023-06-20' });
    expect(stranger.status).toBe(400);
    expect(issue(stranger).field).toBe('orgId');
    expect(issue(stranger).message).toContain(`责任单位须为本项目的所在社区、责任单位或协作单位：${tree.community.name}、分解区医院党委`);
    // A task belongs to the cycle of its due date: 2022 is finalized.
    const lastYear = await community.post(url(), { title: '去年的任务', orgId: tree.community.id, dueOn: '2022-12-01' });
    expect(lastYear.status).toBe(409);
    expect(lastYear.body.error.code).toBe('cycle_closed');
    expect((await outsider.post(url(), { title: '越权', orgId: tree.community.id, dueOn: '2023-04-01' })).status).toBe(404);
  });

  it('takes the responsible unit’s tasks after it claims, and marks tasks done by either side', async () => {
    ok(await unit.post(`/api/cobuilding/projects/${projectId}/claim`, { unitId: tree.unit.id, on: '2023-03-05' }));
    const byUnit = ok(await unit.post(url(), { title: '采购扶手并施工', orgId: tree.unit.id, person: '李强', dueOn: '2023-06-30', milestone: true }), 201);
    expect(byUnit.tasks.map((k: { title: string }) => k.title)).toEqual(['完成入户需求核实', '采购扶手并施工']);
    ok(await community.post(url(), { title: '提供医护志愿者', orgId: partnerId, dueOn: '2023-05-31' }), 201);
    // The cooperating unit sees the project (without an agreement): it does not plan, but marks its own task done.
    const notSide = await partner.post(url(), { title: '自己加的任务', orgId: partnerId, dueOn: '2023-05-31' });
    expect(notSide.status).toBe(403);
    expect(notSide.body.error.message).toBe(`只有项目所在社区「${tree.community.name}」或责任单位可以分解任务`);
    const view = ok(await unit.get(`/api/cobuilding/projects/${projectId}`));
    const byTitle = (title: string) => view.tasks.find((k: { title: string }) => k.title === title);
    expect(byTitle('提供医护志愿者')).toMatchObject({ mayFinish: true, overdue: true }); // the unit is a side; 05-31 has passed

    const seen = ok(await partner.get(`/api/cobuilding/projects/${projectId}`));
    expect(seen.mayPlan).toBe(false);
    expect(seen.tasks.filter((k: { mayFinish: boolean }) => k.mayFinish).map((k: { title: string }) => k.title)).toEqual(['提供医护志愿者']);
    const partnerDone = ok(await partner.post(url(`/${byTitle('提供医护志愿者').id}/done`), { on: '2023-05-30' }));
    expect(partnerDone.tasks.find((k: { title: string }) => k.title === '提供医护志愿者')).toMatchObject({ doneOn: '2023-05-30', overdue: false });
    const early = await unit.post(url(`/${byTitle('完成入户需求核实').id}/done`), { on: '2023-03-01' });
    expect(early.status).toBe(400);
    expect(issue(early)).toEqual({ field: 'on', message: '完成日期不能早于认领日期 2023-03-05' });
    const future = await unit.post(url(`/${byTitle('完成入户需求核实').id}/done`), { on: '2023-06-11' });
    expect(issue(future)).toEqual({ field: 'on', message: '日期 2023-06-11 晚于今天（2023-06-10）' });
    const done = ok(await community.post(url(`/${byTitle('完成入户需求核实').id}/done`), { on: '2023-03-18' }));
    expect(done.tasks.find((k: { title: string }) => k.title === '完成入户需求核实')).toMatchObject({ doneOn: '2023-03-18', overdue: false, mayFinish: false });
    const again = await unit.post(url(`/${byTitle('完成入户需求核实').id}/done`), {});
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('任务「完成入户需求核实」已于 2023-03-18 完成');
    // Today by default; the unit's own task is not overdue before its date (06-30).
    const mine = ok(await unit.post(url(`/${byTitle('采购扶手并施工').id}/done`), {}));
    expect(mine.tasks.find((k: { title: string }) => k.title === '采购扶手并施工')).toMatchObject({ doneOn: '2023-06-10', overdue: false });
    expect((await unit.post(url('/999999/done'), {})).status).toBe(404);

    const audit = await t.db.selectFrom('audit_log').select(['action', 'after']).where('entity', '=', 'cb_project_task').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['cobuilding.task.plan', 'cobuilding.task.plan', 'cobuilding.task.plan', 'cobuilding.task.finish', 'cobuilding.task.finish', 'cobuilding.task.finish']);
    expect(audit[1]!.after).toMatchObject({ title: '采购扶手并施工', orgId: tree.unit.id, person: '李强', dueOn: '2023-06-30', milestone: true });
  });

  it('exports each project’s tasks done and overdue with the lists', async () => {
    ok(await community.post(url(), { title: '居民回访', orgId: tree.community.id, dueOn: '2023-06-05' }), 201);
    const ExcelJS = (await import('exceljs')).default;
    const res = await t.app.request('/api/cobuilding/export.xlsx', { headers: { authorization: `Bearer ${await createToken(t.db, 'org_user', tree.community.id)}` } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.getWorksheet('项目清单')!;
    const header = (sheet.getRow(2).values as unknown[]).map(String);
    const row = sheet.getRow(3);
    // Four tasks, three done (入户核实, 医护志愿者, 采购施工); 居民回访 due 06-05 and not done: overdue on 06-10.
    expect(row.getCell(header.indexOf('责任分解（已完成/共）')).value).toBe('3/4');
    expect(row.getCell(header.indexOf('逾期任务')).value).toBe(1);
  });

  it('refuses new tasks once the project is closed, naming its state', async () => {
    ok(await unit.post(`/api/cobuilding/projects/${projectId}/close-request`, { text: '扶手已全部安装', on: '2023-06-08' }));
    const closed = ok(await community.post(`/api/cobuilding/projects/${projectId}/close`, { text: '验收合格，同意销号', on: '2023-06-09' }));
    expect(closed.mayPlan).toBe(false);
    expect(closed.tasks.every((k: { mayFinish: boolean }) => !k.mayFinish)).toBe(true);
    // 居民回访 was never done, but 销号 settled the project: no longer overdue.
    expect(closed.tasks.find((k: { title: string }) => k.title === '居民回访')).toMatchObject({ doneOn: null, overdue: false });
    const refused = await community.post(url(), { title: '回访', orgId: tree.community.id, dueOn: '2023-06-30' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('项目「老旧小区加装扶手」当前为「已销号」，不能添加责任分解的任务');
  });
});
