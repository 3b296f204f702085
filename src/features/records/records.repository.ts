import type { Kysely } from 'kysely';
import type { Database, EvidenceRef, Level, OrgRecordType } from '../../db/database';

export async function insertOrgRecord(
  db: Kysely<Database>,
  row: {
    cycle_year: number;
    org_id: number;
    type: OrgRecordType;
    level: Level | null;
    title: string;
    grade: string | null;
    reason: string;
    approver: string | null;
    evidence: readonly EvidenceRef[];
    recorded_on: string;
    created_by: string;
  },
) {
  return db
    .insertInto('org_records')
    .values({ ...row, evidence: JSON.stringify(row.evidence) })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A cycle's records for the organizations under a path, or for one organization. */
export async function listOrgRecordRows(db: Kysely<Database>, year: number, pathPrefix: string, orgId?: number) {
  return db
    .selectFrom('org_records as r')
    .innerJoin('organizations as o', 'o.id', 'r.org_id')
    .select(['r.id', 'r.org_id', 'o.name as org_name', 'r.type', 'r.level', 'r.title', 'r.grade', 'r.reason', 'r.approver', 'r.recorded_on'])
    .where('r.cycle_year', '=', year)
    .where('o.path', 'like', `${pathPrefix}%`)
    .$if(orgId !== undefined, (q) => q.where('r.org_id', '=', orgId!))
    .orderBy('r.id')
    .execute();
}
