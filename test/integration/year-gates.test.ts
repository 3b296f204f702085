import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CycleState } from '../../src/db/database';
import { runCommand, buildProgram, type CliIo } from '../../src/entry/cli-program';
import { writableIn, type WriteKind } from '../../src/features/cycles/cycle-gates';
import { movePendingBallots } from '../../src/features/ratings/ratings.repository';
import { scoreCycle } from '../../src/features/scoring/score-cycle';
import { client, setupTestApp, testRuleSets, type TestApp } from '../support/app';
import { cliCtx, createCycle, createMember, createToken, createTree, type Tree } from '../support/factories';

/**
 * One gate table for every write into a year (`writableIn`). Every write route of /openapi.json and every
 * CLI command is listed here, either with the gate it must pass or with why it writes nothing of a year; a
 * route or command added without an entry fails the first test. Each year-bound write is then tried into a
 * published year (where the table refuses it) and into a finalized one: 409 `cycle_closed`, and no table of
 * the database changes. The year is brought there with everything a write could aim at still open (a campaign
 * and a review session in progress), as a year finalized before the gates existed would be.
 */

let t: TestApp;
let a: Tree;
let year: number;
let admin: ReturnType<typeof client>;
let reviewer: ReturnType<typeof client>;
/** A second administrator: a record is never reviewed by the one who entered it. */
let checker: ReturnType<typeof client>;
const ids = { cbNeed: 0, cbProject: 0, cbTask: 0, cbWish: 0, cbChair: 0, ruleDraft: 0, record: 0, agreement: 0, meeting: 0, member: 0, appeal: 0, draftSession: 0, openSession: 0, campaign: 0, draftCampaign: 0, ballot: 0 };

type Call = { method: string; path: string; body?: unknown };
/** A gate of the table, or `life`: the cycle's own steps (score, publish, finalize, appeals, rules), refused once finalized. */
type Gate = WriteKind | 'life';
/** `refusal`: an import answers with its all-or-nothing row report (400) naming the closed year. */
type RouteCase = { gate: Gate; call: () => Call; as?: 'reviewer' | 'checker'; refusal?: { status: number; code: string } };

function csvUpload(lines: string[]): FormData {
  const form = new FormData();
  form.append('file', new File([new TextEncoder().encode(lines.join('\n'))], 'x.csv'));
  return form;
}
const ruleFile = () => JSON.parse(readFileSync('rules/grid.json', 'utf8')) as unknown;

