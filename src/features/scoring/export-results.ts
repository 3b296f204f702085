import { readers, requireRole } from '../../auth/scope';
import { notFound } from '../../errors/app-error';
import { categoryNames } from '../catalog/categories.repository';
import type { Ctx } from '../context';
import { findCycle } from '../cycles/cycles.repository';
import { requireResultsVisible } from './get-scorecard';
import type { OutSheet, Spreadsheet } from '../imports/spreadsheet';
import { notAssessedLabelOf, type ScoreResult } from '../../scoring/evaluate';
import { findRevision, latestRevision, revisionResults } from './scores.repository';
import { reasonOf } from './grade-reasons';

/**
 * The results of a cycle as a 组织部 files them: one sheet per assessment category ranked by score (grade,
 * ranks, the move against last year, lagging, consequences), the lagging list, and a sheet saying which
 * revision and rule-set versions they come from. The final revision once finalized, the newest before.
 */
export async function exportResults({ ctx, year, spreadsheet }: { ctx: Ctx; year: number; spreadsheet: Spreadsheet }) {
  requireRole(ctx, readers);
  await requireResultsVisible(ctx, year);
  const cycle = await findCycle(ctx.db, year);
  if (!cycle) throw notFound(`${year} 年度考核周期`, 'year');
  const revision = cycle.final_revision_id !== null ? await findRevision(ctx.db, cycle.final_revision_id) : await latestRevision(ctx.db, year);
  if (!revision) throw notFound(`${year} 年度的计分结果`, 'year');
  const [rows, names] = await Promise.all([revisionResults(ctx.db, revision.id, ctx.actor.orgPath), categoryNames(ctx.db)]);
  const byCategory = new Map<string, typeof rows>();
  for (const r of rows) byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), r]);
  const consequences = (r: (typeof rows)[number]) => ((r.detail as { consequences?: string[] } | null)?.consequences ?? []).join('；');
  const taken = new Set(['说明', '后进党组织名单']);
  const sheets: OutSheet[] = [...byCategory].map(([category, list]) => ({
    name: sheetName(names.name(category), taken),
    title: `${year} 年度${names.name(category)}考核评定结果`,
    columns: [
      { header: '名次', width: 7 },
      { header: '组织编码', width: 14 },
      { header: '组织名称', width: 30 },
      { header: '上级组织', width: 26 },
      { header: '总分', width: 9 },
      { header: '等次', width: 9 },
      { header: '较上年', width: 9 },
      { header: '同一上级内名次', width: 9 },
      { header: '后进', width: 7 },
      { header: '结果运用', width: 40 },
      { header: '定级依据', width: 50 },
    ],
    rows: list.map((r) => [
      r.rank_category,
      r.code,
      r.name,
      r.parent_name,
      Number(r.total),
      r.assessed ? r.grade_label : notAssessedLabelOf(r.result as ScoreResult),
      r.move,
      r.rank_parent,
      r.lagging ? '是' : '',
      consequences(r),
      reasonOf(r).text,
    ]),
  }));
  const lagging = rows.filter((r) => r.lagging);
  sheets.push({
    name: '后进党组织名单',
    title: `${year} 年度后进党组织名单`,
    columns: [
      { header: '序号', width: 7 },
      { header: '组织名称', width: 30 },
      { header: '上级组织', width: 26 },
      { header: '考核类别', width: 16 },
      { header: '总分', width: 9 },
      { header: '等次', width: 9 },
      { header: '整改要求', width: 40 },
    ],
    rows: lagging.map((r, i) => [i + 1, r.name, r.parent_name, names.name(r.category), Number(r.total), r.grade_label, consequences(r)]),
  });
  const pins = revision.rule_sets as { category: string; id: string; version: string; hash: string }[];
  const notes = (revision.notes as { warnings?: string[] } | null)?.warnings ?? [];
  sheets.push({
    name: '说明',
    title: `${year} 年度考核结果说明`,
    columns: [
      { header: '项目', width: 20 },
      { header: '内容', width: 90 },
    ],
    rows: [
      ['计分版本', `#${revision.id}（${revision.kind === 'correction' ? '更正' : '计分'}，${revision.created_at.toISOString().slice(0, 10)}）`],
      ['考核周期状态', cycle.state === 'finalized' ? '已定档' : cycle.state === 'published' ? `公示中，申诉期至 ${cycle.appeal_deadline}` : '未公示'],
      ...pins.map((p): (string | number)[] => [`细则（${names.name(p.category)}）`, `${p.id} ${p.version}（内容哈希 ${p.hash.slice(0, 12)}）`]),
      ...notes.map((w): (string | number)[] => ['提示', w]),
    ],
  });
  return { bytes: await spreadsheet.workbook(sheets), fileName: `${year}年度考核评定结果.xlsx` };
}

/**
 * A worksheet's name from a category's name (which an admin typed): without the characters Excel refuses, at most
 * 31 characters, not starting or ending with an apostrophe, and different from the names already taken.
 */
function sheetName(label: string, taken: Set<string>): string {
  const base = label.replace(/[*?:/\\[\]]/g, '_').replace(/^'+|'+$/g, '').slice(0, 28) || '考核类别';
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}(${i})`;
  taken.add(name);
  return name;
}
