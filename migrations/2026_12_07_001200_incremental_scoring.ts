import { sql, type Kysely } from 'kysely';

/**
 * Issue 18, incremental re-scoring.
 *
 * 1. **Revisions as deltas.** The rows live in `score_rows` and `grade_rows`; `scores` and `grades` become views that
 *    read every revision whole: a revision's own rows, and for a delta revision (`score_revisions.base_id`, always a
 *    full revision) the base's rows of every organization it has none of. Readers are unchanged; a delta stores only
 *    the organizations that differ from its base. `score_rows.fired` keeps the grading overrides that held (from the
 *    facts), so a rule set is graded again without computing every organization's facts again.
 * 2. **What changed.** Statement triggers with transition tables mark, for each write, the organizations (and cycles)
 *    whose facts it can change, in `score_dirty`; a write whose reach is wider than a few organizations marks its
 *    cycles whole, in `score_dirty_years`. Each mark keeps the transaction that wrote it last (`xact`), and each
 *    revision the snapshot it was scored in (`score_revisions.marks_snapshot`): `score --changed` scores again what
 *    was marked by transactions its parent did not see. Nothing is cleared, so a write committed while a scoring runs
 *    is never lost (an `on conflict` update gives the mark the newer transaction).
 */

/** These organizations (a select of one column) in every cycle. */
const everyYear = (orgs: string) => `select c.year, x.o from (${orgs}) x(o) cross join cycles c`;
/** Both sides of the projects the rows of `rel` name (`project_id`). */
const projectSides = (rel: string) =>
  `select q.community_id from ${rel} x join cb_projects q on q.id = x.project_id union select q.responsible_id from ${rel} x join cb_projects q on q.id = x.project_id`;

/** Sources whose rows name the organizations and the cycle they count for: (cycle_year, org_id) per row of `rel`. */
const precise: Record<string, (rel: string) => string> = {
  // ledger.longestGap of the next year starts from this year's last record.
  ledger_records: (r) => `select cycle_year, org_id from ${r} union select cycle_year + 1, org_id from ${r}`,
  // Deleted with its meeting (a cascade: the meeting is gone by now), in every year.
  meeting_attendance: (r) =>
    `select m.cycle_year, a.org_id from ${r} a join meetings m on m.id = a.meeting_id union ${everyYear(`select a.org_id from ${r} a where not exists (select 1 from meetings m where m.id = a.meeting_id)`)}`,
  checkins: (r) => `select cycle_year, community_id from ${r} union select k.cycle_year, m.org_id from ${r} k join members m on m.id = k.member_id`,
  inspections: (r) => `select cycle_year, org_id from ${r}`,
  // history.records of later years counts earlier years' records.
  org_records: (r) => `select c.year, x.org_id from ${r} x join cycles c on c.year >= x.cycle_year`,
  self_assessments: (r) => `select cycle_year, org_id from ${r}`,
  declared_facts: (r) => `select cycle_year, org_id from ${r}`,
  // Both sides of an agreement (its count, what it delivered, the evaluations each side owes and receives).
  agreements: (r) => `select year, community_id from ${r} union select year, unit_id from ${r}`,
  twoway_evaluations: (r) =>
    `select y, o from ${r} e join agreements a on a.id = e.agreement_id cross join lateral (values (e.cycle_year, a.community_id), (e.cycle_year, a.unit_id), (a.year, a.community_id), (a.year, a.unit_id)) v(y, o)`,
  // Not of a year: every cycle's. An organization's parent too: a grid's needs and wishes count for its community.
  members: (r) => everyYear(`select org_id from ${r}`),
  // A grid moved to another community moves its wishes' claimers' agreement outcomes too.
  organizations: (r) => everyYear(`select id from ${r} union select parent_id from ${r} union select w.claimer_id from ${r} x join cb_wishes w on w.org_id = x.id`),
  // Co-building lists count by their dates (a project overdue in every year it stays open): every cycle's, for the
  // organizations on either side, a grid's community, and the owners of the resources a project used.
  cb_resources: (r) => everyYear(`select org_id from ${r} union select offered_to_id from ${r}`),
  cb_needs: (r) => everyYear(`select org_id from ${r} union select o.parent_id from ${r} n join organizations o on o.id = n.org_id`),
  cb_wishes: (r) => everyYear(`select org_id from ${r} union select claimer_id from ${r} union select o.parent_id from ${r} w join organizations o on o.id = w.org_id`),
  cb_chairs: (r) => everyYear(`select community_id from ${r} union select unit_id from ${r}`),
  cb_projects: (r) =>
    everyYear(`select community_id from ${r} union select responsible_id from ${r} union select s.org_id from ${r} x join cb_project_links l on l.project_id = x.id join cb_resources s on s.id = l.resource_id`),
  cb_project_links: (r) => everyYear(`${projectSides(r)} union select s.org_id from ${r} x join cb_resources s on s.id = x.resource_id`),
  cb_progress: (r) => everyYear(projectSides(r)),
};

/** Sources that reach further (closed campaigns and sessions, the catalog, a year finalized): their cycles whole. */
const wide: Record<string, (rel: string) => string> = {
  // Ballots and votes count only once their campaign or session is closed (DECISIONS.md, anonymity): one cast while it
  // is open marks nothing; closing it (or voiding a ballot of a closed one) marks its year.
  ballots: (r) => `select c.cycle_year from ${r} x join rating_campaigns c on c.id = x.campaign_id where c.state = 'closed'`,
  review_votes: (r) => `select s.cycle_year from ${r} x join review_sessions s on s.id = x.session_id where s.state = 'closed'`,
  rating_campaigns: (r) => `select cycle_year from ${r} where state = 'closed'`,
  rating_targets: (r) => `select x.cycle_year from ${r} x join rating_campaigns c on c.id = x.campaign_id where c.state = 'closed'`,
  review_sessions: (r) => `select cycle_year from ${r} where state = 'closed'`,
  // The catalog: which kinds a fact counts, which categories a rule set scores.
  record_kinds: () => 'select year from cycles',
  categories: () => 'select year from cycles',
  // A finalized year (or its correction) is what later years look back on, and their last grades.
  cycles: (r) => `select c.year from cycles c join ${r} n on c.year > n.year where n.state = 'finalized'`,
};

