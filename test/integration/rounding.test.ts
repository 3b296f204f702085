import { readFileSync } from 'node:fs';
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
 * `rounding: "total"` against the default `"clause"`, through declared facts, scoring and the scorecard: three
 * indicators of 29.998 points each (14999 × 0.002). Rounded per clause they show 30.00 and add up to 90.00, which
 * crosses the "90 分及以上" edge; kept exact they add up to 89.994, rounded once to 89.99. The rule file is
 * test/fixtures/rules/rounding-total.json; each way scores a year of its own.
 */
const text = readFileSync('test/fixtures/rules/rounding-total.json', 'utf8');
const apis: Record<'total' | 'clause', ReturnType<typeof client>> = {} as never;
let gridId: number;

beforeAll(async () => {
  const handle = await openIsolatedDatabase();
  const district = await createOrg(handle.db, { kind: 'district' });
  const street = await createOrg(handle.db, { kind: 'street', parent_id: district.id });
  const community = await createOrg(handle.db, { kind: 'community', parent_id: street.id, category: null });
  gridId = (await createOrg(handle.db, { kind: 'grid', parent_id: community.id })).id;
  const token = await createToken(handle.db, 'admin', district.id);
  for (const [mode, year] of [['total', 2033], ['clause', 2034]] as const) {
    const json = { ...JSON.parse(text), rounding: mode, id: `rounding-${mode}` };
    const rules = ruleSetRegistry([await compileRuleSet(JSON.stringify(json), `rounding-${mode}.json`)]);
    const clock = fixedClock(`${year + 1}-01-10T04:00:00Z`);
    const app = createApp({ db: handle.db, dbKind: handle.kind, clock, logger: quietLogger, spreadsheet: exceljsSpreadsheet, ruleSets: rules, printing: testPrinting(), ballots: testBallotOptions(), ...testAuthDeps(handle.db, handle.kind, clock) });
    await handle.db.insertInto('cycles').values({ year, state: 'reviewing' }).execute();
    for (const key of ['round.a', 'round.b', 'round.c']) await handle.db.insertInto('declared_facts').values({ cycle_year: year, org_id: gridId, key, value: '14999', note: null, created_by: 'test' }).execute();
    apis[mode] = client(app, token);
  }
  return () => handle.drop();
}, 120_000);

describe('rounding once at the total, or at every clause', () => {
  it('keeps 89.994 below the edge with rounding "total", and says why the shown lines add up to 90.00', async () => {
    expect((await apis.total.post('/api/cycles/2033/score', {})).status).toBe(200);
    const card = (await apis.total.get(`/api/cycles/2033/orgs/${gridId}/scorecard`)).body;
    // 14999 × 0.002 = 29.998 each, shown 30.00; exact sum 89.994 → 89.99 → below 90: 良好.
    expect(card.total).toBe('89.99');
    expect(card.grade.label).toBe('良好');
    expect(card.parts[0].indicators.map((i: { points: string }) => i.points)).toEqual(['30.00', '30.00', '30.00']);
    expect(card.parts[0].note).toBe('各指标按 0.01 分显示，相加为 90 分；按精确值合计后四舍五入为 89.99 分');
  });

  it('crosses the edge with the default, rounding every clause: 30.00 × 3 = 90.00', async () => {
    expect((await apis.clause.post('/api/cycles/2034/score', {})).status).toBe(200);
    const card = (await apis.clause.get(`/api/cycles/2034/orgs/${gridId}/scorecard`)).body;
    expect(card.total).toBe('90.00');
    expect(card.grade.label).toBe('优秀');
    expect(card.parts[0].note).toBeNull();
  });
});
