import { readers, requireRole } from '../../auth/scope';
import { todayInChina } from '../../lib/clock';
import type { Ctx } from '../context';
import { orgForRead } from '../orgs/org-access';
import { overviewRows } from './lists.repository';
import { OverviewQuery, type Overview } from './lists.schemas';

type Counts = Overview['totals'];

const countsOf = (r: Awaited<ReturnType<typeof overviewRows>>[number]): Counts => ({
  projects: { open: r.open, claimed: r.claimed, closing: r.closing, closed: r.closed, overdue: r.overdue },
  needs: { raised: r.raised, urgent: r.urgent, met: r.met },
  resources: { offered: r.offered, used: r.used },
});

function sum(rows: readonly Counts[]): Counts {
  const zero: Counts = { projects: { open: 0, claimed: 0, closing: 0, closed: 0, overdue: 0 }, needs: { raised: 0, urgent: 0, met: 0 }, resources: { offered: 0, used: 0 } };
  for (const r of rows) for (const group of ['projects', 'needs', 'resources'] as const) for (const [k, v] of Object.entries(r[group])) (zero[group] as Record<string, number>)[k]! += v;
  return zero;
}

/** The co-building year of the communities under the caller (or under `orgId` of its subtree), and their totals. */
export async function cobuildingOverview({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<Overview> {
  requireRole(ctx, readers);
  const q = OverviewQuery.parse(input);
  const prefix = q.orgId === undefined ? ctx.actor.orgPath : (await orgForRead(ctx, q.orgId, 'orgId')).path;
  const rows = (await overviewRows(ctx.db, { prefix, year: q.year, today: todayInChina(ctx.clock) })).map((r) => ({ communityId: r.id, communityName: r.name, streetName: r.street_name, ...countsOf(r) }));
  return { year: q.year, rows, totals: sum(rows) };
}
