import { reviewAnswers } from '../../domain/catalog';
import { z } from '../../lib/zod';

const Key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, '只能用小写字母、数字和下划线，并以字母开头');
const Label = z.string().trim().min(1).max(100);
export const ReviewKind = z.enum(['secretary', 'chair']).openapi({ description: 'secretary 书记述职评议；chair 轮值主席履责述评' });
export const Answer = z.enum(reviewAnswers);

export const DutyReportInput = z
  .object({
    orgId: z.number().int().positive().max(2_147_483_647),
    kind: ReviewKind.default('secretary'),
    text: z.string().trim().min(20, '述职报告至少 20 个字').max(50_000),
    attachment: z
      .object({ fileId: z.number().int().positive().max(2_147_483_647) })
      .strict()
      .nullable()
      .optional()
      .openapi({ description: '附件：先用 POST /api/files（purpose=duty_report）上传到本组织，再填文件编号；不给则没有附件' }),
  })
  .strict()
  .openapi('DutyReportInput');

export const DutyReport = z
  .object({
    id: z.number().int(),
    year: z.number().int(),
    kind: ReviewKind,
    kindLabel: z.string(),
    orgId: z.number().int(),
    orgName: z.string(),
    text: z.string(),
    attachment: z.object({ fileId: z.number().int(), name: z.string(), mime: z.string(), size: z.number().int() }).nullable(),
    submittedAt: z.string(),
  })
  .openapi('DutyReport');
export type DutyReport = z.infer<typeof DutyReport>;

export const DutyReportQuery = z.object({ kind: ReviewKind.optional(), orgId: z.coerce.number().int().positive().max(2_147_483_647).optional() });

export const CreateSessionInput = z
  .object({
    year: z.number().int().min(1900).max(9999),
    kind: ReviewKind.default('secretary'),
    orgId: z.number().int().positive().max(2_147_483_647).openapi({ description: '组织评议的单位（被评议的组织须在其下级）' }),
    title: z.string().trim().min(2).max(200).openapi({ example: '2025 年度社区党组织书记抓基层党建述职评议' }),
    items: z.array(z.object({ key: Key, label: Label }).strict()).max(20).optional().openapi({ description: '评议项目；“总体评价”总是附在最后。不给则用默认项目' }),
    groups: z
      .array(z.object({ key: Key, label: Label, weight: z.number().positive().max(1) }).strict())
      .min(1)
      .max(10)
      .optional()
      .openapi({ description: '评议群体及权重（合计为 1）；不给则用上级党委 40%、党代表 30%、驻区单位代表 15%、群众代表 15%' }),
    partialSheets: z.boolean().default(false).openapi({ description: '一张评议表可以只评其中部分组织（评议人了解的组织）；默认须逐一评议' }),
    paperOnly: z.boolean().default(false).openapi({ description: '只用纸质评议表：不发评议码、不登记评议人账号也可开始，评议表通过导入计入' }),
  })
  .strict()
  .openapi('CreateReviewSessionInput');

export const ReviewSession = z
  .object({
    id: z.number().int(),
    year: z.number().int(),
    kind: ReviewKind,
    kindLabel: z.string(),
    orgId: z.number().int(),
    orgName: z.string(),
    title: z.string(),
    state: z.enum(['draft', 'open', 'closed']),
    stateLabel: z.string(),
    items: z.array(z.object({ key: z.string(), label: z.string() })),
    groups: z.array(z.object({ key: z.string(), label: z.string(), weight: z.number(), raters: z.number().int(), used: z.number().int() })),
    subjects: z.array(z.object({ orgId: z.number().int(), orgName: z.string(), hasReport: z.boolean() })),
    partialSheets: z.boolean(),
    paperOnly: z.boolean(),
  })
  .openapi('ReviewSession');
export type ReviewSession = z.infer<typeof ReviewSession>;

export const SessionListQuery = z.object({ year: z.coerce.number().int().min(1900).max(9999).optional() });

export const AddSubjectsInput = z
  .object({ orgIds: z.array(z.number().int().positive().max(2_147_483_647)).min(1).max(1000) })
  .strict()
  .openapi('AddReviewSubjectsInput');

