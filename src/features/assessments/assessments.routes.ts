import type { RuleSets } from '../../rules/registry';
import { Page, YearParam } from '../common.schemas';
import { jsonBody, jsonRoute } from '../openapi';
import { newRouter } from '../router';
import { AssessmentIndicatorParams, AssessmentListQuery, AssessmentParams, AssessmentProgress, AssessmentWindow, OrgAssessments, PutAssessmentInput, SelfAssessmentWindowInput } from './assessments.schemas';
import { getOrgAssessments, listAssessmentProgress, putAssessment, setSelfAssessmentWindow } from './assessments.service';

const tags = ['自评与上级评定'];

/** Two-stage scoring (自评 + 上级评定) of a cycle: /api/cycles/{year}/assessments… and the self-assessment dates. */
export function assessmentRoutes(ruleSets: RuleSets) {
  const r = newRouter();
  r.openapi(
    jsonRoute({ method: 'get', path: '/{year}/assessments', summary: '管辖范围内需要上级评定的组织及其进度', tags, request: { params: YearParam, query: AssessmentListQuery }, response: Page(AssessmentProgress) }),
    async (c) => c.json(await listAssessmentProgress({ ctx: c.get('ctx'), year: c.req.valid('param').year, input: c.req.valid('query'), ruleSets }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'get', path: '/{year}/assessments/{orgId}', summary: '组织的自评与上级评定（各指标的两个分数及差额）', tags, request: { params: AssessmentParams }, response: OrgAssessments }),
    async (c) => {
      const { year, orgId } = c.req.valid('param');
      return c.json(await getOrgAssessments({ ctx: c.get('ctx'), year, orgId, ruleSets }), 200);
    },
  );
  for (const half of ['self', 'review'] as const) {
    r.openapi(
      jsonRoute({
        method: 'put',
        path: `/{year}/assessments/{orgId}/{indicator}/${half}`,
        summary: half === 'self' ? '填报本组织某项指标的自评分（在自评时间内）' : '填报下级组织某项指标的上级评定分',
        tags,
        request: { params: AssessmentIndicatorParams, ...jsonBody(PutAssessmentInput) },
        response: OrgAssessments,
      }),
      async (c) => {
        const { year, orgId, indicator } = c.req.valid('param');
        return c.json(await putAssessment({ ctx: c.get('ctx'), year, orgId, indicator, half, input: c.req.valid('json'), ruleSets }), 200);
      },
    );
  }
  r.openapi(
    jsonRoute({ method: 'put', path: '/{year}/self-assessment-window', summary: '设置自评时间（开始、截止日期，含当日）', tags: ['考核周期'], request: { params: YearParam, ...jsonBody(SelfAssessmentWindowInput) }, response: AssessmentWindow }),
    async (c) => c.json(await setSelfAssessmentWindow({ ctx: c.get('ctx'), year: c.req.valid('param').year, input: c.req.valid('json') }), 200),
  );
  return r;
}
