/** A cell as read from a spreadsheet: text, a number, a date cell, a boolean, or empty. */
export type Cell = string | number | boolean | Date | null;

/** One data row; `rowNumber` is the row number the user sees in Excel (the header is row 1). */
export type SheetRow = { rowNumber: number; cells: Cell[] };

export type Sheet = { headers: string[]; rows: SheetRow[] };

export type TemplateColumn = { header: string; width: number; note: string; example: string; choices?: string[] };
export type TemplateSpec = { title: string; sheetName: string; columns: TemplateColumn[] };

/** A sheet to write: a title row above the header, then rows of plain values. */
export type OutSheet = { name: string; title: string; columns: { header: string; width: number }[]; rows: (string | number | null)[][] };

/** Reads uploaded sheets and writes template sheets; the Node implementation uses exceljs and csv-parse. */
export type Spreadsheet = {
  /** An .xlsx workbook of the given sheets (print layout: A4 landscape, header repeated on every page). */
  workbook(sheets: readonly OutSheet[]): Promise<Uint8Array>;
  /** The first worksheet of an .xlsx, or a .csv (UTF-8 with or without BOM, or GB18030 as Excel saves it). */
  read(bytes: Uint8Array, fileName: string): Promise<Sheet>;
  template(spec: TemplateSpec, format: 'xlsx' | 'csv'): Promise<Uint8Array>;
  /** The uploaded sheet as .xlsx with a 错误说明 column and its bad cells filled (the annotated copy). */
  annotate: SheetAnnotator;
};

/** One problem in one cell of an uploaded sheet (the shape of sheet-reader's RowError). */
export type CellError = { row: number; column: string; value: string | null; message: string };

/** Writes the annotated copy of an uploaded sheet (Node only: exceljs). */
export type SheetAnnotator = (bytes: Uint8Array, sheet: Sheet, errors: readonly CellError[]) => Promise<Uint8Array>;
