import { readers, requireRole } from '../../auth/scope';
import { todayInChina } from '../../lib/clock';
import type { Ctx } from '../context';
import type { OutSheet, Spreadsheet } from '../imports/spreadsheet';
import { listNeeds, listResources } from './resources-needs.service';
import { listProjects } from './projects.service';

/** At most this many rows per list in one workbook; the sheet's title says when there were more. */
export const LIST_EXPORT_MAX = 1_000;

const more = (total: number, shown: number) => (total > shown ? `，共 ${total} 条，仅导出前 ${shown} 条` : `，共 ${total} 条`);

/**
 * The three lists as one workbook (项目清单, 需求清单, 资源清单), as the caller sees them on the page: its subtree and,
 * for a unit, what its agreements offer it. Each row in Chinese, as a 组织部 files it.
 */
export async function exportLists({ ctx, spreadsheet }: { ctx: Ctx; spreadsheet: Spreadsheet }): Promise<{ bytes: Uint8Array; fileName: string }> {
  requireRole(ctx, readers);
  const page = { limit: LIST_EXPORT_MAX, offset: 0 };
  const [projects, needs, resources] = await Promise.all([listProjects({ ctx, input: page }), listNeeds({ ctx, input: page }), listResources({ ctx, input: page })]);
  const sheets: OutSheet[] = [
    {
      name: '项目清单',
      title: `共驻共建项目清单${more(projects.total, projects.items.length)}`,
      columns: [['项目名称', 26], ['项目目标', 36], ['所在社区', 20], ['责任单位', 24], ['协作单位', 24], ['计划开始', 12], ['计划完成', 12], ['状态', 12], ['认领日期', 12], ['销号日期', 12], ['退回次数', 10], ['进度记录', 10], ['责任分解（已完成/共）', 14], ['逾期任务', 10]].map(([header, width]) => ({ header: String(header), width: Number(width) })),
      rows: projects.items.map((p) => [p.title, p.goal, p.community.name, p.responsible?.name ?? '待认领', p.partners.map((x) => x.name).join('、'), p.plannedStart, p.plannedEnd, p.overdue ? `${p.stateLabel}（逾期）` : p.stateLabel, p.claimedOn, p.closedOn, p.sentBack, p.progress.length, `${p.tasks.filter((k) => k.doneOn).length}/${p.tasks.length}`, p.tasks.filter((k) => k.overdue).length]),
    },
    {
      name: '需求清单',
      title: `需求清单${more(needs.total, needs.items.length)}`,
      columns: [['需求名称', 24], ['具体内容', 40], ['收集单位', 22], ['类型', 8], ['来源', 10], ['紧急程度', 10], ['涉及居民人数', 12], ['收集日期', 12], ['状态', 10], ['解决日期', 12]].map(([header, width]) => ({ header: String(header), width: Number(width) })),
      rows: needs.items.map((n) => [n.title, n.description, n.orgName, n.kindLabel, n.sourceLabel, n.urgencyLabel, n.residents, n.raisedOn, n.stateLabel, n.metOn]),
    },
    {
      name: '资源清单',
      title: `资源清单${more(resources.total, resources.items.length)}`,
      columns: [['资源名称', 24], ['具体内容', 40], ['提供单位', 24], ['面向', 20], ['类型', 8], ['规模或数量', 16], ['提供日期', 12], ['提供至', 12], ['用于项目数', 10]].map(([header, width]) => ({ header: String(header), width: Number(width) })),
      rows: resources.items.map((r) => [r.title, r.description, r.orgName, r.offeredToName, r.kindLabel, r.capacity, r.offeredOn, r.availableTo ?? '长期', r.projects]),
    },
  ];
  return { bytes: await spreadsheet.workbook(sheets), fileName: `共建清单_${todayInChina(ctx.clock)}.xlsx` };
}
