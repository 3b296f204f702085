import type { Schemas } from '../../api/client';

/**
 * ECharts options for the 驾驶舱, built from the server's counts and shares as they are: the page draws and
 * formats, it never counts or grades.
 */
export type Dashboard = Schemas['Dashboard'];
export type Category = Schemas['DashboardCategory'];
export type Child = Schemas['DashboardChild'];
export type Trend = Schemas['DashboardTrend'];
export type Coverage = Schemas['DashboardCoverage'];

/** Best grade in the party red, down to grey for those not assessed. */
const palette = ['#b3261e', '#d4553a', '#e58a4e', '#e9b44c', '#8fb3cf', '#5b7fa3', '#6b7280'];
export const gradeColor = (grade: string, index: number) => (grade === 'not_assessed' ? '#b8bcc4' : grade === 'ungraded' ? '#9ca3af' : palette[Math.min(index, palette.length - 1)]!);

/** A long organization name shortened for an axis label (the tables keep the full name). */
export function shortName(name: string): string {
  const s = name.replace(/^中共/, '').replace(/^.+?区(?=.)/, '').replace(/(工作委员会|委员会|党组织|党委|党支部|党建联盟)$/, '');
  return s.length > 8 ? `${s.slice(0, 7)}…` : s;
}

const grid = (phone: boolean) => ({ left: phone ? 36 : 48, right: 16, top: 36, bottom: phone ? 56 : 40, containLabel: false });

/** Organizations per grade of one category (bar). */
export function distributionOption(c: Category, phone: boolean) {
  return {
    grid: grid(phone),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: c.grades.map((g) => g.label), axisLabel: { interval: 0, rotate: phone && c.grades.length > 4 ? 30 : 0 } },
    yAxis: { type: 'value', name: '组织数', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: c.categoryLabel,
        barMaxWidth: 48,
        label: { show: true, position: 'top' },
        data: c.grades.map((g, i) => ({ value: g.count, itemStyle: { color: gradeColor(g.grade, i) } })),
      },
    ],
  };
}

/** The children's organizations of one category per grade, side by side (stacked bar). */
export function childrenOption(c: Category, children: readonly Child[], phone: boolean) {
  const countOf = (child: Child, grade: string) => child.categories.find((x) => x.category === c.category)?.grades.find((g) => g.grade === grade)?.count ?? 0;
  return {
    grid: { ...grid(phone), top: phone ? 64 : 48, bottom: phone ? 72 : 48 },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: children.map((x) => shortName(x.name)), axisLabel: { interval: 0, rotate: phone || children.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', name: '组织数', minInterval: 1 },
    series: c.grades.map((g, i) => ({
      type: 'bar',
      name: g.label,
      stack: 'grades',
      barMaxWidth: 56,
      itemStyle: { color: gradeColor(g.grade, i) },
      data: children.map((x) => countOf(x, g.grade)),
    })),
  };
}

/** Each grade's share of one category over the years (line). */
export function trendOption(t: Trend, phone: boolean) {
  const labels = [...new Set(t.years.flatMap((y) => y.grades.map((g) => g.label)))];
  const gradeOf = new Map(t.years.flatMap((y) => y.grades.map((g, i) => [g.label, { grade: g.grade, i }] as const)));
  return {
    grid: { ...grid(phone), top: phone ? 64 : 48 },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '—' : `${v}%`) },
    xAxis: { type: 'category', data: t.years.map((y) => `${y.year}`), boundaryGap: false },
    yAxis: { type: 'value', name: '占比 %', max: 100 },
    series: labels.map((label) => ({
      type: 'line',
      name: label,
      symbolSize: 8,
      itemStyle: { color: gradeColor(gradeOf.get(label)!.grade, gradeOf.get(label)!.i) },
      data: t.years.map((y) => {
        const g = y.grades.find((x) => x.label === label);
        return g ? Number(g.share) : 0;
      }),
    })),
  };
}

/** Each coverage figure as a share of its whole (horizontal bar, 0–100). */
export function coverageOption(items: readonly Coverage[], phone: boolean) {
  return {
    grid: { left: phone ? 64 : 80, right: 56, top: 8, bottom: 24 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${v}%` },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: items.map((c) => c.label) },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        showBackground: true,
        label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => (items[p.dataIndex]!.percent === null ? '无' : `${items[p.dataIndex]!.percent}%`) },
        itemStyle: { color: '#b3261e' },
        data: items.map((c) => (c.percent === null ? 0 : Number(c.percent))),
      },
    ],
  };
}

/** The rankings list behind a figure, within the organization viewed (`under`) and filtered as the figure counts. */
export function rankingsLink(under: number, filter: { category?: string; grade?: string; move?: string; lagging?: boolean } = {}): string {
  const q = new URLSearchParams({ under: String(under) });
  if (filter.category) q.set('category', filter.category);
  if (filter.grade) q.set('grade', filter.grade);
  if (filter.move) q.set('move', filter.move);
  if (filter.lagging) q.set('lagging', '1');
  return `/rankings?${q}`;
}
