import type { RubricTable } from '../../rules/rubric-table';
import { show } from '../../scoring/decimal';

/**
 * The printed 考核细则表's model (templates/rubric.hbs): the rubric table with its rows flattened, each part's title
 * spanning its rows. Pure; every field the template reads is set (null where there is nothing).
 */
export function rubricDocument(t: RubricTable) {
  const rows = t.parts.flatMap((p) =>
    p.rows.map((r, i) => ({
      first: i === 0,
      span: p.rows.length,
      partTitle: p.title,
      partPoints: p.points === null ? null : `${p.kind === 'bonus' ? '最多加 ' : ''}${show(p.points)} 分`,
      partNotes: p.notes,
      indicator: r.indicator,
      points: r.points === null ? '据实' : show(r.points),
      method: r.method,
    })),
  );
  return {
    title: t.title,
    version: t.version,
    categoriesText: t.categories.map((c) => c.label).join('、'),
    totalLine: t.total === null ? '总分不设满分' : `满分 ${show(t.total)} 分`,
    totalText: t.totalText,
    notes: t.notes,
    rows,
    grading: t.grading,
    source: t.source,
  };
}

/** The printed rubric's footer line: which version, and the start of its content hash to tell versions apart. */
export const rubricFooter = (t: RubricTable) => `星评 · 考核细则 · ${t.title} · 版本 ${t.version} · 校验码 ${t.hash.slice(0, 16)}`;
