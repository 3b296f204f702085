import { z } from '@hono/zod-openapi';

// Validation messages reach users: make zod speak Chinese once, for every schema in the app, and say
// "必填" for a missing field instead of "expected string, received undefined".
z.config(z.locales.zhCN());
z.config({
  customError: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? '必填' : undefined),
});

export { z };
