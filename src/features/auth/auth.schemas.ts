import { z } from '../../lib/zod';

export const MenuEntrySchema = z.object({ path: z.string(), title: z.string(), icon: z.string() }).openapi('MenuEntry');

export const MeSchema = z
  .object({
    id: z.number().int(),
    login: z.string(),
    displayName: z.string(),
    role: z.enum(['admin', 'leader', 'org_user', 'reviewer']),
    roleLabel: z.string(),
    org: z.object({ id: z.number().int(), name: z.string(), kind: z.string(), kindLabel: z.string() }),
    mustChangePassword: z.boolean(),
    csrfToken: z.string().nullable().openapi({ description: '以会话 Cookie 登录时，每个写请求须在请求头 X-CSRF-Token 中带上它' }),
    menu: z.array(MenuEntrySchema),
    pickers: z.object({ cycle: z.boolean(), org: z.boolean() }).openapi({ description: '页头显示哪些选择器：考核年度、组织' }),
    currentYear: z.number().int().nullable().openapi({ description: '页面默认打开的考核年度' }),
    printables: z.array(z.enum(['scorecard', 'rankings'])).openapi({ description: '首页可打印的文件：年度考核评价表、排名表' }),
    passwordRule: z.string().openapi({ description: '密码规则（修改密码时显示）' }),
  })
  .openapi('Me');

export const SignInBody = z
  .object({
    login: z.string().openapi({ example: 'demo-community' }),
    password: z.string().openapi({ example: 'xingping-demo' }),
  })
  .strict()
  .openapi('SignIn');

export const ChangePasswordBody = z
  .object({
    currentPassword: z.string(),
    newPassword: z.string().openapi({ description: '8 至 64 位，至少包含大写字母、小写字母、数字、符号中的三类，不能包含登录名' }),
  })
  .strict()
  .openapi('ChangePassword');

export const TodoSchema = z
  .object({
    key: z.string(),
    title: z.string(),
    detail: z.string(),
    count: z.number().int(),
    path: z.string().nullable().openapi({ description: '处理这件事的页面；尚无页面时为 null' }),
    level: z.enum(['action', 'info']),
  })
  .openapi('Todo');

export const TodosSchema = z.object({ items: z.array(TodoSchema), total: z.number().int() }).openapi('Todos');
