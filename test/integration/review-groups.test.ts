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
 * Duty reviews with rater groups per subject ("本单位 16 分": each secretary's own unit rates only that
 * secretary): raters bound to subjects, sheets covering a subset, different numbers of sheets per subject, a
 * paper-only session opened without codes; then the votes scored by test/fixtures/rules/duty-review-groups.json
 * through the database. One session instead of one per secretary.
 */
const YEAR = 2032;
let app: ReturnType<typeof createApp>;
let api: ReturnType<typeof client>;
let street: { id: number };
const c: Record<'A' | 'B' | 'C', { id: number; code: string }> = {} as never;

beforeAll(async () => {
  const handle = await openIsolatedDatabase();
  const rules = ruleSetRegistry([await compileRuleSet(readFileSync('test/fixtures/rules/duty-review-groups.json', 'utf8'), 'duty-review-groups.json')]);
  const clock = fixedClock(`${YEAR + 1}-01-08T04:00:00Z`);
  app = createApp({ db: handle.db, dbKind: handle.kind, clock, logger: quietLogger, spreadsheet: exceljsSpreadsheet, ruleSets: rules, printing: testPrinting(), ballots: testBallotOptions(), ...testAuthDeps(handle.db, handle.kind, clock) });
  const district = await createOrg(handle.db, { kind: 'district' });
  street = await createOrg(handle.db, { kind: 'street', parent_id: district.id });
  for (const k of ['A', 'B', 'C'] as const) c[k] = await createOrg(handle.db, { kind: 'community', parent_id: street.id, code: `RG${k}` });
  await handle.db.insertInto('cycles').values({ year: YEAR, state: 'reviewing' }).execute();
  api = client(app, await createToken(handle.db, 'admin', district.id));
  return () => handle.drop();
}, 120_000);

const vote = (code: string, answers: Partial<Record<'A' | 'B' | 'C', string>>) =>
  app.request(`/r/${code}`, { method: 'POST', body: new URLSearchParams(Object.entries(answers).map(([k, a]) => [`v.${c[k as 'A']!.id}.overall`, a!])) });

describe('a paper-only session', () => {
  it('opens without codes, refuses raters, and counts imported sheets', async () => {
    await api.post('/api/reviews', { year: YEAR, orgId: street.id, kind: 'chair', title: '轮值主席履责述评（纸质）', items: [], paperOnly: true }).then(async (s) => {
      expect(s.status).toBe(201);
      expect(s.body).toMatchObject({ paperOnly: true, partialSheets: false });
      await api.post(`/api/reviews/${s.body.id}/subjects`, { orgIds: [c.A.id, c.B.id] });
      const raters = await api.post(`/api/reviews/${s.body.id}/raters`, { group: 'public', codes: 3 });
      expect(raters.body.error.message).toBe('group：本次评议只用纸质评议表，不发评议码、不登记评议人账号');
      expect((await api.post(`/api/reviews/${s.body.id}/transition`, { to: 'open' })).status).toBe(200);
      const rows = ['票号,评议群体,组织编码,总体评价', ...[1, 2, 3].flatMap((n) => [`${n},群众代表,${c.A.code},好`, `${n},群众代表,${c.B.code},较好`])];
      const form = new FormData();
      form.append('file', new File([new TextEncoder().encode(rows.join('\n'))], 'paper.csv'));
      const imported = await api.post(`/api/reviews/${s.body.id}/paper`, form);
      expect(imported.body).toEqual({ imported: 3, votes: 6 });
      expect((await api.post(`/api/reviews/${s.body.id}/transition`, { to: 'closed' })).status).toBe(200);
      const results = await api.get(`/api/reviews/${s.body.id}/results`);
      expect(results.body.subjects.map((x: any) => x.sheets)).toEqual([3, 3]);
    });
  });
});

