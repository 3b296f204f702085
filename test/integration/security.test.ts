import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/db/database';
import { scoreCycle } from '../../src/features/scoring/score-cycle';
import { createDraft } from '../../src/features/rulesets/drafts.service';
import { movePendingBallots } from '../../src/features/ratings/ratings.repository';
import { client, cookieClient, setupTestApp, signIn, testRuleSets, type TestApp } from '../support/app';
import { cliCtx, createCycle, createMember, createToken, createTree, createUser, type Tree } from '../support/factories';

/**
 * The shared security suite: every /api route, called with no token, with a role that may not use it,
 * and by a user of another subtree. Nothing may leak (reads: 404 or an empty list) and nothing may be
 * written (writes: refused, and the victim's rows and audit trail unchanged). A route added to the app
 * without an entry here fails the coverage test.
 */

let t: TestApp;
let a: Tree; // the victim district
let b: Tree; // another district
let year: number;
let reviewYear: number;
let ids: { cbNeed: number; cbProject: number; cbTask: number; cbWish: number; cbChair: number; draft: number; record: number; agreement: number; meeting: number; member: number; appeal: number; session: number; report: number; campaign: number; ballot: number; user: number; userPassword: string; file: number; job: number; userLogin: string; token: number };
type Who = 'aAdmin' | 'aLeader' | 'aOrgUser' | 'aReviewer' | 'bAdmin' | 'bOrgUser' | 'bReviewer';
const tokens = {} as Record<Who, string>;
/** The same callers signed in with a password: the session cookie and its CSRF token. */
const sessions = {} as Record<Who, { cookie: string; csrf: string }>;
type Transport = 'bearer' | 'cookie';

type Call = { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; path: string; body?: unknown };
type RouteCase = {
  route: string;
  call: () => Call | Promise<Call>;
  /** Roles bound to the victim's district root that must be refused (403). */
  wrongRoles: Role[];
  /** Read of one thing (404 from outside), a list (200, nothing of the victim's), a write, or an act on one's own session. */
  type: 'item' | 'list' | 'write' | 'self';
  /** Who tries from outside: another district's org_user (default) or its admin. */
  outsider?: 'bOrgUser' | 'bAdmin' | 'bReviewer';
};

/** The one /api route that answers without credentials (signing in); its throttling is tested in auth.test.ts. */
const publicRoutes = ['POST /api/auth/login'];

function csvUpload(lines: string[]): FormData {
  const form = new FormData();
  form.append('file', new File([new TextEncoder().encode(lines.join('\n'))], 'x.csv'));
  return form;
}

const readers: Role[] = ['reviewer'];
const adminOnly: Role[] = ['leader', 'org_user', 'reviewer'];
const writers: Role[] = ['leader', 'reviewer'];