/** The write routes that belong to a year, with the gate each passes. */
const yearRoutes: Record<string, RouteCase> = {
  'POST /api/agreements': { gate: 'setup', call: () => ({ method: 'POST', path: '/api/agreements', body: { communityId: a.community.id, unitId: a.unit.id, year, content: '定档后补签' } }) },
  'POST /api/cobuilding/resources': { gate: 'cobuilding', call: () => ({ method: 'POST', path: '/api/cobuilding/resources', body: { orgId: a.unit.id, offeredToId: a.community.id, kind: 'venue', title: '定档后的资源', description: '定档后补登记', offeredOn: `${year}-12-01` } }) },
  'POST /api/cobuilding/needs': { gate: 'cobuilding', call: () => ({ method: 'POST', path: '/api/cobuilding/needs', body: { orgId: a.community.id, kind: 'service', title: '定档后的需求', description: '定档后补登记', source: 'visit', raisedOn: `${year}-12-01` } }) },
  'POST /api/cobuilding/projects': { gate: 'cobuilding', call: () => ({ method: 'POST', path: '/api/cobuilding/projects', body: { communityId: a.community.id, title: '定档后的项目', goal: '定档后补立项', plannedStart: `${year}-12-01`, plannedEnd: `${year}-12-31`, createdOn: `${year}-12-01` } }) },
  'POST /api/cobuilding/projects/{id}/claim': { gate: 'cobuilding', call: () => ({ method: 'POST', path: `/api/cobuilding/projects/${ids.cbProject}/claim`, body: { unitId: a.unit.id, on: `${year}-12-01` } }) },
  'POST /api/cobuilding/wishes': { gate: 'cobuilding', call: () => ({ method: 'POST', path: '/api/cobuilding/wishes', body: { orgId: a.community.id, wish: '定档后的心愿', residentAlias: '王奶奶', consentOn: `${year}-12-01`, raisedOn: `${year}-12-01` } }) },
  'POST /api/cobuilding/wishes/{id}/claim': { gate: 'cobuilding', call: () => ({ method: 'POST', path: `/api/cobuilding/wishes/${ids.cbWish}/claim`, body: { claimerId: a.community.id, on: `${year}-12-01` } }) },
  'POST /api/cobuilding/chairs': { gate: 'cobuilding', call: () => ({ method: 'POST', path: '/api/cobuilding/chairs', body: { communityId: a.community.id, unitId: a.unit.id, startsOn: `${year}-10-01`, endsOn: `${year}-12-31` } }) },
  'DELETE /api/cobuilding/chairs/{id}': { gate: 'cobuilding', call: () => ({ method: 'DELETE', path: `/api/cobuilding/chairs/${ids.cbChair}` }) },
  'POST /api/cobuilding/projects/{id}/tasks': { gate: 'cobuilding', call: () => ({ method: 'POST', path: `/api/cobuilding/projects/${ids.cbProject}/tasks`, body: { title: '定档后补分解任务', orgId: a.community.id, dueOn: `${year}-06-01` } }) },
  'POST /api/cobuilding/projects/{id}/tasks/{taskId}/done': { gate: 'cobuilding', call: () => ({ method: 'POST', path: `/api/cobuilding/projects/${ids.cbProject}/tasks/${ids.cbTask}/done`, body: { on: `${year}-12-01` } }) },
  'POST /api/cobuilding/projects/{id}/progress': { gate: 'cobuilding', call: () => ({ method: 'POST', path: `/api/cobuilding/projects/${ids.cbProject}/progress`, body: { text: '定档后补登记进度', on: `${year}-12-01` } }) },
  'POST /api/cobuilding/projects/{id}/close-request': { gate: 'cobuilding', call: () => ({ method: 'POST', path: `/api/cobuilding/projects/${ids.cbProject}/close-request`, body: { text: '定档后申请销号', on: `${year}-12-01` } }) },
  'POST /api/cobuilding/projects/{id}/close': { gate: 'cobuilding', call: () => ({ method: 'POST', path: `/api/cobuilding/projects/${ids.cbProject}/close`, body: { text: '定档后销号', on: `${year}-12-01` } }) },
  'POST /api/cobuilding/projects/{id}/send-back': { gate: 'cobuilding', call: () => ({ method: 'POST', path: `/api/cobuilding/projects/${ids.cbProject}/send-back`, body: { text: '定档后退回', on: `${year}-12-01` } }) },
  'POST /api/cycles/{year}/score': { gate: 'score', call: () => ({ method: 'POST', path: `/api/cycles/${year}/score`, body: {} }) },
  'POST /api/jobs/score': { gate: 'score', call: () => ({ method: 'POST', path: '/api/jobs/score', body: { year } }) },
  'POST /api/cycles/{year}/inspections': { gate: 'inspection', call: () => ({ method: 'POST', path: `/api/cycles/${year}/inspections`, body: { orgId: a.grid.id, indicator: 'ledger', points: -1, reason: '定档后补扣', inspectedOn: `${year}-12-01` } }) },
  'PUT /api/cycles/{year}/self-assessment-window': { gate: 'setup', call: () => ({ method: 'PUT', path: `/api/cycles/${year}/self-assessment-window`, body: { opens: `${year}-12-01`, closes: `${year + 1}-01-10` } }) },
  'PUT /api/cycles/{year}/assessments/{orgId}/{indicator}/self': { gate: 'selfAssessment', as: 'checker', call: () => ({ method: 'PUT', path: `/api/cycles/${year}/assessments/${a.street.id}/duty/self`, body: { points: 8 } }) },
  'PUT /api/cycles/{year}/assessments/{orgId}/{indicator}/review': { gate: 'superiorReview', call: () => ({ method: 'PUT', path: `/api/cycles/${year}/assessments/${a.grid.id}/duty/review`, body: { points: 8 } }) },
  'PUT /api/cycles/{year}/facts': { gate: 'declared', call: () => ({ method: 'PUT', path: `/api/cycles/${year}/facts`, body: { orgId: a.grid.id, key: 'public.satisfaction', value: { 居民: { 满意: 1 } } } }) },
  'POST /api/cycles/{year}/publish': { gate: 'life', call: () => ({ method: 'POST', path: `/api/cycles/${year}/publish`, body: {} }) },
  'POST /api/cycles/{year}/finalize': { gate: 'life', call: () => ({ method: 'POST', path: `/api/cycles/${year}/finalize` }) },
  'POST /api/cycles/{year}/appeals': { gate: 'life', call: () => ({ method: 'POST', path: `/api/cycles/${year}/appeals`, body: { orgId: a.grid.id, reason: '定档后再申诉' } }) },
  'POST /api/cycles/{year}/appeals/{id}/decide': { gate: 'life', call: () => ({ method: 'POST', path: `/api/cycles/${year}/appeals/${ids.appeal}/decide`, body: { decision: 'rejected', reason: '定档后才处理' } }) },
  'POST /api/cycles/{year}/records': { gate: 'record', call: () => ({ method: 'POST', path: `/api/cycles/${year}/records`, body: { orgId: a.grid.id, type: 'innovation', title: '定档后补报', reason: '补报', recordedOn: `${year}-12-01` } }) },
  'POST /api/cycles/{year}/rules/preview': { gate: 'score', call: () => ({ method: 'POST', path: `/api/cycles/${year}/rules/preview`, body: { ruleSet: ruleFile() } }) },
  'POST /api/cycles/{year}/rules/publish': { gate: 'life', call: () => ({ method: 'POST', path: `/api/cycles/${year}/rules/publish`, body: { ruleSet: ruleFile() } }) },
  'POST /api/rule-drafts/{id}/preview': { gate: 'score', call: () => ({ method: 'POST', path: `/api/rule-drafts/${ids.ruleDraft}/preview`, body: { year } }) },
  'POST /api/rule-drafts/{id}/publish': { gate: 'life', call: () => ({ method: 'POST', path: `/api/rule-drafts/${ids.ruleDraft}/publish`, body: { year } }) },
  'PUT /api/cycles/{year}/duty-reports': { gate: 'dutyReport', call: () => ({ method: 'PUT', path: `/api/cycles/${year}/duty-reports`, body: { orgId: a.community.id, text: '定档之后才提交的述职报告，正文足够二十个字以上。' } }) },
  'POST /api/reviews': { gate: 'setup', call: () => ({ method: 'POST', path: '/api/reviews', body: { year, orgId: a.street.id, title: '定档后新建的评议' } }) },
  'POST /api/reviews/{id}/subjects': { gate: 'setup', call: () => ({ method: 'POST', path: `/api/reviews/${ids.draftSession}/subjects`, body: { orgIds: [a.grid.id] } }) },
  'POST /api/reviews/{id}/raters': { gate: 'setup', call: () => ({ method: 'POST', path: `/api/reviews/${ids.openSession}/raters`, body: { group: 'public', codes: 3 } }) },
  'POST /api/reviews/{id}/transition': { gate: 'evaluationClose', call: () => ({ method: 'POST', path: `/api/reviews/${ids.openSession}/transition`, body: { to: 'closed' } }) },
  'POST /api/reviews/{id}/votes': { gate: 'vote', as: 'reviewer', call: () => ({ method: 'POST', path: `/api/reviews/${ids.openSession}/votes`, body: { votes: [{ orgId: a.community.id, answers: { overall: '好' } }] } }) },
  'POST /api/reviews/{id}/paper': { gate: 'vote', call: () => ({ method: 'POST', path: `/api/reviews/${ids.openSession}/paper`, body: csvUpload(['票号,评议群体,组织编码,总体评价', `1,群众代表,${a.community.code},好`]) }) },
  'PUT /api/agreements/{id}/twoway': { gate: 'twoway', call: () => ({ method: 'PUT', path: `/api/agreements/${ids.agreement}/twoway`, body: { direction: 'community_rates_unit', items: { attendance: 10, activities: 10, members: 10 } } }) },
  'PUT /api/agreements/{id}/feedback': { gate: 'twoway', call: () => ({ method: 'PUT', path: `/api/agreements/${ids.agreement}/feedback`, body: { members: [{ memberId: ids.member, reported: true, rating: '好' }] } }) },
  'POST /api/ledger': { gate: 'ledger', call: () => ({ method: 'POST', path: '/api/ledger', body: { orgId: a.grid.id, kind: 'theme_day', occurredOn: `${year}-12-01`, title: '定档后补录' } }) },
  'PUT /api/cycles/{year}/late-entry': { gate: 'setup', call: () => ({ method: 'PUT', path: `/api/cycles/${year}/late-entry`, body: { until: `${year + 1}-01-15` } }) },
  'PUT /api/ledger/{id}': { gate: 'ledger', call: () => ({ method: 'PUT', path: `/api/ledger/${ids.record}`, body: { kind: 'theme_day', occurredOn: `${year}-03-03`, title: '定档后修改' } }) },
  'POST /api/ledger/{id}/withdraw': { gate: 'ledger', call: () => ({ method: 'POST', path: `/api/ledger/${ids.record}/withdraw` }) },
  'POST /api/ledger/review': { gate: 'review', as: 'checker', call: () => ({ method: 'POST', path: '/api/ledger/review', body: { ids: [ids.record], action: 'verify' } }) },
  'POST /api/ledger/{id}/verify': { gate: 'review', as: 'checker', call: () => ({ method: 'POST', path: `/api/ledger/${ids.record}/verify` }) },
  'POST /api/ledger/{id}/reject': { gate: 'review', as: 'checker', call: () => ({ method: 'POST', path: `/api/ledger/${ids.record}/reject`, body: { reason: '定档后才退回' } }) },
  'POST /api/meetings': { gate: 'meeting', call: () => ({ method: 'POST', path: '/api/meetings', body: { hostOrgId: a.community.id, kind: 'joint_meeting', title: '定档后补录会议', heldOn: `${year}-12-01`, attendance: [{ orgId: a.unit.id, status: 'present' }] } }) },
  'POST /api/meetings/{id}/attendance': { gate: 'meeting', call: () => ({ method: 'POST', path: `/api/meetings/${ids.meeting}/attendance`, body: { attendance: [{ orgId: a.unit.id, status: 'absent' }] } }) },
  'POST /api/checkins': { gate: 'checkin', call: () => ({ method: 'POST', path: '/api/checkins', body: { memberId: ids.member, communityId: a.community.id, kind: 'service', occurredOn: `${year}-12-01`, hours: 2 } }) },
  'POST /api/imports/{target}': { gate: 'ledger', refusal: { status: 400, code: 'import_invalid' }, call: () => ({ method: 'POST', path: '/api/imports/ledger', body: csvUpload(['组织编码,记录类型,日期,标题', `${a.grid.code},主题党日,${year}-12-02,定档后导入`]) }) },
  'POST /api/campaigns': {
    gate: 'ballot',
    call: () => ({ method: 'POST', path: '/api/campaigns', body: { year, orgId: a.district.id, title: '定档后新建的评议', items: [{ key: 'overall', label: '总体评价' }], targets: [a.grid.id], opensOn: `${year}-01-01`, closesOn: '2999-12-31' } }),
  },
  'POST /api/campaigns/{id}/open': { gate: 'ballot', call: () => ({ method: 'POST', path: `/api/campaigns/${ids.draftCampaign}/open` }) },
  'POST /api/campaigns/{id}/close': { gate: 'evaluationClose', call: () => ({ method: 'POST', path: `/api/campaigns/${ids.campaign}/close` }) },
  'POST /api/campaigns/{id}/codes': { gate: 'ballot', call: () => ({ method: 'POST', path: `/api/campaigns/${ids.campaign}/codes`, body: { targetOrgId: a.grid.id, raterGroup: '居民', count: 3 } }) },
  'POST /api/campaigns/{id}/ballots/void': { gate: 'ballotVoid', call: () => ({ method: 'POST', path: `/api/campaigns/${ids.campaign}/ballots/void`, body: { ballotIds: [ids.ballot], reason: '定档后作废' } }) },
  'POST /api/campaigns/{id}/ballots/{ballotId}/void': { gate: 'ballotVoid', call: () => ({ method: 'POST', path: `/api/campaigns/${ids.campaign}/ballots/${ids.ballot}/void`, body: { reason: '定档后作废' } }) },
  'POST /api/campaigns/{id}/paper': { gate: 'ballot', call: () => ({ method: 'POST', path: `/api/campaigns/${ids.campaign}/paper`, body: csvUpload(['评议对象编码,评议群体,总体评价', `${a.grid.code},居民,满意`]) }) },
};

