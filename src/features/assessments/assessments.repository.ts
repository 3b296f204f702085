import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database';

const columns = ['indicator', 'self_points', 'self_note', 'self_by', 'self_at', 'review_points', 'review_note', 'reviewed_by', 'reviewed_at'] as const;

/** The two-stage scores of one organization and year, with the display names of who entered them. */
export async function assessmentRows(db: Kysely<Database>, year: number, orgId: number) {
  return db
    .selectFrom('self_assessments as a')
    .leftJoin('users as su', (j) => j.on(sql<boolean>`'user:' || su.id = a.self_by`))
    .leftJoin('users as ru', (j) => j.on(sql<boolean>`'user:' || ru.id = a.reviewed_by`))
    .select(columns.map((c) => `a.${c}` as const))
    .select(['su.display_name as self_name', 'ru.display_name as review_name'])
    .where('a.cycle_year', '=', year)
    .where('a.org_id', '=', orgId)
    .execute();
}

/** One indicator's row, locked for update (null when nothing was entered yet). */
export async function lockAssessment(db: Kysely<Database>, year: number, orgId: number, indicator: string) {
  return (
    (await db
      .selectFrom('self_assessments')
      .select(columns)
      .where('cycle_year', '=', year)
      .where('org_id', '=', orgId)
      .where('indicator', '=', indicator)
      .forUpdate()
      .executeTakeFirst()) ?? null
  );
}

type Half = { points: string; note: string | null; by: string; at: Date };

/** Enters the self-score or the superior's score of one indicator, leaving the other half as it is. */
export async function upsertAssessment(db: Kysely<Database>, key: { year: number; orgId: number; indicator: string }, half: 'self' | 'review', v: Half) {
  const values = half === 'self' ? { self_points: v.points, self_note: v.note, self_by: v.by, self_at: v.at } : { review_points: v.points, review_note: v.note, reviewed_by: v.by, reviewed_at: v.at };
  await db
    .insertInto('self_assessments')
    .values({ cycle_year: key.year, org_id: key.orgId, indicator: key.indicator, ...values })
    .onConflict((oc) => oc.columns(['cycle_year', 'org_id', 'indicator']).doUpdateSet(values))
    .execute();
}

/**
 * The organizations of a subtree (strictly below `below` unless it is the root pattern '/') in the given categories,
 * active in the year, with how many of `indicators` (per category) have a self-score and a superior's score.
 */
export async function assessmentProgressRows(
  db: Kysely<Database>,
  p: { year: number; pathPrefix: string; strictlyBelow: boolean; indicators: Record<string, string[]>; q?: string },
) {
  const categories = Object.keys(p.indicators);
  if (categories.length === 0) return [];
  const pairs = categories.flatMap((c) => p.indicators[c]!.map((i) => `${c}:${i}`));
  return db
    .selectFrom('organizations as o')
    .leftJoin('organizations as parent', 'parent.id', 'o.parent_id')
    .leftJoin('self_assessments as a', (j) =>
      j.onRef('a.org_id', '=', 'o.id').on('a.cycle_year', '=', p.year).on(sql<boolean>`o.category || ':' || a.indicator = any(${pairs}::text[])`),
    )
    .select(['o.id', 'o.name', 'o.category', 'parent.name as parent_name'])
    .select([sql<number>`count(a.self_points)::int`.as('self_done'), sql<number>`count(a.review_points)::int`.as('review_done')])
    .where('o.path', 'like', `${p.pathPrefix}%`)
    .$if(p.strictlyBelow, (q) => q.where('o.path', '<>', p.pathPrefix))
    .where(sql<boolean>`o.category = any(${categories}::text[])`)
    .where('o.active_from', '<=', `${p.year}-12-31`)
    .where((eb) => eb.or([eb('o.active_to', 'is', null), eb('o.active_to', '>=', `${p.year}-01-01`)]))
    .$if(Boolean(p.q), (q) => q.where(sql<boolean>`strpos(o.name, ${p.q!}) > 0`))
    .groupBy(['o.id', 'o.name', 'o.category', 'parent.name', 'o.path'])
    .orderBy('o.path')
    .execute();
}
