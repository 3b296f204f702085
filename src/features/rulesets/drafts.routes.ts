import { z } from '../../lib/zod';
import type { RuleSetsHolder } from '../../rules/registry';
import { IdParam } from '../common.schemas';
import { jsonBody, jsonRoute } from '../openapi';
import { newRouter } from '../router';
import { createDraft, deleteDraft, draftJsonSchema, getDraft, listDrafts, previewDraft, publishDraft, refreshExamples, saveDraft, validateDraft } from './drafts.service';
import { CreateDraftInput, DraftValidation, PreviewDraftInput, PublishDraftInput, PublishedDraft, RuleDraft, RuleDrafts, RulePreview, SaveDraftInput, ValidateDraftInput } from './drafts.schemas';

const tags = ['考核细则草稿'];

/** Rule-set drafts, edited in the console and published into a cycle: /api/rule-drafts */
export function ruleDraftRoutes(ruleSets: RuleSetsHolder) {
  const r = newRouter();
  r.openapi(jsonRoute({ method: 'get', path: '/', summary: '考核细则草稿列表（组织部）', tags, response: RuleDrafts }), async (c) => c.json(await listDrafts({ ctx: c.get('ctx') }), 200));
  r.openapi(
    jsonRoute({ method: 'get', path: '/json-schema', summary: '细则文件的 JSON Schema（编辑器用于补全和提示；台账记录类型取自数据库目录）', tags, response: z.record(z.string(), z.unknown()) }),
    async (c) => c.json(await draftJsonSchema({ ctx: c.get('ctx') }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'post', path: '/validate', summary: '校验细则文本（含示例），每处问题给出 JSON 路径和行号（不保存）', tags, request: jsonBody(ValidateDraftInput), response: DraftValidation }),
    async (c) => c.json(await validateDraft({ ctx: c.get('ctx'), source: c.req.valid('json').source }), 200),
  );
  r.openapi(
    jsonRoute({
      method: 'post',
      path: '/refresh-examples',
      summary: '更新示例：未通过的示例改用按当前文本算出的期望值（不保存，返回新文本）',
      tags,
      request: jsonBody(ValidateDraftInput),
      response: z.object({ source: z.string(), updated: z.array(z.string()).openapi({ description: '更新了的示例名称' }) }).openapi('RefreshedRuleExamples'),
    }),
    async (c) => c.json(await refreshExamples({ ctx: c.get('ctx'), source: c.req.valid('json').source }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'post', path: '/', summary: '新建草稿：复制某一版细则（校验码），或给出细则文本', tags, request: jsonBody(CreateDraftInput), response: RuleDraft, status: 201 }),
    async (c) => c.json(await createDraft({ ctx: c.get('ctx'), input: c.req.valid('json'), ruleSets }), 201),
  );
  r.openapi(jsonRoute({ method: 'get', path: '/{id}', summary: '草稿的文本和校验结果', tags, request: { params: IdParam }, response: RuleDraft }), async (c) =>
    c.json(await getDraft({ ctx: c.get('ctx'), id: c.req.valid('param').id }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'put', path: '/{id}', summary: '保存草稿（校验不通过也保存；给出读取时的 updatedAt 可防止覆盖他人的修改）', tags, request: { params: IdParam, ...jsonBody(SaveDraftInput) }, response: RuleDraft }),
    async (c) => c.json(await saveDraft({ ctx: c.get('ctx'), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'delete', path: '/{id}', summary: '删除草稿（已发布的版本不受影响）', tags, request: { params: IdParam }, response: z.object({ id: z.number().int(), deleted: z.literal(true) }) }),
    async (c) => c.json(await deleteDraft({ ctx: c.get('ctx'), id: c.req.valid('param').id }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'post', path: '/{id}/preview', summary: '预览草稿对某年度等次的影响（不保存得分）：前后分布和等次变化的组织', tags, request: { params: IdParam, ...jsonBody(PreviewDraftInput) }, response: RulePreview }),
    async (c) => c.json(await previewDraft({ ctx: c.get('ctx'), id: c.req.valid('param').id, year: c.req.valid('json').year, ruleSets }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'post', path: '/{id}/publish', summary: '发布草稿：存为新版本并用于该年度（已有结果时须提供同一内容的预览编号）', tags, request: { params: IdParam, ...jsonBody(PublishDraftInput) }, response: PublishedDraft }),
    async (c) => c.json(await publishDraft({ ctx: c.get('ctx'), id: c.req.valid('param').id, input: c.req.valid('json'), ruleSets }), 200),
  );
  return r;
}
