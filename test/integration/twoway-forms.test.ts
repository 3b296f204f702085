import { beforeAll, describe, expect, it } from 'vitest';
import { client, setupTestApp, type TestApp } from '../support/app';
import { createToken, createTree, type Tree } from '../support/factories';

/**
 * 双向评价表 in the catalog: version 1 of each direction is the form the code held (every item typed), version 2
 * of the community's computes 资源项目落实; an admin of the only top-level organization saves a new version, which
 * the server checks item by item (Chinese, at the field) and audits with both versions. A database of its own.
 */
let t: TestApp;
let tree: Tree;
let admin: ReturnType<typeof client>;

beforeAll(async () => {
  t = await setupTestApp({ isolated: true });
  tree = await createTree(t.db, '评价表');
  admin = client(t.app, await createToken(t.db, 'admin', tree.district.id));
}, 60_000);

const put = (direction: string, items: unknown[]) => admin.call('PUT', `/api/catalog/twoway-forms/${direction}`, { items });
const issue = (res: { body: any }) => res.body.error.details?.issues?.[0] ?? { field: res.body.error.details?.field, message: res.body.error.message };

describe('双向评价表', () => {
  it('starts from the forms the code held, 资源项目落实 computed from version 2 on', async () => {
    const forms = (await admin.get('/api/catalog/twoway-forms')).body;
    expect(forms.canEdit).toBe(true);
    const community = forms.forms.find((f: any) => f.direction === 'community_rates_unit');
    expect(community.version).toBe(2);
    expect(community.items.map((i: any) => [i.key, i.max, i.computed !== null])).toEqual([['attendance', 30, false], ['activities', 25, false], ['members', 25, false], ['resources', 20, true]]);
    const versions = await t.db.selectFrom('twoway_forms').select(['direction', 'version']).orderBy('direction').orderBy('version').execute();
    expect(versions.map((v) => `${v.direction}:${v.version}`)).toEqual(['community_rates_unit:1', 'community_rates_unit:2', 'unit_rates_community:1']);
  });

  it('refuses a form that does not add up, repeats a key, uses a reserved word or computes on the wrong side, at the field', async () => {
    const ok = [{ key: 'a', label: '协调', max: 50 }, { key: 'b', label: '保障', max: 50 }];
    expect(issue(await put('unit_rates_community', [{ key: 'a', label: '协调', max: 60 }, { key: 'b', label: '保障', max: 45 }]))).toMatchObject({ field: 'items', message: '各项满分合计须为 100 分，现为 105 分' });
    expect(issue(await put('unit_rates_community', [ok[0], { ...ok[1], key: 'a' }]))).toMatchObject({ field: 'items.1.key', message: '编码「a」重复' });
    expect(issue(await put('unit_rates_community', [ok[0], { ...ok[1], key: 'constructor' }]))).toMatchObject({ field: 'items.1.key', message: '这个编码是保留字，请换一个' });
    const computed = { closedOnTime: 10, closedLate: 5, wishFulfilled: 4, overdueOpen: -5 };
    expect(issue(await put('unit_rates_community', [ok[0], { ...ok[1], computed }]))).toMatchObject({ field: 'items.1.computed' });
    expect(issue(await put('community_rates_unit', [{ ...ok[0], computed }, { ...ok[1], computed }]))).toMatchObject({ field: 'items.1.computed', message: '一张评价表只能有一个系统计算的项目' });
    expect(await t.db.selectFrom('twoway_forms').select('id').execute()).toHaveLength(3);
  });

  it('saves a new version, audited with both, and leaves the years that began with the old one', async () => {
    await t.db.insertInto('cycles').values({ year: 2030, state: 'reviewing' }).execute();
    await t.db.insertInto('twoway_form_pins').values({ cycle_year: 2030, direction: 'unit_rates_community', form_id: (await t.db.selectFrom('twoway_forms').select('id').where('direction', '=', 'unit_rates_community').executeTakeFirstOrThrow()).id }).execute();
    const saved = await put('unit_rates_community', [{ key: 'coordination', label: '协调联络', max: 50 }, { key: 'service', label: '服务保障', max: 50 }]);
    expect(saved.status).toBe(200);
    const unit = saved.body.forms.find((f: any) => f.direction === 'unit_rates_community');
    expect(unit).toMatchObject({ version: 2, pinnedYears: [{ year: 2030, version: 1 }] });
    const audit = await t.db.selectFrom('audit_log').select(['action', 'entity_id', 'before', 'after']).where('entity', '=', 'twoway_form').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'twoway.form.publish', entity_id: 'unit_rates_community:2', before: { version: 1 }, after: { version: 2 } });
  });
});
