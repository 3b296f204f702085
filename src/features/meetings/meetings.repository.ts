import type { Kysely } from 'kysely';
import type { AttendanceStatus, Database } from '../../db/database';

export async function insertMeetingRow(
  db: Kysely<Database>,
  row: { cycle_year: number; kind: 'joint_meeting' | 'policy_study'; host_org_id: number; title: string; held_on: string; created_by: string },
) {
  return db.insertInto('meetings').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Inserts or replaces attendance rows for a meeting. */
export async function upsertAttendance(
  db: Kysely<Database>,
  meetingId: number,
  rows: readonly { orgId: number; status: AttendanceStatus; note?: string }[],
) {
  await db
    .insertInto('meeting_attendance')
    .values(rows.map((r) => ({ meeting_id: meetingId, org_id: r.orgId, status: r.status, note: r.note ?? null })))
    .onConflict((oc) =>
      oc.columns(['meeting_id', 'org_id']).doUpdateSet((eb) => ({ status: eb.ref('excluded.status'), note: eb.ref('excluded.note') })),
    )
    .execute();
}

export async function findMeetingRow(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('meetings as m')
    .innerJoin('organizations as o', 'o.id', 'm.host_org_id')
    .select(['m.id', 'm.cycle_year', 'm.kind', 'm.host_org_id', 'o.name as host_org_name', 'o.path as host_path', 'm.title', 'm.held_on'])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

export async function attendanceRows(db: Kysely<Database>, meetingIds: readonly number[]) {
  if (meetingIds.length === 0) return [];
  return db
    .selectFrom('meeting_attendance as a')
    .innerJoin('organizations as o', 'o.id', 'a.org_id')
    .select(['a.meeting_id', 'a.org_id', 'o.name as org_name', 'o.path as org_path', 'a.status', 'a.note'])
    .where('a.meeting_id', 'in', meetingIds)
    .orderBy('o.code')
    .execute();
}

export type MeetingFilter = { pathPrefix: string; cycle?: number; hostOrgId?: number; kind?: string; limit: number; offset: number };

/** Meetings hosted in the subtree or attended by an organization of it. */
export async function listMeetingRows(db: Kysely<Database>, f: MeetingFilter) {
  const base = db
    .selectFrom('meetings as m')
    .innerJoin('organizations as o', 'o.id', 'm.host_org_id')
    .where((eb) =>
      eb.or([
        eb('o.path', 'like', `${f.pathPrefix}%`),
        eb.exists(
          eb
            .selectFrom('meeting_attendance as a')
            .innerJoin('organizations as ao', 'ao.id', 'a.org_id')
            .whereRef('a.meeting_id', '=', 'm.id')
            .where('ao.path', 'like', `${f.pathPrefix}%`)
            .select('a.org_id'),
        ),
      ]),
    )
    .$if(f.cycle !== undefined, (q) => q.where('m.cycle_year', '=', f.cycle!))
    .$if(f.hostOrgId !== undefined, (q) => q.where('m.host_org_id', '=', f.hostOrgId!))
    .$if(f.kind !== undefined, (q) => q.where('m.kind', '=', f.kind as 'joint_meeting'));
  const [rows, count] = await Promise.all([
    base
      .select(['m.id', 'm.cycle_year', 'm.kind', 'm.host_org_id', 'o.name as host_org_name', 'o.path as host_path', 'm.title', 'm.held_on'])
      .orderBy('m.held_on', 'desc')
      .orderBy('m.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
