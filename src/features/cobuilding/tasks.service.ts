import { requireRole } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import { AppError, invalidField, notFound } from '../../errors/app-error';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { openCycleFor } from '../cycles/cycle-gates';
import { eventDate } from './event-date';
import { finishTaskRow, insertTaskRow, projectLinkRows, taskRows, type ProjectRow } from './lists.repository';
import { CreateTaskInput, FinishTaskInput, type Project } from './lists.schemas';
import { assertTaskMove } from './moves';
import { toProject, visibleProject } from './projects.service';
import { sidesOf } from './tasks-view';

/** The organizations a task may fall to: the project's community, its responsible unit and its cooperating units. */
async function projectOrgs(ctx: Ctx, p: ProjectRow): Promise<Map<number, string>> {
  const partners = (await projectLinkRows(ctx.db, p.id)).flatMap((l) => (l.partner_id === null ? [] : [[l.partner_id, l.partner_name!] as const]));
  return new Map([[p.community_id, p.community_name], ...(p.responsible_id === null ? [] : [[p.responsible_id, p.responsible_name!] as const]), ...partners]);
}

/**
 * 责任分解: either side of a project adds a task (who does what by when, possibly a node of the project) while it is
 * not closed. The organization must be one of the project's; the date within the project's planned time. Audited.
 */
export async function planTask({ ctx, id, input }: { ctx: Ctx; id: number; input: unknown }): Promise<Project> {
  requireRole(ctx, ['admin', 'org_user']);
  const data = CreateTaskInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const p = await visibleProject(tx, id, true);
    const side = sidesOf(tx, p);
    if (!side.community && !side.responsible) throw new AppError('forbidden', `只有项目所在社区「${p.community_name}」或责任单位可以分解任务`, { field: 'id' });
    // A task belongs to the cycle of its due date: a finalized year takes no new task.
    await openCycleFor(tx, Number(data.dueOn.slice(0, 4)), 'cobuilding', 'dueOn');
    assertTaskMove('plan', p.state, p.title);
    const orgs = await projectOrgs(tx, p);
    if (!orgs.has(data.orgId)) throw invalidField('orgId', `责任单位须为本项目的所在社区、责任单位或协作单位：${[...orgs.values()].join('、')}`);
    if (data.dueOn < p.planned_start || data.dueOn > p.planned_end) throw invalidField('dueOn', `完成时限应在项目计划时间 ${p.planned_start} 至 ${p.planned_end} 之内`);
    const row = { project_id: id, title: data.title, org_id: data.orgId, person: data.person ?? null, due_on: data.dueOn, milestone: data.milestone, created_by: tx.actor.id };
    const taskId = await insertTaskRow(tx.db, row);
    await recordAudit(tx, { action: 'cobuilding.task.plan', entity: 'cb_project_task', entityId: taskId, orgId: side.community ? p.community_id : p.responsible_id, after: { projectId: id, title: data.title, orgId: data.orgId, orgName: orgs.get(data.orgId), person: row.person, dueOn: data.dueOn, milestone: data.milestone } });
    return toProject(tx, p);
  });
}

/** Marks a task done on a date (today unless given), not before the project was claimed: either side, or the task's own organization. */
export async function finishTask({ ctx, id, taskId, input }: { ctx: Ctx; id: number; taskId: number; input: unknown }): Promise<Project> {
  requireRole(ctx, ['admin', 'org_user']);
  const data = FinishTaskInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const p = await visibleProject(tx, id, true);
    const task = (await taskRows(tx.db, id)).find((k) => k.id === taskId);
    if (!task) throw notFound('任务', 'taskId');
    const view = (await toProject(tx, p)).tasks.find((k) => k.id === taskId)!;
    const on = await eventDate(tx, data.on, 'on');
    if (task.done_on !== null) throw new AppError('conflict', `任务「${task.title}」已于 ${task.done_on} 完成`, { field: 'taskId' });
    assertTaskMove('finish', p.state, p.title);
    if (!view.mayFinish) throw new AppError('forbidden', `只有项目所在社区、责任单位或「${task.org_name}」可以标记这项任务完成`, { field: 'taskId' });
    if (p.claimed_on !== null && on < p.claimed_on) throw invalidField('on', `完成日期不能早于认领日期 ${p.claimed_on}`);
    await finishTaskRow(tx.db, taskId, on);
    await recordAudit(tx, { action: 'cobuilding.task.finish', entity: 'cb_project_task', entityId: taskId, orgId: task.org_id, before: { doneOn: null }, after: { projectId: id, title: task.title, doneOn: on } });
    return toProject(tx, p);
  });
}
