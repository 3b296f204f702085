import { beforeAll, describe, expect, it } from 'vitest';
import { client, setupTestApp, type TestApp } from '../support/app';
import { todayInChina } from '../../src/lib/clock';
import { setLateEntry } from '../../src/features/cycles/manage-cycles';
import { cliCtx, createCycle, createMember, createOrg, createToken, createTree, type Tree } from '../support/factories';

let t: TestApp;
let tree: Tree;
let year: number;
let closedYear: number;
let gridUser: ReturnType<typeof client>;
let grid2User: ReturnType<typeof client>;
let communityUser: ReturnType<typeof client>;

const record = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  orgId: tree.grid.id,
  kind: 'theme_day',
  occurredOn: `${year}-06-18`,
  title: '6 月主题党日：重温入党誓词',
  participants: 18,
  evidence: [{ name: '签到表', ref: 'files/0618.jpg' }],
  ...over,
});

beforeAll(async () => {
  t = await setupTestApp();
  tree = await createTree(t.db);
  year = await createCycle(t.db, 'collecting');
  closedYear = await createCycle(t.db, 'reviewing');
  gridUser = client(t.app, await createToken(t.db, 'org_user', tree.grid.id));
  grid2User = client(t.app, await createToken(t.db, 'org_user', tree.grid2.id));
  communityUser = client(t.app, await createToken(t.db, 'org_user', tree.community.id));
});

describe('creating ledger records', () => {
  it('files a record into the cycle of its date, with its audit row', async () => {
    const member = await createMember(t.db, { org_id: tree.grid.id });
    const res = await gridUser.post('/api/ledger', record({ kind: '志愿服务', hours: 2.5, memberIds: [member.id], participants: undefined }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      orgId: tree.grid.id,
      cycleYear: year,
      kind: 'volunteer',
      kindName: '志愿服务',
      hours: '2.50',
      participants: 1,
      memberIds: [member.id],
      status: 'submitted',
      statusLabel: '待审核',
    });
    const participants = await t.db.selectFrom('ledger_participants').selectAll().where('record_id', '=', res.body.id).execute();
    expect(participants.map((p) => p.member_id)).toEqual([member.id]);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity', '=', 'ledger_record').where('entity_id', '=', String(res.body.id)).execute();
    expect(audit.map((a) => a.action)).toEqual(['ledger.create']);
  });

  it.each([
    ['an unknown kind', { kind: '打卡签到' }, 'kind', '未知的记录类型'],
    ['a date outside the named cycle', () => ({ cycleYear: year, occurredOn: `${year + 1}-01-03` }), 'occurredOn', '不在'],
    ['a year with no cycle', { occurredOn: '1899-05-01' }, 'occurredOn', '1899 年度考核周期不存在'],
    ['a date after today', { occurredOn: '2999-01-01' }, 'occurredOn', '晚于今天'],
    ['volunteering without hours', { kind: 'volunteer' }, 'hours', '需要填写时长'],
    ['an impossible date', { occurredOn: `${1950}-02-30` }, 'occurredOn', '有效日期'],
    ['a date before the organization existed', { orgId: 0 }, 'occurredOn', '不处于存续期'],
    ['fewer participants than listed members', { participants: 1, memberIds: 'two' }, 'participants', '少于所列党员人数'],
  ])('refuses %s with a 400 naming the field', async (_, over, field, text) => {
    const body = record(typeof over === 'function' ? over() : over);
    if (body.orgId === 0) {
      body.orgId = (await createOrg(t.db, { kind: 'grid', parent_id: tree.community.id, active_from: `${year}-07-01` })).id;
    }
    if (body.memberIds === 'two') {
      body.memberIds = [(await createMember(t.db, { org_id: tree.grid.id })).id, (await createMember(t.db, { org_id: tree.grid.id })).id];
    }
    const res = await communityUser.post('/api/ledger', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.issues.map((i: { field: string }) => i.field)).toContain(field);
    expect(res.body.error.message).toContain(text);
  });

  it('refuses a record in a cycle that is no longer collecting (409, field named)', async () => {
    const res = await gridUser.post('/api/ledger', record({ occurredOn: `${closedYear}-03-01` }));
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'cycle_closed', details: { field: 'occurredOn', state: 'reviewing' } });
    expect(res.body.error.message).toContain('年度评议中');
  });

  it('refuses a record for an organization outside the caller subtree (403) and a missing one (404)', async () => {
    const outside = await gridUser.post('/api/ledger', record({ orgId: tree.grid2.id }));
    expect(outside.status).toBe(403);
    expect(outside.body.error.details.field).toBe('orgId');
    const missing = await gridUser.post('/api/ledger', record({ orgId: 2_000_000_000 }));
    expect(missing.status).toBe(404);
    expect(missing.body.error.details.field).toBe('orgId');
  });

  it('refuses members the caller cannot see, naming the list position', async () => {
    const stranger = await createMember(t.db, { org_id: tree.unit.id });
    const res = await gridUser.post('/api/ledger', record({ memberIds: [stranger.id] }));
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0].field).toBe('memberIds.0');
  });
});

