import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { z } from '../lib/zod';
import { ErrorSchema } from './common.schemas';

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorSchema } },
});

const standardErrors = {
  400: errorResponse('输入有误：details 列出出错的字段'),
  401: errorResponse('未提供或无效的令牌'),
  403: errorResponse('角色或管辖范围不允许'),
  404: errorResponse('不存在或不在管辖范围内'),
  409: errorResponse('与当前状态冲突（如考核周期已关闭）'),
} as const;

type Request = NonNullable<RouteConfig['request']>;
type Ok<S extends z.ZodTypeAny, St extends 200 | 201> = {
  [K in St]: { description: string; content: { 'application/json': { schema: S } } };
};

/** A JSON route with the standard error responses and bearer auth, for the generated OpenAPI document. */
export function jsonRoute<
  P extends string,
  M extends RouteConfig['method'],
  S extends z.ZodTypeAny,
  Req extends Request = {},
  St extends 200 | 201 = 200,
>(o: { method: M; path: P; summary: string; tags: string[]; request?: Req; response: S; status?: St }) {
  const ok = { [o.status ?? 200]: { description: '成功', content: { 'application/json': { schema: o.response } } } } as Ok<S, St>;
  return createRoute({
    method: o.method,
    path: o.path,
    summary: o.summary,
    tags: o.tags,
    security: [{ bearerAuth: [] }],
    request: (o.request ?? {}) as Req,
    responses: { ...ok, ...standardErrors },
  });
}

/** A JSON request body that must be present. */
export function jsonBody<T extends z.ZodTypeAny>(schema: T) {
  return { body: { required: true, content: { 'application/json': { schema } } } } as const;
}
