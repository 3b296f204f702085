import { type Kysely, sql } from 'kysely';
import type { Database, OrgKind } from '../../db/database';

export type OverviewNode = {
  id: number;
  code: string;
  name: string;
  kind: OrgKind;
  parent_id: number | null;
  depth: number;
  secretary_name: string | null;
  /** Counted over the organization and everything below it. */
  org_count: number;
  community_count: number;
  grid_count: number;
  unit_count: number;
  member_count: number;
  record_count: number;
  verified_count: number;
};

/**
 * The tree under `path` down to `maxDepth`, each node with totals over its whole subtree. Set-based:
 * ledger counts are grouped per organization once, then rolled up to every ancestor by unnesting each
 * path into its ids, so the cost grows with the number of organizations, not with its square.
 */
export async function overviewTree(db: Kysely<Database>, path: string, maxDepth: number, cycleYear: number): Promise<OverviewNode[]> {
  const result = await sql<OverviewNode>`
    with sub as (
      select id, path, kind, member_count from organizations where path like ${`${path}%`}
    ),
    ledger as (
      select r.org_id, count(*)::int as n, (count(*) filter (where r.status = 'verified'))::int as v
      from ledger_records r join sub on sub.id = r.org_id
      where r.cycle_year = ${cycleYear}
      group by r.org_id
    ),
    rolled as (
      select a.ancestor_id,
             count(*)::int as org_count,
             (count(*) filter (where sub.kind = 'community'))::int as community_count,
             (count(*) filter (where sub.kind = 'grid'))::int as grid_count,
             (count(*) filter (where sub.kind in ('unit', 'enterprise', 'social_org')))::int as unit_count,
             coalesce(sum(sub.member_count), 0)::int as member_count,
             coalesce(sum(ledger.n), 0)::int as record_count,
             coalesce(sum(ledger.v), 0)::int as verified_count
      from sub
      cross join lateral unnest(string_to_array(trim(both '/' from sub.path), '/')::int[]) as a(ancestor_id)
      left join ledger on ledger.org_id = sub.id
      group by a.ancestor_id
    )
    select o.id, o.code, o.name, o.kind, o.parent_id, o.depth, o.secretary_name,
           rolled.org_count, rolled.community_count, rolled.grid_count, rolled.unit_count, rolled.member_count,
           rolled.record_count, rolled.verified_count
    from organizations o join rolled on rolled.ancestor_id = o.id
    where o.path like ${`${path}%`} and o.depth <= ${maxDepth}
    order by o.depth, o.code`.execute(db);
  return result.rows;
}
