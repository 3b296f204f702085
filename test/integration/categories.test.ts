import { beforeAll, describe, expect, it } from 'vitest';
import { databaseCatalog } from '../../src/features/catalog/manage-kinds';
import { seedCatalog } from '../../src/rules/catalog';
import { client, setupTestApp, testRuleSets, type TestApp } from '../support/app';
import { createCycle, createToken, createTree, type Tree } from '../support/factories';

/**
 * Assessment categories join the catalog (DECISIONS.md): the district's admin adds 医院党组织 without touching a
 * file, puts an organization in it, starts its first rule set as a copy of the community's (retargeted to the new
 * category), publishes it, scores the year; rankings, the organization and the year's rule sets name the category
 * in Chinese, a rename shows everywhere, a retired category takes no new organization. A database of its own: the
 * catalog is the whole database's.
 */

let t: TestApp;
let tree: Tree;
let admin: ReturnType<typeof client>;
let streetAdmin: ReturnType<typeof client>;
let year: number;
let hospitalOrg: number;

const ok = (res: { status: number; body: any }, status = 200) => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
};

beforeAll(async () => {
  t = await setupTestApp({ isolated: true });
  tree = await createTree(t.db, '类别');
  admin = client(t.app, await createToken(t.db, 'admin', tree.district.id));
  streetAdmin = client(t.app, await createToken(t.db, 'admin', tree.street.id));
  year = await createCycle(t.db, 'reviewing');
}, 60_000);

