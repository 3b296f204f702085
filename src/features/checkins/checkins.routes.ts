import { Page } from '../common.schemas';
import { jsonBody, jsonRoute } from '../openapi';
import { newRouter } from '../router';
import { Checkin, CreateCheckinInput, ListCheckinsQuery } from './checkins.schemas';
import { createCheckin, listCheckins } from './checkins.service';

const tags = ['在职党员报到'];

export function checkinRoutes() {
  const r = newRouter();
  r.openapi(
    jsonRoute({ method: 'get', path: '/', summary: '报到与服务记录', tags, request: { query: ListCheckinsQuery }, response: Page(Checkin) }),
    async (c) => c.json(await listCheckins({ ctx: c.get('ctx'), input: c.req.valid('query') }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'post', path: '/', summary: '登记报到或服务', tags, request: jsonBody(CreateCheckinInput), response: Checkin, status: 201 }),
    async (c) => c.json(await createCheckin({ ctx: c.get('ctx'), input: c.req.valid('json') }), 201),
  );
  return r;
}
