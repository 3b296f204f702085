import { type Kysely, sql } from 'kysely';

/**
 * The structured code of the step that decided each grade (DECISIONS.md, the phrasebook): the reason column of
 * rankings, the ranking PDF and the Excel export read it, never the step's text. Filled for stored grades from
 * their steps: the last one that set the grade (a listing as 后进 leaves the grade as it is). Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('grades')
    .addColumn('decided_by', 'text', (c) => c.check(sql`decided_by in ('band', 'direct', 'prerequisite', 'cap', 'veto', 'yearOverYear', 'quota', 'correction')`))
    .execute();
  await sql`update grades g set decided_by = (
      select e.s->>'kind' from json_array_elements(g.detail->'steps') with ordinality e(s, i)
      where e.s->>'kind' <> 'lagging' order by e.i desc limit 1)
    where g.grade is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('grades').dropColumn('decided_by').execute();
}
