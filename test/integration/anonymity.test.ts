import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { client, setupTestApp, signIn, cookieClient, type TestApp } from '../support/app';
import { createCycle, createToken, createTree, createUser, type Tree } from '../support/factories';

/**
 * The threat model of DECISIONS.md: someone who can SELECT every table, system columns included (xmin, ctid),
 * after a campaign or review session has closed, tries to join a ballot or a vote to its code, its rater, a user,
 * a token or an address. Each join is tried; every one must come back empty or no better than chance.
 */

let t: TestApp;
let tree: Tree;
let year: number;
let admin: ReturnType<typeof client>;
const onPostgres = Boolean(process.env.DATABASE_URL);

/** The transaction id that wrote a row, as a number (xmin is of type xid). */
const xminOf = (alias: string) => sql.raw(`(${alias}.xmin::text)::bigint`);

beforeAll(async () => {
  t = await setupTestApp();
  tree = await createTree(t.db, '匿名');
  year = await createCycle(t.db, 'reviewing');
  admin = client(t.app, await createToken(t.db, 'admin', tree.district.id));
});

describe('resident ballots after their campaign closes', () => {
  const answersOf = (i: number) => ({ a: ['很满意', '满意', '基本满意', '不满意'][i % 4]!, b: ['很满意', '满意', '基本满意', '不满意'][Math.floor(i / 4) % 4]! });
  let campaignId: number;
  const order: string[] = [];

  beforeAll(async () => {
    const c = await admin.post('/api/campaigns', { year, orgId: tree.district.id, title: '匿名测评', items: [{ key: 'a', label: '服务' }, { key: 'b', label: '作风' }], targets: [tree.grid.id], opensOn: '2020-01-01', closesOn: '2999-12-31' });
    campaignId = c.body.id;
    await admin.post(`/api/campaigns/${campaignId}/open`);
    const issued = await admin.post(`/api/campaigns/${campaignId}/codes`, { targetOrgId: tree.grid.id, raterGroup: '居民', count: 16 });
    // 16 residents vote one after the other, each with its own pair of answers (so the order of casting is known).
    for (const [i, { code }] of (issued.body.codes as { code: string }[]).entries()) {
      const res = await t.app.request(`/b/${code}`, { method: 'POST', headers: { 'x-test-client': `10.20.0.${i}` }, body: new URLSearchParams({ item_a: answersOf(i).a, item_b: answersOf(i).b }) });
      expect(res.status).toBe(201);
      order.push(`${answersOf(i).a}|${answersOf(i).b}`);
    }
    expect((await admin.post(`/api/campaigns/${campaignId}/close`)).status).toBe(200);
  });

  it('keeps no reference from a ballot to its code, and nothing waits in the pending table', async () => {
    const cols = await sql<{ column_name: string }>`select column_name from information_schema.columns where table_name = 'ballots'`.execute(t.db);
    expect(cols.rows.map((r) => r.column_name).filter((c) => /code|rater_id|user|token|address|^ip/.test(c))).toEqual([]);
    const pending = await sql<{ n: number }>`select count(*)::int as n from pending_ballots where campaign_id = ${campaignId}`.execute(t.db);
    expect(pending.rows[0]!.n).toBe(0);
  });

  it('leaves ballots and used codes all last written by the closing transaction: an equal-xmin join pairs every ballot with every code', async () => {
    // Before, the claiming transaction wrote the code and the ballot: joining on xmin paired each ballot with its code.
    const joined = await sql<{ pairs: number; ballots: number }>`select count(*)::int as pairs, count(distinct b.id)::int as ballots from ballots b
      join ballot_codes k on ${xminOf('k')} = ${xminOf('b')} join rating_targets g on g.id = k.target_id and g.campaign_id = ${campaignId} where b.campaign_id = ${campaignId}`.execute(t.db);
    expect(joined.rows[0]).toEqual({ pairs: 16 * 16, ballots: 16 }); // 16 × 16: each ballot with all 16 codes, i.e. with none in particular
    const codes = await sql<{ xmins: number; times: number; used: number }>`
      select count(distinct ${xminOf('k')})::int as xmins, count(distinct k.used_at)::int as times, count(*)::int as used
      from ballot_codes k join rating_targets g on g.id = k.target_id where g.campaign_id = ${campaignId} and k.used_at is not null`.execute(t.db);
    expect(codes.rows[0]).toEqual({ xmins: 1, times: 1, used: 16 });
  });

  it('stores the ballots in an order that is not the order of voting (ids and physical places alike)', async () => {
    const byId = (await sql<{ a: string; b: string }>`select answers->>'a' as a, answers->>'b' as b from ballots where campaign_id = ${campaignId} order by id`.execute(t.db)).rows.map((r) => `${r.a}|${r.b}`);
    const byPlace = (await sql<{ a: string; b: string }>`select answers->>'a' as a, answers->>'b' as b from ballots where campaign_id = ${campaignId} order by ctid`.execute(t.db)).rows.map((r) => `${r.a}|${r.b}`);
    expect([...byId].sort()).toEqual([...order].sort()); // all 16 are there
    // 16 distinct ballots in the order of voting by chance: 1 in 16! (about 5 × 10⁻¹⁴).
    expect(byId).not.toEqual(order);
    expect(byPlace).not.toEqual(order);
  });

  it.skipIf(!onPostgres)('keeps no client address in the limiter counters PostgreSQL holds, nor a key equal to a ballot\'s', async () => {
    const hits = await sql<{ n: number }>`select count(*)::int as n from rate_limits where key like '%10.20.0.%'`.execute(t.db);
    expect(hits.rows[0]!.n).toBe(0);
    const same = await sql<{ n: number }>`select count(*)::int as n from rate_limits r join ballots b on r.key like '%' || b.client_key where b.campaign_id = ${campaignId}`.execute(t.db);
    expect(same.rows[0]!.n).toBe(0);
    const keys = await sql<{ n: number }>`select count(*)::int as n from rate_limits where key like 'b:%'`.execute(t.db);
    expect(keys.rows[0]!.n).toBeGreaterThan(0); // the counters were there to look at
  });
});