/** Write routes that write nothing belonging to a year, and why. */
const yearlessRoutes: Record<string, string> = {
  'POST /api/auth/login': 'signing in',
  'POST /api/auth/logout': 'signing out',
  'POST /api/auth/password': "one's own password",
  'POST /api/users': 'accounts',
  'POST /api/users/{id}/reset-password': 'accounts',
  'POST /api/users/{id}/disable': 'accounts',
  'POST /api/users/{id}/enable': 'accounts',
  'POST /api/users/{id}/revoke-sessions': 'accounts',
  'POST /api/users/notices.pdf': 'accounts (prints, writes nothing)',
  'POST /api/tokens': 'API tokens (accounts)',
  'POST /api/tokens/{id}/revoke': 'API tokens (accounts)',
  'POST /api/orgs': 'the organization tree (a year reads it through active dates and its final revision)',
  'PATCH /api/orgs/{id}': 'the organization tree',
  'POST /api/orgs/{id}/move': 'the organization tree',
  'POST /api/orgs/{id}/close': 'the organization tree (a year reads it through active dates)',
  'POST /api/members': 'the member roster, like the organization tree (a year reads it when scored; its revision keeps what it read)',
  'PATCH /api/members/{id}': 'the member roster (check-ins and feedback of a year name the member, not its fields)',
  'POST /api/imports/{target}/annotated': 'writes nothing (the import checked in a rolled-back transaction)',
  'POST /api/cycles': 'creates a new year',
  'POST /api/cycles/{year}/transition': 'the state machine itself: draft → collecting → reviewing only (tested below)',
  'POST /api/cycles/{year}/corrections': 'the one change a finalized year allows (cycle-life.test.ts)',
  'POST /api/jobs/books': 'prints a year from its results revision (a read; the job names the revision)',
  'POST /api/jobs/{id}/retry': 'the job port (a read of results)',
  'POST /api/jobs/{id}/cancel': 'the job port (a read of results)',
  'POST /api/files': 'a file of an organization, not of a year (a record attaching it passes its own gate)',
  'POST /api/rule-drafts': 'a rule-set draft (of no year; publishing it into one passes the gate)',
  'PUT /api/rule-drafts/{id}': 'a rule-set draft (of no year)',
  'DELETE /api/rule-drafts/{id}': 'a rule-set draft (of no year; a published version stays)',
  'POST /api/rule-drafts/validate': 'writes nothing (checks a text)',
  'POST /api/rule-drafts/refresh-examples': 'writes nothing (returns a text)',
  'POST /api/cobuilding/needs/{id}/drop': 'a need\'s state, not a dated event (it still counts as raised on its date)',
  'POST /api/cobuilding/wishes/{id}/confirm-code': 'a code for the resident of a wish already fulfilled (its date passed the gate); confirming it is the resident\'s',
  'POST /api/cobuilding/wishes/{id}/delete-contact': 'personal data deleted on the resident\'s request, in any year',
  'POST /api/cobuilding/wishes/{id}/fulfil': 'gated like claim; needs a claimed wish, which a finalized year cannot get (cobuilding-wishes.test.ts)',
  'POST /api/catalog/categories': 'the catalog of categories (append-only: pins and results keep their codes)',
  'PATCH /api/catalog/categories/{code}': 'the catalog (a category\'s name; results are kept by code)',
  'PUT /api/catalog/twoway-forms/{direction}': 'the catalog (a new version of a two-way form; years already evaluated keep theirs)',
  'POST /api/catalog/categories/{code}/retire': 'the catalog (no organization takes the category any more; results stay)',
  'POST /api/catalog/kinds': 'the catalog of ledger kinds (append-only: a pinned rule set keeps its kinds)',
  'PATCH /api/catalog/kinds/{code}': 'the catalog (labels and measure; scores count by code)',
  'POST /api/catalog/kinds/{code}/retire': 'the catalog (no new records of the kind; old ones still count)',
};

