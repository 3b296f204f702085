import { z } from '../lib/zod';
import { isIsoDate } from '../lib/dates';
import { toDecimal2 } from '../lib/decimal';

/** A calendar date 'YYYY-MM-DD' that exists (2025-02-30 is refused). */
export const IsoDate = z
  .string()
  .refine(isIsoDate, { message: '应为有效日期，格式 YYYY-MM-DD' })
  .openapi({ example: '2025-06-18', format: 'date' });

export const Id = z.coerce.number().int().positive().max(2_147_483_647).openapi({ example: 12 });

export const IdParam = z.object({
  id: z.coerce.number().int().positive().max(2_147_483_647).openapi({ param: { name: 'id', in: 'path' }, example: 12 }),
});

export const YearParam = z.object({
  year: z.coerce
    .number()
    .int()
    .min(1900)
    .max(9999)
    .openapi({ param: { name: 'year', in: 'path' }, example: 2025 }),
});

/** Hours and similar quantities: a number or a decimal string with at most two decimals, stored exactly. */
export const Hours = z
  .union([z.number(), z.string()])
  .transform((v, ctx) => {
    const d = toDecimal2(v);
    if (d === null) {
      ctx.addIssue({ code: 'custom', message: '应为 0 到 9999.99 之间、最多两位小数的数' });
      return z.NEVER;
    }
    return d;
  })
  .openapi({ type: 'string', example: '2.50', description: '小时数，最多两位小数' });

export const Pagination = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string().openapi({ example: 'occurredOn：日期不在考核年度内' }),
      requestId: z.string().nullable(),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

export const Page = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item), total: z.number().int() });
