import { IdParam, Page } from '../common.schemas';
import { jsonBody, jsonRoute } from '../openapi';
import { newRouter } from '../router';
import { listMembers } from './list-members';
import { CreateMemberInput, ListMembersQuery, Member, UpdateMemberInput } from './members.schemas';
import { createMember, updateMember } from './write-members';

const tags = ['党员'];

export function memberRoutes() {
  const r = newRouter();
  r.openapi(
    jsonRoute({ method: 'get', path: '/', summary: '党员列表（管辖范围内）', tags, request: { query: ListMembersQuery }, response: Page(Member) }),
    async (c) => c.json(await listMembers({ ctx: c.get('ctx'), input: c.req.valid('query') }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'post', path: '/', summary: '新增党员（与党员导入的一行相同的检查）', tags, request: jsonBody(CreateMemberInput), response: Member, status: 201 }),
    async (c) => c.json(await createMember({ ctx: c.get('ctx'), input: c.req.valid('json') }), 201),
  );
  r.openapi(
    jsonRoute({ method: 'patch', path: '/{id}', summary: '修改党员', tags, request: { params: IdParam, ...jsonBody(UpdateMemberInput) }, response: Member }),
    async (c) => c.json(await updateMember({ ctx: c.get('ctx'), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  );
  return r;
}
