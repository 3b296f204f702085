import type { Kysely } from 'kysely';
import type { Database, DocumentTable } from '../../db/database';
import type { Insertable } from 'kysely';

/**
 * Everything a printed scorecard shows, for the organizations under a path (or one of them) in a revision:
 * the organization, its parent, the stored result with its explanation lines, and the grade.
 */
export async function scorecardRows(db: Kysely<Database>, revisionId: number, pathPrefix: string, orgId?: number) {
  return db
    .selectFrom('scores as s')
    .innerJoin('organizations as o', 'o.id', 's.org_id')
    .leftJoin('organizations as p', 'p.id', 'o.parent_id')
    .leftJoin('grades as g', (j) => j.onRef('g.revision_id', '=', 's.revision_id').onRef('g.org_id', '=', 's.org_id'))
    .leftJoin('categories as k', 'k.code', 's.category')
    .select([
      'o.id as org_id',
      'o.code',
      'o.name',
      'o.secretary_name',
      'p.name as parent_name',
      's.category',
      'k.label as category_label',
      's.rule_set_hash',
      's.assessed',
      's.total',
      's.result',
      'g.grade',
      'g.grade_label',
      'g.rank_category',
      'g.rank_parent',
      'g.lagging',
      'g.move',
      'g.detail',
    ])
    .where('s.revision_id', '=', revisionId)
    .where('o.path', 'like', `${pathPrefix}%`)
    .$if(orgId !== undefined, (q) => q.where('o.id', '=', orgId!))
    .orderBy('s.category')
    .orderBy('g.rank_category')
    .orderBy('o.code')
    .execute();
}

export type ScorecardRow = Awaited<ReturnType<typeof scorecardRows>>[number];

export async function ruleSetBodies(db: Kysely<Database>, hashes: readonly string[]) {
  if (hashes.length === 0) return [];
  return db.selectFrom('rule_sets').select(['hash', 'body']).where('hash', 'in', hashes).execute();
}

export async function insertDocuments(db: Kysely<Database>, rows: readonly Insertable<DocumentTable>[]) {
  if (rows.length > 0) await db.insertInto('documents').values([...rows]).execute();
}

export async function findDocument(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('documents as d')
    .innerJoin('organizations as o', 'o.id', 'd.org_id')
    .select(['d.id', 'd.kind', 'd.cycle_year', 'd.org_id', 'd.revision_id', 'd.content_hash', 'd.content_version', 'd.title', 'd.created_at', 'o.path', 'o.name as org_name'])
    .where('d.id', '=', id)
    .executeTakeFirst();
}
