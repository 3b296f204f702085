import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, type CliIo } from '../../src/entry/cli-program';
import { exportInForce, loadInForce, ruleFileText, syncRuleFiles, systemActor } from '../../src/features/rulesets/rules-in-force';
import { scoreCycle } from '../../src/features/scoring/score-cycle';
import { compileRuleSet, type CompiledRuleSet } from '../../src/rules/compile';
import type { RuleSetsHolder } from '../../src/rules/registry';
import { client, setupTestApp, testRuleSets, type TestApp } from '../support/app';
import { openIsolatedDatabase } from '../support/db';
import { cliCtx, createToken, createTree, type Tree } from '../support/factories';

/**
 * Rule-set drafts (/api/rule-drafts) and the database as the truth for the rule sets in force: a draft copied from
 * the version in force, saved broken and fixed, previewed on a year with results, published into it after the
 * preview; the holder serving what is in force reloads; rules/ seeds a fresh database and a changed file becomes
 * one draft; `rules export` and `rules import` round-trip.
 */

let t: TestApp;
let tree: Tree;
let admin: ReturnType<typeof client>;
let leader: ReturnType<typeof client>;
let files: readonly CompiledRuleSet[];
let gridHash: string;
/** A year of its own (drafts are published into years ≥ 1900; an isolated database has no other cycle). */
const year = 2031;

const ok = (res: { status: number; body: any }, status = 200) => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
};

beforeAll(async () => {
  t = await setupTestApp({ isolated: true });
  tree = await createTree(t.db, '细则草稿');
  await t.db.insertInto('cycles').values({ year, state: 'reviewing' }).execute();
  files = (await testRuleSets()).all;
  gridHash = files.find((f) => f.ruleSet.categories.includes('grid'))!.hash;
  // The year has results, scored with the files (and so pinned to them).
  await scoreCycle({ ctx: cliCtx(t.db), year, ruleSets: await testRuleSets() });
  admin = client(t.app, await createToken(t.db, 'admin', tree.district.id));
  leader = client(t.app, await createToken(t.db, 'leader', tree.district.id));
}, 120_000);

