import { createRoute } from '@hono/zod-openapi';
import { z } from '../../lib/zod';
import type { RuleSets } from '../../rules/registry';
import type { PdfRenderer } from '../../documents/pdf';
import { AppError } from '../../errors/app-error';
import { ErrorSchema, IdParam } from '../common.schemas';
import { importPaperBallots } from '../imports/import-ballots';
import type { Spreadsheet } from '../imports/spreadsheet';
import { jsonBody, jsonRoute } from '../openapi';
import { newRouter } from '../router';
import { createCampaign, getCampaign, listCampaigns, transitionCampaign } from './campaigns.service';
import { issueBallotCodes, printBallotCards } from './issue-codes';
import { attachment } from '../imports/imports.routes';
import { campaignOptions } from './campaign-options';
import { Campaign, CampaignOptions, CreateCampaignInput, FlagsQuery, IssueCodesInput, IssueCodesQuery, ListCampaignsQuery, VoidBallotInput, VoidBallotsInput } from './ratings.schemas';
import { campaignResults, listFlags, voidBallot, voidBallots } from './review-ballots';

const tags = ['群众评议'];
const UploadForm = z.object({
  file: z.instanceof(Blob, { message: '请上传文件（字段名 file）' }).openapi({ type: 'string', format: 'binary' }),
});
const Any = z.object({}).passthrough();
const BallotParam = IdParam.extend({
  ballotId: z.coerce.number().int().positive().max(2_147_483_647).openapi({ param: { name: 'ballotId', in: 'path' }, example: 7 }),
});

