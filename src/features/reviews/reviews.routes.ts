import { createRoute } from '@hono/zod-openapi';
import { AppError } from '../../errors/app-error';
import { z } from '../../lib/zod';
import { ErrorSchema, IdParam, YearParam } from '../common.schemas';
import type { Spreadsheet } from '../imports/spreadsheet';
import { importPaperSheets } from './import-paper';
import { reviewOptions } from './review-options';
import { jsonBody, jsonRoute } from '../openapi';
import { newRouter } from '../router';
import { ballotForToken, reviewerSheets, voteWithToken } from './cast-votes';
import { dutyReportAttachment, listDutyReports, submitDutyReport } from './duty-reports';
import { attachment } from '../imports/imports.routes';
import type { FilePorts } from '../files/file-ports';
import { addRaters, addSubjects, createSession, getSession, listSessions, sessionResults, transitionSession } from './review-sessions';
import {
  AddedRaters,
  AddRatersInput,
  AddSubjectsInput,
  Ballot,
  CreateSessionInput,
  DutyReport,
  DutyReportInput,
  DutyReportQuery,
  ReviewerSheet,
  ReviewOptions,
  ReviewResults,
  ReviewSession,
  SessionListQuery,
  SheetVotes,
  TransitionInput,
  VoteReceipt,
} from './reviews.schemas';

const tags = ['述职评议'];

const UploadForm = z.object({
  file: z.instanceof(Blob, { message: '请上传文件（字段名 file）' }).openapi({ type: 'string', format: 'binary' }),
});
const err = (description: string) => ({ description, content: { 'application/json': { schema: ErrorSchema } } });

