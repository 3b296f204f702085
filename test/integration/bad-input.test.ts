import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { client, setupTestApp, type TestApp } from '../support/app';
import { sampleRuleTexts } from '../support/fuzz';
import { fuzzFixture, fuzzPreview, fuzzSheets, fuzzWriteRoutes, type FuzzFixture } from '../support/fuzz-api';
import { createCycle } from '../support/factories';

/**
 * Every bad input a 4xx with a Chinese message, never a 500: invalid text in queries, paths and bodies,
 * broken JSON (with line and column), broken forms on the anonymous pages, unknown fields, formula cells, an
 * oversized rule set; then bounded fuzz runs (scripts/fuzz.ts runs the full counts).
 */

let t: TestApp;
let fx: FuzzFixture;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  t = await setupTestApp({ isolated: true });
  fx = await fuzzFixture(t);
  api = client(t.app, fx.token);
}, 60_000);

describe('invalid text and broken bodies', () => {
  it('refuses a NUL byte in any text filter of a list route, naming the parameter', async () => {
    const doc = (await (await t.app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema?: { type?: string } }[] }>> };
    const tried: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const p of ops.get?.parameters ?? []) {
        if (p.in !== 'query' || path.includes('{')) continue;
        const res = await api.get(`${path}?${encodeURIComponent(p.name)}=${encodeURIComponent('甲\u0000乙')}`);
        tried.push(`${path}?${p.name}`);
        expect(res.status, `${path}?${p.name}`).toBe(400);
        expect(res.body.error.message).toBe(`${p.name}：含有空字符（\\u0000）`);
      }
    }
    expect(tried.length).toBeGreaterThan(10);
    expect(tried).toContain('/api/orgs?q');
  });

  it('refuses a NUL in a path or a JSON body, and names the line and column of broken JSON', async () => {
    expect((await api.get('/api/orgs/1%00')).body.error.message).toBe('(地址)：含有空字符（\\u0000）');
    const patch = await api.patch(`/api/orgs/${fx.tree.grid.id}`, { name: '网格\u0000' });
    expect(patch.status).toBe(400);
    expect(patch.body.error.message).toBe('name：含有空字符（\\u0000）');
    const res = await t.app.request('/api/orgs', { method: 'POST', headers: { authorization: `Bearer ${fx.token}`, 'content-type': 'application/json' }, body: '{\n  "code": "X",\n  "name" "网格"\n}' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error).toMatchObject({ code: 'validation_failed', message: '请求体不是有效的 JSON：第 3 行第 10 列：此处的字符不符合 JSON 语法', details: { line: 3, column: 10 } });
  });

  it('answers a broken form on the anonymous pages with a Chinese page, and an unknown answer field is refused', async () => {
    const broken = { 'content-type': 'multipart/form-data; boundary=XX' };
    for (const path of ['/b/ABCDE-ABCDE-ABCDE-ABCDE', '/r/ABCDE-ABCDE-ABCDE-ABCDE']) {
      const res = await t.app.request(path, { method: 'POST', headers: broken, body: '--XX\r\nContent-Disposition: form-data; name="a"\r\n\r\nno end' });
      expect(res.status, path).toBe(400);
      expect(await res.text()).toContain('请求体不是有效的表单数据，请重新提交');
    }
    const nul = await t.app.request('/b/ABCDE-ABCDE-ABCDE-ABCDE', { method: 'POST', body: new URLSearchParams({ item_overall: '满意\u0000' }) });
    expect(nul.status).toBe(400);
    expect(await nul.text()).toContain('item_overall：含有空字符');
    // An open campaign and a real code: a field the form does not have is named, and nothing is cast.
    const y = await createCycle(t.db, 'collecting');
    const campaign = await api.post('/api/campaigns', { year: y, orgId: fx.tree.district.id, title: '字段检查', items: [{ key: 'overall', label: '总体评价' }], targets: [fx.tree.grid.id], opensOn: `${y}-01-01`, closesOn: '2999-12-31' });
    await api.post(`/api/campaigns/${campaign.body.id}/open`);
    const issued = await api.post(`/api/campaigns/${campaign.body.id}/codes`, { targetOrgId: fx.tree.grid.id, raterGroup: '居民', count: 1 });
    const code = issued.body.codes[0].code as string;
    const extra = await t.app.request(`/b/${code}`, { method: 'POST', body: new URLSearchParams({ item_overall: '满意', item_bonus: '满意', note: 'x' }) });
    expect(extra.status).toBe(400);
    expect(await extra.text()).toContain('表单中有本次评议没有的项目：bonus、note');
    expect((await t.app.request(`/b/${code}`, { method: 'POST', body: new URLSearchParams({ item_overall: '满意' }) })).status).toBe(201);
  });

  it('names a formula cell that has no calculated value instead of showing [object Object]', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('组织');
    ws.addRow(['组织编码', '组织名称', '组织类型', '上级组织编码', '考核类别', '书记', '党员人数']);
    ws.addRow([`FX${Date.now()}`, '公式网格', 'grid', fx.tree.community.code, 'grid', '张三', { formula: 'SUM(1,2)' }]);
    const form = new FormData();
    form.append('file', new File([new Uint8Array(await wb.xlsx.writeBuffer())], 'orgs.xlsx'));
    const res = await api.post('/api/imports/orgs', form);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors).toEqual([{ row: 2, column: '党员人数', value: '=SUM(1,2)', message: '是没有计算结果的公式：请在 Excel 中打开并保存，或把公式粘贴为数值' }]);
    expect(res.body.error.message).not.toContain('[object Object]');
  });

  it('refuses an 18 MB rule set at once, and the server keeps answering', async () => {
    const part = { id: 'p', title: '部分', max: 10, indicators: [{ id: 'i', title: '指标', max: 10, clauses: [{ type: 'perUnit', fact: 'x', points: 1, note: 'x'.repeat(750) }] }] };
    const ruleSet = { id: 'huge', title: '巨型', version: '1', categories: ['grid'], facts: {}, parts: Array.from({ length: 20_000 }, (_, i) => ({ ...part, id: `p${i}` })), total: { formula: 'p0', max: 100 } };
    const body = JSON.stringify({ ruleSet });
    expect(Buffer.byteLength(body)).toBeGreaterThan(18_000_000);
    expect(Buffer.byteLength(body)).toBeLessThan(20 * 1024 * 1024);
    const started = Date.now();
    const [res, health] = await Promise.all([api.post(`/api/cycles/${fx.year}/rules/preview`, JSON.parse(body)), new Promise((r) => setTimeout(r, 5)).then(() => t.app.request('/health'))]);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/超出上限：文件长 \d+ 个字符，最多 1000000 个/);
    expect(health.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);
});

describe('fuzzing through HTTP (bounded; scripts/fuzz.ts runs the full counts)', () => {
  it('previews or refuses 100 mutated rule sets, never a 500', async () => {
    const report = await fuzzPreview(t, fx, sampleRuleTexts(4, 100));
    expect(report.failures).toEqual([]);
    expect(report.byStatus[400]).toBeGreaterThan(30);
  }, 120_000);

  it('imports or refuses 120 mutated sheets, never a 500, and a refused one writes nothing', async () => {
    const report = await fuzzSheets(t, fx, 120, 5);
    expect(report.failures).toEqual([]);
    expect(report.byStatus[400]).toBeGreaterThan(30);
  }, 120_000);

  it('refuses bad bodies on every JSON write route with a Chinese 4xx, and names an unknown field', async () => {
    const report = await fuzzWriteRoutes(t, fx);
    expect(report.failures).toEqual([]);
    expect(report.unknownAccepted).toEqual([]);
    expect(report.tried).toBeGreaterThan(500);
  }, 300_000);
});
