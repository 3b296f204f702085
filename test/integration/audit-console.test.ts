import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { client, setupTestApp, type TestApp } from '../support/app';
import { createOrg, createToken, createTree, type Tree } from '../support/factories';
import type { OrgRow } from '../../src/features/orgs/orgs.model';

/**
 * 审计日志 as the console reads it: filters (action, who, organization, China-time days), paging on the server,
 * Chinese action names and a field-by-field diff, the Excel export of the same filter, and the subtree rule (a
 * street admin never sees another street's rows).
 */

let t: TestApp;
let a: Tree;
let street2: OrgRow;
let community2: OrgRow;
let tokens: { district: string; street: string; street2: string; leader: string };
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + 24 * 3600 * 1000));

beforeAll(async () => {
  t = await setupTestApp();
  a = await createTree(t.db, '审计');
  street2 = await createOrg(t.db, { kind: 'street', parent_id: a.district.id, name: `审计第二街道${a.district.code}` });
  community2 = await createOrg(t.db, { kind: 'community', parent_id: street2.id, name: `审计第二社区${a.district.code}` });
  tokens = {
    district: await createToken(t.db, 'admin', a.district.id),
    street: await createToken(t.db, 'admin', a.street.id),
    street2: await createToken(t.db, 'admin', street2.id),
    leader: await createToken(t.db, 'leader', a.street.id),
  };
  // Three renames: two in the first street (grid by the district, grid2 by the street), one in the second street.
  expect((await client(t.app, tokens.district).patch(`/api/orgs/${a.grid.id}`, { name: `${a.grid.name}（改）`, memberCount: 31 })).status).toBe(200);
  expect((await client(t.app, tokens.street).patch(`/api/orgs/${a.grid2.id}`, { name: `${a.grid2.name}（改）` })).status).toBe(200);
  expect((await client(t.app, tokens.street2).patch(`/api/orgs/${community2.id}`, { name: `${community2.name}（改）` })).status).toBe(200);
});

type Entry = { action: string; actionLabel: string; entityLabel: string; orgName: string | null; actorName: string; changes: { field: string; label: string; before: string | null; after: string | null }[] };

describe('the audit log console', () => {
  it('filters by action and organization, in Chinese, with the before/after field by field', async () => {
    const res = await client(t.app, tokens.district).get(`/api/audit?action=org.update&orgId=${a.district.id}`);
    expect(res.status).toBe(200);
    // The three renames of this district, newest first.
    expect(res.body.total).toBe(3);
    const items = res.body.items as Entry[];
    expect(items.map((e) => e.orgName)).toEqual([`${community2.name}（改）`, `${a.grid2.name}（改）`, `${a.grid.name}（改）`]);
    for (const e of items) expect(e).toMatchObject({ action: 'org.update', actionLabel: '修改组织', entityLabel: '组织' });
    // The district's edit changed two fields (name, member count 20 → 31); what did not change is not listed.
    const first = items[2]!;
    expect(first.changes).toEqual(
      expect.arrayContaining([
        { field: 'name', label: '名称', before: a.grid.name, after: `${a.grid.name}（改）` },
        { field: 'memberCount', label: '党员人数', before: '20', after: '31' },
      ]),
    );
    expect(first.changes.map((c) => c.field)).not.toContain('code');
  });

  it('shows a street admin (and a leader of the street) only its own street, and 404s another street', async () => {
    for (const token of [tokens.street, tokens.leader]) {
      const res = await client(t.app, token).get('/api/audit?action=org.update&limit=1000');
      expect(res.status).toBe(200);
      // grid (by the district) and grid2 (by the street): both are in the first street; the second street's is not.
      expect((res.body.items as Entry[]).map((e) => e.orgName).sort()).toEqual([`${a.grid.name}（改）`, `${a.grid2.name}（改）`].sort());
      expect(JSON.stringify(res.body)).not.toContain(community2.name);
    }
    const outside = await client(t.app, tokens.street).get(`/api/audit?orgId=${street2.id}`);
    expect(outside.status).toBe(404);
    const actions = await client(t.app, tokens.street).get('/api/audit/actions');
    expect(actions.body.items).toEqual(expect.arrayContaining([{ value: 'org.update', label: '修改组织' }]));
  });

  it('filters by who, by China-time days, and pages on the server', async () => {
    const admin = client(t.app, tokens.district);
    // The street admin's script account is named 「组织部门工作人员（<street>）」: one rename is its.
    const who = await admin.get(`/api/audit?action=org.update&orgId=${a.district.id}&actor=${encodeURIComponent(a.street.name)}`);
    expect(who.body.items.map((e: Entry) => e.orgName)).toEqual([`${a.grid2.name}（改）`]);
    expect((await admin.get(`/api/audit?action=org.update&orgId=${a.district.id}&from=${today}&to=${today}`)).body.total).toBe(3);
    expect((await admin.get(`/api/audit?action=org.update&orgId=${a.district.id}&from=${tomorrow}`)).body.total).toBe(0);
    const bad = await admin.get(`/api/audit?from=${tomorrow}&to=${today}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues).toEqual([{ field: 'to', message: '截止日期不能早于起始日期' }]);
    const page1 = await admin.get(`/api/audit?action=org.update&orgId=${a.district.id}&limit=2&offset=0`);
    const page2 = await admin.get(`/api/audit?action=org.update&orgId=${a.district.id}&limit=2&offset=2`);
    expect([page1.body.items.length, page2.body.items.length, page1.body.total, page2.body.total]).toEqual([2, 1, 3, 3]);
  });

  it('exports the same filter to Excel with Chinese headers and a Chinese file name', async () => {
    const res = await t.app.request(`/api/audit/export.xlsx?action=org.update`, { headers: { authorization: `Bearer ${tokens.street}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('审计日志_')}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.getWorksheet('审计日志')!;
    const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : String(v)));
    expect(String(ws.getCell('A1').value)).toContain('共 2 条');
    expect(values(2)).toEqual(['时间', '操作人', '操作人角色', '操作', '对象类型', '对象编号', '组织', '变更内容']);
    // Two data rows (the street's two renames), newest first: grid2 by the street admin, then grid by the district.
    expect(ws.rowCount).toBe(4);
    const newest = values(3);
    expect(newest[0]).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(newest.slice(2, 5)).toEqual(['组织部门工作人员', '修改组织', '组织']);
    expect(newest[6]).toBe(`${a.grid2.name}（改）`);
    expect(newest[7]).toContain(`名称：${a.grid2.name} → ${a.grid2.name}（改）`);
    expect(values(4)[7]).toContain('党员人数：20 → 31');
    const text = [1, 2, 3, 4].map((r) => values(r).join('|')).join('\n');
    expect(text).not.toContain(community2.name);
  });
});
