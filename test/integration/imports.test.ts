import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importLedger } from '../../src/features/imports/import-ledger';
import { exceljsSpreadsheet } from '../../src/adapters/spreadsheet-exceljs';
import { client, setupTestApp, type TestApp } from '../support/app';
import { cliCtx, createCycle, createToken, createTree, uniqueCode, type Tree } from '../support/factories';

let t: TestApp;
let tree: Tree;
let year: number;
let admin: ReturnType<typeof client>;

const header = ['组织编码', '记录类型', '日期', '标题', '参加人数', '时长（小时）', '佐证材料'];

/** 100 rows over two grids; row numbers in Excel are index + 2 (row 1 is the header). */
function ledgerRows(): (string | number | Date | null)[][] {
  const kinds = ['主题党日', '支委会', '党课', '志愿服务'];
  return Array.from({ length: 100 }, (_, i) => {
    const kind = kinds[i % kinds.length]!;
    const date = new Date(Date.UTC(year, i % 12, (i % 27) + 1));
    return [
      i % 2 === 0 ? tree.grid.code : tree.grid2.code,
      kind,
      i % 3 === 0 ? `${year}/${(i % 12) + 1}/${(i % 27) + 1}` : date,
      `导入测试记录 ${i + 1}`,
      10 + (i % 7),
      kind === '志愿服务' ? 1.5 : null,
      i % 5 === 0 ? `签到表|files/${i}.jpg；照片|files/${i}-2.jpg` : null,
    ];
  });
}

