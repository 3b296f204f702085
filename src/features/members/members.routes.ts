import { Page } from '../common.schemas';
import { jsonRoute } from '../openapi';
import { newRouter } from '../router';
import { listMembers } from './list-members';
import { ListMembersQuery, Member } from './members.schemas';

export function memberRoutes() {
  const r = newRouter();
  r.openapi(
    jsonRoute({ method: 'get', path: '/', summary: '党员列表（管辖范围内）', tags: ['党员'], request: { query: ListMembersQuery }, response: Page(Member) }),
    async (c) => c.json(await listMembers({ ctx: c.get('ctx'), input: c.req.valid('query') }), 200),
  );
  return r;
}
