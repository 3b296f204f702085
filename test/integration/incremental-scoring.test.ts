import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo';
import { cliActor } from '../../src/features/context';
import { fixedClock } from '../../src/lib/clock';
import { scoreCycle, type RevisionSummary } from '../../src/features/scoring/score-cycle';
import { listCycleScores } from '../../src/features/scoring/get-scorecard';
import type { RuleSets } from '../../src/rules/registry';
import { onPostgres, openIsolatedDatabase } from '../support/db';
import { testRuleSets } from '../support/app';
import { revisionRows } from '../support/revision-rows';

/**
 * `score --changed` (issue 18): a delta revision scores again only the organizations whose facts a write touched,
 * grades their rule sets again with the others' stored results, and stores only what differs from its full base.
 * Read through the `scores` and `grades` views, it must equal a full scoring of the same data, row by row.
 */

let handle: Awaited<ReturnType<typeof openIsolatedDatabase>>;
let ruleSets: RuleSets;
const clock = fixedClock('2026-11-22T04:00:00Z');
const YEAR = 2025;

beforeAll(async () => {
  handle = await openIsolatedDatabase();
  await seedDemo({ actor: cliActor(), db: handle.db, clock, requestId: null }, { scale: 1, seed: 'xingping' });
  ruleSets = await testRuleSets();
}, 300_000);
afterAll(() => handle.drop());

const ctx = () => ({ actor: cliActor(), db: handle.db, clock, requestId: null });
const score = (changed: boolean, partSize?: number) => scoreCycle({ ctx: ctx(), year: YEAR, ruleSets, changed, partSize });

const rowsOf = (revisionId: number) => revisionRows(handle.db, revisionId);

/** What the two scorings report alike: all but the revision's number and how it was worked out. */
const reported = (s: RevisionSummary) => ({ ...s, revisionId: 0, baseRevisionId: null, rescored: 0, warnings: [...s.warnings].sort() });

async function ownRows(revisionId: number) {
  const { rows } = await sql<{ scores: number; grades: number }>`
    select (select count(*) from score_rows where revision_id = ${revisionId})::int as scores,
      (select count(*) from grade_rows where revision_id = ${revisionId})::int as grades`.execute(handle.db);
  return rows[0]!;
}

/** The marks the newest revision of the year has not seen: what the next `score --changed` scores again. */
async function marks() {
  const { rows } = await sql<{ orgs: number; whole: number }>`
    with r as (select marks_snapshot::pg_snapshot as s from score_revisions where cycle_year = ${YEAR} order by id desc limit 1)
    select (select count(*) from score_dirty, r where cycle_year = ${YEAR} and not pg_visible_in_snapshot(xact, r.s))::int as orgs,
      (select count(*) from score_dirty_years, r where cycle_year = ${YEAR} and not pg_visible_in_snapshot(xact, r.s))::int as whole`.execute(handle.db);
  return rows[0]!;
}

async function unseenOrgs() {
  const { rows } = await sql<{ org_id: number }>`
    select org_id from score_dirty where cycle_year = ${YEAR}
      and not pg_visible_in_snapshot(xact, (select marks_snapshot::pg_snapshot from score_revisions where cycle_year = ${YEAR} order by id desc limit 1))`.execute(handle.db);
  return rows.map((r) => r.org_id);
}

/** An organization scored in the year, with ledger records of a kind, by category. */
async function orgWithLedger(category: string, skip: number[] = []) {
  const { rows } = await sql<{ org_id: number; kind: string; id: number; status: string }>`
    select s.org_id, r.kind, r.id, r.status from scores s join ledger_records r on r.org_id = s.org_id and r.cycle_year = ${YEAR}
    where s.revision_id = (select max(id) from score_revisions where cycle_year = ${YEAR}) and s.category = ${category}
      and not (s.org_id = any(${skip}::int[]))
    order by s.org_id, r.id limit 1`.execute(handle.db);
  return rows[0]!;
}

