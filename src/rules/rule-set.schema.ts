import { z } from '../lib/zod';
import { CategoryCode } from './catalog';

/**
 * The rule-set file format (rules/*.json). Validated by this schema at load; the same schema is exported
 * as rules/rule-set.schema.json for editors. Semantic checks that a schema cannot express (facts that
 * exist, types that match, formulas that reference real parts, weights that add up) are in validate.ts.
 */

/** Names every JavaScript object already has: never allowed as a key a rule file defines or reads. */
export const reservedNames = new Set(Object.getOwnPropertyNames(Object.prototype));
const notReserved = (s: string) => !reservedNames.has(s);

const Id = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, '只能用字母、数字和下划线，并以字母开头')
  .refine(notReserved, '这个名称是保留字，请换一个');
const AnswerKey = z.string().min(1).refine(notReserved, '这个名称是保留字，请换一个');
const Label = z.string().trim().min(1).max(100);
const Num = z.number().finite();
const MonthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '格式为 MM-DD')
  .refine((md) => !Number.isNaN(Date.parse(`2024-${md}T00:00:00Z`)) && new Date(`2024-${md}T00:00:00Z`).getUTCDate() === Number(md.slice(3)), '不是一年中存在的日期');

/** A part of the cycle year: the whole year, a half, a quarter, or explicit month-day bounds (inclusive). */
export const Window = z
  .union([
    z.enum(['year', 'H1', 'H2', 'Q1', 'Q2', 'Q3', 'Q4']),
    z
      .object({ from: MonthDay, to: MonthDay })
      .strict()
      .refine((w) => w.from <= w.to, '起始日期晚于结束日期（区间不能跨年）'),
  ])
  .default('year')
  .describe('统计区间：全年 year、上半年 H1、下半年 H2、季度 Q1–Q4，或 {from:"MM-DD", to:"MM-DD"}');
export type Window = z.infer<typeof Window>;

const Status = z
  .enum(['verified', 'submitted', 'rejected', 'not_rejected', 'any'])
  .default('verified')
  .describe('只计已审核 verified（默认）、待审核 submitted、已退回 rejected、未退回 not_rejected 或全部 any');
const Kinds = z.array(z.string().min(1)).min(1).describe('台账记录类型编码，见 GET /api/ledger/kinds');
const CapPer = z
  .object({ period: z.enum(['day', 'week', 'month', 'quarter']), max: Num.positive() })
  .strict()
  .describe('每日/周/月/季度最多计入的数量');
const CapPerRecord = Num.positive().describe('每条记录最多计入的小时数（如每次活动最多 2 小时）');
const Meeting = z.enum(['joint_meeting', 'policy_study']);
const IfNone = Num.min(0).max(100).default(0).describe('分母为 0（无应到、无应报）时的比率，默认 0；“不适用”的情形宜另设不予评定的条件');
const Period = z.enum(['month', 'quarter']);
const ProjectsSide = z
  .enum(['responsible', 'community'])
  .optional()
  .describe('评议共建项目的活动：responsible 计入项目的责任单位，community 计入项目所在社区（每个项目有效票不少于 10 张才计入，与结果页一致）；不填则只计评议党组织的活动');

/** What a fact measures when the catalog's own judgement is wrong for a rubric (减负 check; see factMeasure). */
const MeasureOverride = z.enum(['outcome', 'trace']).optional().describe('这一事实衡量的是成效 outcome 还是留痕 trace；不填按数据来源判断（减负校验用）');
const fact = <S extends string, T extends z.ZodRawShape>(source: S, shape: T) =>
  z.object({ source: z.literal(source), label: Label, measure: MeasureOverride, ...shape }).strict();