async function xlsx(rows: (string | number | Date | null)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function upload(bytes: Uint8Array, name: string): FormData {
  const form = new FormData();
  form.append('file', new File([bytes as Uint8Array<ArrayBuffer>], name));
  return form;
}

async function countFor(orgIds: number[]): Promise<number> {
  const r = await t.db.selectFrom('ledger_records').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', 'in', orgIds).executeTakeFirstOrThrow();
  return Number(r.n);
}

beforeAll(async () => {
  t = await setupTestApp();
  tree = await createTree(t.db);
  year = await createCycle(t.db, 'collecting');
  admin = client(t.app, await createToken(t.db, 'admin', tree.district.id));
});

describe('ledger import from .xlsx', () => {
  it('writes nothing when 3 of 100 rows are bad, and names exactly those rows; the fixed file writes 100', async () => {
    const rows = ledgerRows();
    rows[9]![0] = 'NO-SUCH-ORG'; // Excel row 11
    rows[41]![2] = `${year}-13-01`; // Excel row 43
    rows[76]![1] = '打卡'; // Excel row 78
    const before = await countFor([tree.grid.id, tree.grid2.id]);

    const bad = await admin.call('POST', '/api/imports/ledger', upload(await xlsx(rows), '台账.xlsx'));
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('import_invalid');
    expect(bad.body.error.details.badRows).toEqual([11, 43, 78]);
    expect(bad.body.error.details.errors).toEqual([
      expect.objectContaining({ row: 11, column: '组织编码', value: 'NO-SUCH-ORG', message: '组织编码不存在或不在您的管辖范围内' }),
      expect.objectContaining({ row: 43, column: '日期', value: `${year}-13-01` }),
      expect.objectContaining({ row: 78, column: '记录类型', value: '打卡' }),
    ]);
    expect(bad.body.error.message).toContain('100 行中有 3 行有误，未写入任何数据');
    expect(await countFor([tree.grid.id, tree.grid2.id])).toBe(before);

    const fixed = ledgerRows();
    const ok = await admin.call('POST', '/api/imports/ledger', upload(await xlsx(fixed), '台账.xlsx'));
    expect(ok.status).toBe(200);
    expect(ok.body.imported).toBe(100);
    expect(await countFor([tree.grid.id, tree.grid2.id])).toBe(before + 100);

    const sample = await t.db.selectFrom('ledger_records').selectAll().where('title', '=', '导入测试记录 1').where('org_id', '=', tree.grid.id).executeTakeFirstOrThrow();
    expect(sample).toMatchObject({ kind: 'theme_day', occurred_on: `${year}-01-01`, participants: 10, source: 'import', status: 'submitted' });
    expect(sample.evidence).toEqual([
      { name: '签到表', ref: 'files/0.jpg' },
      { name: '照片', ref: 'files/0-2.jpg' },
    ]);
    const volunteer = await t.db.selectFrom('ledger_records').select('hours').where('title', '=', '导入测试记录 4').executeTakeFirstOrThrow();
    expect(volunteer.hours).toBe('1.50');
    const audits = await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'ledger.import').where('org_id', 'in', [tree.grid.id, tree.grid2.id]).executeTakeFirstOrThrow();
    expect(Number(audits.n)).toBe(100);

    // The same file again: every row is now a duplicate of a stored record, so nothing is written.
    const again = await admin.call('POST', '/api/imports/ledger', upload(await xlsx(fixed), '台账.xlsx'));
    expect(again.status).toBe(400);
    expect(again.body.error.details.badRows).toHaveLength(100);
    expect(again.body.error.details.errors[0].message).toContain('系统中已有');
  });

  it('refuses rows for organizations outside an org_user subtree, and closed cycles, row by row', async () => {
    const closed = await createCycle(t.db, 'reviewing');
    const gridUser = await createToken(t.db, 'org_user', tree.grid.id);
    const csv = [
      header.join(','),
      `${tree.grid.code},主题党日,${year}-02-03,可以导入,9,,`,
      `${tree.grid2.code},主题党日,${year}-02-03,兄弟支部,9,,`,
      `${tree.grid.code},主题党日,${closed}-02-03,已关闭年度,9,,`,
      `${tree.grid.code},志愿服务,${year}-02-04,缺时长,9,,`,
    ].join('\r\n');
    const res = await client(t.app, gridUser).call('POST', '/api/imports/ledger', upload(new TextEncoder().encode(csv), 'ledger.csv'));
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, '组织编码'],
      [4, '日期'],
      [5, '时长（小时）'],
    ]);
    // Outside the subtree reads exactly like a code that does not exist: nothing about the organization leaks.
    expect(res.body.error.details.errors[0].message).toBe('组织编码不存在或不在您的管辖范围内');
    expect(JSON.stringify(res.body)).not.toContain(tree.grid2.name);
  });

  it('points each repeated row at the first copy in the file', async () => {
    const line = `${tree.grid.code},党课,${year}-10-10,重复三次的记录,9,,`;
    const csv = [header.join(','), line, line, line].join('\n');
    const res = await admin.call('POST', '/api/imports/ledger', upload(new TextEncoder().encode(csv), 'dup.csv'));
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: { row: number; message: string }) => [e.row, e.message])).toEqual([
      [3, '与第 2 行重复'],
      [4, '与第 2 行重复'],
    ]);
  });

  it('runs the same verb from the command line context', async () => {
    const bytes = await xlsx([[tree.grid2.code, '党课', `${year}-09-09`, '命令行导入', 12, null, null]]);
    const result = await importLedger({ ctx: cliCtx(t.db), spreadsheet: exceljsSpreadsheet, file: { name: 'cli.xlsx', bytes } });
    expect(result.imported).toBe(1);
  });

  it('offers a template with the expected header and a choice list of kinds', async () => {
    const res = await t.app.request('/api/imports/ledger/template', { headers: { authorization: `Bearer ${await createToken(t.db, 'admin', tree.district.id)}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('台账导入模板.xlsx')}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(header);
    expect(ws.getCell('B2').dataValidation.formulae?.[0]).toContain('主题党日');
    expect(wb.getWorksheet('填写说明')).toBeDefined();
  });
});

describe('organization import', () => {
  it('accepts parents later in the same file, and refuses the whole file over one bad row', async () => {
    const street = uniqueCode('S');
    const community = uniqueCode('C');
    const grid = uniqueCode('G');
    const lines = (kind: string) => [
      '组织编码,组织名称,组织类型,上级组织编码,考核类别,书记,党员人数,成立日期',
      `${grid},新建第一网格党支部,网格党支部,${community},,刘洋,35,2020-01-01`,
      `${community},新建社区党委,${kind},${street},,王芳,12,2019-05-01`,
      `${street},新建街道党工委,街道党工委,${tree.district.code},,陈明,0,2019-01-01`,
    ].join('\n');
    const bad = await admin.call('POST', '/api/imports/orgs', upload(new TextEncoder().encode(lines('居委会')), 'orgs.csv'));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0]).toMatchObject({ row: 3, column: '组织类型', value: '居委会' });
    expect(await t.db.selectFrom('organizations').select('id').where('code', 'in', [street, community, grid]).execute()).toHaveLength(0);

    const ok = await admin.call('POST', '/api/imports/orgs', upload(new TextEncoder().encode(lines('社区党组织')), 'orgs.csv'));
    expect(ok.status).toBe(200);
    expect(ok.body.imported).toBe(3);
    const rows = await t.db.selectFrom('organizations').select(['code', 'path', 'depth', 'kind', 'member_count']).where('code', 'in', [street, community, grid]).orderBy('depth').execute();
    expect(rows.map((r) => [r.kind, r.depth])).toEqual([['street', 1], ['community', 2], ['grid', 3]]);
    expect(rows[2]!.path.startsWith(rows[1]!.path)).toBe(true);
    expect(rows[1]!.path.startsWith(tree.district.path)).toBe(true);
  });

  it('reports every error of the sheet in one pass: a row with bad cells still has its parent checked, and an unknown parent is no "cycle"', async () => {
    const [street, community, grid, child] = ['S', 'C', 'G', 'H'].map(uniqueCode);
    const lines = [
      '组织编码,组织名称,组织类型,上级组织编码,考核类别,书记,党员人数,成立日期',
      `${street},新建街道党工委,街道党工委,${tree.district.code},,陈明,0,2019-01-01`,
      // A bad member count and an unknown parent: both are reported.
      `${community},新建社区党委,社区党组织,不存在的街道,,王芳,很多,2019-05-01`,
      // An unknown parent: reported once, for that, and not as a cycle.
      `${grid},新建网格党支部,网格党支部,无此社区,,刘洋,35,2020-01-01`,
      // A child of a row already reported: fixing the parent is enough, so nothing is said about it.
      `${child},新建楼院党小组,楼院党小组,${grid},,赵强,5,2020-01-01`,
    ].join('\n');
    const res = await admin.call('POST', '/api/imports/orgs', upload(new TextEncoder().encode(lines), 'orgs.csv'));
    expect(res.status).toBe(400);
    const errors = (res.body.error.details.errors as { row: number; column: string; value: string | null; message: string }[]).map((e) => [e.row, e.column, e.value]);
    expect(errors).toEqual(
      expect.arrayContaining([
        [3, '党员人数', '很多'],
        [3, '上级组织编码', '不存在的街道'],
        [4, '上级组织编码', '无此社区'],
      ]),
    );
    expect(errors).toHaveLength(3);
    expect(JSON.stringify(res.body)).not.toContain('循环');
    expect(await t.db.selectFrom('organizations').select('id').where('code', 'in', [street, community, grid, child]).execute()).toHaveLength(0);
  });
});
