import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, type CliIo } from '../../src/entry/cli-program';
import { databaseCatalog } from '../../src/features/catalog/manage-kinds';
import { scoreCycle } from '../../src/features/scoring/score-cycle';
import { parseCatalog, seedCatalog } from '../../src/rules/catalog';
import { compileRuleSet } from '../../src/rules/compile';
import { ruleSetRegistry } from '../../src/rules/registry';
import { client, setupTestApp, testRuleSets, type TestApp } from '../support/app';
import { cliCtx, createCycle, createToken, createTree, type Tree } from '../support/factories';

/**
 * Ledger kinds are the catalog's first member (DECISIONS.md): the administrator of the only top-level organization
 * adds 共建活动, a rule file counts it, a year's preview and publication accept it, records of it are scored through
 * the database; retired, it takes no new records and its old ones still count. A database of its own: the catalog is
 * the whole database's, and only the admin of its one district edits it.
 */

let t: TestApp;
let tree: Tree;
let admin: ReturnType<typeof client>;
let checker: ReturnType<typeof client>;
let year: number;
let laterYear: number;
const dir = mkdtempSync(join(tmpdir(), 'xp-catalog-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** rules/grid.json counting 共建活动 (or another kind) where it counted micro-wishes: 2 points each, at most 10. */
function gridDraft(kind: string): any {
  const r = JSON.parse(readFileSync('rules/grid.json', 'utf8'));
  r.version = `${r.version}-cobuilding`;
  r.facts.microWishes = { source: 'ledger.count', label: '共建活动', kinds: [kind] };
  return r;
}

const csv = (lines: string[]) => {
  const form = new FormData();
  form.append('file', new File([new TextEncoder().encode(lines.join('\n'))], 'ledger.csv'));
  return form;
};

async function cli(argv: string[]) {
  const out: string[] = [];
  const io: CliIo = { out: (s) => out.push(s), err: (s) => out.push(s), progress: () => {} };
  const code = await runCommand(argv, (fn) => fn({ ctx: cliCtx(t.db), deps: t.deps }), io, dir);
  return { code, text: out.join('\n') };
}

async function auditOf(code: string) {
  return t.db.selectFrom('audit_log').select(['action', 'actor_id', 'before', 'after']).where('entity', '=', 'record_kind').where('entity_id', '=', code).orderBy('id').execute();
}

/** The scorecard line of the grid's 共建活动 clause, from the newest revision. */
async function cobuildingLine(y: number) {
  const card = await admin.get(`/api/cycles/${y}/orgs/${tree.grid.id}/scorecard`);
  expect(card.status, JSON.stringify(card.body)).toBe(200);
  const lines = card.body.parts.flatMap((p: any) => p.indicators.flatMap((i: any) => i.lines));
  return lines.find((l: any) => 'microWishes' in l.facts);
}

beforeAll(async () => {
  t = await setupTestApp({ isolated: true });
  tree = await createTree(t.db, '目录');
  admin = client(t.app, await createToken(t.db, 'admin', tree.district.id));
  checker = client(t.app, await createToken(t.db, 'admin', tree.street.id));
  year = await createCycle(t.db, 'collecting');
  laterYear = await createCycle(t.db, 'collecting');
}, 60_000);

describe('the catalog of ledger kinds', () => {
  it('starts as the seed (src/domain/catalog.ts, rules/catalog.json)', async () => {
    expect(await databaseCatalog({ db: t.db })).toEqual(seedCatalog);
    const listed = await admin.get('/api/catalog/kinds');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((k: any) => k.code)).toEqual(seedCatalog.kinds.map((k) => k.code));
    expect(listed.body.items.find((k: any) => k.code === 'volunteer')).toMatchObject({ name: '志愿服务', requiresHours: true, measure: 'outcome', measureLabel: '成效', retired: false, createdBy: 'migration' });
  });

  it('is edited only by the administrator of the top-level organization, with Chinese errors naming the field', async () => {
    const body = { code: 'cobuilding_activity', name: '共建活动', group: '共驻共建', period: 'quarter', measure: 'outcome' };
    for (const role of ['leader', 'org_user'] as const) {
      const res = await client(t.app, await createToken(t.db, role, tree.district.id)).post('/api/catalog/kinds', body);
      expect(res.status, role).toBe(403);
    }
    const street = await checker.post('/api/catalog/kinds', body);
    expect(street.status).toBe(403);
    expect(street.body.error.message).toBe('只有顶级组织的管理员可以修改目录（台账记录类型、考核类别、双向评价表）');
    const bad = await admin.post('/api/catalog/kinds', { ...body, code: 'Cobuilding-Activity' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0]).toMatchObject({ field: 'code', message: expect.stringContaining('只能用小写字母、数字和下划线') });
    const taken = await admin.post('/api/catalog/kinds', { ...body, name: '主题党日' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toBe('name：「主题党日」已被台账记录类型 theme_day（主题党日）使用');
    expect((await admin.post('/api/catalog/kinds', { ...body, code: 'theme_day' })).body.error.details.field).toBe('code');
    expect(await auditOf('cobuilding_activity')).toEqual([]);
  });

  it('takes a new kind, audited, and offers it to new records', async () => {
    const created = await admin.post('/api/catalog/kinds', { code: 'cobuilding_activity', name: '共建活动', group: '共驻共建', period: 'quarter', measure: 'trace' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ code: 'cobuilding_activity', periodLabel: '每季度', requiresHours: false, retired: false });
    const changed = await admin.patch('/api/catalog/kinds/cobuilding_activity', { measure: 'outcome' });
    expect(changed.body).toMatchObject({ measure: 'outcome', measureLabel: '成效' });
    expect((await admin.patch('/api/catalog/kinds/no_such_kind', { measure: 'outcome' })).status).toBe(404);
    const audit = await auditOf('cobuilding_activity');
    expect(audit.map((a) => a.action)).toEqual(['kind.create', 'kind.update']);
    expect(audit[0]!.actor_id).toMatch(/^user:\d+$/);
    expect([audit[1]!.before, audit[1]!.after].map((x: any) => x.measure)).toEqual(['trace', 'outcome']);
    const offered = await admin.get('/api/ledger/kinds');
    expect(offered.body.items.map((k: any) => k.code)).toContain('cobuilding_activity');
  });

  it('counts records of the new kind in a year whose published rule set names it', async () => {
    for (const [i, title] of ['共建签约', '联合志愿活动', '共建党课'].entries()) {
      const r = await admin.post('/api/ledger', { orgId: tree.grid.id, kind: i === 0 ? '共建活动' : 'cobuilding_activity', occurredOn: `${year}-0${i + 3}-10`, title });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body.kindName).toBe('共建活动');
      expect((await checker.post(`/api/ledger/${r.body.id}/verify`)).status).toBe(200);
    }
    expect((await admin.post(`/api/cycles/${year}/transition`, { to: 'reviewing' })).status).toBe(200);

    const unknown = await admin.post(`/api/cycles/${year}/rules/preview`, { ruleSet: gridDraft('cobuilding_activty') });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('$.facts.microWishes.kinds[0] 未知的台账记录类型「cobuilding_activty」，现有的类型：');
    expect(unknown.body.error.message).toContain('cobuilding_activity（共建活动）');
    expect((await admin.post(`/api/cycles/${year}/rules/publish`, { ruleSet: gridDraft('cobuilding_activty') })).status).toBe(400);

    const preview = await admin.post(`/api/cycles/${year}/rules/preview`, { ruleSet: gridDraft('cobuilding_activity') });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const published = await admin.post(`/api/cycles/${year}/rules/publish`, { ruleSet: gridDraft('cobuilding_activity'), previewId: preview.body.previewId });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect((await admin.post(`/api/cycles/${year}/score`, {})).status).toBe(200);
    const line = await cobuildingLine(year);
    expect(line.facts.microWishes).toBe(3);
    expect(line.points).toBe('6.00');
  }, 120_000);

  it('retires a kind: no new records of it, the old ones still counted', async () => {
    const retired = await admin.post('/api/catalog/kinds/cobuilding_activity/retire');
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ retired: true, records: 3 });
    expect((await admin.post('/api/catalog/kinds/cobuilding_activity/retire')).status).toBe(409);
    expect((await auditOf('cobuilding_activity')).map((a) => a.action)).toEqual(['kind.create', 'kind.update', 'kind.retire']);

    for (const kind of ['cobuilding_activity', '共建活动']) {
      const refused = await admin.post('/api/ledger', { orgId: tree.grid.id, kind, occurredOn: `${laterYear}-05-05`, title: '停用后的共建活动' });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details.issues[0].field).toBe('kind');
      expect(refused.body.error.message).toMatch(/^kind：记录类型「共建活动」已停用，不再接受新的记录，可选：支部党员大会、/);
      expect(refused.body.error.message.split('可选：')[1]).not.toContain('共建活动');
    }
    const unknown = await admin.post('/api/ledger', { orgId: tree.grid.id, kind: '共建', occurredOn: `${laterYear}-05-05`, title: '未知类型' });
    expect(unknown.body.error.message).toMatch(/^kind：未知的记录类型「共建」，可选：支部党员大会、.*志愿服务/);
    const imported = await admin.post('/api/imports/ledger', csv(['组织编码,记录类型,日期,标题', `${tree.grid.code},共建活动,${laterYear}-05-06,停用后导入`]));
    expect(imported.status).toBe(400);
    expect(JSON.stringify(imported.body.error.details)).toContain('已停用');
    expect((await admin.get('/api/ledger/kinds')).body.items.map((k: any) => k.code)).not.toContain('cobuilding_activity');
    expect((await admin.get('/api/catalog/kinds')).body.items.find((k: any) => k.code === 'cobuilding_activity')).toMatchObject({ retired: true });

    // The year's pinned rule set still names the kind: scoring again counts the three records as before.
    expect((await admin.post(`/api/cycles/${year}/score`, {})).status).toBe(200);
    expect((await cobuildingLine(year)).facts.microWishes).toBe(3);
  }, 120_000);

  it('refuses to score with a rule set in force that names a kind the database lacks, listing the existing ones', async () => {
    const ghostCatalog = { ...seedCatalog, kinds: [...seedCatalog.kinds, { code: 'ghost_kind', name: '幽灵类型', group: '测试', period: null, measure: 'outcome' as const, requiresHours: false }] };
    const ghost = await compileRuleSet(JSON.stringify(gridDraft('ghost_kind')), 'ghost.json', { catalog: ghostCatalog });
    const y = await createCycle(t.db, 'reviewing');
    const ruleSets = ruleSetRegistry([ghost, ...(await testRuleSets()).all.filter((c) => !c.ruleSet.categories.includes('grid'))]);
    const failure = await scoreCycle({ ctx: cliCtx(t.db), year: y, ruleSets }).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(failure).toContain('用到了数据库中没有的台账记录类型：事实「microWishes」的「ghost_kind」');
    expect(failure).toContain('现有的类型：branch_assembly（支部党员大会）');
    expect(failure).not.toContain('cobuilding_activity'); // retired: not offered
  }, 60_000);
});