/** Every fact a rule set can declare: a source from the catalog and its parameters. */
export const FactDef = z.discriminatedUnion('source', [
  fact('ledger.count', { kinds: Kinds, status: Status, window: Window, capPer: CapPer.optional() }),
  fact('ledger.hours', { kinds: Kinds, status: Status, window: Window, capPerRecord: CapPerRecord.optional(), capPer: CapPer.optional() }),
  fact('ledger.participants', { kinds: Kinds, status: Status, window: Window }),
  fact('ledger.periods', { kinds: Kinds, status: Status, window: Window, period: Period, min: z.number().int().min(1).default(1) }),
  fact('ledger.missingPeriods', { kinds: Kinds, status: Status, window: Window, period: Period, min: z.number().int().min(1).default(1) }),
  fact('meetings.attended', { meeting: Meeting, status: z.enum(['present', 'excused', 'absent']), window: Window }),
  fact('meetings.invited', { meeting: Meeting, window: Window }),
  fact('meetings.attendanceRate', { meeting: Meeting, window: Window, excusedCounts: z.boolean().default(false), ifNone: IfNone }),
  fact('meetings.hosted', { meeting: Meeting, window: Window }),
  fact('meetings.missingHostedPeriods', { meeting: Meeting, window: Window, period: Period }),
  fact('checkins.inServiceMembers', {}),
  fact('checkins.reportedMembers', { window: Window }),
  fact('checkins.reportRate', { window: Window, ifNone: IfNone }),
  fact('checkins.serviceHours', { window: Window, capPerRecord: CapPerRecord.optional() }),
  fact('checkins.completionRate', { window: Window, minHours: Num.positive(), capPerRecord: CapPerRecord.optional(), ifNone: IfNone }),
  fact('checkins.receivedMembers', { window: Window }),
  fact('checkins.receivedHours', { window: Window, capPerRecord: CapPerRecord.optional() }),
  fact('agreements.count', {}),
  fact('cobuilding.projects', {
    side: z.enum(['responsible', 'community']).default('responsible').describe('responsible：作为责任单位认领的项目；community：本社区立项的项目'),
    count: z
      .enum(['claimed', 'closedOnTime', 'closedLate', 'overdueOpen', 'sentBack'])
      .describe('claimed 当年认领；closedOnTime 当年按期销号；closedLate 当年逾期销号；overdueOpen 年末（或今天）仍未销号且已过计划完成日期；sentBack 当年被退回的销号申请'),
  }),
  fact('cobuilding.needs', {
    count: z.enum(['raised', 'met', 'metShare']).describe('raised 当年收集的需求；met 当年解决的需求；metShare 当年收集的需求中已解决的比例（%）'),
    urgentOnly: z.boolean().default(false).describe('只计急难愁盼'),
    ifNone: IfNone,
  }),
  fact('cobuilding.resources', { count: z.enum(['offered', 'used']).describe('offered 当年提供的资源；used 用于当年认领项目的资源') }),
  fact('cobuilding.wishes', {
    side: z.enum(['claimer', 'community']).default('claimer').describe('claimer：认领的单位（或社区）；community：收集心愿的社区（含其网格）'),
    count: z.enum(['claimed', 'fulfilled', 'confirmed']).describe('claimed 当年认领的微心愿；fulfilled 当年实现的；confirmed 当年经居民确认的'),
  }),
  fact('cobuilding.chairs', {
    side: z.enum(['unit', 'community']).default('unit').describe('unit：担任轮值主席的成员单位；community：大党委所在的社区'),
    count: z
      .enum(['terms', 'claimed', 'closed'])
      .describe('terms 当年开始的轮值主席任期；claimed 任期内轮值单位认领的本社区项目（按认领日期计入年度）；closed 其中当年销号的'),
  }),
  fact('cobuilding.agreements', {
    side: z.enum(['unit', 'community']).default('unit').describe('unit：共建单位（按它的各份共建协议）；community：社区（按它的各个大党委成员单位）'),
    count: z
      .enum(['total', 'delivered', 'idle', 'deliveredShare'])
      .describe('按当年的每一份共建协议分别看：total 协议份数；delivered 单位当年在该社区有销号项目或实现微心愿的协议；idle 全年没有落实成果的协议；deliveredShare 有落实成果的协议占比（%）'),
    ifNone: IfNone,
  }),
  fact('inspections.sum', { indicator: Id.optional(), sign: z.enum(['bonus', 'deduction', 'any']).default('any') }),
  fact('inspections.count', { indicator: Id.optional(), sign: z.enum(['bonus', 'deduction', 'any']).default('any') }),
  fact('assessment.self', { indicator: Id.describe('自评的指标编号（该指标有 selfReview 条款）；未自评时无数据') }),
  fact('assessment.review', { indicator: Id.describe('上级评定的指标编号（该指标有 selfReview 条款）；上级未评定时无数据') }),
  fact('org.memberCount', {}),
  fact('records.count', {
    types: z.array(z.enum(['honour', 'innovation', 'discipline', 'clean_record', 'weak_lax', 'veto'])).min(1).describe('组织记录类型：表彰、创新项目、违纪案件、廉政证明、软弱涣散、一票否决决定'),
    minLevel: z.enum(['street', 'district', 'city', 'province', 'national']).optional().describe('只计该级别及以上（表彰）'),
  }),
  fact('history', {
    of: z
      .enum(['grade', 'lagging', 'total', 'records'])
      .describe('grade 前几年中等次在 grades 之列的年数；lagging 前几年列为后进的年数；total 前第 years 年的总分；records 前几年（可含本年）的组织记录条数'),
    years: z.number().int().min(1).max(10).describe('往前看几个年度（不含本年）；total 时为“前第几年”'),
    grades: z.array(Id).min(1).optional().describe('of 为 grade 时：计入的等次编号（当年的细则中的编号，如 five）'),
    types: z.array(z.enum(['honour', 'innovation', 'discipline', 'clean_record', 'weak_lax', 'veto'])).min(1).optional().describe('of 为 records 时：组织记录类型'),
    minLevel: z.enum(['street', 'district', 'city', 'province', 'national']).optional().describe('of 为 records 时：只计该级别及以上'),
    includeCurrent: z.boolean().default(false).describe('of 为 records 时：也计本年度的记录（如“近两年”含本年）'),
  }),
  fact('reviews.tally', {
    kind: z.enum(['secretary', 'chair']).default('secretary').describe('secretary 书记述职评议；chair 轮值主席履责述评'),
    item: z.string().regex(/^[a-z][a-z0-9_]*$/).default('overall').describe('评议项目编号，默认总体评价 overall'),
  }),
  fact('reviews.count', { kind: z.enum(['secretary', 'chair']).default('secretary') }),
  fact('twoway.received', { ifNone: IfNone.describe('没有收到评价时的取值，默认 0') }),
  fact('twoway.receivedCount', {}),
  fact('twoway.missingGiven', {}),
  fact('ballots.tally', {
    item: Id.optional().describe('评议项目编号；不填则汇总各项的答案（每项一票）'),
    projects: ProjectsSide,
  }),
  fact('ballots.count', { projects: ProjectsSide }),
  fact('ballots.share', {
    projects: ProjectsSide,
    answers: z.array(AnswerKey).min(1).describe('计入分子的答案，如 ["很满意","满意"]'),
    item: Id.optional().describe('评议项目编号；不填则统计各项的全部答案'),
    exclude: z.array(AnswerKey).default([]).describe('不计入分母的答案，如 ["不了解"]'),
    ifNone: IfNone,
  }),
  fact('declared', {
    key: z.string().regex(/^[a-z][a-z0-9_.]*$/),
    type: z.enum(['number', 'boolean', 'distribution']),
    unit: z.string().max(10).optional().describe('说明中显示的单位，如 "%"、"岁"'),
    measure: z.enum(['outcome', 'trace', 'login', 'checkin', 'online']).optional().describe('申报数据衡量的是成效 outcome、留痕 trace，还是登录 login、打卡 checkin、在线时长 online；数值型不填按留痕计'),
    default: z.union([Num, z.boolean()]).optional().describe('未申报时的取值；不给则缺少该数据的组织不予评定'),
  }),
  fact('ledger.longestGap', {
    kinds: Kinds,
    status: Status,
    unit: z
      .enum(['day', 'month'])
      .default('day')
      .describe('day 按天：最长连续多少天没有这些类型的活动；month 按自然月：最长连续多少个整月没有任何一次活动'),
    acrossYears: z
      .boolean()
      .default(false)
      .describe('true：年初的间隔从上一年度最后一次活动的次日（按月：次月）算起，跨年度计算；false（默认）：从 1 月 1 日算起。间隔都算到 12 月 31 日'),
  }),
  fact('derived', {
    formula: z
      .string()
      .min(1)
      .max(500)
      .describe('由其他数值型事实组成的公式，如 "volunteerHours / members"（+ - * /、括号、百分数、min/max），结果四舍五入到 0.01；所用事实无数据或除数为 0 时这一事实无数据'),
    unit: z.string().max(10).optional().describe('说明中显示的单位，如 "小时"、"%"'),
    ifNone: Num.optional().describe('除数为 0 时的取值；不给则这一事实无数据（比较一律不成立，组织不予评定）'),
  }),
]);
export type FactDef = z.infer<typeof FactDef>;

