import { z } from '../../lib/zod';
import { YearParam } from '../common.schemas';
import { jsonBody, jsonRoute } from '../openapi';
import { newRouter } from '../router';
import { Cycle, CreateCycleInput, LateEntryInput, TransitionCycleInput } from './cycles.schemas';
import { createCycle, getCycle, listCycles, setLateEntry, transitionCycle } from './manage-cycles';

const tags = ['考核周期'];

export function cycleRoutes() {
  const r = newRouter();
  r.openapi(
    jsonRoute({ method: 'get', path: '/', summary: '考核周期列表', tags, response: z.object({ items: z.array(Cycle) }) }),
    async (c) => c.json(await listCycles({ ctx: c.get('ctx') }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'post', path: '/', summary: '新建考核周期（草稿）', tags, request: jsonBody(CreateCycleInput), response: Cycle, status: 201 }),
    async (c) => c.json(await createCycle({ ctx: c.get('ctx'), input: c.req.valid('json') }), 201),
  );
  r.openapi(
    jsonRoute({ method: 'get', path: '/{year}', summary: '查看考核周期', tags, request: { params: YearParam }, response: Cycle }),
    async (c) => c.json(await getCycle({ ctx: c.get('ctx'), year: c.req.valid('param').year }), 200),
  );
  r.openapi(
    jsonRoute({
      method: 'post',
      path: '/{year}/transition',
      summary: '推进考核周期状态（草稿→台账填报→年度评议）',
      tags,
      request: { params: YearParam, ...jsonBody(TransitionCycleInput) },
      response: Cycle,
    }),
    async (c) => c.json(await transitionCycle({ ctx: c.get('ctx'), year: c.req.valid('param').year, input: c.req.valid('json') }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'put', path: '/{year}/late-entry', summary: '设置补录截止日期（评议中仍可填报该年度台账，直至计分）', tags, request: { params: YearParam, ...jsonBody(LateEntryInput) }, response: Cycle }),
    async (c) => c.json(await setLateEntry({ ctx: c.get('ctx'), year: c.req.valid('param').year, input: c.req.valid('json') }), 200),
  );
  return r;
}
