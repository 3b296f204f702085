import { z } from '../../lib/zod';
import { IdParam, Page } from '../common.schemas';
import { jsonBody, jsonRoute } from '../openapi';
import { newRouter } from '../router';
import { createOrg } from './create-org';
import { getOrg, getSubtree, listOrgKinds, listOrgs } from './list-orgs';
import { closeOrg } from './close-org';
import { CloseOrgInput, CreateOrgInput, ListOrgsQuery, MoveOrgInput, Org, OrgKindInfo, SubtreeQuery, UpdateOrgInput } from './orgs.schemas';
import { moveOrg, updateOrg } from './update-org';

const tags = ['组织'];

export function orgRoutes() {
  const r = newRouter();
  r.openapi(
    jsonRoute({ method: 'get', path: '/', summary: '组织列表（管辖范围内）', tags, request: { query: ListOrgsQuery }, response: Page(Org) }),
    async (c) => c.json(await listOrgs({ ctx: c.get('ctx'), input: c.req.valid('query') }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'post', path: '/', summary: '新建组织', tags, request: jsonBody(CreateOrgInput), response: Org, status: 201 }),
    async (c) => c.json(await createOrg({ ctx: c.get('ctx'), input: c.req.valid('json') }), 201),
  );
  r.openapi(
    jsonRoute({ method: 'get', path: '/kinds', summary: '组织类型及其可用的上级类型', tags, response: z.object({ items: z.array(OrgKindInfo) }) }),
    (c) => c.json(listOrgKinds({ ctx: c.get('ctx') }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'get', path: '/{id}', summary: '查看组织', tags, request: { params: IdParam }, response: Org }),
    async (c) => c.json(await getOrg({ ctx: c.get('ctx'), id: c.req.valid('param').id }), 200),
  );
  r.openapi(
    jsonRoute({
      method: 'patch',
      path: '/{id}',
      summary: '修改组织',
      tags,
      request: { params: IdParam, ...jsonBody(UpdateOrgInput) },
      response: Org,
    }),
    async (c) => c.json(await updateOrg({ ctx: c.get('ctx'), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  );
  r.openapi(
    jsonRoute({
      method: 'post',
      path: '/{id}/move',
      summary: '调整上级组织（连同全部下级）',
      tags,
      request: { params: IdParam, ...jsonBody(MoveOrgInput) },
      response: Org,
    }),
    async (c) => c.json(await moveOrg({ ctx: c.get('ctx'), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  );
  r.openapi(
    jsonRoute({
      method: 'post',
      path: '/{id}/close',
      summary: '撤销组织（填写撤销日期和原因）',
      tags,
      request: { params: IdParam, ...jsonBody(CloseOrgInput) },
      response: Org,
    }),
    async (c) => c.json(await closeOrg({ ctx: c.get('ctx'), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  );
  r.openapi(
    jsonRoute({
      method: 'get',
      path: '/{id}/subtree',
      summary: '组织及其全部下级',
      tags,
      request: { params: IdParam, query: SubtreeQuery },
      response: z.object({ items: z.array(Org) }),
    }),
    async (c) =>
      c.json(await getSubtree({ ctx: c.get('ctx'), id: c.req.valid('param').id, input: c.req.valid('query') }), 200),
  );
  return r;
}