const cases: RouteCase[] = [
  { route: 'GET /api/orgs', type: 'list', wrongRoles: readers, call: () => ({ method: 'GET', path: '/api/orgs?limit=1000' }) },
  { route: 'POST /api/orgs', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: '/api/orgs', body: { code: `SEC-${Date.now()}`, name: '渗透网格', kind: 'grid', parentId: a.community.id } }) },
  { route: 'GET /api/orgs/:id', type: 'item', wrongRoles: readers, call: () => ({ method: 'GET', path: `/api/orgs/${a.grid.id}` }) },
  { route: 'PATCH /api/orgs/:id', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'PATCH', path: `/api/orgs/${a.grid.id}`, body: { name: '被改名' } }) },
  { route: 'POST /api/orgs/:id/move', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: `/api/orgs/${a.grid.id}/move`, body: { parentId: b.community.id } }) },
  { route: 'POST /api/orgs/:id/close', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: `/api/orgs/${a.grid.id}/close`, body: { activeTo: '2030-01-01', reason: '越权撤销' } }) },
  { route: 'GET /api/orgs/kinds', type: 'list', wrongRoles: readers, call: () => ({ method: 'GET', path: '/api/orgs/kinds' }) },
  { route: 'GET /api/orgs/:id/subtree', type: 'item', wrongRoles: readers, call: () => ({ method: 'GET', path: `/api/orgs/${a.district.id}/subtree` }) },
  { route: 'GET /api/members', type: 'list', wrongRoles: readers, call: () => ({ method: 'GET', path: '/api/members?limit=1000' }) },
  { route: 'POST /api/members', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: '/api/members', body: { name: '渗透党员', orgId: a.grid.id, residenceCommunityId: a.community.id, inService: true } }) },
  { route: 'PATCH /api/members/:id', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'PATCH', path: `/api/members/${ids.member}`, body: { name: '被改名', employerName: '越权单位' } }) },
  { route: 'GET /api/agreements', type: 'list', wrongRoles: readers, call: () => ({ method: 'GET', path: '/api/agreements?limit=1000' }) },
  { route: 'POST /api/agreements', type: 'write', wrongRoles: writers, call: () => ({ method: 'POST', path: '/api/agreements', body: { communityId: a.community.id, unitId: b.unit.id, year, content: '越权共建' } }) },
  { route: 'GET /api/agreements/:id', type: 'item', wrongRoles: readers, call: () => ({ method: 'GET', path: `/api/agreements/${ids.agreement}` }) },
  { route: 'GET /api/cycles', type: 'list', wrongRoles: readers, call: () => ({ method: 'GET', path: '/api/cycles' }) },
  { route: 'GET /api/cycles/:year/rule-sets', type: 'list', wrongRoles: readers, call: () => ({ method: 'GET', path: `/api/cycles/${reviewYear}/rule-sets` }) },
  { route: 'GET /api/rule-sets/:hash/rubric', type: 'list', wrongRoles: readers, call: async () => ({ method: 'GET', path: `/api/rule-sets/${(await testRuleSets()).all[0]!.hash}/rubric` }) },
  { route: 'GET /api/rule-sets/:hash/rubric.pdf', type: 'list', wrongRoles: readers, call: async () => ({ method: 'GET', path: `/api/rule-sets/${(await testRuleSets()).all[0]!.hash}/rubric.pdf` }) },
  { route: 'POST /api/cycles', type: 'write', wrongRoles: adminOnly, call: () => ({ method: 'POST', path: '/api/cycles', body: { year: 2998 } }) },
  // Rule-set drafts are the whole database's (like the rule sets): administrators and leaders read them, and only the
  // district administrator writes (403 for every admin of a database with several districts, like the cycle's steps).
  { route: 'GET /api/rule-drafts', type: 'list', wrongRoles: ['org_user', 'reviewer'], outsider: 'bAdmin', call: () => ({ method: 'GET', path: '/api/rule-drafts' }) },
  { route: 'GET /api/rule-drafts/json-schema', type: 'list', wrongRoles: ['org_user', 'reviewer'], outsider: 'bAdmin', call: () => ({ method: 'GET', path: '/api/rule-drafts/json-schema' }) },
  { route: 'POST /api/rule-drafts/validate', type: 'list', wrongRoles: ['org_user', 'reviewer'], outsider: 'bAdmin', call: () => ({ method: 'POST', path: '/api/rule-drafts/validate', body: { source: readFileSync('rules/grid.json', 'utf8') } }) },
  { route: 'POST /api/rule-drafts/refresh-examples', type: 'list', wrongRoles: ['org_user', 'reviewer'], outsider: 'bAdmin', call: () => ({ method: 'POST', path: '/api/rule-drafts/refresh-examples', body: { source: readFileSync('rules/grid.json', 'utf8') } }) },
  { route: 'POST /api/rule-drafts', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: '/api/rule-drafts', body: { source: readFileSync('rules/grid.json', 'utf8') } }) },
  { route: 'GET /api/rule-drafts/:id', type: 'list', wrongRoles: ['org_user', 'reviewer'], outsider: 'bAdmin', call: () => ({ method: 'GET', path: `/api/rule-drafts/${ids.draft}` }) },
  { route: 'PUT /api/rule-drafts/:id', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'PUT', path: `/api/rule-drafts/${ids.draft}`, body: { source: '{"越权": true}' } }) },
  { route: 'DELETE /api/rule-drafts/:id', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'DELETE', path: `/api/rule-drafts/${ids.draft}` }) },
  { route: 'POST /api/rule-drafts/:id/preview', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: `/api/rule-drafts/${ids.draft}/preview`, body: { year: reviewYear } }) },
  { route: 'POST /api/rule-drafts/:id/publish', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: `/api/rule-drafts/${ids.draft}/publish`, body: { year: reviewYear } }) },
  { route: 'GET /api/cycles/:year', type: 'list', wrongRoles: readers, call: () => ({ method: 'GET', path: `/api/cycles/${year}` }) },
  { route: 'PUT /api/cycles/:year/late-entry', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'PUT', path: `/api/cycles/${year}/late-entry`, body: { until: null } }) },
  { route: 'POST /api/cycles/:year/transition', type: 'write', wrongRoles: adminOnly, call: () => ({ method: 'POST', path: `/api/cycles/${year}/transition`, body: { to: 'reviewing' } }) },
  { route: 'GET /api/ledger/kinds', type: 'list', wrongRoles: readers, call: () => ({ method: 'GET', path: '/api/ledger/kinds' }) },
  { route: 'GET /api/catalog/kinds', type: 'list', wrongRoles: readers, call: () => ({ method: 'GET', path: '/api/catalog/kinds' }) },
  // The catalog is the whole database's: with several districts in it, only the command line edits it (403 for every admin).
  { route: 'POST /api/catalog/kinds', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: '/api/catalog/kinds', body: { code: 'intruder_kind', name: '越权类型', group: '越权', measure: 'outcome' } }) },
  { route: 'PATCH /api/catalog/kinds/:code', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'PATCH', path: '/api/catalog/kinds/theme_day', body: { name: '被改名的主题党日' } }) },
  { route: 'POST /api/catalog/kinds/:code/retire', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: '/api/catalog/kinds/theme_day/retire' }) },
  { route: 'GET /api/catalog/categories', type: 'list', wrongRoles: readers, call: () => ({ method: 'GET', path: '/api/catalog/categories' }) },
  { route: 'POST /api/catalog/categories', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: '/api/catalog/categories', body: { code: 'intruder_cat', label: '越权类别' } }) },
  { route: 'PATCH /api/catalog/categories/:code', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'PATCH', path: '/api/catalog/categories/grid', body: { label: '被改名的网格' } }) },
  { route: 'GET /api/catalog/twoway-forms', type: 'list', wrongRoles: readers, call: () => ({ method: 'GET', path: '/api/catalog/twoway-forms' }) },
  { route: 'PUT /api/catalog/twoway-forms/:direction', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'PUT', path: '/api/catalog/twoway-forms/unit_rates_community', body: { items: [{ key: 'all', label: '越权的表', max: 100 }] } }) },
  { route: 'POST /api/catalog/categories/:code/retire', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: '/api/catalog/categories/building/retire' }) },
  { route: 'GET /api/cobuilding/resources', type: 'list', wrongRoles: readers, call: () => ({ method: 'GET', path: '/api/cobuilding/resources' }) },
  { route: 'POST /api/cobuilding/resources', type: 'write', wrongRoles: writers, call: () => ({ method: 'POST', path: '/api/cobuilding/resources', body: { orgId: a.unit.id, offeredToId: a.community.id, kind: 'venue', title: '越权的资源', description: '越权登记', offeredOn: `${year}-04-01` } }) },
  { route: 'GET /api/cobuilding/needs', type: 'list', wrongRoles: readers, call: () => ({ method: 'GET', path: '/api/cobuilding/needs' }) },
  { route: 'POST /api/cobuilding/needs', type: 'write', wrongRoles: writers, call: () => ({ method: 'POST', path: '/api/cobuilding/needs', body: { orgId: a.community.id, kind: 'service', title: '越权的需求', description: '越权登记', source: 'visit', raisedOn: `${year}-04-01` } }) },
  { route: 'POST /api/cobuilding/needs/:id/drop', type: 'write', wrongRoles: writers, call: () => ({ method: 'POST', path: `/api/cobuilding/needs/${ids.cbNeed}/drop` }) },
  { route: 'GET /api/cobuilding/wishes', type: 'list', wrongRoles: readers, call: () => ({ method: 'GET', path: '/api/cobuilding/wishes' }) },
  { route: 'POST /api/cobuilding/wishes', type: 'write', wrongRoles: writers, call: () => ({ method: 'POST', path: '/api/cobuilding/wishes', body: { orgId: a.community.id, wish: '越权的心愿', residentAlias: '越权', consentOn: `${year}-04-01`, raisedOn: `${year}-04-01` } }) },
  { route: 'POST /api/cobuilding/wishes/:id/claim', type: 'write', wrongRoles: writers, call: () => ({ method: 'POST', path: `/api/cobuilding/wishes/${ids.cbWish}/claim`, body: { claimerId: a.community.id, on: `${year}-04-01` } }) },
  { route: 'POST /api/cobuilding/wishes/:id/fulfil', type: 'write', wrongRoles: writers, call: () => ({ method: 'POST', path: `/api/cobuilding/wishes/${ids.cbWish}/fulfil`, body: { text: '越权登记实现', on: `${year}-04-01` } }) },
  { route: 'POST /api/cobuilding/wishes/:id/confirm-code', type: 'write', wrongRoles: writers, call: () => ({ method: 'POST', path: `/api/cobuilding/wishes/${ids.cbWish}/confirm-code` }) },
  { route: 'POST /api/cobuilding/wishes/:id/delete-contact', type: 'write', wrongRoles: writers, call: () => ({ method: 'POST', path: `/api/cobuilding/wishes/${ids.cbWish}/delete-contact` }) },
  { route: 'GET /api/cobuilding/chairs', type: 'list', wrongRoles: readers, call: () => ({ method: 'GET', path: '/api/cobuilding/chairs' }) },
  { route: 'GET /api/cobuilding/member-units', type: 'list', wrongRoles: readers, call: () => ({ method: 'GET', path: `/api/cobuilding/member-units?year=${year}` }) },
  { route: 'POST /api/cobuilding/chairs', type: 'write', wrongRoles: writers, call: () => ({ method: 'POST', path: '/api/cobuilding/chairs', body: { communityId: a.community.id, unitId: a.unit.id, startsOn: `${year}-07-01`, endsOn: `${year}-09-30` } }) },
  { route: 'DELETE /api/cobuilding/chairs/:id', type: 'write', wrongRoles: writers, call: () => ({ method: 'DELETE', path: `/api/cobuilding/chairs/${ids.cbChair}` }) },
  { route: 'GET /api/cobuilding/export.xlsx', type: 'list', wrongRoles: readers, call: () => ({ method: 'GET', path: '/api/cobuilding/export.xlsx' }) },
  { route: 'GET /api/cobuilding/overview', type: 'item', wrongRoles: readers, call: () => ({ method: 'GET', path: `/api/cobuilding/overview?year=${year}&orgId=${a.street.id}` }) },
  { route: 'GET /api/cobuilding/projects', type: 'list', wrongRoles: readers, call: () => ({ method: 'GET', path: '/api/cobuilding/projects' }) },
  { route: 'POST /api/cobuilding/projects', type: 'write', wrongRoles: writers, call: () => ({ method: 'POST', path: '/api/cobuilding/projects', body: { communityId: a.community.id, title: '越权的项目', goal: '越权立项', plannedStart: `${year}-04-01`, plannedEnd: `${year}-05-01`, createdOn: `${year}-04-01` } }) },
  { route: 'GET /api/cobuilding/projects/:id', type: 'item', wrongRoles: readers, call: () => ({ method: 'GET', path: `/api/cobuilding/projects/${ids.cbProject}` }) },
  { route: 'GET /api/cobuilding/projects/:id/ratings', type: 'item', wrongRoles: readers, call: () => ({ method: 'GET', path: `/api/cobuilding/projects/${ids.cbProject}/ratings` }) },
  { route: 'POST /api/cobuilding/projects/:id/tasks', type: 'write', wrongRoles: writers, call: () => ({ method: 'POST', path: `/api/cobuilding/projects/${ids.cbProject}/tasks`, body: { title: '越权分解任务', orgId: a.community.id, dueOn: `${year}-05-01` } }) },
  { route: 'POST /api/cobuilding/projects/:id/tasks/:taskId/done', type: 'write', wrongRoles: writers, call: () => ({ method: 'POST', path: `/api/cobuilding/projects/${ids.cbProject}/tasks/${ids.cbTask}/done`, body: { on: `${year}-04-01` } }) },
  { route: 'POST /api/cobuilding/projects/:id/claim', type: 'write', wrongRoles: writers, call: () => ({ method: 'POST', path: `/api/cobuilding/projects/${ids.cbProject}/claim`, body: { unitId: a.unit.id, on: `${year}-04-01` } }) },
  { route: 'POST /api/cobuilding/projects/:id/progress', type: 'write', wrongRoles: writers, call: () => ({ method: 'POST', path: `/api/cobuilding/projects/${ids.cbProject}/progress`, body: { text: '越权登记进度', on: `${year}-04-01` } }) },
  { route: 'POST /api/cobuilding/projects/:id/close-request', type: 'write', wrongRoles: writers, call: () => ({ method: 'POST', path: `/api/cobuilding/projects/${ids.cbProject}/close-request`, body: { text: '越权申请销号', on: `${year}-04-01` } }) },
  { route: 'POST /api/cobuilding/projects/:id/close', type: 'write', wrongRoles: writers, call: () => ({ method: 'POST', path: `/api/cobuilding/projects/${ids.cbProject}/close`, body: { text: '越权销号', on: `${year}-04-01` } }) },
  { route: 'POST /api/cobuilding/projects/:id/send-back', type: 'write', wrongRoles: writers, call: () => ({ method: 'POST', path: `/api/cobuilding/projects/${ids.cbProject}/send-back`, body: { text: '越权退回', on: `${year}-04-01` } }) },
  { route: 'GET /api/ledger', type: 'list', wrongRoles: readers, call: () => ({ method: 'GET', path: '/api/ledger?limit=1000' }) },
  { route: 'POST /api/ledger', type: 'write', wrongRoles: writers, call: () => ({ method: 'POST', path: '/api/ledger', body: { orgId: a.grid.id, kind: 'theme_day', occurredOn: `${year}-05-05`, title: '越权记录' } }) },
  { route: 'POST /api/files', type: 'write', wrongRoles: writers, call: () => ({ method: 'POST', path: '/api/files', body: (() => { const f = new FormData(); f.set('file', new File([new TextEncoder().encode('%PDF-1.4\n%%EOF\n')], '越权.pdf')); f.set('orgId', String(a.grid.id)); return f; })() }) },
  { route: 'GET /api/files/:id', type: 'item', wrongRoles: readers, call: () => ({ method: 'GET', path: `/api/files/${ids.file}` }) },
  { route: 'GET /api/files/:id/thumbnail', type: 'item', wrongRoles: readers, call: () => ({ method: 'GET', path: `/api/files/${ids.file}/thumbnail` }) },
  { route: 'GET /api/ledger/:id', type: 'item', wrongRoles: readers, call: () => ({ method: 'GET', path: `/api/ledger/${ids.record}` }) },
  { route: 'PUT /api/ledger/:id', type: 'write', wrongRoles: writers, call: () => ({ method: 'PUT', path: `/api/ledger/${ids.record}`, body: { kind: 'theme_day', occurredOn: `${year}-05-06`, title: '越权修改' } }) },
  { route: 'POST /api/ledger/:id/withdraw', type: 'write', wrongRoles: writers, call: () => ({ method: 'POST', path: `/api/ledger/${ids.record}/withdraw` }) },
  { route: 'POST /api/ledger/review', type: 'write', wrongRoles: writers, call: () => ({ method: 'POST', path: '/api/ledger/review', body: { ids: [ids.record], action: 'verify' } }) },
  { route: 'POST /api/ledger/:id/verify', type: 'write', wrongRoles: writers, call: () => ({ method: 'POST', path: `/api/ledger/${ids.record}/verify` }) },
  { route: 'POST /api/ledger/:id/reject', type: 'write', wrongRoles: writers, call: () => ({ method: 'POST', path: `/api/ledger/${ids.record}/reject`, body: { reason: '越权退回' } }) },
  { route: 'GET /api/meetings', type: 'list', wrongRoles: readers, call: () => ({ method: 'GET', path: '/api/meetings?limit=1000' }) },
  { route: 'POST /api/meetings', type: 'write', wrongRoles: writers, call: () => ({ method: 'POST', path: '/api/meetings', body: { hostOrgId: a.community.id, kind: 'joint_meeting', title: '越权会议', heldOn: `${year}-05-05`, attendance: [{ orgId: a.unit.id, status: 'present' }] } }) },
  { route: 'GET /api/meetings/:id', type: 'item', wrongRoles: readers, call: () => ({ method: 'GET', path: `/api/meetings/${ids.meeting}` }) },
  { route: 'POST /api/meetings/:id/attendance', type: 'write', wrongRoles: writers, call: () => ({ method: 'POST', path: `/api/meetings/${ids.meeting}/attendance`, body: { attendance: [{ orgId: a.unit.id, status: 'absent' }] } }) },
  { route: 'GET /api/checkins', type: 'list', wrongRoles: readers, call: () => ({ method: 'GET', path: '/api/checkins?limit=1000' }) },
  { route: 'POST /api/checkins', type: 'write', wrongRoles: writers, call: () => ({ method: 'POST', path: '/api/checkins', body: { memberId: ids.member, communityId: a.community.id, kind: 'service', occurredOn: `${year}-05-05`, hours: 2 } }) },
  {
    route: 'POST /api/imports/:target',
    type: 'write',
    wrongRoles: writers,
    call: () => ({ method: 'POST', path: '/api/imports/ledger', body: csvUpload(['组织编码,记录类型,日期,标题', `${a.grid.code},主题党日,${year}-05-06,越权导入`]) }),
  },
  // A dry run that writes nothing; an org_user may not import organizations (403), a role check before any reading.
  { route: 'POST /api/imports/:target/annotated', type: 'write', wrongRoles: adminOnly, call: () => ({ method: 'POST', path: '/api/imports/orgs/annotated', body: csvUpload(['组织编码,组织名称,组织类型,上级组织编码', `SEC-X,越权组织,网格党支部,${a.community.code}`]) }) },
  { route: 'GET /api/imports/:target/template', type: 'list', wrongRoles: readers, call: () => ({ method: 'GET', path: '/api/imports/ledger/template' }) },
  { route: 'POST /api/cycles/:year/score', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: `/api/cycles/${reviewYear}/score`, body: {} }) },
  { route: 'GET /api/cycles/:year/dashboard', type: 'item', wrongRoles: ['org_user', 'reviewer'], outsider: 'bAdmin', call: () => ({ method: 'GET', path: `/api/cycles/${reviewYear}/dashboard?under=${a.street.id}` }) },
  { route: 'GET /api/cycles/:year/rankings', type: 'list', wrongRoles: ['org_user', 'reviewer'], outsider: 'bAdmin', call: () => ({ method: 'GET', path: `/api/cycles/${reviewYear}/rankings` }) },
  { route: 'GET /api/cycles/:year/scores', type: 'list', wrongRoles: readers, outsider: 'bAdmin', call: () => ({ method: 'GET', path: `/api/cycles/${reviewYear}/scores` }) },
  { route: 'GET /api/cycles/:year/orgs/:orgId/history', type: 'item', wrongRoles: readers, call: () => ({ method: 'GET', path: `/api/cycles/${reviewYear}/orgs/${a.grid.id}/history` }) },
  { route: 'GET /api/cycles/:year/orgs/:orgId/scorecard', type: 'item', wrongRoles: readers, call: () => ({ method: 'GET', path: `/api/cycles/${reviewYear}/orgs/${a.grid.id}/scorecard` }) },
  { route: 'GET /api/cycles/:year/inspections', type: 'list', wrongRoles: readers, call: () => ({ method: 'GET', path: `/api/cycles/${year}/inspections` }) },
  { route: 'POST /api/cycles/:year/inspections', type: 'write', wrongRoles: ['org_user', 'reviewer'], outsider: 'bAdmin', call: () => ({ method: 'POST', path: `/api/cycles/${year}/inspections`, body: { orgId: a.grid.id, indicator: 'ledger', points: -5, reason: '越权扣分', inspectedOn: `${year}-06-01` } }) },
  { route: 'GET /api/cycles/:year/assessments', type: 'list', wrongRoles: readers, call: () => ({ method: 'GET', path: `/api/cycles/${year}/assessments` }) },
  { route: 'GET /api/cycles/:year/assessments/:orgId', type: 'item', wrongRoles: readers, call: () => ({ method: 'GET', path: `/api/cycles/${year}/assessments/${a.grid.id}` }) },
  { route: 'PUT /api/cycles/:year/assessments/:orgId/:indicator/self', type: 'write', wrongRoles: ['leader', 'reviewer'], outsider: 'bAdmin', call: () => ({ method: 'PUT', path: `/api/cycles/${year}/assessments/${a.grid.id}/duty/self`, body: { points: 5 } }) },
  { route: 'PUT /api/cycles/:year/assessments/:orgId/:indicator/review', type: 'write', wrongRoles: ['reviewer'], outsider: 'bAdmin', call: () => ({ method: 'PUT', path: `/api/cycles/${year}/assessments/${a.grid.id}/duty/review`, body: { points: 5 } }) },
  { route: 'PUT /api/cycles/:year/self-assessment-window', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'PUT', path: `/api/cycles/${year}/self-assessment-window`, body: { opens: `${year}-12-01`, closes: `${year}-12-20` } }) },
  { route: 'GET /api/cycles/:year/facts', type: 'list', wrongRoles: readers, call: () => ({ method: 'GET', path: `/api/cycles/${year}/facts` }) },
  { route: 'PUT /api/cycles/:year/facts', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'PUT', path: `/api/cycles/${year}/facts`, body: { orgId: a.grid.id, key: 'public.satisfaction', value: { 居民: { 满意: 1 } } } }) },
  { route: 'POST /api/cycles/:year/publish', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: `/api/cycles/${reviewYear}/publish`, body: {} }) },
  { route: 'POST /api/cycles/:year/finalize', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: `/api/cycles/${reviewYear}/finalize` }) },
  { route: 'GET /api/cycles/:year/appeals', type: 'list', wrongRoles: readers, call: () => ({ method: 'GET', path: `/api/cycles/${reviewYear}/appeals` }) },
  { route: 'POST /api/cycles/:year/appeals', type: 'write', wrongRoles: writers, call: () => ({ method: 'POST', path: `/api/cycles/${reviewYear}/appeals`, body: { orgId: a.grid.id, reason: '越权替人申诉' } }) },
  { route: 'POST /api/cycles/:year/appeals/:id/decide', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: `/api/cycles/${reviewYear}/appeals/${ids.appeal}/decide`, body: { decision: 'rejected', reason: '越权驳回' } }) },
  { route: 'GET /api/cycles/:year/corrections', type: 'list', wrongRoles: ['org_user', 'reviewer'], outsider: 'bAdmin', call: () => ({ method: 'GET', path: `/api/cycles/${reviewYear}/corrections` }) },
  { route: 'POST /api/cycles/:year/corrections', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: `/api/cycles/${reviewYear}/corrections`, body: { orgId: a.grid.id, total: '99', reason: '越权更正结果' } }) },
  { route: 'GET /api/cycles/:year/records', type: 'list', wrongRoles: readers, call: () => ({ method: 'GET', path: `/api/cycles/${reviewYear}/records` }) },
  { route: 'POST /api/cycles/:year/records', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: `/api/cycles/${reviewYear}/records`, body: { orgId: a.grid.id, type: 'discipline', title: '越权登记违纪', reason: '越权', recordedOn: `${reviewYear}-06-01` } }) },
  { route: 'POST /api/cycles/:year/rules/preview', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: async () => ({ method: 'POST', path: `/api/cycles/${reviewYear}/rules/preview`, body: { ruleSet: JSON.parse(readFileSync('rules/grid.json', 'utf8')) } }) },
  { route: 'POST /api/cycles/:year/rules/publish', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: async () => ({ method: 'POST', path: `/api/cycles/${reviewYear}/rules/publish`, body: { ruleSet: JSON.parse(readFileSync('rules/grid.json', 'utf8')) } }) },
  { route: 'GET /api/cycles/:year/results.xlsx', type: 'list', wrongRoles: readers, outsider: 'bAdmin', call: () => ({ method: 'GET', path: `/api/cycles/${reviewYear}/results.xlsx` }) },
  { route: 'GET /api/cycles/:year/orgs/:orgId/scorecard.pdf', type: 'item', wrongRoles: readers, call: () => ({ method: 'GET', path: `/api/cycles/${reviewYear}/orgs/${a.grid.id}/scorecard.pdf` }) },
  { route: 'GET /api/cycles/:year/orgs/:orgId/rankings.pdf', type: 'item', wrongRoles: readers, call: () => ({ method: 'GET', path: `/api/cycles/${reviewYear}/orgs/${a.street.id}/rankings.pdf` }) },
  { route: 'GET /api/cycles/:year/orgs/:orgId/book.pdf', type: 'item', wrongRoles: readers, call: () => ({ method: 'GET', path: `/api/cycles/${reviewYear}/orgs/${a.street.id}/book.pdf` }) },
  { route: 'POST /api/jobs/score', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: '/api/jobs/score', body: { year: reviewYear } }) },
  { route: 'GET /api/cycles/:year/steps', type: 'list', wrongRoles: ['org_user', 'reviewer'], outsider: 'bAdmin', call: () => ({ method: 'GET', path: `/api/cycles/${reviewYear}/steps` }) },
  { route: 'GET /api/cycles/:year/publicity', type: 'item', wrongRoles: ['org_user', 'reviewer'], outsider: 'bAdmin', call: () => ({ method: 'GET', path: `/api/cycles/${reviewYear}/publicity?orgId=${a.street.id}` }) },
  { route: 'GET /api/cycles/:year/orgs/:orgId/publicity.pdf', type: 'item', wrongRoles: ['org_user', 'reviewer'], outsider: 'bAdmin', call: () => ({ method: 'GET', path: `/api/cycles/${reviewYear}/orgs/${a.street.id}/publicity.pdf` }) },
  { route: 'POST /api/jobs/books', type: 'write', wrongRoles: ['org_user', 'reviewer'], outsider: 'bAdmin', call: () => ({ method: 'POST', path: '/api/jobs/books', body: { year: reviewYear, orgId: a.grid.id } }) },
  { route: 'GET /api/jobs', type: 'list', wrongRoles: ['org_user', 'reviewer'], outsider: 'bAdmin', call: () => ({ method: 'GET', path: '/api/jobs' }) },
  { route: 'GET /api/jobs/:id', type: 'item', wrongRoles: ['org_user', 'reviewer'], outsider: 'bAdmin', call: () => ({ method: 'GET', path: `/api/jobs/${ids.job}` }) },
  { route: 'GET /api/jobs/:id/result', type: 'item', wrongRoles: ['org_user', 'reviewer'], outsider: 'bAdmin', call: () => ({ method: 'GET', path: `/api/jobs/${ids.job}/result` }) },
  { route: 'POST /api/jobs/:id/retry', type: 'write', wrongRoles: ['org_user', 'reviewer'], outsider: 'bAdmin', call: () => ({ method: 'POST', path: `/api/jobs/${ids.job}/retry` }) },
  { route: 'POST /api/jobs/:id/cancel', type: 'write', wrongRoles: ['org_user', 'reviewer'], outsider: 'bAdmin', call: () => ({ method: 'POST', path: `/api/jobs/${ids.job}/cancel` }) },
  { route: 'PUT /api/cycles/:year/duty-reports', type: 'write', wrongRoles: writers, call: () => ({ method: 'PUT', path: `/api/cycles/${reviewYear}/duty-reports`, body: { orgId: a.community.id, text: '越权提交的述职报告，内容足够二十个字以上。' } }) },
  { route: 'GET /api/cycles/:year/duty-reports', type: 'list', wrongRoles: readers, call: () => ({ method: 'GET', path: `/api/cycles/${reviewYear}/duty-reports` }) },
  { route: 'GET /api/cycles/:year/duty-reports/:id/attachment', type: 'item', wrongRoles: readers, call: () => ({ method: 'GET', path: `/api/cycles/${reviewYear}/duty-reports/${ids.report}/attachment` }) },
  { route: 'GET /api/reviews', type: 'list', wrongRoles: ['org_user', 'reviewer'], outsider: 'bAdmin', call: () => ({ method: 'GET', path: '/api/reviews' }) },
  { route: 'POST /api/reviews', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: '/api/reviews', body: { year: reviewYear, orgId: a.street.id, title: '越权创建的评议' } }) },
  { route: 'GET /api/reviews/:id', type: 'item', wrongRoles: ['org_user', 'reviewer'], outsider: 'bAdmin', call: () => ({ method: 'GET', path: `/api/reviews/${ids.session}` }) },
  { route: 'POST /api/reviews/:id/subjects', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: `/api/reviews/${ids.session}/subjects`, body: { orgIds: [a.grid.id] } }) },
  { route: 'POST /api/reviews/:id/raters', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: `/api/reviews/${ids.session}/raters`, body: { group: 'public', codes: 3 } }) },
  { route: 'POST /api/reviews/:id/transition', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: `/api/reviews/${ids.session}/transition`, body: { to: 'open' } }) },
  { route: 'POST /api/reviews/:id/paper', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: `/api/reviews/${ids.session}/paper`, body: csvUpload(['票号,评议群体,组织编码,总体评价', `1,群众代表,${a.community.code},差`]) }) },
  { route: 'GET /api/reviews/:id/results', type: 'item', wrongRoles: ['org_user', 'reviewer'], outsider: 'bAdmin', call: () => ({ method: 'GET', path: `/api/reviews/${ids.session}/results` }) },
  { route: 'GET /api/reviews/options', type: 'list', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'GET', path: '/api/reviews/options' }) },
  { route: 'GET /api/reviews/sheets', type: 'list', wrongRoles: ['admin', 'leader', 'org_user'], outsider: 'bReviewer', call: () => ({ method: 'GET', path: '/api/reviews/sheets' }) },
  { route: 'GET /api/reviews/:id/ballot', type: 'item', wrongRoles: ['admin', 'leader', 'org_user'], outsider: 'bReviewer', call: () => ({ method: 'GET', path: `/api/reviews/${ids.session}/ballot` }) },
  { route: 'POST /api/reviews/:id/votes', type: 'write', wrongRoles: ['admin', 'leader', 'org_user'], outsider: 'bReviewer', call: () => ({ method: 'POST', path: `/api/reviews/${ids.session}/votes`, body: { votes: [{ orgId: a.community.id, answers: { overall: '差' } }] } }) },
  { route: 'GET /api/agreements/:id/twoway', type: 'item', wrongRoles: readers, call: () => ({ method: 'GET', path: `/api/agreements/${ids.agreement}/twoway` }) },
  { route: 'GET /api/twoway', type: 'list', wrongRoles: ['org_user', 'reviewer'], outsider: 'bAdmin', call: () => ({ method: 'GET', path: `/api/twoway?year=${year}` }) },
  { route: 'PUT /api/agreements/:id/twoway', type: 'write', wrongRoles: writers, call: () => ({ method: 'PUT', path: `/api/agreements/${ids.agreement}/twoway`, body: { direction: 'community_rates_unit', items: { attendance: 0, activities: 0, members: 0 } } }) },
  { route: 'GET /api/agreements/:id/feedback', type: 'item', wrongRoles: readers, call: () => ({ method: 'GET', path: `/api/agreements/${ids.agreement}/feedback` }) },
  { route: 'PUT /api/agreements/:id/feedback', type: 'write', wrongRoles: writers, call: () => ({ method: 'PUT', path: `/api/agreements/${ids.agreement}/feedback`, body: { members: [{ memberId: ids.member, reported: false, rating: '差' }] } }) },
  { route: 'GET /api/reviews/:id/result.pdf', type: 'item', wrongRoles: ['org_user', 'reviewer'], outsider: 'bAdmin', call: () => ({ method: 'GET', path: `/api/reviews/${ids.session}/result.pdf` }) },
  { route: 'GET /api/agreements/:id/feedback.pdf', type: 'item', wrongRoles: readers, call: () => ({ method: 'GET', path: `/api/agreements/${ids.agreement}/feedback.pdf` }) },
  { route: 'GET /api/campaigns', type: 'list', wrongRoles: readers, call: () => ({ method: 'GET', path: '/api/campaigns' }) },
  { route: 'GET /api/campaigns/options', type: 'list', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'GET', path: '/api/campaigns/options' }) },
  {
    route: 'POST /api/campaigns',
    type: 'write',
    wrongRoles: adminOnly,
    outsider: 'bAdmin',
    call: () => ({ method: 'POST', path: '/api/campaigns', body: { year: reviewYear, orgId: a.district.id, title: '越权评议', items: [{ key: 'overall', label: '总体评价' }], targets: [a.grid.id], opensOn: '2026-01-01', closesOn: '2026-12-31' } }),
  },
  { route: 'GET /api/campaigns/:id', type: 'item', wrongRoles: readers, call: () => ({ method: 'GET', path: `/api/campaigns/${ids.campaign}` }) },
  { route: 'POST /api/campaigns/:id/open', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: `/api/campaigns/${ids.campaign}/open` }) },
  { route: 'POST /api/campaigns/:id/close', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: `/api/campaigns/${ids.campaign}/close` }) },
  { route: 'POST /api/campaigns/:id/codes', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: `/api/campaigns/${ids.campaign}/codes`, body: { targetOrgId: a.grid.id, raterGroup: '居民', count: 3 } }) },
  { route: 'GET /api/campaigns/:id/flags', type: 'item', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'GET', path: `/api/campaigns/${ids.campaign}/flags?burstCount=2&patternCount=2` }) },
  { route: 'POST /api/campaigns/:id/ballots/void', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: `/api/campaigns/${ids.campaign}/ballots/void`, body: { ballotIds: [ids.ballot], reason: '越权作废' } }) },
  { route: 'POST /api/campaigns/:id/ballots/:ballotId/void', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: `/api/campaigns/${ids.campaign}/ballots/${ids.ballot}/void`, body: { reason: '越权作废' } }) },
  {
    route: 'POST /api/campaigns/:id/paper',
    type: 'write',
    wrongRoles: adminOnly,
    outsider: 'bAdmin',
    call: () => ({ method: 'POST', path: `/api/campaigns/${ids.campaign}/paper`, body: csvUpload(['评议对象编码,评议群体,总体评价', `${a.grid.code},居民,满意`]) }),
  },
  { route: 'GET /api/campaigns/:id/results', type: 'item', wrongRoles: readers, call: () => ({ method: 'GET', path: `/api/campaigns/${ids.campaign}/results` }) },
  { route: 'POST /api/auth/logout', type: 'self', wrongRoles: [], call: () => ({ method: 'POST', path: '/api/auth/logout' }) },
  { route: 'GET /api/auth/me', type: 'list', wrongRoles: [], call: () => ({ method: 'GET', path: '/api/auth/me' }) },
  { route: 'POST /api/auth/password', type: 'write', wrongRoles: [], call: () => ({ method: 'POST', path: '/api/auth/password', body: { currentPassword: 'Not-the-password-1', newPassword: 'Another-pass-2' } }) },
  { route: 'GET /api/auth/todos', type: 'list', wrongRoles: [], call: () => ({ method: 'GET', path: '/api/auth/todos' }) },
  { route: 'GET /api/overview', type: 'list', wrongRoles: readers, call: () => ({ method: 'GET', path: '/api/overview' }) },
  { route: 'GET /api/users', type: 'list', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'GET', path: '/api/users?limit=1000' }) },
  { route: 'POST /api/users', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: '/api/users', body: { login: `intruder-${Date.now()}`, displayName: '渗透账号', role: 'admin', orgId: a.grid.id } }) },
  { route: 'GET /api/users/roles', type: 'list', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'GET', path: '/api/users/roles' }) },
  { route: 'GET /api/users/:id', type: 'item', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'GET', path: `/api/users/${ids.user}` }) },
  { route: 'POST /api/users/:id/reset-password', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: `/api/users/${ids.user}/reset-password` }) },
  { route: 'POST /api/users/:id/disable', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: `/api/users/${ids.user}/disable` }) },
  { route: 'POST /api/users/:id/enable', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: `/api/users/${ids.user}/enable` }) },
  { route: 'POST /api/users/:id/revoke-sessions', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: `/api/users/${ids.user}/revoke-sessions` }) },
  { route: 'POST /api/users/notices.pdf', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: '/api/users/notices.pdf', body: { accounts: [{ id: ids.user, initialPassword: ids.userPassword }] } }) },
  { route: 'GET /api/audit', type: 'list', wrongRoles: ['org_user', 'reviewer'], outsider: 'bAdmin', call: () => ({ method: 'GET', path: '/api/audit?limit=1000' }) },
  { route: 'GET /api/audit/actions', type: 'list', wrongRoles: ['org_user', 'reviewer'], outsider: 'bAdmin', call: () => ({ method: 'GET', path: '/api/audit/actions' }) },
  { route: 'GET /api/audit/export.xlsx', type: 'list', wrongRoles: ['org_user', 'reviewer'], outsider: 'bAdmin', call: () => ({ method: 'GET', path: '/api/audit/export.xlsx' }) },
  { route: 'GET /api/users/sign-ins', type: 'list', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'GET', path: '/api/users/sign-ins?limit=1000' }) },
  { route: 'GET /api/tokens', type: 'list', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'GET', path: '/api/tokens' }) },
  { route: 'POST /api/tokens', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: '/api/tokens', body: { login: ids.userLogin, name: '越权令牌' } }) },
  { route: 'POST /api/tokens/:id/revoke', type: 'write', wrongRoles: adminOnly, outsider: 'bAdmin', call: () => ({ method: 'POST', path: `/api/tokens/${ids.token}/revoke` }) },
];

