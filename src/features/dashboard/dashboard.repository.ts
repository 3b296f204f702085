import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { CycleState, Database, DecidedBy } from '../../db/database';

/** One count of organizations with a grade; `child_id` is the child of the viewed organization it lies under. */
export type GradeCountRow = { whole: boolean; child_id: number | null; category: string; grade: string; label: string; ord: number; n: number; share: string; lagging: number };
export type TrendRow = { year: number; state: CycleState; revision_id: number; category: string; grade: string; label: string; ord: number; n: number; share: string };

/** The grades (id, label, order) of every rule set the revisions were scored with, per revision and category. */
const scaleOf = (revisionIds: readonly number[]) => sql`
  select v.id as revision_id, x->>'category' as category, x->>'hash' as hash, e.v->>'id' as grade, coalesce(e.v->>'label', e.v->>'id') as label, e.i::int as ord
  from score_revisions v, jsonb_array_elements(v.rule_sets) x, rule_sets r,
    jsonb_array_elements(coalesce(r.body->'grading'->'grades', '[]'::jsonb)) with ordinality e(v, i)
  where v.id = any(${[...revisionIds]}::int[]) and r.hash = x->>'hash'`;

/**
 * The revisions' results under a path, each with its grade key, label and place in its rule set's order of grades
 * (not assessed last, with the words its rule set uses). `child_id` is read from the path below `path`.
 */
function gradedRows(revisionIds: readonly number[], path: string): RawBuilder<unknown> {
  return sql`
    ranks as (select distinct hash, grade, ord from (${scaleOf(revisionIds)}) k),
    res as (
      select s.revision_id, s.category, g.lagging,
        case when not s.assessed then 'not_assessed' else coalesce(g.grade, 'ungraded') end as grade,
        case when not s.assessed then coalesce(s.result->'ruleSet'->>'notAssessedLabel', '不参加评定') else coalesce(g.grade_label, '未定级') end as label,
        case when not s.assessed then 1000 else coalesce(k.ord, 999) end as ord,
        nullif(split_part(substr(o.path, ${path.length + 1}), '/', 1), '')::int as child_id
      from scores s
      join organizations o on o.id = s.org_id
      left join grades g on g.revision_id = s.revision_id and g.org_id = s.org_id
      left join ranks k on k.hash = s.rule_set_hash and k.grade = g.grade
      where s.revision_id = any(${[...revisionIds]}::int[]) and o.path like ${`${path}%`}
    )`;
}

/** Per category and grade: the whole subtree (`whole`) and each child's subtree, with the share of the category and how many are 后进. */
export async function gradeCounts(db: Kysely<Database>, revisionId: number, path: string): Promise<GradeCountRow[]> {
  const { rows } = await sql<GradeCountRow>`
    with ${gradedRows([revisionId], path)},
    counted as (
      select grouping(child_id) = 1 as whole, child_id, category, grade, label, ord, count(*)::int as n, (count(*) filter (where lagging))::int as lagging
      from res group by grouping sets ((category, grade, label, ord), (child_id, category, grade, label, ord))
    )
    select *, round(100.0 * n / sum(n) over (partition by whole, child_id, category), 1)::text as share
    from counted order by category, child_id nulls first, ord`.execute(db);
  return rows;
}

export type ScaleRow = { revision_id: number; category: string; grade: string; label: string; ord: number };

/** The grades (id, label, order) of the rule set each category was scored with, per revision (categories of the whole revision). */
export async function gradeScales(db: Kysely<Database>, revisionIds: readonly number[]): Promise<ScaleRow[]> {
  if (revisionIds.length === 0) return [];
  const { rows } = await sql<ScaleRow>`select revision_id, category, grade, label, ord from (${scaleOf(revisionIds)}) k order by 1, 2, ord`.execute(db);
  return rows;
}

/** Each grade's share per category over the years before `year` that have results (published or finalized). */
export async function gradeTrend(db: Kysely<Database>, year: number, path: string): Promise<TrendRow[]> {
  const { rows: revs } = await sql<{ year: number; state: CycleState; rid: number }>`
    select c.year, c.state, r.id as rid from cycles c
    join lateral (select id from score_revisions r where r.cycle_year = c.year and (c.final_revision_id is null or r.id = c.final_revision_id)
      order by r.id desc limit 1) r on true
    where c.year < ${year} and c.state in ('published', 'finalized')`.execute(db);
  if (revs.length === 0) return [];
  const { rows } = await sql<Omit<TrendRow, 'year' | 'state'>>`
    with ${gradedRows(
      revs.map((r) => r.rid),
      path,
    )},
    counted as (select revision_id, category, grade, label, ord, count(*)::int as n from res group by 1, 2, 3, 4, 5)
    select *, round(100.0 * n / sum(n) over (partition by revision_id, category), 1)::text as share from counted order by category, ord`.execute(db);
  const byRevision = new Map(revs.map((r) => [r.rid, r]));
  return rows
    .map((r) => ({ ...r, year: byRevision.get(r.revision_id)!.year, state: byRevision.get(r.revision_id)!.state }))
    .sort((a, b) => a.year - b.year);
}

const listed = (revisionId: number, path: string) => sql`
  from scores s
  join organizations o on o.id = s.org_id
  left join organizations p on p.id = o.parent_id
  join grades g on g.revision_id = s.revision_id and g.org_id = s.org_id
  where s.revision_id = ${revisionId} and o.path like ${`${path}%`}`;