describe('incremental re-scoring', () => {
  let full: RevisionSummary;

  it('scores the year whole once; with nothing changed a delta stores nothing and reads the same', async () => {
    full = await score(false);
    expect(full.baseRevisionId).toBeNull();
    expect(await marks()).toEqual({ orgs: 0, whole: 0 });
    const same = await score(true);
    expect(same).toMatchObject({ baseRevisionId: full.revisionId, rescored: 0 });
    expect(await ownRows(same.revisionId)).toEqual({ scores: 0, grades: 0 });
    expect(await rowsOf(same.revisionId)).toEqual(await rowsOf(full.revisionId));
    expect(reported(same)).toEqual(reported(full));
  }, 120_000);

  it('after ledger, check-in, inspection, meeting and organization writes, two deltas in a row equal full scorings', async () => {
    const grid = await orgWithLedger('grid');
    const community = await orgWithLedger('community');
    const member = await sql<{ id: number; org_id: number }>`
      select m.id, m.org_id from members m join organizations o on o.id = m.org_id where o.kind = 'unit' order by m.id limit 1`.execute(handle.db);

    // Round 1: a record more for a grid, a community's records of one kind gone, an inspection's points changed.
    await sql`insert into ledger_records (org_id, cycle_year, kind, occurred_on, title, participants, evidence, created_by)
      select org_id, cycle_year, kind, occurred_on, title || '（补）', participants, evidence, created_by from ledger_records where id = ${grid.id}`.execute(handle.db);
    await sql`delete from ledger_records where org_id = ${community.org_id} and cycle_year = ${YEAR} and kind = ${community.kind}`.execute(handle.db);
    const other = await orgWithLedger('grid', [grid.org_id]);
    await sql`insert into inspections (cycle_year, org_id, indicator, points, reason, evidence, inspected_on, created_by)
      values (${YEAR}, ${other.org_id}, 'ledger', '-3', '台账不全', '[]', '2025-09-01', 'test')`.execute(handle.db);
    expect((await marks()).orgs).toBeGreaterThanOrEqual(3);
    const first = await score(true);
    expect(first.baseRevisionId).toBe(full.revisionId);
    expect(first.rescored).toBeGreaterThanOrEqual(3);
    expect(first.rescored).toBeLessThan(10);
    expect(await marks()).toEqual({ orgs: 0, whole: 0 });

    // Round 2, on top of that delta: a check-in, a joint meeting with attendees, an organization's member count.
    await sql`insert into checkins (member_id, community_id, cycle_year, kind, occurred_on, hours, activity, created_by)
      select ${member.rows[0]!.id}, ${community.org_id}, ${YEAR}, 'service', '2025-06-01', 3, '测试服务', 'test'`.execute(handle.db);
    const meeting = await sql<{ id: number }>`insert into meetings (cycle_year, kind, host_org_id, title, held_on, created_by)
      values (${YEAR}, 'joint_meeting', ${community.org_id}, '测试联席会议', '2025-07-01', 'test') returning id`.execute(handle.db);
    await sql`insert into meeting_attendance (meeting_id, org_id, status)
      select ${meeting.rows[0]!.id}, unit_id, 'present' from agreements where community_id = ${community.org_id} and year = ${YEAR}`.execute(handle.db);
    await sql`update organizations set member_count = member_count + 5 where id = ${member.rows[0]!.org_id}`.execute(handle.db);
    // Co-building: a grid's need met (it counts for its community too), a project a unit closed, a wish it fulfilled.
    await sql`insert into cb_needs (org_id, kind, title, description, residents, urgency, source, raised_on, state, met_on, created_by)
      select org_id, kind, title || '（补）', description, residents, urgency, source, raised_on, state, met_on, created_by from cb_needs
      where org_id in (select id from organizations where kind = 'grid') and met_on between '2025-01-01' and '2025-12-31' order by id limit 1`.execute(handle.db);
    await sql`insert into cb_projects (community_id, responsible_id, title, goal, planned_start, planned_end, state, created_on, claimed_on, close_proposed_on, closed_on, created_by)
      select community_id, responsible_id, title || '（补）', goal, planned_start, planned_end, state, created_on, claimed_on, close_proposed_on, closed_on, created_by from cb_projects
      where responsible_id is not null and closed_on between '2025-01-01' and '2025-12-31' order by id limit 1`.execute(handle.db);
    await sql`insert into cb_wishes (org_id, wish, resident_alias, resident_contact, contact_deleted_on, consent_on, raised_on, state, claimer_id, claimer_member, claimed_on,
        fulfilled_on, fulfil_text, fulfil_file_ids, confirm_code_hash, confirmed_on, created_by)
      select org_id, wish || '（补）', resident_alias, resident_contact, contact_deleted_on, consent_on, raised_on, state, claimer_id, claimer_member, claimed_on,
        fulfilled_on, fulfil_text, fulfil_file_ids, confirm_code_hash, confirmed_on, created_by from cb_wishes
      where claimer_id is not null and fulfilled_on between '2025-01-01' and '2025-12-31' order by id limit 1`.execute(handle.db);
    expect((await marks()).whole).toBe(0);
    const need = await sql<{ parent_id: number }>`select o.parent_id from cb_needs n join organizations o on o.id = n.org_id where n.title like '%（补）'`.execute(handle.db);
    expect(await unseenOrgs()).toContain(need.rows[0]!.parent_id); // the grid's community
    const second = await score(true, 37); // stored results read in parts too
    expect(second.baseRevisionId).toBe(full.revisionId);
    expect(second.rescored).toBeGreaterThanOrEqual(3);
    const own = await ownRows(second.revisionId);
    // Only what differs from the base is stored: a few score rows, and the grades of the rule sets graded again.
    expect(own.scores).toBeGreaterThan(0);
    expect(own.scores).toBeLessThanOrEqual(first.rescored + second.rescored);
    expect(own.grades).toBeLessThan(full.organizations);

    // The list reads a delta through the view, a full revision from its table: the same items either way.
    const listed = await listCycleScores({ ctx: ctx(), year: YEAR, limit: 1000 });
    expect(listed).toMatchObject({ revisionId: second.revisionId, total: full.organizations });
    const check = await score(false);
    expect({ ...(await listCycleScores({ ctx: ctx(), year: YEAR, limit: 1000 })), revisionId: 0 }).toEqual({ ...listed, revisionId: 0 });
    expect(check.baseRevisionId).toBeNull();
    const a = await rowsOf(second.revisionId);
    expect(a.length).toBe(full.organizations);
    expect(a).toEqual(await rowsOf(check.revisionId));
    expect(reported(second)).toEqual(reported(check));
    // The changes moved something: the revision is not the first one again.
    expect(a).not.toEqual(await rowsOf(full.revisionId));
  }, 180_000);

  it('a delta on a full parent after an undo stores nothing for an organization back to what its base says', async () => {
    const before = await score(false);
    const grid = await orgWithLedger('grid');
    expect(grid.status).not.toBe('rejected');
    const was = await sql<{ reviewed_by: string | null; reviewed_at: Date | null; review_reason: string | null }>`
      select reviewed_by, reviewed_at, review_reason from ledger_records where id = ${grid.id}`.execute(handle.db);
    await sql`update ledger_records set status = 'rejected', reviewed_by = 'test', reviewed_at = now(), review_reason = '不符合要求' where id = ${grid.id}`.execute(handle.db);
    const changed = await score(true);
    expect(changed).toMatchObject({ baseRevisionId: before.revisionId, rescored: 1 });
    const { reviewed_by, reviewed_at, review_reason } = was.rows[0]!;
    await sql`update ledger_records set status = ${grid.status}, reviewed_by = ${reviewed_by}, reviewed_at = ${reviewed_at}, review_reason = ${review_reason} where id = ${grid.id}`.execute(handle.db);
    const undone = await score(true);
    expect(undone).toMatchObject({ baseRevisionId: before.revisionId, rescored: 1 });
    expect((await ownRows(undone.revisionId)).scores).toBe(0);
    expect(await rowsOf(undone.revisionId)).toEqual(await rowsOf(before.revisionId));
  }, 120_000);

  it('an agreement marks both its sides; a change to the catalog makes the next scoring a full one', async () => {
    await score(false);
    const pair = await sql<{ community_id: number; unit_id: number }>`
      select c.id as community_id, u.id as unit_id from organizations c cross join organizations u
      where c.kind = 'community' and u.kind = 'unit' and not exists (select 1 from agreements a where a.community_id = c.id and a.unit_id = u.id and a.year = ${YEAR})
      order by c.id, u.id limit 1`.execute(handle.db);
    const { community_id: community, unit_id: unit } = pair.rows[0]!;
    await sql`insert into agreements (community_id, unit_id, year, content) values (${community}, ${unit}, ${YEAR}, '测试协议')`.execute(handle.db);
    expect((await unseenOrgs()).sort((x, y) => x - y)).toEqual([community, unit].sort((x, y) => x - y));
    const delta = await score(true);
    expect(delta.rescored).toBe(2);
    const check = await score(false);
    expect(await rowsOf(delta.revisionId)).toEqual(await rowsOf(check.revisionId));

    // A meeting deleted: its host and its attendees (their attendance goes with it), and nothing whole.
    const meeting = await sql<{ id: number; orgs: number[] }>`
      select m.id, array_agg(distinct x.o order by x.o) as orgs from meetings m
      cross join lateral (select m.host_org_id union select a.org_id from meeting_attendance a where a.meeting_id = m.id) x(o)
      where m.cycle_year = ${YEAR} and exists (select 1 from meeting_attendance a where a.meeting_id = m.id) group by m.id order by m.id limit 1`.execute(handle.db);
    await sql`delete from meetings where id = ${meeting.rows[0]!.id}`.execute(handle.db);
    expect(await marks()).toMatchObject({ whole: 0 });
    expect((await unseenOrgs()).sort((x, y) => x - y)).toEqual(meeting.rows[0]!.orgs);
    const afterMeeting = await score(true);
    expect(afterMeeting.baseRevisionId).not.toBeNull();
    expect(await rowsOf(afterMeeting.revisionId)).toEqual(await rowsOf((await score(false)).revisionId));

    await sql`update record_kinds set sort = sort where code = (select min(code) from record_kinds)`.execute(handle.db);
    expect((await marks()).whole).toBe(1);
    const s = await score(true);
    expect(s.baseRevisionId).toBeNull();
    expect(s.rescored).toBe(s.organizations);
    expect(await marks()).toEqual({ orgs: 0, whole: 0 });
  }, 120_000);

  it('ballots count from their campaign\'s closing: opening a campaign and casting in it mark nothing, closing it marks its year', async () => {
    await score(false);
    const root = await sql<{ id: number }>`select id from organizations where parent_id is null order by id limit 1`.execute(handle.db);
    const campaign = await sql<{ id: number }>`insert into rating_campaigns (cycle_year, org_id, title, items, answers, rater_groups, opens_on, closes_on, created_by)
      values (${YEAR}, ${root.rows[0]!.id}, '测试评议', '[]', '[]', '[]', '2025-12-01', '2025-12-31', 'test') returning id`.execute(handle.db);
    const id = campaign.rows[0]!.id;
    await sql`update rating_campaigns set state = 'open', opened_at = now() where id = ${id}`.execute(handle.db);
    expect(await marks()).toEqual({ orgs: 0, whole: 0 });
    await sql`update rating_campaigns set state = 'closed', closed_at = now() where id = ${id}`.execute(handle.db);
    expect(await marks()).toEqual({ orgs: 0, whole: 1 });
  }, 120_000);

  it('in a year under way, a revision of an earlier day is not built on: facts that count up to today have moved', async () => {
    const now = new Date().getFullYear(); // the database's today decides, as in the facts (projects overdue)
    const year = 2026;
    expect(now).toBeGreaterThanOrEqual(year);
    const scoreYear = (changed: boolean) => scoreCycle({ ctx: ctx(), year, ruleSets, changed });
    // The demo's 2026 is collecting, with a campaign open all year: closed, and the year under review.
    await sql`update rating_campaigns set state = 'closed', closed_at = now() where cycle_year = ${year} and state = 'open'`.execute(handle.db);
    await sql`update cycles set state = 'reviewing' where year = ${year}`.execute(handle.db);
    const first = await scoreYear(false);
    expect((await scoreYear(true)).baseRevisionId).toBe(first.revisionId); // the same day: a delta
    const again = await scoreYear(false);
    await sql`update score_revisions set created_at = created_at - interval '1 day' where id = ${again.revisionId}`.execute(handle.db);
    const next = await scoreYear(true);
    // 2026 is under way until its last day: scored whole again. (After 2026-12-31, a day earlier is no longer stale.)
    if (now === year) expect(next).toMatchObject({ baseRevisionId: null, rescored: next.organizations });
    else expect(next.baseRevisionId).toBe(again.revisionId);
  }, 120_000);

  // PostgreSQL only: the write runs on a second connection while the scoring's transaction is open (PGlite has one).
  it.skipIf(!onPostgres)('a write committed while a delta is being scored is scored by the next one, not lost', async () => {
    await score(false);
    const unit = await sql<{ id: number }>`select s.org_id as id from scores s join organizations o on o.id = s.org_id
      where s.revision_id = (select max(id) from score_revisions where cycle_year = ${YEAR}) and o.kind = 'unit' order by s.org_id limit 1`.execute(handle.db);
    const id = unit.rows[0]!.id;
    const bump = () => sql`update organizations set member_count = member_count + 1 where id = ${id}`.execute(handle.db);
    await bump(); // marked, then scored by the delta below
    let wrote = false;
    const during = await scoreCycle({
      ctx: ctx(),
      year: YEAR,
      ruleSets,
      changed: true,
      progress: () => {
        if (wrote) return;
        wrote = true;
        void bump(); // commits while the scoring's snapshot is older (organizations take no lock on the cycle)
      },
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(wrote).toBe(true);
    expect(during.rescored).toBe(1);
    expect(await unseenOrgs()).toContain(id); // the second bump, after the delta's snapshot (and the unit's parent)
    const next = await score(true);
    expect(next.rescored).toBe(1);
    const check = await score(false);
    expect(await rowsOf(next.revisionId)).toEqual(await rowsOf(check.revisionId));
  }, 120_000);
});
