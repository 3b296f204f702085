import { z } from '../../lib/zod';
import { IdParam, Page } from '../common.schemas';
import { jsonBody, jsonRoute } from '../openapi';
import type { newRouter } from '../router';
import { Chair, ChairQuery, CreateChairInput } from './chairs.schemas';
import { createChair, deleteChair, listChairs } from './chairs.service';

const tags = ['轮值主席'];

/** 轮值主席 under /api/cobuilding/chairs. */
export function addChairRoutes(r: ReturnType<typeof newRouter>) {
  r.openapi(jsonRoute({ method: 'get', path: '/chairs', summary: '轮值主席（本辖区社区的，及本辖区单位担任的），含任期内认领的项目', tags, request: { query: ChairQuery }, response: Page(Chair) }), async (c) =>
    c.json(await listChairs({ ctx: c.get('ctx'), input: c.req.valid('query') }), 200),
  );
  r.openapi(jsonRoute({ method: 'post', path: '/chairs', summary: '安排轮值主席（社区或其上级；成员单位须有该年度共建协议，任期不重叠）', tags, request: jsonBody(CreateChairInput), response: Chair, status: 201 }), async (c) =>
    c.json(await createChair({ ctx: c.get('ctx'), input: c.req.valid('json') }), 201),
  );
  r.openapi(jsonRoute({ method: 'delete', path: '/chairs/{id}', summary: '删除一段轮值主席任期', tags, request: { params: IdParam }, response: z.object({ id: z.number().int() }) }), async (c) =>
    c.json(await deleteChair({ ctx: c.get('ctx'), id: c.req.valid('param').id }), 200),
  );
}
