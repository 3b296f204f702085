import { YearParam } from '../common.schemas';
import { jsonRoute } from '../openapi';
import { newRouter } from '../router';
import { Dashboard, DashboardQuery } from './dashboard.schemas';
import { getDashboard } from './get-dashboard';

/** 驾驶舱: /api/cycles/{year}/dashboard */
export function dashboardRoutes() {
  const r = newRouter();
  r.openapi(
    jsonRoute({
      method: 'get',
      path: '/{year}/dashboard',
      summary: '驾驶舱：管辖范围内各类别等次分布、下级对比、历年趋势、后进名单、升降情况和覆盖率',
      tags: ['驾驶舱'],
      request: { params: YearParam, query: DashboardQuery },
      response: Dashboard,
    }),
    async (c) => c.json(await getDashboard({ ctx: c.get('ctx'), year: c.req.valid('param').year, input: c.req.valid('query') }), 200),
  );
  return r;
}
