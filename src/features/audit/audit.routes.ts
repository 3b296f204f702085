import { createRoute } from '@hono/zod-openapi';
import { z } from '../../lib/zod';
import { ErrorSchema, Page } from '../common.schemas';
import { attachment } from '../imports/imports.routes';
import type { Spreadsheet } from '../imports/spreadsheet';
import { jsonRoute } from '../openapi';
import { newRouter } from '../router';
import { exportAudit } from './export-audit';
import { AuditEntry, AuditFilters, AuditQuery, listAudit, listAuditActionOptions } from './list-audit';

const tags = ['审计'];
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** /api/audit: the audit log of the caller's subtree (admins and leaders), filtered, paged, and as Excel. */
export function auditRoutes(spreadsheet: Spreadsheet) {
  const r = newRouter();
  r.openapi(jsonRoute({ method: 'get', path: '/', summary: '审计日志', tags, request: { query: AuditQuery }, response: Page(AuditEntry) }), async (c) =>
    c.json(await listAudit({ ctx: c.get('ctx'), input: c.req.valid('query') }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'get', path: '/actions', summary: '审计日志中出现的操作及其中文名称', tags, response: z.object({ items: z.array(z.object({ value: z.string(), label: z.string() })) }) }),
    async (c) => c.json(await listAuditActionOptions({ ctx: c.get('ctx') }), 200),
  );
  r.openapi(
    createRoute({
      method: 'get',
      path: '/export.xlsx',
      summary: '导出审计日志（Excel，条件与列表相同）',
      tags,
      security: [{ bearerAuth: [] }],
      request: { query: AuditFilters },
      responses: {
        200: { description: '审计日志', content: { [xlsx]: { schema: z.string().openapi({ format: 'binary' }) } } },
        400: { description: '筛选条件有误', content: { 'application/json': { schema: ErrorSchema } } },
      },
    }),
    async (c) => {
      const out = await exportAudit({ ctx: c.get('ctx'), input: c.req.valid('query'), spreadsheet });
      return c.body(out.bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': xlsx, 'Content-Disposition': attachment(out.fileName), 'Cache-Control': 'no-store' });
    },
  );
  return r;
}
