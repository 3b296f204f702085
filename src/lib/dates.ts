const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date written 'YYYY-MM-DD' (rejects 2025-02-30). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

/**
 * Reads the date formats people type into spreadsheets: 2025-03-08, 2025/3/8, 2025.3.8, 2025年3月8日.
 * Returns 'YYYY-MM-DD' or null.
 */
export function parseLooseDate(text: string): string | null {
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(text);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** A spreadsheet date cell (a Date at UTC midnight) as 'YYYY-MM-DD'. */
export function dateCellToIso(d: Date): string {
  return d.toISOString().slice(0, 10);
}