describe('categories in the catalog', () => {
  it('starts as the seed, in its order, with the organizations each holds', async () => {
    const listed = ok(await admin.get('/api/catalog/categories'));
    expect(listed.items.map((c: any) => [c.code, c.label])).toEqual(seedCatalog.categories.map((c) => [c.code, c.label]));
    // createTree: one community, two grids (the unit under the sector has the default category institution).
    expect(listed.items.find((c: any) => c.code === 'grid').orgCount).toBe(2);
    expect(listed.items.find((c: any) => c.code === 'community').orgCount).toBe(1);
    expect((await databaseCatalog({ db: t.db })).categories).toEqual(seedCatalog.categories);
  });

  it('refuses a street admin, a bad code and a name or code already taken, each at its field', async () => {
    const street = await streetAdmin.post('/api/catalog/categories', { code: 'hospital', label: '医院党组织' });
    expect(street.status).toBe(403);
    const bad = await admin.post('/api/catalog/categories', { code: 'Hospital-1', label: '医院党组织' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('只能用小写字母');
    const taken = await admin.post('/api/catalog/categories', { code: 'clinic', label: '网格党支部' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.details).toMatchObject({ field: 'label' });
    expect((await admin.post('/api/catalog/categories', { code: 'grid', label: '另一个网格' })).status).toBe(409);
  });

  it('adds 医院党组织, audited; an organization takes it and reads its name', async () => {
    const made = ok(await admin.post('/api/catalog/categories', { code: 'hospital', label: '医院党组织' }), 201);
    expect(made).toMatchObject({ code: 'hospital', label: '医院党组织', orgCount: 0, retired: false });
    const audit = await t.db.selectFrom('audit_log').select(['action', 'after']).where('entity', '=', 'category').where('entity_id', '=', 'hospital').execute();
    expect(audit.map((a) => a.action)).toEqual(['category.create']);
    const org = ok(await admin.post('/api/orgs', { code: `HOSP-${Date.now()}`, name: '区人民医院党委', kind: 'unit', parentId: tree.street.id, category: 'hospital', activeFrom: '1900-01-01' }), 201);
    expect(org).toMatchObject({ category: 'hospital', categoryLabel: '医院党组织' });
    hospitalOrg = org.id;
    const unknown = await admin.patch(`/api/orgs/${tree.unit.id}`, { category: 'school' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.issues[0].field).toBe('category');
    expect(unknown.body.error.message).toContain('未知的考核类别「school」');
    expect(unknown.body.error.message).toContain('hospital（医院党组织）');
    expect(ok(await admin.get('/api/catalog/categories')).items.find((c: any) => c.code === 'hospital').orgCount).toBe(1);
  });

  it('starts the category\'s first rule set as a copy of another, retargeted to it', async () => {
    const communityHash = (await testRuleSets()).forCategory('community')!.hash;
    expect((await admin.post('/api/rule-drafts', { source: '{}', forCategory: 'hospital' })).status).toBe(400);
    const nowhere = await admin.post('/api/rule-drafts', { fromHash: communityHash, forCategory: 'school' });
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.error.details.issues[0].field).toBe('forCategory');
    const draft = ok(await admin.post('/api/rule-drafts', { fromHash: communityHash, forCategory: 'hospital' }), 201);
    expect(draft).toMatchObject({ ruleSetId: 'hospital', title: '医院党组织考核评价细则', version: '1', valid: true, categories: [{ code: 'hospital', label: '医院党组织' }], basedOn: communityHash });
    expect(JSON.parse(draft.source).categories).toEqual(['hospital']);
    // A preview of a category no rule set covered yet: every organization of it is new to grading.
    const preview = ok(await admin.post(`/api/rule-drafts/${draft.id}/preview`, { year }));
    expect(preview).toMatchObject({ categories: ['hospital'], before: {} });
    // The year has no results yet: publishing needs no preview.
    const published = ok(await admin.post(`/api/rule-drafts/${draft.id}/publish`, { year }));
    expect(published).toMatchObject({ year, categories: ['hospital'], ruleSet: { id: 'hospital', version: '1', hash: draft.hash } });
    const sets = ok(await admin.get(`/api/cycles/${year}/rule-sets`));
    expect(sets.items.map((i: any) => i.category)).toContain('hospital');
    expect(sets.items.find((i: any) => i.category === 'hospital')).toMatchObject({ categoryLabel: '医院党组织', pinned: true, hash: draft.hash });
    // A rule set naming a category the catalog lacks is an error at its path.
    const ghost = ok(await admin.post('/api/rule-drafts/validate', { source: draft.source.replace('"hospital"\n', '"school"\n') }));
    expect(ghost.valid).toBe(false);
    expect(ghost.issues.find((i: any) => i.path === '$.categories[0]').message).toContain('未知的考核类别「school」');
  });

  it('scores the organization in its category: rankings name it; a rename shows everywhere, the scores do not move', async () => {
    ok(await admin.post(`/api/cycles/${year}/score`, {}));
    const ranked = ok(await admin.get(`/api/cycles/${year}/rankings?category=hospital`));
    expect(ranked.items.map((r: any) => [r.orgId, r.category, r.categoryLabel])).toEqual([[hospitalOrg, 'hospital', '医院党组织']]);
    const before = ranked.items[0].total;
    const renamed = ok(await admin.patch('/api/catalog/categories/hospital', { label: '医疗卫生机构党组织' }));
    expect(renamed).toMatchObject({ code: 'hospital', label: '医疗卫生机构党组织', orgCount: 1 });
    const again = ok(await admin.get(`/api/cycles/${year}/rankings?category=hospital`));
    expect(again.items[0]).toMatchObject({ categoryLabel: '医疗卫生机构党组织', total: before });
    expect(ok(await admin.get(`/api/orgs/${hospitalOrg}`)).categoryLabel).toBe('医疗卫生机构党组织');
    const card = ok(await admin.get(`/api/cycles/${year}/orgs/${hospitalOrg}/scorecard`));
    expect(card.org.categoryLabel).toBe('医疗卫生机构党组织');
  });

  it('retires it: no new organization takes it, the one in it keeps it, and the audit has all three changes', async () => {
    const retired = ok(await admin.post('/api/catalog/categories/hospital/retire'));
    expect(retired).toMatchObject({ retired: true, orgCount: 1 });
    expect((await admin.post('/api/catalog/categories/hospital/retire')).status).toBe(409);
    const refused = await admin.post('/api/orgs', { code: `HOSP2-${Date.now()}`, name: '区中医院党委', kind: 'unit', parentId: tree.street.id, category: 'hospital' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('已停用');
    // Keeping its category while changing something else is fine.
    ok(await admin.patch(`/api/orgs/${hospitalOrg}`, { name: '区人民医院党委（更名）', category: 'hospital' }));
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'category').where('entity_id', '=', 'hospital').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['category.create', 'category.update', 'category.retire']);
    expect((await databaseCatalog({ db: t.db })).categories.at(-1)).toEqual({ code: 'hospital', label: '医疗卫生机构党组织', retired: true });
    // A retired category is not handed out as a kind's default either.
    ok(await admin.post('/api/catalog/categories/building/retire'));
    const byDefault = await admin.post('/api/orgs', { code: `BLD-${Date.now()}`, name: '三号楼党小组', kind: 'building', parentId: tree.grid.id });
    expect(byDefault.status).toBe(400);
    expect(byDefault.body.error.message).toContain('楼院党小组」已停用');
  });

  it('exports results under a name with characters a worksheet cannot take', async () => {
    ok(await admin.patch('/api/catalog/categories/hospital', { label: '医疗/卫生[机构]党组织' }));
    const res = await admin.get(`/api/cycles/${year}/results.xlsx`);
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
  });
});
