import type { Kysely } from 'kysely';
import type { Database, EvidenceRef } from '../../db/database';

export async function insertInspection(
  db: Kysely<Database>,
  row: { cycle_year: number; org_id: number; indicator: string; points: string; reason: string; evidence: EvidenceRef[]; inspected_on: string; created_by: string },
) {
  return db
    .insertInto('inspections')
    .values({ ...row, evidence: JSON.stringify(row.evidence) })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function listInspectionRows(db: Kysely<Database>, year: number, pathPrefix: string, orgId?: number) {
  return db
    .selectFrom('inspections as i')
    .innerJoin('organizations as o', 'o.id', 'i.org_id')
    .select(['i.id', 'i.cycle_year', 'i.org_id', 'o.name as org_name', 'i.indicator', 'i.points', 'i.reason', 'i.evidence', 'i.inspected_on', 'i.created_by'])
    .where('i.cycle_year', '=', year)
    .where('o.path', 'like', `${pathPrefix}%`)
    .$if(orgId !== undefined, (q) => q.where('i.org_id', '=', orgId!))
    .orderBy('i.inspected_on', 'desc')
    .orderBy('i.id', 'desc')
    .execute();
}

export async function upsertDeclared(
  db: Kysely<Database>,
  row: { cycle_year: number; org_id: number; key: string; value: unknown; note: string | null; created_by: string; updated_at: Date },
) {
  const before = await db
    .selectFrom('declared_facts')
    .select(['value', 'note'])
    .where('cycle_year', '=', row.cycle_year)
    .where('org_id', '=', row.org_id)
    .where('key', '=', row.key)
    .forUpdate()
    .executeTakeFirst();
  await db
    .insertInto('declared_facts')
    .values({ ...row, value: JSON.stringify(row.value) })
    .onConflict((oc) =>
      oc.columns(['cycle_year', 'org_id', 'key']).doUpdateSet({ value: JSON.stringify(row.value), note: row.note, created_by: row.created_by, updated_at: row.updated_at }),
    )
    .execute();
  return before;
}

export async function listDeclaredRows(db: Kysely<Database>, year: number, pathPrefix: string, orgId?: number, key?: string) {
  return db
    .selectFrom('declared_facts as d')
    .innerJoin('organizations as o', 'o.id', 'd.org_id')
    .select(['d.cycle_year', 'd.org_id', 'o.name as org_name', 'd.key', 'd.value', 'd.note', 'd.created_by', 'd.updated_at'])
    .where('d.cycle_year', '=', year)
    .where('o.path', 'like', `${pathPrefix}%`)
    .$if(orgId !== undefined, (q) => q.where('d.org_id', '=', orgId!))
    .$if(key !== undefined, (q) => q.where('d.key', '=', key!))
    .orderBy('d.org_id')
    .orderBy('d.key')
    .execute();
}
