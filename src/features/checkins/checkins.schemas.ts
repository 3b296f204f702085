import { z } from '../../lib/zod';
import { Hours, IsoDate, Pagination } from '../common.schemas';

export const CheckinKind = z.enum(['report', 'service']).openapi({ description: 'report 到社区报到；service 志愿服务（须填时长）' });

export const Checkin = z
  .object({
    id: z.number().int(),
    memberId: z.number().int(),
    memberName: z.string(),
    memberOrgId: z.number().int(),
    memberOrgName: z.string(),
    communityId: z.number().int(),
    communityName: z.string(),
    cycleYear: z.number().int(),
    kind: CheckinKind,
    kindLabel: z.string(),
    occurredOn: z.string(),
    hours: z.string().nullable(),
    activity: z.string().nullable(),
  })
  .openapi('Checkin');
export type Checkin = z.infer<typeof Checkin>;

export const CreateCheckinInput = z
  .object({
    memberId: z.number().int().positive().max(2_147_483_647),
    communityId: z.number().int().positive().max(2_147_483_647),
    kind: CheckinKind,
    occurredOn: IsoDate,
    hours: Hours.optional(),
    activity: z.string().trim().min(1).max(200).optional().openapi({ example: '小区垃圾分类宣传' }),
  })
  .strict()
  .openapi('CreateCheckin');

export const ListCheckinsQuery = Pagination.extend({
  cycle: z.coerce.number().int().min(1900).max(9999).optional(),
  communityId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  memberId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  kind: CheckinKind.optional(),
});
