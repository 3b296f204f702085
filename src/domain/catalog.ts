import type { AttendanceStatus, CampaignState, CycleState, OrgKind, RecordStatus, Role } from '../db/database';

/** Chinese names of organization kinds, as users read them. */
export const orgKindLabel: Record<OrgKind, string> = {
  district: '区（县）委',
  street: '街道党工委',
  community: '社区党组织',
  grid: '网格党支部',
  building: '楼院党小组',
  sector: '行业系统党委',
  unit: '驻区单位党组织',
  enterprise: '非公企业党组织',
  social_org: '社会组织党组织',
};

export const orgKinds = Object.keys(orgKindLabel) as [OrgKind, ...OrgKind[]];

/** Which kinds may sit directly under which: the territorial line (块) and the sector line (条). */
export const allowedParentKinds: Record<OrgKind, readonly OrgKind[]> = {
  district: [],
  street: ['district'],
  community: ['street', 'district'],
  grid: ['community'],
  building: ['grid'],
  sector: ['district', 'street'],
  unit: ['sector', 'street', 'community', 'district'],
  enterprise: ['sector', 'street', 'community', 'district'],
  social_org: ['sector', 'street', 'community', 'district'],
};

/** Kinds that can be the other side of a co-building agreement with a community. */
export const coBuildingUnitKinds: readonly OrgKind[] = ['unit', 'enterprise', 'social_org'];

/**
 * Assessment categories (考核类别) a fresh database holds: rule sets apply to them and rankings are within them.
 * The database's catalog (`categories`) is the truth: admins add, rename and retire categories there.
 */
export const categoryLabel: Readonly<Record<string, string>> = {
  street: '街道党工委',
  community: '社区党组织',
  grid: '网格党支部',
  building: '楼院党小组',
  agency: '机关党组织',
  institution: '企事业单位党组织',
  enterprise: '非公企业党组织',
  social_org: '社会组织党组织',
};

/** A category's code (the catalog's `categories.code`). */
export type Category = string;

/** The category an organization of a kind gets when none is given. */
export const defaultCategory: Readonly<Record<OrgKind, Category | null>> = {
  district: null,
  street: 'street',
  community: 'community',
  grid: 'grid',
  building: 'building',
  sector: null,
  unit: 'institution',
  enterprise: 'enterprise',
  social_org: 'social_org',
};

export const roleLabel: Record<Role, string> = {
  admin: '组织部门工作人员',
  leader: '领导',
  org_user: '党组织书记/党务工作者',
  reviewer: '评议人',
};

export const roles = Object.keys(roleLabel) as [Role, ...Role[]];

export const cycleStateLabel: Record<CycleState, string> = {
  draft: '草稿',
  collecting: '台账填报中',
  reviewing: '年度评议中',
  computed: '已计分',
  published: '公示中',
  finalized: '已定档',
};

export const cycleStates = Object.keys(cycleStateLabel) as [CycleState, ...CycleState[]];

/**
 * The valid ballots a project needs before its result shows anywhere: on the campaign's results, on the project's
 * page, and in the `ballots.*` facts with `projects`, which leave smaller projects out, so a unit's or a community's
 * total never gives a withheld project's answers away by subtraction.
 */
export const PROJECT_MIN_SAMPLE = 10;

export const campaignStateLabel: Record<CampaignState, string> = {
  draft: '未开始',
  open: '评议中',
  closed: '已结束',
};

export const ballotSourceLabel = { online: '扫码评议', paper: '纸质评议' } as const;

export const recordStatusLabel: Record<RecordStatus, string> = {
  submitted: '待审核',
  verified: '已审核',
  rejected: '已退回',
};

export const attendanceLabel: Record<AttendanceStatus, string> = {
  present: '出席',
  excused: '请假',
  absent: '缺席',
};

/**
 * The record kinds of the daily ledger as shipped: the seed of the catalog (the record_kinds table the migrations
 * fill; test/integration/catalog.test.ts keeps the two equal, and rules/catalog.json is exported from it). Admins
 * add kinds to the table; this list is what `rules validate` falls back to without rules/catalog.json.
 * `measure` says whether a kind records an outcome for people or only a trace; `unit: 'hours'` means a record
 * must give its hours; `period` is how often the kind is expected (null: as it happens).
 */
