import { Page } from '../common.schemas';
import { jsonRoute } from '../openapi';
import { newRouter } from '../router';
import { AuditEntry, AuditQuery, listAudit } from './list-audit';

export function auditRoutes() {
  const r = newRouter();
  r.openapi(
    jsonRoute({ method: 'get', path: '/', summary: '审计日志', tags: ['审计'], request: { query: AuditQuery }, response: Page(AuditEntry) }),
    async (c) => c.json(await listAudit({ ctx: c.get('ctx'), input: c.req.valid('query') }), 200),
  );
  return r;
}
