import type { Kysely } from 'kysely';
import type { Database, TwowayDirection } from '../../db/database';

export async function listEvaluations(db: Kysely<Database>, agreementId: number) {
  return db
    .selectFrom('twoway_evaluations as e')
    .innerJoin('organizations as o', 'o.id', 'e.by_org_id')
    .select(['e.id', 'e.direction', 'e.cycle_year', 'e.items', 'e.total', 'e.comment', 'e.by_org_id', 'o.name as by_org_name', 'e.submitted_at'])
    .where('e.agreement_id', '=', agreementId)
    .orderBy('e.direction')
    .execute();
}

/** Inserts or replaces one direction's evaluation of an agreement for its year. */
export async function upsertEvaluation(
  db: Kysely<Database>,
  row: { agreement_id: number; cycle_year: number; direction: TwowayDirection; items: Record<string, number>; total: string; comment: string | null; by_org_id: number; submitted_by: string; submitted_at: Date },
) {
  const items = JSON.stringify(row.items);
  return db
    .insertInto('twoway_evaluations')
    .values({ ...row, items })
    .onConflict((oc) =>
      oc.constraint('twoway_once').doUpdateSet({ items, total: row.total, comment: row.comment, by_org_id: row.by_org_id, submitted_by: row.submitted_by, submitted_at: row.submitted_at }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function listFeedback(db: Kysely<Database>, agreementId: number) {
  return db
    .selectFrom('member_feedback as f')
    .innerJoin('members as m', 'm.id', 'f.member_id')
    .select(['f.member_id', 'm.name as member_name', 'f.reported', 'f.hours', 'f.rating', 'f.comment'])
    .where('f.agreement_id', '=', agreementId)
    .orderBy('m.name')
    .orderBy('f.member_id')
    .execute();
}

export async function upsertFeedback(
  db: Kysely<Database>,
  rows: { agreement_id: number; community_id: number; member_id: number; cycle_year: number; reported: boolean; hours: string; rating: string | null; comment: string | null; submitted_by: string }[],
) {
  if (rows.length === 0) return;
  await db
    .insertInto('member_feedback')
    .values(rows)
    .onConflict((oc) =>
      oc.constraint('member_feedback_once').doUpdateSet((eb) => ({
        agreement_id: eb.ref('excluded.agreement_id'),
        reported: eb.ref('excluded.reported'),
        hours: eb.ref('excluded.hours'),
        rating: eb.ref('excluded.rating'),
        comment: eb.ref('excluded.comment'),
        submitted_by: eb.ref('excluded.submitted_by'),
      })),
    )
    .execute();
}

/** A year's agreements in which either side lies under a path, with the totals of both directions (null when missing). */
export async function listTwowayRows(db: Kysely<Database>, year: number, pathPrefix: string) {
  return db
    .selectFrom('agreements as a')
    .innerJoin('organizations as c', 'c.id', 'a.community_id')
    .innerJoin('organizations as u', 'u.id', 'a.unit_id')
    .leftJoin('twoway_evaluations as cu', (j) => j.onRef('cu.agreement_id', '=', 'a.id').on('cu.direction', '=', 'community_rates_unit'))
    .leftJoin('twoway_evaluations as uc', (j) => j.onRef('uc.agreement_id', '=', 'a.id').on('uc.direction', '=', 'unit_rates_community'))
    .select(['a.id', 'c.name as community_name', 'u.name as unit_name', 'cu.total as unit_received', 'uc.total as community_received'])
    .where('a.year', '=', year)
    .where((eb) => eb.or([eb('c.path', 'like', `${pathPrefix}%`), eb('u.path', 'like', `${pathPrefix}%`)]))
    .orderBy('c.code')
    .orderBy('u.code')
    .execute();
}

/**
 * The console's overview: a year's agreements with either side under a path, each direction's total and
 * submission time (null when that side still owes it), in the order of the communities' and units' codes.
 */
export async function listTwowayOverviewRows(db: Kysely<Database>, year: number, pathPrefix: string) {
  return db
    .selectFrom('agreements as a')
    .innerJoin('organizations as c', 'c.id', 'a.community_id')
    .innerJoin('organizations as u', 'u.id', 'a.unit_id')
    .leftJoin('twoway_evaluations as cu', (j) => j.onRef('cu.agreement_id', '=', 'a.id').on('cu.direction', '=', 'community_rates_unit'))
    .leftJoin('twoway_evaluations as uc', (j) => j.onRef('uc.agreement_id', '=', 'a.id').on('uc.direction', '=', 'unit_rates_community'))
    .select([
      'a.id',
      'c.id as community_id',
      'c.name as community_name',
      'u.id as unit_id',
      'u.name as unit_name',
      'cu.total as community_given',
      'cu.submitted_at as community_given_at',
      'uc.total as unit_given',
      'uc.submitted_at as unit_given_at',
    ])
    .where('a.year', '=', year)
    .where((eb) => eb.or([eb('c.path', 'like', `${pathPrefix}%`), eb('u.path', 'like', `${pathPrefix}%`)]))
    .orderBy('c.code')
    .orderBy('u.code')
    .orderBy('a.id')
    .execute();
}
