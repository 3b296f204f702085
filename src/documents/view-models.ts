import { MIN_GROUP_SAMPLE } from '../domain/catalog';
import type { RuleSet } from '../rules/rule-set.schema';
import { showIn } from '../scoring/decimal';
import { notAssessedLabelOf, type ScoreResult } from '../scoring/evaluate';
import { factUnit, type Distribution } from '../scoring/fact-catalog';

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
  /** The rule set's facts that carry evaluation results (`evaluationFacts`). */
  evaluationFacts: EvaluationFact[];
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

/** A revision as paper names it ('第 3 号计分版本，2025-12-01'); not in the content hash (`contentHash`). */
export function revisionLabel(r: { id: number; kind: 'compute' | 'correction'; createdOn: string }): string {
  return `第 ${r.id} 号${r.kind === 'correction' ? '更正' : '计分'}版本，${r.createdOn}`;
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
      label: g?.label ?? (s.result.assessed ? '未定级' : notAssessedLabelOf(s.result)),
      stars: starsOf(s.scale, g?.grade ?? null),
      ranks,
      last: detail?.lastGradeLabel ?? '无',
      move: g?.move ?? null,
      lagging: g?.lagging ?? false,
      steps: (detail?.steps ?? []).map((x) => x.text),
    },
    next: detail?.next?.text ?? null,
    consequences: detail?.consequences ?? [],
    evaluations: evaluationResults(s.result, s.evaluationFacts),
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

/** Evaluation results the scorecard lists on their own, by the fact source they come from, in this order. */
const evaluationFamilies = [
  { prefix: 'reviews.', title: '述职评议' },
  { prefix: 'twoway.', title: '双向评价' },
  { prefix: 'ballots.', title: '群众评议' },
] as const;

/** A fact that carries evaluation results, and the order its valid answers and rater groups print in. */
export type EvaluationFact = {
  name: string;
  title: string;
  label: string;
  unit: string;
  answers: string[];
  groups: string[];
  /** A tally of sheets (one answer per sheet: a single item), not of answers across several items. */
  perSheet: boolean;
  /** The value a rate or average takes when there was nothing to count (`ifNone`), if the fact has one. */
  ifNone: number | null;
};

/**
 * The facts of a rule set that carry duty-review, two-way and resident-rating results. A tally's answers and
 * groups print as the `votes` clause that reads it values them: highest points, then heaviest weight, first.
 */
export function evaluationFacts(rs: RuleSet): EvaluationFact[] {
  const clauses = rs.parts.flatMap((p) => p.indicators.flatMap((i) => i.clauses));
  return Object.entries(rs.facts).flatMap(([name, def]) => {
    const family = evaluationFamilies.find((f) => def.source.startsWith(f.prefix));
    if (!family) return [];
    const votes = clauses.find((c) => c.type === 'votes' && c.fact === name);
    // Best answer and heaviest group first (a stored rule set's keys may have lost the file's order).
    const byValue = (o: Record<string, number>) => Object.keys(o).sort((a, b) => o[b]! - o[a]!);
    const answers = votes?.type === 'votes' ? byValue(votes.coefficients) : [];
    const groups = votes?.type === 'votes' ? byValue(votes.groups ?? {}) : [];
    const perSheet = def.source === 'reviews.tally' || (def.source === 'ballots.tally' && def.item !== undefined);
    const ifNone = def.source === 'twoway.received' || def.source === 'ballots.share' ? def.ifNone : null;
    return [{ name, title: family.title, label: def.label, unit: factUnit(def), answers, groups, perSheet, ifNone }];
  });
}

/**
 * A tally as printed: each group's sheets and answers. Should any group have fewer than MIN_GROUP_SAMPLE
 * sheets, every group shows only its count of sheets: with the others' answers beside the overall shares
 * the explanation prints, a small group's answers could be worked out by subtraction.
 */
function tallyText(tally: Distribution, fact: EvaluationFact): string {
  const groups = [...fact.groups.filter((g) => g in tally), ...Object.keys(tally).filter((g) => !fact.groups.includes(g))];
  const sheets = new Map(groups.map((g) => [g, Object.values(tally[g]!).reduce((a, n) => a + n, 0)]));
  const detailed = [...sheets.values()].every((n) => n >= MIN_GROUP_SAMPLE);
  return groups
    .map((group) => {
      const counts = tally[group]!;
      if (!detailed) return `${group} ${sheets.get(group)} 张`;
      // Every valid answer, even at 0; others (不了解) only where given.
      const shown = [...fact.answers, ...Object.keys(counts).filter((a) => !fact.answers.includes(a) && (counts[a] ?? 0) > 0)];
      return `${group} ${sheets.get(group)} 张：${shown.map((a) => `${a} ${counts[a] ?? 0}`).join(' · ')}`;
    })
    .join('；');
}

/** A number as the explanations print it ('61.25 分', '85.5%'), saying so when it is only the value for "none". */
function valueText(value: number, fact: EvaluationFact): string {
  const text = showIn(value, fact.unit);
  return value === fact.ifNone ? `${text}（无评价时按此计）` : text;
}

/**
 * The scorecard's evaluation results: each such fact the stored explanation lines used, with the value they
 * used, grouped by kind (述职评议, 双向评价, 群众评议). Only what the stored revision holds is printed.
 */
