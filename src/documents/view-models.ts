import type { ScoreResult } from '../scoring/evaluate';

/**
 * View models of the printed documents, built from stored results only (pure: no I/O). Templates print
 * these fields and nothing else, so a document cannot disagree with the stored revision it names.
 */

export type GradeScale = { grades: { id: string; label: string }[] } | null;

/** One organization's stored result as a printed scorecard reads it. */
export type ScorecardSource = {
  org: { id: number; code: string; name: string; categoryLabel: string; parentName: string | null; secretary: string | null };
  year: number;
  revision: { id: number; kind: 'compute' | 'correction'; createdOn: string };
  result: ScoreResult & { correction?: string };
  formula: string;
  totalMax: string;
  scale: GradeScale;
  grade: {
    grade: string | null;
    label: string | null;
    rankCategory: number | null;
    rankParent: number | null;
    lagging: boolean;
    move: string | null;
    detail: { steps?: { text: string }[]; consequences?: string[]; next?: { text: string } | null; lastGradeLabel?: string | null } | null;
  } | null;
};

export type ScorecardContent = ReturnType<typeof scorecardContent>;

export function revisionLabel(r: { id: number; kind: 'compute' | 'correction'; createdOn: string }): string {
  return `${r.kind === 'correction' ? '更正' : '计分'}版本 #${r.id}，${r.createdOn}`;
}

/** Stars for a star scale (labels ending in 星, best first): filled and empty; null for named grades. */
export function starsOf(scale: GradeScale, grade: string | null): boolean[] | null {
  if (!scale || !grade) return null;
  const starGrades = scale.grades.filter((g) => g.label.endsWith('星') && g.label !== '无星');
  if (starGrades.length < 2 || starGrades.length < scale.grades.length - 1) return null;
  const max = starGrades.length;
  const index = starGrades.findIndex((g) => g.id === grade);
  const filled = index < 0 ? 0 : max - index;
  return Array.from({ length: max }, (_, i) => i < filled);
}

/** The scorecard's content: every figure and line comes from the stored result and grade. */
export function scorecardContent(s: ScorecardSource) {
  const g = s.grade;
  const detail = g?.detail ?? null;
  const ranks: string[] = [];
  if (g?.rankCategory) ranks.push(`${s.org.categoryLabel}中第 ${g.rankCategory} 名`);
  if (g?.rankParent && s.org.parentName) ranks.push(`${s.org.parentName}内第 ${g.rankParent} 名`);
  return {
    year: s.year,
    org: { code: s.org.code, name: s.org.name, categoryLabel: s.org.categoryLabel, parentName: s.org.parentName ?? '—', secretary: s.org.secretary ?? '—' },
    revision: { id: s.revision.id, label: revisionLabel(s.revision) },
    ruleSet: { id: s.result.ruleSet.id, title: s.result.ruleSet.title, version: s.result.ruleSet.version, hash: s.result.ruleSet.hash },
    assessed: s.result.assessed,
    reasons: s.result.reasons,
    total: s.result.total,
    totalMax: s.totalMax,
    formula: s.formula,
    correction: s.result.correction ?? null,
    grade: {
      label: g?.label ?? (s.result.assessed ? '未定级' : '不参加评定'),
      stars: starsOf(s.scale, g?.grade ?? null),
      ranks,
      last: detail?.lastGradeLabel ?? '无',
      move: g?.move ?? null,
      lagging: g?.lagging ?? false,
      steps: (detail?.steps ?? []).map((x) => x.text),
    },
    next: detail?.next?.text ?? null,
    consequences: detail?.consequences ?? [],
    parts: s.result.parts.map((p) => ({
      id: p.id,
      title: p.title,
      points: p.points,
      max: p.max ?? '—',
      note: p.valid ? (p.note ?? '') : (p.invalidReason ?? p.note ?? ''),
      indicators: p.indicators.map((i) => ({ title: i.title, points: i.points, max: i.max ?? '—', lines: i.lines.map((l) => l.text) })),
    })),
  };
}

/** What makes a printed document traceable: its id, the QR code of its verify address, its content hash. */
export type DocumentStamp = { docId: string; verifyUrl: string; qr: string; contentHash: string };

/** The scorecard's view model: content, the parts chart, and its stamp. */
export function scorecardView(content: ScorecardContent, stamp: DocumentStamp) {
  return { ...content, ...stamp, chart: partsChart(content.parts) };
}

export type RankingRow = {
  code: string;
  name: string;
  parentName: string | null;
  categoryLabel: string;
  total: string;
  assessed: boolean;
  gradeLabel: string | null;
  rankCategory: number | null;
  rankParent: number | null;
  move: string | null;
  lagging: boolean;
};

/** The ranking list: a table per category in rank order (rank in the category, and within the parent). */
export function rankingsContent(input: { year: number; scopeName: string; revision: { id: number; kind: 'compute' | 'correction'; createdOn: string }; rows: RankingRow[] }) {
  const groups = new Map<string, RankingRow[]>();
  for (const r of input.rows) groups.set(r.categoryLabel, [...(groups.get(r.categoryLabel) ?? []), r]);
  return {
    year: input.year,
    scopeName: input.scopeName,
    revision: { id: input.revision.id, label: revisionLabel(input.revision) },
    count: input.rows.length,
    groups: [...groups].map(([label, rows]) => ({
      title: `${label}（${rows.length} 个）`,
      rows: [...rows]
        .sort((a, b) => (a.rankCategory ?? Infinity) - (b.rankCategory ?? Infinity) || a.code.localeCompare(b.code))
        .map((r) => ({
          rank: r.rankCategory ?? '—',
          name: r.name,
          parentName: r.parentName ?? '—',
          total: r.total,
          grade: r.assessed ? (r.gradeLabel ?? '未定级') : '不参加评定',
          move: r.move ?? '—',
          lagging: r.lagging,
          note: r.rankParent && r.parentName ? `${r.lagging ? ' ' : ''}上级内第 ${r.rankParent} 名` : '',
        })),
    })),
  };
}

/** Horizontal bars of each part's points against its maximum (deductions drawn from the right), inline SVG. */
export function partsChart(parts: { title: string; points: string; max: string }[]): string {
  const rowH = 22;
  const labelW = 58;
  const barW = 130;
  const width = labelW + barW + 78;
  const height = parts.length * rowH + 22;
  const bars = parts.map((p, i) => {
    const y = 18 + i * rowH;
    const points = Number(p.points);
    const max = Number(p.max);
    const share = Number.isFinite(max) && max > 0 ? Math.max(0, Math.min(1, points / max)) : points < 0 ? 1 : 0;
    const color = points < 0 ? '#6b7280' : '#b3261e';
    return (
      `<text x="${labelW - 4}" y="${y + 11}" text-anchor="end">${escapeXml(p.title)}</text>` +
      `<rect x="${labelW}" y="${y}" width="${barW}" height="14" fill="#f1e9e0"/>` +
      `<rect x="${labelW}" y="${y}" width="${(barW * share).toFixed(1)}" height="14" fill="${color}"/>` +
      `<text x="${labelW + barW + 4}" y="${y + 11}">${escapeXml(p.points)}${Number.isFinite(max) ? `/${escapeXml(p.max)}` : ''}</text>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" font-size="10" font-family="Noto Sans SC">` +
    `<text x="0" y="11" font-weight="700">得分与满分</text>${bars.join('')}</svg>`
  );
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
