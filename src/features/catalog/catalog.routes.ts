import { z } from '../../lib/zod';
import { jsonBody, jsonRoute } from '../openapi';
import { newRouter } from '../router';
import { CatalogCategoryItem, CatalogKindItem, CategoryCodeParam, CreateCategoryInput, CreateKindInput, KindCodeParam, UpdateCategoryInput, UpdateKindInput } from './catalog.schemas';
import { createCategory, listCategories, retireCategory, updateCategory } from './manage-categories';
import { addTwowayFormRoutes } from '../twoway/twoway-forms.routes';
import { createKind, listKinds, retireKind, updateKind } from './manage-kinds';

const tags = ['目录'];

/** The catalog: ledger kinds (台账记录类型) and assessment categories (考核类别); forms join it under the same prefix. */
export function catalogRoutes() {
  const r = newRouter();
  r.openapi(
    jsonRoute({ method: 'get', path: '/kinds', summary: '台账记录类型（含已停用的）', tags, response: z.object({ items: z.array(CatalogKindItem) }) }),
    async (c) => c.json(await listKinds({ ctx: c.get('ctx') }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'post', path: '/kinds', summary: '新增台账记录类型（顶级组织的管理员）', tags, request: jsonBody(CreateKindInput), response: CatalogKindItem, status: 201 }),
    async (c) => c.json(await createKind({ ctx: c.get('ctx'), input: c.req.valid('json') }), 201),
  );
  r.openapi(
    jsonRoute({
      method: 'patch',
      path: '/kinds/{code}',
      summary: '修改台账记录类型（编码不能修改）',
      tags,
      request: { params: KindCodeParam, ...jsonBody(UpdateKindInput) },
      response: CatalogKindItem,
    }),
    async (c) => c.json(await updateKind({ ctx: c.get('ctx'), code: c.req.valid('param').code, input: c.req.valid('json') }), 200),
  );
  r.openapi(
    jsonRoute({
      method: 'post',
      path: '/kinds/{code}/retire',
      summary: '停用台账记录类型（不再接受新记录，已有记录照常计分）',
      tags,
      request: { params: KindCodeParam },
      response: CatalogKindItem.extend({ records: z.number().int().openapi({ description: '这一类型已有的台账记录数' }) }),
    }),
    async (c) => c.json(await retireKind({ ctx: c.get('ctx'), code: c.req.valid('param').code }), 200),
  );
  categoryRoutes(r);
  addTwowayFormRoutes(r);
  return r;
}

function categoryRoutes(r: ReturnType<typeof newRouter>): void {
  r.openapi(
    jsonRoute({ method: 'get', path: '/categories', summary: '考核类别（含已停用的）', tags, response: z.object({ items: z.array(CatalogCategoryItem) }) }),
    async (c) => c.json(await listCategories({ ctx: c.get('ctx') }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'post', path: '/categories', summary: '新增考核类别（顶级组织的管理员）', tags, request: jsonBody(CreateCategoryInput), response: CatalogCategoryItem, status: 201 }),
    async (c) => c.json(await createCategory({ ctx: c.get('ctx'), input: c.req.valid('json') }), 201),
  );
  r.openapi(
    jsonRoute({
      method: 'patch',
      path: '/categories/{code}',
      summary: '修改考核类别的名称（编码不能修改）',
      tags,
      request: { params: CategoryCodeParam, ...jsonBody(UpdateCategoryInput) },
      response: CatalogCategoryItem,
    }),
    async (c) => c.json(await updateCategory({ ctx: c.get('ctx'), code: c.req.valid('param').code, input: c.req.valid('json') }), 200),
  );
  r.openapi(
    jsonRoute({
      method: 'post',
      path: '/categories/{code}/retire',
      summary: '停用考核类别（组织不能再归入，已有的组织和结果不变）',
      tags,
      request: { params: CategoryCodeParam },
      response: CatalogCategoryItem,
    }),
    async (c) => c.json(await retireCategory({ ctx: c.get('ctx'), code: c.req.valid('param').code }), 200),
  );
}
