import { sql, type Kysely } from 'kysely';
import type { Database, TwowayDirection, TwowayFormItem } from '../../db/database';

export type FormRow = { id: number; direction: TwowayDirection; version: number; items: TwowayFormItem[]; created_by: string; created_at: Date };
const formColumns = ['f.id', 'f.direction', 'f.version', 'f.items', 'f.created_by', 'f.created_at'] as const;

/** The newest version of each direction's form. */
export async function latestForms(db: Kysely<Database>): Promise<FormRow[]> {
  return db
    .selectFrom('twoway_forms as f')
    .select(formColumns)
    .where('f.version', '=', (eb) => eb.selectFrom('twoway_forms as g').select((g) => g.fn.max('g.version').as('v')).whereRef('g.direction', '=', 'f.direction'))
    .orderBy('f.direction')
    .execute();
}

/** The forms a year uses: the pinned version of each direction, else the newest. */
export async function formsOfYear(db: Kysely<Database>, year: number): Promise<Map<TwowayDirection, FormRow>> {
  const pinned = await db.selectFrom('twoway_form_pins as p').innerJoin('twoway_forms as f', 'f.id', 'p.form_id').select(formColumns).where('p.cycle_year', '=', year).execute();
  const out = new Map<TwowayDirection, FormRow>((await latestForms(db)).map((f) => [f.direction, f]));
  for (const f of pinned) out.set(f.direction, f);
  return out;
}

/** Pins the newest version of a direction's form to a year unless a version is pinned already; returns the pinned one. */
export async function pinForm(db: Kysely<Database>, year: number, direction: TwowayDirection): Promise<FormRow> {
  await sql`insert into twoway_form_pins (cycle_year, direction, form_id)
    select ${year}, ${direction}, id from twoway_forms where direction = ${direction} order by version desc limit 1
    on conflict do nothing`.execute(db);
  return db
    .selectFrom('twoway_form_pins as p')
    .innerJoin('twoway_forms as f', 'f.id', 'p.form_id')
    .select(formColumns)
    .where('p.cycle_year', '=', year)
    .where('p.direction', '=', direction)
    .executeTakeFirstOrThrow();
}

/** Pins each direction's newest form to these years (the demo's evaluated years). */
export async function pinFormsToYears(db: Kysely<Database>, years: readonly number[]): Promise<void> {
  for (const year of years) for (const d of ['community_rates_unit', 'unit_rates_community'] as const) await pinForm(db, year, d);
}

/** Every pin: which version each evaluated year uses. */
export async function listPins(db: Kysely<Database>) {
  return db
    .selectFrom('twoway_form_pins as p')
    .innerJoin('twoway_forms as f', 'f.id', 'p.form_id')
    .select(['p.cycle_year', 'p.direction', 'f.version'])
    .orderBy('p.cycle_year', 'desc')
    .execute();
}

/** A new version of a direction's form, numbered after the newest (the caller holds the catalog lock). */
export async function insertFormVersion(db: Kysely<Database>, direction: TwowayDirection, items: TwowayFormItem[], by: string): Promise<FormRow> {
  return db
    .insertInto('twoway_forms')
    .values({ direction, items: JSON.stringify(items), created_by: by, version: sql<number>`(select coalesce(max(version), 0) + 1 from twoway_forms where direction = ${direction})` })
    .returning(['id', 'direction', 'version', 'items', 'created_by', 'created_at'])
    .executeTakeFirstOrThrow();
}

/** An arbitrary constant naming the two-way forms' advisory lock (two admins saving at once get consecutive versions). */
const FORMS_LOCK = 7_411_017;
export async function lockForms(db: Kysely<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${FORMS_LOCK})`.execute(db);
}

export type PairOutcomes = { agreementId: number; closedOnTime: number; closedLate: number; wishFulfilled: number; overdueOpen: number };

/**
 * What a unit delivered to one community in the agreement's year, per agreement (the facts' definitions, for one
 * pair): projects of the community it closed on time or late, 微心愿 of the community or its grids it fulfilled, its
 * projects there past their planned end and still open at the year's end (or `today`, the caller's China date).
 */
export async function pairOutcomes(db: Kysely<Database>, agreementIds: readonly number[], today: string): Promise<PairOutcomes[]> {
  if (agreementIds.length === 0) return [];
  const rows = await sql<{ id: number; on_time: string; late: string; wishes: string; overdue: string }>`
    select a.id,
      (select count(*) from cb_projects p where p.community_id = a.community_id and p.responsible_id = a.unit_id and p.closed_on between y.y0 and y.y1 and p.closed_on <= p.planned_end) as on_time,
      (select count(*) from cb_projects p where p.community_id = a.community_id and p.responsible_id = a.unit_id and p.closed_on between y.y0 and y.y1 and p.closed_on > p.planned_end) as late,
      (select count(*) from cb_wishes w join organizations o on o.id = w.org_id where w.claimer_id = a.unit_id and (o.id = a.community_id or (o.kind = 'grid' and o.parent_id = a.community_id)) and w.fulfilled_on between y.y0 and y.y1) as wishes,
      (select count(*) from cb_projects p where p.community_id = a.community_id and p.responsible_id = a.unit_id and p.claimed_on <= y.cutoff and p.planned_end < y.cutoff and (p.closed_on is null or p.closed_on > y.cutoff)) as overdue
    from agreements a
    cross join lateral (select make_date(a.year, 1, 1) as y0, make_date(a.year, 12, 31) as y1, least(make_date(a.year, 12, 31), ${today}::date) as cutoff) y
    where a.id = any(${[...agreementIds]}::int[])`.execute(db);
  return rows.rows.map((r) => ({ agreementId: Number(r.id), closedOnTime: Number(r.on_time), closedLate: Number(r.late), wishFulfilled: Number(r.wishes), overdueOpen: Number(r.overdue) }));
}

/** Evaluations of the community side in these years (the demo fills their computed items after the lists). */
export async function evaluationsOfYears(db: Kysely<Database>, years: readonly number[], direction: TwowayDirection) {
  if (years.length === 0) return [];
  return db.selectFrom('twoway_evaluations').select(['id', 'agreement_id', 'cycle_year', 'items']).where('cycle_year', 'in', [...years]).where('direction', '=', direction).execute();
}

/** Replaces the items and total of evaluations (one statement). */
export async function updateEvaluationItems(db: Kysely<Database>, rows: readonly { id: number; items: Record<string, number>; total: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const values = sql.join(chunk.map((r) => sql`(${r.id}::int, ${JSON.stringify(r.items)}::jsonb, ${r.total}::numeric)`));
    await sql`update twoway_evaluations e set items = v.items, total = v.total from (values ${values}) as v(id, items, total) where e.id = v.id`.execute(db);
  }
}