const Operator = z.enum(['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
export type Operator = z.infer<typeof Operator>;

export const Comparison = z
  .object({
    fact: Id,
    operator: Operator,
    value: z.union([Num, z.boolean(), z.object({ fact: Id }).strict()]),
  })
  .strict();
export type Comparison = z.infer<typeof Comparison>;

/** json-rules-engine's condition format: all / any / not over comparisons of facts. */
export type Condition = Comparison | { all: Condition[] } | { any: Condition[] } | { not: Condition };
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    Comparison,
    z.object({ all: z.array(Condition).min(1) }).strict(),
    z.object({ any: z.array(Condition).min(1) }).strict(),
    z.object({ not: Condition }).strict(),
  ]),
);

const clause = <S extends string, T extends z.ZodRawShape>(type: S, shape: T) =>
  z
    .object({
      type: z.literal(type),
      label: Label.optional().describe('这一条在说明中的名称'),
      when: Condition.optional().describe('只有条件成立时这一条才计分'),
      ...shape,
    })
    .strict();

const Tier = z
  .object({ gte: Num.optional(), gt: Num.optional(), lte: Num.optional(), lt: Num.optional(), points: Num })
  .strict()
  .refine((t) => t.gte !== undefined || t.gt !== undefined || t.lte !== undefined || t.lt !== undefined, '每一档至少要有一个边界（gte/gt/lte/lt）')
  .refine((t) => !(t.gte !== undefined && t.gt !== undefined) && !(t.lte !== undefined && t.lt !== undefined), '下限只能用 gte 或 gt 之一，上限只能用 lte 或 lt 之一');

