import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';

function checkinQuery(db: Kysely<Database>) {
  return db
    .selectFrom('checkins as k')
    .innerJoin('members as m', 'm.id', 'k.member_id')
    .innerJoin('organizations as mo', 'mo.id', 'm.org_id')
    .innerJoin('organizations as c', 'c.id', 'k.community_id')
    .select([
      'k.id',
      'k.member_id',
      'm.name as member_name',
      'm.org_id as member_org_id',
      'mo.name as member_org_name',
      'k.community_id',
      'c.name as community_name',
      'k.cycle_year',
      'k.kind',
      'k.occurred_on',
      'k.hours',
      'k.activity',
    ]);
}

export type CheckinRow = Awaited<ReturnType<typeof findCheckinRow>> & {};

export async function findCheckinRow(db: Kysely<Database>, id: number) {
  return checkinQuery(db).where('k.id', '=', id).executeTakeFirst();
}

export async function insertCheckinRow(
  db: Kysely<Database>,
  row: {
    member_id: number;
    community_id: number;
    cycle_year: number;
    kind: 'report' | 'service';
    occurred_on: string;
    hours: string | null;
    activity: string | null;
    created_by: string;
  },
) {
  return db.insertInto('checkins').values(row).returning('id').executeTakeFirstOrThrow();
}

export type CheckinFilter = {
  pathPrefix: string;
  cycle?: number;
  communityId?: number;
  memberId?: number;
  kind?: 'report' | 'service';
  limit: number;
  offset: number;
};

/** Check-ins to a community of the subtree, or by members of an organization of the subtree. */
export async function listCheckinRows(db: Kysely<Database>, f: CheckinFilter) {
  const base = checkinQuery(db)
    .where((eb) => eb.or([eb('c.path', 'like', `${f.pathPrefix}%`), eb('mo.path', 'like', `${f.pathPrefix}%`)]))
    .$if(f.cycle !== undefined, (q) => q.where('k.cycle_year', '=', f.cycle!))
    .$if(f.communityId !== undefined, (q) => q.where('k.community_id', '=', f.communityId!))
    .$if(f.memberId !== undefined, (q) => q.where('k.member_id', '=', f.memberId!))
    .$if(f.kind !== undefined, (q) => q.where('k.kind', '=', f.kind!));
  const [rows, count] = await Promise.all([
    base.orderBy('k.occurred_on', 'desc').orderBy('k.id', 'desc').limit(f.limit).offset(f.offset).execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
