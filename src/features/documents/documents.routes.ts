import { createRoute } from '@hono/zod-openapi';
import { z } from '../../lib/zod';
import { ErrorSchema, YearParam } from '../common.schemas';
import { attachment } from '../imports/imports.routes';
import { newRouter } from '../router';
import { IdParam } from '../common.schemas';
import { publicityPdf } from './publicity';
import { bookPdf, feedbackLetterPdf, rankingsPdf, reviewSheetPdf, scorecardPdf, type Printing, type PrintedDocument } from './print-documents';

const OrgParam = YearParam.extend({
  orgId: z.coerce.number().int().positive().max(2_147_483_647).openapi({ param: { name: 'orgId', in: 'path' }, example: 30 }),
});

const documents = [
  { path: '/{year}/orgs/{orgId}/scorecard.pdf', summary: '年度考核评价表（PDF）', verb: scorecardPdf },
  { path: '/{year}/orgs/{orgId}/rankings.pdf', summary: '该组织下属各组织的排名表（PDF）', verb: rankingsPdf },
  { path: '/{year}/orgs/{orgId}/book.pdf', summary: '该组织下属全部考核评价表汇编（PDF，含封面、目录、连续页码）', verb: bookPdf },
  { path: '/{year}/orgs/{orgId}/publicity.pdf', summary: '考核结果公示名单（PDF，按类别和等次列出组织，不含分数）', verb: publicityPdf },
] as const;

/** A PDF answer: its Chinese file name per RFC 5987, never cached (it carries a fresh document id). */
const pdfHeaders = (out: PrintedDocument) => ({ 'Content-Type': 'application/pdf', 'Content-Disposition': attachment(out.fileName), 'Cache-Control': 'no-store' });

/** Printable documents of a cycle: /api/cycles/{year}/orgs/{orgId}/…pdf */
export function documentRoutes(printing: Printing) {
  const r = newRouter();
  for (const d of documents) {
    r.openapi(
      createRoute({
        method: 'get',
        path: d.path,
        summary: d.summary,
        tags: ['打印文件'],
        security: [{ bearerAuth: [] }],
        request: { params: OrgParam },
        responses: {
          200: { description: 'PDF 文件', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
          404: { description: '组织或计分结果不存在', content: { 'application/json': { schema: ErrorSchema } } },
          503: { description: '没有可用的浏览器生成 PDF', content: { 'application/json': { schema: ErrorSchema } } },
        },
      }),
      async (c) => {
        const { year, orgId } = c.req.valid('param');
        const out: PrintedDocument = await d.verb({ ctx: c.get('ctx'), year, orgId, printing });
        return c.body(out.bytes as Uint8Array<ArrayBuffer>, 200, pdfHeaders(out));
      },
    );
  }
  return r;
}

function pdfRoute(path: string, summary: string) {
  return createRoute({
    method: 'get',
    path,
    summary,
    tags: ['打印文件'],
    security: [{ bearerAuth: [] }],
    request: { params: IdParam },
    responses: {
      200: { description: 'PDF 文件', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
      404: { description: '不存在或不在管辖范围内', content: { 'application/json': { schema: ErrorSchema } } },
      409: { description: '尚不能打印（如评议未结束）', content: { 'application/json': { schema: ErrorSchema } } },
    },
  });
}

/** The duty-review result sheet: /api/reviews/{id}/result.pdf */
export function reviewDocumentRoutes(printing: Printing) {
  const r = newRouter();
  r.openapi(pdfRoute('/{id}/result.pdf', '述职评议结果（PDF，评议结束后）'), async (c) => {
    const out = await reviewSheetPdf({ ctx: c.get('ctx'), id: c.req.valid('param').id, printing });
    return c.body(out.bytes as Uint8Array<ArrayBuffer>, 200, pdfHeaders(out));
  });
  return r;
}

/** The two-way feedback letter: /api/agreements/{id}/feedback.pdf */
export function agreementDocumentRoutes(printing: Printing) {
  const r = newRouter();
  r.openapi(pdfRoute('/{id}/feedback.pdf', '双向评价反馈函（PDF）'), async (c) => {
    const out = await feedbackLetterPdf({ ctx: c.get('ctx'), id: c.req.valid('param').id, printing });
    return c.body(out.bytes as Uint8Array<ArrayBuffer>, 200, pdfHeaders(out));
  });
  return r;
}