export const Clause = z.discriminatedUnion('type', [
  clause('perUnit', { fact: Id, points: Num, cap: Num.positive().optional().describe('这一条最多得（或扣）多少分') }),
  clause('tiers', { fact: Id, tiers: z.array(Tier).min(1).describe('按顺序取第一个符合的档'), otherwise: Num.default(0) }),
  clause('ratio', { fact: Id, target: Num.positive(), points: Num, capAtTarget: z.boolean().default(true) }),
  clause('shortfall', {
    fact: Id,
    below: Num.optional(),
    above: Num.optional(),
    per: Num.positive().default(1),
    points: Num,
    round: z.enum(['none', 'down', 'up']).default('none').describe('差额按单位取整：none 按比例，down 只计整单位，up 不足一个单位按一个计'),
    cap: Num.positive().optional(),
  }),
  clause('fixed', { points: Num }),
  clause('inspections', { sign: z.enum(['bonus', 'deduction', 'any']).default('any') }),
  clause('selfReview', {
    self: Id.describe('自评分：source 为 assessment.self 的事实'),
    review: Id.describe('上级评定分：source 为 assessment.review 的事实'),
    max: Num.positive().describe('自评和上级评定的满分：填报的分数在 0 到此数之间'),
    weights: z
      .object({ self: Num.min(0).max(1), review: Num.min(0).max(1) })
      .strict()
      .default({ self: 0, review: 1 })
      .describe('自评与上级评定的权重，合计为 1：{"self":0.4,"review":0.6} 即“自评 40% + 上级评定 60%”；默认 {"self":0,"review":1}，以上级评定为准'),
    missingSelf: z
      .enum(['zero', 'review'])
      .default('zero')
      .describe('未自评时：zero 自评按 0 分计（默认）；review 全按上级评定计'),
  }),
  clause('votes', {
    fact: Id,
    coefficients: z.record(AnswerKey, Num).describe('每种答案的分值，如 {"满意":100,"基本满意":75}'),
    invalid: z.array(AnswerKey).default([]).describe('不计为有效票的答案，如 ["不了解"]'),
    trim: Num.min(0).max(0.25).default(0).describe('去掉最高、最低各多少比例的票'),
    groups: z.record(AnswerKey, Num.positive().max(1)).optional().describe('各评议群体的权重，合计为 1'),
    minSample: z.number().int().min(1).default(1).describe('有效票少于此数时该部分无效'),
    scale: Num.positive().default(1).describe('折算后的平均分乘以此数计入'),
    thresholds: z
      .array(z.object({ answer: AnswerKey, below: Num.min(0).max(100), points: Num }).strict())
      .default([])
      .describe('某答案占有效票的百分比低于 below 时另计 points，如 “好” 低于 95% 扣 4 分'),
  }),
]);
export type Clause = z.infer<typeof Clause>;

