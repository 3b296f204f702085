import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database';

/** 轮值主席 queries: terms with their community and unit, and the projects each chair's unit claimed in its term. */

const chairQuery = (db: Kysely<Database>) =>
  db
    .selectFrom('cb_chairs as h')
    .innerJoin('organizations as c', 'c.id', 'h.community_id')
    .innerJoin('organizations as u', 'u.id', 'h.unit_id')
    .selectAll('h')
    .select(['c.name as community_name', 'c.path as community_path', 'u.name as unit_name', 'u.path as unit_path']);

export type ChairRow = NonNullable<Awaited<ReturnType<typeof findChairRow>>>;

export async function findChairRow(db: Kysely<Database>, id: number) {
  return chairQuery(db).where('h.id', '=', id).executeTakeFirst();
}

/** Terms of communities under `prefix` and terms held by units under it, latest first. */
export async function listChairRows(db: Kysely<Database>, f: { prefix: string; year?: number; communityId?: number; limit: number; offset: number }) {
  const base = chairQuery(db)
    .where((eb) => eb.or([eb('c.path', 'like', `${f.prefix}%`), eb('u.path', 'like', `${f.prefix}%`)]))
    .$if(f.year !== undefined, (q) => q.where('h.starts_on', '>=', `${f.year}-01-01`).where('h.starts_on', '<=', `${f.year}-12-31`))
    .$if(f.communityId !== undefined, (q) => q.where('h.community_id', '=', f.communityId!));
  const [rows, total] = await Promise.all([
    base.orderBy('h.starts_on', 'desc').orderBy('c.name').orderBy('h.id').limit(f.limit).offset(f.offset).execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** The terms the given units held in a year (their 履责述评: what each chair took on), earliest first. */
export async function chairRowsOfUnits(db: Kysely<Database>, unitIds: readonly number[], year: number) {
  if (unitIds.length === 0) return [];
  return chairQuery(db)
    .where('h.unit_id', 'in', [...unitIds])
    .where('h.starts_on', '>=', `${year}-01-01`)
    .where('h.starts_on', '<=', `${year}-12-31`)
    .orderBy('h.starts_on')
    .orderBy('h.id')
    .execute();
}

/** A term of the community that shares a day with the given dates (other than `exceptId`). */
export async function overlappingChair(db: Kysely<Database>, communityId: number, startsOn: string, endsOn: string) {
  return chairQuery(db).where('h.community_id', '=', communityId).where('h.starts_on', '<=', endsOn).where('h.ends_on', '>=', startsOn).orderBy('h.starts_on').executeTakeFirst();
}

/** Whether the unit has an agreement with the community for the year. */
export async function agreementInYear(db: Kysely<Database>, communityId: number, unitId: number, year: number): Promise<boolean> {
  const row = await db.selectFrom('agreements').select('id').where('community_id', '=', communityId).where('unit_id', '=', unitId).where('year', '=', year).executeTakeFirst();
  return row !== undefined;
}

/** Serializes writes to one community's rota (the overlap check and the insert in one transaction). */
export async function lockCommunityRota(db: Kysely<Database>, communityId: number): Promise<void> {
  await db.selectFrom('organizations').select('id').where('id', '=', communityId).forUpdate().execute();
}

export async function insertChairRow(db: Kysely<Database>, row: Pick<Database['cb_chairs'], 'community_id' | 'unit_id' | 'starts_on' | 'ends_on' | 'duties' | 'created_by'>) {
  return (await db.insertInto('cb_chairs').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function deleteChairRow(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('cb_chairs').where('id', '=', id).execute();
}

/** The projects of each term's community that the term's unit claimed between its first and last day. */
export async function chairProjectRows(db: Kysely<Database>, chairIds: readonly number[]) {
  if (chairIds.length === 0) return [];
  return db
    .selectFrom('cb_chairs as h')
    .innerJoin('cb_projects as p', (j) => j.onRef('p.community_id', '=', 'h.community_id').onRef('p.responsible_id', '=', 'h.unit_id'))
    .select(['h.id as chair_id', 'p.id', 'p.title', 'p.state', 'p.planned_end', 'p.claimed_on', 'p.closed_on'])
    .where('h.id', 'in', [...chairIds])
    .where(sql<boolean>`p.claimed_on between h.starts_on and h.ends_on`)
    .orderBy('p.claimed_on')
    .orderBy('p.id')
    .execute();
}
