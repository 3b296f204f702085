import { createRoute } from '@hono/zod-openapi';
import { z } from '../../lib/zod';
import { IdParam, Page } from '../common.schemas';
import { attachment } from '../imports/imports.routes';
import type { Spreadsheet } from '../imports/spreadsheet';
import { jsonBody, jsonRoute } from '../openapi';
import { newRouter } from '../router';
import { ClaimProjectInput, CreateNeedInput, CreateProjectInput, CreateTaskInput, FinishTaskInput, CreateResourceInput, ListQuery, MemberUnits, MemberUnitsQuery, Need, Overview, OverviewQuery, Project, ProjectEntryInput, Resource } from './lists.schemas';
import { cobuildingOverview } from './overview.service';
import { memberUnitOutcomes } from './member-units.service';
import { exportLists } from './export-lists';
import { addWishRoutes } from './wishes.routes';
import { addChairRoutes } from './chairs.routes';
import { claimProject, createProject, getProject, listProjects, projectEntry } from './projects.service';
import { finishTask, planTask } from './tasks.service';
import { createNeed, createResource, dropNeed, listNeeds, listResources } from './resources-needs.service';
import type { RuleSets } from '../../rules/registry';
import { projectRatings } from '../ratings/project-ratings';
import { ProjectRating } from '../ratings/ratings.schemas';

const tags = ['共驻共建清单'];

/** The co-building lists: /api/cobuilding/resources, /needs, /projects. */
const TaskParam = IdParam.extend({
  taskId: z.coerce.number().int().positive().max(2_147_483_647).openapi({ param: { name: 'taskId', in: 'path' }, example: 3 }),
});