export const recordKinds = [
  { code: 'branch_assembly', name: '支部党员大会', group: '三会一课', unit: 'times', measure: 'trace', period: 'quarter' },
  { code: 'committee_meeting', name: '支委会', group: '三会一课', unit: 'times', measure: 'trace', period: 'month' },
  { code: 'group_meeting', name: '党小组会', group: '三会一课', unit: 'times', measure: 'trace', period: 'month' },
  { code: 'party_lecture', name: '党课', group: '三会一课', unit: 'times', measure: 'trace', period: 'quarter' },
  { code: 'theme_day', name: '主题党日', group: '组织生活', unit: 'times', measure: 'trace', period: 'month' },
  { code: 'org_life', name: '组织生活会', group: '组织生活', unit: 'times', measure: 'trace', period: 'year' },
  { code: 'member_review', name: '民主评议党员', group: '组织生活', unit: 'times', measure: 'trace', period: 'year' },
  { code: 'joint_meeting', name: '联席会议', group: '共驻共建', unit: 'times', measure: 'trace', period: 'quarter' },
  { code: 'member_report', name: '在职党员报到', group: '共驻共建', unit: 'times', measure: 'outcome', period: null },
  { code: 'volunteer', name: '志愿服务', group: '服务群众', unit: 'hours', measure: 'outcome', period: null },
  { code: 'micro_wish', name: '微心愿', group: '服务群众', unit: 'times', measure: 'outcome', period: null },
  { code: 'practical_deed', name: '为民办实事', group: '服务群众', unit: 'times', measure: 'outcome', period: null },
  { code: 'study', name: '学习', group: '学习教育', unit: 'times', measure: 'trace', period: null },
] as const;
export type RecordKindCode = (typeof recordKinds)[number]['code'];
/** How often a kind is expected, as users read it (no period: 不定期). */
export const kindPeriodLabel = { month: '每月', quarter: '每季度', year: '每年' } as const;
export type KindPeriod = keyof typeof kindPeriodLabel;
export const kindMeasureLabel = { outcome: '成效', trace: '留痕' } as const;

/** The two duty reviews: the secretaries' (书记述职) and the rotating chairs' (轮值主席履责述评). */
export const reviewKindLabel = { secretary: '书记抓基层党建述职评议', chair: '轮值主席履责述评' } as const;
export const reviewStateLabel = { draft: '准备中', open: '评议中', closed: '已结束' } as const;
/** The answers of a duty review, best first. */
export const reviewAnswers = ['好', '较好', '一般', '差'] as const;
/** Results (and printed documents) show a rater group's counts only from this many sheets on, so nobody's answers can be worked out. */
export const MIN_GROUP_SAMPLE = 3;
/** The item every review sheet ends with. */
export const overallItem = { key: 'overall', label: '总体评价' } as const;
/** The rater groups of a duty review and their usual weights (a session may set its own). */
export const defaultRaterGroups = [
  { key: 'superior', label: '上级党委', weight: 0.4 },
  { key: 'delegate', label: '党代表', weight: 0.3 },
  { key: 'unit', label: '驻区单位代表', weight: 0.15 },
  { key: 'public', label: '群众代表', weight: 0.15 },
] as const;
export const defaultReviewItems = [
  { key: 'duty', label: '履行抓基层党建第一责任人职责' },
  { key: 'tasks', label: '基层党建重点任务落实' },
  { key: 'rectify', label: '问题整改和群众满意' },
] as const;

export const twowayDirectionLabel = { community_rates_unit: '社区评价共建单位', unit_rates_community: '共建单位评价社区' } as const;
/** The items of a two-way evaluation and their maximum points (each direction adds up to 100). */
export const twowayItems = {
  community_rates_unit: [
    { key: 'attendance', label: '大党委联席会议出席', max: 30 },
    { key: 'activities', label: '季度共建活动', max: 25 },
    { key: 'members', label: '在职党员报到及服务时长', max: 25 },
    { key: 'resources', label: '资源项目落实', max: 20 },
  ],
  unit_rates_community: [
    { key: 'coordination', label: '协调联络', max: 35 },
    { key: 'service', label: '服务保障', max: 35 },
    { key: 'response', label: '诉求响应', max: 30 },
  ],
} as const;
