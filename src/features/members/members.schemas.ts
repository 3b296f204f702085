import { z } from '../../lib/zod';
import { Pagination } from '../common.schemas';

export const Member = z
  .object({
    id: z.number().int(),
    name: z.string(),
    orgId: z.number().int(),
    orgName: z.string(),
    employerName: z.string().nullable(),
    employerOrgId: z.number().int().nullable(),
    residenceCommunityId: z.number().int().nullable(),
    residenceCommunityName: z.string().nullable(),
    inService: z.boolean(),
  })
  .openapi('Member');
export type Member = z.infer<typeof Member>;

export const ListMembersQuery = Pagination.extend({
  orgId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  residenceCommunityId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  inService: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().trim().min(1).max(20).optional(),
});