export function cobuildingRoutes(spreadsheet: Spreadsheet, publicUrl: string, ruleSets: RuleSets) {
  const r = newRouter();
  addWishRoutes(r, publicUrl);
  addChairRoutes(r);
  const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  r.openapi(
    createRoute({ method: 'get', path: '/export.xlsx', summary: '导出共建清单（Excel：项目、需求、资源三张表）', tags, security: [{ bearerAuth: [] }], responses: { 200: { description: '共建清单', content: { [xlsx]: { schema: z.string().openapi({ format: 'binary' }) } } } } }),
    async (c) => {
      const out = await exportLists({ ctx: c.get('ctx'), spreadsheet });
      return c.body(out.bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': xlsx, 'Content-Disposition': attachment(out.fileName), 'Cache-Control': 'no-store' });
    },
  );
  r.openapi(jsonRoute({ method: 'get', path: '/resources', summary: '资源清单（本辖区提供的和面向本辖区的）', tags, request: { query: ListQuery }, response: Page(Resource) }), async (c) =>
    c.json(await listResources({ ctx: c.get('ctx'), input: c.req.valid('query') }), 200),
  );
  r.openapi(jsonRoute({ method: 'post', path: '/resources', summary: '登记资源（面向签有共建协议的社区或街道）', tags, request: jsonBody(CreateResourceInput), response: Resource, status: 201 }), async (c) =>
    c.json(await createResource({ ctx: c.get('ctx'), input: c.req.valid('json') }), 201),
  );
  r.openapi(jsonRoute({ method: 'get', path: '/needs', summary: '需求清单（本辖区的，及共建社区的）', tags, request: { query: ListQuery }, response: Page(Need) }), async (c) =>
    c.json(await listNeeds({ ctx: c.get('ctx'), input: c.req.valid('query') }), 200),
  );
  r.openapi(jsonRoute({ method: 'post', path: '/needs', summary: '登记需求（社区或网格）', tags, request: jsonBody(CreateNeedInput), response: Need, status: 201 }), async (c) =>
    c.json(await createNeed({ ctx: c.get('ctx'), input: c.req.valid('json') }), 201),
  );
  r.openapi(jsonRoute({ method: 'post', path: '/needs/{id}/drop', summary: '撤销一项待对接的需求', tags, request: { params: IdParam }, response: Need }), async (c) =>
    c.json(await dropNeed({ ctx: c.get('ctx'), id: c.req.valid('param').id }), 200),
  );
  r.openapi(jsonRoute({ method: 'get', path: '/projects', summary: '项目清单', tags, request: { query: ListQuery }, response: Page(Project) }), async (c) =>
    c.json(await listProjects({ ctx: c.get('ctx'), input: c.req.valid('query') }), 200),
  );
  r.openapi(jsonRoute({ method: 'post', path: '/projects', summary: '立项（社区，对接需求和资源）', tags, request: jsonBody(CreateProjectInput), response: Project, status: 201 }), async (c) =>
    c.json(await createProject({ ctx: c.get('ctx'), input: c.req.valid('json') }), 201),
  );
  r.openapi(jsonRoute({ method: 'get', path: '/projects/{id}', summary: '项目详情（含进度台账）', tags, request: { params: IdParam }, response: Project }), async (c) =>
    c.json(await getProject({ ctx: c.get('ctx'), id: c.req.valid('param').id }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'get', path: '/projects/{id}/ratings', summary: '项目的群众评价（各次评议活动的结果，结束且达到最低样本后显示）', tags, request: { params: IdParam }, response: z.object({ items: z.array(ProjectRating) }) }),
    async (c) => c.json(await projectRatings({ ctx: c.get('ctx'), id: c.req.valid('param').id, ruleSets }), 200),
  );
  r.openapi(jsonRoute({ method: 'post', path: '/projects/{id}/tasks', summary: '添加责任分解的任务（谁、做什么、何时完成；可作为项目节点）', tags, request: { params: IdParam, ...jsonBody(CreateTaskInput) }, response: Project, status: 201 }), async (c) =>
    c.json(await planTask({ ctx: c.get('ctx'), id: c.req.valid('param').id, input: c.req.valid('json') }), 201),
  );
  r.openapi(jsonRoute({ method: 'post', path: '/projects/{id}/tasks/{taskId}/done', summary: '标记任务完成', tags, request: { params: TaskParam, ...jsonBody(FinishTaskInput) }, response: Project }), async (c) => {
    const { id, taskId } = c.req.valid('param');
    return c.json(await finishTask({ ctx: c.get('ctx'), id, taskId, input: c.req.valid('json') }), 200);
  });
  r.openapi(jsonRoute({ method: 'post', path: '/projects/{id}/claim', summary: '认领项目（共建单位）', tags, request: { params: IdParam, ...jsonBody(ClaimProjectInput) }, response: Project }), async (c) =>
    c.json(await claimProject({ ctx: c.get('ctx'), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  );
  r.openapi(jsonRoute({ method: 'get', path: '/overview', summary: '共建概览：各社区的项目、需求、资源（按年度）', tags, request: { query: OverviewQuery }, response: Overview }), async (c) =>
    c.json(await cobuildingOverview({ ctx: c.get('ctx'), input: c.req.valid('query') }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'get', path: '/member-units', summary: '成员单位落实情况：一个年度的每份共建协议，单位在该社区的项目、微心愿和资源项目落实得分', tags, request: { query: MemberUnitsQuery }, response: MemberUnits }),
    async (c) => c.json(await memberUnitOutcomes({ ctx: c.get('ctx'), input: c.req.valid('query') }), 200),
  );
  const entries = [
    ['progress', 'progress', '登记项目进度（责任单位或社区）'],
    ['close-request', 'proposeClose', '申请销号（责任单位，附佐证）'],
    ['close', 'approveClose', '同意销号（项目所在社区）'],
    ['send-back', 'sendBack', '退回销号申请（项目所在社区，说明理由）'],
  ] as const;
  for (const [path, move, summary] of entries) {
    r.openapi(jsonRoute({ method: 'post', path: `/projects/{id}/${path}`, summary, tags, request: { params: IdParam, ...jsonBody(ProjectEntryInput) }, response: Project }), async (c) =>
      c.json(await projectEntry({ ctx: c.get('ctx'), id: c.req.valid('param').id, move, input: c.req.valid('json') }), 200),
    );
  }
  return r;
}
