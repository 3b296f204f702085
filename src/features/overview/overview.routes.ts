import { z } from '../../lib/zod';
import { jsonRoute } from '../openapi';
import { newRouter } from '../router';
import { getOverview } from './get-overview';

const Node = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    kind: z.string(),
    kindLabel: z.string(),
    parentId: z.number().int().nullable(),
    depth: z.number().int(),
    secretaryName: z.string().nullable(),
    orgCount: z.number().int(),
    communityCount: z.number().int(),
    gridCount: z.number().int(),
    unitCount: z.number().int(),
    memberCount: z.number().int(),
    recordCount: z.number().int(),
    verifiedCount: z.number().int(),
  })
  .openapi('OverviewNode');

const OverviewSchema = z
  .object({
    cycle: z.object({ year: z.number().int(), state: z.string(), stateLabel: z.string() }).nullable(),
    cycles: z.array(z.object({ year: z.number().int(), stateLabel: z.string() })),
    nodes: z.array(Node).openapi({ description: '管辖范围内往下三级的组织，按层级排列；各项数字含全部下级（台账数为当前年度）' }),
  })
  .openapi('Overview');

/** /api/overview: the caller's part of the tree with counts, what a home page shows before the results pages exist. */
export function overviewRoutes() {
  const r = newRouter();
  r.openapi(jsonRoute({ method: 'get', path: '/', summary: '概况：管辖范围内的组织、党员和台账数量', tags: ['概况'], response: OverviewSchema }), async (c) =>
    c.json(await getOverview({ ctx: c.get('ctx') }), 200),
  );
  return r;
}
