import { createRoute } from '@hono/zod-openapi';
import { z } from '../../lib/zod';
import { ErrorSchema, IdParam } from '../common.schemas';
import { attachment } from '../imports/imports.routes';
import { newRouter } from '../router';
import type { FilePorts } from './file-ports';
import { readFile, uploadFile } from './files.service';
import { StoredFile, UploadFileForm } from './files.schemas';

const tags = ['文件'];
const err = (description: string) => ({ description, content: { 'application/json': { schema: ErrorSchema } } });
const Upload = UploadFileForm.extend({ file: z.instanceof(Blob, { message: '请上传文件（字段名 file）' }).openapi({ type: 'string', format: 'binary', description: 'JPEG、PNG、WebP 图片或 PDF，不超过 10 MB' }) });

/** Images open in the page; PDFs download; the type is the one recognised from the bytes (nosniff). */
function fileHeaders(name: string, mime: string) {
  const disposition = mime.startsWith('image/') ? attachment(name).replace(/^attachment/, 'inline') : attachment(name);
  return { 'Content-Type': mime, 'Content-Disposition': disposition, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, max-age=3600' };
}

/** The storage port over HTTP: upload a file of an organization, read it and its thumbnail within the caller's subtree. */
export function fileRoutes(ports: FilePorts) {
  const r = newRouter();
  r.openapi(
    createRoute({
      method: 'post',
      path: '/',
      summary: '上传文件（佐证材料：JPEG、PNG、WebP 图片或 PDF，不超过 10 MB）',
      tags,
      security: [{ bearerAuth: [] }],
      request: { body: { required: true, content: { 'multipart/form-data': { schema: Upload } } } },
      responses: { 201: { description: '已保存', content: { 'application/json': { schema: StoredFile } } }, 400: err('文件类型不可接受、为空或已损坏；未保存'), 403: err('组织不在管辖范围内'), 413: err('超过 10 MB') },
    }),
    async (c) => {
      const { file, ...input } = c.req.valid('form');
      const bytes = new Uint8Array(await file.arrayBuffer());
      const name = file instanceof File ? file.name : '文件';
      return c.json(await uploadFile({ ctx: c.get('ctx'), ports, input, file: { name, bytes } }), 201);
    },
  );
  for (const [path, variant, summary] of [
    ['/{id}', 'content', '下载文件'],
    ['/{id}/thumbnail', 'thumbnail', '图片缩略图（WebP）'],
  ] as const) {
    r.openapi(
      createRoute({
        method: 'get',
        path,
        summary,
        tags,
        security: [{ bearerAuth: [] }],
        request: { params: IdParam },
        responses: { 200: { description: summary, content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } }, 404: err('文件不存在或不在管辖范围内') },
      }),
      async (c) => {
        const out = await readFile({ ctx: c.get('ctx'), ports, id: c.req.valid('param').id, variant });
        return c.body(out.bytes as Uint8Array<ArrayBuffer>, 200, fileHeaders(out.name, out.mime));
      },
    );
  }
  return r;
}
