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
});

describe('cycles', () => {
  it('moves forward one manual step at a time, audited, and refuses skipping', async () => {
    const admin = client(t.app, await createToken(t.db, 'admin', tree.district.id));
    const y = await createCycle(t.db, 'draft');
    const skip = await admin.post(`/api/cycles/${y}/transition`, { to: 'reviewing' });
    expect(skip.status).toBe(409);
    expect(skip.body.error.message).toContain('下一步只能是「台账填报中」');
    const step = await admin.post(`/api/cycles/${y}/transition`, { to: 'collecting' });
    expect(step.status).toBe(200);
    expect(step.body).toMatchObject({ year: y, state: 'collecting', stateLabel: '台账填报中' });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity', '=', 'cycle').where('entity_id', '=', String(y)).execute();
    expect(audit.map((r) => [r.before, r.after])).toEqual([[{ state: 'draft' }, { state: 'collecting' }]]);

    const streetAdmin = client(t.app, await createToken(t.db, 'admin', tree.street.id));
    expect((await streetAdmin.post(`/api/cycles/${y}/transition`, { to: 'reviewing' })).status).toBe(403);
  });
});
