import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exceljsSpreadsheet } from '../../src/adapters/spreadsheet-exceljs';
import { createApp } from '../../src/app';
import { quietLogger } from '../../src/deps';
import { fixedClock } from '../../src/lib/clock';
import { compileRuleSet } from '../../src/rules/compile';
import { ruleSetRegistry } from '../../src/rules/registry';
import { client, testAuthDeps, testBallotOptions, testPrinting } from '../support/app';
import { openIsolatedDatabase } from '../support/db';
import { createOrg, createToken } from '../support/factories';

/**
 * Rules, second edition: quotas over a group of grades ("四星及以上不超过 40%"), a hard minimum for a group
 * ("二星及以下不少于 40%"), an "about" lagging share that warns instead of filling, and the rule set's own words
 * for an organization it does not assess ("不评星级"), through the real declared facts, scoring, the scorecard and
 * the export. The rule file is test/fixtures/rules/shares.json; the year has a database of its own.
 */
const YEAR = 2031;
const scores = [96, 95, 90, 88, 86, 80, 78, 72, 62, 55];
let api: ReturnType<typeof client>;
let app: ReturnType<typeof createApp>;
let token: string;
let grids: { id: number; code: string }[] = [];
let paused: { id: number; code: string };

beforeAll(async () => {
  const handle = await openIsolatedDatabase();
  const rules = ruleSetRegistry([await compileRuleSet(readFileSync('test/fixtures/rules/shares.json', 'utf8'), 'shares.json')]);
  const clock = fixedClock(`${YEAR + 1}-01-10T04:00:00Z`);
  app = createApp({ db: handle.db, dbKind: handle.kind, clock, logger: quietLogger, spreadsheet: exceljsSpreadsheet, ruleSets: rules, printing: testPrinting(), ballots: testBallotOptions(), ...testAuthDeps(handle.db, handle.kind, clock) });
  const district = await createOrg(handle.db, { kind: 'district' });
  const street = await createOrg(handle.db, { kind: 'street', parent_id: district.id });
  const community = await createOrg(handle.db, { kind: 'community', parent_id: street.id, category: null });
  await handle.db.insertInto('cycles').values({ year: YEAR, state: 'reviewing' }).execute();
  const declare = (orgId: number, key: string, value: string) => handle.db.insertInto('declared_facts').values({ cycle_year: YEAR, org_id: orgId, key, value, note: null, created_by: 'test' }).execute();
  for (const [i, s] of scores.entries()) {
    const g = await createOrg(handle.db, { kind: 'grid', parent_id: community.id, code: `S${String(i + 1).padStart(2, '0')}` });
    grids.push({ id: g.id, code: g.code });
    await declare(g.id, 'shares.score', String(s));
  }
  const p = await createOrg(handle.db, { kind: 'grid', parent_id: community.id, code: 'S99' });
  paused = { id: p.id, code: p.code };
  await declare(p.id, 'shares.score', '99');
  await declare(p.id, 'shares.paused', 'true');
  token = await createToken(handle.db, 'admin', district.id);
  api = client(app, token);
  return () => handle.drop();
}, 120_000);

describe('shares over groups of grades, scored through the database', () => {
  it('grades by the hand computation, warns about the lagging share, and counts the unassessed in the rule set\'s words', async () => {
    const res = await api.post(`/api/cycles/${YEAR}/score`, {});
    expect(res.status).toBe(200);
    // Bands: 96, 95 five; 90, 88, 86 four; 80, 78 three; 72 two; 62 one; 55 none. 10 assessed (S99 is paused).
    // 四星及以上不超过 40%: floor(0.4 × 10) = 4 of the 5 keep four stars or better; the lowest-ranked, 86, → three.
    // 二星及以下不少于 40%: ceil(0.4 × 10) = 4; 72, 62, 55 are 3; the lowest-ranked above, 78, → two.
    // 后进约 20%: floor(0.2 × 10) = 2 expected; only 55 (无星) is lagging: a warning, nobody is added.
    const grades = Object.fromEntries(await Promise.all(grids.map(async (g) => [g.code, (await api.get(`/api/cycles/${YEAR}/orgs/${g.id}/scorecard`)).body.grade.label])));
    expect(grades).toEqual({ S01: '五星', S02: '五星', S03: '四星', S04: '四星', S05: '三星', S06: '三星', S07: '二星', S08: '二星', S09: '一星', S10: '无星' });
    expect(res.body.categories[0].grades).toEqual({ 五星: 2, 四星: 2, 三星: 2, 二星: 2, 一星: 1, 无星: 1, 不评星级: 1 });
    expect(res.body.warnings).toEqual(['按比例定级示例（四星及以上不超过 40%，二星及以下不少于 40%，后进约 20%）：后进党组织约占 20%：本类别（grid）10 个组织中只有 1 个，低于指导比例']);
    const s05 = await api.get(`/api/cycles/${YEAR}/orgs/${grids[4]!.id}/scorecard`);
    expect(s05.body.grade.steps.at(-1)).toBe('四星及以上不超过 40%（本类别 10 个组织中最多 4 个），按排名降为三星');
    const s07 = await api.get(`/api/cycles/${YEAR}/orgs/${grids[6]!.id}/scorecard`);
    expect(s07.body.grade.steps.at(-1)).toBe('二星及以下不少于 40%（本类别 10 个组织中至少 4 个），按排名降为二星');
    const card = await api.get(`/api/cycles/${YEAR}/orgs/${paused.id}/scorecard`);
    expect(card.body).toMatchObject({ assessed: false, notAssessedLabel: '不评星级', reasons: [expect.stringContaining('本年度暂停考核')] });
  });

  it('exports the unassessed organization as 不评星级', async () => {
    const res = await app.request(`/api/cycles/${YEAR}/results.xlsx`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const row: string[] = [];
    wb.worksheets[0]!.eachRow((r) => {
      if (r.values && JSON.stringify(r.values).includes('S99')) r.eachCell((c) => row.push(String(c.value)));
    });
    expect(row).toContain('不评星级');
  });
});
