import { beforeAll, describe, expect, it } from 'vitest';
import { client, setupTestApp, type TestApp } from '../support/app';
import { createCycle, createMember, createOrg, createToken, createTree, type Tree } from '../support/factories';

let t: TestApp;
let tree: Tree;
let other: Tree;
let year: number;
let communityUser: ReturnType<typeof client>;
let unitUser: ReturnType<typeof client>;

beforeAll(async () => {
  t = await setupTestApp();
  tree = await createTree(t.db);
  other = await createTree(t.db);
  year = await createCycle(t.db, 'collecting');
  communityUser = client(t.app, await createToken(t.db, 'org_user', tree.community.id));
  unitUser = client(t.app, await createToken(t.db, 'org_user', tree.unit.id));
});

describe('co-building agreements', () => {
  it('lets a community sign with a unit on the sector line, visible to both sides', async () => {
    const res = await communityUser.post('/api/agreements', { communityId: tree.community.id, unitId: tree.unit.id, year, content: '共建党员活动阵地', signedOn: `${year}-02-01` });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ communityName: tree.community.name, unitName: tree.unit.name, year });
    const seenByUnit = await unitUser.get(`/api/agreements?year=${year}`);
    expect(seenByUnit.body.items.map((x: { id: number }) => x.id)).toContain(res.body.id);
    expect((await unitUser.get(`/api/agreements/${res.body.id}`)).status).toBe(200);

    const dup = await communityUser.post('/api/agreements', { communityId: tree.community.id, unitId: tree.unit.id, year, content: '再签一次' });
    expect(dup.status).toBe(409);
  });

  it('answers a unit of another district as missing, without naming it', async () => {
    const res = await communityUser.post('/api/agreements', { communityId: tree.community.id, unitId: other.unit.id, year, content: '跨区共建' });
    expect(res.status).toBe(404);
    expect(res.body.error.details.field).toBe('unitId');
    expect(JSON.stringify(res.body)).not.toContain(other.unit.name);
    const street = await communityUser.post('/api/agreements', { communityId: tree.community.id, unitId: other.street.id, year, content: 'x' });
    expect(street.status).toBe(404);
    expect(JSON.stringify(street.body)).not.toContain(other.street.name);
  });

  it('refuses a grid as the community side and a street as the unit side', async () => {
    const admin = client(t.app, await createToken(t.db, 'admin', tree.district.id));
    const grid = await admin.post('/api/agreements', { communityId: tree.grid.id, unitId: tree.unit.id, year, content: 'x' });
    expect(grid.status).toBe(400);
    expect(grid.body.error.details.issues[0].field).toBe('communityId');
    const street = await admin.post('/api/agreements', { communityId: tree.community.id, unitId: tree.street.id, year, content: 'x' });
    expect(street.status).toBe(400);
    expect(street.body.error.details.issues[0].field).toBe('unitId');
  });
});

