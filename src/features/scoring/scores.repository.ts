import { type Kysely, sql } from 'kysely';
import type { CycleState, Database } from '../../db/database';
import { prepared } from '../../db/prepared';

/** Organizations of the given categories that existed at some point of the cycle year. */
export async function orgsToScore(db: Kysely<Database>, year: number, categories: readonly string[]) {
  return db
    .selectFrom('organizations')
    .select(['id', 'category', 'name', 'code', 'parent_id', 'path'])
    .where(sql<boolean>`category = any(${[...categories]}::text[])`)
    .where('active_from', '<=', `${year}-12-31`)
    .where((eb) => eb.or([eb('active_to', 'is', null), eb('active_to', '>=', `${year}-01-01`)]))
    .orderBy('id')
    .execute();
}

export async function inspectionsFor(db: Kysely<Database>, year: number, orgIds: readonly number[]) {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom('inspections')
    .select(['id', 'org_id', 'indicator', 'points', 'reason', 'inspected_on'])
    .where('cycle_year', '=', year)
    .where(sql<boolean>`org_id = any(${[...orgIds]}::int[])`)
    .orderBy('inspected_on')
    .orderBy('id')
    .execute();
}

export async function saveRuleSets(db: Kysely<Database>, rows: { hash: string; id: string; version: string; title: string; categories: string[]; body: unknown }[]) {
  if (rows.length === 0) return;
  await db
    .insertInto('rule_sets')
    .values(rows.map((r) => ({ ...r, categories: JSON.stringify(r.categories), body: JSON.stringify(r.body) })))
    .onConflict((oc) => oc.column('hash').doNothing())
    .execute();
}

export async function insertRevision(
  db: Kysely<Database>,
  row: { cycle_year: number; rule_sets: { category: string; hash: string; id: string; version: string }[]; org_count: number; note: string | null; created_by: string; base_id?: number | null },
) {
  return db
    .insertInto('score_revisions')
    // The snapshot the revision is scored in: the marks a later `score --changed` reads are the ones it did not see.
    .values({ ...row, rule_sets: JSON.stringify(row.rule_sets), marks_snapshot: sql<string>`pg_current_snapshot()::text` })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
}

/** One organization's stored score; `result` is the explanation already serialized to JSON. */
export type ScoreRow = { orgId: number; category: string; hash: string; assessed: boolean; total: string; result: string; fired: string[] | null };

/**
 * Stores scores with one parameter per value (a row holds a few kilobytes of JSON: sent as plain
 * parameters it needs no array-literal escaping), up to 1,000 rows a statement.
 */
export async function insertScores(db: Kysely<Database>, revisionId: number, rows: readonly ScoreRow[]) {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('score_rows')
      .values(
        rows.slice(i, i + 1000).map((r) => ({
          revision_id: revisionId,
          org_id: r.orgId,
          category: r.category,
          rule_set_hash: r.hash,
          assessed: r.assessed,
          total: r.total,
          result: r.result,
          fired: r.fired === null ? null : JSON.stringify(r.fired),
        })),
      )
      .execute();
  }
}

