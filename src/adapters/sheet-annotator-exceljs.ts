import ExcelJS from 'exceljs';
import { BAD_CELL_ARGB, ERROR_COLUMN, NOTE_ARGB, planAnnotation } from '../features/imports/annotate-sheet';
import type { SheetAnnotator } from '../features/imports/spreadsheet';

function fill(cell: ExcelJS.Cell, argb: string): void {
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/** The copy's first worksheet: the uploaded workbook itself (formatting kept), or a CSV laid out at its own row numbers. */
async function firstWorksheet(bytes: Uint8Array, sheet: Parameters<SheetAnnotator>[1]): Promise<{ wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet }> {
  const wb = new ExcelJS.Workbook();
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (ws) return { wb, ws };
  }
  const ws = wb.addWorksheet('导入数据');
  ws.getRow(1).values = sheet.headers;
  for (const row of sheet.rows) ws.getRow(row.rowNumber).values = row.cells.map((c) => c ?? undefined);
  return { wb, ws };
}

/**
 * The annotated copy of an uploaded sheet (the plan of features/imports/annotate-sheet.ts written with
 * exceljs): a 错误说明 column at the right of each bad row, every bad cell filled red, the data untouched.
 */
export const annotateSheet: SheetAnnotator = async (bytes, sheet, errors) => {
  const { wb, ws } = await firstWorksheet(bytes, sheet);
  const head = ws.getRow(1);
  const headers = Array.from({ length: head.cellCount }, (_, i) => head.getCell(i + 1).text);
  const plan = planAnnotation(headers, errors);
  const title = head.getCell(plan.noteColumn);
  title.value = ERROR_COLUMN;
  title.font = { bold: true, color: { argb: 'FFC00000' } };
  ws.getColumn(plan.noteColumn).width = 60;
  for (const { row, column } of plan.badCells) fill(ws.getRow(row).getCell(column), BAD_CELL_ARGB);
  for (const { row, text } of plan.notes) {
    const note = ws.getRow(row).getCell(plan.noteColumn);
    note.value = row === 1 ? `${ERROR_COLUMN}\n${text}` : text;
    note.alignment = { wrapText: true, vertical: 'top' };
    note.font = { color: { argb: 'FFC00000' }, bold: row === 1 };
    if (row > 1) fill(note, NOTE_ARGB);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
};