describe('npx xingping kind … and rules catalog', () => {
  it('adds, changes and retires a kind from the command line, and exports the catalog rules validate reads', async () => {
    const created = await cli(['kind', 'create', 'volunteer_guidance', '--name', '志愿服务指导', '--group', '服务群众', '--measure', 'outcome', '--hours']);
    expect(created, created.text).toMatchObject({ code: 0 });
    expect(created.text).toContain('已新增台账记录类型：volunteer_guidance\t志愿服务指导\t服务群众\t不定期\t成效\t须填时长');
    expect((await cli(['kind', 'update', 'volunteer_guidance', '--period', 'month', '--no-hours'])).text).toContain('volunteer_guidance\t志愿服务指导\t服务群众\t每月\t成效');
    expect((await cli(['kind', 'update', 'volunteer_guidance', '--hours'])).code).toBe(0);
    const noHours = await admin.post('/api/ledger', { orgId: tree.grid.id, kind: '志愿服务指导', occurredOn: `${laterYear}-06-01`, title: '指导志愿服务' });
    expect(noHours.status).toBe(400);
    expect(noHours.body.error.details.issues[0].field).toBe('hours');
    expect((await admin.post('/api/ledger', { orgId: tree.grid.id, kind: '志愿服务指导', occurredOn: `${laterYear}-06-01`, title: '指导志愿服务', hours: 2 })).status).toBe(201);
    expect((await cli(['kind', 'create', 'Bad', '--name', '坏', '--group', '坏', '--measure', 'outcome'])).text).toContain('code：只能用小写字母');

    const out = join(dir, 'catalog.json');
    expect((await cli(['rules', 'catalog', '--out', out])).code).toBe(0);
    const exported = parseCatalog(readFileSync(out, 'utf8'), 'catalog.json');
    expect(exported.ok && exported.catalog.kinds.slice(-2)).toEqual([
      { code: 'cobuilding_activity', name: '共建活动', group: '共驻共建', period: 'quarter', measure: 'outcome', requiresHours: false, retired: true },
      { code: 'volunteer_guidance', name: '志愿服务指导', group: '服务群众', period: 'month', measure: 'outcome', requiresHours: true },
    ]);
    writeFileSync(join(dir, 'guidance.json'), JSON.stringify(gridDraft('volunteer_guidance')));
    const offline = await cli(['rules', 'validate', '--catalog', out, join(dir, 'guidance.json')]);
    expect(offline, offline.text).toMatchObject({ code: 0 });
    const seedOnly = await cli(['rules', 'validate', join(dir, 'guidance.json')]);
    expect(seedOnly.code).toBe(1);
    expect(seedOnly.text).toContain('错误：guidance.json $.facts.microWishes.kinds[0]：未知的台账记录类型「volunteer_guidance」');

    const retired = await cli(['kind', 'retire', 'volunteer_guidance']);
    expect(retired.text).toBe('已停用「志愿服务指导」（volunteer_guidance）：已有 1 条记录，照常计分；不再接受新记录。');
    expect((await cli(['kind', 'list'])).text).toMatch(/volunteer_guidance\t志愿服务指导\t服务群众\t每月\t成效\t须填时长\t已停用（\d{4}-\d\d-\d\d）/);
    expect((await auditOf('volunteer_guidance')).map((a) => [a.action, a.actor_id])).toEqual([
      ['kind.create', 'cli'],
      ['kind.update', 'cli'],
      ['kind.update', 'cli'],
      ['kind.retire', 'cli'],
    ]);
  }, 60_000);
});
