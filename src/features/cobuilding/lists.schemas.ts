import { z } from '../../lib/zod';
import { Id, IsoDate, Pagination } from '../common.schemas';
import { LedgerEvidence } from '../ledger/ledger.schemas';

/** What a resource offers or a need asks for (资源/需求类型). */
export const listKindLabel = { venue: '场地', talent: '人才', funds: '资金', goods: '物资', service: '服务', other: '其他' } as const;
export const needSourceLabel = { visit: '走访', council: '议事会', grid_report: '网格上报', resident_order: '群众点单' } as const;
export const urgencyLabel = { normal: '一般', urgent: '急难愁盼' } as const;

const keys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
export const ListKind = z.enum(keys(listKindLabel)).openapi({ description: 'venue 场地、talent 人才、funds 资金、goods 物资、service 服务、other 其他' });
const Title = z.string().trim().min(2, '至少 2 个字').max(100);
const Text = z.string().trim().min(2, '至少 2 个字').max(2000);
const FileIds = z.array(Id).max(20, '最多 20 个文件').default([]);

export const CreateResourceInput = z
  .object({
    orgId: Id.openapi({ description: '提供资源的组织（驻区单位、非公企业、社会组织或社区本身）' }),
    offeredToId: Id.openapi({ description: '面向的社区（须有共建协议）或街道' }),
    kind: ListKind,
    title: Title,
    description: Text,
    capacity: z.string().trim().max(200).optional().openapi({ description: '规模或数量，如“可容纳 60 人”“每月 8 小时”' }),
    contact: z.string().trim().max(100).optional(),
    offeredOn: IsoDate.optional().openapi({ description: '提供日期，不填为今天' }),
    availableTo: IsoDate.optional(),
  })
  .strict()
  .openapi('CreateCbResource');

export const Resource = z
  .object({
    id: z.number().int(),
    orgId: z.number().int(),
    orgName: z.string(),
    offeredToId: z.number().int(),
    offeredToName: z.string(),
    kind: ListKind,
    kindLabel: z.string(),
    title: z.string(),
    description: z.string(),
    capacity: z.string().nullable(),
    contact: z.string().nullable(),
    offeredOn: z.string(),
    availableTo: z.string().nullable(),
    withdrawnOn: z.string().nullable(),
    projects: z.number().int().openapi({ description: '用到这项资源的项目数' }),
  })
  .openapi('CbResource');
export type Resource = z.infer<typeof Resource>;

export const CreateNeedInput = z
  .object({
    orgId: Id.openapi({ description: '收集需求的社区或网格' }),
    kind: ListKind,
    title: Title,
    description: Text,
    residents: z.number().int().min(0).max(1_000_000).optional().openapi({ description: '涉及居民人数' }),
    urgency: z.enum(keys(urgencyLabel)).default('normal'),
    source: z.enum(keys(needSourceLabel)).openapi({ description: 'visit 走访、council 议事会、grid_report 网格上报、resident_order 群众点单' }),
    raisedOn: IsoDate.optional().openapi({ description: '收集日期，不填为今天' }),
  })
  .strict()
  .openapi('CreateCbNeed');

export const Need = z
  .object({
    id: z.number().int(),
    orgId: z.number().int(),
    orgName: z.string(),
    kind: ListKind,
    kindLabel: z.string(),
    title: z.string(),
    description: z.string(),
    residents: z.number().int().nullable(),
    urgency: z.string(),
    urgencyLabel: z.string(),
    source: z.string(),
    sourceLabel: z.string(),
    raisedOn: z.string(),
    state: z.string(),
    stateLabel: z.string(),
    metOn: z.string().nullable(),
  })
  .openapi('CbNeed');
export type Need = z.infer<typeof Need>;

export const CreateProjectInput = z
  .object({
    communityId: Id,
    title: Title,
    goal: Text,
    plannedStart: IsoDate,
    plannedEnd: IsoDate,
    createdOn: IsoDate.optional().openapi({ description: '立项日期，不填为今天' }),
    needIds: z.array(Id).max(50).default([]),
    resourceIds: z.array(Id).max(50).default([]),
    partnerIds: z.array(Id).max(20).default([]).openapi({ description: '协作单位' }),
  })
  .strict()
  .openapi('CreateCbProject');

const Ref = z.object({ id: z.number().int(), name: z.string() });

export const ProgressEntry = z.object({
  id: z.number().int(),
  kind: z.string(),
  kindLabel: z.string(),
  on: z.string(),
  text: z.string(),
  fileIds: z.array(z.number().int()),
  evidence: z.array(LedgerEvidence).openapi({ description: '佐证文件（名称、类型），按 fileIds 的顺序' }),
  orgName: z.string(),
});

export type ProjectTask = z.infer<typeof ProjectTask>;
export const ProjectTask = z.object({
  id: z.number().int(),
  title: z.string(),
  org: Ref,
  person: z.string().nullable(),
  dueOn: z.string(),
  milestone: z.boolean().openapi({ description: '是否为项目节点（里程碑）' }),
  doneOn: z.string().nullable(),
  overdue: z.boolean().openapi({ description: '未完成且已过完成时限（按北京时间今天计算）' }),
  mayFinish: z.boolean().openapi({ description: '当前账号现在可以标记完成' }),
});

