import { z } from '../../lib/zod';
import { IsoDate } from '../common.schemas';

const OrgId = z.number().int().positive().max(2_147_483_647);
const ItemKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, '只能用字母、数字和下划线，并以字母开头');
const Text = (max: number) => z.string().trim().min(1).max(max);

/** The national five-level scale plus "不了解", which rule sets usually exclude. */
export const defaultAnswers = ['很满意', '满意', '基本满意', '不太满意', '不满意', '不了解'];

export const CreateCampaignInput = z
  .object({
    year: z.number().int().min(1900).max(9999),
    orgId: OrgId.openapi({ description: '组织评议的党组织（区委、街道党工委）；评议对象须在其下' }),
    title: Text(200).openapi({ example: '2026 年度社区党组织群众满意度测评' }),
    subject: z.enum(['org', 'project']).default('org').openapi({ description: 'org 评议党组织；project 评议已销号的共建项目（评议对象填项目编号）' }),
    items: z
      .array(z.object({ key: ItemKey, label: Text(50) }).strict())
      .min(1)
      .max(20)
      .openapi({ example: [{ key: 'service', label: '服务群众' }, { key: 'efficiency', label: '办事效率' }, { key: 'members', label: '党员作用' }] }),
    answers: z.array(Text(20)).min(2).max(10).default(defaultAnswers).openapi({ description: '答案选项（即细则 votes 条款的答案名）' }),
    raterGroups: z.array(Text(20)).min(1).max(10).default(['居民']).openapi({ example: ['居民', '党员', '驻区单位代表'] }),
    targets: z.array(OrgId).min(1).max(5000).openapi({ description: '评议对象：组织编号；subject 为 project 时为项目编号' }),
    opensOn: IsoDate,
    closesOn: IsoDate,
  })
  .strict()
  .refine((v) => v.opensOn <= v.closesOn, { message: '开始日期晚于结束日期', path: ['closesOn'] })
  .refine((v) => new Set(v.items.map((i) => i.key)).size === v.items.length, { message: '评议项目编号重复', path: ['items'] })
  .refine((v) => new Set(v.answers).size === v.answers.length, { message: '答案选项重复', path: ['answers'] })
  .refine((v) => new Set(v.raterGroups).size === v.raterGroups.length, { message: '评议群体重复', path: ['raterGroups'] })
  .refine((v) => new Set(v.targets).size === v.targets.length, { message: '评议对象重复', path: ['targets'] })
  .openapi('CreateCampaignInput');

export const ListCampaignsQuery = z.object({ year: z.coerce.number().int().min(1900).max(9999).optional() });

export const IssueCodesInput = z
  .object({
    targetOrgId: OrgId.optional().openapi({ description: '评议对象（组织编号），评议党组织的活动填写' }),
    targetProjectId: OrgId.optional().openapi({ description: '评议对象（项目编号），评议共建项目的活动填写' }),
    raterGroup: Text(20),
    count: z.number().int().min(1).max(2000),
    expiresOn: IsoDate.optional().openapi({ description: '评议码有效期至（含当日，北京时间）；默认为评议结束日期' }),
  })
  .strict()
  .refine((v) => (v.targetOrgId === undefined) !== (v.targetProjectId === undefined), { message: '请选择评议对象', path: ['targetOrgId'] })
  .openapi('IssueCodesInput');

export const IssueCodesQuery = z.object({ format: z.enum(['json', 'html', 'pdf']).default('json').openapi({ description: 'html 或 pdf：可打印的二维码卡片（A4，每页 12 张）' }) });

export const FlagsQuery = z.object({
  burstCount: z.coerce.number().int().min(2).max(1000).default(5).openapi({ description: '同一来源在时间窗内的票数达到此数即标记' }),
  burstMinutes: z.coerce.number().int().min(1).max(1440).default(10),
  patternCount: z.coerce.number().int().min(2).max(1000).default(8).openapi({ description: '同一对象在时间窗内答案完全相同的票数达到此数即标记' }),
  patternMinutes: z.coerce.number().int().min(1).max(10080).default(60),
});

export const VoidBallotInput = z.object({ reason: Text(500).pipe(z.string().min(2)) }).strict().openapi('VoidBallotInput');

export const VoidBallotsInput = z
  .object({
    ballotIds: z.array(z.number().int().positive().max(2_147_483_647)).min(1, '请选择要作废的评议票').max(500, '一次最多作废 500 张'),
    reason: Text(500).pipe(z.string().min(2)),
  })
  .strict()
  .openapi('VoidBallotsInput');

export const Campaign = z
  .object({
    id: z.number().int(),
    year: z.number().int(),
    orgId: z.number().int(),
    orgName: z.string(),
    title: z.string(),
    subject: z.enum(['org', 'project']),
    subjectLabel: z.string(),
    state: z.enum(['draft', 'open', 'closed']),
    stateLabel: z.string(),
    items: z.array(z.object({ key: z.string(), label: z.string() })),
    answers: z.array(z.string()),
    raterGroups: z.array(z.string()),
    opensOn: z.string(),
    closesOn: z.string(),
    targets: z
      .array(
        z.object({
          targetId: z.number().int(),
          orgId: z.number().int(),
          orgName: z.string(),
          projectId: z.number().int().nullable(),
          projectTitle: z.string().nullable(),
          name: z.string().openapi({ description: '评议对象：组织名称，或「项目名称（社区）」' }),
          validBallots: z.number().int(), voidedBallots: z.number().int(), codesIssued: z.number().int(),
        }),
      )
      .optional(),
  })
  .openapi('Campaign');
export type Campaign = z.infer<typeof Campaign>;

export const CampaignOptions = z
  .object({
    publicUrl: z.string().openapi({ description: '评议码卡片上二维码指向的公网地址（XINGPING_PUBLIC_URL）' }),
    publicUrlIsLocal: z.boolean().openapi({ description: '地址是否只指向本机（127.0.0.1、localhost）：手机扫码打不开' }),
    answers: z.array(z.string()),
    items: z.array(z.object({ key: z.string(), label: z.string() })),
    projectItems: z.array(z.object({ key: z.string(), label: z.string() })).openapi({ description: '评议共建项目时的常用项目' }),
    raterGroups: z.array(z.string()),
  })
  .openapi('CampaignOptions');
export type CampaignOptions = z.infer<typeof CampaignOptions>;

const AnswerCount = z.object({ answer: z.string(), count: z.number().int(), share: z.string().openapi({ description: '占有效票的百分比，两位小数' }) });

export const ProjectRating = z
  .object({
    campaignId: z.number().int(),
    campaignTitle: z.string(),
    year: z.number().int(),
    state: z.enum(['draft', 'open', 'closed']),
    stateLabel: z.string(),
    targetId: z.number().int(),
    orgId: z.number().int(),
    orgName: z.string(),
    projectId: z.number().int().nullable(),
    name: z.string(),
    validBallots: z.number().int(),
    minSample: z.number().int(),
    shown: z.boolean().openapi({ description: '评议已结束且有效票达到最低样本时才显示各项答案' }),
    note: z.string().nullable(),
    items: z.array(z.object({ key: z.string(), label: z.string(), answers: z.array(AnswerCount) })),
  })
  .openapi('ProjectRating');
export type ProjectRating = z.infer<typeof ProjectRating>;