/** The newest revision of a cycle that scored this organization, with its stored result. */
export async function latestScore(db: Kysely<Database>, year: number, orgId: number, revisionId?: number) {
  return db
    .selectFrom('scores as s')
    .innerJoin('score_revisions as v', 'v.id', 's.revision_id')
    .select(['s.revision_id', 'v.created_at', 'v.created_by', 's.category', 's.rule_set_hash', 's.assessed', 's.total', 's.result'])
    .where('v.cycle_year', '=', year)
    .where('s.org_id', '=', orgId)
    .$if(revisionId !== undefined, (q) => q.where('s.revision_id', '=', revisionId!))
    .orderBy('s.revision_id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * The scorecard in one scoped query: the organization with its path (for the scope check), the cycle's state (for
 * publication), and the newest (or named) revision of the cycle that scored it. `full`: with the stored explanation and
 * the grade; without, only what names the scorecard (a built one is served from memory, see get-scorecard.ts). The
 * organization's row is there even without a score; undefined when it does not exist.
 */
export async function scorecardRow(db: Kysely<Database>, year: number, orgId: number, revisionId: number | undefined, full: boolean) {
  const r = await sql<{
    id: number;
    code: string;
    name: string;
    category: string | null;
    category_label: string | null;
    path: string;
    cycle_state: CycleState | null;
    revision_id: number | null;
    created_at: Date;
    created_by: string;
    rule_set_hash: string;
    assessed: boolean;
    total: string;
    result: unknown;
    graded: number | null;
    grade: string | null;
    grade_label: string | null;
    rank_category: number | null;
    rank_parent: number | null;
    lagging: boolean | null;
    move: string | null;
    detail: unknown;
  }>`${prepared}
    select o.id, o.code, o.name, o.category, (select c.label from categories c where c.code = o.category) as category_label, o.path,
      (select y.state from cycles y where y.year = ${year}) as cycle_state,
      s.revision_id, s.created_at, s.created_by, s.rule_set_hash ${full ? sql`, s.assessed, s.total, s.result,
      g.org_id as graded, g.grade, g.grade_label, g.rank_category, g.rank_parent, g.lagging, g.move, g.detail` : sql``}
    from organizations o
    left join lateral (
      select s.revision_id, v.created_at, v.created_by, s.rule_set_hash${full ? sql`, s.assessed, s.total, s.result` : sql``}
      from scores s join score_revisions v on v.id = s.revision_id
      where v.cycle_year = ${year} and s.org_id = o.id ${revisionId === undefined ? sql`` : sql`and s.revision_id = ${revisionId}`}
      order by s.revision_id desc limit 1
    ) s on true
    ${full ? sql`left join grades g on g.revision_id = s.revision_id and g.org_id = o.id` : sql``}
    where o.id = ${orgId}`.execute(db);
  return r.rows[0];
}

export async function findRuleSetBody(db: Kysely<Database>, hash: string) {
  return db.selectFrom('rule_sets').select(['hash', 'id', 'version', 'title', 'body']).where('hash', '=', hash).executeTakeFirst();
}

export async function latestRevision(db: Kysely<Database>, year: number) {
  return db.selectFrom('score_revisions').selectAll().where('cycle_year', '=', year).orderBy('id', 'desc').limit(1).executeTakeFirst();
}

type Revision = { id: number; base_id: number | null };

/**
 * Where a list reads a revision's rows: a full revision's own rows from the table (the view costs every request
 * about 0.2 ms more planning), a delta's through the `scores` view.
 */
const rowsOf = (r: Revision) => (r.base_id === null ? 'score_rows as s' : 'scores as s') as 'scores as s';

/**
 * One revision's totals for the organizations under a path, best first, with how many there are in all; a page of
 * them with `limit`. The subtree is found by the path index and each score by its key, so a street's list reads its
 * own organizations, not the district's.
 */
export async function listScores(db: Kysely<Database>, revision: Revision, pathPrefix: string, opts: { category?: string; limit?: number; offset?: number } = {}) {
  return db
    .selectFrom(rowsOf(revision))
    .innerJoin('organizations as o', 'o.id', 's.org_id')
    .select(['s.org_id', 'o.code', 'o.name', 'o.parent_id', 's.category', 's.assessed', 's.total'])
    .select(sql<number>`count(*) over ()`.as('total_count'))
    .where('s.revision_id', '=', revision.id)
    .where('o.path', 'like', `${pathPrefix}%`)
    .$if(opts.category !== undefined, (q) => q.where('s.category', '=', opts.category!))
    .orderBy(sql`s.total`, 'desc')
    .orderBy('o.code')
    .$if(opts.limit !== undefined, (q) => q.limit(opts.limit!))
    .$if((opts.offset ?? 0) > 0, (q) => q.offset(opts.offset!))
    .execute();
}

export async function countScores(db: Kysely<Database>, revision: Revision, pathPrefix: string, category?: string): Promise<number> {
  const row = await db
    .selectFrom(rowsOf(revision))
    .innerJoin('organizations as o', 'o.id', 's.org_id')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('s.revision_id', '=', revision.id)
    .where('o.path', 'like', `${pathPrefix}%`)
    .$if(category !== undefined, (q) => q.where('s.category', '=', category!))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function findRevision(db: Kysely<Database>, revisionId: number) {
  return db.selectFrom('score_revisions').selectAll().where('id', '=', revisionId).executeTakeFirst();
}

/** The rule-set pins and organization count a revision was computed with (a correction copies them). */
export async function revisionPins(db: Kysely<Database>, revisionId: number) {
  return db.selectFrom('score_revisions').select(['rule_sets', 'org_count']).where('id', '=', revisionId).executeTakeFirstOrThrow();
}

export async function insertCorrectionRevision(
  db: Kysely<Database>,
  row: { cycle_year: number; rule_sets: { category: string; hash: string; id: string; version: string }[]; org_count: number; note: string | null; created_by: string; base_id?: number | null },
) {
  return db
    .insertInto('score_revisions')
    .values({ cycle_year: row.cycle_year, kind: 'correction', rule_sets: JSON.stringify(row.rule_sets), org_count: row.org_count, note: row.note, created_by: row.created_by })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** One organization's total and category in a revision. */
export async function scoreOf(db: Kysely<Database>, revisionId: number, orgId: number) {
  return db.selectFrom('scores').select(['total', 'category']).where('revision_id', '=', revisionId).where('org_id', '=', orgId).executeTakeFirst();
}

/** Copies every score of one revision into another, in the database (a correction starts from the final revision). */
export async function copyScores(db: Kysely<Database>, fromRevisionId: number, toRevisionId: number) {
  await sql`insert into score_rows (revision_id, org_id, category, rule_set_hash, assessed, total, result, fired)
      select ${toRevisionId}, s.org_id, s.category, s.rule_set_hash, s.assessed, s.total, s.result, null from scores s where s.revision_id = ${fromRevisionId}`.execute(db);
}

/** Sets a corrected total and writes it, with the correction note, into the stored explanation. */
export async function correctScoreTotal(db: Kysely<Database>, revisionId: number, orgId: number, total: string, note: string) {
  await sql`update score_rows set total = ${total}::numeric,
        result = jsonb_set(jsonb_set(result::jsonb, '{total}', to_jsonb(${total}::text)), '{correction}', to_jsonb(${note}::text))::json
        where revision_id = ${revisionId} and org_id = ${orgId}`.execute(db);
}

/** A revision's results for the organizations under a path, with parent name and grade, by category and rank. */
export async function revisionResults(db: Kysely<Database>, revisionId: number, pathPrefix: string) {
  return db
    .selectFrom('scores as s')
    .innerJoin('organizations as o', 'o.id', 's.org_id')
    .leftJoin('organizations as p', 'p.id', 'o.parent_id')
    .leftJoin('grades as g', (j) => j.onRef('g.revision_id', '=', 's.revision_id').onRef('g.org_id', '=', 's.org_id'))
    .leftJoin('categories as k', 'k.code', 's.category')
    .select(['s.org_id', 'o.code', 'o.name', 'o.parent_id', 'p.name as parent_name', 's.category', 'k.label as category_label', 's.total', 's.assessed', 's.result', 'g.grade', 'g.grade_label', 'g.rank_category', 'g.rank_parent', 'g.lagging', 'g.move', 'g.detail', 'g.decided_by'])
    .where('s.revision_id', '=', revisionId)
    .where('o.path', 'like', `${pathPrefix}%`)
    .orderBy('s.category')
    .orderBy('g.rank_category')
    .orderBy('o.code')
    .execute();
}

/** Per year up to `year`: the organization's score and grade in the year's final revision (once finalized) or newest. */
export async function historyRows(db: Kysely<Database>, orgId: number, year: number) {
  const { rows } = await sql<{ year: number; state: CycleState; rule_set_hash: string; assessed: boolean; total: string; grade: string | null; grade_label: string | null; lagging: boolean | null }>`
    select c.year, c.state, s.rule_set_hash, s.assessed, s.total, g.grade, g.grade_label, g.lagging
    from cycles c
    join lateral (
      select id from score_revisions r where r.cycle_year = c.year and (c.final_revision_id is null or r.id = c.final_revision_id)
      order by r.id desc limit 1) r on true
    join scores s on s.revision_id = r.id and s.org_id = ${orgId}
    left join grades g on g.revision_id = r.id and g.org_id = ${orgId}
    where c.year <= ${year}
    order by c.year`.execute(db);
  return rows;
}
