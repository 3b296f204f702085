import { createRoute } from '@hono/zod-openapi';
import { z } from '../../lib/zod';
import { ErrorSchema, IdParam, Page } from '../common.schemas';
import type { Printing } from '../documents/print-documents';
import { attachment } from '../imports/imports.routes';
import { jsonBody, jsonRoute } from '../openapi';
import { newRouter } from '../router';
import { printAccountNotices } from './account-notices';
import { createUserAccount, endUserSessions, getUserAccount, listRoles, listUserAccounts, resetUserPassword, setUserDisabled } from './manage-users';
import { listSignIns } from './sign-in-history';
import { CreateUserInput, IssuedAccount, ListUsersQuery, NoticesInput, RoleEnum, SignInQuery, SignInView, UserDetail, UserView } from './users.schemas';

const tags = ['用户与账号'];

/** /api/users: accounts of the caller's subtree (admins): list, create, reset a password, disable, end sessions, print notices. */
export function userRoutes(printing: Printing) {
  const r = newRouter();
  r.openapi(jsonRoute({ method: 'get', path: '/', summary: '账号列表（管辖范围内）', tags, request: { query: ListUsersQuery }, response: Page(UserView) }), async (c) =>
    c.json(await listUserAccounts({ ctx: c.get('ctx'), query: c.req.valid('query') }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'post', path: '/', summary: '新建账号（返回一次初始密码，首次登录须修改）', tags, request: jsonBody(CreateUserInput), response: IssuedAccount, status: 201 }),
    async (c) => c.json(await createUserAccount({ ctx: c.get('ctx'), input: c.req.valid('json') }), 201),
  );
  r.openapi(
    jsonRoute({ method: 'get', path: '/roles', summary: '账号可选的角色及其中文名称', tags, response: z.object({ items: z.array(z.object({ value: RoleEnum, label: z.string() })) }) }),
    async (c) => c.json(listRoles({ ctx: c.get('ctx') }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'get', path: '/sign-ins', summary: '登录记录（管辖范围内账号的每次登录尝试）', tags, request: { query: SignInQuery }, response: Page(SignInView) }),
    async (c) => c.json(await listSignIns({ ctx: c.get('ctx'), query: c.req.valid('query') }), 200),
  );
  r.openapi(jsonRoute({ method: 'get', path: '/{id}', summary: '查看账号（含最近的登录记录）', tags, request: { params: IdParam }, response: UserDetail }), async (c) =>
    c.json(await getUserAccount({ ctx: c.get('ctx'), id: c.req.valid('param').id }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'post', path: '/{id}/reset-password', summary: '重置密码（返回一次新的初始密码，账号的全部会话结束）', tags, request: { params: IdParam }, response: IssuedAccount }),
    async (c) => c.json(await resetUserPassword({ ctx: c.get('ctx'), id: c.req.valid('param').id }), 200),
  );
  r.openapi(jsonRoute({ method: 'post', path: '/{id}/disable', summary: '停用账号（会话结束，令牌吊销）', tags, request: { params: IdParam }, response: UserView }), async (c) =>
    c.json(await setUserDisabled({ ctx: c.get('ctx'), id: c.req.valid('param').id, disabled: true }), 200),
  );
  r.openapi(jsonRoute({ method: 'post', path: '/{id}/enable', summary: '启用账号', tags, request: { params: IdParam }, response: UserView }), async (c) =>
    c.json(await setUserDisabled({ ctx: c.get('ctx'), id: c.req.valid('param').id, disabled: false }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'post', path: '/{id}/revoke-sessions', summary: '强制下线（结束账号的全部会话）', tags, request: { params: IdParam }, response: z.object({ ended: z.number().int() }) }),
    async (c) => c.json(await endUserSessions({ ctx: c.get('ctx'), id: c.req.valid('param').id }), 200),
  );
  r.openapi(
    createRoute({
      method: 'post',
      path: '/notices.pdf',
      summary: '打印账号开通通知单（只打印仍为初始密码的账号）',
      tags,
      security: [{ bearerAuth: [] }],
      request: jsonBody(NoticesInput),
      responses: {
        200: { description: 'PDF 文件', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
        400: { description: '账号或初始密码不正确', content: { 'application/json': { schema: ErrorSchema } } },
      },
    }),
    async (c) => {
      const out = await printAccountNotices({ ctx: c.get('ctx'), printing, input: c.req.valid('json') });
      return c.body(out.bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': attachment(out.fileName), 'Cache-Control': 'no-store' });
    },
  );
  return r;
}
