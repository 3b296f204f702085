import { beforeAll, describe, expect, it } from 'vitest';
import { client, cookieClient, setupTestApp, signIn, type TestApp } from '../support/app';
import { createOrg, createToken, createTree, createUser, type Tree } from '../support/factories';
import type { OrgRow } from '../../src/features/orgs/orgs.model';

/**
 * API tokens in the browser (/api/tokens) by the command line's rules: created for an account (or a script
 * account of its own), the secret returned once, working as a bearer token until revoked; audited; a street
 * admin keeps only its street's. And 登录记录 (/api/users/sign-ins): every attempt on the subtree's accounts.
 */

let t: TestApp;
let a: Tree;
let street2: OrgRow;
let admins: { district: string; street: string; street2: string };

beforeAll(async () => {
  t = await setupTestApp();
  a = await createTree(t.db, '令牌');
  street2 = await createOrg(t.db, { kind: 'street', parent_id: a.district.id, name: `令牌第二街道${a.district.code}` });
  admins = { district: await createToken(t.db, 'admin', a.district.id), street: await createToken(t.db, 'admin', a.street.id), street2: await createToken(t.db, 'admin', street2.id) };
});

describe('API tokens through /api/tokens', () => {
  it('creates a token for an account, shown once, that works until it is revoked; both steps audited', async () => {
    const grid = await createUser(t.db, { role: 'org_user', orgId: a.grid.id, displayName: '网格书记甲' });
    const admin = client(t.app, admins.street);
    const created = await admin.post('/api/tokens', { login: grid.login, name: '台账同步脚本' });
    expect(created.status).toBe(201);
    const secret = created.body.token as string;
    expect(secret).toMatch(/^xp_[A-Za-z0-9_-]{43}$/);
    expect(created.body).toMatchObject({ name: '台账同步脚本', login: grid.login, displayName: '网格书记甲', role: 'org_user', orgName: a.grid.name, prefix: secret.slice(0, 9), revokedAt: null });

    // The list names the token by its prefix and never shows the secret again.
    const list = await admin.get('/api/tokens');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: created.body.id, name: '台账同步脚本', prefix: secret.slice(0, 9) })]));
    expect(JSON.stringify(list.body)).not.toContain(secret);

    // It acts as the grid's account.
    const me = await client(t.app, secret).get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(JSON.stringify(me.body)).toContain(grid.login);

    const revoked = await admin.post(`/api/tokens/${created.body.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    expect((await client(t.app, secret).get('/api/auth/me')).status).toBe(401);
    expect((await admin.post(`/api/tokens/${created.body.id}/revoke`)).status).toBe(404);

    const audit = await admin.get(`/api/audit?entity=api_token&entityId=${created.body.id}`);
    expect(audit.body.items.map((e: { action: string; actionLabel: string }) => [e.action, e.actionLabel])).toEqual([
      ['token.revoke', '吊销访问令牌'],
      ['token.create', '创建访问令牌'],
    ]);
    expect(JSON.stringify(audit.body)).not.toContain(secret);
  });

  it('makes a script account for a token given a role and an organization, also through a signed-in session', async () => {
    const person = await createUser(t.db, { role: 'admin', orgId: a.district.id });
    const s = await signIn(t.app, person.login, person.password);
    const browser = cookieClient(t.app, s.cookie!, s.csrf);
    const created = await browser.post('/api/tokens', { role: 'leader', orgId: a.street.id, name: '街道大屏' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: '街道大屏', role: 'leader', roleLabel: '领导', kind: 'script', orgName: a.street.name });
    expect(created.body.login).toMatch(/^script-/);
    expect((await client(t.app, created.body.token).get(`/api/orgs/${a.grid.id}`)).status).toBe(200);
    // Without the CSRF header the browser's write is refused.
    expect((await browser.post('/api/tokens', { role: 'leader', orgId: a.street.id }, { csrf: false })).status).toBe(403);
  });

  it('keeps a street admin to its street and refuses what a form gets wrong, in Chinese', async () => {
    const other = await createUser(t.db, { role: 'org_user', orgId: street2.id });
    const admin = client(t.app, admins.street);
    expect((await admin.post('/api/tokens', { login: other.login })).status).toBe(404);
    expect((await admin.post('/api/tokens', { role: 'admin', orgId: street2.id })).status).toBe(403);
    const theirs = await client(t.app, admins.street2).post('/api/tokens', { login: other.login });
    expect(theirs.status).toBe(201);
    expect((await admin.post(`/api/tokens/${theirs.body.id}/revoke`)).status).toBe(404);
    expect((await admin.get('/api/tokens')).body.items.map((x: { id: number }) => x.id)).not.toContain(theirs.body.id);
    expect((await client(t.app, admins.district).get('/api/tokens')).body.items.map((x: { id: number }) => x.id)).toContain(theirs.body.id);
    // A token acts as its account: another admin of the same street is kept by the district, not by a peer.
    const peer = await createUser(t.db, { role: 'admin', orgId: a.street.id });
    const refused = await admin.post('/api/tokens', { login: peer.login });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('上级组织的管理员');
    const empty = await admin.post('/api/tokens', {});
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.issues).toEqual(expect.arrayContaining([{ field: 'login', message: '请选择令牌代表的账号，或为它新建脚本账号（选择角色）' }]));
  });
});

describe('sign-in history through /api/users/sign-ins', () => {
  it('lists every attempt on the accounts of the subtree, with its result in Chinese and its address', async () => {
    const mine = await createUser(t.db, { role: 'org_user', orgId: a.community.id });
    const theirs = await createUser(t.db, { role: 'org_user', orgId: street2.id });
    expect((await signIn(t.app, mine.login, 'Wrong-pass-2026', '10.20.30.40')).status).toBe(401);
    expect((await signIn(t.app, mine.login, mine.password, '10.20.30.41')).status).toBe(200);
    expect((await signIn(t.app, theirs.login, theirs.password, '10.20.30.42')).status).toBe(200);

    const street = await client(t.app, admins.street).get(`/api/users/sign-ins?q=${mine.login}`);
    expect(street.status).toBe(200);
    // Two attempts of this account, newest first: the success, then the wrong password.
    expect(street.body.total).toBe(2);
    expect(street.body.items.map((x: { login: string; success: boolean; outcomeLabel: string; address: string }) => [x.login, x.success, x.outcomeLabel, x.address])).toEqual([
      [mine.login, true, '成功', '10.20.30.41'],
      [mine.login, false, '失败（密码错误）', '10.20.30.40'],
    ]);
    const failed = await client(t.app, admins.street).get(`/api/users/sign-ins?q=${mine.login}&failedOnly=true`);
    expect(failed.body.items.map((x: { address: string }) => x.address)).toEqual(['10.20.30.40']);
    // The other street's account is not the street admin's to see; the district sees both.
    const all = await client(t.app, admins.street).get('/api/users/sign-ins?limit=1000');
    expect(JSON.stringify(all.body)).not.toContain(theirs.login);
    const district = await client(t.app, admins.district).get(`/api/users/sign-ins?q=${theirs.login}`);
    expect(district.body.items.map((x: { login: string; address: string }) => [x.login, x.address])).toEqual([[theirs.login, '10.20.30.42']]);
  });
});
