import { readers, requireRole } from '../../auth/scope';
import { cycleStateLabel, orgKindLabel } from '../../domain/catalog';
import { todayInChina } from '../../lib/clock';
import type { Ctx } from '../context';
import { listCycleRows } from '../cycles/cycles.repository';
import { overviewTree, type OverviewNode } from './overview.repository';

export type OverviewTreeNode = OverviewNode & { kindLabel: string; children: OverviewTreeNode[] };

export type Overview = {
  cycle: { year: number; state: string; stateLabel: string } | null;
  cycles: { year: number; stateLabel: string }[];
  roots: OverviewTreeNode[];
};

/** What the home page shows: the caller's part of the tree, down to communities, with counts. */
export async function getOverview({ ctx }: { ctx: Ctx }): Promise<Overview> {
  requireRole(ctx, readers);
  const cycles = await listCycleRows(ctx.db);
  const thisYear = Number(todayInChina(ctx.clock).slice(0, 4));
  const current = cycles.find((c) => c.state === 'collecting') ?? cycles.find((c) => c.year <= thisYear) ?? cycles[0];
  const actorDepth = ctx.actor.orgPath === '/' ? 0 : ctx.actor.orgPath.split('/').length - 3;
  const rows = await overviewTree(ctx.db, ctx.actor.orgPath, actorDepth + 3, current?.year ?? thisYear);
  const nodes = new Map<number, OverviewTreeNode>(rows.map((r) => [r.id, { ...r, kindLabel: orgKindLabel[r.kind], children: [] }]));
  const roots: OverviewTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parent_id === null ? undefined : nodes.get(node.parent_id);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return {
    cycle: current ? { year: current.year, state: current.state, stateLabel: cycleStateLabel[current.state] } : null,
    cycles: cycles.map((c) => ({ year: c.year, stateLabel: cycleStateLabel[c.state] })),
    roots,
  };
}
