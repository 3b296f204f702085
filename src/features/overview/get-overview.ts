import { readers, requireRole } from '../../auth/scope';
import { cycleStateLabel, orgKindLabel } from '../../domain/catalog';
import { todayInChina } from '../../lib/clock';
import type { Ctx } from '../context';
import { listCycleRows } from '../cycles/cycles.repository';
import { currentCycleYear } from '../cycles/current-cycle';
import { overviewTree } from './overview.repository';

export type OverviewNode = {
  id: number;
  code: string;
  name: string;
  kind: string;
  kindLabel: string;
  parentId: number | null;
  depth: number;
  secretaryName: string | null;
  orgCount: number;
  communityCount: number;
  gridCount: number;
  unitCount: number;
  memberCount: number;
  recordCount: number;
  verifiedCount: number;
};

export type Overview = {
  cycle: { year: number; state: string; stateLabel: string } | null;
  cycles: { year: number; stateLabel: string }[];
  nodes: OverviewNode[];
};

/** What a home page shows: the caller's part of the tree, three levels down, with counts over each subtree. */
export async function getOverview({ ctx }: { ctx: Ctx }): Promise<Overview> {
  requireRole(ctx, readers);
  const cycles = await listCycleRows(ctx.db);
  const today = todayInChina(ctx.clock);
  const currentYear = currentCycleYear(cycles, today);
  const current = cycles.find((c) => c.year === currentYear);
  const actorDepth = ctx.actor.orgPath === '/' ? 0 : ctx.actor.orgPath.split('/').length - 3;
  const rows = await overviewTree(ctx.db, ctx.actor.orgPath, actorDepth + 3, current?.year ?? Number(today.slice(0, 4)));
  return {
    cycle: current ? { year: current.year, state: current.state, stateLabel: cycleStateLabel[current.state] } : null,
    cycles: cycles.map((c) => ({ year: c.year, stateLabel: cycleStateLabel[c.state] })),
    nodes: rows.map((n) => ({
      id: n.id,
      code: n.code,
      name: n.name,
      kind: n.kind,
      kindLabel: orgKindLabel[n.kind],
      parentId: n.parent_id,
      depth: n.depth,
      secretaryName: n.secretary_name,
      orgCount: n.org_count,
      communityCount: n.community_count,
      gridCount: n.grid_count,
      unitCount: n.unit_count,
      memberCount: n.member_count,
      recordCount: n.record_count,
      verifiedCount: n.verified_count,
    })),
  };
}
