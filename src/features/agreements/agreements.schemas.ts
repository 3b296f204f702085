import { z } from '../../lib/zod';
import { IsoDate, Pagination } from '../common.schemas';

export const Agreement = z
  .object({
    id: z.number().int(),
    communityId: z.number().int(),
    communityName: z.string(),
    unitId: z.number().int(),
    unitName: z.string(),
    year: z.number().int(),
    content: z.string(),
    signedOn: z.string().nullable(),
  })
  .openapi('Agreement');
export type Agreement = z.infer<typeof Agreement>;

export const CreateAgreementInput = z
  .object({
    communityId: z.number().int().positive().max(2_147_483_647),
    unitId: z.number().int().positive().max(2_147_483_647),
    year: z.number().int().min(1900).max(9999),
    content: z.string().trim().min(1).max(2000).openapi({ example: '共建党员活动阵地；每季度开展一次联合志愿服务' }),
    signedOn: IsoDate.optional(),
  })
  .strict()
  .openapi('CreateAgreement');

export const ListAgreementsQuery = Pagination.extend({
  year: z.coerce.number().int().min(1900).max(9999).optional(),
  communityId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  unitId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});
