import { z } from '../../lib/zod';
import { Id, IsoDate, Pagination } from '../common.schemas';
import { LedgerEvidence } from '../ledger/ledger.schemas';

export const CreateWishInput = z
  .object({
    orgId: Id.openapi({ description: '收集心愿的社区或网格' }),
    wish: z.string().trim().min(2, '至少 2 个字').max(200).openapi({ example: '想要一台收音机听戏' }),
    residentAlias: z.string().trim().min(1, '必填').max(20).openapi({ description: '公开显示的称呼，如“王奶奶”，不写全名', example: '王奶奶' }),
    residentContact: z.string().trim().max(100).optional().openapi({ description: '居民联系方式：只有认领方在认领后可见，可应居民要求删除' }),
    consentOn: IsoDate.openapi({ description: '居民同意公开心愿的日期（不能晚于收集日期）' }),
    raisedOn: IsoDate.optional().openapi({ description: '收集日期，不填为今天' }),
  })
  .strict()
  .openapi('CreateCbWish');

export const Wish = z
  .object({
    id: z.number().int(),
    org: z.object({ id: z.number().int(), name: z.string() }),
    wish: z.string(),
    residentAlias: z.string(),
    residentContact: z.string().nullable().openapi({ description: '只有认领方（认领后）可见；其他人为 null' }),
    contactDeleted: z.boolean(),
    consentOn: z.string(),
    raisedOn: z.string(),
    state: z.string(),
    stateLabel: z.string(),
    claimer: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    claimerMember: z.string().nullable(),
    claimedOn: z.string().nullable(),
    fulfilledOn: z.string().nullable(),
    fulfilText: z.string().nullable(),
    evidence: z.array(LedgerEvidence),
    confirmedOn: z.string().nullable(),
    actions: z.array(z.enum(['claim', 'fulfil', 'issueCode', 'deleteContact'])).openapi({ description: '当前账号现在可以做的：认领、登记实现、生成居民确认码、删除居民联系方式' }),
  })
  .openapi('CbWish');
export type Wish = z.infer<typeof Wish>;

export const ClaimWishInput = z
  .object({
    claimerId: Id.openapi({ description: '认领的单位（须与心愿所在社区签有共建协议）或社区本身' }),
    member: z.string().trim().max(40).optional().openapi({ description: '代为认领的党员姓名（党员没有账号）' }),
    on: IsoDate.optional(),
  })
  .strict()
  .openapi('ClaimCbWish');

export const FulfilWishInput = z
  .object({ text: z.string().trim().min(2, '至少 2 个字').max(2000), on: IsoDate.optional(), fileIds: z.array(Id).max(20, '最多 20 个文件').default([]) })
  .strict()
  .openapi('FulfilCbWish');

/** The answer to 生成居民确认码: the wish, and once only the code the resident confirms with (print it or read it out). */
export const FulfilledWish = Wish.extend({
  confirmCode: z.string().openapi({ description: '居民确认码：只返回这一次，交给居民在 /w/确认码 确认' }),
  confirmUrl: z.string(),
}).openapi('FulfilledCbWish');

export const WishQuery = Pagination.extend({
  state: z.enum(['open', 'claimed', 'fulfilled', 'confirmed']).optional(),
});
