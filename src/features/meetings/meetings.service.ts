import { inScope, ledgerWriters, readers, requireRole } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import { attendanceLabel } from '../../domain/catalog';
import { invalidField, notFound } from '../../errors/app-error';
import { todayInChina } from '../../lib/clock';
import { yearOf } from '../../lib/dates';
import { partnerUnitIds } from '../agreements/agreements.repository';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { openCycleFor } from '../cycles/cycle-gates';
import { orgForWrite, orgsForWrite } from '../orgs/org-access';
import { attendanceRows, findMeetingRow, insertMeetingRow, listMeetingRows, upsertAttendance } from './meetings.repository';
import { CreateMeetingInput, ListMeetingsQuery, SetAttendanceInput, type Meeting } from './meetings.schemas';

const kindLabel = { joint_meeting: '大党委联席会议', policy_study: '政策学习会' } as const;

type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeetingRow>>>;

async function withAttendance(ctx: Ctx, rows: MeetingRow[]): Promise<Meeting[]> {
  const att = await attendanceRows(ctx.db, rows.map((r) => r.id));
  return rows.map((m) => ({
    id: m.id,
    cycleYear: m.cycle_year,
    kind: m.kind,
    kindLabel: kindLabel[m.kind],
    hostOrgId: m.host_org_id,
    hostOrgName: m.host_org_name,
    title: m.title,
    heldOn: m.held_on,
    attendance: att
      .filter((a) => a.meeting_id === m.id)
      .map((a) => ({ orgId: a.org_id, orgName: a.org_name, status: a.status, statusLabel: attendanceLabel[a.status], note: a.note })),
  }));
}

/**
 * Invited organizations must be in the caller's subtree or co-building partners of the host that year:
 * a community's 大党委 meeting is attended by resident units that sit on the sector line.
 */
async function checkInvitees(ctx: Ctx, hostId: number, year: number, attendance: readonly { orgId: number }[]) {
  const partners = await partnerUnitIds(ctx.db, hostId, year);
  const seen = new Set<number>();
  attendance.forEach((a, i) => {
    if (seen.has(a.orgId)) throw invalidField(`attendance.${i}.orgId`, `组织 ${a.orgId} 重复出现`);
    seen.add(a.orgId);
  });
  await orgsForWrite(ctx, attendance.map((a, i) => ({ id: a.orgId, field: `attendance.${i}.orgId` })), (org) => partners.has(org.id));
}

/** Records a meeting that several organizations attend, with each invited organization's attendance. */
export async function createMeeting({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<Meeting> {
  requireRole(ctx, ledgerWriters);
  const data = CreateMeetingInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const host = await orgForWrite(tx, data.hostOrgId, 'hostOrgId');
    const today = todayInChina(tx.clock);
    if (data.heldOn > today) throw invalidField('heldOn', `日期 ${data.heldOn} 晚于今天（${today}）`);
    const year = yearOf(data.heldOn);
    await openCycleFor(tx, year, 'meeting', 'heldOn');
    await checkInvitees(tx, host.id, year, data.attendance);
    const { id } = await insertMeetingRow(tx.db, {
      cycle_year: year,
      kind: data.kind,
      host_org_id: host.id,
      title: data.title,
      held_on: data.heldOn,
      created_by: ctx.actor.id,
    });
    await upsertAttendance(tx.db, id, data.attendance);
    const [meeting] = await withAttendance(tx, [(await findMeetingRow(tx.db, id))!]);
    await recordAudit(tx, { action: 'meeting.create', entity: 'meeting', entityId: id, orgId: host.id, after: meeting });
    return meeting!;
  });
}

/** Corrects attendance (e.g. an absence later excused) while the cycle is open. */
export async function setAttendance({ ctx, id, input }: { ctx: Ctx; id: number; input: unknown }): Promise<Meeting> {
  requireRole(ctx, ledgerWriters);
  const data = SetAttendanceInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const row = await findMeetingRow(tx.db, id);
    if (!row) throw notFound('会议', 'id');
    await orgForWrite(tx, row.host_org_id, 'id');
    await openCycleFor(tx, row.cycle_year, 'meeting', 'id');
    await checkInvitees(tx, row.host_org_id, row.cycle_year, data.attendance);
    const [before] = await withAttendance(tx, [row]);
    await upsertAttendance(tx.db, id, data.attendance);
    const [after] = await withAttendance(tx, [row]);
    await recordAudit(tx, {
      action: 'meeting.attendance',
      entity: 'meeting',
      entityId: id,
      orgId: row.host_org_id,
      before: before!.attendance,
      after: after!.attendance,
    });
    return after!;
  });
}

export async function listMeetings({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ items: Meeting[]; total: number }> {
  requireRole(ctx, readers);
  const q = ListMeetingsQuery.parse(input);
  const { rows, total } = await listMeetingRows(ctx.db, { ...q, pathPrefix: ctx.actor.orgPath });
  return { items: await withAttendance(ctx, rows), total };
}

export async function getMeeting({ ctx, id }: { ctx: Ctx; id: number }): Promise<Meeting> {
  requireRole(ctx, readers);
  const row = await findMeetingRow(ctx.db, id);
  if (!row) throw notFound('会议', 'id');
  const [meeting] = await withAttendance(ctx, [row]);
  const visible = inScope(ctx.actor, row.host_path) || (await attendanceRows(ctx.db, [id])).some((a) => inScope(ctx.actor, a.org_path));
  if (!visible) throw notFound('会议', 'id');
  return meeting!;
}
