import type { OrgKind, Role } from '../../db/database';

/** One entry of the left menu: the page's path, its Chinese title and an Element Plus icon name. */
export type MenuEntry = { path: string; title: string; icon: string };

/** Pages only some years need: 自评 and 上级评定 when the year's rule sets score indicators in two stages. */
export type MenuFeatures = { selfAssessment: boolean; superiorReview: boolean };

type Entry = MenuEntry & { roles: readonly Role[]; kinds?: readonly OrgKind[]; when?: keyof MenuFeatures };

/**
 * The menu by role (WEB.md), decided here so the page never works out a permission. Only pages that exist
 * are listed; each later web issue adds its entries. Every route behind an entry checks the role again.
 */
const entries: Entry[] = [
  { path: '/', title: '首页', icon: 'HomeFilled', roles: ['admin', 'leader', 'org_user', 'reviewer'] },
  { path: '/dashboard', title: '驾驶舱', icon: 'DataBoard', roles: ['admin', 'leader'] },
  { path: '/scorecard', title: '我的考核', icon: 'TrendCharts', roles: ['org_user'] },
  { path: '/scorecard', title: '考核结果', icon: 'TrendCharts', roles: ['admin', 'leader'] },
  { path: '/rankings', title: '排名', icon: 'Histogram', roles: ['admin', 'leader'] },
  { path: '/books', title: '合订本', icon: 'Files', roles: ['admin', 'leader'] },
  { path: '/ledger', title: '台账', icon: 'Notebook', roles: ['org_user'] },
  { path: '/ledger/review', title: '台账审核', icon: 'Checked', roles: ['admin', 'org_user'], kinds: ['district', 'street', 'community', 'sector'] },
  { path: '/assessment/self', title: '自评', icon: 'EditPen', roles: ['org_user'], when: 'selfAssessment' },
  { path: '/assessment/review', title: '上级评定', icon: 'Stamp', roles: ['admin', 'leader', 'org_user'], kinds: ['district', 'street', 'community', 'sector'], when: 'superiorReview' },
  { path: '/reviews', title: '述职报告', icon: 'Document', roles: ['admin', 'leader', 'org_user'] },
  { path: '/reviews/sheets', title: '我的评议表', icon: 'Tickets', roles: ['reviewer'] },
  { path: '/twoway', title: '双向评价', icon: 'Connection', roles: ['admin', 'leader', 'org_user'], kinds: ['district', 'street', 'community', 'unit'] },
  { path: '/cobuilding', title: '共建清单', icon: 'Share', roles: ['admin', 'leader', 'org_user'], kinds: ['district', 'street', 'community', 'grid', 'unit', 'enterprise', 'social_org'] },
  { path: '/appeals', title: '申诉', icon: 'ChatLineSquare', roles: ['admin', 'leader', 'org_user'] },
  { path: '/admin/rules', title: '考核细则', icon: 'Reading', roles: ['admin', 'leader', 'org_user'] },
  { path: '/admin/orgs', title: '组织管理', icon: 'OfficeBuilding', roles: ['admin', 'leader'] },
  { path: '/admin/cycles', title: '考核周期', icon: 'Calendar', roles: ['admin', 'leader'], kinds: ['district'] },
  { path: '/admin/ratings', title: '评议管理', icon: 'Finished', roles: ['admin'] },
  { path: '/admin/users', title: '用户与账号', icon: 'User', roles: ['admin'] },
  { path: '/admin/audit', title: '审计日志', icon: 'List', roles: ['admin', 'leader'] },
  { path: '/account', title: '账号设置', icon: 'Setting', roles: ['admin', 'leader', 'org_user', 'reviewer'] },
];

export function menuFor(role: Role, kind: OrgKind, mustChangePassword = false, features: MenuFeatures = { selfAssessment: false, superiorReview: false }): MenuEntry[] {
  // Until the password is changed, 账号设置 is the one page that works.
  const open = entries.filter((e) => (!mustChangePassword || e.path === '/account') && (!e.when || features[e.when]));
  return open.filter((e) => e.roles.includes(role) && (!e.kinds || e.kinds.includes(kind))).map(({ path, title, icon }) => ({ path, title, icon }));
}

/** Which context pickers the header shows: the year for everyone who reads results, the organization for readers of a subtree. */
export function pickersFor(role: Role, mustChangePassword = false): { cycle: boolean; org: boolean } {
  const reader = role !== 'reviewer' && !mustChangePassword;
  return { cycle: reader, org: reader };
}

/** The documents the home page offers to print (a ranking list only to those who read rankings). */
export function printablesFor(role: Role, mustChangePassword = false): ('scorecard' | 'rankings')[] {
  if (mustChangePassword || role === 'reviewer') return [];
  return role === 'org_user' ? ['scorecard'] : ['scorecard', 'rankings'];
}
