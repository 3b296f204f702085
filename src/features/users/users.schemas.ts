import { roles } from '../../domain/catalog';
import { z } from '../../lib/zod';
import { Pagination } from '../common.schemas';

/** Lower case letters, digits and . _ -, starting with a letter or digit (what a login form can type on any phone). */
export const Login = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, '登录名至少 2 个字符')
  .max(64, '登录名最多 64 个字符')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, '登录名只能包含字母、数字和 . _ -，并以字母或数字开头')
  .openapi({ example: 'zhang.san' });

export const RoleEnum = z.enum(roles).openapi({ example: 'org_user', description: 'admin 组织部门工作人员；leader 领导；org_user 党组织书记/党务工作者；reviewer 评议人' });

export const CreateUserInput = z
  .object({
    login: Login,
    displayName: z.string().trim().min(1, '请填写姓名').max(40),
    role: RoleEnum,
    orgId: z.number().int().positive().max(2_147_483_647),
    phone: z.string().trim().regex(/^[0-9+\- ]{5,20}$/, '电话号码格式不正确').optional(),
    /** An initial password of the admin's choosing; generated when absent. Must be changed at first sign-in either way. */
    password: z.string().max(64).optional(),
  })
  .strict()
  .openapi('CreateUser');

export const ListUsersQuery = Pagination.extend({
  q: z.string().trim().max(60).optional().openapi({ description: '按登录名、姓名或组织名称搜索' }),
  role: RoleEnum.optional(),
  orgId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  kind: z.enum(['person', 'script']).optional(),
});

export const UserView = z
  .object({
    id: z.number().int(),
    login: z.string(),
    displayName: z.string(),
    role: RoleEnum,
    roleLabel: z.string(),
    kind: z.enum(['person', 'script']),
    orgId: z.number().int(),
    orgName: z.string(),
    orgKindLabel: z.string(),
    phone: z.string().nullable(),
    mustChangePassword: z.boolean(),
    locked: z.boolean(),
    disabled: z.boolean(),
    lastSignInAt: z.string().nullable(),
    liveSessions: z.number().int(),
    actions: z.array(z.enum(['reset', 'disable', 'enable', 'revoke'])).openapi({ description: '当前账号可对该账号执行的操作：重置密码、停用、启用、强制下线' }),
  })
  .openapi('User');
export type UserView = z.infer<typeof UserView>;

export const UserDetail = UserView.extend({
  signIns: z.array(z.object({ at: z.string(), address: z.string(), outcome: z.string() })),
}).openapi('UserDetail');

/** An account with its initial password, shown once (and printed on the 开通通知单). */
export const IssuedAccount = UserView.pick({ id: true, login: true, displayName: true, role: true, roleLabel: true, orgName: true })
  .extend({ initialPassword: z.string() })
  .openapi('IssuedAccount');
export type IssuedAccount = z.infer<typeof IssuedAccount>;

export const NoticesInput = z
  .object({
    accounts: z.array(z.object({ id: z.number().int().positive().max(2_147_483_647), initialPassword: z.string().min(1).max(64) }).strict()).min(1).max(50),
  })
  .strict()
  .openapi('AccountNoticesRequest');

export const SignInQuery = Pagination.extend({
  q: z.string().trim().max(60).optional().openapi({ description: '按登录名或姓名搜索' }),
  userId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  failedOnly: z.enum(['true', 'false']).optional().openapi({ description: 'true：只看失败的登录' }),
});

export const SignInView = z
  .object({
    id: z.number().int(),
    at: z.string(),
    userId: z.number().int(),
    login: z.string(),
    displayName: z.string(),
    orgName: z.string(),
    address: z.string(),
    outcome: z.string(),
    success: z.boolean(),
    outcomeLabel: z.string().openapi({ description: '结果：成功，或失败及原因' }),
  })
  .openapi('SignInAttempt');
export type SignInView = z.infer<typeof SignInView>;
