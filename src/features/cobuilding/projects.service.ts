import { inScope, readers, requireRole, rootOf } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import { coBuildingUnitKinds, orgKindLabel } from '../../domain/catalog';
import { AppError, invalidField, notFound } from '../../errors/app-error';
import { todayInChina } from '../../lib/clock';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import type { FileMime } from '../../db/database';
import { findFiles } from '../files/files.repository';
import { cobuildingEvidence } from './evidence';
import { orgForWrite } from '../orgs/org-access';
import { findOrgById } from '../orgs/orgs.repository';
import { eventDate } from './event-date';
import { mayPlanTasks, taskView } from './tasks-view';
import {
  agreedCommunities,
  agreementExists,
  findNeedRow,
  findProjectRow,
  findResourceRow,
  insertLinks,
  insertProgressRow,
  insertProjectRow,
  listProjectRows,
  progressRows,
  partnerPaths,
  projectLinkRows,
  taskRows,
  setNeedState,
  updateProjectRow,
  type ProjectRow,
} from './lists.repository';
import { ClaimProjectInput, CreateProjectInput, ListQuery, ProjectEntryInput, type Project } from './lists.schemas';
import { assertNeedMove, assertProjectMove, isOverdue, projectMoves, projectStateLabel, type ProjectMove } from './moves';

const entryKindLabel = { progress: '进度', close_proposed: '申请销号', sent_back: '退回', closed: '销号' } as const;

/** Who is looking: the caller's own organization, when it is a unit that may claim, with its agreements' communities. */
type Viewer = { claimant: number | null; communities: ReadonlySet<number> };

async function viewerOf(ctx: Ctx): Promise<Viewer> {
  const own = ctx.actor.orgId === null ? undefined : await findOrgById(ctx.db, ctx.actor.orgId);
  if (!own || !coBuildingUnitKinds.includes(own.kind)) return { claimant: null, communities: new Set() };
  return { claimant: own.id, communities: await agreedCommunities(ctx.db, own.id) };
}

/** The moves the caller may make on the project now (its state and the caller's side), for the page's buttons. */
function actionsFor(ctx: Ctx, r: ProjectRow, viewer: Viewer): ProjectMove[] {
  const responsible = r.responsible_path !== null && inScope(ctx.actor, r.responsible_path);
  const community = inScope(ctx.actor, r.community_path);
  const may: Record<ProjectMove, boolean> = {
    claim: viewer.claimant !== null && viewer.communities.has(r.community_id),
    progress: responsible || community,
    proposeClose: responsible,
    approveClose: community,
    sendBack: community,
  };
  return (Object.keys(projectMoves) as ProjectMove[]).filter((m) => may[m] && (projectMoves[m].from as readonly string[]).includes(r.state));
}

export async function toProject(ctx: Ctx, r: ProjectRow, viewer?: Viewer): Promise<Project> {
  const [links, progress, tasks, who] = await Promise.all([projectLinkRows(ctx.db, r.id), progressRows(ctx.db, r.id), taskRows(ctx.db, r.id), viewer ?? viewerOf(ctx)]);
  const files = new Map((await findFiles(ctx.db, progress.flatMap((g) => g.file_ids))).map((f) => [f.id, f]));
  const evidence = (ids: readonly number[]) => ids.flatMap((id) => { const f = files.get(id); return f ? [{ name: f.name, fileId: f.id, mime: f.mime as FileMime, size: f.size }] : []; });
  return {
    id: r.id,
    community: { id: r.community_id, name: r.community_name },
    responsible: r.responsible_id === null ? null : { id: r.responsible_id, name: r.responsible_name! },
    title: r.title,
    goal: r.goal,
    plannedStart: r.planned_start,
    plannedEnd: r.planned_end,
    state: r.state,
    stateLabel: projectStateLabel[r.state],
    overdue: isOverdue(r, todayInChina(ctx.clock)),
    createdOn: r.created_on,
    claimedOn: r.claimed_on,
    closeProposedOn: r.close_proposed_on,
    closedOn: r.closed_on,
    sentBack: r.sent_back,
    needs: links.filter((l) => l.need_id !== null).map((l) => ({ id: l.need_id!, title: l.need_title! })),
    resources: links.filter((l) => l.resource_id !== null).map((l) => ({ id: l.resource_id!, title: l.resource_title! })),
    partners: links.filter((l) => l.partner_id !== null).map((l) => ({ id: l.partner_id!, name: l.partner_name! })),
    progress: progress.map((g) => ({ id: g.id, kind: g.kind, kindLabel: entryKindLabel[g.kind], on: g.entry_on, text: g.text, fileIds: g.file_ids, evidence: evidence(g.file_ids), orgName: g.org_name })),
    tasks: taskView(ctx, r, tasks, todayInChina(ctx.clock)),
    mayPlan: mayPlanTasks(ctx, r),
    actions: actionsFor(ctx, r, who),
  };
}