describe('a duty review whose "本单位" group rates its own secretary only', () => {
  let session: number;
  const codes: Record<string, string[]> = {};

  it('binds raters to subjects and shows each code only its subjects', async () => {
    const s = await api.post('/api/reviews', { year: YEAR, orgId: street.id, title: '社区书记述职评议', items: [], groups: [{ key: 'superior', label: '上级党委', weight: 0.6 }, { key: 'unit', label: '本单位', weight: 0.4 }], partialSheets: true });
    expect(s.status).toBe(201);
    session = s.body.id;
    expect((await api.post(`/api/reviews/${session}/subjects`, { orgIds: [c.A.id, c.B.id, c.C.id] })).status).toBe(200);
    codes.superior = (await api.post(`/api/reviews/${session}/raters`, { group: 'superior', codes: 3 })).body.codes;
    for (const [k, n] of [['A', 3], ['B', 4], ['C', 3]] as const) {
      const r = await api.post(`/api/reviews/${session}/raters`, { group: 'unit', codes: n, subjectOrgIds: [c[k].id] });
      expect(r.status).toBe(201);
      codes[k] = r.body.codes;
    }
    const outsider = await api.post(`/api/reviews/${session}/raters`, { group: 'unit', codes: 1, subjectOrgIds: [street.id] });
    expect(outsider.status).toBe(400);
    expect(outsider.body.error.message).toBe('subjectOrgIds.0：不是本次评议的被评议组织，请先添加为被评议组织');
    expect((await api.post(`/api/reviews/${session}/transition`, { to: 'open' })).status).toBe(200);
    const page = await (await app.request(`/r/${codes.A![0]}`)).text();
    expect(page).toContain('请对下列 1 个党组织书记中您了解的逐项评议');
    expect(page).toContain(`v.${c.A.id}.overall`);
    expect(page).not.toContain(`v.${c.B.id}.overall`);
  });

  it('refuses a vote on another unit\'s secretary, and takes partial sheets of different sizes', async () => {
    const wrong = await vote(codes.A![0]!, { B: '好' });
    expect(wrong.status).toBe(400);
    // Superior sheets, the third leaving C out: A 好 好 较好, B 好 一般 好, C 较好 好.
    for (const [i, sheet] of [{ A: '好', B: '好', C: '较好' }, { A: '好', B: '一般' }, { A: '较好', B: '好', C: '好' }].entries()) expect((await vote(codes.superior![i]!, sheet)).status, `superior ${i}`).toBe(200);
    // Unit sheets, each on its own secretary: A 好 一般 好; B 较好 ×4; C 差 一般 好.
    for (const [k, answers] of [['A', ['好', '一般', '好']], ['B', ['较好', '较好', '较好', '较好']], ['C', ['差', '一般', '好']]] as const) {
      for (const [i, a] of answers.entries()) expect((await vote(codes[k]![i]!, { [k]: a })).status, `${k} ${i}`).toBe(200);
    }
    expect((await api.post(`/api/reviews/${session}/transition`, { to: 'closed' })).status).toBe(200);
    const results = await api.get(`/api/reviews/${session}/results`);
    const sheets = Object.fromEntries(results.body.subjects.map((s: any) => [s.orgName, s.groups.map((g: any) => `${g.label} ${g.sheets}`)]));
    expect(Object.values(sheets)).toEqual([['上级党委 3', '本单位 3'], ['上级党委 3', '本单位 4'], ['上级党委 2', '本单位 3']]);
  });

  it('scores each secretary by the hand computation', async () => {
    expect((await api.post(`/api/cycles/${YEAR}/score`, {})).status).toBe(200);
    const total = async (k: 'A' | 'B' | 'C') => (await api.get(`/api/cycles/${YEAR}/orgs/${c[k].id}/scorecard`)).body.total;
    // 好 100, 较好 80, 一般 60, 差 0; groups weighted 上级党委 0.6, 本单位 0.4; × 0.4.
    // A: superior (100+100+80)/3 = 93.33…, unit (100+60+100)/3 = 86.67…; 0.6×93.33… + 0.4×86.67… = 90.67…; × 0.4 = 36.27.
    expect(await total('A')).toBe('36.27');
    // B: superior (100+60+100)/3 = 86.67…, unit 80; 52 + 32 = 84; × 0.4 = 33.60.
    expect(await total('B')).toBe('33.60');
    // C: superior (80+100)/2 = 90, unit (0+60+100)/3 = 53.33…; 54 + 21.33… = 75.33…; × 0.4 = 30.13.
    expect(await total('C')).toBe('30.13');
  });
});
