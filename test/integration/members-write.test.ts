import { beforeAll, describe, expect, it } from 'vitest';
import { client, setupTestApp, type TestApp } from '../support/app';
import { createMember, createOrg, createToken, createTree, type Tree } from '../support/factories';

let t: TestApp;
let tree: Tree;
let other: Tree;
let admin: ReturnType<typeof client>;
let streetAdmin: ReturnType<typeof client>;

beforeAll(async () => {
  t = await setupTestApp();
  tree = await createTree(t.db, '写入');
  other = await createTree(t.db, '外区');
  admin = client(t.app, await createToken(t.db, 'admin', tree.district.id));
  streetAdmin = client(t.app, await createToken(t.db, 'admin', tree.street.id));
});

async function auditOf(action: string, id: number) {
  return t.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('entity', '=', 'member').where('entity_id', '=', String(id)).execute();
}

describe('POST /api/members', () => {
  it('adds a member with its residence and employer, audited with what was written', async () => {
    const res = await admin.post('/api/members', { name: '王建国', orgId: tree.unit.id, employerName: ' 区供电局 ', employerOrgId: tree.unit.id, residenceCommunityId: tree.community.id, inService: true });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '王建国', orgId: tree.unit.id, orgName: tree.unit.name, employerName: '区供电局', residenceCommunityName: tree.community.name, inService: true });
    const listed = await admin.get(`/api/members?orgId=${tree.unit.id}`);
    expect(listed.body.items).toContainEqual(res.body);
    const audit = await auditOf('member.create', res.body.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toEqual(res.body);
    expect(audit[0]!.org_id).toBe(tree.unit.id);
  });

  it('refuses a residence that is not a community, naming the field in Chinese, and writes nothing', async () => {
    const res = await admin.post('/api/members', { name: '赵住网格', orgId: tree.grid.id, residenceCommunityId: tree.grid2.id, inService: true });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(`居住社区：「${tree.grid2.name}」是网格党支部，不是社区党组织`);
    expect(res.body.error.details.issues).toEqual([{ field: 'residenceCommunityId', message: `「${tree.grid2.name}」是网格党支部，不是社区党组织` }]);
    const employer = await admin.post('/api/members', { name: '赵单位', orgId: tree.grid.id, employerOrgId: tree.street.id, inService: false });
    expect(employer.status).toBe(400);
    expect(employer.body.error.details.issues[0].field).toBe('employerOrgId');
    const rows = await t.db.selectFrom('members').select('id').where('name', 'in', ['赵住网格', '赵单位']).execute();
    expect(rows).toEqual([]);
  });

  it('answers organizations outside the subtree like missing ones, without naming them', async () => {
    const res = await streetAdmin.post('/api/members', { name: '钱越界', orgId: tree.unit.id, inService: false });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('所属组织：不存在或不在您的管辖范围内');
    const home = await admin.post('/api/members', { name: '钱越界', orgId: tree.grid.id, residenceCommunityId: other.community.id, inService: true });
    expect(home.body.error.details.issues[0]).toEqual({ field: 'residenceCommunityId', message: '不存在或不在您的管辖范围内' });
    expect(JSON.stringify(home.body)).not.toContain(other.community.name);
  });

  it('refuses a second member of one name in one organization, and a missing name', async () => {
    expect((await admin.post('/api/members', { name: '孙同名', orgId: tree.grid.id, inService: false })).status).toBe(201);
    const dup = await admin.post('/api/members', { name: '孙同名', orgId: tree.grid.id, inService: false });
    expect(dup.status).toBe(409);
    expect(dup.body.error.details.issues[0]).toEqual({ field: 'name', message: `「${tree.grid.name}」已有同名党员` });
    const blank = await admin.post('/api/members', { name: '  ', orgId: tree.grid.id, inService: false });
    expect(blank.status).toBe(400);
    expect(blank.body.error.details.issues[0]).toMatchObject({ field: 'name', message: '请填写姓名' });
  });
});

describe('PATCH /api/members/{id}', () => {
  it('changes the fields given, keeps the others, and audits before and after', async () => {
    const m = await createMember(t.db, { org_id: tree.grid.id, name: '周修改', in_service: true, residence_community_id: tree.community.id });
    const res = await admin.patch(`/api/members/${m.id}`, { employerName: '星城区税务局', inService: false });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: '周修改', employerName: '星城区税务局', residenceCommunityId: tree.community.id, inService: false });
    const [audit] = await auditOf('member.update', m.id);
    expect(audit!.before).toMatchObject({ employerName: null, inService: true });
    expect(audit!.after).toEqual(res.body);
    const cleared = await admin.patch(`/api/members/${m.id}`, { employerName: '', residenceCommunityId: null });
    expect(cleared.body).toMatchObject({ employerName: null, residenceCommunityId: null, residenceCommunityName: null });
    // Nothing changed: nothing written, no audit row.
    expect((await admin.patch(`/api/members/${m.id}`, { name: '周修改' })).status).toBe(200);
    expect(await auditOf('member.update', m.id)).toHaveLength(2);
  });

  it('answers a member of another subtree 404, and one seen only as a resident 403', async () => {
    const outside = await createMember(t.db, { org_id: other.grid.id, name: '吴外区' });
    const res = await admin.patch(`/api/members/${outside.id}`, { name: '被改名' });
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain('吴外区');
    // An in-service member of the sector line living in the street's community: the street sees it, may not change it.
    const resident = await createMember(t.db, { org_id: tree.unit.id, name: '郑住户', in_service: true, residence_community_id: tree.community.id });
    const seen = await streetAdmin.patch(`/api/members/${resident.id}`, { name: '被改名' });
    expect(seen.status).toBe(403);
    const stored = await t.db.selectFrom('members').select('name').where('id', 'in', [outside.id, resident.id]).execute();
    expect(stored.map((r) => r.name).sort()).toEqual(['吴外区', '郑住户'].sort());
  });

  it('checks a changed residence like a new one, and a move against names in the new organization', async () => {
    const m = await createMember(t.db, { org_id: tree.grid.id, name: '冯搬家' });
    const bad = await admin.patch(`/api/members/${m.id}`, { residenceCommunityId: tree.street.id });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0]).toEqual({ field: 'residenceCommunityId', message: `「${tree.street.name}」是街道党工委，不是社区党组织` });
    const newCommunity = await createOrg(t.db, { kind: 'community', parent_id: tree.street.id });
    expect((await admin.patch(`/api/members/${m.id}`, { residenceCommunityId: newCommunity.id })).body.residenceCommunityName).toBe(newCommunity.name);
    await createMember(t.db, { org_id: tree.grid2.id, name: '冯搬家' });
    const move = await admin.patch(`/api/members/${m.id}`, { orgId: tree.grid2.id });
    expect(move.status).toBe(409);
  });
});
