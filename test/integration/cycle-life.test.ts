import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exceljsSpreadsheet } from '../../src/adapters/spreadsheet-exceljs';
import { createApp } from '../../src/app';
import { quietLogger } from '../../src/deps';
import { runCommand, type CliIo } from '../../src/entry/cli-program';
import { cliActor } from '../../src/features/context';
import { fixedClock, type Clock } from '../../src/lib/clock';
import { compileRuleSet } from '../../src/rules/compile';
import { ruleSetRegistry, type RuleSets } from '../../src/rules/registry';
import { client, testAuthDeps, testBallotOptions, testRuleSets, testPrinting } from '../support/app';
import { openIsolatedDatabase } from '../support/db';
import { getScorecard } from '../../src/features/scoring/get-scorecard';
import { cliCtx, createOrg, createToken } from '../support/factories';

/**
 * A rubric written for this test in the manner of 洪雅县 (五星 90 分以上, 四星 80–89, 三星 70–79, below 70 不评星级),
 * with a five-star quota and a veto, on a small data set whose totals are declared; then the whole life of the
 * cycle: computed → published → appeal → recompute → finalized → correction, and every route refusing to
 * recompute a finalized cycle. Cycles are shared, so this file has a database of its own.
 */
const rubric = {
  id: 'hongya-test',
  title: '洪雅式网格星级评定',
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
    consequences: { five: ['计为先进基层党组织', '党建经费按 110% 拨付'], unrated: ['扣减 10% 党建经费'] },
  },
};

let handle: Awaited<ReturnType<typeof openIsolatedDatabase>>;
let rules: RuleSets;
let grids: { id: number; code: string }[] = [];
let districtId: number;
const YEAR = 2030;
const scores = [95, 93, 91, 88, 85, 79, 72, 69, 50, 92];

function appWith(clock: Clock) {
  return createApp({ db: handle.db, dbKind: handle.kind, clock, logger: quietLogger, spreadsheet: exceljsSpreadsheet, ruleSets: rules, printing: testPrinting(), ballots: testBallotOptions(), ...testAuthDeps(handle.db, handle.kind, clock) });
}

beforeAll(async () => {
  handle = await openIsolatedDatabase();
  rules = ruleSetRegistry([await compileRuleSet(JSON.stringify(rubric), 'hongya-test.json')]);
  const district = await createOrg(handle.db, { kind: 'district' });
  districtId = district.id;
  const street = await createOrg(handle.db, { kind: 'street', parent_id: district.id });
  const community = await createOrg(handle.db, { kind: 'community', parent_id: street.id, category: null });
  await handle.db.insertInto('cycles').values({ year: YEAR, state: 'reviewing' }).execute();
  for (const [i, s] of scores.entries()) {
    const g = await createOrg(handle.db, { kind: 'grid', parent_id: community.id, code: `G${String(i + 1).padStart(2, '0')}` });
    grids.push({ id: g.id, code: g.code });
    await handle.db.insertInto('declared_facts').values({ cycle_year: YEAR, org_id: g.id, key: 'test.score', value: String(s), note: null, created_by: 'test' }).execute();
  }
  // The last grid (92 points) had a discipline case.
  await handle.db.insertInto('org_records').values({ cycle_year: YEAR, org_id: grids[9]!.id, type: 'discipline', level: null, title: '违纪案件', grade: null, reason: '通报', approver: null, evidence: '[]', recorded_on: `${YEAR}-06-01`, created_by: 'test' }).execute();
});
afterAll(() => handle.drop());

async function gradesOf(revisionId: number) {
  const rows = await handle.db.selectFrom('grades').select(['org_id', 'grade', 'rank_category']).where('revision_id', '=', revisionId).execute();
  return Object.fromEntries(rows.map((r) => [grids.find((g) => g.id === r.org_id)!.code, r.grade]));
}

describe('grading a small data set by a rubric with bands, a quota and a veto', () => {
  it('matches the hand computation', async () => {
    const api = client(appWith(fixedClock(`${YEAR + 1}-01-10T04:00:00Z`)), await createToken(handle.db, 'admin', districtId));
    const res = await api.post(`/api/cycles/${YEAR}/score`, {});
    expect(res.status).toBe(200);
    // Bands: 95, 93, 91, 92 → five; 88, 85 → four; 79, 72 → three; 69, 50 → unrated.
    // Veto: G10 (92) had a discipline case → unrated.
    // Quota: five ≤ 20% of 10 → 2: G01 (95) and G02 (93) keep five; G03 (91) goes down to four.
    expect(await gradesOf(res.body.revisionId)).toEqual({
      G01: 'five', G02: 'five', G03: 'four', G04: 'four', G05: 'four', G06: 'three', G07: 'three', G08: 'unrated', G09: 'unrated', G10: 'unrated',
    });
    expect(res.body.categories[0].grades).toEqual({ 五星: 2, 四星: 3, 三星: 2, 不评星级: 3 });
    const card = await api.get(`/api/cycles/${YEAR}/orgs/${grids[2]!.id}/scorecard`);
    // Ranks follow the score: 95, 93, 92 (G10, vetoed but still ranked by score), then 91 → fourth.
    expect(card.body.grade).toMatchObject({ grade: 'four', rankCategory: 4, move: '首次定级' });
    expect(card.body.grade.steps).toEqual(['总分 91 分，在「90 分及以上」分数段：五星', '五星不超过 20%（本类别 10 个组织中最多 2 个），按排名降为四星']);
    expect(card.body.grade.next.blockers[0]).toContain('名额限制');
  });
});

