import { z } from '../../lib/zod';
import { IsoDate, Pagination } from '../common.schemas';

export const AttendanceStatus = z.enum(['present', 'excused', 'absent']);
export const MeetingKind = z.enum(['joint_meeting', 'policy_study']).openapi({ description: 'joint_meeting 大党委联席会议；policy_study 政策学习会' });

export const AttendanceInput = z
  .object({ orgId: z.number().int().positive().max(2_147_483_647), status: AttendanceStatus, note: z.string().trim().max(200).optional() })
  .strict();

export const Meeting = z
  .object({
    id: z.number().int(),
    cycleYear: z.number().int(),
    kind: MeetingKind,
    kindLabel: z.string(),
    hostOrgId: z.number().int(),
    hostOrgName: z.string(),
    title: z.string(),
    heldOn: z.string(),
    attendance: z.array(
      z.object({ orgId: z.number().int(), orgName: z.string(), status: AttendanceStatus, statusLabel: z.string(), note: z.string().nullable() }),
    ),
  })
  .openapi('Meeting');
export type Meeting = z.infer<typeof Meeting>;

export const CreateMeetingInput = z
  .object({
    hostOrgId: z.number().int().positive().max(2_147_483_647),
    kind: MeetingKind,
    title: z.string().trim().min(1).max(200).openapi({ example: '第二季度大党委联席会议' }),
    heldOn: IsoDate,
    attendance: z.array(AttendanceInput).min(1).max(500),
  })
  .strict()
  .openapi('CreateMeeting');

export const SetAttendanceInput = z.object({ attendance: z.array(AttendanceInput).min(1).max(500) }).strict().openapi('SetAttendance');

export const ListMeetingsQuery = Pagination.extend({
  cycle: z.coerce.number().int().min(1900).max(9999).optional(),
  hostOrgId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  kind: MeetingKind.optional(),
});