/** Everything of the victim's that a write could touch, and its audit trail. */
async function victimState(): Promise<unknown> {
  const r = await sql<Record<string, unknown>>`
    select
      (select json_agg(o order by o.id) from (select id, code, name, parent_id, path, secretary_name, member_count from organizations where path like ${`${a.district.path}%`}) o) as orgs,
      (select json_agg(l order by l.id) from (select r.id, r.status, r.title from ledger_records r join organizations o on o.id = r.org_id where o.path like ${`${a.district.path}%`}) l) as ledger,
      (select count(*) from agreements where community_id = ${a.community.id})::int as agreements,
      (select json_agg(m order by m.id) from (select m.id, m.name, m.org_id, m.employer_name, m.residence_community_id, m.in_service from members m join organizations o on o.id = m.org_id where o.path like ${`${a.district.path}%`}) m) as members,
      (select json_agg(m order by m.meeting_id, m.org_id) from meeting_attendance m where m.meeting_id = ${ids.meeting}) as attendance,
      (select count(*) from meetings where host_org_id = ${a.community.id})::int as meetings,
      (select count(*) from checkins where community_id = ${a.community.id})::int as checkins,
      (select count(*) from audit_log au join organizations o on o.id = au.org_id where o.path like ${`${a.district.path}%`})::int as audit,
      (select json_agg(c order by c.year) from (select year, state from cycles where year in (${year}, 2998)) c) as cycles,
      (select count(*) from score_revisions where cycle_year in (${year}, ${reviewYear}))::int as revisions,
      (select json_agg(x order by x.id) from (select id, status from appeals where cycle_year = ${reviewYear}) x) as appeals,
      (select count(*) from corrections where cycle_year = ${reviewYear})::int as corrections,
      (select count(*) from org_records r join organizations o on o.id = r.org_id where o.path like ${`${a.district.path}%`})::int as records,
      (select count(*) from rule_previews where cycle_year = ${reviewYear})::int as previews,
      (select json_agg(p order by p.category) from (select category, rule_set_hash from cycle_rule_sets where cycle_year = ${reviewYear}) p) as pins,
      (select json_agg(c) from (select state, published_on, final_revision_id from cycles where year = ${reviewYear}) c) as review_cycle,
      (select count(*) from inspections i join organizations o on o.id = i.org_id where o.path like ${`${a.district.path}%`})::int as inspections,
      (select json_agg(c order by c.id) from (select id, state from rating_campaigns where org_id = ${a.district.id}) c) as campaigns,
      (select count(*) from ballot_codes k join rating_targets g on g.id = k.target_id join organizations o on o.id = g.org_id where o.path like ${`${a.district.path}%`})::int as codes,
      (select json_agg(x order by x.id) from (select b.id, b.voided_at from ballots b join organizations o on o.id = b.org_id where o.path like ${`${a.district.path}%`}) x) as ballots,
      (select count(*) from pending_ballots b join organizations o on o.id = b.org_id where o.path like ${`${a.district.path}%`})::int as pending_ballots,
      (select json_agg(d order by d.org_id, d.key) from (select d.org_id, d.key, d.value from declared_facts d join organizations o on o.id = d.org_id
        where o.path like ${`${a.district.path}%`}) d) as declared,
      (select json_agg(d order by d.id) from (select d.id, d.text, d.submitted_by from duty_reports d join organizations o on o.id = d.org_id where o.path like ${`${a.district.path}%`}) d) as duty_reports,
      (select json_agg(s order by s.id) from (select s.id, s.state, s.title from review_sessions s join organizations o on o.id = s.org_id where o.path like ${`${a.district.path}%`}) s) as sessions,
      (select count(*) from review_subjects where session_id = ${ids.session})::int as subjects,
      (select count(*) from review_raters where session_id = ${ids.session})::int as raters,
      (select count(*) from review_votes where session_id = ${ids.session})::int as votes,
      (select json_agg(e order by e.id) from (select id, direction, total from twoway_evaluations where agreement_id = ${ids.agreement}) e) as twoway,
      (select json_agg(f order by f.id) from (select id, reported, rating from member_feedback where agreement_id = ${ids.agreement}) f) as feedback,
      (select json_agg(u order by u.id) from (select u.id, u.login, u.role, u.password_hash, u.must_change_password, u.disabled_at, u.org_id from users u join organizations o on o.id = u.org_id
        where o.path like ${`${a.district.path}%`}) u) as users,
      (select count(*) from user_sessions s where s.user_id = ${ids.user} and s.revoked_at is null)::int as victim_sessions,
      (select json_agg(k order by k.id) from (select k.id, k.revoked_at from api_tokens k join users u on u.id = k.user_id join organizations o on o.id = u.org_id where o.path like ${`${a.district.path}%`}) k) as tokens,
      (select json_agg(k order by k.code) from (select code, name, group_name, unit, measure, period, retired_at from record_kinds) k) as kinds,
      (select json_agg(d order by d.id) from (select id, source, hash, updated_at, published_year from rule_set_drafts) d) as drafts`.execute(t.db);
  return r.rows[0];
}

