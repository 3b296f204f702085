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

const Id = z.number().int().positive().max(2_147_483_647);

/** The fields of the member form; names and limits as the 党员 import has them (姓名 40 字, 工作单位 100 字). */
const memberFields = {
  name: z.string().trim().min(1, '请填写姓名').max(40, '姓名不能超过 40 字').openapi({ example: '李春燕' }),
  orgId: Id.openapi({ description: '组织关系所在的组织' }),
  employerName: z.string().trim().max(100, '工作单位不能超过 100 字').nullable().optional().openapi({ description: '空字符串与 null 一样表示未填' }),
  employerOrgId: Id.nullable().optional().openapi({ description: '工作单位的党组织（驻区单位、非公企业或社会组织）' }),
  residenceCommunityId: Id.nullable().optional().openapi({ description: '在职党员报到的居住社区（社区党组织）' }),
  inService: z.boolean({ error: '请选择是否在职党员' }),
};

export const CreateMemberInput = z.object(memberFields).strict().openapi('CreateMember');
export type CreateMemberInput = z.infer<typeof CreateMemberInput>;

export const UpdateMemberInput = z
  .object(memberFields)
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '至少提供一个要修改的字段' })
  .openapi('UpdateMember');
export type UpdateMemberInput = z.infer<typeof UpdateMemberInput>;
