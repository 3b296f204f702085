import { orgKinds } from '../../domain/catalog';
import { CategoryCode } from '../../rules/catalog';
import { z } from '../../lib/zod';
import { IsoDate, Pagination } from '../common.schemas';

export const OrgKind = z.enum(orgKinds).openapi({ example: 'community' });
export const OrgCategory = CategoryCode.openapi({ example: 'community', description: '考核类别的编码（目录 /api/catalog/categories）' });

export const OrgCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, '组织编码只能包含字母、数字和 . _ -')
  .openapi({ example: 'XC-01-03' });

export const Org = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    kind: OrgKind,
    kindLabel: z.string(),
    category: OrgCategory.nullable(),
    categoryLabel: z.string().nullable(),
    parentId: z.number().int().nullable(),
    depth: z.number().int(),
    secretaryName: z.string().nullable(),
    memberCount: z.number().int(),
    activeFrom: z.string(),
    activeTo: z.string().nullable(),
  })
  .openapi('Organization');
export type Org = z.infer<typeof Org>;

export const CreateOrgInput = z
  .object({
    code: OrgCode,
    name: z.string().trim().min(1).max(100),
    kind: OrgKind,
    category: OrgCategory.optional(),
    parentId: z.number().int().positive().max(2_147_483_647),
    secretaryName: z.string().trim().min(1).max(40).optional(),
    memberCount: z.number().int().min(0).max(1_000_000).default(0),
    activeFrom: IsoDate.optional(),
    activeTo: IsoDate.optional(),
  })
  .strict()
  .openapi('CreateOrganization');
export type CreateOrgInput = z.infer<typeof CreateOrgInput>;

export const UpdateOrgInput = z
  .object({
    code: OrgCode,
    name: z.string().trim().min(1).max(100),
    category: OrgCategory.nullable(),
    secretaryName: z.string().trim().min(1).max(40).nullable(),
    memberCount: z.number().int().min(0).max(1_000_000),
    activeFrom: IsoDate,
    activeTo: IsoDate.nullable(),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '至少提供一个要修改的字段' })
  .openapi('UpdateOrganization');
export type UpdateOrgInput = z.infer<typeof UpdateOrgInput>;

export const MoveOrgInput = z.object({ parentId: z.number().int().positive().max(2_147_483_647) }).strict().openapi('MoveOrganization');
export type MoveOrgInput = z.infer<typeof MoveOrgInput>;

export const ListOrgsQuery = Pagination.extend({
  kind: OrgKind.optional(),
  category: OrgCategory.optional(),
  parentId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  under: z.coerce.number().int().positive().max(2_147_483_647).optional().openapi({ description: '只列出该组织的下级（含各级）' }),
  q: z.string().trim().min(1).max(50).optional().openapi({ description: '名称或编码包含' }),
  activeOn: IsoDate.optional().openapi({ description: '该日期处于存续期的组织' }),
});
export type ListOrgsQuery = z.infer<typeof ListOrgsQuery>;

export const SubtreeQuery = z.object({
  maxDepth: z.coerce.number().int().min(0).max(10).optional().openapi({ description: '相对深度，0 只含本组织' }),
});

export const CloseOrgInput = z
  .object({
    activeTo: IsoDate.openapi({ description: '撤销日期（最后一个存续日）' }),
    reason: z.string().trim().min(2, '请填写撤销原因（至少 2 个字）').max(500, '撤销原因不能超过 500 字'),
  })
  .strict()
  .openapi('CloseOrganization');
export type CloseOrgInput = z.infer<typeof CloseOrgInput>;

export const OrgKindInfo = z
  .object({
    kind: OrgKind,
    label: z.string(),
    parentKinds: z.array(OrgKind).openapi({ description: '可以作为其上级的组织类型；空表示只能是最高一级' }),
  })
  .openapi('OrganizationKind');
export type OrgKindInfo = z.infer<typeof OrgKindInfo>;
