import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database';

/** The categories a cycle has pinned, with when, by whom (their display name when a person) and the version's title. */
export async function pinsOfYear(db: Kysely<Database>, year: number) {
  return db
    .selectFrom('cycle_rule_sets as p')
    .innerJoin('rule_sets as r', 'r.hash', 'p.rule_set_hash')
    .leftJoin('users as u', (j) => j.on(sql<boolean>`'user:' || u.id = p.pinned_by`))
    .select(['p.category', 'p.rule_set_hash', 'p.pinned_at', 'p.pinned_by', 'u.display_name as pinned_by_name'])
    .where('p.cycle_year', '=', year)
    .execute();
}

/** A stored rule-set version by its content hash. */
export async function storedRuleSet(db: Kysely<Database>, hash: string) {
  return db.selectFrom('rule_sets').select(['hash', 'id', 'version', 'title', 'body']).where('hash', '=', hash).executeTakeFirst();
}

/** Whether the cycle of a year exists. */
export async function cycleExists(db: Kysely<Database>, year: number): Promise<boolean> {
  return (await db.selectFrom('cycles').select('year').where('year', '=', year).executeTakeFirst()) !== undefined;
}

/** The assessment category of an organization (null for one outside every category, or none). */
export async function categoryOfOrg(db: Kysely<Database>, orgId: number): Promise<string | null> {
  return (await db.selectFrom('organizations').select('category').where('id', '=', orgId).executeTakeFirst())?.category ?? null;
}
