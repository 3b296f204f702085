import { IdParam } from '../common.schemas';
import { jsonBody, jsonRoute } from '../openapi';
import { newRouter } from '../router';
import { FeedbackInput, FeedbackView, TwowayInput, TwowayOverview, TwowayOverviewQuery, TwowayView } from './twoway.schemas';
import { twowayOverview } from './twoway-overview';
import { getFeedback, getTwoway, submitFeedback, submitTwoway } from './twoway.service';

const tags = ['双向评价'];

/** Two-way evaluation and member feedback of a co-building agreement, under /api/agreements/{id}. */
export function twowayRoutes() {
  const r = newRouter();
  const idOf = (c: { req: { valid(t: 'param'): { id: number } } }) => c.req.valid('param').id;
  r.openapi(jsonRoute({ method: 'get', path: '/{id}/twoway', summary: '双向评价（两个方向）', tags, request: { params: IdParam }, response: TwowayView }), async (c) =>
    c.json(await getTwoway({ ctx: c.get('ctx'), id: idOf(c) }), 200),
  );
  r.openapi(jsonRoute({ method: 'put', path: '/{id}/twoway', summary: '填写本方的双向评价（总分由系统计算）', tags, request: { params: IdParam, ...jsonBody(TwowayInput) }, response: TwowayView }), async (c) =>
    c.json(await submitTwoway({ ctx: c.get('ctx'), id: idOf(c), input: c.req.valid('json') }), 200),
  );
  r.openapi(jsonRoute({ method: 'get', path: '/{id}/feedback', summary: '在职党员服务情况反馈', tags, request: { params: IdParam }, response: FeedbackView }), async (c) =>
    c.json(await getFeedback({ ctx: c.get('ctx'), id: idOf(c) }), 200),
  );
  r.openapi(jsonRoute({ method: 'put', path: '/{id}/feedback', summary: '社区反馈在职党员的报到、服务时长和评价', tags, request: { params: IdParam, ...jsonBody(FeedbackInput) }, response: FeedbackView }), async (c) =>
    c.json(await submitFeedback({ ctx: c.get('ctx'), id: idOf(c), input: c.req.valid('json') }), 200),
  );
  return r;
}

/** The console's overview of a year's two-way evaluations (who owes what), under /api/twoway. */
export function twowayOverviewRoutes() {
  const r = newRouter();
  r.openapi(
    jsonRoute({ method: 'get', path: '/', summary: '双向评价总览：管辖范围内一个年度各共建协议双方是否已评价', tags, request: { query: TwowayOverviewQuery }, response: TwowayOverview }),
    async (c) => c.json(await twowayOverview({ ctx: c.get('ctx'), input: c.req.valid('query') }), 200),
  );
  return r;
}
