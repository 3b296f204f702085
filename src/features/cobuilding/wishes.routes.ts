import { IdParam, Page } from '../common.schemas';
import { jsonBody, jsonRoute } from '../openapi';
import type { newRouter } from '../router';
import { ClaimWishInput, CreateWishInput, FulfilledWish, FulfilWishInput, Wish, WishQuery } from './wishes.schemas';
import { claimWish, createWish, deleteWishContact, fulfilWish, issueWishCode, listWishes } from './wishes.service';

const tags = ['微心愿'];

/** 微心愿 under /api/cobuilding/wishes; the resident's confirmation is the public page /w/{code}. */
export function addWishRoutes(r: ReturnType<typeof newRouter>, publicUrl: string) {
  r.openapi(jsonRoute({ method: 'get', path: '/wishes', summary: '微心愿墙（本辖区的，及共建社区的）', tags, request: { query: WishQuery }, response: Page(Wish) }), async (c) =>
    c.json(await listWishes({ ctx: c.get('ctx'), input: c.req.valid('query') }), 200),
  );
  r.openapi(jsonRoute({ method: 'post', path: '/wishes', summary: '登记微心愿（社区或网格，须居民同意公开）', tags, request: jsonBody(CreateWishInput), response: Wish, status: 201 }), async (c) =>
    c.json(await createWish({ ctx: c.get('ctx'), input: c.req.valid('json') }), 201),
  );
  r.openapi(jsonRoute({ method: 'post', path: '/wishes/{id}/claim', summary: '认领微心愿（共建单位或社区，代党员认领）', tags, request: { params: IdParam, ...jsonBody(ClaimWishInput) }, response: Wish }), async (c) =>
    c.json(await claimWish({ ctx: c.get('ctx'), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  );
  r.openapi(jsonRoute({ method: 'post', path: '/wishes/{id}/fulfil', summary: '登记心愿已实现（认领方，附佐证）', tags, request: { params: IdParam, ...jsonBody(FulfilWishInput) }, response: Wish }), async (c) =>
    c.json(await fulfilWish({ ctx: c.get('ctx'), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  );
  r.openapi(jsonRoute({ method: 'post', path: '/wishes/{id}/confirm-code', summary: '生成居民确认码（收集心愿的社区或网格；只返回一次，再次生成则旧码作废）', tags, request: { params: IdParam }, response: FulfilledWish }), async (c) =>
    c.json(await issueWishCode({ ctx: c.get('ctx'), id: c.req.valid('param').id, publicUrl }), 200),
  );
  r.openapi(jsonRoute({ method: 'post', path: '/wishes/{id}/delete-contact', summary: '应居民要求删除其联系方式', tags, request: { params: IdParam }, response: Wish }), async (c) =>
    c.json(await deleteWishContact({ ctx: c.get('ctx'), id: c.req.valid('param').id }), 200),
  );
}
