import { readers, requireRole } from '../../auth/scope';
import { todayInChina } from '../../lib/clock';
import type { Ctx } from '../context';
import { computedBasis, computedPoints } from '../twoway/twoway-forms';
import { formsOfYear, pairOutcomes } from '../twoway/twoway-forms.repository';
import { agreementRowsUnder } from './lists.repository';
import { MemberUnitsQuery, type MemberUnits } from './lists.schemas';

/**
 * 成员单位落实情况: each agreement of a year apart (a unit within one community's 大党委), with what the unit
 * delivered to that community (projects closed on time or late, 微心愿 fulfilled, projects overdue) and the points
 * the year's two-way form computes from them (资源项目落实). Each side sees its own agreements.
 */
export async function memberUnitOutcomes({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<MemberUnits> {
  requireRole(ctx, readers);
  const q = MemberUnitsQuery.parse(input);
  const { rows, total } = await agreementRowsUnder(ctx.db, { prefix: ctx.actor.orgPath, year: q.year, limit: q.limit, offset: q.offset });
  const [counts, forms] = await Promise.all([pairOutcomes(ctx.db, rows.map((r) => r.id), todayInChina(ctx.clock)), formsOfYear(ctx.db, q.year)]);
  const byId = new Map(counts.map((c) => [c.agreementId, c]));
  const item = forms.get('community_rates_unit')?.items.find((i) => i.computed) ?? null;
  return {
    year: q.year,
    item: item ? { label: item.label, max: item.max, basis: computedBasis(item) } : null,
    items: rows.map((r) => {
      const c = byId.get(r.id)!;
      const worked = item?.computed ? computedPoints({ ...item, computed: item.computed }, c) : null;
      return {
        agreementId: r.id,
        community: { id: r.community_id, name: r.community_name },
        unit: { id: r.unit_id, name: r.unit_name },
        closedOnTime: c.closedOnTime,
        closedLate: c.closedLate,
        wishFulfilled: c.wishFulfilled,
        overdueOpen: c.overdueOpen,
        delivered: c.closedOnTime + c.closedLate + c.wishFulfilled > 0,
        points: worked?.points ?? null,
        text: worked?.text ?? null,
      };
    }),
    total,
  };
}
