import { IdParam, Page } from '../common.schemas';
import { jsonBody, jsonRoute } from '../openapi';
import { newRouter } from '../router';
import { CreateMeetingInput, ListMeetingsQuery, Meeting, SetAttendanceInput } from './meetings.schemas';
import { createMeeting, getMeeting, listMeetings, setAttendance } from './meetings.service';

const tags = ['联席会议'];

export function meetingRoutes() {
  const r = newRouter();
  r.openapi(
    jsonRoute({ method: 'get', path: '/', summary: '多方参加的会议列表', tags, request: { query: ListMeetingsQuery }, response: Page(Meeting) }),
    async (c) => c.json(await listMeetings({ ctx: c.get('ctx'), input: c.req.valid('query') }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'post', path: '/', summary: '登记会议及各单位出席情况', tags, request: jsonBody(CreateMeetingInput), response: Meeting, status: 201 }),
    async (c) => c.json(await createMeeting({ ctx: c.get('ctx'), input: c.req.valid('json') }), 201),
  );
  r.openapi(
    jsonRoute({ method: 'get', path: '/{id}', summary: '查看会议', tags, request: { params: IdParam }, response: Meeting }),
    async (c) => c.json(await getMeeting({ ctx: c.get('ctx'), id: c.req.valid('param').id }), 200),
  );
  r.openapi(
    jsonRoute({
      method: 'post',
      path: '/{id}/attendance',
      summary: '更正出席情况',
      tags,
      request: { params: IdParam, ...jsonBody(SetAttendanceInput) },
      response: Meeting,
    }),
    async (c) => c.json(await setAttendance({ ctx: c.get('ctx'), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  );
  return r;
}
