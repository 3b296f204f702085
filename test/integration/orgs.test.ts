import { beforeAll, describe, expect, it } from 'vitest';
import { client, setupTestApp, type TestApp } from '../support/app';
import { createOrg, createToken, createTree, uniqueCode, type Tree } from '../support/factories';

let t: TestApp;
let tree: Tree;
let admin: ReturnType<typeof client>;

beforeAll(async () => {
  t = await setupTestApp();
  tree = await createTree(t.db);
  admin = client(t.app, await createToken(t.db, 'admin', tree.district.id));
});

describe('organizations', () => {
  it('lists the subtree with filters, and the total', async () => {
    const res = await admin.get('/api/orgs?kind=grid');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items.map((o: { id: number }) => o.id).sort()).toEqual([tree.grid.id, tree.grid2.id].sort());
    expect(res.body.items[0]).toMatchObject({ kind: 'grid', kindLabel: '网格党支部', categoryLabel: '网格党支部', parentId: tree.community.id });

    const under = await admin.get(`/api/orgs?under=${tree.sector.id}`);
    expect(under.body.items.map((o: { id: number }) => o.id).sort()).toEqual([tree.sector.id, tree.unit.id].sort());
    const search = await admin.get(`/api/orgs?q=${encodeURIComponent('第二网格')}`);
    expect(search.body.items.map((o: { id: number }) => o.id)).toEqual([tree.grid2.id]);
  });

  it('creates an organization under a parent of an allowed kind, with an audit row', async () => {
    const code = uniqueCode('G');
    const res = await admin.post('/api/orgs', { code, name: '测试第三网格党支部', kind: 'grid', parentId: tree.community.id, memberCount: 31 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ code, kind: 'grid', parentId: tree.community.id, depth: 3, memberCount: 31, category: 'grid' });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity', '=', 'organization').where('entity_id', '=', String(res.body.id)).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'org.create', org_id: res.body.id });
  });

  it('refuses a parent of the wrong kind, naming parentId', async () => {
    const res = await admin.post('/api/orgs', { code: uniqueCode(), name: '错挂网格', kind: 'grid', parentId: tree.street.id });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0].field).toBe('parentId');
    expect(res.body.error.message).toContain('网格党支部的上级必须是');
  });

  it('refuses a duplicate code with 409 naming code', async () => {
    const res = await admin.post('/api/orgs', { code: tree.grid.code, name: '重复', kind: 'grid', parentId: tree.community.id });
    expect(res.status).toBe(409);
    expect(res.body.error.details.field).toBe('code');
  });

  it('updates attributes and keeps before/after in the audit log', async () => {
    const org = await createOrg(t.db, { kind: 'grid', parent_id: tree.community.id });
    const res = await admin.patch(`/api/orgs/${org.id}`, { secretaryName: '赵六', memberCount: 44 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ secretaryName: '赵六', memberCount: 44 });
    const row = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'org.update').where('entity_id', '=', String(org.id)).executeTakeFirstOrThrow();
    expect(row.before).toMatchObject({ secretaryName: '张三', memberCount: 20 });
    expect(row.after).toMatchObject({ secretaryName: '赵六', memberCount: 44 });
  });

  it('moves a subtree under another parent in one set-based update', async () => {
    const street2 = await createOrg(t.db, { kind: 'street', parent_id: tree.district.id });
    const community = await createOrg(t.db, { kind: 'community', parent_id: tree.street.id });
    const grid = await createOrg(t.db, { kind: 'grid', parent_id: community.id });
    const building = await createOrg(t.db, { kind: 'building', parent_id: grid.id });

    const res = await admin.post(`/api/orgs/${community.id}/move`, { parentId: street2.id });
    expect(res.status).toBe(200);
    const rows = await t.db.selectFrom('organizations').select(['id', 'path', 'depth']).where('id', 'in', [community.id, grid.id, building.id]).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(community.id)).toMatchObject({ path: `${street2.path}${community.id}/`, depth: 2 });
    expect(byId.get(grid.id)).toMatchObject({ path: `${street2.path}${community.id}/${grid.id}/`, depth: 3 });
    expect(byId.get(building.id)).toMatchObject({ path: `${street2.path}${community.id}/${grid.id}/${building.id}/`, depth: 4 });

    const sub = await admin.get(`/api/orgs/${street2.id}/subtree`);
    expect(sub.body.items.map((o: { id: number }) => o.id)).toEqual([street2.id, community.id, grid.id, building.id]);
    const shallow = await admin.get(`/api/orgs/${street2.id}/subtree?maxDepth=1`);
    expect(shallow.body.items.map((o: { id: number }) => o.id)).toEqual([street2.id, community.id]);
  });

  it('refuses to move an organization under its own descendant', async () => {
    const res = await admin.post(`/api/orgs/${tree.community.id}/move`, { parentId: tree.grid.id });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0].field).toBe('parentId');
  });

  it('keeps a subtree admin inside their subtree', async () => {
    const streetAdmin = client(t.app, await createToken(t.db, 'admin', tree.street.id));
    const list = await streetAdmin.get('/api/orgs');
    const ids = list.body.items.map((o: { id: number }) => o.id);
    expect(ids).toContain(tree.grid.id);
    expect(ids).not.toContain(tree.district.id);
    expect(ids).not.toContain(tree.unit.id);
    expect((await streetAdmin.get(`/api/orgs/${tree.unit.id}`)).status).toBe(404);
    const outside = await streetAdmin.post('/api/orgs', { code: uniqueCode(), name: '越权单位', kind: 'unit', parentId: tree.sector.id });
    expect(outside.status).toBe(403);
    expect(outside.body.error.details.field).toBe('parentId');
  });
});
