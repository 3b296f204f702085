import { z } from '../../lib/zod';
import type { RuleSets } from '../../rules/registry';
import { YearParam } from '../common.schemas';
import { DeclaredFact, CreateInspectionInput, Inspection, ListDeclaredQuery, ListInspectionsQuery, PutDeclaredFactInput } from '../inspections/inspections.schemas';
import { createInspection, listDeclaredFacts, listInspections, putDeclaredFact } from '../inspections/inspections.service';
import { jsonBody, jsonRoute } from '../openapi';
import { newRouter } from '../router';
import { listCycleScores, scorecardCache, scorecardJson, scoreHistory } from './get-scorecard';
import { scoreCycle } from './score-cycle';
import { ComputeInput, HistoryItem, RankingItem, RankingQuery, RevisionSummary, Scorecard, ScorecardQuery, ScoreListItem, ScoreListQuery } from './scoring.schemas';
import { listRankings } from './rankings';

const tags = ['计分'];
const OrgParam = YearParam.extend({
  orgId: z.coerce.number().int().positive().max(2_147_483_647).openapi({ param: { name: 'orgId', in: 'path' }, example: 30 }),
});

/** Scores, scorecards, inspection entries and declared facts of a cycle: /api/cycles/{year}/… */
export function scoringRoutes(ruleSets: RuleSets) {
  const r = newRouter();
  const scorecards = scorecardCache();
  r.openapi(
    jsonRoute({ method: 'post', path: '/{year}/score', summary: '按现行细则计分（生成新的计分版本）', tags, request: { params: YearParam, ...jsonBody(ComputeInput) }, response: RevisionSummary }),
    async (c) => c.json(await scoreCycle({ ctx: c.get('ctx'), year: c.req.valid('param').year, ruleSets, ...c.req.valid('json') }), 200),
  );
  r.openapi(
    jsonRoute({
      method: 'get',
      path: '/{year}/scores',
      summary: '最新计分版本的得分列表（管辖范围内，按总分排序；分页：limit 默认 100、最多 1000，offset 起始位置，total 为总数）',
      tags,
      request: { params: YearParam, query: ScoreListQuery },
      response: z.object({ revisionId: z.number().int().nullable(), total: z.number().int(), offset: z.number().int(), items: z.array(ScoreListItem) }),
    }),
    async (c) => c.json(await listCycleScores({ ctx: c.get('ctx'), year: c.req.valid('param').year, ...c.req.valid('query') }), 200),
  );
  r.openapi(
    jsonRoute({
      method: 'get',
      path: '/{year}/rankings',
      summary: '排名（管辖范围内，含每个等次的定级依据；取定档版本或最新计分版本）',
      tags,
      request: { params: YearParam, query: RankingQuery },
      response: z.object({ revisionId: z.number().int().nullable(), items: z.array(RankingItem) }),
    }),
    async (c) => c.json(await listRankings({ ctx: c.get('ctx'), year: c.req.valid('param').year, input: c.req.valid('query') }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'get', path: '/{year}/orgs/{orgId}/history', summary: '组织历年的总分和等次（到该年度为止；已定档的取最终版本）', tags, request: { params: OrgParam }, response: z.object({ items: z.array(HistoryItem) }) }),
    async (c) => {
      const { year, orgId } = c.req.valid('param');
      return c.json(await scoreHistory({ ctx: c.get('ctx'), year, orgId }), 200);
    },
  );
  r.openapi(
    jsonRoute({
      method: 'get',
      path: '/{year}/orgs/{orgId}/scorecard',
      summary: '组织的计分明细：各部分、指标、每一条得分的说明',
      tags,
      request: { params: OrgParam, query: ScorecardQuery },
      response: Scorecard,
    }),
    async (c) => {
      const { year, orgId } = c.req.valid('param');
      const text = await scorecardJson({ ctx: c.get('ctx'), year, orgId, revision: c.req.valid('query').revision, cache: scorecards });
      return c.body(text, 200, { 'content-type': 'application/json' }) as never;
    },
  );
  r.openapi(
    jsonRoute({ method: 'get', path: '/{year}/inspections', summary: '现场督查记录', tags: ['现场督查'], request: { params: YearParam, query: ListInspectionsQuery }, response: z.object({ items: z.array(Inspection) }) }),
    async (c) => c.json(await listInspections({ ctx: c.get('ctx'), year: c.req.valid('param').year, input: c.req.valid('query') }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'post', path: '/{year}/inspections', summary: '登记现场督查的加分或扣分', tags: ['现场督查'], request: { params: YearParam, ...jsonBody(CreateInspectionInput) }, response: Inspection, status: 201 }),
    async (c) => c.json(await createInspection({ ctx: c.get('ctx'), year: c.req.valid('param').year, input: c.req.valid('json'), ruleSets }), 201),
  );
  r.openapi(
    jsonRoute({ method: 'get', path: '/{year}/facts', summary: '申报数据', tags: ['申报数据'], request: { params: YearParam, query: ListDeclaredQuery }, response: z.object({ items: z.array(DeclaredFact) }) }),
    async (c) => c.json(await listDeclaredFacts({ ctx: c.get('ctx'), year: c.req.valid('param').year, input: c.req.valid('query') }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'put', path: '/{year}/facts', summary: '填写或更正申报数据', tags: ['申报数据'], request: { params: YearParam, ...jsonBody(PutDeclaredFactInput) }, response: DeclaredFact }),
    async (c) => c.json(await putDeclaredFact({ ctx: c.get('ctx'), year: c.req.valid('param').year, input: c.req.valid('json'), ruleSets }), 200),
  );
  return r;
}
