import { beforeAll, describe, expect, it } from 'vitest';
import { isLocalAddress } from '../../src/features/ratings/campaign-options';
import { client, setupTestApp, type TestApp } from '../support/app';
import { createCycle, createOrg, createToken, createTree, type Tree } from '../support/factories';

/**
 * The routes the 评议管理 console reads besides the campaign, review and agreement routes: the options of a
 * campaign (with the public address its QR codes point to, and whether it is only this machine), the options of
 * a duty review (rater groups by Chinese label), and the overview of a year's two-way evaluations (who owes what).
 */
let t: TestApp;
let tree: Tree;
let year: number;
let admin: ReturnType<typeof client>;

beforeAll(async () => {
  t = await setupTestApp({ ballots: { publicUrl: 'http://127.0.0.1:8787/' } });
  tree = await createTree(t.db, '评议台');
  year = await createCycle(t.db, 'reviewing');
  admin = client(t.app, await createToken(t.db, 'admin', tree.district.id));
});

describe('the console’s options', () => {
  it('tells a local public address apart from a real one', () => {
    for (const local of ['http://127.0.0.1', 'http://127.0.0.1:8787/', 'http://localhost:3000', 'http://[::1]:80', 'http://0.0.0.0', 'not a url']) expect(isLocalAddress(local), local).toBe(true);
    for (const remote of ['https://pingyi.example.cn', 'http://10.1.2.3:8080', 'https://xp.gov.cn/app']) expect(isLocalAddress(remote), remote).toBe(false);
  });

  it('gives a campaign’s suggestions and flags the 127.0.0.1 address of this app', async () => {
    const res = await admin.get('/api/campaigns/options');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ publicUrl: 'http://127.0.0.1:8787', publicUrlIsLocal: true, raterGroups: expect.arrayContaining(['居民']) });
    expect(res.body.answers).toEqual(['很满意', '满意', '基本满意', '不太满意', '不满意', '不了解']);
    expect(res.body.items[0]).toEqual({ key: 'overall', label: '总体评价' });
    const leader = client(t.app, await createToken(t.db, 'leader', tree.district.id));
    expect((await leader.get('/api/campaigns/options')).status).toBe(403);
  });

  it('gives a duty review’s rater groups with Chinese labels and weights adding up to 1', async () => {
    const res = await admin.get('/api/reviews/options');
    expect(res.status).toBe(200);
    expect(res.body.groups.map((g: { label: string }) => g.label)).toEqual(['上级党委', '党代表', '驻区单位代表', '群众代表']);
    // 0.4 + 0.3 + 0.15 + 0.15 = 1
    expect(res.body.groups.reduce((s: number, g: { weight: number }) => s + Math.round(g.weight * 100), 0)).toBe(100);
    expect(res.body.kinds).toEqual([
      { key: 'secretary', label: '书记抓基层党建述职评议' },
      { key: 'chair', label: '轮值主席履责述评' },
    ]);
    // A session made from two of those groups (keys sent back, weights re-balanced by the admin) is accepted.
    const [superior, , , pub] = res.body.groups as { key: string; label: string }[];
    const made = await admin.post('/api/reviews', { year, orgId: tree.district.id, title: '控制台述职评议', groups: [{ ...superior, weight: 0.6 }, { ...pub, weight: 0.4 }] });
    expect(made.status).toBe(201);
    expect(made.body.groups.map((g: { label: string }) => g.label)).toEqual(['上级党委', '群众代表']);
  });
});

describe('the two-way overview', () => {
  it('lists every agreement of the subtree with what each side still owes, in one call', async () => {
    const unit2 = await createOrg(t.db, { kind: 'unit', parent_id: tree.sector.id });
    const make = async (unitId: number) => (await admin.post('/api/agreements', { communityId: tree.community.id, unitId, year, content: '共建' })).body.id as number;
    const a = await make(tree.unit.id);
    const b = await make(unit2.id);
    const community = client(t.app, await createToken(t.db, 'org_user', tree.community.id));
    // 28 + 20 + 22.5 + 0 (资源项目落实, computed: nothing delivered) = 70.5
    const put = await community.put(`/api/agreements/${a}/twoway`, { direction: 'community_rates_unit', items: { attendance: 28, activities: 20, members: 22.5 } });
    expect(put.status).toBe(200);

    const res = await admin.get(`/api/twoway?year=${year}`);
    expect(res.status).toBe(200);
    // Two agreements: a has the community's side only, b neither side.
    expect(res.body).toMatchObject({ year, agreements: 2, complete: 0, communityOwes: 1, unitOwes: 2 });
    const [ra, rb] = res.body.items;
    expect(ra).toMatchObject({ agreementId: a, community: { done: true, total: '70.50' }, unit: { done: false, total: null }, missing: ['unit_rates_community'], missingText: '共建单位未评价' });
    expect(rb).toMatchObject({ agreementId: b, missing: ['community_rates_unit', 'unit_rates_community'], missingText: '社区未评价、共建单位未评价' });
    // The same as the agreement's own view.
    const view = await admin.get(`/api/agreements/${a}/twoway`);
    expect(view.body.missing).toEqual(ra.missing);

    // A street admin sees its communities' agreements; an org user may not read the overview; a year is required.
    const street = client(t.app, await createToken(t.db, 'admin', tree.street.id));
    expect((await street.get(`/api/twoway?year=${year}`)).body.agreements).toBe(2);
    expect((await community.get(`/api/twoway?year=${year}`)).status).toBe(403);
    expect((await admin.get('/api/twoway')).status).toBe(400);
  });
});