/** The host and the attendees of the meetings of `rel`, in the meeting's year. */
const meetingOrgs = (rel: string) => `select m.cycle_year, a.org_id from ${rel} m join meeting_attendance a on a.meeting_id = m.id union select m.cycle_year, m.host_org_id from ${rel} m`;

/** A mark written again belongs to the newer transaction (what a later scoring has not seen). */
const again = (key: string) => `on conflict (${key}) do update set xact = pg_current_xact_id();`;

const events = [
  { event: 'insert', refs: 'new table as n', rels: ['n'] },
  { event: 'update', refs: 'old table as o new table as n', rels: ['n', 'o'] },
  { event: 'delete', refs: 'old table as o', rels: ['o'] },
] as const;

async function markingTrigger(db: Kysely<any>, table: string, event: (typeof events)[number], body: string) {
  const fn = `score_mark_${table}_${event.event}`;
  await sql
    .raw(
      `create function ${fn}() returns trigger language plpgsql as $$
      begin
        ${body}
        return null;
      end $$`,
    )
    .execute(db);
  await sql.raw(`create trigger ${fn} after ${event.event} on ${table} referencing ${event.refs} for each statement execute function ${fn}()`).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table scores rename to score_rows`.execute(db);
  await sql`alter table grades rename to grade_rows`.execute(db);
  await sql`alter table score_rows add column fired json`.execute(db);
  await sql`alter table score_revisions add column base_id integer references score_revisions(id) on delete cascade`.execute(db);
  await sql`create index score_revisions_base_idx on score_revisions (base_id) where base_id is not null`.execute(db);
  await sql`create view scores as
    select revision_id, org_id, category, rule_set_hash, assessed, total, result, fired from score_rows
    union all
    select r.id, b.org_id, b.category, b.rule_set_hash, b.assessed, b.total, b.result, b.fired
    from score_revisions r join score_rows b on b.revision_id = r.base_id
    where not exists (select 1 from score_rows d where d.revision_id = r.id and d.org_id = b.org_id)`.execute(db);
  await sql`create view grades as
    select revision_id, org_id, grade, grade_label, rank_category, rank_parent, lagging, move, last_grade, detail, decided_by from grade_rows
    union all
    select r.id, b.org_id, b.grade, b.grade_label, b.rank_category, b.rank_parent, b.lagging, b.move, b.last_grade, b.detail, b.decided_by
    from score_revisions r join grade_rows b on b.revision_id = r.base_id
    where not exists (select 1 from grade_rows d where d.revision_id = r.id and d.org_id = b.org_id)`.execute(db);

  await sql`alter table score_revisions add column marks_snapshot text`.execute(db);
  await sql`create table score_dirty (cycle_year integer not null, org_id integer not null, xact xid8 not null default pg_current_xact_id(), primary key (cycle_year, org_id))`.execute(db);
  await sql`create table score_dirty_years (cycle_year integer primary key, xact xid8 not null default pg_current_xact_id())`.execute(db);
  for (const [table, select] of Object.entries(precise)) {
    for (const e of events) {
      const rows = e.rels.map((rel) => select(rel)).join(' union ');
      await markingTrigger(db, table, e, `insert into score_dirty (cycle_year, org_id) select distinct * from (${rows}) x where x is not null ${again('cycle_year, org_id')}`);
    }
  }
  for (const [table, select] of Object.entries(wide)) {
    for (const e of events) {
      if (table === 'cycles' && e.event !== 'update') continue;
      const rels = table === 'cycles' ? ['n'] : e.rels;
      const years = rels.map((rel) => select(rel)).join(' union ');
      await markingTrigger(db, table, e, `insert into score_dirty_years (cycle_year) select distinct * from (${years}) x where x is not null ${again('cycle_year')}`);
    }
  }
  // A meeting's attendees are read through it: it marks them and its host, old and new (deleted, its host; its
  // attendance, deleted with it, marks itself).
  for (const e of events) {
    await markingTrigger(db, 'meetings', e, `insert into score_dirty (cycle_year, org_id) select distinct * from (${e.rels.map(meetingOrgs).join(' union ')}) x where x is not null ${again('cycle_year, org_id')}`);
  }
  // Revisions from before this migration have no snapshot: the next scoring of every year is a full one.
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [...Object.keys(precise), ...Object.keys(wide), 'meetings']) {
    for (const e of events) await sql.raw(`drop function if exists score_mark_${table}_${e.event}() cascade`).execute(db);
  }
  await sql`drop table score_dirty_years`.execute(db);
  await sql`drop table score_dirty`.execute(db);
  await sql`drop view grades`.execute(db);
  await sql`drop view scores`.execute(db);
  await sql`delete from score_revisions where base_id is not null`.execute(db);
  await sql`alter table score_revisions drop column marks_snapshot`.execute(db);
  await sql`alter table score_revisions drop column base_id`.execute(db);
  await sql`alter table score_rows drop column fired`.execute(db);
  await sql`alter table grade_rows rename to grades`.execute(db);
  await sql`alter table score_rows rename to scores`.execute(db);
}