/** The needs and resources a new project matches: the community's own (or its grids'), still open or on offer. */
async function checkLinks(ctx: Ctx, community: { id: number; path: string; name: string }, data: { needIds: number[]; resourceIds: number[]; partnerIds: number[] }) {
  for (const [i, id] of data.needIds.entries()) {
    const need = await findNeedRow(ctx.db, id, true);
    if (!need || need.community_id !== community.id) throw invalidField(`needIds.${i}`, `需求 ${id} 不是「${community.name}」的需求`);
    assertNeedMove('match', need.state, need.title);
  }
  for (const [i, id] of data.resourceIds.entries()) {
    const r = await findResourceRow(ctx.db, id);
    if (!r || (r.offered_to_id !== community.id && !community.path.startsWith(r.offered_to_path))) throw invalidField(`resourceIds.${i}`, `资源 ${id} 没有面向「${community.name}」`);
    if (r.withdrawn_on !== null) throw invalidField(`resourceIds.${i}`, `资源「${r.title}」已于 ${r.withdrawn_on} 撤回`);
  }
  for (const [i, id] of data.partnerIds.entries()) {
    const o = await findOrgById(ctx.db, id);
    if (!o || rootOf(o.path) !== rootOf(community.path)) throw invalidField(`partnerIds.${i}`, `协作单位 ${id} 不存在`);
  }
}

