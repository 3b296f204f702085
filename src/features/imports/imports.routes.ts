import { createRoute } from '@hono/zod-openapi';
import { AppError } from '../../errors/app-error';
import { z } from '../../lib/zod';
import { ErrorSchema } from '../common.schemas';
import { newRouter } from '../router';
import { importTemplate } from './import-templates';
import { annotateImport, importTargets, importVerbs } from './annotate-import';
import type { Spreadsheet } from './spreadsheet';
import type { Printing } from '../documents/print-documents';
import { importUsersWithNotices } from '../users/account-notices';

const tags = ['导入'];
const Target = z.object({ target: z.enum(importTargets).openapi({ param: { name: 'target', in: 'path' } }) });
const ImportFormat = z.object({ format: z.enum(['json', 'pdf']).default('json').openapi({ description: '账号导入（users）可选 pdf：直接返回全部账号的开通通知单' }) });
const UploadForm = z.object({
  file: z.instanceof(Blob, { message: '请上传文件（字段名 file）' }).openapi({ type: 'string', format: 'binary' }),
});
const ImportResult = z.object({ imported: z.number().int() }).passthrough();

const errors = {
  400: { description: '文件有误：details.errors 列出每个出错的行、列和原因；未写入任何数据', content: { 'application/json': { schema: ErrorSchema } } },
  401: { description: '未提供或无效的令牌', content: { 'application/json': { schema: ErrorSchema } } },
  403: { description: '角色不允许', content: { 'application/json': { schema: ErrorSchema } } },
  409: { description: '考核周期已关闭', content: { 'application/json': { schema: ErrorSchema } } },
};

/**
 * RFC 6266/5987 Content-Disposition so Chinese file names survive every browser: an ASCII fallback with quotes
 * and backslashes replaced, and the UTF-8 name percent-encoded (including the characters encodeURIComponent
 * leaves alone but RFC 5987's attr-char does not allow).
 */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function importRoutes(spreadsheet: Spreadsheet, printing: Printing) {
  const r = newRouter();
  r.openapi(
    createRoute({
      method: 'post',
      path: '/{target}',
      summary: '从 .xlsx 或 .csv 导入（全部成功或全部不写入）',
      tags,
      security: [{ bearerAuth: [] }],
      request: { params: Target, query: ImportFormat, body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } } },
      responses: {
        200: { description: '导入成功（账号导入：accounts 列出每个账号的初始密码，只返回这一次）', content: { 'application/json': { schema: ImportResult }, 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
        ...errors,
      },
    }),
    async (c) => {
      const { target } = c.req.valid('param');
      const upload = c.req.valid('form').file;
      const name = upload instanceof File ? upload.name : 'upload';
      const file = { name, bytes: new Uint8Array(await upload.arrayBuffer()) };
      if (file.bytes.length === 0) throw new AppError('validation_failed', '上传的文件是空的', { field: 'file' });
      const ctx = c.get('ctx');
      if (target === 'users' && c.req.valid('query').format === 'pdf') {
        const out = await importUsersWithNotices({ ctx, spreadsheet, printing, file });
        return c.body(out.bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': attachment(out.fileName), 'Cache-Control': 'no-store', 'X-Imported': String(out.count) });
      }
      return c.json(await importVerbs[target]({ ctx, spreadsheet, file }), 200);
    },
  );
  r.openapi(
    createRoute({
      method: 'post',
      path: '/{target}/annotated',
      summary: '检查文件并下载错误标注副本（不写入任何数据）',
      description: '与导入做同样的检查（在回滚的事务中），返回上传的表格：末尾加“错误说明”列，出错的单元格标红。没有错误时答 400。',
      tags,
      security: [{ bearerAuth: [] }],
      request: { params: Target, body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } } },
      responses: {
        200: { description: '错误标注副本（.xlsx）', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) } } },
        ...errors,
      },
    }),
    async (c) => {
      const upload = c.req.valid('form').file;
      const file = { name: upload instanceof File ? upload.name : 'upload', bytes: new Uint8Array(await upload.arrayBuffer()) };
      if (file.bytes.length === 0) throw new AppError('validation_failed', '上传的文件是空的', { field: 'file' });
      const out = await annotateImport({ ctx: c.get('ctx'), spreadsheet, target: c.req.valid('param').target, file });
      return c.body(out.bytes as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': attachment(out.fileName),
        'Cache-Control': 'no-store',
        'X-Error-Count': String(out.errorCount),
      });
    },
  );
  r.openapi(
    createRoute({
      method: 'get',
      path: '/{target}/template',
      summary: '下载导入模板',
      tags,
      security: [{ bearerAuth: [] }],
      request: { params: Target, query: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }) },
      responses: {
        200: {
          description: '模板文件',
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) },
            'text/csv': { schema: z.string() },
          },
        },
        ...errors,
      },
    }),
    async (c) => {
      const { target } = c.req.valid('param');
      const { format } = c.req.valid('query');
      const t = await importTemplate({ ctx: c.get('ctx'), spreadsheet, target, format });
      return c.body(t.bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': t.contentType, 'Content-Disposition': attachment(t.fileName) });
    },
  );
  return r;
}
