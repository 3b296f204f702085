import { jsonBody, jsonRoute } from '../openapi';
import type { newRouter } from '../router';
import { DirectionParam, TwowayFormInput, TwowayForms } from './twoway-forms.schemas';
import { getTwowayForms, publishTwowayForm } from './twoway-forms.service';

const tags = ['目录'];

/** The two-way evaluation forms of the catalog, under /api/catalog/twoway-forms. */
export function addTwowayFormRoutes(r: ReturnType<typeof newRouter>): void {
  r.openapi(jsonRoute({ method: 'get', path: '/twoway-forms', summary: '双向评价表（两个方向的当前版本及各年度使用的版本）', tags, response: TwowayForms }), async (c) =>
    c.json(await getTwowayForms({ ctx: c.get('ctx') }), 200),
  );
  r.openapi(
    jsonRoute({
      method: 'put',
      path: '/twoway-forms/{direction}',
      summary: '保存一个方向的评价表为新版本（顶级组织的管理员；已开始评价的年度不变）',
      tags,
      request: { params: DirectionParam, ...jsonBody(TwowayFormInput) },
      response: TwowayForms,
    }),
    async (c) => c.json(await publishTwowayForm({ ctx: c.get('ctx'), direction: c.req.valid('param').direction, input: c.req.valid('json') }), 200),
  );
}
