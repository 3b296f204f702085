import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../errors/app-error';
import { annotateSheet } from './sheet-annotator-exceljs';
import { importRefused, type RowError } from '../features/imports/sheet-reader';
import type { Cell, OutSheet, Sheet, Spreadsheet, TemplateSpec } from '../features/imports/spreadsheet';

const MAX_ROWS = 200_000;

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b;
}

/** A formula Excel never calculated (written by a program, not saved from Excel): no value to read. */
function uncalculatedFormula(value: ExcelJS.CellValue): string | null {
  if (!value || typeof value !== 'object' || value instanceof Date) return null;
  if (('formula' in value || 'sharedFormula' in value) && (!('result' in value) || value.result === undefined)) {
    const f = value as { formula?: string; sharedFormula?: string };
    return `=${f.formula ?? f.sharedFormula ?? ''}`;
  }
  return null;
}

/** exceljs cell values come in several shapes (rich text, formulas, links): reduce them to plain cells. */
function plainCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return plainCell(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return null;
  }
  return String(value);
}

function isEmpty(cells: Cell[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

async function readXlsx(bytes: Uint8Array): Promise<Sheet> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('validation_failed', '无法读取该 Excel 文件，请确认是 .xlsx 格式（不支持旧版 .xls）', { field: 'file' });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('validation_failed', 'Excel 文件中没有工作表', { field: 'file' });
  const header = ws.getRow(1);
  const width = header.cellCount;
  const headers = Array.from({ length: width }, (_, i) => String(plainCell(header.getCell(i + 1).value) ?? '').trim());
  const rows: Sheet['rows'] = [];
  const formulas: RowError[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = Array.from({ length: width }, (_, i) => {
      const value = row.getCell(i + 1).value;
      const formula = uncalculatedFormula(value);
      if (formula) formulas.push({ row: rowNumber, column: headers[i] || `第 ${i + 1} 列`, value: formula, message: '是没有计算结果的公式：请在 Excel 中打开并保存，或把公式粘贴为数值' });
      return formula ? null : plainCell(value);
    });
    if (!isEmpty(cells)) rows.push({ rowNumber, cells });
  });
  if (formulas.length > 0) throw importRefused(formulas, rows.length);
  return { headers, rows };
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Excel on Chinese Windows saves "CSV" in the system code page.
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function readCsv(bytes: Uint8Array): Sheet {
  let records: string[][];
  try {
    records = parse(decodeText(bytes), { relax_column_count: true, skip_empty_lines: false, bom: true });
  } catch (e) {
    throw new AppError('validation_failed', `CSV 文件格式有误：${(e as Error).message}`, { field: 'file' });
  }
  const [header = [], ...body] = records;
  const rows = body
    .map((cells, i) => ({ rowNumber: i + 2, cells: cells.map((c): Cell => (c.trim() === '' ? null : c)) }))
    .filter((r) => !isEmpty(r.cells));
  return { headers: header.map((h) => h.trim()), rows };
}

async function template(spec: TemplateSpec, format: 'xlsx' | 'csv'): Promise<Uint8Array> {
  if (format === 'csv') {
    const line = spec.columns.map((c) => c.header).join(',');
    return new TextEncoder().encode(`\uFEFF${line}\r\n`);
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = '星评';
  const ws = wb.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = spec.columns.map((c) => ({ header: c.header, width: c.width }));
  const head = ws.getRow(1);
  head.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFB22222' } };
  spec.columns.forEach((c, i) => {
    head.getCell(i + 1).note = c.note;
    if (c.choices) {
      const list = `"${c.choices.join(',')}"`;
      for (let r = 2; r <= 1000; r++) {
        ws.getCell(r, i + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [list] };
      }
    }
  });
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ header: '列', width: 18 }, { header: '说明', width: 60 }, { header: '示例', width: 36 }];
  help.getRow(1).font = { bold: true };
  for (const c of spec.columns) help.addRow([c.header, c.note, c.example]);
  help.addRow([]);
  help.addRow(['注意', `${spec.title}：第一个工作表的第 1 行是表头，从第 2 行起每行一条；任何一行有误时整批都不会写入，系统会列出所有出错的行。`]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function workbook(sheets: readonly OutSheet[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '星评';
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' },
      views: [{ state: 'frozen', ySplit: 2 }],
    });
    ws.columns = sheet.columns.map((c) => ({ width: c.width }));
    ws.mergeCells(1, 1, 1, sheet.columns.length);
    const title = ws.getCell(1, 1);
    title.value = sheet.title;
    title.font = { bold: true, size: 14 };
    title.alignment = { horizontal: 'center' };
    const head = ws.getRow(2);
    sheet.columns.forEach((c, i) => {
      const cell = head.getCell(i + 1);
      cell.value = c.header;
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    });
    for (const values of sheet.rows) {
      const row = ws.addRow(values);
      row.eachCell((cell) => {
        cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
        cell.alignment = { vertical: 'top', wrapText: true };
      });
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The Node implementation of Spreadsheet. */
export const exceljsSpreadsheet: Spreadsheet = {
  workbook,
  async read(bytes, fileName) {
    const sheet = isZip(bytes) || /\.xlsx$/i.test(fileName) ? await readXlsx(bytes) : readCsv(bytes);
    if (sheet.rows.length > MAX_ROWS) {
      throw new AppError('validation_failed', `一次最多导入 ${MAX_ROWS} 行，该文件有 ${sheet.rows.length} 行`, { field: 'file' });
    }
    return sheet;
  },
  template,
  annotate: annotateSheet,
};
