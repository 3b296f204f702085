import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileRuleSet, type CompiledRuleSet } from '../../src/rules/compile';
import { rubricTable, type RubricTable } from '../../src/rules/rubric-table';

const files = ['community.json', 'grid.json', 'resident-unit.json'] as const;
const compile = (f: string) => compileRuleSet(readFileSync(new URL(`../../rules/${f}`, import.meta.url), 'utf8'), f);

/** Every Chinese cell of a table: titles, sentences, labels (the ids and hash are identifiers, not cells). */
function chineseCells(t: RubricTable): string[] {
  return [
    t.title,
    t.totalText,
    ...t.notes,
    ...t.categories.map((c) => c.label),
    ...t.parts.flatMap((p) => [p.title, p.kindLabel, ...p.notes, ...p.rows.flatMap((r) => [r.indicator, ...r.method])]),
    ...(t.grading ? [...t.grading.grades.flatMap((g) => [g.label, g.condition, ...g.consequences]), ...t.grading.rules] : []),
  ];
}

describe('rubric table of the real rule files', () => {
  const compiled = new Map<string, CompiledRuleSet>();
  const table = async (f: string) => {
    if (!compiled.has(f)) compiled.set(f, await compile(f));
    return rubricTable(compiled.get(f)!);
  };

  it.each(files)('%s: the counted rows, by their part weights, add up to the total', async (f) => {
    const t = await table(f);
    const c = compiled.get(f)!;
    expect(t.total).toBe(c.ruleSet.total.max);
    // community: 日常考核 5+6+10+14+10+5 = 50, 年度考评 20+5+5 = 30, 群众评议 20, each × 1 → 100 (加分/扣分 on top).
    // grid: 基本分 30+20+30+20 = 100 × 70% + 群众评议 100 × 30% = 100.
    // resident-unit: 日常考核 15+15+30 = 60 + 年度考评 20+20 = 40 → 100.
    const sum = t.parts.filter((p) => p.counted).reduce((s, p) => s + p.weight * p.rows.reduce((r, row) => r + row.points!, 0), 0);
    expect(Math.round(sum * 100) / 100).toBe(100);
    for (const p of t.parts.filter((x) => x.counted)) expect(p.rows.reduce((r, row) => r + row.points!, 0)).toBe(p.points);
  });

  it.each(files)('%s: every indicator of the file is a row, every one with a scoring method', async (f) => {
    const t = await table(f);
    const file = compiled.get(f)!.ruleSet;
    expect(t.parts.map((p) => p.title)).toEqual(file.parts.map((p) => p.title));
    expect(t.parts.flatMap((p) => p.rows.map((r) => r.indicatorId))).toEqual(file.parts.flatMap((p) => p.indicators.map((i) => i.id)));
    for (const row of t.parts.flatMap((p) => p.rows)) expect(row.method.length).toBeGreaterThan(0);
    expect(t.grading!.grades.map((g) => g.label)).toEqual(file.grading!.grades.map((g) => g.label));
  });

  it.each(files)('%s: no identifier of the file leaks into a Chinese cell', async (f) => {
    const t = await table(f);
    const cells = chineseCells(t);
    expect(cells.length).toBeGreaterThan(20);
    for (const cell of cells) expect(cell, cell).not.toMatch(/[A-Za-z]{3,}/);
    for (const cell of cells) expect(cell).not.toMatch(/undefined|null|NaN|\[object/);
  });

  it('says each mechanic of community.json in words, with its numbers', async () => {
    const t = await table('community.json');
    const row = (id: string) => t.parts.flatMap((p) => p.rows).find((r) => r.indicatorId === id)!.method.join('。');
    expect(row('committee')).toBe('召开支委会的月份：12 个月及以上计 5 分；10 个月及以上计 4 分；8 个月及以上计 3 分；1 个月及以上计 1 分；其余不得分');
    expect(row('theme_day')).toBe('开展主题党日的月份，每个月计 1 分，最多计 10 分');
    expect(row('cobuilding')).toContain('基础分 10 分');
    expect(row('cobuilding')).toContain('未召开大党委联席会议的季度，每个季度扣 2.5 分');
    expect(row('cobuilding')).toMatch(/扣完为止$/);
    expect(row('duty_review')).toContain('“好”20 分、“较好”15 分、“一般”10 分、“差”0 分');
    expect(row('duty_review')).toContain('有效票少于 10 张的，本项无效');
    expect(row('satisfaction')).toContain('“不了解”不计为有效票');
    expect(row('satisfaction')).toContain('去掉最高和最低各 5% 的票');
    // The deduction part has no maximum: its row is open, not 0 points.
    expect(t.parts.find((p) => p.id === 'deduction')!.rows[0]!.points).toBeNull();
    expect(t.totalText).toBe('总分 = 日常考核 + 年度考评 + 群众评议 + 加分 + 扣分');
    const g = t.grading!;
    expect(g.grades[0]).toMatchObject({ label: '五星', condition: '总分 90 分及以上' });
    expect(g.grades.at(-1)).toMatchObject({ label: '无星', condition: '总分低于 50 分', consequences: ['扣减 10% 党建工作经费', '书记年度考核不能评为优秀'] });
    expect(g.rules).toContain('名额：五星不超过参评组织的 10%（在本考核类别内计算，超出的按排名从低到高降到下一档）');
    expect(g.rules.some((r) => r.startsWith('一票否决（违纪违法）：违纪违法案件或一票否决决定不少于 1 项的，取消等次'))).toBe(true);
    expect(g.rules.some((r) => r.startsWith('最高等次（群众满意度）：群众评议得分少于 12 分的，最高定为二星'))).toBe(true);
  });

  it('grid.json: the weighted parts say their share of the total', async () => {
    const t = await table('grid.json');
    expect(t.parts.map((p) => [p.weight, p.notes[0]])).toEqual([
      [0.7, '按 70% 计入总分'],
      [0.3, '按 30% 计入总分'],
    ]);
    expect(t.totalText).toBe('总分 = 基本分 × 70% + 群众评议 × 30%');
  });
});
