import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BAD_CELL_ARGB } from '../../src/features/imports/annotate-sheet';
import { client, setupTestApp, type TestApp } from '../support/app';
import { createToken, createTree, uniqueCode, type Tree } from '../support/factories';

let t: TestApp;
let tree: Tree;
let token: string;
let admin: ReturnType<typeof client>;

const orgHeader = ['组织编码', '组织名称', '组织类型', '上级组织编码', '考核类别', '书记', '党员人数', '成立日期'];

async function xlsx(header: string[], rows: (string | number | null)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('组织');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function upload(bytes: Uint8Array, name: string): FormData {
  const form = new FormData();
  form.append('file', new File([bytes as Uint8Array<ArrayBuffer>], name));
  return form;
}

/** POSTs a file to the annotated route and reads the answer back as a workbook. */
async function annotated(target: string, bytes: Uint8Array, name: string) {
  const res = await t.app.request(`/api/imports/${target}/annotated`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: upload(bytes, name) });
  const body = new Uint8Array(await res.arrayBuffer());
  const wb = new ExcelJS.Workbook();
  if (res.status === 200) await wb.xlsx.load(body as unknown as ArrayBuffer);
  return { res, ws: wb.worksheets[0], text: res.status === 200 ? '' : new TextDecoder().decode(body) };
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const f = cell.fill as ExcelJS.FillPattern | undefined;
  return f?.fgColor?.argb;
}

async function orgCount(codes: string[]): Promise<number> {
  return (await t.db.selectFrom('organizations').select('id').where('code', 'in', codes).execute()).length;
}

beforeAll(async () => {
  t = await setupTestApp();
  tree = await createTree(t.db);
  token = await createToken(t.db, 'admin', tree.district.id);
  admin = client(t.app, token);
});

describe('POST /api/imports/{target}/annotated', () => {
  it('returns the uploaded .xlsx with a 错误说明 column and the bad cells filled, and writes nothing', async () => {
    const [good, bad1, bad2, bad3] = ['A', 'B', 'C', 'D'].map(uniqueCode);
    const bytes = await xlsx(orgHeader, [
      [good, '好社区党委', '社区党组织', tree.street.code, null, '王芳', 12, '2019-05-01'], // row 2: fine
      [bad1, '坏社区一', '居委会', tree.street.code, null, '李四', 3, '2019-05-01'], // row 3: unknown kind (C)
      [bad2, '坏社区二', '社区党组织', tree.street.code, null, '张三', '很多', '2019-05-01'], // row 4: member count (G)
      [bad3, '坏社区三', '社区党组织', '无此街道', null, '赵六', 5, '2019-05-01'], // row 5: unknown parent (D)
    ]);
    // The real import refuses the same three rows.
    const refused = await admin.call('POST', '/api/imports/orgs', upload(bytes, '组织.xlsx'));
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors.map((e: { row: number }) => e.row)).toEqual([3, 4, 5]);

    const { res, ws } = await annotated('orgs', bytes, '组织.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(decodeURIComponent(res.headers.get('content-disposition')!)).toContain('组织（错误标注）.xlsx');
    expect(res.headers.get('x-error-count')).toBe('3');
    // 8 data columns, so the note column is the 9th (I).
    expect(ws!.getCell('I1').text).toBe('错误说明');
    expect(ws!.getCell('I2').text).toBe('');
    expect(ws!.getCell('I3').text).toContain('「组织类型」：居委会 — 未知的组织类型');
    expect(ws!.getCell('I4').text).toBe('「党员人数」：很多 — 应为整数');
    expect(ws!.getCell('I5').text).toBe('「上级组织编码」：无此街道 — 上级组织编码既不在系统中，也不在本表中');
    expect(fillOf(ws!.getCell('C3'))).toBe(BAD_CELL_ARGB);
    expect(fillOf(ws!.getCell('G4'))).toBe(BAD_CELL_ARGB);
    expect(fillOf(ws!.getCell('D5'))).toBe(BAD_CELL_ARGB);
    expect(fillOf(ws!.getCell('C4'))).toBeUndefined(); // a good cell of a bad row stays as it was
    expect(fillOf(ws!.getCell('A2'))).toBeUndefined();
    // The data are the user's own, untouched.
    expect(ws!.getCell('B4').text).toBe('坏社区二');
    // The dry run rolled back: not even the good row went in.
    expect(await orgCount([good!, bad1!, bad2!, bad3!])).toBe(0);
  });

  it('annotates a .csv upload as an .xlsx laid out at the same row numbers', async () => {
    const code = uniqueCode('M');
    const csv = ['姓名,所属组织编码,工作单位,居住社区编码,是否在职党员', `李春燕,${tree.grid.code},区医院,${tree.community.code},是`, `王五,${code},,,也许`].join('\n');
    const { res, ws } = await annotated('members', new TextEncoder().encode(csv), 'members.csv');
    expect(res.status).toBe(200);
    // Row 3 has two errors (its own cell, then its organization), one line each, in the order found.
    expect(ws!.getCell('F3').text).toBe(`「是否在职党员」：也许 — 应填“是”或“否”\n「所属组织编码」：${code} — 组织编码不存在或不在您的管辖范围内`);
    expect(fillOf(ws!.getCell('B3'))).toBe(BAD_CELL_ARGB);
    expect(ws!.getCell('A3').text).toBe('王五');
    expect(ws!.getCell('F2').text).toBe('');
    expect(fillOf(ws!.getCell('E3'))).toBe(BAD_CELL_ARGB);
  });

  it('answers 400 for a file without errors, and 403 to a role that may not import the target', async () => {
    const csv = ['姓名,所属组织编码', `周七,${tree.grid.code}`].join('\n');
    const clean = await annotated('members', new TextEncoder().encode(csv), 'ok.csv');
    expect(clean.res.status).toBe(400);
    expect(clean.text).toContain('没有需要标注的错误');
    const before = await t.db.selectFrom('members').select('id').where('name', '=', '周七').execute();
    expect(before).toHaveLength(0);
    const leader = await createToken(t.db, 'leader', tree.district.id);
    const res = await t.app.request('/api/imports/orgs/annotated', { method: 'POST', headers: { authorization: `Bearer ${leader}` }, body: upload(new TextEncoder().encode(csv), 'x.csv') });
    expect(res.status).toBe(403);
  });
});

