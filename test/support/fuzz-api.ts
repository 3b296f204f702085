import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import type { createApp } from '../../src/app';
import type { Database } from '../../src/db/database';
import { mutatedSheet } from './fuzz';
import { createCycle, createMember, createToken, createTree, type Tree } from './factories';

/**
 * The HTTP half of the fuzz tests: mutated rule sets through the preview route, mutated sheets through the
 * imports, and bad bodies through every JSON write route of /openapi.json. Used with small counts by
 * test/integration/bad-input.test.ts and with the full counts by scripts/fuzz.ts.
 */

type App = ReturnType<typeof createApp>;
export type FuzzTarget = { app: App; db: Kysely<Database> };
export type FuzzFixture = { token: string; year: number; tree: Tree };
/** What a fuzz run saw: how many requests, by status, and the ones that broke a promise. */
export type FuzzReport = { tried: number; byStatus: Record<number, number>; failures: string[] };

async function call(t: FuzzTarget, token: string, method: string, path: string, body?: BodyInit, type?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (type) headers['content-type'] = type;
  const res = await t.app.request(path, { method, headers, body });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: reported by the caller
  }
  return { status: res.status, json, text };
}

function tally(report: FuzzReport, what: string, res: { status: number; json: any; text: string }) {
  report.tried++;
  report.byStatus[res.status] = (report.byStatus[res.status] ?? 0) + 1;
  if (res.status >= 500) report.failures.push(`${what}: ${res.status} ${res.text.slice(0, 200)}`);
  else if (res.status >= 400 && !(typeof res.json?.error?.message === 'string' && /[\u4e00-\u9fff]/.test(res.json.error.message))) {
    report.failures.push(`${what}: ${res.status} without a Chinese error envelope: ${res.text.slice(0, 200)}`);
  }
}

const newReport = (): FuzzReport => ({ tried: 0, byStatus: {}, failures: [] });

/** A small district of its own, an admin, and a year in review with a few ledger records to preview on. */
export async function fuzzFixture(t: FuzzTarget): Promise<FuzzFixture> {
  const tree = await createTree(t.db, '模糊');
  const year = await createCycle(t.db, 'reviewing');
  const token = await createToken(t.db, 'admin', tree.district.id);
  await createMember(t.db, { org_id: tree.grid.id, name: '模糊党员' });
  for (const [i, kind] of ['committee_meeting', 'theme_day', 'party_lecture'].entries()) {
    await t.db.insertInto('ledger_records').values({ org_id: tree.grid.id, cycle_year: year, kind, occurred_on: `${year}-0${i + 3}-10`, title: `记录${i}`, participants: 8, hours: null, evidence: JSON.stringify([]) as never, status: 'verified', created_by: 'fuzz', reviewed_by: 'fuzz', reviewed_at: new Date() }).execute();
  }
  return { token, year, tree };
}

/** Mutated rule sets through POST /api/cycles/{year}/rules/preview: never a 500, never a non-Chinese error. */
export async function fuzzPreview(t: FuzzTarget, fx: FuzzFixture, texts: readonly string[]): Promise<FuzzReport> {
  const report = newReport();
  for (const [i, text] of texts.entries()) {
    const res = await call(t, fx.token, 'POST', `/api/cycles/${fx.year}/rules/preview`, `{"ruleSet": ${text}}`, 'application/json');
    tally(report, `preview #${i}`, res);
  }
  return report;
}

/** Every table the imports write, as one fingerprint: a refused import must leave it as it was. */
async function importedState(db: Kysely<Database>): Promise<string> {
  const tables = ['organizations', 'ledger_records', 'ledger_participants', 'users', 'audit_log'] as const;
  const parts = [];
  for (const name of tables) {
    const r = await sql<{ h: string | null; n: number }>`select md5(string_agg(x::text, '|' order by x::text)) as h, count(*)::int as n from ${sql.table(name)} x`.execute(db);
    parts.push(`${name}:${r.rows[0]!.n}:${r.rows[0]!.h}`);
  }
  return parts.join(' ');
}