/** Resident rating campaigns: /api/campaigns/… (the public ballot page is in src/web/ballot.routes.ts). */
export function ratingRoutes({ ruleSets, publicUrl, spreadsheet, pdf }: { ruleSets: RuleSets; publicUrl: string; spreadsheet: Spreadsheet; pdf: PdfRenderer }) {
  const r = newRouter();
  r.openapi(jsonRoute({ method: 'get', path: '/', summary: '群众评议活动列表', tags, request: { query: ListCampaignsQuery }, response: z.object({ items: z.array(Campaign) }) }), async (c) =>
    c.json(await listCampaigns({ ctx: c.get('ctx'), year: c.req.valid('query').year }), 200),
  );
  r.openapi(jsonRoute({ method: 'post', path: '/', summary: '创建群众评议活动（评议对象、项目、答案、评议群体）', tags, request: jsonBody(CreateCampaignInput), response: Campaign, status: 201 }), async (c) =>
    c.json(await createCampaign({ ctx: c.get('ctx'), input: c.req.valid('json') }), 201),
  );
  // Before '/{id}', which would otherwise take 'options' for an id.
  r.openapi(jsonRoute({ method: 'get', path: '/options', summary: '创建评议活动的常用项目、答案、评议群体，以及二维码指向的公网地址', tags, response: CampaignOptions }), async (c) =>
    c.json(campaignOptions({ ctx: c.get('ctx'), publicUrl }), 200),
  );
  r.openapi(jsonRoute({ method: 'get', path: '/{id}', summary: '评议活动及各评议对象的发码数、有效票数', tags, request: { params: IdParam }, response: Campaign }), async (c) =>
    c.json(await getCampaign({ ctx: c.get('ctx'), id: c.req.valid('param').id }), 200),
  );
  r.openapi(jsonRoute({ method: 'post', path: '/{id}/open', summary: '开始评议', tags, request: { params: IdParam }, response: Campaign }), async (c) =>
    c.json(await transitionCampaign({ ctx: c.get('ctx'), id: c.req.valid('param').id, action: 'open' }), 200),
  );
  r.openapi(jsonRoute({ method: 'post', path: '/{id}/close', summary: '结束评议（结束后结果计入考核）', tags, request: { params: IdParam }, response: Campaign }), async (c) =>
    c.json(await transitionCampaign({ ctx: c.get('ctx'), id: c.req.valid('param').id, action: 'close' }), 200),
  );
  r.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/codes',
      summary: '发放一次性评议码（明码只在此返回一次；format=html 或 pdf 返回可打印的二维码卡片，A4 每页 12 张）',
      tags,
      security: [{ bearerAuth: [] }],
      request: { params: IdParam, query: IssueCodesQuery, ...jsonBody(IssueCodesInput) },
      responses: {
        201: {
          description: '评议码',
          content: { 'application/json': { schema: Any }, 'text/html': { schema: z.string() }, 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        400: { description: '输入有误', content: { 'application/json': { schema: ErrorSchema } } },
        403: { description: '无权操作', content: { 'application/json': { schema: ErrorSchema } } },
        404: { description: '不存在', content: { 'application/json': { schema: ErrorSchema } } },
        409: { description: '评议已结束', content: { 'application/json': { schema: ErrorSchema } } },
      },
    }),
    async (c) => {
      const { format } = c.req.valid('query');
      if (format === 'json') return c.json(await issueBallotCodes({ ctx: c.get('ctx'), id: c.req.valid('param').id, input: c.req.valid('json'), publicUrl }), 201);
      const out = await printBallotCards({ ctx: c.get('ctx'), id: c.req.valid('param').id, input: c.req.valid('json'), publicUrl, format, pdf });
      if (out.html !== null) return c.html(out.html, 201);
      return c.body(out.pdf as Uint8Array<ArrayBuffer>, 201, { 'Content-Type': 'application/pdf', 'Content-Disposition': attachment(out.fileName) });
    },
  );
  r.openapi(jsonRoute({ method: 'get', path: '/{id}/flags', summary: '异常标记：同一来源集中提交、答案雷同（列出涉及的评议票编号）', tags, request: { params: IdParam, query: FlagsQuery }, response: Any }), async (c) =>
    c.json(await listFlags({ ctx: c.get('ctx'), id: c.req.valid('param').id, query: c.req.valid('query') }), 200),
  );
  r.openapi(jsonRoute({ method: 'post', path: '/{id}/ballots/{ballotId}/void', summary: '作废一张评议票（须说明理由）', tags, request: { params: BallotParam, ...jsonBody(VoidBallotInput) }, response: Any }), async (c) => {
    const { id, ballotId } = c.req.valid('param');
    return c.json(await voidBallot({ ctx: c.get('ctx'), id, ballotId, input: c.req.valid('json') }), 200);
  });
  r.openapi(
    jsonRoute({
      method: 'post',
      path: '/{id}/ballots/void',
      summary: '作废多张评议票（同一理由；全部作废或一张也不作废）',
      tags,
      request: { params: IdParam, ...jsonBody(VoidBallotsInput) },
      response: z.object({ campaignId: z.number().int(), ballotIds: z.array(z.number().int()), voidedAt: z.string(), reason: z.string() }).openapi('VoidedBallots'),
    }),
    async (c) => c.json(await voidBallots({ ctx: c.get('ctx'), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  );
  r.openapi(jsonRoute({ method: 'get', path: '/{id}/results', summary: '评议结果（评议结束且达到最低样本后才显示各项汇总）', tags, request: { params: IdParam }, response: Any }), async (c) =>
    c.json(await campaignResults({ ctx: c.get('ctx'), id: c.req.valid('param').id, ruleSets }), 200),
  );
  r.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/paper',
      summary: '导入纸质评议票（.xlsx 或 .csv：评议对象编码、评议群体、每个评议项目一列；全部成功或全部不写入）',
      tags,
      security: [{ bearerAuth: [] }],
      request: { params: IdParam, body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } } },
      responses: {
        200: { description: '导入成功', content: { 'application/json': { schema: Any } } },
        400: { description: '文件有误：details.errors 列出每个出错的行、列、值和原因；未写入任何数据', content: { 'application/json': { schema: ErrorSchema } } },
        403: { description: '无权操作', content: { 'application/json': { schema: ErrorSchema } } },
        404: { description: '不存在', content: { 'application/json': { schema: ErrorSchema } } },
        409: { description: '评议不在进行中', content: { 'application/json': { schema: ErrorSchema } } },
      },
    }),
    async (c) => {
      const upload = c.req.valid('form').file;
      const file = { name: upload instanceof File ? upload.name : 'upload', bytes: new Uint8Array(await upload.arrayBuffer()) };
      if (file.bytes.length === 0) throw new AppError('validation_failed', '上传的文件是空的', { field: 'file' });
      return c.json(await importPaperBallots({ ctx: c.get('ctx'), id: c.req.valid('param').id, spreadsheet, file }), 200);
    },
  );
  return r;
}
