import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exceljsSpreadsheet } from '../../src/adapters/spreadsheet-exceljs';
import { createApp } from '../../src/app';
import { quietLogger } from '../../src/deps';
import { scoreCycle } from '../../src/features/scoring/score-cycle';
import { fixedClock } from '../../src/lib/clock';
import { compileRuleSet } from '../../src/rules/compile';
import { ruleSetRegistry, type RuleSets } from '../../src/rules/registry';
import { client, testAuthDeps, testBallotOptions, testPrinting } from '../support/app';
import { openIsolatedDatabase } from '../support/db';
import { cliCtx, createOrg, createToken } from '../support/factories';

/**
 * 驾驶舱 on a small data set worked by hand: ten grids under two communities of one street, declared totals, a
 * rubric with bands, a 20% five-star quota and a veto (the same shape as cycle-life.test.ts). The dashboard's
 * counts, shares, per-child breakdown, coverage and scope are checked against the hand computation.
 * Cycles are shared, so this file has a database of its own.
 */
const rubric = {
  id: 'dashboard-test',
  title: '驾驶舱测试细则',
  version: '1',
  categories: ['grid'],
  facts: {
    score: { source: 'declared', label: '考评得分', key: 'test.score', type: 'number', default: 0 },
    cases: { source: 'records.count', label: '违纪案件', types: ['discipline'] },
  },
  parts: [{ id: 'main', title: '考评', max: 100, indicators: [{ id: 'all', title: '得分', max: 100, clauses: [{ type: 'perUnit', fact: 'score', points: 1 }] }] }],
  total: { formula: 'main', max: 100 },
  grading: {
    grades: [
      { id: 'five', label: '五星' },
      { id: 'four', label: '四星' },
      { id: 'three', label: '三星' },
      { id: 'unrated', label: '不评星级' },
    ],
    bands: [
      { grade: 'five', gte: 90 },
      { grade: 'four', gte: 80, lt: 90 },
      { grade: 'three', gte: 70, lt: 80 },
      { grade: 'unrated', lt: 70 },
    ],
    overrides: [{ type: 'veto', id: 'case', title: '违纪', when: { fact: 'cases', operator: 'greaterThanInclusive', value: 1 }, reason: '发生违纪案件' }],
    quotas: [{ grade: 'five', max: 0.2 }],
  },
};

let handle: Awaited<ReturnType<typeof openIsolatedDatabase>>;
let rules: RuleSets;
const ids = { district: 0, street: 0, a: 0, b: 0, other: 0, grid: 0 };
const YEAR = 2031;
// G01–G05 under community A, G06–G10 under B.
const scores = [95, 93, 91, 88, 85, 79, 72, 69, 50, 92];

const appAt = () =>
  createApp({ db: handle.db, dbKind: handle.kind, clock: fixedClock(`${YEAR + 1}-01-10T04:00:00Z`), logger: quietLogger, spreadsheet: exceljsSpreadsheet, ruleSets: rules, printing: testPrinting(), ballots: testBallotOptions(), ...testAuthDeps(handle.db, handle.kind, fixedClock(`${YEAR + 1}-01-10T04:00:00Z`)) });

beforeAll(async () => {
  handle = await openIsolatedDatabase();
  rules = ruleSetRegistry([await compileRuleSet(JSON.stringify(rubric), 'dashboard-test.json')]);
  ids.district = (await createOrg(handle.db, { kind: 'district' })).id;
  ids.other = (await createOrg(handle.db, { kind: 'district' })).id;
  ids.street = (await createOrg(handle.db, { kind: 'street', parent_id: ids.district })).id;
  ids.a = (await createOrg(handle.db, { kind: 'community', parent_id: ids.street, category: null })).id;
  ids.b = (await createOrg(handle.db, { kind: 'community', parent_id: ids.street, category: null })).id;
  await handle.db.insertInto('cycles').values({ year: YEAR, state: 'reviewing' }).execute();
  for (const [i, s] of scores.entries()) {
    const g = await createOrg(handle.db, { kind: 'grid', parent_id: i < 5 ? ids.a : ids.b, code: `DG${String(i + 1).padStart(2, '0')}` });
    if (i === 9) ids.grid = g.id;
    await handle.db.insertInto('declared_facts').values({ cycle_year: YEAR, org_id: g.id, key: 'test.score', value: String(s), note: null, created_by: 'test' }).execute();
  }
  await handle.db.insertInto('org_records').values({ cycle_year: YEAR, org_id: ids.grid, type: 'discipline', level: null, title: '违纪案件', grade: null, reason: '通报', approver: null, evidence: '[]', recorded_on: `${YEAR}-06-01`, created_by: 'test' }).execute();
  await scoreCycle({ ctx: cliCtx(handle.db), year: YEAR, ruleSets: rules });
});
afterAll(() => handle.drop());

