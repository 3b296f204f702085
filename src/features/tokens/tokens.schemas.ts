import { roles } from '../../domain/catalog';
import { z } from '../../lib/zod';

/** 新建令牌 from the browser: for an existing account (`login`), or for a script account made with `role` and `orgId`. */
export const CreateTokenRequest = z
  .object({
    login: z.string().trim().toLowerCase().min(2, '登录名至少 2 个字符').max(64, '登录名最多 64 个字符').optional(),
    role: z.enum(roles, { message: '请选择角色' }).optional(),
    orgId: z.number().int().positive().max(2_147_483_647).optional(),
    name: z.string().trim().min(1, '请填写令牌名称').max(60, '令牌名称最多 60 个字').optional(),
  })
  .strict()
  .refine((v) => v.login !== undefined || v.role !== undefined, { message: '请选择令牌代表的账号，或为它新建脚本账号（选择角色）', path: ['login'] })
  .refine((v) => v.login !== undefined || v.orgId !== undefined, { message: '请选择脚本账号所属的组织', path: ['orgId'] })
  .openapi('CreateTokenRequest');

export const TokenView = z
  .object({
    id: z.number().int(),
    name: z.string(),
    prefix: z.string().openapi({ description: '令牌的开头几位，用于区分令牌；令牌本身不再显示' }),
    userId: z.number().int(),
    login: z.string(),
    displayName: z.string(),
    role: z.enum(roles),
    roleLabel: z.string(),
    kind: z.enum(['person', 'script']),
    orgId: z.number().int(),
    orgName: z.string(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiToken');
export type TokenView = z.infer<typeof TokenView>;

/** A token just created: the secret itself, returned this once. */
export const CreatedTokenView = TokenView.extend({ token: z.string().openapi({ description: '令牌本身，只返回这一次' }) }).openapi('CreatedApiToken');