describe('duty-review votes after their session closes', () => {
  let sessionId: number;
  const reviewers: { id: number; login: string; password: string }[] = [];
  const order: string[] = [];
  const answers = ['好', '较好', '一般', '差'];

  beforeAll(async () => {
    const s = await admin.post('/api/reviews', { year, kind: 'secretary', orgId: tree.street.id, title: '匿名述职评议' });
    sessionId = s.body.id;
    await admin.post(`/api/reviews/${sessionId}/subjects`, { orgIds: [tree.community.id] });
    for (let i = 0; i < 8; i++) reviewers.push(await createUser(t.db, { role: 'reviewer', orgId: tree.street.id }));
    await admin.post(`/api/reviews/${sessionId}/raters`, { group: 'superior', userIds: reviewers.map((r) => r.id) });
    expect((await admin.post(`/api/reviews/${sessionId}/transition`, { to: 'open' })).status).toBe(200);
    const ballot = await cookieClient(t.app, ...(await session(reviewers[0]!))).get(`/api/reviews/${sessionId}/ballot`);
    const items = (ballot.body.items as { key: string }[]).map((i) => i.key);
    // Each reviewer signs in (a session, an attempt row, touched as it goes) and votes its own pattern.
    for (const [i, r] of reviewers.entries()) {
      const pick = Object.fromEntries(items.map((k, j) => [k, answers[Math.floor(i / 4 ** j) % 4]!]));
      const res = await cookieClient(t.app, ...(await session(r))).post(`/api/reviews/${sessionId}/votes`, { votes: [{ orgId: tree.community.id, answers: pick }] });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      order.push(JSON.stringify(pick));
    }
    expect((await admin.post(`/api/reviews/${sessionId}/transition`, { to: 'closed' })).status).toBe(200);
  });

  async function session(u: { login: string; password: string }): Promise<[string, string]> {
    const s = await signIn(t.app, u.login, u.password, `10.30.0.${u.login.length}`);
    return [s.cookie!, s.csrf!];
  }

  it('leaves votes and the raters who voted all last written by the closing transaction: an equal-xmin join pairs each vote with all 8', async () => {
    const joined = await sql<{ pairs: number }>`select count(*)::int as pairs from review_votes v join review_raters r on ${xminOf('r')} = ${xminOf('v')} and r.session_id = ${sessionId} where v.session_id = ${sessionId}`.execute(t.db);
    expect(joined.rows[0]!.pairs).toBe(8 * 8);
    const raters = await sql<{ xmins: number; times: number; used: number }>`
      select count(distinct ${xminOf('r')})::int as xmins, count(distinct r.used_at)::int as times, count(*)::int as used from review_raters r where r.session_id = ${sessionId} and r.used_at is not null`.execute(t.db);
    expect(raters.rows[0]).toEqual({ xmins: 1, times: 1, used: 8 });
    const pending = await sql<{ n: number }>`select count(*)::int as n from pending_review_sheets where session_id = ${sessionId}`.execute(t.db);
    expect(pending.rows[0]!.n).toBe(0);
  });

  it('gives votes nothing that tells one rater\'s from another\'s: one transaction, no time, no rater column, no audit row per sheet', async () => {
    const votes = await sql<{ xmins: number; n: number }>`select count(distinct ${xminOf('v')})::int as xmins, count(*)::int as n from review_votes v where v.session_id = ${sessionId}`.execute(t.db);
    expect(votes.rows[0]).toEqual({ xmins: 1, n: 8 }); // all written by the one closing transaction, far from any reviewer's own
    const cols = await sql<{ column_name: string }>`select column_name from information_schema.columns where table_name = 'review_votes'`.execute(t.db);
    expect(cols.rows.map((r) => r.column_name).filter((c) => /rater|user|token|code|_at$|time/.test(c))).toEqual([]);
    const ids = reviewers.map((r) => `user:${r.id}`);
    const audited = await sql<{ n: number }>`select count(*)::int as n from audit_log where actor_id = any(${ids}::text[])`.execute(t.db);
    expect(audited.rows[0]!.n).toBe(0); // a sheet cast marks nothing in the audit log
  });

  it('stores the votes in an order that is not the order of voting', async () => {
    const byPlace = (await sql<{ answers: Record<string, string> }>`select answers from review_votes where session_id = ${sessionId} order by ctid`.execute(t.db)).rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r.answers).sort())));
    const cast = order.map((o) => JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(o) as Record<string, string>).sort())));
    expect([...byPlace].sort()).toEqual([...cast].sort());
    expect(byPlace).not.toEqual(cast); // 8 sheets in their voting order by chance: 1 in 40,320 at most
  });
});