export function evaluationResults(result: ScoreResult, facts: readonly EvaluationFact[]) {
  const used = new Map<string, unknown>();
  for (const line of result.parts.flatMap((p) => p.indicators.flatMap((i) => i.lines))) {
    for (const [name, value] of Object.entries(line.facts)) if (value !== null && !used.has(name)) used.set(name, value);
  }
  return evaluationFamilies
    .map((family) => ({
      title: family.title,
      items: facts
        // A tally of answers over several items counts answers, not sheets: the explanation line covers it.
        .filter((f) => f.title === family.title && used.has(f.name) && (typeof used.get(f.name) !== 'object' || f.perSheet))
        .map((f) => {
          const value = used.get(f.name);
          const text = typeof value === 'number' ? valueText(value, f) : typeof value === 'object' ? tallyText(value as Distribution, f) || '无有效票' : String(value);
          return { label: f.label, text };
        }),
    }))
    .filter((family) => family.items.length > 0);
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
  /** How the organization's rule set names one it does not assess. */
  notAssessedLabel: string;
  rankCategory: number | null;
  rankParent: number | null;
  move: string | null;
  lagging: boolean;
  /** Why the grade is not simply the band (the phrasebook's words), or why 后进 / not graded; '' otherwise. */
  reason: string;
};

/** The version of the ranking list's content model: 2 adds each row's reason (1 is kept to verify earlier paper). */
export const RANKINGS_VERSION = 2;

/** The ranking list: a table per category in rank order (rank in the category, and within the parent). */
export function rankingsContent(input: { year: number; scopeName: string; revision: { id: number; kind: 'compute' | 'correction'; createdOn: string }; rows: RankingRow[] }, version = RANKINGS_VERSION) {
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
          grade: r.assessed ? (r.gradeLabel ?? '未定级') : r.notAssessedLabel,
          move: r.move ?? '—',
          lagging: r.lagging,
          note: r.rankParent && r.parentName ? `${r.lagging ? ' ' : ''}上级内第 ${r.rankParent} 名` : '',
          ...(version >= 2 ? { reason: r.reason } : {}),
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

/** Review tallies as the duty-review result sheet reads them (the shape of `sessionResults`). */
export type ReviewTallies = {
  title: string;
  minGroupSample: number;
  subjects: {
    orgName: string;
    sheets: number;
    groups: { key: string; label: string; weight: number; sheets: number; shown: boolean; items: Record<string, Record<string, number>> }[];
  }[];
};

const percent = (x: number | null) => (x === null ? '—' : `${(Math.round(x * 1000) / 10).toFixed(1)}%`);

/**
 * The duty-review result sheet (述职评议结果): per subject, the overall answers of each rater group that reached
 * the minimum sample, and the weighted shares of 好 and of 好 + 较好 over those groups.
 */
export function reviewSheetContent(session: { year: number; kindLabel: string; orgName: string; title: string }, r: ReviewTallies) {
  const groups = (r.subjects[0]?.groups ?? []).map((g) => ({ label: g.label, weightText: `${Math.round(g.weight * 100)}%` }));
  const rows = r.subjects.map((s) => {
    let weight = 0;
    let good = 0;
    let goodFair = 0;
    const cells = s.groups.map((g) => {
      const overall = g.items.overall ?? {};
      const n = ['好', '较好', '一般', '差'].reduce((a, k) => a + (overall[k] ?? 0), 0);
      if (g.shown && n > 0) {
        weight += g.weight;
        good += (g.weight * (overall['好'] ?? 0)) / n;
        goodFair += (g.weight * ((overall['好'] ?? 0) + (overall['较好'] ?? 0))) / n;
      }
      return { shown: g.shown, sheets: g.sheets, good: overall['好'] ?? 0, fair: overall['较好'] ?? 0, average: overall['一般'] ?? 0, poor: overall['差'] ?? 0 };
    });
    return { orgName: s.orgName, sheets: s.sheets, cells, goodShare: percent(weight > 0 ? good / weight : null), goodFairShare: percent(weight > 0 ? goodFair / weight : null) };
  });
  return {
    year: session.year,
    kindLabel: session.kindLabel,
    orgName: session.orgName,
    title: session.title,
    subjectCount: r.subjects.length,
    sheetCount: r.subjects.reduce((a, s) => a + s.sheets, 0),
    minGroupSample: r.minGroupSample,
    groups,
    weightsText: groups.map((g) => `${g.label} ${g.weightText}`).join('，'),
    rows,
  };
}

type TwowayItems = Record<string, readonly { key: string; label: string; max: number }[]>;

/** The two-way feedback letter (双向评价反馈函) from a community to a resident unit. */
export function feedbackLetterContent(
  t: {
    agreementId: number;
    year: number;
    communityName: string;
    unitName: string;
    catalog: TwowayItems;
    evaluations: { direction: string; items: Record<string, number>; total: string; comment: string | null }[];
  },
  members: { memberName: string; reported: boolean; hours: string; rating: string | null; comment: string | null }[],
) {
  const side = (direction: string) => {
    const e = t.evaluations.find((x) => x.direction === direction);
    if (!e) return null;
    const items = (t.catalog[direction] ?? []).map((i) => ({ label: i.label, max: i.max, score: e.items[i.key] ?? 0 }));
    return { items, max: items.reduce((a, i) => a + i.max, 0), total: e.total, comment: e.comment };
  };
  const hours = members.reduce((a, m) => a + Math.round(Number(m.hours) * 100), 0) / 100;
  return {
    agreementId: t.agreementId,
    year: t.year,
    communityName: t.communityName,
    unitName: t.unitName,
    toUnit: side('community_rates_unit'),
    toCommunity: side('unit_rates_community'),
    members: members.map((m, i) => ({
      index: i + 1,
      name: m.memberName,
      reported: m.reported ? '已报到' : '未报到',
      hours: m.hours,
      rating: m.rating ?? '—',
      comment: m.comment ?? '',
    })),
    reportedCount: members.filter((m) => m.reported).length,
    hoursTotal: hours.toFixed(2),
  };
}
