import type { CellError } from './spreadsheet';

/** The header of the column added to the annotated copy. */
export const ERROR_COLUMN = '错误说明';
/** The fill of a cell that holds an error (light red), and of the 错误说明 cell of a bad row (light yellow). */
export const BAD_CELL_ARGB = 'FFFFC7CE';
export const NOTE_ARGB = 'FFFFF2CC';

/** What to write into the annotated copy: a note per bad row, and the bad cells to fill (1-based rows and columns). */
export type AnnotationPlan = {
  noteColumn: number;
  notes: { row: number; text: string }[];
  badCells: { row: number; column: number }[];
};

const headerKey = (h: string) => h.replace(/[*＊\s]/g, '');

/**
 * Where each error goes in the uploaded sheet, given its header row: the error's column is found by its
 * header ('组织编码*' matches '组织编码', as the import does), the note goes to a new column at the right, one
 * line per error (「列」：值 — 原因). Errors about a missing column (row 1) only get a note on the header row.
 * Pure: the Spreadsheet adapter writes the plan with exceljs.
 */
export function planAnnotation(headers: readonly string[], errors: readonly CellError[]): AnnotationPlan {
  const columnOf = new Map<string, number>();
  headers.forEach((h, i) => {
    if (!columnOf.has(headerKey(h))) columnOf.set(headerKey(h), i + 1);
  });
  const byRow = new Map<number, CellError[]>();
  for (const e of errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  const notes: AnnotationPlan['notes'] = [];
  const badCells: AnnotationPlan['badCells'] = [];
  for (const [row, list] of [...byRow].sort((a, b) => a[0] - b[0])) {
    notes.push({ row, text: list.map((e) => `「${e.column}」${e.value === null || e.value === '' ? '' : `：${e.value}`} — ${e.message}`).join('\n') });
    for (const e of list) {
      const column = columnOf.get(headerKey(e.column));
      if (column !== undefined && row > 1) badCells.push({ row, column });
    }
  }
  return { noteColumn: headers.length + 1, notes, badCells };
}