describe('members import', () => {
  it('imports members into organizations of the subtree, all or nothing, with its template', async () => {
    const name = `党员${uniqueCode('')}`;
    const lines = (org: string) => ['姓名,所属组织编码,工作单位,居住社区编码,是否在职党员', `${name},${org},区医院,${tree.community.code},是`, `${name}乙,${tree.grid2.code},,,否`].join('\n');
    const bad = await admin.call('POST', '/api/imports/members', upload(new TextEncoder().encode(lines('NOPE-1')), 'm.csv'));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors).toEqual([{ row: 2, column: '所属组织编码', value: 'NOPE-1', message: '组织编码不存在或不在您的管辖范围内' }]);
    const ok = await admin.call('POST', '/api/imports/members', upload(new TextEncoder().encode(lines(tree.grid.code)), 'm.csv'));
    expect(ok.status).toBe(200);
    expect(ok.body.imported).toBe(2);
    const rows = await t.db.selectFrom('members').select(['name', 'org_id', 'residence_community_id', 'in_service']).where('name', 'like', `${name}%`).orderBy('name').execute();
    expect(rows).toEqual([
      { name, org_id: tree.grid.id, residence_community_id: tree.community.id, in_service: true },
      { name: `${name}乙`, org_id: tree.grid2.id, residence_community_id: null, in_service: false },
    ]);
    // The same file again: both names now exist in their organizations.
    const again = await admin.call('POST', '/api/imports/members', upload(new TextEncoder().encode(lines(tree.grid.code)), 'm.csv'));
    expect(again.body.error.details.errors.map((e: { row: number; message: string }) => [e.row, e.message])).toEqual([
      [2, `「${tree.grid.name}」已有同名党员`],
      [3, `「${tree.grid2.name}」已有同名党员`],
    ]);
    const audit = await t.db.selectFrom('audit_log').select('id').where('action', '=', 'member.import').where('org_id', 'in', [tree.grid.id, tree.grid2.id]).execute();
    expect(audit).toHaveLength(2);
    const template = await t.app.request('/api/imports/members/template', { headers: { authorization: `Bearer ${token}` } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await template.arrayBuffer());
    expect((wb.worksheets[0]!.getRow(1).values as string[]).slice(1)).toEqual(['姓名', '所属组织编码', '工作单位', '居住社区编码', '是否在职党员']);
  });
});

describe('POST /api/orgs/{id}/close', () => {
  it('closes a leaf with a reason in the audit row, and refuses a parent with living children', async () => {
    const parent = await admin.post('/api/orgs/' + tree.street.id + '/close', { activeTo: '2030-01-01', reason: '区划调整' });
    expect(parent.status).toBe(400);
    expect(parent.body.error.message).toMatch(/其下还有 \d+ 个组织在 2030-01-01 之后仍存续/);
    const noReason = await admin.post(`/api/orgs/${tree.grid2.id}/close`, { activeTo: '2030-01-01', reason: '' });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('请填写撤销原因');
    const ok = await admin.post(`/api/orgs/${tree.grid2.id}/close`, { activeTo: '2030-01-01', reason: '网格合并' });
    expect(ok.status).toBe(200);
    expect(ok.body.activeTo).toBe('2030-01-01');
    const audit = await t.db.selectFrom('audit_log').select(['after']).where('action', '=', 'org.close').where('org_id', '=', tree.grid2.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.after)).toContain('网格合并');
    const twice = await admin.post(`/api/orgs/${tree.grid2.id}/close`, { activeTo: '2030-02-01', reason: '再次撤销' });
    expect(twice.body.error.message).toContain('已于 2030-01-01 撤销');
  });
});