/** A community of the caller's subtree lists a project matching its needs and the resources offered to it. */
export async function createProject({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<Project> {
  requireRole(ctx, ['admin', 'org_user']);
  const parsed = CreateProjectInput.parse(input);
  const data = { ...parsed, needIds: [...new Set(parsed.needIds)], resourceIds: [...new Set(parsed.resourceIds)], partnerIds: [...new Set(parsed.partnerIds)] };
  return withTransaction(ctx, async (tx) => {
    const community = await orgForWrite(tx, data.communityId, 'communityId');
    if (community.kind !== 'community') throw invalidField('communityId', `项目由社区党组织立项，「${community.name}」是${orgKindLabel[community.kind]}`);
    if (data.plannedEnd < data.plannedStart) throw invalidField('plannedEnd', `计划完成日期 ${data.plannedEnd} 早于开始日期 ${data.plannedStart}`);
    const createdOn = await eventDate(tx, data.createdOn, 'createdOn');
    await checkLinks(tx, community, data);
    const id = await insertProjectRow(tx.db, { community_id: community.id, title: data.title, goal: data.goal, planned_start: data.plannedStart, planned_end: data.plannedEnd, created_on: createdOn, created_by: ctx.actor.id });
    await insertLinks(tx.db, id, data);
    await setNeedState(tx.db, data.needIds, 'in_project', null);
    await auditNeeds(tx, data.needIds, 'match', { state: 'open' }, { state: 'in_project', projectId: id });
    const project = await toProject(tx, (await findProjectRow(tx.db, id))!);
    await recordAudit(tx, { action: 'cobuilding.project.create', entity: 'cb_project', entityId: id, orgId: community.id, after: auditView(project) });
    return project;
  });
}

/**
 * A project the caller may see: of its communities, claimed by its units, with its units as cooperating units (协作单位,
 * who mark their own tasks done), or open to its units by agreement.
 */
export async function visibleProject(ctx: Ctx, id: number, lock?: boolean): Promise<ProjectRow> {
  const row = await findProjectRow(ctx.db, id, lock);
  if (row && (inScope(ctx.actor, row.community_path) || (row.responsible_path && inScope(ctx.actor, row.responsible_path)))) return row;
  if (row && (await partnerPaths(ctx.db, id)).some((path) => inScope(ctx.actor, path))) return row;
  if (row && (await listProjectRows(ctx.db, { prefix: ctx.actor.orgPath, orgId: row.community_id, limit: 1000, offset: 0 })).rows.some((p) => p.id === id)) return row;
  throw notFound('项目', 'id');
}

export async function getProject({ ctx, id }: { ctx: Ctx; id: number }): Promise<Project> {
  requireRole(ctx, readers);
  return toProject(ctx, await visibleProject(ctx, id));
}

export async function listProjects({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ items: Project[]; total: number }> {
  requireRole(ctx, readers);
  const q = ListQuery.parse(input);
  const { rows, total } = await listProjectRows(ctx.db, { prefix: ctx.actor.orgPath, orgId: q.orgId, state: q.state, closedIn: q.closedIn, today: todayInChina(ctx.clock), limit: q.limit, offset: q.offset });
  const viewer = await viewerOf(ctx);
  return { items: await Promise.all(rows.map((r) => toProject(ctx, r, viewer))), total };
}

/** 认领: a unit of the caller's subtree with an agreement with the project's community becomes responsible for it. */
export async function claimProject({ ctx, id, input }: { ctx: Ctx; id: number; input: unknown }): Promise<Project> {
  requireRole(ctx, ['admin', 'org_user']);
  const data = ClaimProjectInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const unit = await orgForWrite(tx, data.unitId, 'unitId');
    if (!coBuildingUnitKinds.includes(unit.kind)) throw invalidField('unitId', `项目由驻区单位、非公企业或社会组织认领，「${unit.name}」是${orgKindLabel[unit.kind]}`);
    const before = await findProjectRow(tx.db, id, true);
    // A unit sees and claims only what its agreements offer it: anything else is answered as missing.
    if (!before || !(await agreementExists(tx.db, before.community_id, unit.id))) throw notFound('项目', 'id');
    const on = await eventDate(tx, data.on, 'on');
    assertProjectMove('claim', before.state, before.title);
    if (on < before.created_on) throw invalidField('on', `认领日期不能早于立项日期 ${before.created_on}`);
    await updateProjectRow(tx.db, id, { state: 'claimed', responsible_id: unit.id, claimed_on: on });
    return audited(tx, id, 'claim', before, unit.id);
  });
}

/** A project as the audit keeps it: without its ledger (audited entry by entry) or the caller's buttons. */
export const auditView = ({ progress: _p, actions: _a, tasks: _t, mayPlan: _m, ...rest }: Project) => rest;

/** The move's audit row: the project before and after, and the ledger entry the move wrote (its text, date and files). */
async function audited(ctx: Ctx, id: number, move: ProjectMove, before: ProjectRow, orgId: number, entry?: object): Promise<Project> {
  const project = await toProject(ctx, (await findProjectRow(ctx.db, id))!);
  const after = entry ? { ...auditView(project), entry } : auditView(project);
  await recordAudit(ctx, { action: `cobuilding.project.${move}`, entity: 'cb_project', entityId: id, orgId, before: auditView(await toProject(ctx, before)), after });
  return project;
}

/**
 * A dated entry of the project's ledger, by the side the move belongs to: progress by either side, 申请销号 by the
 * responsible unit, 同意销号 and 退回 by the community. Files must belong to the writing side's organization.
 */
export async function projectEntry({ ctx, id, move, input }: { ctx: Ctx; id: number; move: Exclude<ProjectMove, 'claim'>; input: unknown }): Promise<Project> {
  requireRole(ctx, ['admin', 'org_user']);
  const data = ProjectEntryInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const before = await visibleProject(tx, id, true);
    const on = await eventDate(tx, data.on, 'on');
    const side = writingSide(ctx, before, move);
    assertProjectMove(move, before.state, before.title);
    if (before.claimed_on !== null && on < before.claimed_on) throw invalidField('on', `日期不能早于认领日期 ${before.claimed_on}`);
    if ((move === 'approveClose' || move === 'sendBack') && before.close_proposed_on !== null && on < before.close_proposed_on) {
      throw invalidField('on', `日期不能早于申请销号的日期 ${before.close_proposed_on}`);
    }
    for (const [i, f] of data.fileIds.entries()) await cobuildingEvidence(tx, side, f, `fileIds.${i}`);
    const kind = ({ progress: 'progress', proposeClose: 'close_proposed', sendBack: 'sent_back', approveClose: 'closed' } as const)[move];
    const entryId = await insertProgressRow(tx.db, { project_id: id, kind, entry_on: on, text: data.text, file_ids: data.fileIds, org_id: side, created_by: ctx.actor.id });
    if (move === 'proposeClose') await updateProjectRow(tx.db, id, { state: 'closing', close_proposed_on: on });
    if (move === 'sendBack') await updateProjectRow(tx.db, id, { state: 'claimed', close_proposed_on: null, sent_back_more: true });
    if (move === 'approveClose') await closeProject(tx, id, on);
    return audited(tx, id, move, before, side, { id: entryId, kind, on, text: data.text, fileIds: data.fileIds, orgId: side });
  });
}

