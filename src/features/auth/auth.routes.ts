import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Deps } from '../../deps';
import { z } from '../../lib/zod';
import { jsonBody, jsonRoute } from '../openapi';
import { newRouter, type AppEnv } from '../router';
import { listTodos } from '../todos/list-todos';
import { changeOwnPassword, describeMe } from './account';
import { ChangePasswordBody, MeSchema, SignInBody, TodosSchema } from './auth.schemas';
import { requestDb } from '../limits/request-limits';
import { SESSION_COOKIE } from './auth.middleware';
import { signIn, signOut } from './sign-in';

const tags = ['登录与账号'];

function authDeps(deps: Deps, c: Context<AppEnv>) {
  return { db: requestDb(c, deps.db), clock: deps.clock, counters: deps.counters, policy: deps.auth.policy, requestId: c.get('requestId') };
}

/** /api/auth/*: sign in (the one /api route without credentials), sign out, who am I, change my password. */
export function authRoutes(deps: Deps) {
  const r = newRouter();
  r.openapi(
    jsonRoute({ method: 'post', path: '/login', summary: '登录（成功后设置会话 Cookie）', tags, request: jsonBody(SignInBody), response: MeSchema }),
    async (c) => {
      const client = deps.auth.client(c);
      const s = await signIn(authDeps(deps, c), client, c.req.valid('json'));
      setCookie(c, SESSION_COOKIE, s.cookie, { httpOnly: true, sameSite: 'Strict', secure: client.https, path: '/' });
      return c.json(await describeMe({ actor: s.auth.actor, db: requestDb(c, deps.db), clock: deps.clock, requestId: c.get('requestId') }, s.auth, deps.ruleSets), 200);
    },
  );
  r.openapi(jsonRoute({ method: 'post', path: '/logout', summary: '退出登录（结束本会话）', tags, response: z.object({ ok: z.boolean() }) }), async (c) => {
    const session = c.get('auth').session;
    if (session) await signOut(authDeps(deps, c), session.id);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true }, 200);
  });
  r.openapi(jsonRoute({ method: 'get', path: '/me', summary: '当前登录的账号、所属组织和菜单', tags, response: MeSchema }), async (c) =>
    c.json(await describeMe(c.get('ctx'), c.get('auth'), deps.ruleSets), 200),
  );
  r.openapi(
    jsonRoute({ method: 'post', path: '/password', summary: '修改本人密码（其他会话随之结束）', tags, request: jsonBody(ChangePasswordBody), response: z.object({ changed: z.boolean(), otherSessionsEnded: z.number().int() }) }),
    async (c) => c.json(await changeOwnPassword({ ctx: c.get('ctx'), input: c.req.valid('json'), policy: deps.auth.policy, client: deps.auth.client(c), keepSession: c.get('auth').session?.id }), 200),
  );
  r.openapi(jsonRoute({ method: 'get', path: '/todos', summary: '待办：等待当前账号处理的事项', tags, response: TodosSchema }), async (c) => c.json(await listTodos({ ctx: c.get('ctx') }), 200));
  return r;
}
