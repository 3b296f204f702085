import { IdParam, Page } from '../common.schemas';
import { jsonBody, jsonRoute } from '../openapi';
import { newRouter } from '../router';
import { Agreement, CreateAgreementInput, ListAgreementsQuery } from './agreements.schemas';
import { createAgreement, getAgreement, listAgreements } from './agreements.service';

const tags = ['共驻共建'];

export function agreementRoutes() {
  const r = newRouter();
  r.openapi(
    jsonRoute({ method: 'get', path: '/', summary: '共建协议列表', tags, request: { query: ListAgreementsQuery }, response: Page(Agreement) }),
    async (c) => c.json(await listAgreements({ ctx: c.get('ctx'), input: c.req.valid('query') }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'post', path: '/', summary: '签订共建协议', tags, request: jsonBody(CreateAgreementInput), response: Agreement, status: 201 }),
    async (c) => c.json(await createAgreement({ ctx: c.get('ctx'), input: c.req.valid('json') }), 201),
  );
  r.openapi(
    jsonRoute({ method: 'get', path: '/{id}', summary: '查看共建协议', tags, request: { params: IdParam }, response: Agreement }),
    async (c) => c.json(await getAgreement({ ctx: c.get('ctx'), id: c.req.valid('param').id }), 200),
  );
  return r;
}