describe('reviewing ledger records', () => {
  it('lets the parent verify, not the branch itself, and only once', async () => {
    const created = await gridUser.post('/api/ledger', record({ title: '待审核记录' }));
    const own = await gridUser.post(`/api/ledger/${created.body.id}/verify`);
    expect(own.status).toBe(403);
    expect(own.body.error.message).toContain('上级组织审核');

    const ok = await communityUser.post(`/api/ledger/${created.body.id}/verify`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'verified', reviewedBy: expect.stringMatching(/^user:/) });
    const again = await communityUser.post(`/api/ledger/${created.body.id}/reject`, { reason: '重复审核' });
    expect(again.status).toBe(409);
  });

  it('rejects with a reason and records before/after', async () => {
    const created = await gridUser.post('/api/ledger', record({ title: '缺签到表的记录' }));
    const noReason = await communityUser.post(`/api/ledger/${created.body.id}/reject`, {});
    expect(noReason.status).toBe(400);
    const res = await communityUser.post(`/api/ledger/${created.body.id}/reject`, { reason: '缺少签到表' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'rejected', reviewReason: '缺少签到表' });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'ledger.reject').where('entity_id', '=', String(created.body.id)).executeTakeFirstOrThrow();
    expect(audit.before).toEqual({ status: 'submitted' });
    expect(audit.after).toEqual({ status: 'rejected', reason: '缺少签到表' });
  });

  it('refuses reviewing a record one filed oneself, even as the parent', async () => {
    const created = await communityUser.post('/api/ledger', record({ title: '社区替网格填报的记录' }));
    expect(created.status).toBe(201);
    const res = await communityUser.post(`/api/ledger/${created.body.id}/verify`);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('不能审核自己填报的记录');
  });

  it('refuses hours beyond 9999.99 and ids beyond the integer range with a 400', async () => {
    const hours = await gridUser.post('/api/ledger', record({ kind: 'volunteer', hours: '12345' }));
    expect(hours.status).toBe(400);
    expect(hours.body.error.details.issues[0].field).toBe('hours');
    expect((await gridUser.get('/api/ledger/3000000000')).status).toBe(400);
  });

  it('reviews many records at once, all or nothing, one audit row each', async () => {
    const ids = [];
    for (const title of ['批量一', '批量二', '批量三']) ids.push((await gridUser.post('/api/ledger', record({ title }))).body.id);
    const done = (await communityUser.post(`/api/ledger/${ids[2]}/verify`)).body;
    expect(done.status).toBe('verified');
    // The third is already verified: the batch is refused naming it, and the first two stay submitted.
    const refused = await communityUser.post('/api/ledger/review', { ids, action: 'verify' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(`第 3 条（编号 ${ids[2]}）：该记录已是「已审核」状态，不能再审核`);
    for (const id of ids.slice(0, 2)) expect((await gridUser.get(`/api/ledger/${id}`)).body.status).toBe('submitted');
    expect((await communityUser.post('/api/ledger/review', { ids: ids.slice(0, 2), action: 'reject' })).status).toBe(400); // no reason
    const ok = await communityUser.post('/api/ledger/review', { ids: ids.slice(0, 2), action: 'reject', reason: '缺少签到表' });
    expect(ok.status).toBe(200);
    expect(ok.body.count).toBe(2);
    expect(ok.body.items.map((r: any) => [r.id, r.status, r.reviewReason])).toEqual(ids.slice(0, 2).map((id) => [id, 'rejected', '缺少签到表']));
    const audit = await t.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'ledger.reject').where('entity_id', 'in', ids.slice(0, 2).map(String)).execute();
    expect(audit.length).toBe(2);
    // The branch may not review its own records in a batch either.
    const own = await gridUser.post('/api/ledger', record({ title: '自己批量审自己' }));
    expect((await gridUser.post('/api/ledger/review', { ids: [own.body.id], action: 'verify' })).status).toBe(403);
  });

  it('refuses a sibling branch reviewing (403)', async () => {
    const created = await gridUser.post('/api/ledger', record({ title: '兄弟支部不能审' }));
    const res = await grid2User.post(`/api/ledger/${created.body.id}/verify`);
    expect(res.status).toBe(403);
  });
});

