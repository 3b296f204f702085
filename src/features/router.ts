import { OpenAPIHono } from '@hono/zod-openapi';
import type { Ctx } from './context';
import type { Authenticated } from './auth/authenticate';
import { validationError } from '../errors/http';

export type AppEnv = { Variables: { ctx: Ctx; auth: Authenticated; requestId: string } };

/** A feature's router: failed request validation becomes the one error envelope (400, fields named). */
export function newRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error);
    },
  });
}