export type LaggingRow = {
  org_id: number;
  code: string;
  name: string;
  parent_name: string | null;
  category: string;
  total: string;
  assessed: boolean;
  result: unknown;
  grade_label: string | null;
  lagging: boolean;
  detail: unknown;
  decided_by: DecidedBy | null;
  count: number;
};

/** The 后进 of the revision under a path, lowest total first (at most `limit`), each row with the full count. */
export async function laggingRows(db: Kysely<Database>, revisionId: number, path: string, limit: number): Promise<LaggingRow[]> {
  const { rows } = await sql<LaggingRow>`
    select s.org_id, o.code, o.name, p.name as parent_name, s.category, s.total::text as total, s.assessed, s.result,
      g.grade_label, g.lagging, g.detail, g.decided_by, (count(*) over ())::int as count
    ${listed(revisionId, path)} and g.lagging
    order by s.category, s.total, o.code limit ${limit}`.execute(db);
  return rows;
}

export type MoverRow = { org_id: number; code: string; name: string; parent_name: string | null; category: string; total: string; move: string; grade_label: string | null; last_label: string | null; count: number };

/** Organizations whose grade moved against last year (晋位, 降星, 摘星): at most `limit` of each move, best rank first. */
export async function moverRows(db: Kysely<Database>, revisionId: number, path: string, limit: number): Promise<MoverRow[]> {
  const { rows } = await sql<MoverRow>`
    select x.*, (select e->>'label' from rule_sets r, jsonb_array_elements(r.body->'grading'->'grades') e
        where r.hash = x.rule_set_hash and e->>'id' = x.last_grade limit 1) as last_label
    from (
      select s.org_id, o.code, o.name, p.name as parent_name, s.category, s.total::text as total, g.move, g.grade_label, g.last_grade, s.rule_set_hash,
        (count(*) over (partition by g.move))::int as count,
        row_number() over (partition by g.move order by s.category, g.rank_category nulls last, o.code) as nth
      ${listed(revisionId, path)} and g.move in ('晋位', '降星', '摘星')
    ) x where nth <= ${limit}
    order by array_position(array['晋位', '降星', '摘星'], move), nth`.execute(db);
  return rows;
}

export type CoverageRow = { assessed: number; scored: number; verified: number; records: number; used_codes: number; codes: number; sheets: number; raters: number };

/**
 * Coverage of the year under a path: organizations assessed of those scored, ledger records verified of all,
 * ballot codes used of those issued (resident ratings), review sheets returned of the raters invited (sessions
 * organized in the subtree or reviewing one of its organizations).
 */
export async function coverage(db: Kysely<Database>, year: number, revisionId: number | null, path: string): Promise<CoverageRow> {
  const like = `${path}%`;
  const { rows } = await sql<CoverageRow>`
    select
      (select count(*) filter (where s.assessed) from scores s join organizations o on o.id = s.org_id where s.revision_id = ${revisionId} and o.path like ${like})::int as assessed,
      (select count(*) from scores s join organizations o on o.id = s.org_id where s.revision_id = ${revisionId} and o.path like ${like})::int as scored,
      l.verified, l.records, b.used_codes, b.codes, v.sheets, v.raters
    from
      (select count(*) filter (where r.status = 'verified')::int as verified, count(*)::int as records
        from ledger_records r join organizations o on o.id = r.org_id where r.cycle_year = ${year} and o.path like ${like}) l,
      (select count(c.used_at)::int as used_codes, count(*)::int as codes
        from ballot_codes c join rating_targets t on t.id = c.target_id join organizations o on o.id = t.org_id
        where t.cycle_year = ${year} and o.path like ${like}) b,
      (select count(w.used_at)::int as sheets, count(*)::int as raters
        from review_raters w join review_sessions e on e.id = w.session_id
        where e.cycle_year = ${year} and (
          exists (select 1 from organizations o where o.id = e.org_id and o.path like ${like})
          or exists (select 1 from review_subjects u join organizations o on o.id = u.org_id where u.session_id = e.id and o.path like ${like}))) v`.execute(db);
  return rows[0]!;
}

export type ChildRow = { id: number; code: string; name: string; kind: string; has_children: boolean; scored: boolean };

/** The organizations directly under one, existing in the year, each saying whether it has children and a result. */
export async function childOrgs(db: Kysely<Database>, parentId: number, year: number, revisionId: number | null): Promise<ChildRow[]> {
  const { rows } = await sql<ChildRow>`
    select o.id, o.code, o.name, o.kind,
      exists (select 1 from organizations c where c.parent_id = o.id) as has_children,
      exists (select 1 from scores s where s.revision_id = ${revisionId} and s.org_id = o.id) as scored
    from organizations o
    where o.parent_id = ${parentId} and o.active_from <= ${`${year}-12-31`} and (o.active_to is null or o.active_to >= ${`${year}-01-01`})
    order by o.code`.execute(db);
  return rows;
}

/** Whether an organization has a result in the revision. */
export async function hasScore(db: Kysely<Database>, revisionId: number | null, orgId: number): Promise<boolean> {
  if (revisionId === null) return false;
  const row = await db.selectFrom('scores').select('org_id').where('revision_id', '=', revisionId).where('org_id', '=', orgId).executeTakeFirst();
  return row !== undefined;
}