describe('the 补录 window', () => {
  it('takes records of a year in 评议中 until its late-entry date, and says when it closed', async () => {
    const late = { ...record({ title: '补录的主题党日' }), occurredOn: `${closedYear}-12-01` };
    const none = await gridUser.post('/api/ledger', late);
    expect([none.status, none.body.error.message]).toEqual([409, `${closedYear} 年度考核周期处于「年度评议中」状态，只有「台账填报中」时才能写入；本年度未开放补录`]);
    const cli = cliCtx(t.db);
    const today = todayInChina(cli.clock);
    await setLateEntry({ ctx: cli, year: closedYear, input: { until: today } });
    // The cycle tells a page, in the same words, which writes are open today.
    const closedOf = async () => (await gridUser.get(`/api/cycles/${closedYear}`)).body.closed;
    expect(await closedOf()).toEqual({ ledger: null, dutyReport: null, twoway: null, appeal: `${closedYear} 年度考核周期处于「年度评议中」状态，不在公示期，不能申诉` });
    const taken = await gridUser.post('/api/ledger', late);
    expect([taken.status, taken.body.cycleYear]).toEqual([201, closedYear]);
    // A day before today: the window has closed.
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await t.db.updateTable('cycles').set({ late_entry_until: yesterday }).where('year', '=', closedYear).execute();
    const closed = await gridUser.post('/api/ledger', { ...late, title: '过了补录期' });
    expect([closed.status, closed.body.error.message]).toEqual([409, `${closedYear} 年度考核周期处于「年度评议中」状态，只有「台账填报中」时才能写入；补录已于 ${yesterday} 截止`]);
    expect((await closedOf()).ledger).toBe(closed.body.error.message);
    await t.db.updateTable('cycles').set({ late_entry_until: null }).where('year', '=', closedYear).execute();
  });
});