describe('joint meetings', () => {
  it('records attendance of partner units outside the subtree, but not of strangers', async () => {
    const partner = await createOrg(t.db, { kind: 'enterprise', parent_id: other.sector.id });
    const stranger = await createOrg(t.db, { kind: 'enterprise', parent_id: other.sector.id });
    const admin = client(t.app, await createToken(t.db, 'admin', other.district.id));
    expect((await admin.post('/api/agreements', { communityId: other.community.id, unitId: partner.id, year, content: '共建' })).status).toBe(201);
    const host = client(t.app, await createToken(t.db, 'org_user', other.community.id));

    const refused = await host.post('/api/meetings', {
      hostOrgId: other.community.id, kind: 'joint_meeting', title: '第一季度大党委联席会议', heldOn: `${year}-03-20`,
      attendance: [{ orgId: partner.id, status: 'present' }, { orgId: tree.unit.id, status: 'absent' }],
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.details.field).toBe('attendance.1.orgId');

    const ok = await host.post('/api/meetings', {
      hostOrgId: other.community.id, kind: 'joint_meeting', title: '第一季度大党委联席会议', heldOn: `${year}-03-20`,
      attendance: [{ orgId: partner.id, status: 'present' }, { orgId: other.grid.id, status: 'absent' }],
    });
    expect(ok.status).toBe(201);
    expect(ok.body.attendance.map((x: { statusLabel: string }) => x.statusLabel).sort()).toEqual(['出席', '缺席'].sort());

    const fix = await host.post(`/api/meetings/${ok.body.id}/attendance`, { attendance: [{ orgId: other.grid.id, status: 'excused', note: '事先请假' }] });
    expect(fix.status).toBe(200);
    expect(fix.body.attendance.find((x: { orgId: number }) => x.orgId === other.grid.id)).toMatchObject({ status: 'excused', note: '事先请假' });

    // The partner unit sees the meeting it attended; an unrelated unit does not.
    const partnerUser = client(t.app, await createToken(t.db, 'org_user', partner.id));
    expect((await partnerUser.get(`/api/meetings/${ok.body.id}`)).status).toBe(200);
    const strangerUser = client(t.app, await createToken(t.db, 'org_user', stranger.id));
    expect((await strangerUser.get(`/api/meetings/${ok.body.id}`)).status).toBe(404);
  });
});

describe('in-service member check-ins', () => {
  it('records a report and a service with hours, and refuses what does not fit', async () => {
    const member = await createMember(t.db, { org_id: tree.unit.id, in_service: true, residence_community_id: tree.community.id });
    const report = await communityUser.post('/api/checkins', { memberId: member.id, communityId: tree.community.id, kind: 'report', occurredOn: `${year}-03-01` });
    expect(report.status).toBe(201);
    expect(report.body).toMatchObject({ kindLabel: '到社区报到', hours: null, memberOrgId: tree.unit.id });
    const service = await unitUser.post('/api/checkins', { memberId: member.id, communityId: tree.community.id, kind: 'service', occurredOn: `${year}-04-01`, hours: '3.5', activity: '垃圾分类督导' });
    expect(service.status).toBe(201);
    expect(service.body.hours).toBe('3.50');

    const noHours = await communityUser.post('/api/checkins', { memberId: member.id, communityId: tree.community.id, kind: 'service', occurredOn: `${year}-04-02` });
    expect(noHours.status).toBe(400);
    expect(noHours.body.error.details.issues[0].field).toBe('hours');
    const resident = await createMember(t.db, { org_id: tree.grid.id });
    const notInService = await communityUser.post('/api/checkins', { memberId: resident.id, communityId: tree.community.id, kind: 'report', occurredOn: `${year}-04-02` });
    expect(notInService.status).toBe(400);
    expect(notInService.body.error.details.issues[0].field).toBe('memberId');

    const listed = await communityUser.get(`/api/checkins?cycle=${year}&memberId=${member.id}`);
    expect(listed.body.total).toBe(2);
  });

  it('answers members and communities the caller cannot see as missing, and keeps check-ins at the home community', async () => {
    const foreign = await createMember(t.db, { org_id: other.unit.id, in_service: true, residence_community_id: other.community.id, name: '外区党员' });
    const res = await communityUser.post('/api/checkins', { memberId: foreign.id, communityId: tree.community.id, kind: 'report', occurredOn: `${year}-03-01` });
    expect(res.status).toBe(404);
    expect(res.body.error.details.field).toBe('memberId');
    expect(JSON.stringify(res.body)).not.toContain('外区党员');

    const mine = await createMember(t.db, { org_id: tree.unit.id, in_service: true, residence_community_id: tree.community.id });
    const intoOther = await unitUser.post('/api/checkins', { memberId: mine.id, communityId: other.community.id, kind: 'report', occurredOn: `${year}-03-01` });
    expect(intoOther.status).toBe(404);
    expect(intoOther.body.error.details.field).toBe('communityId');
    expect(JSON.stringify(intoOther.body)).not.toContain(other.community.name);
  });

  it('shows a community the in-service members living there, not every member who lives there', async () => {
    const retired = await createMember(t.db, { org_id: other.grid.id, in_service: false, residence_community_id: tree.community.id, name: '外区退休党员' });
    const worker = await createMember(t.db, { org_id: other.unit.id, in_service: true, residence_community_id: tree.community.id, name: '外区在职党员' });
    const res = await communityUser.get('/api/members?limit=1000');
    const ids = res.body.items.map((m: { id: number }) => m.id);
    expect(ids).toContain(worker.id);
    expect(ids).not.toContain(retired.id);
  });
});