beforeAll(async () => {
  t = await setupTestApp();
  a = await createTree(t.db, '甲方');
  b = await createTree(t.db, '乙方');
  year = await createCycle(t.db, 'collecting');
  reviewYear = await createCycle(t.db, 'reviewing');
  tokens.aAdmin = await createToken(t.db, 'admin', a.district.id);
  tokens.aLeader = await createToken(t.db, 'leader', a.district.id);
  tokens.aOrgUser = await createToken(t.db, 'org_user', a.district.id);
  tokens.aReviewer = await createToken(t.db, 'reviewer', a.district.id);
  tokens.bAdmin = await createToken(t.db, 'admin', b.district.id);
  tokens.bOrgUser = await createToken(t.db, 'org_user', b.district.id);
  tokens.bReviewer = await createToken(t.db, 'reviewer', b.district.id);
  const people: [Who, Role, number][] = [['aAdmin', 'admin', a.district.id], ['aLeader', 'leader', a.district.id], ['aOrgUser', 'org_user', a.district.id], ['aReviewer', 'reviewer', a.district.id], ['bAdmin', 'admin', b.district.id], ['bOrgUser', 'org_user', b.district.id], ['bReviewer', 'reviewer', b.district.id]];
  for (const [who, role, orgId] of people) {
    const u = await createUser(t.db, { role, orgId });
    const s = await signIn(t.app, u.login, u.password);
    expect(s.status).toBe(200);
    sessions[who] = { cookie: s.cookie!, csrf: s.csrf! };
  }
  // The victim's own account (a grid secretary, signed in, waiting for a first password change).
  const victim = await createUser(t.db, { role: 'org_user', orgId: a.grid.id, mustChange: true, login: `victim-${Date.now()}` });
  await signIn(t.app, victim.login, victim.password);

  const api = client(t.app, tokens.aAdmin);
  const member = await createMember(t.db, { org_id: a.unit.id, in_service: true, residence_community_id: a.community.id, name: '甲方党员' });
  const record = await api.post('/api/ledger', { orgId: a.grid.id, kind: 'theme_day', occurredOn: `${year}-03-03`, title: '甲方的记录' });
  const agreement = await api.post('/api/agreements', { communityId: a.community.id, unitId: a.unit.id, year, content: '甲方共建' });
  const meeting = await api.post('/api/meetings', { hostOrgId: a.community.id, kind: 'joint_meeting', title: '甲方联席会议', heldOn: `${year}-03-10`, attendance: [{ orgId: a.unit.id, status: 'present' }] });
  await api.post('/api/checkins', { memberId: member.id, communityId: a.community.id, kind: 'report', occurredOn: `${year}-03-11` });
  for (const res of [record, agreement, meeting]) expect(res.status).toBe(201);
  ids = { cbNeed: 0, cbProject: 0, cbTask: 0, cbWish: 0, cbChair: 0, draft: 0, record: record.body.id, agreement: agreement.body.id, meeting: meeting.body.id, member: member.id, appeal: 0, session: 0, report: 0, campaign: 0, ballot: 0, user: victim.id, userPassword: victim.password, file: 0, job: 0, userLogin: victim.login, token: 0 };
  ids.cbNeed = (await api.post('/api/cobuilding/needs', { orgId: a.community.id, kind: 'service', title: '甲方的需求', description: '甲方居民的需求', source: 'visit', raisedOn: `${year}-03-01` })).body.id;
  ids.cbProject = (await api.post('/api/cobuilding/projects', { communityId: a.community.id, title: '甲方的项目', goal: '甲方社区的项目', plannedStart: `${year}-03-01`, plannedEnd: `${year}-06-30`, createdOn: `${year}-03-02`, needIds: [ids.cbNeed] })).body.id;
  ids.cbTask = (await api.post(`/api/cobuilding/projects/${ids.cbProject}/tasks`, { title: '甲方的任务', orgId: a.community.id, dueOn: `${year}-05-01` })).body.tasks[0].id;
  expect(ids.cbProject).toBeGreaterThan(0);
  ids.cbWish = (await api.post('/api/cobuilding/wishes', { orgId: a.community.id, wish: '甲方居民的心愿', residentAlias: '甲方王奶奶', residentContact: '13800000000', consentOn: `${year}-03-01`, raisedOn: `${year}-03-01` })).body.id;
  expect(ids.cbWish).toBeGreaterThan(0);
  ids.cbChair = (await api.post('/api/cobuilding/chairs', { communityId: a.community.id, unitId: a.unit.id, startsOn: `${year}-01-01`, endsOn: `${year}-03-31` })).body.id;
  expect(ids.cbChair).toBeGreaterThan(0);
  await api.post('/api/cobuilding/resources', { orgId: a.unit.id, offeredToId: a.community.id, kind: 'venue', title: '甲方的场地', description: '甲方单位的场地', offeredOn: `${year}-03-01` });
  const photo = new FormData();
  photo.set('file', new File([await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c00' } }).png().toBuffer()], '甲方照片.png'));
  photo.set('orgId', String(a.grid.id));
  const file = await api.post('/api/files', photo);
  expect(file.status).toBe(201);
  ids.file = file.body.id;
  // A review session of the victim's street, in draft, with the community as its subject and some raters.
  const session = await api.post('/api/reviews', { year: reviewYear, orgId: a.street.id, title: '甲方述职评议' });
  expect(session.status).toBe(201);
  ids.session = session.body.id;
  expect((await api.post(`/api/reviews/${ids.session}/subjects`, { orgIds: [a.community.id] })).status).toBe(200);
  expect((await api.post(`/api/reviews/${ids.session}/raters`, { group: 'public', codes: 2 })).status).toBe(201);
  const reportPdf = new FormData();
  reportPdf.set('file', new File([Buffer.from('%PDF-1.4 甲方附件')], '甲方述职.pdf'));
  reportPdf.set('orgId', String(a.community.id));
  reportPdf.set('purpose', 'duty_report');
  const reportFile = await api.post('/api/files', reportPdf);
  expect(reportFile.status).toBe(201);
  const report = await api.call('PUT', `/api/cycles/${reviewYear}/duty-reports`, {
    orgId: a.community.id,
    text: '甲方社区党委书记的述职报告，正文足够二十个字以上。',
    attachment: { fileId: reportFile.body.id },
  });
  expect(report.status).toBe(200);
  ids.report = report.body.id;
  // A stored score for the victim's grid, so a refused scorecard is refused for scope, not for want of a score;
  // scored before the campaign opens (scoring waits for open campaigns), then back in review for the campaign.
  const scored = await scoreCycle({ ctx: cliCtx(t.db), year: reviewYear, ruleSets: await testRuleSets() });
  await t.db.updateTable('cycles').set({ state: 'reviewing' }).where('year', '=', reviewYear).execute();
  // A book job of the victim's (no queue here: it waits), for the job routes.
  const job = await api.post('/api/jobs/books', { year: reviewYear, orgId: a.street.id });
  expect(job.status).toBe(201);
  ids.job = job.body.job.id;
  // An open rating campaign of the victim's with one ballot cast, for the campaign routes.
  const campaign = await api.post('/api/campaigns', { year: reviewYear, orgId: a.district.id, title: '甲方群众评议', items: [{ key: 'overall', label: '总体评价' }], targets: [a.grid.id], opensOn: '2026-01-01', closesOn: '2999-12-31' });
  expect(campaign.status).toBe(201);
  ids.campaign = campaign.body.id;
  expect((await api.post(`/api/campaigns/${ids.campaign}/open`)).status).toBe(200);
  const issued = await api.post(`/api/campaigns/${ids.campaign}/codes`, { targetOrgId: a.grid.id, raterGroup: '居民', count: 2 });
  const cast = await t.app.request(`/b/${issued.body.codes[0].code}`, { method: 'POST', body: new URLSearchParams({ item_overall: '满意' }) });
  expect(cast.status).toBe(201);
  await movePendingBallots(t.db, ids.campaign); // the cast ballot joins `ballots` (as the flags list would move it)
  ids.ballot = (await t.db.selectFrom('ballots').select('id').where('campaign_id', '=', ids.campaign).executeTakeFirstOrThrow()).id;
  const appeal = await t.db.insertInto('appeals').values({ cycle_year: reviewYear, org_id: a.grid.id, revision_id: scored.revisionId, reason: '甲方的申诉', evidence: '[]', created_by: 'test' }).returning('id').executeTakeFirstOrThrow();
  ids.appeal = appeal.id;
  // A rule-set draft, made by the command line (no administrator of a database with two districts may).
  ids.draft = (await createDraft({ ctx: cliCtx(t.db), input: { source: readFileSync('rules/grid.json', 'utf8') }, ruleSets: await testRuleSets() })).id;
  ids.token = (await t.db.selectFrom('api_tokens as k').innerJoin('users as u', 'u.id', 'k.user_id').select('k.id').where('u.org_id', '=', a.district.id).where('u.role', '=', 'org_user').orderBy('k.id').executeTakeFirstOrThrow()).id;
});

/** Every cell of the workbook an outsider downloads, as text (the file is zipped: its bytes say nothing). */
async function workbookText(rc: RouteCase, transport: Transport): Promise<string> {
  const c = await rc.call();
  const who = rc.outsider ?? 'bOrgUser';
  const headers: Record<string, string> = transport === 'bearer' ? { authorization: `Bearer ${tokens[who]}` } : { cookie: sessions[who].cookie };
  const res = await t.app.request(c.path, { headers });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const cells: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
  expect(cells.length).toBeGreaterThan(0);
  return cells.join('\n');
}

/** A call on a new session of a new org_user of another district. */
async function sendFresh(orgId: number, c: Call) {
  const u = await createUser(t.db, { role: 'org_user', orgId });
  const s = await signIn(t.app, u.login, u.password);
  return cookieClient(t.app, s.cookie!, s.csrf).call(c.method, c.path, c.body);
}

/** A call as `who` through the transport: a bearer token, or the session cookie with its CSRF token. */
async function send(transport: Transport, who: Who | undefined, c: Call) {
  if (transport === 'bearer') return client(t.app, who && tokens[who]).call(c.method, c.path, c.body);
  if (!who) return client(t.app).call(c.method, c.path, c.body);
  return cookieClient(t.app, sessions[who].cookie, sessions[who].csrf).call(c.method, c.path, c.body);
}

describe('security suite', () => {
  it('covers every /api route of the app', () => {
    const routes = new Set(t.app.routes.filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
    expect([...routes].sort()).toEqual([...cases.map((c) => c.route), ...publicRoutes].sort());
  });

  describe.each(['bearer', 'cookie'] as const)('through %s credentials', (transport) => {
    describe.each(cases)('$route', (rc) => {
      it('answers 401 with the error envelope without credentials, or with wrong ones', async () => {
        const before = await victimState();
        const wrong = transport === 'bearer' ? { authorization: 'Bearer xp_not-a-real-token-at-all' } : { cookie: 'xp_session=not-a-real-session-cookie-value-at-all' };
        for (const headers of [{}, wrong]) {
          const c = await rc.call();
          const res = await client(t.app).call(c.method, c.path, c.body, headers);
          expect(res.status).toBe(401);
          expect(res.body.error).toMatchObject({ code: 'unauthorized', requestId: expect.any(String) });
        }
        expect(await victimState()).toEqual(before);
      });

      it('answers 403 to roles that may not use it', async () => {
        const before = await victimState();
        const byRole: Record<Role, Who> = { admin: 'aAdmin', leader: 'aLeader', org_user: 'aOrgUser', reviewer: 'aReviewer' };
        for (const role of rc.wrongRoles) {
          const res = await send(transport, byRole[role], await rc.call());
          expect(res.status, `${role} on ${rc.route}`).toBe(403);
          expect(res.body.error.code).toBe('forbidden');
        }
        expect(await victimState()).toEqual(before);
      });

      it('neither leaks nor writes for a user of another subtree', async () => {
        const before = await victimState();
        // Signing out ends the outsider's own session: do it on a session of its own, not the one other cases use.
        const res = rc.type === 'self' && transport === 'cookie' ? await sendFresh(b.district.id, await rc.call()) : await send(transport, rc.outsider ?? 'bOrgUser', await rc.call());
        if (rc.type === 'self') expect(res.status).toBe(200);
        if (rc.type === 'item') expect(res.status).toBe(404);
        if (rc.type === 'list') {
          expect(res.status).toBe(200);
          const text = res.headers.get('content-type')?.includes('spreadsheetml') ? await workbookText(rc, transport) : JSON.stringify(res.body);
          for (const secret of ['甲方', a.grid.name, a.district.name]) expect(text).not.toContain(secret);
        }
        if (rc.type === 'write') expect([400, 403, 404]).toContain(res.status);
        if (rc.type === 'item') expect(JSON.stringify(res.body)).not.toContain('甲方');
        expect(await victimState()).toEqual(before);
      });

      if (transport === 'cookie' && (rc.type === 'write' || rc.type === 'self')) {
        it('refuses a cookie write without the CSRF token, even from an administrator of the subtree', async () => {
          const before = await victimState();
          const c = await rc.call();
          const res = await cookieClient(t.app, sessions.aAdmin.cookie, null).call(c.method, c.path, c.body);
          expect(res.status).toBe(403);
          expect(res.body.error.code).toBe('csrf_failed');
          expect(await victimState()).toEqual(before);
        });
      }
    });
  });
});
