import type { Schemas } from '../../api/client';

export type Ranking = Schemas['RankingItem'];
export type RankingFilter = { category: string; parentId: number | null; grade: string; move: string; lagging: boolean; decided: string; text: string };

export const emptyFilter = (): RankingFilter => ({ category: '', parentId: null, grade: '', move: '', lagging: false, decided: '', text: '' });

/** The rows the filters keep (the server's rows and numbers; the page only chooses which to show). */
export function applyFilter(items: readonly Ranking[], f: RankingFilter): Ranking[] {
  const text = f.text.trim();
  return items.filter(
    (r) =>
      (!f.category || r.category === f.category) &&
      (f.parentId === null || r.parentId === f.parentId) &&
      (!f.grade || r.gradeLabel === f.grade) &&
      (!f.move || r.move === f.move) &&
      (!f.lagging || r.lagging) &&
      (!f.decided || (f.decided === 'other' ? Boolean(r.reason.text) : r.reason.code === f.decided)) &&
      (!text || r.name.includes(text) || r.code.includes(text)),
  );
}

/** The distinct values of a column, in first-seen order (the server sends rows by category and rank). */
export function choices<T>(items: readonly Ranking[], pick: (r: Ranking) => T | null): T[] {
  return [...new Set(items.map(pick).filter((v): v is T => v !== null && v !== ''))];
}

/** The filter a link asks for (`/rankings?category=community&grade=五星&move=晋位&lagging=1`, from the 驾驶舱). */
export function filterFromQuery(query: Record<string, unknown>): Partial<RankingFilter> {
  const text = (k: string) => (typeof query[k] === 'string' ? (query[k] as string) : '');
  const f: Partial<RankingFilter> = {};
  if (text('category')) f.category = text('category');
  if (text('grade')) f.grade = text('grade');
  if (text('move')) f.move = text('move');
  if (text('lagging') === '1') f.lagging = true;
  if (Number(text('parentId')) > 0) f.parentId = Number(text('parentId'));
  return f;
}
