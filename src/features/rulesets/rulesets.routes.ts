import { createRoute } from '@hono/zod-openapi';
import { z } from '../../lib/zod';
import type { RuleSets } from '../../rules/registry';
import { ErrorSchema, YearParam } from '../common.schemas';
import type { Printing } from '../documents/print-documents';
import { attachment } from '../imports/imports.routes';
import { jsonRoute } from '../openapi';
import { newRouter } from '../router';
import { getRubric, listYearRuleSets, rubricPdf } from './rulesets.service';
import { HashParam, Rubric, YearRuleSets } from './rulesets.schemas';

/** The rule sets governing a cycle: /api/cycles/{year}/rule-sets */
export function cycleRuleSetRoutes(inForce: RuleSets) {
  const r = newRouter();
  r.openapi(
    jsonRoute({
      method: 'get',
      path: '/{year}/rule-sets',
      summary: '本年度各考核类别适用的细则版本（已固定的版本，或现行版本），含是否已固定、固定时间和固定者',
      tags: ['考核细则'],
      request: { params: YearParam },
      response: YearRuleSets,
    }),
    async (c) => c.json(await listYearRuleSets({ ctx: c.get('ctx'), year: c.req.valid('param').year, inForce }), 200),
  );
  return r;
}

/** A rule-set version read as 考核细则表: /api/rule-sets/{hash}/rubric and …/rubric.pdf */
export function ruleSetRoutes(inForce: RuleSets, printing: Printing) {
  const r = newRouter();
  r.openapi(
    jsonRoute({
      method: 'get',
      path: '/{hash}/rubric',
      summary: '考核细则表：各部分、指标、分值和评分方法，以及等次评定规则（中文，由细则文件生成）',
      tags: ['考核细则'],
      request: { params: HashParam },
      response: Rubric,
    }),
    async (c) => c.json(await getRubric({ ctx: c.get('ctx'), hash: c.req.valid('param').hash, inForce }), 200),
  );
  r.openapi(
    createRoute({
      method: 'get',
      path: '/{hash}/rubric.pdf',
      summary: '考核细则表（PDF，可打印）',
      tags: ['考核细则'],
      security: [{ bearerAuth: [] }],
      request: { params: HashParam },
      responses: {
        200: { description: 'PDF 文件', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
        403: { description: '角色不允许', content: { 'application/json': { schema: ErrorSchema } } },
        404: { description: '这一版细则不存在', content: { 'application/json': { schema: ErrorSchema } } },
        503: { description: '没有可用的浏览器生成 PDF', content: { 'application/json': { schema: ErrorSchema } } },
      },
    }),
    async (c) => {
      const out = await rubricPdf({ ctx: c.get('ctx'), hash: c.req.valid('param').hash, inForce, printing });
      return c.body(out.bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': attachment(out.fileName), 'Cache-Control': 'no-store' });
    },
  );
  return r;
}
