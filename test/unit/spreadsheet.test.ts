import { describe, expect, it } from 'vitest';
import { exceljsSpreadsheet } from '../../src/adapters/spreadsheet-exceljs';

describe('reading uploaded sheets', () => {
  it('reads a CSV that Excel on Chinese Windows saved in GB18030', async () => {
    // '组织编码,记录类型,日期,标题\r\nX1,主题党日,2025-06-18,学习\r\n' encoded as GB18030 (python: s.encode('gb18030')).
    const bytes = new Uint8Array([
      215, 233, 214, 175, 177, 224, 194, 235, 44, 188, 199, 194, 188, 192, 224, 208, 205, 44, 200, 213, 198, 218, 44, 177, 234,
      204, 226, 13, 10, 88, 49, 44, 214, 247, 204, 226, 181, 179, 200, 213, 44, 50, 48, 50, 53, 45, 48, 54, 45, 49, 56, 44, 209,
      167, 207, 176, 13, 10,
    ]);
    const sheet = await exceljsSpreadsheet.read(bytes, 'ledger.csv');
    expect(sheet.headers).toEqual(['组织编码', '记录类型', '日期', '标题']);
    expect(sheet.rows).toEqual([{ rowNumber: 2, cells: ['X1', '主题党日', '2025-06-18', '学习'] }]);
  });

  it('strips a UTF-8 byte-order mark and skips blank lines, keeping Excel row numbers', async () => {
    const text = '\uFEFF组织编码,标题\r\nA,一\r\n,\r\nB,二\r\n';
    const sheet = await exceljsSpreadsheet.read(new TextEncoder().encode(text), 'x.csv');
    expect(sheet.headers).toEqual(['组织编码', '标题']);
    expect(sheet.rows.map((r) => r.rowNumber)).toEqual([2, 4]);
  });

  it('says clearly when an .xlsx is not readable', async () => {
    await expect(exceljsSpreadsheet.read(new Uint8Array([0x50, 0x4b, 1, 2, 3]), 'bad.xlsx')).rejects.toThrow('无法读取该 Excel 文件');
  });
});