export const Project = z
  .object({
    id: z.number().int(),
    community: Ref,
    responsible: Ref.nullable(),
    title: z.string(),
    goal: z.string(),
    plannedStart: z.string(),
    plannedEnd: z.string(),
    state: z.string(),
    stateLabel: z.string(),
    overdue: z.boolean().openapi({ description: '未销号且已过计划完成日期（按北京时间今天计算）' }),
    createdOn: z.string(),
    claimedOn: z.string().nullable(),
    closeProposedOn: z.string().nullable(),
    closedOn: z.string().nullable(),
    sentBack: z.number().int(),
    needs: z.array(z.object({ id: z.number().int(), title: z.string() })),
    resources: z.array(z.object({ id: z.number().int(), title: z.string() })),
    partners: z.array(Ref),
    progress: z.array(ProgressEntry),
    tasks: z.array(ProjectTask).openapi({ description: '责任分解：谁、做什么、何时完成（含项目节点）' }),
    mayPlan: z.boolean().openapi({ description: '当前账号现在可以添加责任分解的任务' }),
    actions: z
      .array(z.enum(['claim', 'progress', 'proposeClose', 'approveClose', 'sendBack']))
      .openapi({ description: '当前账号现在可以做的：认领（以本单位名义）、登记进度、申请销号、同意销号、退回' }),
  })
  .openapi('CbProject');
export type Project = z.infer<typeof Project>;

export const ClaimProjectInput = z.object({ unitId: Id.openapi({ description: '认领的单位（须与项目所在社区签有共建协议）' }), on: IsoDate.optional() }).strict().openapi('ClaimCbProject');

/** A dated entry of the progress ledger, a 销号 request, or the community's answer to one. */
export const ProjectEntryInput = z
  .object({ text: Text, on: IsoDate.optional().openapi({ description: '日期，不填为今天' }), fileIds: FileIds })
  .strict()
  .openapi('CbProjectEntry');

export const CreateTaskInput = z
  .object({
    title: Title.openapi({ example: '协调场地，组织施工' }),
    orgId: Id.openapi({ description: '责任单位：项目所在社区、责任单位或协作单位' }),
    person: z.string().trim().min(1).max(20).optional().openapi({ description: '责任人', example: '王建国' }),
    dueOn: IsoDate.openapi({ description: '完成时限，须在项目计划时间之内' }),
    milestone: z.boolean().default(false).openapi({ description: '作为项目节点（里程碑）' }),
  })
  .strict()
  .openapi('CbProjectTaskInput');

export const FinishTaskInput = z.object({ on: IsoDate.optional().openapi({ description: '完成日期，不填为今天' }) }).strict().openapi('CbProjectTaskDone');

export const ListQuery = Pagination.extend({
  orgId: Id.optional().openapi({ description: '只列出这一组织的（提供方、收集方或项目所在社区）' }),
  state: z
    .string()
    .max(20)
    .optional()
    .openapi({ description: '需求：open 待对接、in_project 已立项、met 已解决、dropped 已撤销；项目：open、claimed、closing、closed，或 overdue 逾期；资源：unused 未对接（今天仍在提供期内、未撤回且未用于项目）' }),
  closedIn: z.coerce.number().int().min(1900).max(9999).optional().openapi({ description: '项目：只列出该年度内销号的（如选群众评价的项目）' }),
});

export const OverviewQuery = z.object({
  year: z.coerce.number().int().min(1900).max(9999).openapi({ description: '考核年度：按事件日期计入该年度' }),
  orgId: Id.optional().openapi({ description: '只看这一组织（街道或社区）之下的社区，不填为本辖区' }),
});

const OverviewCounts = z.object({
  projects: z.object({ open: z.number().int(), claimed: z.number().int(), closing: z.number().int(), closed: z.number().int(), overdue: z.number().int().openapi({ description: '未销号且已过计划完成日期（北京时间今天）' }) }),
  needs: z.object({ raised: z.number().int(), urgent: z.number().int(), met: z.number().int() }),
  resources: z.object({ offered: z.number().int(), used: z.number().int() }),
});

export const Overview = z
  .object({
    year: z.number().int(),
    rows: z.array(OverviewCounts.extend({ communityId: z.number().int(), communityName: z.string(), streetName: z.string().nullable() })),
    totals: OverviewCounts,
  })
  .openapi('CbOverview');
export type Overview = z.infer<typeof Overview>;

export const MemberUnitsQuery = Pagination.extend({
  year: z.coerce.number().int().min(1900).max(9999).openapi({ description: '共建协议的年度；成果按事件日期计入该年度' }),
});

export const MemberUnits = z
  .object({
    year: z.number().int(),
    item: z
      .object({ label: z.string(), max: z.number(), basis: z.string().nullable() })
      .nullable()
      .openapi({ description: '本年度“社区评价共建单位”表中由系统计算的项目（资源项目落实）；没有时为 null' }),
    items: z.array(
      z.object({
        agreementId: z.number().int(),
        community: z.object({ id: z.number().int(), name: z.string() }),
        unit: z.object({ id: z.number().int(), name: z.string() }),
        closedOnTime: z.number().int(),
        closedLate: z.number().int(),
        wishFulfilled: z.number().int(),
        overdueOpen: z.number().int(),
        delivered: z.boolean().openapi({ description: '本年度在该社区有销号项目或实现的微心愿' }),
        points: z.number().nullable().openapi({ description: '按今天的清单计算的资源项目落实得分' }),
        text: z.string().nullable(),
      }),
    ),
    total: z.number().int(),
  })
  .openapi('CbMemberUnits');
export type MemberUnits = z.infer<typeof MemberUnits>;
