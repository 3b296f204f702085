import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from '../support/app';
import { createCycle, createToken, createTree, type Tree } from '../support/factories';

let t: TestApp;
let tree: Tree;
let other: Tree;

beforeAll(async () => {
  t = await setupTestApp();
  tree = await createTree(t.db, '首页');
  other = await createTree(t.db, '他区');
  await createCycle(t.db, 'collecting');
});

describe('home page', () => {
  it('asks for a token and shows nothing of the database before sign-in', async () => {
    const res = await t.app.request('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('访问令牌');
    expect(html).not.toContain(tree.district.name);
  });

  it('refuses a wrong token and a reviewer token', async () => {
    const bad = await t.app.request('/login', { method: 'POST', body: new URLSearchParams({ token: 'xp_wrong' }) });
    expect(bad.status).toBe(401);
    const reviewer = await createToken(t.db, 'reviewer', tree.district.id);
    const res = await t.app.request('/login', { method: 'POST', body: new URLSearchParams({ token: reviewer }) });
    expect(res.status).toBe(401);
  });

  it('signs in with a cookie and shows the caller tree with counts, nothing of other districts', async () => {
    const token = await createToken(t.db, 'leader', tree.district.id);
    const login = await t.app.request('/login', { method: 'POST', body: new URLSearchParams({ token }) });
    expect(login.status).toBe(303);
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);

    const home = await t.app.request('/', { headers: { cookie: cookie.split(';')[0]! } });
    expect(home.status).toBe(200);
    const html = await home.text();
    for (const name of [tree.district.name, tree.street.name, tree.community.name, tree.sector.name]) expect(html).toContain(name);
    expect(html).not.toContain(other.district.name);
    expect(html).toContain('网格党支部');
    // The community row counts its two grids and their members (20 each, from the factory) plus its own 20.
    expect(html).toMatch(new RegExp(`${tree.community.name}</td><td>社区党组织</td><td>张三</td>\\s*<td class="num">2</td>\\s*<td class="num">60</td>`));
  });

  it('keeps the JSON API on bearer tokens only: the cookie does not authorize /api', async () => {
    const token = await createToken(t.db, 'admin', tree.district.id);
    const res = await t.app.request('/api/orgs', { headers: { cookie: `xp_token=${token}` } });
    expect(res.status).toBe(401);
  });

  it('serves health and the OpenAPI document generated from the schemas', async () => {
    const health = await t.app.request('/health');
    expect(await health.json()).toMatchObject({ status: 'ok', database: t.deps.dbKind });
    const doc = (await (await t.app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/orgs', '/api/orgs/{id}/move', '/api/ledger/{id}/reject', '/api/imports/{target}']));
    expect(doc.components.schemas).toHaveProperty('LedgerRecord');
    expect(doc.components.schemas).toHaveProperty('Error');
    const apiRoutes = t.app.routes.filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL');
    for (const r of apiRoutes) {
      const path = r.path.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${path} documented`).toBeDefined();
    }
  });
});
