import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exceljsSpreadsheet } from '../../src/adapters/spreadsheet-exceljs';
import { createApp } from '../../src/app';
import { quietLogger } from '../../src/deps';
import { systemClock } from '../../src/lib/clock';
import { client, testAuthDeps, testBallotOptions, testRuleSets, testPrinting } from '../support/app';
import { openIsolatedDatabase } from '../support/db';
import { createCycle, createOrg, createToken } from '../support/factories';

/** Cycles are shared by the whole database, so these tests need a database with exactly one top-level organization. */
let handle: Awaited<ReturnType<typeof openIsolatedDatabase>>;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  handle = await openIsolatedDatabase();
  app = createApp({ ruleSets: await testRuleSets(), db: handle.db, dbKind: handle.kind, clock: systemClock, logger: quietLogger, spreadsheet: exceljsSpreadsheet, printing: testPrinting(), ballots: testBallotOptions(), ...testAuthDeps(handle.db, handle.kind, systemClock) });
});
afterAll(() => handle.drop());

describe('cycles', () => {
  it('moves forward one manual step at a time, audited, and refuses skipping', async () => {
    const district = await createOrg(handle.db, { kind: 'district' });
    const street = await createOrg(handle.db, { kind: 'street', parent_id: district.id });
    const admin = client(app, await createToken(handle.db, 'admin', district.id));
    const created = await admin.post('/api/cycles', { year: 2030 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ year: 2030, state: 'draft', stateLabel: '草稿' });
    expect((await admin.post('/api/cycles', { year: 2030 })).status).toBe(409);

    const skip = await admin.post('/api/cycles/2030/transition', { to: 'reviewing' });
    expect(skip.status).toBe(409);
    expect(skip.body.error.message).toContain('下一步只能是「台账填报中」');
    const step = await admin.post('/api/cycles/2030/transition', { to: 'collecting' });
    expect(step.status).toBe(200);
    expect(step.body).toMatchObject({ state: 'collecting', stateLabel: '台账填报中' });
    const audit = await admin.get('/api/audit?entity=cycle&entityId=2030');
    expect(audit.body.items.map((r: { action: string; before: unknown; after: unknown }) => [r.action, r.before, r.after])).toEqual([
      ['cycle.transition', { state: 'draft' }, { state: 'collecting' }],
      ['cycle.create', null, expect.objectContaining({ year: 2030 })],
    ]);

    const streetAdmin = client(app, await createToken(handle.db, 'admin', street.id));
    expect((await streetAdmin.post('/api/cycles/2030/transition', { to: 'reviewing' })).status).toBe(403);
    // A leader reads cycles but does not see the audit trail of another top-level tree's actions.
    expect((await client(app, await createToken(handle.db, 'leader', street.id)).get('/api/cycles/2030')).status).toBe(200);
  });

  it('leaves cycles to the command line once there are several top-level organizations', async () => {
    const second = await createOrg(handle.db, { kind: 'district' });
    const admin = client(app, await createToken(handle.db, 'admin', second.id));
    const year = await createCycle(handle.db, 'draft');
    const res = await admin.post(`/api/cycles/${year}/transition`, { to: 'collecting' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('只能用命令行管理');
  });
});