export const Indicator = z
  .object({
    id: Id,
    title: Label,
    max: Num.optional().describe('指标最高分，超过按此计'),
    base: Num.default(0).describe('基础分：从这里加减'),
    floor: Num.optional().describe('最低分；有基础分时默认 0（扣完为止），没有基础分时默认不设下限'),
    clauses: z.array(Clause).min(1),
  })
  .strict();
export type Indicator = z.infer<typeof Indicator>;

export const Part = z
  .object({
    id: Id,
    title: Label,
    kind: z.enum(['score', 'bonus', 'deduction']).default('score').describe('score 计分部分；bonus 加分；deduction 扣分'),
    max: Num.positive().optional().describe('该部分满分，也是上限'),
    base: Num.default(0),
    floor: Num.optional().describe('最低分；有基础分时默认 0，没有基础分时默认不设下限'),
    whenInvalid: z.enum(['notAssessed', 'zero']).default('notAssessed').describe('样本不足等无效时：不予评定，或按 0 分计'),
    indicators: z.array(Indicator).min(1),
  })
  .strict();
export type Part = z.infer<typeof Part>;

/** A tally of answers: flat ({ 满意: 80 }) or per rater group ({ 居民: { 满意: 80 } }), never mixed. */
export const Tally = z.union([z.record(AnswerKey, z.number().int().min(0)), z.record(AnswerKey, z.record(AnswerKey, z.number().int().min(0)))]);
const FactValue = z.union([Num, z.boolean(), Tally]);

export const Example = z
  .object({
    name: Label,
    facts: z.record(Id, FactValue),
    inspections: z
      .array(z.object({ indicator: Id, points: Num, reason: Label }).strict())
      .default([]),
    records: z.array(z.object({ type: z.literal('direct_grade'), grade: Id, reason: Label }).strict()).default([]),
    expect: z
      .object({
        total: Num.optional(),
        assessed: z.boolean().optional(),
        grade: Id.nullable().optional().describe('单独评定时（不计名额）的等次'),
        parts: z.record(Id, Num).optional(),
        indicators: z.record(Id, Num).optional(),
        facts: z.record(Id, Num.nullable()).optional().describe('派生事实（source: derived）的期望值，null 表示无数据'),
      })
      .strict(),
  })
  .strict();
export type Example = z.infer<typeof Example>;

const GradeBand = z
  .object({ grade: Id, gte: Num.optional(), gt: Num.optional(), lte: Num.optional(), lt: Num.optional() })
  .strict()
  .refine((t) => !(t.gte !== undefined && t.gt !== undefined) && !(t.lte !== undefined && t.lt !== undefined), '下限只能用 gte 或 gt 之一，上限只能用 lte 或 lt 之一');

const overrideBase = { id: Id, title: Label, reason: Label };

/** What can move a grade away from its band: vetoes, caps, prerequisites, direct grading. */
export const Override = z.discriminatedUnion('type', [
  z.object({ type: z.literal('veto'), ...overrideBase, when: Condition, cap: Id.optional().describe('最高可定的等次；不给则取消等次（定为最低一档）') }).strict(),
  z.object({ type: z.literal('cap'), ...overrideBase, when: Condition, cap: Id }).strict(),
  z.object({ type: z.literal('prerequisite'), ...overrideBase, grade: Id.describe('该等次及以上须满足条件'), when: Condition.describe('须成立的条件') }).strict(),
  z.object({ type: z.literal('direct'), ...overrideBase, when: Condition, grade: Id }).strict(),
]);
export type Override = z.infer<typeof Override>;

