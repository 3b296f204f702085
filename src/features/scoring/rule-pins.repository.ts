import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';

/** The categories of a cycle pinned to a stored rule-set version, with its body, by category. */
export async function pinnedRows(db: Kysely<Database>, year: number) {
  return db
    .selectFrom('cycle_rule_sets as p')
    .innerJoin('rule_sets as r', 'r.hash', 'p.rule_set_hash')
    .select(['p.category', 'p.rule_set_hash', 'r.id', 'r.version', 'r.body'])
    .where('p.cycle_year', '=', year)
    .orderBy('p.category')
    .execute();
}

/** Pins categories of a cycle to a rule-set version; a category pinned before is repinned. */
export async function pinRuleSets(db: Kysely<Database>, year: number, pins: readonly { category: string; hash: string }[], by: string) {
  if (pins.length === 0) return;
  await db
    .insertInto('cycle_rule_sets')
    .values(pins.map((p) => ({ cycle_year: year, category: p.category, rule_set_hash: p.hash, pinned_by: by })))
    .onConflict((oc) => oc.columns(['cycle_year', 'category']).doUpdateSet((eb) => ({ rule_set_hash: eb.ref('excluded.rule_set_hash'), pinned_by: eb.ref('excluded.pinned_by'), pinned_at: new Date() })))
    .execute();
}

/** Records a preview's summary; its id is what publishing the same version later asks for. */
export async function insertRulePreview(db: Kysely<Database>, row: { cycle_year: number; rule_set_hash: string; summary: unknown; created_by: string }) {
  return db
    .insertInto('rule_previews')
    .values({ ...row, summary: JSON.stringify(row.summary) })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function findRulePreview(db: Kysely<Database>, id: number) {
  return db.selectFrom('rule_previews').select(['id', 'rule_set_hash', 'cycle_year']).where('id', '=', id).executeTakeFirst();
}
