import { createRoute } from '@hono/zod-openapi';
import { z } from '../../lib/zod';
import type { RuleSets } from '../../rules/registry';
import { ErrorSchema, IdParam, YearParam } from '../common.schemas';
import type { Spreadsheet } from '../imports/spreadsheet';
import { attachment } from '../imports/imports.routes';
import { jsonBody, jsonRoute } from '../openapi';
import { createOrgRecord, listOrgRecords, OrgRecordInput } from '../records/org-records';
import { newRouter } from '../router';
import { exportResults } from '../scoring/export-results';
import { previewRuleSet, publishRuleSet } from '../scoring/preview-rules';
import { correctResult, CorrectionInput, finalizeCycle, listCorrections, publishCycle, PublishInput } from './cycle-life';
import { Appeal, AppealInput, decideAppeal, DecideInput, fileAppeal, listAppeals } from './appeals';
import { cycleSteps, CycleSteps } from './cycle-steps';
import { publicityList, PublicityList } from '../documents/publicity';

const tags = ['考核周期'];
const Any = z.object({}).passthrough();
const Draft = z.object({ ruleSet: z.record(z.string(), z.unknown()).openapi({ description: '草稿细则（与 rules/*.json 相同的内容）' }), previewId: z.number().int().positive().optional() }).strict();

/** The cycle's life after scoring: publication, appeals, finalization, corrections, records, rule versions, export. */
export function cycleLifeRoutes(ruleSets: RuleSets, spreadsheet: Spreadsheet) {
  const r = newRouter();
  const yearOf = (c: { req: { valid(t: 'param'): { year: number } } }) => c.req.valid('param').year;
  r.openapi(jsonRoute({ method: 'post', path: '/{year}/publish', summary: '公示计分结果（开始申诉期）', tags, request: { params: YearParam, ...jsonBody(PublishInput) }, response: Any }), async (c) =>
    c.json(await publishCycle({ ctx: c.get('ctx'), year: yearOf(c), input: c.req.valid('json') }), 200),
  );
  r.openapi(jsonRoute({ method: 'get', path: '/{year}/steps', summary: '年度考核的步骤：已完成和当前的阶段、下一步可做什么及其障碍', tags, request: { params: YearParam }, response: CycleSteps }), async (c) =>
    c.json(await cycleSteps({ ctx: c.get('ctx'), year: yearOf(c) }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'get', path: '/{year}/publicity', summary: '考核结果公示名单（按类别和等次列出组织）', tags, request: { params: YearParam, query: z.object({ orgId: z.coerce.number().int().positive().max(2_147_483_647) }) }, response: PublicityList }),
    async (c) => c.json(await publicityList({ ctx: c.get('ctx'), year: yearOf(c), orgId: c.req.valid('query').orgId }), 200),
  );
  r.openapi(jsonRoute({ method: 'post', path: '/{year}/finalize', summary: '定档（申诉期满、申诉处理完毕后）', tags, request: { params: YearParam }, response: Any }), async (c) =>
    c.json(await finalizeCycle({ ctx: c.get('ctx'), year: yearOf(c) }), 200),
  );
  r.openapi(jsonRoute({ method: 'get', path: '/{year}/appeals', summary: '申诉列表（本级及下级组织的申诉和处理结果）', tags: ['申诉'], request: { params: YearParam }, response: z.object({ items: z.array(Appeal) }) }), async (c) =>
    c.json(await listAppeals({ ctx: c.get('ctx'), year: yearOf(c) }), 200),
  );
  r.openapi(jsonRoute({ method: 'post', path: '/{year}/appeals', summary: '在公示期内提出申诉', tags: ['申诉'], request: { params: YearParam, ...jsonBody(AppealInput) }, response: Appeal, status: 201 }), async (c) =>
    c.json(await fileAppeal({ ctx: c.get('ctx'), year: yearOf(c), input: c.req.valid('json') }), 201),
  );
  r.openapi(
    jsonRoute({ method: 'post', path: '/{year}/appeals/{id}/decide', summary: '采纳或驳回申诉（须说明理由）', tags: ['申诉'], request: { params: YearParam.merge(IdParam), ...jsonBody(DecideInput) }, response: Appeal }),
    async (c) => {
      const { year, id } = c.req.valid('param');
      return c.json(await decideAppeal({ ctx: c.get('ctx'), year, id, input: c.req.valid('json') }), 200);
    },
  );
  r.openapi(jsonRoute({ method: 'get', path: '/{year}/corrections', summary: '定档后的更正记录', tags, request: { params: YearParam }, response: Any }), async (c) =>
    c.json(await listCorrections({ ctx: c.get('ctx'), year: yearOf(c) }), 200),
  );
  r.openapi(jsonRoute({ method: 'post', path: '/{year}/corrections', summary: '更正已定档的结果（生成新的计分版本）', tags, request: { params: YearParam, ...jsonBody(CorrectionInput) }, response: Any, status: 201 }), async (c) =>
    c.json(await correctResult({ ctx: c.get('ctx'), year: yearOf(c), input: c.req.valid('json') }), 201),
  );
  r.openapi(
    jsonRoute({ method: 'get', path: '/{year}/records', summary: '组织记录（表彰、创新项目、违纪、廉政证明、软弱涣散、否决、直接定级）', tags: ['组织记录'], request: { params: YearParam, query: z.object({ orgId: z.coerce.number().int().positive().max(2_147_483_647).optional() }) }, response: Any }),
    async (c) => c.json(await listOrgRecords({ ctx: c.get('ctx'), year: yearOf(c), orgId: c.req.valid('query').orgId }), 200),
  );
  r.openapi(jsonRoute({ method: 'post', path: '/{year}/records', summary: '登记组织记录', tags: ['组织记录'], request: { params: YearParam, ...jsonBody(OrgRecordInput) }, response: Any, status: 201 }), async (c) =>
    c.json(await createOrgRecord({ ctx: c.get('ctx'), year: yearOf(c), input: c.req.valid('json'), ruleSets }), 201),
  );
  r.openapi(jsonRoute({ method: 'post', path: '/{year}/rules/preview', summary: '预览细则修改对本年度等次的影响（不保存得分）', tags: ['考核细则'], request: { params: YearParam, ...jsonBody(Draft) }, response: Any }), async (c) =>
    c.json(await previewRuleSet({ ctx: c.get('ctx'), year: yearOf(c), draft: c.req.valid('json').ruleSet, ruleSets }), 200),
  );
  r.openapi(jsonRoute({ method: 'post', path: '/{year}/rules/publish', summary: '把新版本细则用于本年度（已有结果时须提供预览编号）', tags: ['考核细则'], request: { params: YearParam, ...jsonBody(Draft) }, response: Any }), async (c) => {
    const body = c.req.valid('json');
    return c.json(await publishRuleSet({ ctx: c.get('ctx'), year: yearOf(c), draft: body.ruleSet, previewId: body.previewId, ruleSets }), 200);
  });
  r.openapi(
    createRoute({
      method: 'get',
      path: '/{year}/results.xlsx',
      summary: '导出评定结果（Excel）',
      tags,
      security: [{ bearerAuth: [] }],
      request: { params: YearParam },
      responses: {
        200: { description: '评定结果', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) } } },
        404: { description: '没有计分结果', content: { 'application/json': { schema: ErrorSchema } } },
      },
    }),
    async (c) => {
      const out = await exportResults({ ctx: c.get('ctx'), year: yearOf(c), spreadsheet });
      return c.body(out.bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': attachment(out.fileName) });
    },
  );
  return r;
}
