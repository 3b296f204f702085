import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/database';

/** A revision read whole: every organization's score and grade, as text (to compare two revisions row by row). */
export async function revisionRows(db: Kysely<Database>, revisionId: number) {
  const { rows } = await sql<{ org_id: number; row: string }>`
    select s.org_id, json_build_array(s.category, s.rule_set_hash, s.assessed, s.total, s.result, s.fired, g.grade, g.grade_label,
      g.rank_category, g.rank_parent, g.lagging, g.move, g.last_grade, g.decided_by, g.detail)::text as row
    from scores s left join grades g on g.revision_id = s.revision_id and g.org_id = s.org_id
    where s.revision_id = ${revisionId} order by s.org_id`.execute(db);
  return rows;
}
