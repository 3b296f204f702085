import { z } from '../../lib/zod';
import { IdParam, Page } from '../common.schemas';
import { jsonBody, jsonRoute } from '../openapi';
import { newRouter } from '../router';
import { createLedgerRecord } from './create-ledger-record';
import { updateLedgerRecord, withdrawLedgerRecord } from './edit-ledger-record';
import { BulkReviewInput, CreateLedgerInput, LedgerRecord, ListLedgerQuery, RecordKind, RejectInput, UpdateLedgerInput } from './ledger.schemas';
import { getLedgerRecord, listKinds, listLedger } from './list-ledger';
import { rejectLedgerRecord, reviewLedgerRecords, verifyLedgerRecord } from './review-ledger-record';

const tags = ['日常台账'];

export function ledgerRoutes() {
  const r = newRouter();
  r.openapi(
    jsonRoute({ method: 'get', path: '/kinds', summary: '台账记录类型', tags, response: z.object({ items: z.array(RecordKind) }) }),
    async (c) => c.json(await listKinds({ ctx: c.get('ctx') }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'get', path: '/', summary: '台账记录列表', tags, request: { query: ListLedgerQuery }, response: Page(LedgerRecord) }),
    async (c) => c.json(await listLedger({ ctx: c.get('ctx'), input: c.req.valid('query') }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'post', path: '/', summary: '填报台账记录', tags, request: jsonBody(CreateLedgerInput), response: LedgerRecord, status: 201 }),
    async (c) => c.json(await createLedgerRecord({ ctx: c.get('ctx'), input: c.req.valid('json') }), 201),
  );
  r.openapi(
    jsonRoute({ method: 'get', path: '/{id}', summary: '查看台账记录', tags, request: { params: IdParam }, response: LedgerRecord }),
    async (c) => c.json(await getLedgerRecord({ ctx: c.get('ctx'), id: c.req.valid('param').id }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'put', path: '/{id}', summary: '修改台账记录（审核通过前；被退回的记录修改后重新待审核）', tags, request: { params: IdParam, ...jsonBody(UpdateLedgerInput) }, response: LedgerRecord }),
    async (c) => c.json(await updateLedgerRecord({ ctx: c.get('ctx'), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'post', path: '/{id}/withdraw', summary: '撤回台账记录（审核通过前）', tags, request: { params: IdParam }, response: z.object({ id: z.number().int(), withdrawn: z.literal(true) }) }),
    async (c) => c.json(await withdrawLedgerRecord({ ctx: c.get('ctx'), id: c.req.valid('param').id }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'post', path: '/review', summary: '批量审核（通过或退回，全部成功或全部不变）', tags, request: jsonBody(BulkReviewInput), response: z.object({ items: z.array(LedgerRecord), count: z.number().int() }) }),
    async (c) => c.json(await reviewLedgerRecords({ ctx: c.get('ctx'), input: c.req.valid('json') }), 200),
  );
  r.openapi(
    jsonRoute({ method: 'post', path: '/{id}/verify', summary: '审核通过', tags, request: { params: IdParam }, response: LedgerRecord }),
    async (c) => c.json(await verifyLedgerRecord({ ctx: c.get('ctx'), id: c.req.valid('param').id }), 200),
  );
  r.openapi(
    jsonRoute({
      method: 'post',
      path: '/{id}/reject',
      summary: '退回（须说明原因）',
      tags,
      request: { params: IdParam, ...jsonBody(RejectInput) },
      response: LedgerRecord,
    }),
    async (c) => c.json(await rejectLedgerRecord({ ctx: c.get('ctx'), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  );
  return r;
}
