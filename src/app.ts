import { defaultLoad, requestLimits } from './features/limits/request-limits';
import { assessmentRoutes } from './features/assessments/assessments.routes';
import { databaseFiles } from './features/files/file-ports';
import { fileRoutes } from './features/files/files.routes';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { inputGuard } from './errors/input-guard';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Deps } from './deps';
import { AppError } from './errors/app-error';
import { errorResponse } from './errors/http';
import { agreementRoutes } from './features/agreements/agreements.routes';
import { cobuildingRoutes } from './features/cobuilding/lists.routes';
import { auditRoutes } from './features/audit/audit.routes';
import { tokenRoutes } from './features/tokens/tokens.routes';
import { catalogRoutes } from './features/catalog/catalog.routes';
import { checkinRoutes } from './features/checkins/checkins.routes';
import { cycleLifeRoutes } from './features/cycles/cycle-life.routes';
import { cycleRoutes } from './features/cycles/cycles.routes';
import { importRoutes } from './features/imports/imports.routes';
import { ledgerRoutes } from './features/ledger/ledger.routes';
import { meetingRoutes } from './features/meetings/meetings.routes';
import { memberRoutes } from './features/members/members.routes';
import { orgRoutes } from './features/orgs/orgs.routes';
import { dutyReportRoutes, reviewRoutes } from './features/reviews/reviews.routes';
import { twowayOverviewRoutes, twowayRoutes } from './features/twoway/twoway.routes';
import { scoringRoutes } from './features/scoring/scoring.routes';
import { dashboardRoutes } from './features/dashboard/dashboard.routes';
import type { AppEnv } from './features/router';
import { ratingRoutes } from './features/ratings/ratings.routes';
import { ballotRoutes } from './web/ballot.routes';
import { wishRoutes } from './web/wish.routes';
import { webRoutes } from './web/web.routes';
import { uiRoutes } from './web/ui-assets';
import { apiAuthentication } from './features/auth/auth.middleware';
import { authRoutes } from './features/auth/auth.routes';
import { userRoutes } from './features/users/users.routes';
import { overviewRoutes } from './features/overview/overview.routes';
import { jobRoutes } from './features/jobs/jobs.routes';
import { defaultJobPorts } from './features/jobs/job-port';
import { agreementDocumentRoutes, documentRoutes, reviewDocumentRoutes } from './features/documents/documents.routes';
import { cycleRuleSetRoutes, ruleSetRoutes } from './features/rulesets/rulesets.routes';
import { ruleDraftRoutes } from './features/rulesets/drafts.routes';

const MAX_BODY_BYTES = 20 * 1024 * 1024;

/** The whole HTTP surface, built from its dependencies. No runtime-specific imports. */
export function createApp(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();
  app.use(requestId());
  // Every answer, pages and API alike: no framing, no sniffing, the referrer kept to this site, and pages that run
  // only the app's own scripts (styles may be inline: the public pages and Element Plus use them).
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
      xFrameOptions: 'DENY',
      referrerPolicy: 'same-origin',
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.onError((err, c) => errorResponse(c, err, deps.logger));
  app.notFound((c) => errorResponse(c, new AppError('not_found', `接口不存在：${c.req.method} ${c.req.path}`), deps.logger));

  // Admission control and time limits (issue 18): /health and the static files stay outside, so a saturated server
  // still answers whether it is alive.
  const load = requestLimits(deps.load ?? defaultLoad);
  app.get('/health', (c) => c.json({ status: 'ok', database: deps.dbKind, time: deps.clock.now().toISOString(), load: load.stats() }));
  for (const path of ['/api/*', '/b/*', '/r/*', '/w/*', '/verify/*']) app.use(path, load.admission, load.timeLimit);

  app.use('/api/*', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => { throw new AppError('payload_too_large', `上传内容超过 ${MAX_BODY_BYTES / 1024 / 1024} MB`); } }));
  app.use('/api/auth/login', bodyLimit({ maxSize: 4 * 1024, onError: () => { throw new AppError('payload_too_large', '登录请求过大'); } }));
  app.use('/api/*', apiAuthentication(deps));
  app.use('/api/*', inputGuard());

  app.route('/api/auth', authRoutes(deps));
  app.route('/api/users', userRoutes(deps.printing));
  app.route('/api/overview', overviewRoutes());
  app.route('/api/orgs', orgRoutes());
  app.route('/api/members', memberRoutes());
  app.route('/api/agreements', agreementRoutes());
  app.route('/api/cobuilding', cobuildingRoutes(deps.spreadsheet, deps.ballots.publicUrl, deps.ruleSets));
  app.route('/api/cycles', cycleRoutes());
  app.route('/api/cycles', scoringRoutes(deps.ruleSets));
  app.route('/api/cycles', dashboardRoutes());
  app.route('/api/cycles', cycleLifeRoutes(deps.ruleSets, deps.spreadsheet));
  app.route('/api/cycles', dutyReportRoutes(deps.files ?? databaseFiles));
  app.route('/api/cycles', assessmentRoutes(deps.ruleSets));
  app.route('/api/reviews', reviewRoutes(deps.spreadsheet));
  app.route('/api/agreements', twowayRoutes());
  app.route('/api/twoway', twowayOverviewRoutes());
  app.route('/api/catalog', catalogRoutes());
  app.route('/api/ledger', ledgerRoutes());
  app.route('/api/files', fileRoutes(deps.files ?? databaseFiles));
  app.route('/api/meetings', meetingRoutes());
  app.route('/api/checkins', checkinRoutes());
  app.route('/api/imports', importRoutes(deps.spreadsheet, deps.printing));
  app.route('/api/campaigns', ratingRoutes({ ruleSets: deps.ruleSets, publicUrl: deps.ballots.publicUrl, spreadsheet: deps.spreadsheet, pdf: deps.printing.pdf }));
  app.route('/api/audit', auditRoutes(deps.spreadsheet));
  app.route('/api/tokens', tokenRoutes());
  app.route('/api/cycles', documentRoutes(deps.printing));
  app.route('/api/reviews', reviewDocumentRoutes(deps.printing));
  app.route('/api/agreements', agreementDocumentRoutes(deps.printing));
  app.route('/api/cycles', cycleRuleSetRoutes(deps.ruleSets));
  app.route('/api/rule-sets', ruleSetRoutes(deps.ruleSets, deps.printing));
  app.route('/api/rule-drafts', ruleDraftRoutes(deps.ruleSets));
  app.route('/api/jobs', jobRoutes(deps.jobs ?? defaultJobPorts, deps.files ?? databaseFiles));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer' });
  app.doc('/openapi.json', {
    openapi: '3.0.3',
    info: { title: '星评 API', version: '0.1.0', description: '城市基层党建考评系统的接口。除登录外，所有 /api 接口需要 Bearer 令牌，或登录后的会话 Cookie（写请求另需 X-CSRF-Token 请求头）。' },
  });

  app.route('/', ballotRoutes(deps));
  app.route('/', wishRoutes(deps));
  app.route('/', webRoutes(deps));
  app.route('/', uiRoutes(deps.ui));
  return app;
}

export type App = ReturnType<typeof createApp>;