/** Mutated sheets (orgs, ledger, users) through POST /api/imports/{target}: no 500, and a refusal writes nothing. */
export async function fuzzSheets(t: FuzzTarget, fx: FuzzFixture, count: number, seed: number): Promise<FuzzReport> {
  const c = fx.tree;
  const n = Date.now().toString(36);
  const sheets = {
    orgs: ['组织编码,组织名称,组织类型,上级组织编码,考核类别,书记,党员人数', `FZ${n}A,模糊网格甲,grid,${c.community.code},grid,张三,12`, `FZ${n}B,模糊网格乙,grid,${c.community.code},grid,李四,8`],
    ledger: ['组织编码,记录类型,日期,标题,参加人数,时长（小时）', `${c.grid.code},主题党日,${fx.year}-05-06,模糊导入,10,`, `${c.grid.code},志愿服务,${fx.year}-05-07,模糊服务,5,2`],
    users: ['登录名,姓名,角色,组织编码,联系电话', `fz-${n}-a,模糊甲,org_user,${c.grid.code},13800000000`, `fz-${n}-b,模糊乙,leader,${c.street.code},`],
  };
  const targets = Object.keys(sheets) as (keyof typeof sheets)[];
  const cases = fc.sample(fc.tuple(fc.constantFrom(...targets), fc.nat()).chain(([target]) => mutatedSheet(sheets[target]).map((bytes) => ({ target, bytes }))), { seed, numRuns: count });
  const report = newReport();
  let before = await importedState(t.db);
  for (const [i, { target, bytes }] of cases.entries()) {
    const form = new FormData();
    form.append('file', new File([bytes as Uint8Array<ArrayBuffer>], i % 2 ? 'sheet.csv' : 'sheet.xlsx'));
    const res = await call(t, fx.token, 'POST', `/api/imports/${target}`, form);
    tally(report, `import ${target} #${i}`, res);
    const after = await importedState(t.db);
    if (res.status >= 400 && after !== before) report.failures.push(`import ${target} #${i}: refused (${res.status}) but wrote rows`);
    before = after;
  }
  return report;
}

type OpenApi = { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown>; $ref?: string } }> } }>>; components?: { schemas?: Record<string, { properties?: Record<string, unknown> }> } };

/** The top-level field names of a JSON request body, from the OpenAPI document. */
function bodyFields(doc: OpenApi, schema: { properties?: Record<string, unknown>; $ref?: string } | undefined): string[] {
  const resolved = schema?.$ref ? doc.components?.schemas?.[schema.$ref.split('/').at(-1)!] : schema;
  return Object.keys(resolved?.properties ?? {});
}

const badValues: unknown[] = [null, '', '\u0000', 'x'.repeat(100_000), -1, 1e308, 3.5, true, [], {}, ['\u0000'], { a: 1 }, '2025-02-30', '../../etc/passwd', '<script>alert(1)</script>'];

/**
 * Bad bodies through every JSON write route: broken JSON, wrong shapes, each field replaced by each bad
 * value, NUL bytes, and an unknown field, which must be refused by name. Path ids point into the fixture.
 */
export async function fuzzWriteRoutes(t: FuzzTarget, fx: FuzzFixture): Promise<FuzzReport & { unknownAccepted: string[] }> {
  const doc = (await (await t.app.request('/openapi.json')).json()) as OpenApi;
  const report = { ...newReport(), unknownAccepted: [] as string[] };
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const schema = op.requestBody?.content?.['application/json']?.schema;
      if (method === 'get' || !schema) continue;
      // A year that does not exist and ids of nothing: a body that validates is answered 404, never written.
      // Path words that are not ids take a real value, so that the body is what gets checked.
      const words: Record<string, string> = { '{target}': 'orgs', '{direction}': 'unit_rates_community' };
      const url = path.replace('{year}', '2999').replace(/\{[a-zA-Z]+\}/g, (m) => words[m] ?? '999999999');
      const route = `${method.toUpperCase()} ${path}`;
      const bodies: string[] = ['{', '{"a": }', '[]', 'null', '"x"', '{"多余字段": 1}', JSON.stringify({ 字段: '\u0000' }), '['.repeat(200) + ']'.repeat(200)];
      for (const field of bodyFields(doc, schema)) for (const v of badValues) bodies.push(JSON.stringify({ [field]: v }));
      for (const body of bodies) {
        const res = await call(t, fx.token, method.toUpperCase(), url, body, 'application/json');
        tally(report, `${route} ${body.slice(0, 40)}`, res);
        if (body === '{"多余字段": 1}' && !(res.status === 400 && JSON.stringify(res.json).includes('多余字段'))) report.unknownAccepted.push(`${route}: ${res.status}`);
      }
    }
  }
  return report;
}
