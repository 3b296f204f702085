import { createRoute } from '@hono/zod-openapi';
import { z } from '../../lib/zod';
import { ErrorSchema, IdParam } from '../common.schemas';
import type { FilePorts } from '../files/file-ports';
import { attachment } from '../imports/imports.routes';
import { jsonBody, jsonRoute } from '../openapi';
import { newRouter } from '../router';
import type { JobPorts } from './job-port';
import { cancelJob, getJob, jobResult, listJobs, requestBook, requestScore, retryJob } from './jobs.service';
import { BookRequest, Job, JobAccepted, JobListQuery, ScoreRequest } from './jobs.schemas';

const tags = ['后台任务'];

/** The job port over HTTP: start a book, follow it (pages poll GET /{id}), retry, cancel, download. */
export function jobRoutes(jobs: JobPorts, files: FilePorts) {
  const r = newRouter();
  r.openapi(
    jsonRoute({ method: 'post', path: '/books', summary: '生成考核评价汇编（合订本）：后台任务；相同范围、年度和计分版本只生成一次', tags, request: jsonBody(BookRequest), response: JobAccepted, status: 201 }),
    async (c) => c.json(await requestBook({ ctx: c.get('ctx'), jobs, input: c.req.valid('json') }), 201),
  );
  r.openapi(
    jsonRoute({ method: 'post', path: '/score', summary: '计分（后台任务，进度可查；完成后生成新的计分版本）', tags, request: jsonBody(ScoreRequest), response: JobAccepted, status: 201 }),
    async (c) => c.json(await requestScore({ ctx: c.get('ctx'), jobs, input: c.req.valid('json') }), 201),
  );
  r.openapi(jsonRoute({ method: 'get', path: '/', summary: '后台任务列表（管辖范围内，最近 50 个）', tags, request: { query: JobListQuery }, response: z.object({ items: z.array(Job) }) }), async (c) =>
    c.json({ items: await listJobs({ ctx: c.get('ctx'), query: c.req.valid('query') }) }, 200),
  );
  r.openapi(jsonRoute({ method: 'get', path: '/{id}', summary: '后台任务的状态和进度', tags, request: { params: IdParam }, response: Job }), async (c) =>
    c.json(await getJob({ ctx: c.get('ctx'), id: c.req.valid('param').id }), 200),
  );
  r.openapi(jsonRoute({ method: 'post', path: '/{id}/retry', summary: '重试失败或已取消的任务', tags, request: { params: IdParam }, response: Job }), async (c) =>
    c.json(await retryJob({ ctx: c.get('ctx'), jobs, id: c.req.valid('param').id }), 200),
  );
  r.openapi(jsonRoute({ method: 'post', path: '/{id}/cancel', summary: '取消排队中或进行中的任务', tags, request: { params: IdParam }, response: Job }), async (c) =>
    c.json(await cancelJob({ ctx: c.get('ctx'), id: c.req.valid('param').id }), 200),
  );
  r.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/result',
      summary: '下载任务结果（合订本 PDF）',
      tags,
      security: [{ bearerAuth: [] }],
      request: { params: IdParam },
      responses: {
        200: { description: 'PDF 文件', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
        404: { description: '不存在或不在管辖范围内', content: { 'application/json': { schema: ErrorSchema } } },
        409: { description: '任务尚未完成', content: { 'application/json': { schema: ErrorSchema } } },
      },
    }),
    async (c) => {
      const out = await jobResult({ ctx: c.get('ctx'), files, id: c.req.valid('param').id });
      return c.body(out.bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': attachment(out.name), 'Cache-Control': 'private, no-store' });
    },
  );
  return r;
}