/** 同意销号: the project closes on that date and the needs it matched are met. */
async function closeProject(ctx: Ctx, id: number, on: string): Promise<void> {
  await updateProjectRow(ctx.db, id, { state: 'closed', closed_on: on });
  const needs = (await projectLinkRows(ctx.db, id)).flatMap((l) => (l.need_id === null ? [] : [l.need_id]));
  await setNeedState(ctx.db, needs, 'met', on);
  await auditNeeds(ctx, needs, 'meet', { state: 'in_project' }, { state: 'met', metOn: on, projectId: id });
}

/** One audit row per need whose state a project changed (it joined the project, or was met when it closed). */
async function auditNeeds(ctx: Ctx, needIds: readonly number[], change: 'match' | 'meet', before: object, after: object): Promise<void> {
  for (const needId of needIds) {
    const need = (await findNeedRow(ctx.db, needId))!;
    await recordAudit(ctx, { action: `cobuilding.need.${change}`, entity: 'cb_need', entityId: needId, orgId: need.org_id, before, after });
  }
}

/** The organization a move is written for; 403 when the caller is not on the side the move belongs to. */
function writingSide(ctx: Ctx, p: ProjectRow, move: Exclude<ProjectMove, 'claim'>): number {
  const responsible = p.responsible_id !== null && p.responsible_path !== null && inScope(ctx.actor, p.responsible_path);
  const community = inScope(ctx.actor, p.community_path);
  if (move === 'proposeClose' && responsible) return p.responsible_id!;
  if ((move === 'approveClose' || move === 'sendBack') && community) return p.community_id;
  if (move === 'progress' && (responsible || community)) return responsible ? p.responsible_id! : p.community_id;
  const who = move === 'proposeClose' ? `责任单位「${p.responsible_name ?? '（未认领）'}」` : `项目所在社区「${p.community_name}」`;
  throw new AppError('forbidden', `只有${who}可以${move === 'proposeClose' ? '申请销号' : move === 'progress' ? '登记进度' : '审核销号'}`, { field: 'id' });
}