/** CLI commands: year-bound ones with their arguments (file arguments name files written by the test). */
const yearCommands: Record<string, { gate: Gate; argv: (dir: string) => string[] }> = {
  'score': { gate: 'score', argv: () => ['score', '--cycle', String(year)] },
  'cycle transition': { gate: 'life', argv: () => ['cycle', 'transition', String(year), 'reviewing'] },
  'cycle publish': { gate: 'life', argv: () => ['cycle', 'publish', String(year)] },
  'cycle finalize': { gate: 'life', argv: () => ['cycle', 'finalize', String(year)] },
  'rules preview': { gate: 'score', argv: (dir) => ['rules', 'preview', join(dir, 'grid.json'), '--cycle', String(year)] },
  'rules publish': { gate: 'life', argv: (dir) => ['rules', 'publish', join(dir, 'grid.json'), '--cycle', String(year)] },
  'review open': { gate: 'vote', argv: () => ['review', 'open', String(ids.draftSession)] },
  'review close': { gate: 'evaluationClose', argv: () => ['review', 'close', String(ids.openSession)] },
  'review codes': { gate: 'setup', argv: () => ['review', 'codes', String(ids.openSession), '--group', 'public', '--count', '2'] },
  'review import': { gate: 'vote', argv: (dir) => ['review', 'import', String(ids.openSession), join(dir, 'review.csv')] },
  'campaign create': {
    gate: 'ballot',
    argv: () => ['campaign', 'create', '--cycle', String(year), '--org', String(a.district.id), '--title', '定档后', '--items', 'overall:总体评价', '--targets', String(a.grid.id), '--opens', `${year}-01-01`, '--closes', '2999-12-31'],
  },
  'campaign open': { gate: 'ballot', argv: () => ['campaign', 'open', String(ids.draftCampaign)] },
  'campaign close': { gate: 'evaluationClose', argv: () => ['campaign', 'close', String(ids.campaign)] },
  'campaign codes': { gate: 'ballot', argv: (dir) => ['campaign', 'codes', String(ids.campaign), '--org', String(a.grid.id), '--count', '2', '--out', join(dir, 'codes.json')] },
  'campaign void': { gate: 'ballotVoid', argv: () => ['campaign', 'void', String(ids.campaign), String(ids.ballot), '--reason', '定档后作废'] },
  'campaign import': { gate: 'ballot', argv: (dir) => ['campaign', 'import', String(ids.campaign), join(dir, 'ballots.csv')] },
  'assess window': { gate: 'setup', argv: () => ['assess', 'window', String(year), '--opens', `${year}-12-01`, '--closes', `${year + 1}-01-10`] },
  'assess self': { gate: 'selfAssessment', argv: () => ['assess', 'self', String(year), String(a.grid.id), 'duty', '8'] },
  'assess review': { gate: 'superiorReview', argv: () => ['assess', 'review', String(year), String(a.grid.id), 'duty', '8'] },
  'import ledger': { gate: 'ledger', argv: (dir) => ['import', 'ledger', join(dir, 'ledger.csv')] },
};
const yearlessCommands: Record<string, string> = {
  'migrate': 'the schema', 'token create': 'accounts', 'token list': 'reads', 'token revoke': 'accounts',
  'cycle list': 'reads', 'cycle create': 'creates a new year', 'review list': 'reads', 'review results': 'reads',
  'twoway list': 'reads', 'export': 'reads (writes a file)', 'print': 'prints the stored results (records the printed document)',
  'rules validate': 'no database', 'rules test': 'no database', 'seed-demo': 'the demo district, on an empty database or with --reset',
  'campaign list': 'reads', 'campaign flags': 'reads', 'campaign results': 'reads',
  'user create': 'accounts', 'user list': 'reads', 'user disable': 'accounts', 'user enable': 'accounts', 'user reset-password': 'accounts', 'user import': 'accounts',
  'import orgs': 'the organization tree', 'import template': 'writes a file',
  'kind list': 'reads', 'kind create': 'the catalog of ledger kinds', 'kind update': 'the catalog', 'kind retire': 'the catalog (old records still count)',
  'rules catalog': 'reads (writes rules/catalog.json)',
  'rules import': 'rule-set drafts (of no year)', 'rules export': 'reads (writes rule files)',
  'assess list': 'reads', 'assess show': 'reads',
  'backup': 'reads (writes a file)', 'restore': 'the whole database, from a backup file (refuses a target with data unless --force)',
  'archive': 'a finalized year only: reads it, prints its documents again (as print does), records the archive',
  'worker': 'works queued jobs (books, scoring), each through its own gated verb',
};

