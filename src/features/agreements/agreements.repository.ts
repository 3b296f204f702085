import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';

function agreementQuery(db: Kysely<Database>) {
  return db
    .selectFrom('agreements as a')
    .innerJoin('organizations as c', 'c.id', 'a.community_id')
    .innerJoin('organizations as u', 'u.id', 'a.unit_id')
    .select([
      'a.id',
      'a.community_id',
      'c.name as community_name',
      'c.path as community_path',
      'a.unit_id',
      'u.name as unit_name',
      'u.path as unit_path',
      'a.year',
      'a.content',
      'a.signed_on',
    ]);
}

export type AgreementRow = Awaited<ReturnType<typeof findAgreementRow>> & {};

export async function findAgreementRow(db: Kysely<Database>, id: number) {
  return agreementQuery(db).where('a.id', '=', id).executeTakeFirst();
}

export async function findAgreementByPair(db: Kysely<Database>, communityId: number, unitId: number, year: number) {
  return db
    .selectFrom('agreements')
    .select('id')
    .where('community_id', '=', communityId)
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** Co-building partners of a community in a year (ids of the units). */
export async function partnerUnitIds(db: Kysely<Database>, communityId: number, year: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('agreements')
    .select('unit_id')
    .where('community_id', '=', communityId)
    .where('year', '=', year)
    .execute();
  return new Set(rows.map((r) => r.unit_id));
}

export async function insertAgreementRow(
  db: Kysely<Database>,
  row: { community_id: number; unit_id: number; year: number; content: string; signed_on: string | null },
) {
  return db.insertInto('agreements').values(row).returning('id').executeTakeFirstOrThrow();
}

export type AgreementFilter = {
  pathPrefix: string;
  year?: number;
  communityId?: number;
  unitId?: number;
  limit: number;
  offset: number;
};

/** Agreements where either side lies under the path. */
export async function listAgreementRows(db: Kysely<Database>, f: AgreementFilter) {
  const base = agreementQuery(db)
    .where((eb) => eb.or([eb('c.path', 'like', `${f.pathPrefix}%`), eb('u.path', 'like', `${f.pathPrefix}%`)]))
    .$if(f.year !== undefined, (q) => q.where('a.year', '=', f.year!))
    .$if(f.communityId !== undefined, (q) => q.where('a.community_id', '=', f.communityId!))
    .$if(f.unitId !== undefined, (q) => q.where('a.unit_id', '=', f.unitId!));
  const [rows, count] = await Promise.all([
    base.orderBy('a.year', 'desc').orderBy('a.id').limit(f.limit).offset(f.offset).execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
