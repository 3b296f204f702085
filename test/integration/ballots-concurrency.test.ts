import { request, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { client, setupTestApp, type TestApp } from '../support/app';
import { onPostgres } from '../support/db';
import { createCycle, createToken, createTree, type Tree } from '../support/factories';

/**
 * Ballots over real HTTP (the node server on 127.0.0.1, an ephemeral port): a thousand submissions at
 * once, a tenth of them with codes already used, and pairs racing on one fresh code. The database
 * decides (a conditional UPDATE claims each code), so exactly one submission per code counts.
 */

let t: TestApp;
let tree: Tree;
let server: ReturnType<typeof serve>;
let port: number;
let campaignId: number;
/** A keep-alive agent per test, destroyed after it: no socket of one test is reused by the next. */
let agent: Agent;

function post(code: string, from: string): Promise<{ status: number; body: string }> {
  const body = new URLSearchParams({ item_overall: '满意' }).toString();
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: `/b/${code}`, method: 'POST', agent, headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), 'x-test-client': from } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function codes(count: number): Promise<string[]> {
  const admin = client(t.app, await createToken(t.db, 'admin', tree.district.id));
  const res = await admin.post(`/api/campaigns/${campaignId}/codes`, { targetOrgId: tree.grid.id, raterGroup: '居民', count });
  expect(res.status).toBe(201);
  return res.body.codes.map((c: { code: string }) => c.code);
}

/** Ballots cast: those still pending (until the campaign's next move or its closing) and those moved. */
const countBallots = async () =>
  (await sql<{ n: number }>`select ((select count(*) from ballots where campaign_id = ${campaignId}) + (select count(*) from pending_ballots where campaign_id = ${campaignId}))::int as n`.execute(t.db)).rows[0]!.n;

beforeAll(async () => {
  t = await setupTestApp();
  tree = await createTree(t.db, '并发');
  const year = await createCycle(t.db, 'reviewing');
  const admin = client(t.app, await createToken(t.db, 'admin', tree.district.id));
  const res = await admin.post('/api/campaigns', {
    year,
    orgId: tree.district.id,
    title: '并发评议',
    items: [{ key: 'overall', label: '总体评价' }],
    targets: [tree.grid.id],
    opensOn: '2020-01-01',
    closesOn: '2999-12-31',
  });
  campaignId = res.body.id;
  expect((await admin.post(`/api/campaigns/${campaignId}/open`)).status).toBe(200);
  await new Promise<void>((resolve) => {
    server = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      port = info.port;
      resolve();
    });
  });
});

beforeEach(() => {
  agent = new Agent({ keepAlive: true, maxSockets: 128 });
});
afterEach(() => agent.destroy());

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

// One PGlite connection serializes every transaction, so races cannot happen there: these run on PostgreSQL.
describe.runIf(onPostgres)('concurrent ballots over HTTP', () => {
  it('counts 900 of 1,000 concurrent submissions when 100 reuse used codes; the 100 hear 409', async () => {
    const fresh = await codes(1000);
    const used = fresh.slice(900);
    for (const code of used) expect((await post(code, '10.0.1.1')).status).toBe(201);
    expect(await countBallots()).toBe(100);

    // 900 fresh codes and the 100 used ones, interleaved, all in flight at once.
    const batch = [...fresh.slice(0, 900).map((c) => ({ c, reuse: false })), ...used.map((c) => ({ c, reuse: true }))].sort((a, b) => (a.c < b.c ? -1 : 1));
    const started = Date.now();
    const results = await Promise.all(batch.map(({ c, reuse }, i) => post(c, `10.1.${i % 250}.${i % 7}`).then((r) => ({ ...r, reuse }))));
    const ms = Date.now() - started;
    console.log(`1,000 concurrent ballot submissions answered in ${ms} ms`);

    const ok = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status === 409);
    expect(ok).toHaveLength(900);
    expect(ok.every((r) => !r.reuse)).toBe(true);
    expect(refused).toHaveLength(100);
    expect(refused.every((r) => r.reuse && r.body.includes('评议码已使用'))).toBe(true);
    expect(await countBallots()).toBe(1000); // 100 before + 900 now
    // Every ballot consumed one code: 1,000 used codes for 1,000 ballots (a ballot names no code).
    const claimed = await sql<{ n: number }>`select count(*)::int as n from ballot_codes k join rating_targets g on g.id = k.target_id where g.campaign_id = ${campaignId} and k.used_at is not null`.execute(t.db);
    expect(claimed.rows[0]!.n).toBe(1000);
  }, 180_000);

  it('counts a code once when two submissions of it race', async () => {
    const before = await countBallots();
    const pairs = await codes(50);
    const results = await Promise.all(pairs.flatMap((c) => [post(c, '10.2.0.1'), post(c.toLowerCase(), '10.2.0.2')]));
    for (let i = 0; i < pairs.length; i++) {
      const statuses = [results[2 * i]!.status, results[2 * i + 1]!.status].sort();
      expect(statuses).toEqual([201, 409]);
    }
    expect((await countBallots()) - before).toBe(50);
  }, 60_000);
});
