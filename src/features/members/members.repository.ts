import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';

/** Members with the paths of their own organization and of the community they live in. */
export async function findMembersByIds(db: Kysely<Database>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('members as m')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .leftJoin('organizations as c', 'c.id', 'm.residence_community_id')
    .select([
      'm.id',
      'm.name',
      'm.org_id',
      'o.path as org_path',
      'm.residence_community_id',
      'c.path as residence_path',
      'm.in_service',
    ])
    .where('m.id', 'in', [...new Set(ids)])
    .execute();
}

/** The columns of a member as the API shows it (its organization's and residence's names joined). */
const memberColumns = [
  'm.id',
  'm.name',
  'm.org_id',
  'o.name as org_name',
  'm.employer_name',
  'm.employer_org_id',
  'm.residence_community_id',
  'c.name as residence_community_name',
  'm.in_service',
] as const;

export type MemberFilter = {
  pathPrefix: string;
  orgId?: number;
  residenceCommunityId?: number;
  inService?: boolean;
  q?: string;
  limit: number;
  offset: number;
};

/**
 * Members visible under a path: those whose own organization is in the subtree, and in-service members
 * who live in a community of the subtree (the community sees who reports to it).
 */
export async function listMemberRows(db: Kysely<Database>, f: MemberFilter) {
  const base = db
    .selectFrom('members as m')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .leftJoin('organizations as c', 'c.id', 'm.residence_community_id')
    .where((eb) =>
      eb.or([
        eb('o.path', 'like', `${f.pathPrefix}%`),
        eb.and([eb('m.in_service', '=', true), eb('c.path', 'like', `${f.pathPrefix}%`)]),
      ]),
    )
    .$if(f.orgId !== undefined, (q) => q.where('m.org_id', '=', f.orgId!))
    .$if(f.residenceCommunityId !== undefined, (q) => q.where('m.residence_community_id', '=', f.residenceCommunityId!))
    .$if(f.inService !== undefined, (q) => q.where('m.in_service', '=', f.inService!))
    .$if(f.q !== undefined, (q) => q.where('m.name', 'like', `%${f.q}%`));
  const [rows, count] = await Promise.all([
    base
      .select(memberColumns)
      .orderBy('m.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export type NewMemberRow = {
  name: string;
  org_id: number;
  employer_name: string | null;
  employer_org_id: number | null;
  residence_community_id: number | null;
  in_service: boolean;
};

/** Inserts members in batches; returns their ids in order. */
export async function insertMemberRows(db: Kysely<Database>, rows: readonly NewMemberRow[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 2000) {
    const out = await db.insertInto('members').values(rows.slice(i, i + 2000)).returning('id').execute();
    ids.push(...out.map((r) => r.id));
  }
  return ids;
}

/** The (organization, name) pairs among these organizations that already have a member of that name. */
export async function existingMemberNames(db: Kysely<Database>, orgIds: readonly number[]): Promise<Set<string>> {
  if (orgIds.length === 0) return new Set();
  const rows = await db.selectFrom('members').select(['org_id', 'name']).where('org_id', 'in', [...new Set(orgIds)]).execute();
  return new Set(rows.map((r) => `${r.org_id}|${r.name}`));
}

export type MemberRow = {
  id: number;
  name: string;
  org_id: number;
  org_name: string;
  org_path: string;
  employer_name: string | null;
  employer_org_id: number | null;
  residence_community_id: number | null;
  residence_community_name: string | null;
  residence_path: string | null;
  in_service: boolean;
};

/** One member as the API shows it, with the paths its access is decided by; locked for update when a write reads it. */
export async function findMemberRow(db: Kysely<Database>, id: number, opts: { forUpdate?: boolean } = {}): Promise<MemberRow | undefined> {
  return db
    .selectFrom('members as m')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .leftJoin('organizations as c', 'c.id', 'm.residence_community_id')
    .select([...memberColumns, 'o.path as org_path', 'c.path as residence_path'])
    .where('m.id', '=', id)
    .$if(opts.forUpdate === true, (q) => q.forUpdate('m'))
    .executeTakeFirst();
}

/** Changes a member's fields; returns nothing (read the member again for its joined names). */
export async function updateMemberRow(db: Kysely<Database>, id: number, patch: Partial<NewMemberRow>): Promise<void> {
  await db.updateTable('members').set(patch).where('id', '=', id).execute();
}

/** True when the organization has a member of this name other than `exceptId`. */
export async function memberNameTaken(db: Kysely<Database>, orgId: number, name: string, exceptId?: number): Promise<boolean> {
  const row = await db
    .selectFrom('members')
    .select('id')
    .where('org_id', '=', orgId)
    .where('name', '=', name)
    .$if(exceptId !== undefined, (q) => q.where('id', '<>', exceptId!))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