const grades = (c: { grades: { label: string; count: number; share: string }[] }) => c.grades.map((g) => `${g.label} ${g.count} ${g.share}`);

describe('驾驶舱', () => {
  it('counts grades, shares and children as worked by hand', async () => {
    const leader = client(appAt(), await createToken(handle.db, 'leader', ids.district));
    const res = await leader.get(`/api/cycles/${YEAR}/dashboard`);
    expect(res.status).toBe(200);
    // Bands: 95, 93, 91, 92 → five; 88, 85 → four; 79, 72 → three; 69, 50 → unrated. The veto takes G10 (92) to
    // unrated; the quota (20% of 10 = 2 fives) keeps 95 and 93 and takes G03 (91) down to four.
    // five 2 (2/10 = 20.0%), four 91, 88, 85 = 3 (30.0%), three 2 (20.0%), unrated 69, 50, G10 = 3 (30.0%).
    expect(res.body.categories).toHaveLength(1);
    expect(grades(res.body.categories[0])).toEqual(['五星 2 20.0', '四星 3 30.0', '三星 2 20.0', '不评星级 3 30.0']);
    expect(res.body.children.map((c: { id: number }) => c.id)).toEqual([ids.street]);
    expect(res.body.children[0]).toMatchObject({ total: 10, assessed: 10, lagging: 0, hasChildren: true, scored: false });
    expect(res.body.coverage[0]).toMatchObject({ key: 'orgs', done: 10, total: 10, percent: '100.0' });
    expect(res.body.trend[0].years).toEqual([expect.objectContaining({ year: YEAR, total: 10 })]);
    // All first graded: no movers.
    expect(res.body.movers).toEqual({ counts: [{ move: '晋位', count: 0 }, { move: '降星', count: 0 }, { move: '摘星', count: 0 }], items: [] });

    // Under the street: A holds G01–G05 (five, five, four, four, four), B G06–G10 (three, three, unrated ×3); every grade of the scale listed.
    const street = await leader.get(`/api/cycles/${YEAR}/dashboard?under=${ids.street}`);
    expect(street.body.breadcrumbs.map((b: { id: number }) => b.id)).toEqual([ids.district, ids.street]);
    const [a, b] = street.body.children;
    expect(grades(a.categories[0])).toEqual(['五星 2 40.0', '四星 3 60.0', '三星 0 0.0', '不评星级 0 0.0']);
    expect(grades(b.categories[0])).toEqual(['五星 0 0.0', '四星 0 0.0', '三星 2 40.0', '不评星级 3 60.0']);
  });

  it('keeps to the subtree and to the 组织部 side', async () => {
    const outsider = client(appAt(), await createToken(handle.db, 'leader', ids.other));
    expect((await outsider.get(`/api/cycles/${YEAR}/dashboard?under=${ids.street}`)).status).toBe(404);
    const own = await outsider.get(`/api/cycles/${YEAR}/dashboard`);
    expect(own.status).toBe(200);
    expect(own.body.categories).toEqual([]);
    const branch = client(appAt(), await createToken(handle.db, 'org_user', ids.grid));
    expect((await branch.get(`/api/cycles/${YEAR}/dashboard`)).status).toBe(403);
    const street = client(appAt(), await createToken(handle.db, 'leader', ids.street));
    expect((await street.get(`/api/cycles/${YEAR}/dashboard?under=${ids.district}`)).status).toBe(404);
    expect((await street.get(`/api/cycles/${YEAR}/dashboard?under=${ids.a}`)).body.breadcrumbs.map((x: { id: number }) => x.id)).toEqual([ids.street, ids.a]);
  });
});
