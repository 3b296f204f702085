import { AppError } from '../../errors/app-error';
import { dateCellToIso, parseLooseDate } from '../../lib/dates';
import type { Cell, Sheet, SheetRow } from './spreadsheet';

/** One problem in one cell, in the words shown to the person who filled in the sheet. */
export type RowError = { row: number; column: string; value: string | null; message: string };

export type ColumnDef = { key: string; header: string; aliases?: readonly string[]; required?: boolean };

/** Matches header cells to columns ('组织编码*' and '组织编码' both match), refusing a sheet without required ones. */
export function mapColumns<K extends string>(sheet: Sheet, defs: readonly (ColumnDef & { key: K })[]): Record<K, number | undefined> {
  const normalized = sheet.headers.map((h) => h.replace(/[*＊\s]/g, ''));
  const index = {} as Record<K, number | undefined>;
  const missing: string[] = [];
  for (const d of defs) {
    const names = [d.header, ...(d.aliases ?? [])];
    const i = normalized.findIndex((h) => names.includes(h));
    index[d.key] = i >= 0 ? i : undefined;
    if (i < 0 && d.required) missing.push(d.header);
  }
  if (missing.length > 0) {
    throw new AppError('import_invalid', `表头缺少必填列：${missing.join('、')}（请使用下载的模板）`, {
      errors: missing.map((m) => ({ row: 1, column: m, value: null, message: '缺少该列' })),
    });
  }
  if (sheet.rows.length === 0) throw new AppError('import_invalid', '文件中没有数据行', { errors: [] });
  return index;
}

/** Reads typed values out of a row, recording a RowError for each bad cell. */
export class RowReader {
  readonly errors: RowError[] = [];

  constructor(private readonly headers: Record<string, string>) {}

  private fail(row: SheetRow, key: string, value: Cell, message: string): null {
    this.errors.push({ row: row.rowNumber, column: this.headers[key] ?? key, value: display(value), message });
    return null;
  }

  raw(row: SheetRow, index: number | undefined): Cell {
    return index === undefined ? null : (row.cells[index] ?? null);
  }

  text(row: SheetRow, key: string, index: number | undefined, opts: { required?: boolean; max?: number } = {}): string | null {
    const v = this.raw(row, index);
    const s = v === null ? '' : v instanceof Date ? dateCellToIso(v) : String(v).trim();
    if (s === '') return opts.required ? this.fail(row, key, v, '必填') : null;
    if (opts.max && s.length > opts.max) return this.fail(row, key, v, `超过 ${opts.max} 个字`);
    return s;
  }

  date(row: SheetRow, key: string, index: number | undefined, opts: { required?: boolean } = {}): string | null {
    const v = this.raw(row, index);
    if (v === null || (typeof v === 'string' && v.trim() === '')) return opts.required ? this.fail(row, key, v, '必填') : null;
    if (v instanceof Date) return dateCellToIso(v);
    const iso = parseLooseDate(String(v));
    return iso ?? this.fail(row, key, v, '不是有效日期（应为 2025-06-18 这样的格式）');
  }

  int(row: SheetRow, key: string, index: number | undefined, opts: { min?: number; max?: number } = {}): number | null {
    const v = this.raw(row, index);
    if (v === null || (typeof v === 'string' && v.trim() === '')) return null;
    const n = typeof v === 'number' ? v : Number(String(v).trim());
    if (!Number.isInteger(n)) return this.fail(row, key, v, '应为整数');
    if (opts.min !== undefined && n < opts.min) return this.fail(row, key, v, `不能小于 ${opts.min}`);
    if (opts.max !== undefined && n > opts.max) return this.fail(row, key, v, `不能大于 ${opts.max}`);
    return n;
  }

  /** Records a problem found after the cell was read (unknown code, closed cycle...). */
  add(row: SheetRow | number, key: string, value: Cell | string, message: string): void {
    const rowNumber = typeof row === 'number' ? row : row.rowNumber;
    this.errors.push({ row: rowNumber, column: this.headers[key] ?? key, value: display(value), message });
  }
}

function display(v: Cell | string): string | null {
  if (v === null) return null;
  return v instanceof Date ? dateCellToIso(v) : String(v);
}

/** The all-or-nothing refusal: nothing was written, and here is every bad row. */
export function importRefused(errors: RowError[], rowCount: number): AppError {
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  const badRows = new Set(sorted.map((e) => e.row));
  const preview = sorted
    .slice(0, 3)
    .map((e) => `第 ${e.row} 行「${e.column}」：${e.value === null ? '' : `${e.value} `}${e.message}`)
    .join('；');
  return new AppError(
    'import_invalid',
    `导入失败：${rowCount} 行中有 ${badRows.size} 行有误，未写入任何数据。${preview}${sorted.length > 3 ? '……' : ''}`,
    { rowCount, badRows: [...badRows], errors: sorted },
  );
}
