import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { exceljsSpreadsheet } from '../../src/adapters/spreadsheet-exceljs';
import { createApp } from '../../src/app';
import type { Database } from '../../src/db/database';
import { quietLogger } from '../../src/deps';
import { fixedClock } from '../../src/lib/clock';
import { compileRuleSet } from '../../src/rules/compile';
import { ruleSetRegistry, type RuleSets } from '../../src/rules/registry';
import { client, testAuthDeps, testBallotOptions, testPrinting } from '../support/app';
import { openIsolatedDatabase } from '../support/db';
import { createOrg, createToken } from '../support/factories';

/**
 * Look-backs over several years (`history` facts) through the database: three years scored in turn with
 * test/fixtures/rules/look-back.json, each finalized before the next. The first year has no finalized year
 * before it: its look-backs are 无数据 and every grid is still assessed. The third year reads two finalized
 * years' lagging lists and grades, last year's totals, and two years of discipline records.
 */
let db: Kysely<Database>;
let rules: RuleSets;
let districtId: number;
let token: string;
const grids: Record<'G1' | 'G2' | 'G3' | 'G4', number> = {} as never;
const scores: Record<number, Record<keyof typeof grids, number>> = {
  2040: { G1: 50, G2: 95, G3: 70, G4: 80 },
  2041: { G1: 55, G2: 70, G3: 72, G4: 80 },
  2042: { G1: 95, G2: 85, G3: 60, G4: 95 },
};

function apiFor(year: number) {
  const clock = fixedClock(`${year + 1}-01-10T04:00:00Z`);
  return client(createApp({ db, dbKind: 'postgres', clock, logger: quietLogger, spreadsheet: exceljsSpreadsheet, ruleSets: rules, printing: testPrinting(), ballots: testBallotOptions(), ...testAuthDeps(db, 'pglite', clock) }), token);
}

async function scoreYear(year: number, before: () => Promise<unknown> = async () => undefined) {
  await db.insertInto('cycles').values({ year, state: 'reviewing' }).execute();
  await before();
  for (const [g, s] of Object.entries(scores[year]!)) await db.insertInto('declared_facts').values({ cycle_year: year, org_id: grids[g as 'G1'], key: 'lb.score', value: String(s), note: null, created_by: 'test' }).execute();
  const res = await apiFor(year).post(`/api/cycles/${year}/score`, {});
  expect(res.status).toBe(200);
  return res.body.revisionId as number;
}

const card = async (year: number, g: keyof typeof grids) => (await apiFor(year).get(`/api/cycles/${year}/orgs/${grids[g]}/scorecard`)).body;

beforeAll(async () => {
  const handle = await openIsolatedDatabase();
  db = handle.db;
  rules = ruleSetRegistry([await compileRuleSet(readFileSync('test/fixtures/rules/look-back.json', 'utf8'), 'look-back.json')]);
  const district = await createOrg(db, { kind: 'district' });
  districtId = district.id;
  const street = await createOrg(db, { kind: 'street', parent_id: district.id });
  const community = await createOrg(db, { kind: 'community', parent_id: street.id, category: null });
  for (const g of ['G1', 'G2', 'G3', 'G4'] as const) grids[g] = (await createOrg(db, { kind: 'grid', parent_id: community.id, code: `LB${g}` })).id;
  token = await createToken(db, 'admin', districtId);
  return () => handle.drop();
}, 120_000);

describe('look-backs read earlier years\' final results', () => {
  it('assesses every grid in a first year whose look-backs have no data, saying which year is missing', async () => {
    const revision = await scoreYear(2040);
    const g1 = await card(2040, 'G1');
    expect(g1).toMatchObject({ assessed: true, total: '50.00', grade: { label: '无星', lagging: true } });
    const progress = g1.parts[0].indicators.find((i: { id: string }) => i.id === 'progress').lines[0].text;
    expect(progress).toBe('比上年进步：上年总分无数据（2039 年度未定档），条件不成立，不计分');
    expect((await card(2040, 'G2')).grade.label).toBe('五星');
    await db.updateTable('cycles').set({ state: 'finalized', final_revision_id: revision }).where('year', '=', 2040).execute();
  });

  it('reads the finalized years in the third year: two lagging years veto, a five-star year adds, a discipline case caps', async () => {
    const r2041 = await scoreYear(2041, () => db.insertInto('org_records').values({ cycle_year: 2041, org_id: grids.G4, type: 'discipline', level: null, title: '违纪案件', grade: null, reason: '通报', approver: null, evidence: '[]', recorded_on: '2041-05-01', created_by: 'test' }).execute());
    // 2041: "前两年" are 2039 and 2040; 2039 was never finalized, so 前两年获五星 is 无数据 and adds nothing:
    // G2 70, not above 95 last year → 70 → three stars.
    const g2in2041 = await card(2041, 'G2');
    expect(g2in2041).toMatchObject({ total: '70.00', grade: { label: '三星' } });
    expect(g2in2041.parts[0].indicators.find((i: { id: string }) => i.id === 'honour').lines[0].text).toBe('两年内获五星：前两年获五星的年数无数据（2039 年度未定档），条件不成立，不计分');
    await db.updateTable('cycles').set({ state: 'finalized', final_revision_id: r2041 }).where('year', '=', 2041).execute();
    await scoreYear(2042);
    // G1: 95 + 1 (95 > 55) = 96, but lagging in 2040 (50) and 2041 (55): vetoed to 无星.
    const g1 = await card(2042, 'G1');
    expect(g1).toMatchObject({ total: '96.00', grade: { label: '无星' } });
    expect(g1.grade.steps.join('\n')).toContain('连续两年后进');
    // G2: 85 + 2 (五星 in 2040, 三星 in 2041) + 1 (85 > 70) = 88 → 三星.
    const g2 = await card(2042, 'G2');
    expect(g2).toMatchObject({ total: '88.00', grade: { label: '三星' } });
    const honour = g2.parts[0].indicators.find((i: { id: string }) => i.id === 'honour').lines[0].text;
    expect(honour).toContain('前两年获五星的年数 1 年（2040 年 五星、2041 年 三星）');
    // G3: 60, not above 72 → 60 → 三星.
    expect(await card(2042, 'G3')).toMatchObject({ total: '60.00', grade: { label: '三星' } });
    // G4: 95 + 1 (95 > 80) = 96, a discipline case in 2041 (近两年 = 2041–2042): at most 三星.
    const g4 = await card(2042, 'G4');
    expect(g4).toMatchObject({ total: '96.00', grade: { label: '三星' } });
    expect(g4.grade.steps.join('\n')).toContain('近两年发生违纪');
  });
});