describe('correcting and withdrawing a record before it is verified', () => {
  const edit = (over: Record<string, unknown>) => ({ kind: 'theme_day', occurredOn: `${year}-06-20`, title: '改过的标题', participants: 25, ...over });
  const auditOf = (id: number, action: string) => t.db.selectFrom('audit_log').select(['before', 'after']).where('action', '=', action).where('entity_id', '=', String(id)).execute();

  it('replaces a waiting record under the same checks as a new one, and keeps both versions in the audit', async () => {
    const created = await gridUser.post('/api/ledger', record({ title: '写错的标题' }));
    const bad = await gridUser.put(`/api/ledger/${created.body.id}`, edit({ hours: undefined, kind: '志愿服务' }));
    expect([bad.status, bad.body.error.message]).toEqual([400, 'hours：「志愿服务」需要填写时长（小时）']);
    const res = await gridUser.put(`/api/ledger/${created.body.id}`, edit({}));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: created.body.id, title: '改过的标题', participants: 25, occurredOn: `${year}-06-20`, status: 'submitted', evidence: [] });
    const [audit] = await auditOf(created.body.id, 'ledger.update');
    expect([(audit!.before as { title: string }).title, (audit!.after as { title: string }).title]).toEqual(['写错的标题', '改过的标题']);
  });

  it('sends a record that was sent back to review again, its reason cleared', async () => {
    const created = await gridUser.post('/api/ledger', record({ title: '缺照片' }));
    await communityUser.post(`/api/ledger/${created.body.id}/reject`, { reason: '缺少活动照片' });
    const res = await gridUser.put(`/api/ledger/${created.body.id}`, edit({ title: '补上照片' }));
    expect(res.body).toMatchObject({ status: 'submitted', reviewReason: null, reviewedBy: null, title: '补上照片' });
    expect(await auditOf(created.body.id, 'ledger.resubmit')).toHaveLength(1);
  });

  it('withdraws a waiting record, refuses both verbs once it is verified, and hides other subtrees\' records', async () => {
    const created = await gridUser.post('/api/ledger', record({ title: '要撤回的记录' }));
    expect((await grid2User.post(`/api/ledger/${created.body.id}/withdraw`)).status).toBe(404);
    expect((await grid2User.put(`/api/ledger/${created.body.id}`, edit({}))).status).toBe(404);
    const res = await gridUser.post(`/api/ledger/${created.body.id}/withdraw`);
    expect([res.status, res.body]).toEqual([200, { id: created.body.id, withdrawn: true }]);
    expect((await gridUser.get(`/api/ledger/${created.body.id}`)).status).toBe(404);
    expect(((await auditOf(created.body.id, 'ledger.withdraw'))[0]!.before as { title: string }).title).toBe('要撤回的记录');

    const verified = await gridUser.post('/api/ledger', record({ title: '已审核的记录' }));
    await communityUser.post(`/api/ledger/${verified.body.id}/verify`);
    for (const r of [await gridUser.put(`/api/ledger/${verified.body.id}`, edit({})), await gridUser.post(`/api/ledger/${verified.body.id}/withdraw`)]) {
      expect(r.status).toBe(409);
      expect(r.body.error.message).toMatch(/^该记录已审核通过，不能再(修改|撤回)；如有错误请联系上级组织$/);
    }
  });
});

describe('listing ledger records', () => {
  it('shows a branch only its own records and a community all of its grids', async () => {
    await grid2User.post('/api/ledger', record({ orgId: tree.grid2.id, title: '第二网格的记录' }));
    const mine = await gridUser.get(`/api/ledger?cycle=${year}&limit=1000`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(new Set(mine.body.items.map((r: { orgId: number }) => r.orgId))).toEqual(new Set([tree.grid.id]));

    const all = await communityUser.get(`/api/ledger?cycle=${year}&limit=1000`);
    expect(new Set(all.body.items.map((r: { orgId: number }) => r.orgId))).toEqual(new Set([tree.grid.id, tree.grid2.id]));
    expect(all.body.total).toBe(all.body.items.length);

    const rejected = await communityUser.get(`/api/ledger?cycle=${year}&status=rejected`);
    expect(rejected.body.items.every((r: { status: string }) => r.status === 'rejected')).toBe(true);
    expect((await gridUser.get(`/api/ledger/${all.body.items.find((r: { orgId: number }) => r.orgId === tree.grid2.id).id}`)).status).toBe(404);
  });
});
