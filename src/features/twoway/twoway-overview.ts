import { requireRole } from '../../auth/scope';
import type { TwowayDirection } from '../../db/database';
import type { Ctx } from '../context';
import { listTwowayOverviewRows } from './twoway.repository';
import { TwowayOverviewQuery, type TwowayOverview } from './twoway.schemas';

const side = (total: string | null, at: Date | null) => ({ done: total !== null, total, submittedAt: at ? new Date(at).toISOString() : null });

/**
 * Who owes what: every agreement of a year in the caller's view (either side in its subtree), whether the
 * community and the unit have each given their evaluation, and the counts, in one query rather than one
 * call per agreement.
 */
export async function twowayOverview({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<TwowayOverview> {
  requireRole(ctx, ['admin', 'leader']);
  const { year } = TwowayOverviewQuery.parse(input);
  const rows = await listTwowayOverviewRows(ctx.db, year, ctx.actor.orgPath);
  const items = rows.map((r) => {
    const missing: TwowayDirection[] = [];
    if (r.community_given === null) missing.push('community_rates_unit');
    if (r.unit_given === null) missing.push('unit_rates_community');
    const owes = [r.community_given === null ? '社区未评价' : null, r.unit_given === null ? '共建单位未评价' : null].filter(Boolean);
    return {
      agreementId: r.id,
      communityId: r.community_id,
      communityName: r.community_name,
      unitId: r.unit_id,
      unitName: r.unit_name,
      community: side(r.community_given, r.community_given_at),
      unit: side(r.unit_given, r.unit_given_at),
      missing,
      missingText: owes.join('、'),
    };
  });
  return {
    year,
    agreements: items.length,
    complete: items.filter((i) => i.missing.length === 0).length,
    communityOwes: items.filter((i) => !i.community.done).length,
    unitOwes: items.filter((i) => !i.unit.done).length,
    items,
  };
}