describe('rule-set drafts through the API', () => {
  let draft: any;
  let holder: RuleSetsHolder;

  it('copies the version in force as a rule file: $schema first, valid, based on its hash', async () => {
    holder = await loadInForce(t.db);
    expect(holder.forCategory('grid')!.hash).toBe(gridHash);
    expect((await admin.post('/api/rule-drafts', { fromHash: '0'.repeat(64) })).status).toBe(404);
    draft = ok(await admin.post('/api/rule-drafts', { fromHash: gridHash }), 201);
    expect(draft.source.startsWith('{\n  "$schema": "./rule-set.schema.json",\n  "id": "grid",')).toBe(true);
    expect(draft).toMatchObject({ ruleSetId: 'grid', valid: true, hash: gridHash, basedOn: gridHash, origin: 'console', publishedYear: null });
    expect(draft.issues.filter((i: any) => i.severity === 'error')).toEqual([]);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'rule_draft').where('entity_id', '=', String(draft.id)).execute();
    expect(audit.map((a) => a.action)).toEqual(['rules.draft.create']);
    const list = ok(await leader.get('/api/rule-drafts'));
    expect(list.canEdit).toBe(false);
    expect(list.items.map((i: any) => i.id)).toContain(draft.id);
    expect(ok(await admin.get('/api/rule-drafts')).canEdit).toBe(true);
    expect((await leader.put(`/api/rule-drafts/${draft.id}`, { source: draft.source })).status).toBe(403);
    // The editor's schema offers the database's ledger kinds wherever a fact names kinds.
    const schema = JSON.stringify(ok(await leader.get('/api/rule-drafts/json-schema')));
    expect(schema).toMatch(/"kinds":\{[^}]*"items":\{[^}]*"enum":\[[^\]]*"theme_day"/);
    expect((await admin.post('/api/rule-drafts', { fromHash: gridHash, source: '{}' })).status).toBe(400);
  });

  it('keeps a text that does not validate, with each issue on the line of its path', async () => {
    const broken = draft.source.replace('"points": -3', '"points": "三分"');
    const saved = ok(await admin.put(`/api/rule-drafts/${draft.id}`, { source: broken, updatedAt: draft.updatedAt }));
    expect(saved).toMatchObject({ source: broken, valid: false, hash: null, title: draft.title });
    const issue = saved.issues.find((i: any) => i.severity === 'error');
    expect(issue.path).toMatch(/^\$\.parts\[0\]\.indicators\[0\]\.clauses\[0\]/);
    expect(broken.split('\n')[issue.line - 1]).toContain('"points": "三分"');
    expect(ok(await admin.get(`/api/rule-drafts/${draft.id}`)).source).toBe(broken);
    const listed = ok(await admin.get('/api/rule-drafts')).items.find((i: any) => i.id === draft.id);
    expect(listed).toMatchObject({ valid: false, errorCount: saved.issues.filter((i: any) => i.severity === 'error').length });
    expect(listed.errorCount).toBeGreaterThan(0);
    // A text that is not JSON at all: one issue, on the line where it breaks.
    const cut = ok(await admin.post('/api/rule-drafts/validate', { source: '{\n  "id": "grid",\n  "title": \n}' }));
    expect(cut).toMatchObject({ valid: false, hash: null, examples: 0 });
    expect(cut.issues).toHaveLength(1);
    expect(cut.issues[0]).toMatchObject({ path: '$', line: 4, severity: 'error' });
    // Previewing or publishing it is refused, naming the issue.
    const refused = await admin.post(`/api/rule-drafts/${draft.id}/preview`, { year });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain(issue.path);
    draft = saved;
  });

  it('saves a valid edit of one indicator (a new hash), and refuses a lost update', async () => {
    const json = JSON.parse(readFileSync('rules/grid.json', 'utf8'));
    json.parts[0].indicators[0].clauses[0].points = -1; // 主题党日：每缺一个月扣 1 分（原 3 分）
    json.examples = json.examples.filter((e: any) => e.facts.themeMissing === 0);
    json.version = '2031.1';
    const stale = draft.updatedAt;
    const saved = ok(await admin.put(`/api/rule-drafts/${draft.id}`, { source: ruleFileText(json), updatedAt: draft.updatedAt }));
    expect(saved.valid).toBe(true);
    expect(saved.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(saved.hash).not.toBe(gridHash);
    const check = ok(await admin.post('/api/rule-drafts/validate', { source: saved.source }));
    expect(check).toMatchObject({ valid: true, hash: saved.hash, examples: 2 });
    const lost = await admin.put(`/api/rule-drafts/${draft.id}`, { source: draft.source, updatedAt: stale });
    expect(lost.status).toBe(409);
    expect(lost.body.error.message).toMatch(/已被.*修改/);
    expect(ok(await admin.get(`/api/rule-drafts/${draft.id}`)).hash).toBe(saved.hash);
    const saves = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'rule_draft').where('entity_id', '=', String(draft.id)).where('action', '=', 'rules.draft.save').execute();
    expect(saves).toHaveLength(2);
    draft = saved;
  });

  it('previews the draft on a year with results: before and after cover every grid organization', async () => {
    const preview = ok(await admin.post(`/api/rule-drafts/${draft.id}/preview`, { year }));
    expect(preview.ruleSet).toMatchObject({ id: 'grid', version: '2031.1', hash: draft.hash });
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from organizations where category = 'grid'`.execute(t.db);
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(sum(preview.before)).toBe(rows[0]!.n);
    expect(sum(preview.after)).toBe(rows[0]!.n);
    for (const c of preview.changes) expect(c.before.grade).not.toBe(c.after.grade);
    draft.previewId = preview.previewId;
  });

  it('publishes only with the preview, pins the year, marks the draft; reload serves the new version', async () => {
    const refused = await admin.post(`/api/rule-drafts/${draft.id}/publish`, { year });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('预览');
    const published = ok(await admin.post(`/api/rule-drafts/${draft.id}/publish`, { year, previewId: draft.previewId }));
    expect(published).toMatchObject({ year, ruleSet: { id: 'grid', version: '2031.1', hash: draft.hash }, categories: ['grid'], previewId: draft.previewId, draft: { id: draft.id, publishedYear: year } });
    const pin = await t.db.selectFrom('cycle_rule_sets').select('rule_set_hash').where('cycle_year', '=', year).where('category', '=', 'grid').executeTakeFirstOrThrow();
    expect(pin.rule_set_hash).toBe(draft.hash);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'after']).where('action', '=', 'rules.publish').where('entity_id', '=', String(year)).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ ruleSet: { hash: draft.hash } });
    // The holder read before the publish still serves the old version until it reloads.
    expect(holder.forCategory('grid')!.hash).toBe(gridHash);
    await holder.reload!();
    expect(holder.forCategory('grid')!.hash).toBe(draft.hash);
    expect(holder.forCategory('community')!.hash).toBe(files.find((f) => f.ruleSet.categories.includes('community'))!.hash);
    // A copy of the published version reads back its wording (the draft's), not the stored body's key order.
    const copy = ok(await admin.post('/api/rule-drafts', { fromHash: draft.hash }), 201);
    expect(copy.source).toBe(draft.source);
    expect(ok(await admin.call('DELETE', `/api/rule-drafts/${copy.id}`))).toEqual({ id: copy.id, deleted: true });
    expect((await admin.get(`/api/rule-drafts/${copy.id}`)).status).toBe(404);
  });
});

describe('a point change whose examples no longer hold', () => {
  it('previews, refuses to publish, and 更新示例 brings the examples to what the text now gives', async () => {
    const json = JSON.parse(readFileSync('rules/grid.json', 'utf8'));
    json.parts[0].indicators[0].clauses[0].points = -1; // 主题党日：每缺一个月扣 1 分（原 3 分）
    json.version = '2031.2';
    const draft = ok(await admin.post('/api/rule-drafts', { source: ruleFileText(json) }), 201);
    const checked = ok(await admin.post('/api/rule-drafts/validate', { source: draft.source }));
    expect(checked).toMatchObject({ valid: false, previewable: true, hash: null });
    expect(checked.issues.filter((i: any) => i.severity === 'error').map((i: any) => i.path)).toEqual(['$.examples[1]']);
    ok(await admin.post(`/api/rule-drafts/${draft.id}/preview`, { year }));
    const refused = await admin.post(`/api/rule-drafts/${draft.id}/publish`, { year });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('示例未通过');
    const fixed = ok(await admin.post('/api/rule-drafts/refresh-examples', { source: draft.source }));
    expect(fixed.updated).toEqual(['缺月网格：台账被督查扣完']);
    // 缺月网格 misses 5 months: 主题党日 30 − 5 × 1 = 25 (was 15); 基础工作 15 + 8 + 30 + 0 = 53 becomes
    // 25 + 8 + 30 + 0 = 63; total 63 × 70% + 56.67 × 30% = 44.1 + 17.001 = 61.101 → 61.1 (was 54.1).
    const ex = JSON.parse(fixed.source).examples[1];
    expect(ex.expect).toMatchObject({ total: 61.1, parts: { base: 63, public: 56.67 }, indicators: { theme_day: 25, meetings: 8, service: 30, ledger: 0 } });
    expect(JSON.parse(fixed.source).examples[0].expect).toEqual(json.examples[0].expect);
    expect(ok(await admin.post('/api/rule-drafts/validate', { source: fixed.source }))).toMatchObject({ valid: true, previewable: true, examples: 3 });
    // Nothing was saved: the draft still holds the text with the stale example.
    expect(ok(await admin.get(`/api/rule-drafts/${draft.id}`)).source).toBe(draft.source);
  });
});

describe('rules export', () => {
  it('names two versions of one id in force by their versions, so neither overwrites the other', async () => {
    const grid = files.find((f) => f.ruleSet.categories.includes('grid'))!;
    const later = { ...grid, hash: 'f'.repeat(64), ruleSet: { ...grid.ruleSet, version: '2031 秋季', categories: ['building'] } };
    const out = await exportInForce({ ctx: cliCtx(t.db), ruleSets: { all: [grid, later], forCategory: () => undefined } });
    expect(out.map((f) => f.name)).toEqual([`grid@${grid.ruleSet.version}.json`, 'grid@2031_秋季.json']);
    const single = await exportInForce({ ctx: cliCtx(t.db), ruleSets: { all: [grid], forCategory: () => undefined } });
    expect(single.map((f) => f.name)).toEqual(['grid.json']);
  });
});

describe('rules/ and the database', () => {
  let db: Awaited<ReturnType<typeof openIsolatedDatabase>>;
  let dir: string;
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (s) => out.push(s), err: (s) => err.push(s), progress: () => {} };

  beforeAll(async () => {
    db = await openIsolatedDatabase();
    dir = mkdtempSync(join(tmpdir(), 'xp-rules-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  });

  const counts = async () => {
    const r = await sql<{ versions: number; drafts: number; seeds: number; created: number }>`select
      (select count(*) from rule_sets)::int as versions, (select count(*) from rule_set_drafts)::int as drafts,
      (select count(*) from audit_log where action = 'rules.seed')::int as seeds, (select count(*) from audit_log where action = 'rules.draft.create')::int as created`.execute(db.db);
    return r.rows[0]!;
  };

  it('seeds a fresh database; a changed file becomes exactly one draft and never changes what is in force', async () => {
    expect(await syncRuleFiles(db.db, files, systemActor)).toEqual({ seeded: files.map((f) => f.file), drafted: [] });
    expect(await counts()).toEqual({ versions: files.length, drafts: 0, seeds: files.length, created: 0 });
    const inForce = await loadInForce(db.db, { files });
    expect(inForce.all.map((c) => c.hash).sort()).toEqual(files.map((f) => f.hash).sort());
    expect(await syncRuleFiles(db.db, files, systemActor)).toEqual({ seeded: [], drafted: [] });

    const json = JSON.parse(readFileSync('rules/grid.json', 'utf8'));
    json.title = `${json.title}（修订稿）`;
    const changed = await compileRuleSet(JSON.stringify(json), 'grid.json');
    const next = files.map((f) => (f.file === 'grid.json' ? changed : f));
    expect(await syncRuleFiles(db.db, next, systemActor)).toEqual({ seeded: [], drafted: ['grid.json'] });
    expect(await syncRuleFiles(db.db, next, systemActor)).toEqual({ seeded: [], drafted: [] });
    expect(await counts()).toEqual({ versions: files.length, drafts: 1, seeds: files.length, created: 1 });
    const d = await db.db.selectFrom('rule_set_drafts').selectAll().executeTakeFirstOrThrow();
    expect(d).toMatchObject({ origin: 'file', file: 'grid.json', hash: changed.hash, created_by: 'system' });
    await inForce.reload!();
    expect(inForce.forCategory('grid')!.hash).toBe(gridHash);
  });

  it('exports the versions in force as rule files and imports them back without creating anything', async () => {
    const ruleSets = await loadInForce(db.db, { files });
    const run = <T>(fn: (s: any) => Promise<T>) => fn({ ctx: cliCtx(db.db), deps: { ...t.deps, db: db.db, ruleSets } });
    expect(await runCommand(['rules', 'export', '--dir', dir], run, io, process.cwd())).toBe(0);
    expect(out.filter((l) => l.startsWith('已写出'))).toHaveLength(files.length);
    expect(readFileSync(join(dir, 'grid.json'), 'utf8')).toBe(readFileSync('rules/grid.json', 'utf8'));
    out.length = 0;
    expect(await runCommand(['rules', 'export', '--dir', dir], run, io, process.cwd())).toBe(0);
    expect(out.every((l) => l.startsWith('未变'))).toBe(true);

    const before = await counts();
    out.length = 0;
    const names = files.map((f) => join(dir, `${f.ruleSet.id}.json`));
    expect(await runCommand(['rules', 'import', ...names], run, io, process.cwd())).toBe(0);
    expect(out).toHaveLength(files.length);
    expect(out.every((l) => l.includes('未导入'))).toBe(true);
    expect(await counts()).toEqual(before);

    // A new text becomes a draft of origin 'cli'; one that does not parse too, its problem named with the file.
    const json = JSON.parse(readFileSync('rules/community.json', 'utf8'));
    json.version = '2031.9';
    writeFileSync(join(dir, 'community-next.json'), ruleFileText(json));
    writeFileSync(join(dir, 'broken.json'), '{\n  "id": "x",\n');
    out.length = 0;
    err.length = 0;
    expect(await runCommand(['rules', 'import', join(dir, 'community-next.json'), join(dir, 'broken.json')], run, io, process.cwd())).toBe(0);
    expect(out[0]).toMatch(/已导入：community-next\.json → 草稿 #\d+（通过校验/);
    expect(out[1]).toMatch(/已导入：broken\.json → 草稿 #\d+（未通过校验，1 处问题）/);
    expect(err.join('\n')).toContain('broken.json 第 3 行');
    const drafts = await db.db.selectFrom('rule_set_drafts').select(['origin', 'file']).where('origin', '=', 'cli').orderBy('id').execute();
    expect(drafts).toEqual([{ origin: 'cli', file: 'community-next.json' }, { origin: 'cli', file: 'broken.json' }]);
    // A file that cannot be read is an error naming it.
    err.length = 0;
    expect(await runCommand(['rules', 'import', join(dir, 'missing.json')], run, io, process.cwd())).not.toBe(0);
    expect(err.join('\n')).toContain('missing.json');
  });
});