/** A fingerprint of every table (bar the caller's own bookkeeping): any write anywhere changes it. */
async function databaseState(): Promise<Record<string, string>> {
  const skip = new Set(['api_tokens', 'user_sessions', 'rate_limits', 'sign_in_attempts', 'kysely_migration', 'kysely_migration_lock']);
  const { rows } = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(t.db);
  const out: Record<string, string> = {};
  for (const { table_name: name } of rows) {
    if (skip.has(name)) continue;
    const r = await sql<{ h: string | null }>`select md5(string_agg(x::text, '|' order by x::text)) as h from ${sql.table(name)} x`.execute(t.db);
    out[name] = r.rows[0]!.h ?? '';
  }
  return out;
}

async function setState(state: CycleState) {
  await t.db.updateTable('cycles').set({ state, published_on: `${year + 1}-01-05`, appeal_deadline: '2999-01-01' }).where('year', '=', year).execute();
}

beforeAll(async () => {
  t = await setupTestApp({ isolated: true });
  a = await createTree(t.db, '定档');
  year = await createCycle(t.db, 'collecting');
  admin = client(t.app, await createToken(t.db, 'admin', a.district.id));
  const reviewerToken = await createToken(t.db, 'reviewer', a.district.id);
  reviewer = client(t.app, reviewerToken);
  const reviewerUser = await t.db.selectFrom('api_tokens').select('user_id').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
  checker = client(t.app, await createToken(t.db, 'admin', a.street.id));
  const member = await createMember(t.db, { org_id: a.unit.id, in_service: true, residence_community_id: a.community.id, name: '定档党员' });
  ids.member = member.id;
  const ok = (res: { status: number; body: any }) => {
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    return res.body;
  };
  ids.record = ok(await admin.post('/api/ledger', { orgId: a.grid.id, kind: 'theme_day', occurredOn: `${year}-03-03`, title: '定档前的记录' })).id;
  ids.agreement = ok(await admin.post('/api/agreements', { communityId: a.community.id, unitId: a.unit.id, year, content: '定档前的共建' })).id;
  ids.meeting = ok(await admin.post('/api/meetings', { hostOrgId: a.community.id, kind: 'joint_meeting', title: '定档前的联席会议', heldOn: `${year}-03-10`, attendance: [{ orgId: a.unit.id, status: 'present' }] })).id;
  ok(await admin.call('PUT', `/api/cycles/${year}/duty-reports`, { orgId: a.community.id, text: '定档之前提交的述职报告，正文足够二十个字以上。' }));
  ids.cbNeed = ok(await admin.post('/api/cobuilding/needs', { orgId: a.community.id, kind: 'service', title: '定档前的需求', description: '定档前登记', source: 'visit', raisedOn: `${year}-03-01` })).id;
  ids.cbWish = ok(await admin.post('/api/cobuilding/wishes', { orgId: a.community.id, wish: '定档前的心愿', residentAlias: '李爷爷', consentOn: `${year}-03-01`, raisedOn: `${year}-03-01` })).id;
  ids.cbChair = ok(await admin.post('/api/cobuilding/chairs', { communityId: a.community.id, unitId: a.unit.id, startsOn: `${year}-01-01`, endsOn: `${year}-03-31` })).id;
  ids.cbProject = ok(await admin.post('/api/cobuilding/projects', { communityId: a.community.id, title: '定档前的项目', goal: '定档前立项', plannedStart: `${year}-03-01`, plannedEnd: `${year}-06-30`, createdOn: `${year}-03-01`, needIds: [ids.cbNeed] })).id;
  ids.cbTask = ok(await admin.post(`/api/cobuilding/projects/${ids.cbProject}/tasks`, { title: '定档前的任务', orgId: a.community.id, dueOn: `${year}-05-01`, milestone: true })).tasks[0].id;
  ids.ruleDraft = ok(await admin.post('/api/rule-drafts', { source: readFileSync('rules/grid.json', 'utf8') })).id;
  ids.draftSession = ok(await admin.post('/api/reviews', { year, orgId: a.street.id, title: '草稿中的评议' })).id;
  ok(await admin.post(`/api/reviews/${ids.draftSession}/subjects`, { orgIds: [a.grid2.id] }));
  ok(await admin.post(`/api/reviews/${ids.draftSession}/raters`, { group: 'public', codes: 1 }));
  ids.openSession = ok(await admin.post('/api/reviews', { year, orgId: a.street.id, title: '进行中的评议' })).id;
  ok(await admin.post(`/api/reviews/${ids.openSession}/subjects`, { orgIds: [a.community.id] }));
  ok(await admin.post(`/api/reviews/${ids.openSession}/raters`, { group: 'public', userIds: [reviewerUser.user_id] }));
  ids.campaign = ok(await admin.post('/api/campaigns', { year, orgId: a.district.id, title: '进行中的群众评议', items: [{ key: 'overall', label: '总体评价' }], targets: [a.grid.id], opensOn: `${year}-01-01`, closesOn: '2999-12-31' })).id;
  ids.draftCampaign = ok(await admin.post('/api/campaigns', { year, orgId: a.district.id, title: '草稿中的群众评议', items: [{ key: 'overall', label: '总体评价' }], targets: [a.grid2.id], opensOn: `${year}-01-01`, closesOn: '2999-12-31' })).id;
  // Scored while nothing is open; the campaign and the session are opened afterwards, as before the gates.
  await setState('reviewing');
  const scored = await scoreCycle({ ctx: cliCtx(t.db), year, ruleSets: await testRuleSets() });
  await setState('reviewing');
  ok(await admin.post(`/api/campaigns/${ids.campaign}/open`));
  ok(await admin.post(`/api/reviews/${ids.openSession}/transition`, { to: 'open' }));
  const issued = ok(await admin.post(`/api/campaigns/${ids.campaign}/codes`, { targetOrgId: a.grid.id, raterGroup: '居民', count: 2 }));
  expect((await t.app.request(`/b/${issued.codes[0].code}`, { method: 'POST', body: new URLSearchParams({ item_overall: '满意' }) })).status).toBe(201);
  await movePendingBallots(t.db, ids.campaign);
  ids.ballot = (await t.db.selectFrom('ballots').select('id').where('campaign_id', '=', ids.campaign).executeTakeFirstOrThrow()).id;
  ids.appeal = (await t.db.insertInto('appeals').values({ cycle_year: year, org_id: a.grid.id, revision_id: scored.revisionId, reason: '定档前的申诉', evidence: '[]', created_by: 'test' }).returning('id').executeTakeFirstOrThrow()).id;
  await t.db.updateTable('cycles').set({ final_revision_id: scored.revisionId }).where('year', '=', year).execute();
}, 120_000);

