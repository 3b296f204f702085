import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo';
import { cliActor } from '../../src/features/context';
import { fixedClock } from '../../src/lib/clock';
import { quietLogger } from '../../src/deps';
import { scoreCycle, type RevisionSummary } from '../../src/features/scoring/score-cycle';
import { helpShare, type ShareHost } from '../../src/features/scoring/score-share';
import type { RuleSets } from '../../src/rules/registry';
import { onPostgres, openIsolatedDatabase } from '../support/db';
import { testRuleSets } from '../support/app';
import { revisionRows } from '../support/revision-rows';

/**
 * Workers sharing one scoring job (issue 18, item 3), on PostgreSQL: a helper computes parts' facts in the
 * coordinator's exported snapshot and stages their results; the coordinator stores and grades the whole. The revision
 * must equal one scored by a process alone, row by row, whoever evaluated which part, and a helper that dies holding a
 * part must leave that part to the coordinator. (Real worker processes on the job queue: `npm run bench:workers`.)
 */

let handle: Awaited<ReturnType<typeof openIsolatedDatabase>>;
let ruleSets: RuleSets;
const clock = fixedClock('2026-11-22T04:00:00Z');
const YEAR = 2025;
/** Small parts, so a district of --scale 1 makes many of them. */
const PART = 60;

const ctx = () => ({ actor: cliActor(), db: handle.db, clock, requestId: null });

beforeAll(async () => {
  if (!onPostgres) return;
  handle = await openIsolatedDatabase();
  await seedDemo(ctx(), { scale: 1, seed: 'xingping' });
  ruleSets = await testRuleSets();
}, 300_000);
afterAll(() => handle?.drop());

const rowsOf = (revisionId: number) => revisionRows(handle.db, revisionId);

const reported = (s: RevisionSummary) => ({ ...s, revisionId: 0 });

async function newJob(key: string): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    insert into jobs (kind, dedupe_key, org_id, cycle_year, revision_id, params, requested_by_name)
    values ('score', ${key}, (select id from organizations where parent_id is null order by id limit 1), ${YEAR}, null, '{}', 'test') returning id`.execute(handle.db);
  return rows[0]!.id;
}

async function leftovers() {
  const { rows } = await sql<{ n: number }>`select (select count(*) from score_shares)::int + (select count(*) from score_share_rows)::int as n`.execute(handle.db);
  return rows[0]!.n;
}

describe.skipIf(!onPostgres)('a scoring shared with helping workers', () => {
  let alone: RevisionSummary;

  beforeAll(async () => {
    alone = await scoreCycle({ ctx: ctx(), year: YEAR, ruleSets, partSize: PART });
  }, 300_000);

  it('stores what a process alone stores, row by row, with parts staged by a helper in the same snapshot', async () => {
    const helping: Promise<number>[] = [];
    let changedOrg = 0;
    let reported_: { total: number; byHelpers: number } | null = null;
    const host: ShareHost = {
      outside: handle.db,
      jobId: await newJob('share-1'),
      report: (parts) => (reported_ = parts),
      // A worker process finds an open share within a second (lookForShares); this helper, as soon as it is recorded.
      opened: async (shareId) => {
        // Committed after the coordinator's snapshot, for an organization of the last part (a helper's first): a
        // helper reading anything but that snapshot would score it otherwise.
        changedOrg = (
          await sql<{ org_id: number }>`
            delete from ledger_records where cycle_year = ${YEAR} and org_id = (
              select r.org_id from ledger_records r where r.cycle_year = ${YEAR} and r.org_id in (
                select (o->>0)::int from score_shares s, jsonb_array_elements(s.plan->'parts'->-1->'orgs') o where s.id = ${shareId})
              group by r.org_id order by count(*) desc limit 1)
            returning org_id`.execute(handle.db)
        ).rows[0]!.org_id;
        // Another worker's name, on other connections of the pool.
        helping.push(helpShare({ db: handle.db, ruleSets, logger: quietLogger }, shareId, 'helper-a'));
      },
    };
    const shared = await scoreCycle({ ctx: ctx(), year: YEAR, ruleSets, partSize: PART, share: host });
    const staged = await Promise.all(helping);
    // Parts of 60 over a --scale 1 district: the helper took parts from the end, the coordinator the rest.
    expect(staged[0]).toBeGreaterThan(0);
    expect(reported_).toEqual({ total: expect.any(Number), byHelpers: staged[0] });
    expect(reported(shared)).toEqual(reported(alone));
    expect(await rowsOf(shared.revisionId)).toEqual(await rowsOf(alone.revisionId));
    expect(await leftovers()).toBe(0);
    // The deleted records do change that organization's score once a scoring sees them.
    const after = await rowsOf((await scoreCycle({ ctx: ctx(), year: YEAR, ruleSets, partSize: PART })).revisionId);
    const before = await rowsOf(alone.revisionId);
    expect(after.filter((r, i) => r.row !== before[i]!.row).map((r) => r.org_id)).toContain(changedOrg);
  }, 300_000);

  it('evaluates a part itself when the helper holding it dies; a helper of an ended scoring does nothing, of a killed one removes it', async () => {
    const client = new pg.Client({ connectionString: handle.url });
    await client.connect();
    client.on('error', () => {});
    let shareOf = 0;
    let held = false;
    const host: ShareHost = {
      outside: handle.db,
      jobId: await newJob('share-2'),
      opened: async (shareId) => {
        shareOf = shareId;
        // A helper takes the last part's lock, then its process dies before staging anything.
        const parts = (await sql<{ n: number }>`select jsonb_array_length(plan->'parts')::int as n from score_shares where id = ${shareId}`.execute(handle.db)).rows[0]!.n;
        await client.query('begin');
        held = (await client.query('select pg_try_advisory_xact_lock($1::int4, $2::int4) as got', [shareId, parts - 1])).rows[0].got;
        setTimeout(() => void client.end(), 500);
      },
    };
    const reference = await scoreCycle({ ctx: ctx(), year: YEAR, ruleSets, partSize: PART });
    const started = Date.now();
    const shared = await scoreCycle({ ctx: ctx(), year: YEAR, ruleSets, partSize: PART, share: host });
    expect(held).toBe(true);
    // It waited for the lock to go with the connection, then evaluated the part itself.
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(await rowsOf(shared.revisionId)).toEqual(await rowsOf(reference.revisionId));
    expect(await leftovers()).toBe(0);
    // Its share is gone: an invitation taken late is answered with nothing staged.
    expect(await helpShare({ db: handle.db, ruleSets, logger: quietLogger }, shareOf, 'helper-b')).toBe(0);
    // A share a killed coordinator left: its snapshot cannot be imported, and the first helper to find it removes it.
    const left = await sql<{ id: number }>`
      insert into score_shares (job_id, snapshot, owner, cycle_year, plan)
      values (${host.jobId}, '00000003-0000001A-1', 'killed', ${YEAR}, ${JSON.stringify({ today: '2026-01-01', ruleSets: [], parts: [{ ruleSet: 0, orgs: [] }] })}) returning id`.execute(handle.db);
    expect(await helpShare({ db: handle.db, ruleSets, logger: quietLogger }, left.rows[0]!.id, 'helper-b')).toBe(0);
    expect(await leftovers()).toBe(0);
  }, 300_000);
});
