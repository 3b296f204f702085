import { beforeAll, describe, expect, it } from 'vitest';
import { computeFacts } from '../../src/features/scoring/facts.repository';
import { fixedClock } from '../../src/lib/clock';
import { FactDef } from '../../src/rules/rule-set.schema';
import { client, setupTestApp, type TestApp } from '../support/app';
import { createOrg, createToken, createTree, type Tree } from '../support/factories';

/**
 * 微心愿 (issue 17): a community collects a resident's wish with the resident's consent to publish it; a unit with an
 * agreement claims it on a member's behalf and alone reads the resident's contact; it fulfils the wish with a photo
 * and the collecting community issues, once, the code the resident confirms with on the public page /w/{code}; the contact is deleted on
 * request (the audit never held it); the facts count each side's wishes of 2023, worked by hand.
 * A database of its own with a clock on 2023-12-20 (2022 finalized, 2023 collecting).
 */
let t: TestApp;
let tree: Tree;
let community: ReturnType<typeof client>;
let unit: ReturnType<typeof client>;
let unit2: ReturnType<typeof client>;
let stranger: ReturnType<typeof client>;
let unit2Id: number;
let strangerId: number;
const ids: Record<string, number> = {};
let code = '';

const ok = (res: { status: number; body: any }, status = 200) => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
};

beforeAll(async () => {
  t = await setupTestApp({ isolated: true, clock: fixedClock('2023-12-20T02:00:00Z') });
  await t.db.insertInto('cycles').values([{ year: 2022, state: 'finalized' }, { year: 2023, state: 'collecting' }]).execute();
  tree = await createTree(t.db, '心愿');
  unit2Id = (await createOrg(t.db, { kind: 'unit', parent_id: tree.sector.id, name: '心愿区医院党委' })).id;
  strangerId = (await createOrg(t.db, { kind: 'enterprise', parent_id: tree.sector.id, name: '心愿无协议企业党支部' })).id;
  await t.db
    .insertInto('agreements')
    .values([
      { community_id: tree.community.id, unit_id: tree.unit.id, year: 2023, content: '共建协议' },
      { community_id: tree.community.id, unit_id: unit2Id, year: 2023, content: '共建协议' },
    ])
    .execute();
  community = client(t.app, await createToken(t.db, 'org_user', tree.community.id));
  unit = client(t.app, await createToken(t.db, 'org_user', tree.unit.id));
  unit2 = client(t.app, await createToken(t.db, 'org_user', unit2Id));
  stranger = client(t.app, await createToken(t.db, 'org_user', strangerId));
}, 60_000);