async function tryRoute(route: string, rc: RouteCase) {
  const c = rc.call();
  const res = await (rc.as === 'reviewer' ? reviewer : rc.as === 'checker' ? checker : admin).call(c.method, c.path, c.body);
  const expected = rc.refusal ?? { status: 409, code: 'cycle_closed' };
  return { route, refusedAsExpected: res.status === expected.status && res.body?.error?.code === expected.code, status: res.status, code: res.body?.error?.code as string | undefined, message: res.body?.error?.message as string | undefined };
}

describe('every write into a year passes the gate table', () => {
  it('lists every write route of /openapi.json and every CLI command', async () => {
    const doc = (await (await t.app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const writes = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).filter((m) => m !== 'get').map((m) => `${m.toUpperCase()} ${p}`));
    expect(writes.length).toBeGreaterThan(40);
    expect(writes.sort()).toEqual([...Object.keys(yearRoutes), ...Object.keys(yearlessRoutes)].sort());
    const names: string[] = [];
    const walk = (c: { commands: readonly any[] }, pre: string[]) => {
      for (const s of c.commands) (s.commands.length > 0 ? walk(s, [...pre, s.name()]) : names.push([...pre, s.name()].join(' ')));
    };
    walk(buildProgram((() => { throw new Error('not run'); }) as never, { out() {}, err() {}, progress() {} }, '.'), []);
    expect(names.sort()).toEqual([...Object.keys(yearCommands), ...Object.keys(yearlessCommands)].sort());
  });

  it('refuses in a published year the writes the table closes there, and writes nothing', async () => {
    await setState('published');
    const before = await databaseState();
    const closed = Object.entries(yearRoutes).filter(([, rc]) => rc.gate !== 'life' && !(writableIn[rc.gate] as readonly CycleState[]).includes('published'));
    expect(closed.length).toBeGreaterThan(15);
    const results = [];
    for (const [route, rc] of closed) results.push(await tryRoute(route, rc));
    expect(results.filter((r) => !r.refusedAsExpected)).toEqual([]);
    for (const r of results) expect(r.message, r.route).toContain('「公示中」');
    expect(await databaseState()).toEqual(before);
  }, 120_000);

  it('refuses every year-bound write route in a finalized year, and writes nothing', async () => {
    await setState('finalized');
    const before = await databaseState();
    const results = [];
    for (const [route, rc] of Object.entries(yearRoutes)) results.push(await tryRoute(route, rc));
    expect(results.filter((r) => !r.refusedAsExpected)).toEqual([]);
    for (const r of results) expect(r.message, r.route).toMatch(/已定档/);
    expect(results.length).toBe(Object.keys(yearRoutes).length);
    expect(await databaseState()).toEqual(before);
  }, 120_000);

  it('refuses every year-bound CLI command in a finalized year, and writes nothing', async () => {
    await setState('finalized');
    const dir = mkdtempSync(join(tmpdir(), 'xp-gates-'));
    writeFileSync(join(dir, 'grid.json'), JSON.stringify(ruleFile()));
    writeFileSync(join(dir, 'review.csv'), `票号,评议群体,组织编码,总体评价\n1,群众代表,${a.community.code},好\n`);
    writeFileSync(join(dir, 'ballots.csv'), `评议对象编码,评议群体,总体评价\n${a.grid.code},居民,满意\n`);
    writeFileSync(join(dir, 'ledger.csv'), `组织编码,记录类型,日期,标题\n${a.grid.code},主题党日,${year}-12-02,定档后导入\n`);
    const before = await databaseState();
    const failures: string[] = [];
    try {
      for (const [name, c] of Object.entries(yearCommands)) {
        const out: string[] = [];
        const io: CliIo = { out: (s) => out.push(s), err: (s) => out.push(s), progress: () => {} };
        const code = await runCommand(c.argv(dir), (fn) => fn({ ctx: cliCtx(t.db), deps: t.deps }), io, dir);
        const text = out.join('\n');
        if (code !== 1 || !/已定档/.test(text)) failures.push(`${name}: exit ${code}: ${text}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(failures).toEqual([]);
    expect(await databaseState()).toEqual(before);
  }, 120_000);
});

describe('scoring waits for the year\'s open campaigns and reviews', () => {
  it('refuses to score while a campaign or a review session is open, naming each, and scores once both are closed', async () => {
    const y = await createCycle(t.db, 'reviewing');
    const campaign = await admin.post('/api/campaigns', { year: y, orgId: a.district.id, title: '年底的群众评议', items: [{ key: 'overall', label: '总体评价' }], targets: [a.grid.id], opensOn: `${y}-01-01`, closesOn: '2999-12-31' });
    expect((await admin.post(`/api/campaigns/${campaign.body.id}/open`)).status).toBe(200);
    const session = await admin.post('/api/reviews', { year: y, orgId: a.street.id, title: '年底的述职评议' });
    await admin.post(`/api/reviews/${session.body.id}/subjects`, { orgIds: [a.community.id] });
    await admin.post(`/api/reviews/${session.body.id}/raters`, { group: 'public', codes: 1 });
    expect((await admin.post(`/api/reviews/${session.body.id}/transition`, { to: 'open' })).status).toBe(200);
    const refused = await admin.post(`/api/cycles/${y}/score`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(`${y} 年度还有进行中的评议：群众评议「年底的群众评议」（编号 ${campaign.body.id}）、述职评议「年底的述职评议」（编号 ${session.body.id}）。请先结束这些评议，再计分`);
    expect((await admin.post(`/api/campaigns/${campaign.body.id}/close`)).status).toBe(200);
    expect((await admin.post(`/api/cycles/${y}/score`, {})).status).toBe(409); // the session is still open
    expect((await admin.post(`/api/reviews/${session.body.id}/transition`, { to: 'closed' })).status).toBe(200);
    const scored = await admin.post(`/api/cycles/${y}/score`, {});
    expect(scored.status).toBe(200);
    expect(scored.body.state).toBe('computed');
  }, 120_000);
});

