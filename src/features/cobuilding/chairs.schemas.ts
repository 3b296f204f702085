import { z } from '../../lib/zod';
import { Id, IsoDate, Pagination } from '../common.schemas';

/** 轮值主席: a community's 大党委 chair rota, and what each chair's unit took on during its term. */

export const CreateChairInput = z
  .object({
    communityId: Id.openapi({ description: '大党委所在的社区' }),
    unitId: Id.openapi({ description: '轮值的成员单位（须与社区签有该年度的共建协议）' }),
    startsOn: IsoDate.openapi({ description: '任期开始' }),
    endsOn: IsoDate.openapi({ description: '任期结束（与开始在同一年度）' }),
    duties: z.string().trim().max(500).optional().openapi({ description: '轮值期间牵头的重点事项' }),
  })
  .strict()
  .openapi('CreateCbChair');

export const ChairQuery = Pagination.extend({
  year: z.coerce.number().int().min(1900).max(9999).optional().openapi({ description: '只列出任期在这一年度的' }),
  communityId: Id.optional().openapi({ description: '只列出这一社区的' }),
});

const Ref = z.object({ id: z.number().int(), name: z.string() });

export const Chair = z
  .object({
    id: z.number().int(),
    community: Ref,
    unit: Ref,
    startsOn: z.string(),
    endsOn: z.string(),
    duties: z.string().nullable(),
    current: z.boolean().openapi({ description: '今天（北京时间）在任' }),
    projects: z
      .array(z.object({ id: z.number().int(), title: z.string(), state: z.string(), stateLabel: z.string(), claimedOn: z.string(), closedOn: z.string().nullable(), overdue: z.boolean() }))
      .openapi({ description: '任期内本单位认领的该社区项目（轮值主席牵头解决的问题）' }),
    claimed: z.number().int(),
    closed: z.number().int().openapi({ description: '其中已销号的' }),
    mayDelete: z.boolean(),
  })
  .openapi('CbChair');
export type Chair = z.infer<typeof Chair>;