describe('the cycle from computed to finalized', () => {
  const during = fixedClock(`${YEAR + 1}-01-12T04:00:00Z`);
  const after = fixedClock(`${YEAR + 1}-02-01T04:00:00Z`);

  it('publishes, takes an appeal, recomputes, and finalizes only after the window with nothing open', async () => {
    const admin = client(appWith(during), await createToken(handle.db, 'admin', districtId));
    const published = await admin.post(`/api/cycles/${YEAR}/publish`, { appealDays: 7 });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ state: 'published', publishedOn: `${YEAR + 1}-01-12`, appealDeadline: `${YEAR + 1}-01-19` });

    // One application serves the 组织部 and the branch from the scorecards it built once (issue 18): the admin's copy has
    // the ranks, the branch's does not (showRankTo), whichever was built first, and both equal a scorecard built afresh.
    const shared = appWith(during);
    const asAdmin = client(shared, await createToken(handle.db, 'admin', districtId));
    const asBranch = client(shared, await createToken(handle.db, 'org_user', grids[2]!.id));
    for (let i = 0; i < 2; i++) {
      expect((await asAdmin.get(`/api/cycles/${YEAR}/orgs/${grids[2]!.id}/scorecard`)).body.grade).toMatchObject({ rankCategory: 4, ranksVisible: true });
      expect((await asBranch.get(`/api/cycles/${YEAR}/orgs/${grids[2]!.id}/scorecard`)).body.grade).toMatchObject({ rankCategory: null, rankParent: null, ranksVisible: false });
    }
    const fresh = await getScorecard({ ctx: { ...cliCtx(handle.db), actor: { ...cliActor(), role: 'org_user', orgId: grids[2]!.id, orgPath: '/' } }, year: YEAR, orgId: grids[2]!.id });
    expect((await asBranch.get(`/api/cycles/${YEAR}/orgs/${grids[2]!.id}/scorecard`)).body).toEqual(JSON.parse(JSON.stringify(fresh)));

    const branch = client(appWith(during), await createToken(handle.db, 'org_user', grids[2]!.id));
    // Evidence: a file uploaded for the grid itself through the storage port, and a text reference.
    const upload = async (orgId: number) => {
      const f = new FormData();
      f.set('file', new File([Buffer.from('%PDF-1.4 第四季度服务记录')], '服务记录.pdf'));
      f.set('orgId', String(orgId));
      f.set('purpose', 'appeal_evidence');
      return admin.post('/api/files', f);
    };
    const file = await upload(grids[2]!.id);
    expect(file.status).toBe(201);
    const foreign = await upload(grids[1]!.id);
    const refused = await branch.post(`/api/cycles/${YEAR}/appeals`, { orgId: grids[2]!.id, reason: '申报得分漏计了第四季度的服务', evidence: [{ fileId: foreign.body.id }] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain(`文件 ${foreign.body.id} 不存在或不属于该组织`);
    const appeal = await branch.post(`/api/cycles/${YEAR}/appeals`, { orgId: grids[2]!.id, reason: '申报得分漏计了第四季度的服务', evidence: [{ name: '说明', ref: 'files/appeal.pdf' }, { fileId: file.body.id }] });
    expect(appeal.status).toBe(201);
    expect(appeal.body).toMatchObject({ status: 'open', statusLabel: '待处理', decisionReason: null, evidence: [{ name: '说明', ref: 'files/appeal.pdf' }, { name: '服务记录.pdf', fileId: file.body.id, mime: 'application/pdf' }] });
    const seen = await admin.get(`/api/cycles/${YEAR}/appeals`);
    expect(seen.body.items).toEqual([expect.objectContaining({ id: appeal.body.id, orgId: grids[2]!.id, reason: '申报得分漏计了第四季度的服务' })]);
    expect((await branch.post(`/api/cycles/${YEAR}/appeals`, { orgId: grids[1]!.id, reason: '替兄弟支部申诉' })).status).toBe(403);

    expect((await admin.post(`/api/cycles/${YEAR}/finalize`)).status).toBe(409); // window still open
    const decided = await admin.post(`/api/cycles/${YEAR}/appeals/${appeal.body.id}/decide`, { decision: 'accepted', reason: '核实后补录第四季度服务得分' });
    expect(decided.body).toMatchObject({ status: 'accepted', statusLabel: '已采纳', decisionReason: '核实后补录第四季度服务得分' });
    // The branch follows the decision on its own list.
    expect((await branch.get(`/api/cycles/${YEAR}/appeals`)).body.items).toEqual([expect.objectContaining({ id: appeal.body.id, status: 'accepted', decisionReason: '核实后补录第四季度服务得分' })]);
    // The accepted appeal: the declared score is corrected (allowed while published) and the cycle rescored.
    await handle.db.updateTable('declared_facts').set({ value: '96' }).where('org_id', '=', grids[2]!.id).execute();
    const rescored = await admin.post(`/api/cycles/${YEAR}/score`, { note: '申诉采纳后重新计分' });
    expect(rescored.status).toBe(200);
    expect(rescored.body.state).toBe('published');
    // Now G03 (96) ranks first and keeps five; G02 (93) is pushed down to four by the 20% quota.
    expect(await gradesOf(rescored.body.revisionId)).toMatchObject({ G01: 'five', G02: 'four', G03: 'five' });
    // The rankings say why: G02's grade was decided by the quota (the stored step code), in the scorecard's own step.
    const rankings = await admin.get(`/api/cycles/${YEAR}/rankings`);
    const byCode = Object.fromEntries(rankings.body.items.map((i: any) => [i.code, i]));
    expect(byCode.G02.reason).toMatchObject({ code: 'quota', label: '等次比例限制' });
    expect(byCode.G03.reason).toEqual({ code: 'band', label: '按总分分数段', text: '' });
    const card = await admin.get(`/api/cycles/${YEAR}/orgs/${grids[1]!.id}/scorecard`);
    expect(byCode.G02.reason.text).toBe(`等次比例限制：${card.body.grade.steps.at(-1)}`);
    expect(rankings.body.revisionId).toBe(rescored.body.revisionId);
    expect((await branch.get(`/api/cycles/${YEAR}/rankings`)).status).toBe(403);

    const adminAfter = client(appWith(after), await createToken(handle.db, 'admin', districtId));
    const finalized = await adminAfter.post(`/api/cycles/${YEAR}/finalize`);
    expect(finalized.status).toBe(200);
    expect(finalized.body).toMatchObject({ state: 'finalized', finalRevisionId: rescored.body.revisionId });
  });

  it('refuses, through every route and the command line, anything that would recompute or rewrite a finalized cycle', async () => {
    const admin = client(appWith(after), await createToken(handle.db, 'admin', districtId));
    const state = async () => {
      const c = await handle.db.selectFrom('cycles').select(['state', 'final_revision_id']).where('year', '=', YEAR).executeTakeFirstOrThrow();
      const n = await handle.db.selectFrom('score_revisions').select((eb) => eb.fn.countAll<number>().as('n')).where('cycle_year', '=', YEAR).executeTakeFirstOrThrow();
      return { ...c, revisions: Number(n.n) };
    };
    const before = await state();
    const attempts = fc.oneof(
      fc.constant({ method: 'POST', path: `/api/cycles/${YEAR}/score`, body: {} }),
      fc.constant({ method: 'POST', path: `/api/cycles/${YEAR}/publish`, body: {} }),
      fc.constant({ method: 'POST', path: `/api/cycles/${YEAR}/finalize`, body: undefined }),
      fc.integer({ min: 0, max: 9 }).map((i) => ({ method: 'POST', path: `/api/cycles/${YEAR}/inspections`, body: { orgId: grids[i]!.id, indicator: 'all', points: -1, reason: '定档后补扣', inspectedOn: `${YEAR}-12-01` } })),
      fc.integer({ min: 0, max: 9 }).map((i) => ({ method: 'PUT', path: `/api/cycles/${YEAR}/facts`, body: { orgId: grids[i]!.id, key: 'test.score', value: 100 } })),
      fc.integer({ min: 0, max: 9 }).map((i) => ({ method: 'POST', path: `/api/cycles/${YEAR}/records`, body: { orgId: grids[i]!.id, type: 'innovation', title: '定档后补报项目', reason: '补报', recordedOn: `${YEAR}-12-01` } })),
      fc.integer({ min: 0, max: 9 }).map((i) => ({ method: 'POST', path: `/api/cycles/${YEAR}/appeals`, body: { orgId: grids[i]!.id, reason: '定档后再申诉' } })),
      fc.constant({ method: 'POST', path: `/api/cycles/${YEAR}/rules/publish`, body: { ruleSet: { ...rubric, version: '2' } } }),
      fc.integer({ min: 0, max: 9 }).map((i) => ({ method: 'POST', path: '/api/ledger', body: { orgId: grids[i]!.id, kind: 'theme_day', occurredOn: `${YEAR}-12-01`, title: '定档后补录' } })),
    );
    await fc.assert(
      fc.asyncProperty(attempts, async (a) => {
        const res = await admin.call(a.method, a.path, a.body);
        return res.status >= 400 && res.status < 500;
      }),
      { numRuns: 40 },
    );
    const out: string[] = [];
    const io: CliIo = { out: (t) => out.push(t), err: (t) => out.push(t), progress: () => {} };
    const ctx = { actor: cliActor(), db: handle.db, clock: after, requestId: null };
    const code = await runCommand(['score', '--cycle', String(YEAR)], (fn) => fn({ ctx, deps: { db: handle.db, dbKind: handle.kind, clock: after, logger: quietLogger, spreadsheet: exceljsSpreadsheet, ruleSets: rules, printing: testPrinting(), ballots: testBallotOptions(), ...testAuthDeps(handle.db, handle.kind, after) } }), io, process.cwd());
    expect(code).toBe(1);
    expect(out.join('\n')).toContain('已定档，只能通过更正（corrections）修改结果');
    // A broken draft rule file is named in the error, not thrown as a stack trace.
    const dir = mkdtempSync(join(tmpdir(), 'xp-draft-'));
    writeFileSync(join(dir, 'draft.json'), '{ "id": "grid", ');
    out.length = 0;
    const bad = await runCommand(['rules', 'preview', 'draft.json', '--cycle', String(YEAR)], (fn) => fn({ ctx, deps: { db: handle.db, dbKind: handle.kind, clock: after, logger: quietLogger, spreadsheet: exceljsSpreadsheet, ruleSets: rules, printing: testPrinting(), ballots: testBallotOptions(), ...testAuthDeps(handle.db, handle.kind, after) } }), io, dir);
    rmSync(dir, { recursive: true, force: true });
    expect(bad).toBe(1);
    expect(out.join('\n')).toMatch(/^错误：draft\.json 不是有效的 JSON：/);
    expect(await state()).toEqual(before);
  });

  it('changes a finalized result only by a recorded correction that makes a new final revision', async () => {
    const admin = client(appWith(after), await createToken(handle.db, 'admin', districtId));
    const before = await handle.db.selectFrom('cycles').select('final_revision_id').where('year', '=', YEAR).executeTakeFirstOrThrow();
    const res = await admin.post(`/api/cycles/${YEAR}/corrections`, { orgId: grids[7]!.id, total: '70', grade: 'three', reason: '复核发现申报得分录入错误（69 应为 70）' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ before: { total: '69.00', grade: 'unrated' }, after: { total: '70.00', grade: 'three', gradeLabel: '三星' }, fromRevisionId: before.final_revision_id });
    const cycle = await handle.db.selectFrom('cycles').select('final_revision_id').where('year', '=', YEAR).executeTakeFirstOrThrow();
    expect(cycle.final_revision_id).toBe(res.body.revisionId);
    const card = await admin.get(`/api/cycles/${YEAR}/orgs/${grids[7]!.id}/scorecard`);
    expect(card.body).toMatchObject({ total: '70.00', grade: { grade: 'three' } });
    expect(card.body.grade.steps.at(-1)).toContain('复核发现申报得分录入错误');
    // The old final revision is kept as it was.
    const old = await handle.db.selectFrom('scores').select('total').where('revision_id', '=', before.final_revision_id!).where('org_id', '=', grids[7]!.id).executeTakeFirstOrThrow();
    expect(old.total).toBe('69.00');
    const audit = await admin.get(`/api/audit?entity=score`);
    expect(audit.body.items[0]).toMatchObject({ action: 'result.correct', before: { total: '69.00' } });
  });

  it('exports the results as the workbook a 组织部 files', async () => {
    const res = await appWith(after).request(`/api/cycles/${YEAR}/results.xlsx`, { headers: { authorization: `Bearer ${await createToken(handle.db, 'leader', districtId)}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['网格党支部', '后进党组织名单', '说明']);
    const ws = wb.getWorksheet('网格党支部')!;
    expect(ws.getCell('A1').value).toBe(`${YEAR} 年度网格党支部考核评定结果`);
    expect((ws.getRow(2).values as unknown[]).slice(1, 7)).toEqual(['名次', '组织编码', '组织名称', '上级组织', '总分', '等次']);
    expect((ws.getRow(3).values as unknown[]).slice(1, 7)).toEqual([1, 'G03', expect.any(String), expect.any(String), 96, '五星']);
    expect(ws.rowCount).toBe(2 + 10);
  });
});
