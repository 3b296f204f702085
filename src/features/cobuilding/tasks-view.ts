import { inScope } from '../../auth/scope';
import type { Ctx } from '../context';
import type { ProjectTask } from './lists.schemas';
import type { ProjectRow, taskRows } from './lists.repository';
import { taskMoves } from './moves';

type TaskRow = Awaited<ReturnType<typeof taskRows>>[number];

/** The sides of a project the caller acts for: its community, its responsible unit. */
export function sidesOf(ctx: Ctx, p: ProjectRow): { community: boolean; responsible: boolean } {
  return { community: inScope(ctx.actor, p.community_path), responsible: p.responsible_path !== null && inScope(ctx.actor, p.responsible_path) };
}

/** Either side may add to the 责任分解 while the project is not closed. */
export function mayPlanTasks(ctx: Ctx, p: ProjectRow): boolean {
  const side = sidesOf(ctx, p);
  return (side.community || side.responsible) && (taskMoves.plan.from as readonly string[]).includes(p.state);
}

/**
 * A project's tasks as the page shows them: overdue when not done by their date (China time) while the project is
 * open, and whether the caller may mark one done (either side of the project, or the task's own organization, a
 * cooperating unit included, while the project is under way).
 */
export function taskView(ctx: Ctx, p: ProjectRow, rows: readonly TaskRow[], today: string): ProjectTask[] {
  const side = sidesOf(ctx, p);
  const open = (taskMoves.finish.from as readonly string[]).includes(p.state);
  return rows.map((k) => ({
    id: k.id,
    title: k.title,
    org: { id: k.org_id, name: k.org_name },
    person: k.person,
    dueOn: k.due_on,
    milestone: k.milestone,
    doneOn: k.done_on,
    // Once the project is closed, an undone task is no longer late work: 销号 settled the project.
    overdue: p.state !== 'closed' && k.done_on === null && k.due_on < today,
    mayFinish: open && k.done_on === null && (side.community || side.responsible || inScope(ctx.actor, k.org_path)),
  }));
}