/** Duty reports, under /api/cycles/{year}. */
export function dutyReportRoutes(files: FilePorts) {
  const r = newRouter();
  r.openapi(
    jsonRoute({ method: 'put', path: '/{year}/duty-reports', summary: '提交述职报告（再次提交即替换）', tags, request: { params: YearParam, ...jsonBody(DutyReportInput) }, response: DutyReport }),
    async (c) => c.json(await submitDutyReport({ ctx: c.get('ctx'), year: c.req.valid('param').year, input: c.req.valid('json') }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'get', path: '/{year}/duty-reports', summary: '述职报告列表', tags, request: { params: YearParam, query: DutyReportQuery }, response: z.object({ items: z.array(DutyReport) }) }),
    async (c) => c.json(await listDutyReports({ ctx: c.get('ctx'), year: c.req.valid('param').year, input: c.req.valid('query') }), 200),
  );
  r.openapi(
    createRoute({
      method: 'get',
      path: '/{year}/duty-reports/{id}/attachment',
      summary: '下载述职报告附件',
      tags,
      security: [{ bearerAuth: [] }],
      request: { params: YearParam.merge(IdParam) },
      responses: {
        200: { description: '附件', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
        404: err('述职报告或附件不存在，或不在管辖范围内'),
      },
    }),
    async (c) => {
      const { year, id } = c.req.valid('param');
      const out = await dutyReportAttachment({ ctx: c.get('ctx'), ports: files, year, id });
      return c.body(out.bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': out.mime, 'Content-Disposition': attachment(out.fileName), 'X-Content-Type-Options': 'nosniff' });
    },
  );
  return r;
}

/** Review sessions, their raters and votes, under /api/reviews. */
export function reviewRoutes(spreadsheet: Spreadsheet) {
  const r = newRouter();
  const idOf = (c: { req: { valid(t: 'param'): { id: number } } }) => c.req.valid('param').id;
  r.openapi(jsonRoute({ method: 'get', path: '/', summary: '述职评议列表', tags, request: { query: SessionListQuery }, response: z.object({ items: z.array(ReviewSession) }) }), async (c) =>
    c.json(await listSessions({ ctx: c.get('ctx'), input: c.req.valid('query') }), 200),
  );
  r.openapi(jsonRoute({ method: 'post', path: '/', summary: '创建述职评议（评议项目、评议群体和权重）', tags, request: jsonBody(CreateSessionInput), response: ReviewSession, status: 201 }), async (c) =>
    c.json(await createSession({ ctx: c.get('ctx'), input: c.req.valid('json') }), 201),
  );
  r.openapi(jsonRoute({ method: 'get', path: '/options', summary: '创建述职评议可选的类型、评议群体（中文名称和常用权重）和评议项目', tags, response: ReviewOptions }), async (c) =>
    c.json(reviewOptions({ ctx: c.get('ctx') }), 200),
  );
  r.openapi(jsonRoute({ method: 'get', path: '/sheets', summary: '我的评议表（“评议人”账号：待填写和已提交的评议）', tags, response: z.object({ items: z.array(ReviewerSheet) }) }), async (c) =>
    c.json(await reviewerSheets({ ctx: c.get('ctx') }), 200),
  );
  r.openapi(jsonRoute({ method: 'get', path: '/{id}', summary: '查看述职评议', tags, request: { params: IdParam }, response: ReviewSession }), async (c) =>
    c.json(await getSession({ ctx: c.get('ctx'), id: idOf(c) }), 200),
  );
  r.openapi(jsonRoute({ method: 'post', path: '/{id}/subjects', summary: '添加被评议组织', tags, request: { params: IdParam, ...jsonBody(AddSubjectsInput) }, response: ReviewSession }), async (c) =>
    c.json(await addSubjects({ ctx: c.get('ctx'), id: idOf(c), input: c.req.valid('json') }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'post', path: '/{id}/raters', summary: '添加评议人：生成一次性评议码（只显示一次）或登记“评议人”令牌', tags, request: { params: IdParam, ...jsonBody(AddRatersInput) }, response: AddedRaters, status: 201 }),
    async (c) => c.json(await addRaters({ ctx: c.get('ctx'), id: idOf(c), input: c.req.valid('json') }), 201),
  );
  r.openapi(jsonRoute({ method: 'post', path: '/{id}/transition', summary: '开始或结束评议', tags, request: { params: IdParam, ...jsonBody(TransitionInput) }, response: ReviewSession }), async (c) =>
    c.json(await transitionSession({ ctx: c.get('ctx'), id: idOf(c), input: c.req.valid('json') }), 200),
  );
  r.openapi(jsonRoute({ method: 'get', path: '/{id}/results', summary: '评议结果（结束后；按群体汇总票数，不含任何个人的评议）', tags, request: { params: IdParam }, response: ReviewResults }), async (c) =>
    c.json(await sessionResults({ ctx: c.get('ctx'), id: idOf(c) }), 200),
  );
  r.openapi(jsonRoute({ method: 'get', path: '/{id}/ballot', summary: '评议表（“评议人”令牌）', tags, request: { params: IdParam }, response: Ballot }), async (c) =>
    c.json(await ballotForToken({ ctx: c.get('ctx'), id: idOf(c) }), 200),
  );
  r.openapi(jsonRoute({ method: 'post', path: '/{id}/votes', summary: '提交评议表（“评议人”令牌，只能提交一次）', tags, request: { params: IdParam, ...jsonBody(SheetVotes) }, response: VoteReceipt, status: 201 }), async (c) =>
    c.json(await voteWithToken({ ctx: c.get('ctx'), id: idOf(c), input: c.req.valid('json') }), 201),
  );
  r.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/paper',
      summary: '导入纸质评议表（.xlsx 或 .csv：票号、评议群体、组织编码、各评议项目；全部成功或全部不写入）',
      tags,
      security: [{ bearerAuth: [] }],
      request: { params: IdParam, body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } } },
      responses: {
        200: { description: '导入成功', content: { 'application/json': { schema: z.object({ imported: z.number().int(), votes: z.number().int() }) } } },
        400: err('文件有误：details.errors 列出每个出错的行、列和原因；未写入任何数据'),
        401: err('未提供或无效的令牌'),
        403: err('角色不允许'),
        404: err('评议不存在或不在管辖范围内'),
        409: err('评议不在进行中，或考核周期不在“年度评议中”'),
      },
    }),
    async (c) => {
      const upload = c.req.valid('form').file;
      const file = { name: upload instanceof File ? upload.name : 'upload', bytes: new Uint8Array(await upload.arrayBuffer()) };
      if (file.bytes.length === 0) throw new AppError('validation_failed', '上传的文件是空的', { field: 'file' });
      return c.json(await importPaperSheets({ ctx: c.get('ctx'), id: c.req.valid('param').id, spreadsheet, file }), 200);
    },
  );
  return r;
}