export const AddRatersInput = z
  .object({
    group: Key,
    codes: z.number().int().min(1).max(500).optional().openapi({ description: '生成多少个一次性评议码（只显示这一次）' }),
    userIds: z.array(z.number().int().positive().max(2_147_483_647)).min(1).max(500).optional().openapi({ description: '“评议人”账号的编号' }),
    subjectOrgIds: z
      .array(z.number().int().positive().max(2_147_483_647))
      .min(1)
      .max(1000)
      .optional()
      .openapi({ description: '这些评议人只评议的组织（须是本次评议的被评议组织），如“本单位”只评本单位的书记；不给则评议全部' }),
  })
  .strict()
  .refine((v) => (v.codes === undefined) !== (v.userIds === undefined), { message: '请给出 codes 或 userIds 之一', path: ['codes'] })
  .openapi('AddReviewRatersInput');

export const AddedRaters = z
  .object({ group: z.string(), added: z.number().int(), codes: z.array(z.string()).openapi({ description: '一次性评议码，只显示这一次；库中只存哈希' }) })
  .openapi('AddedReviewRaters');

export const TransitionInput = z.object({ to: z.enum(['open', 'closed']) }).strict().openapi('ReviewTransitionInput');

export const SheetVotes = z
  .object({
    votes: z
      .array(z.object({ orgId: z.number().int().positive().max(2_147_483_647), answers: z.record(Key, Answer) }).strict())
      .min(1)
      .max(1000),
  })
  .strict()
  .openapi('ReviewVotesInput');
export type SheetVotes = z.infer<typeof SheetVotes>;

export const Ballot = z
  .object({
    sessionId: z.number().int(),
    title: z.string(),
    kindLabel: z.string(),
    group: z.object({ key: z.string(), label: z.string() }),
    items: z.array(z.object({ key: z.string(), label: z.string() })),
    answers: z.array(z.string()),
    partial: z.boolean().openapi({ description: '可以只评议其中了解的组织' }),
    kind: ReviewKind,
    subjects: z.array(
      z.object({
        orgId: z.number().int(),
        orgName: z.string(),
        secretaryName: z.string().nullable(),
        report: z.string().nullable(),
        chairTerms: z
          .array(
            z.object({
              community: z.string(),
              startsOn: z.string(),
              endsOn: z.string(),
              duties: z.string().nullable(),
              claimed: z.number().int(),
              closed: z.number().int(),
              projects: z.array(z.object({ title: z.string(), stateLabel: z.string(), closedOn: z.string().nullable(), overdue: z.boolean() })),
            }),
          )
          .openapi({ description: '轮值主席履责述评：该单位本年度的轮值主席任期，及任期内认领的本社区项目（牵头解决的问题）' }),
      }),
    ),
  })
  .openapi('ReviewBallot');
export type Ballot = z.infer<typeof Ballot>;

export const ReviewerSheet = z
  .object({
    sessionId: z.number().int(),
    year: z.number().int(),
    title: z.string(),
    kindLabel: z.string(),
    organizer: z.string(),
    state: z.enum(['draft', 'open', 'closed']),
    stateLabel: z.string(),
    submitted: z.boolean().openapi({ description: '本人是否已提交（只有是否提交，不含评议内容）' }),
  })
  .openapi('ReviewerSheet');
export type ReviewerSheet = z.infer<typeof ReviewerSheet>;

export const VoteReceipt = z.object({ counted: z.number().int().openapi({ description: '本次计入的被评议组织数' }) }).openapi('ReviewVoteReceipt');

const Counts = z.record(z.string(), z.number().int());
export const ReviewResults = z
  .object({
    sessionId: z.number().int(),
    title: z.string(),
    minGroupSample: z.number().int(),
    subjects: z.array(
      z.object({
        orgId: z.number().int(),
        orgName: z.string(),
        sheets: z.number().int(),
        groups: z.array(
          z.object({
            key: z.string(),
            label: z.string(),
            weight: z.number(),
            sheets: z.number().int(),
            shown: z.boolean().openapi({ description: '该群体票数少于最低样本时不显示分项票数，以免推知个人的评议' }),
            items: z.record(z.string(), Counts),
          }),
        ),
      }),
    ),
  })
  .openapi('ReviewResults');
export type ReviewResults = z.infer<typeof ReviewResults>;

const Labelled = z.object({ key: z.string(), label: z.string() });
export const ReviewOptions = z
  .object({
    kinds: z.array(z.object({ key: ReviewKind, label: z.string() })),
    groups: z.array(Labelled.extend({ weight: z.number() })).openapi({ description: '可选的评议群体及常用权重（创建时按 key 提交）' }),
    items: z.array(Labelled).openapi({ description: '默认评议项目' }),
    overallItem: Labelled.openapi({ description: '每张评议表最后总有的一项' }),
    answers: z.array(z.string()),
    minGroupSample: z.number().int(),
  })
  .openapi('ReviewOptions');
export type ReviewOptions = z.infer<typeof ReviewOptions>;
