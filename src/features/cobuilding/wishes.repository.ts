import { type Kysely, sql } from 'kysely';
import type { Database, WishState } from '../../db/database';

/** 微心愿 queries: a wish with its organization, its community (a grid's parent) and its claimer. */
const wishQuery = (db: Kysely<Database>) =>
  db
    .selectFrom('cb_wishes as w')
    .innerJoin('organizations as o', 'o.id', 'w.org_id')
    .leftJoin('organizations as c', 'c.id', 'w.claimer_id')
    .selectAll('w')
    .select(['o.name as org_name', 'o.path as org_path', 'c.name as claimer_name', 'c.path as claimer_path'])
    .select(sql<number>`case when o.kind = 'grid' then o.parent_id else o.id end`.as('community_id'));

export type WishRow = NonNullable<Awaited<ReturnType<typeof findWishRow>>>;

export async function insertWishRow(db: Kysely<Database>, row: Pick<Database['cb_wishes'], 'org_id' | 'wish' | 'resident_alias' | 'resident_contact' | 'consent_on' | 'raised_on' | 'created_by'>) {
  return (await db.insertInto('cb_wishes').values({ ...row, state: 'open', fulfil_file_ids: '[]' }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function findWishRow(db: Kysely<Database>, id: number, lock?: boolean) {
  return wishQuery(db)
    .where('w.id', '=', id)
    .$if(!!lock, (q) => q.forUpdate('w'))
    .executeTakeFirst();
}

export async function findWishByCode(db: Kysely<Database>, codeHash: string, lock?: boolean) {
  return wishQuery(db)
    .where('w.confirm_code_hash', '=', codeHash)
    .$if(!!lock, (q) => q.forUpdate('w'))
    .executeTakeFirst();
}

/** The wall: wishes of communities and grids under `prefix`, those claimed by it, and those of communities its units have agreements with. */
export async function listWishRows(db: Kysely<Database>, f: { prefix: string; state?: WishState; limit: number; offset: number }) {
  const agreed = sql<boolean>`exists (select 1 from agreements a join organizations u on u.id = a.unit_id where a.community_id = case when o.kind = 'grid' then o.parent_id else o.id end and u.path like ${`${f.prefix}%`})`;
  const base = wishQuery(db)
    .where((eb) => eb.or([eb('o.path', 'like', `${f.prefix}%`), eb('c.path', 'like', `${f.prefix}%`), agreed]))
    .$if(f.state !== undefined, (q) => q.where('w.state', '=', f.state!));
  const [rows, total] = await Promise.all([
    base.orderBy(sql`case w.state when 'open' then 0 when 'claimed' then 1 when 'fulfilled' then 2 else 3 end`).orderBy('w.raised_on', 'desc').orderBy('w.id', 'desc').limit(f.limit).offset(f.offset).execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function updateWishRow(
  db: Kysely<Database>,
  id: number,
  patch: Partial<Pick<Database['cb_wishes'], 'state' | 'claimer_id' | 'claimer_member' | 'claimed_on' | 'fulfilled_on' | 'fulfil_text' | 'confirm_code_hash' | 'confirmed_on' | 'resident_contact' | 'contact_deleted_on'>> & { fulfil_file_ids?: readonly number[] },
) {
  const { fulfil_file_ids, ...rest } = patch;
  await db
    .updateTable('cb_wishes')
    .set({ ...rest, ...(fulfil_file_ids ? { fulfil_file_ids: JSON.stringify(fulfil_file_ids) } : {}) })
    .where('id', '=', id)
    .execute();
}