export const Quota = z
  .object({
    grade: Id,
    range: z
      .enum(['only', 'andAbove', 'andBelow'])
      .default('only')
      .describe('only 只计该等次；andAbove 该等次及以上（如“四星及以上”）；andBelow 该等次及以下（如“二星及以下”）'),
    max: Num.min(0).max(1).optional().describe('最多占参评组织的比例'),
    min: Num.min(0).max(1).optional().describe('最少占参评组织的比例（如“二星及以下不少于 20%”）'),
    mode: z.enum(['hard', 'about']).default('hard').describe('hard 超出 max 的按排名从低到高降到下一档，不足 min 的按排名从低到高补足；about 只提示'),
    scope: z.enum(['category', 'parent', 'root']).default('category').describe('在同一考核类别、同一上级、或同一顶级组织内计算'),
    years: z.array(z.number().int()).optional().describe('只在这些年度适用'),
  })
  .strict()
  .refine((q) => q.max !== undefined || q.min !== undefined, '请给出 max 或 min');
export type Quota = z.infer<typeof Quota>;

export const Grading = z
  .object({
    grades: z
      .array(z.object({ id: Id, label: Label, stars: z.number().int().min(0).max(10).optional().describe('页面上显示几颗星（如五星为 5、不定级为 0）；不写则只显示名称') }).strict())
      .min(2)
      .describe('从高到低；最后一档可以是“不定级”'),
    showRankTo: z
      .enum(['leader', 'all'])
      .default('leader')
      .describe('谁能看到名次：leader 只有组织部门和领导（默认，各组织只看到等次和差距）；all 各组织也能看到自己的名次'),
    bands: z.array(GradeBand).min(1).describe('按顺序取第一个符合的分数段，边界写明含或不含'),
    overrides: z.array(Override).default([]),
    quotas: z.array(Quota).default([]),
    lagging: z
      .object({
        grades: z.array(Id).min(1).describe('列为后进的等次'),
        minShare: Num.min(0).max(1).optional().describe('后进名单不低于的比例，不足时按排名从低到高补足'),
        mode: z.enum(['hard', 'about']).default('hard').describe('hard 不足 minShare 时按排名补足；about 只提示'),
        scope: z.enum(['category', 'parent', 'root']).default('category'),
      })
      .strict()
      .optional(),
    ranking: z
      .object({
        by: z.array(z.string().regex(/^(total|part:[A-Za-z][A-Za-z0-9_]*|code)$/)).min(1).default(['total', 'code']).describe('排名依据：total 总分、part:编号 某部分得分（均从高到低）、code 组织编码'),
        ties: z.enum(['shared', 'code']).default('shared').describe('并列：shared 名次相同；code 按组织编码分先后'),
      })
      .strict()
      .default({ by: ['total', 'code'], ties: 'shared' }),
    yearOverYear: z.object({ maxSteps: z.number().int().min(1) }).strict().optional().describe('较上年最多升降几档（上年以已定档的年度为准）'),
    consequences: z.record(Id, z.array(Label)).default({}).describe('各等次（及 lagging 后进）的结果运用'),
  })
  .strict();
export type Grading = z.infer<typeof Grading>;

export const RuleSet = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    title: Label,
    version: z.string().min(1).max(40),
    source: z.string().max(500).optional().describe('参照的文件或细则'),
    categories: z.array(CategoryCode).min(1).describe('适用的考核类别（目录中的编码，如 community）'),
    facts: z.record(Id, FactDef),
    parts: z.array(Part).min(1),
    total: z
      .object({
        formula: z.string().min(1).max(500).describe('如 "daily * 50% + annual * 50% + bonus - deduction"'),
        max: Num.positive().optional().describe('各计分部分都得满分时的总分（核对权重）'),
        floor: Num.default(0),
        cap: Num.positive().optional(),
      })
      .strict(),
    gates: z
      .array(z.object({ id: Id, title: Label, when: Condition, reason: Label }).strict())
      .default([])
      .describe('条件成立的组织不予评定'),
    grading: Grading.optional(),
    rounding: z
      .enum(['clause', 'total'])
      .default('clause')
      .describe('clause 每条得分四舍五入到 0.01 再相加（默认）；total 按精确值相加，只在总分四舍五入一次（各项仍按 0.01 显示）'),
    notAssessedLabel: Label.default('不参加评定').describe('不予评定的组织在评价表、名单和导出中显示为（如“不定级”“不参加评定”“不评星级”）'),
    traceShareLimit: Num.min(0).max(1).default(0.5).describe('只衡量“留痕”的指标最多占总分的比例（超出时校验给出警告）'),
    examples: z.array(Example).default([]),
  })
  .strict();
export type RuleSet = z.infer<typeof RuleSet>;
export type RuleSetInput = z.input<typeof RuleSet>;