describe('微心愿', () => {
  it('is collected by a community or grid with the consent date, and published on the wall of the units with an agreement', async () => {
    const wish = { orgId: tree.community.id, wish: '想要一台收音机听戏', residentAlias: '王奶奶', residentContact: '13912345678', consentOn: '2023-03-01', raisedOn: '2023-03-02' };
    const late = await community.post('/api/cobuilding/wishes', { ...wish, consentOn: '2023-03-05' });
    expect(late.body.error.details.issues[0]).toMatchObject({ field: 'consentOn', message: expect.stringContaining('不能晚于收集日期 2023-03-02') });
    expect((await unit.post('/api/cobuilding/wishes', { ...wish, orgId: tree.unit.id })).status).toBe(400);
    ids.w1 = ok(await community.post('/api/cobuilding/wishes', wish), 201).id;
    ids.w2 = ok(await community.post('/api/cobuilding/wishes', { ...wish, orgId: tree.grid.id, wish: '希望有人陪我去医院复查', residentAlias: '李爷爷', residentContact: undefined, consentOn: '2023-05-01', raisedOn: '2023-05-01' }), 201).id;
    // The wall: the community and the units with an agreement see both, without the contact; a stranger sees none.
    for (const side of [community, unit, unit2]) {
      const wall = ok(await side.get('/api/cobuilding/wishes')).items;
      expect(wall.map((w: any) => [w.residentAlias, w.stateLabel, w.residentContact])).toEqual([['李爷爷', '待认领', null], ['王奶奶', '待认领', null]]);
    }
    expect(ok(await stranger.get('/api/cobuilding/wishes')).total).toBe(0);
    expect((await t.db.selectFrom('audit_log').select('after').where('action', '=', 'cobuilding.wish.create').where('entity_id', '=', String(ids.w1)).executeTakeFirstOrThrow()).after).not.toHaveProperty('residentContact');
  });

  it('is claimed once, on a member\'s behalf, by a unit with an agreement, which alone then reads the contact', async () => {
    expect((await stranger.post(`/api/cobuilding/wishes/${ids.w1}/claim`, { claimerId: strangerId, on: '2023-03-10' })).status).toBe(404);
    const claimed = ok(await unit.post(`/api/cobuilding/wishes/${ids.w1}/claim`, { claimerId: tree.unit.id, member: '赵党员', on: '2023-03-10' }));
    expect(claimed).toMatchObject({ state: 'claimed', claimer: { id: tree.unit.id }, claimerMember: '赵党员', residentContact: '13912345678', actions: ['fulfil', 'deleteContact'] });
    expect(ok(await community.get('/api/cobuilding/wishes')).items.find((w: any) => w.id === ids.w1).residentContact).toBeNull();
    expect(ok(await unit2.get('/api/cobuilding/wishes')).items.find((w: any) => w.id === ids.w1).residentContact).toBeNull();
    const twice = await unit2.post(`/api/cobuilding/wishes/${ids.w1}/claim`, { claimerId: unit2Id, on: '2023-03-11' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe('这个微心愿当前为「已认领」，不能认领');
    // The contact is the claiming organization's alone: not its superiors', nor the district's admin's or leader's.
    for (const [role, orgId] of [['admin', tree.district.id], ['leader', tree.district.id], ['org_user', tree.street.id], ['org_user', tree.sector.id]] as const) {
      const above = client(t.app, await createToken(t.db, role, orgId));
      expect(ok(await above.get('/api/cobuilding/wishes')).items.find((w: any) => w.id === ids.w1).residentContact, `${role} ${orgId}`).toBeNull();
    }
    // An unclaimed wish cannot be fulfilled: the state is the answer.
    expect((await unit.post(`/api/cobuilding/wishes/${ids.w2}/fulfil`, { text: '提前登记', on: '2023-05-02' })).status).toBe(409);
    // The community claims the grid's wish itself.
    ok(await community.post(`/api/cobuilding/wishes/${ids.w2}/claim`, { claimerId: tree.community.id, on: '2023-05-03' }));
  });

  it('is fulfilled by the claimer, with a one-time code the resident confirms on /w', async () => {
    expect((await unit2.post(`/api/cobuilding/wishes/${ids.w1}/fulfil`, { text: '送去收音机', on: '2023-03-15' })).status).toBe(403);
    expect((await unit.post(`/api/cobuilding/wishes/${ids.w1}/fulfil`, { text: '送去收音机', on: '2023-03-09' })).body.error.details.issues[0].field).toBe('on');
    const fulfilled = ok(await unit.post(`/api/cobuilding/wishes/${ids.w1}/fulfil`, { text: '党员赵某送去收音机并教会使用', on: '2023-03-15' }));
    expect(fulfilled).toMatchObject({ state: 'fulfilled', stateLabel: '已实现，待居民确认', fulfilledOn: '2023-03-15' });
    expect(fulfilled).not.toHaveProperty('confirmCode');
    // The code comes from the collecting side, never from the claimer whose points the confirmation counts for.
    expect((await unit.post(`/api/cobuilding/wishes/${ids.w1}/confirm-code`)).status).toBe(403);
    const lost = ok(await community.post(`/api/cobuilding/wishes/${ids.w1}/confirm-code`));
    const done = ok(await community.post(`/api/cobuilding/wishes/${ids.w1}/confirm-code`));
    // Issuing again replaces a lost code.
    expect((await t.app.request(`/w/${lost.confirmCode}`)).status).toBe(404);
    expect(done.confirmCode).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    code = done.confirmCode.replace(/-/g, '');
    expect(done.confirmUrl).toMatch(new RegExp(`/w/${code}$`));
    const page = await t.app.request(`/w/${done.confirmCode}`);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('想要一台收音机听戏');
    expect(text).toContain('确认心愿已实现');
    expect(text).not.toContain('13912345678');
    expect((await t.app.request('/w/AAAAA-BBBBB-CCCCC-DDDDD')).status).toBe(404);
    const confirmed = await t.app.request(`/w/${code}`, { method: 'POST' });
    expect(confirmed.status).toBe(201);
    expect(await confirmed.text()).toContain('感谢您的确认');
    expect((await t.app.request(`/w/${code}`, { method: 'POST' })).status).toBe(409);
    expect(ok(await community.get('/api/cobuilding/wishes')).items.find((w: any) => w.id === ids.w1)).toMatchObject({ state: 'confirmed', confirmedOn: '2023-12-20' });
    expect((await t.app.request(`/w/${code}`)).status).toBe(409);
    ok(await community.post(`/api/cobuilding/wishes/${ids.w2}/fulfil`, { text: '网格员陪同复查', on: '2023-06-01' }));
  });

  it('deletes the resident\'s contact on request; the audit says so without ever holding it', async () => {
    const after = ok(await community.post(`/api/cobuilding/wishes/${ids.w1}/delete-contact`));
    expect(after.contactDeleted).toBe(true);
    expect(ok(await unit.get('/api/cobuilding/wishes')).items.find((w: any) => w.id === ids.w1).residentContact).toBeNull();
    const audit = await t.db.selectFrom('audit_log').select(['action', 'before', 'after']).where('entity', '=', 'cb_wish').where('entity_id', '=', String(ids.w1)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['cobuilding.wish.create', 'cobuilding.wish.claim', 'cobuilding.wish.fulfil', 'cobuilding.wish.issueCode', 'cobuilding.wish.issueCode', 'cobuilding.wish.confirm', 'cobuilding.wish.deleteContact']);
    expect(JSON.stringify(audit)).not.toContain('13912345678');
    const stored = await t.db.selectFrom('cb_wishes').select(['resident_contact', 'contact_deleted_on']).where('id', '=', ids.w1).executeTakeFirstOrThrow();
    expect(stored).toEqual({ resident_contact: null, contact_deleted_on: '2023-12-20' });
    const again = await community.post(`/api/cobuilding/wishes/${ids.w1}/delete-contact`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('居民联系方式已于 2023-12-20 删除');
    expect((await community.post(`/api/cobuilding/wishes/${ids.w2}/delete-contact`)).body.error.message).toBe('这个心愿没有登记居民联系方式');
  });

  it("counts 2023's wishes for each side, as worked by hand", async () => {
    const def = (d: object) => FactDef.parse({ label: '事实', source: 'cobuilding.wishes', ...d });
    const facts = await computeFacts(t.db, 2023, [tree.unit.id, unit2Id, tree.community.id, tree.grid.id], {
      claimed: def({ count: 'claimed' }),
      fulfilled: def({ count: 'fulfilled' }),
      confirmed: def({ count: 'confirmed' }),
      collectedFulfilled: def({ side: 'community', count: 'fulfilled' }),
    } as Record<string, FactDef>);
    // 供电局 claimed W1 (03-10), fulfilled it (03-15), the resident confirmed it (12-20): 1, 1, 1.
    expect(facts.get(tree.unit.id)).toMatchObject({ claimed: 1, fulfilled: 1, confirmed: 1, collectedFulfilled: 0 });
    // 区医院 claimed nothing.
    expect(facts.get(unit2Id)).toMatchObject({ claimed: 0, fulfilled: 0, confirmed: 0 });
    // The community claimed and fulfilled W2 itself (not confirmed); as collector, W1 and its grid's W2 were fulfilled: 2.
    expect(facts.get(tree.community.id)).toMatchObject({ claimed: 1, fulfilled: 1, confirmed: 0, collectedFulfilled: 2 });
    // The grid collected W2, but a grid's wishes count for its community.
    expect(facts.get(tree.grid.id)).toMatchObject({ collectedFulfilled: 0 });
  });
});
