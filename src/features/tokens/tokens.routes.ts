import { z } from '../../lib/zod';
import { IdParam } from '../common.schemas';
import { jsonBody, jsonRoute } from '../openapi';
import { newRouter } from '../router';
import { createTokenForWeb, listTokenViews, revokeTokenForWeb } from './manage-tokens';
import { CreatedTokenView, CreateTokenRequest, TokenView } from './tokens.schemas';

const tags = ['用户与账号'];

/** /api/tokens: API tokens of the caller's subtree (admins), as `npx xingping token create|list|revoke` keeps them. */
export function tokenRoutes() {
  const r = newRouter();
  r.openapi(jsonRoute({ method: 'get', path: '/', summary: '访问令牌列表（不含令牌本身）', tags, response: z.object({ items: z.array(TokenView) }) }), async (c) =>
    c.json(await listTokenViews({ ctx: c.get('ctx') }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'post', path: '/', summary: '创建访问令牌（令牌只返回这一次）', tags, request: jsonBody(CreateTokenRequest), response: CreatedTokenView, status: 201 }),
    async (c) => c.json(await createTokenForWeb({ ctx: c.get('ctx'), input: c.req.valid('json') }), 201),
  );
  r.openapi(jsonRoute({ method: 'post', path: '/{id}/revoke', summary: '吊销访问令牌', tags, request: { params: IdParam }, response: TokenView }), async (c) =>
    c.json(await revokeTokenForWeb({ ctx: c.get('ctx'), id: c.req.valid('param').id }), 200),
  );
  return r;
}
