import type { Schemas } from '../../api/client';

/** How the co-building lists read on a page: tag colours by state, and the kinds and sources by their Chinese names. */

type TagType = 'success' | 'warning' | 'danger' | 'info' | 'primary';

export const kindOptions = [
  ['venue', '场地'],
  ['talent', '人才'],
  ['funds', '资金'],
  ['goods', '物资'],
  ['service', '服务'],
  ['other', '其他'],
] as const;

export const sourceOptions = [
  ['visit', '走访'],
  ['council', '议事会'],
  ['grid_report', '网格上报'],
  ['resident_order', '群众点单'],
] as const;

export const needStateOptions = [
  ['open', '待对接'],
  ['in_project', '已立项'],
  ['met', '已解决'],
  ['dropped', '已撤销'],
] as const;

export const projectStateOptions = [
  ['open', '待认领'],
  ['claimed', '实施中'],
  ['closing', '待销号'],
  ['closed', '已销号'],
  ['overdue', '逾期未销号'],
] as const;

export function needTag(n: Schemas['CbNeed']): TagType {
  return ({ open: 'warning', in_project: 'primary', met: 'success', dropped: 'info' } as Record<string, TagType>)[n.state] ?? 'info';
}

export function projectTag(p: Schemas['CbProject']): TagType {
  if (p.overdue) return 'danger';
  return ({ open: 'warning', claimed: 'primary', closing: 'warning', closed: 'success' } as Record<string, TagType>)[p.state] ?? 'info';
}

/** The project's state as a person reads it: 逾期 added when it is past its planned end and not closed. */
export function projectStateText(p: Schemas['CbProject']): string {
  return p.overdue ? `${p.stateLabel}（已逾期）` : p.stateLabel;
}

/** The buttons of a project's moves, in the order the page shows them. */
export const moveButton: Record<Schemas['CbProject']['actions'][number], { label: string; type: 'primary' | 'default' | 'success' | 'warning' }> = {
  claim: { label: '认领项目', type: 'primary' },
  progress: { label: '登记进度', type: 'default' },
  proposeClose: { label: '申请销号', type: 'primary' },
  approveClose: { label: '同意销号', type: 'success' },
  sendBack: { label: '退回', type: 'warning' },
};
