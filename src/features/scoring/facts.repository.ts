import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/database';
import { PROJECT_MIN_SAMPLE } from '../../domain/catalog';
import { Tally, type FactDef, type Window } from '../../rules/rule-set.schema';
import { historyFacts } from './history.repository';
import { attachSpan, normalizeTally, type FactValue } from '../../scoring/fact-catalog';

/**
 * Computes a rule set's facts for every organization of a cycle in a handful of set-based statements:
 * one per source family (ledger, meetings, check-ins, agreements, inspections, organizations, declared
 * facts), however many organizations and facts there are. Nothing here runs a query per organization.
 */
export type FactRows = Map<number, Record<string, FactValue | undefined>>;

type Def<S extends FactDef['source']> = Extract<FactDef, { source: S }>;
type Named<D> = { name: string; col: string; def: D };

/** The dates a window covers in a year (inclusive). */
export function windowDates(year: number, w: Window): { from: string; to: string } {
  const bounds: Record<string, [string, string]> = {
    year: ['01-01', '12-31'],
    H1: ['01-01', '06-30'],
    H2: ['07-01', '12-31'],
    Q1: ['01-01', '03-31'],
    Q2: ['04-01', '06-30'],
    Q3: ['07-01', '09-30'],
    Q4: ['10-01', '12-31'],
  };
  const [from, to] = typeof w === 'string' ? bounds[w]! : [w.from, w.to];
  // 02-29 in a year without it means the last day of February.
  const real = (md: string) => (md === '02-29' && new Date(Date.UTC(year, 1, 29)).getUTCMonth() !== 1 ? '02-28' : md);
  return { from: `${year}-${real(from)}`, to: `${year}-${real(to)}` };
}

/** How many months or quarters a window touches (the denominator of "missing periods"). */
export function periodsInWindow(year: number, w: Window, period: 'month' | 'quarter'): number {
  const { from, to } = windowDates(year, w);
  const m1 = Number(from.slice(5, 7));
  const m2 = Number(to.slice(5, 7));
  return period === 'month' ? m2 - m1 + 1 : Math.ceil(m2 / 3) - Math.ceil(m1 / 3) + 1;
}

function statusFilter(status: 'verified' | 'submitted' | 'rejected' | 'not_rejected' | 'any'): RawBuilder<boolean> {
  if (status === 'any') return sql<boolean>`true`;
  if (status === 'not_rejected') return sql<boolean>`status <> 'rejected'`;
  return sql<boolean>`status = ${status}`;
}

function inWindow(column: string, year: number, w: Window): RawBuilder<boolean> {
  const { from, to } = windowDates(year, w);
  return sql<boolean>`${sql.ref(column)} between ${from}::date and ${to}::date`;
}

const trunc = (period: string, column: string) => sql`date_trunc(${period}, ${sql.ref(column)}::timestamp)`;

/**
 * The longest run without an activity of the fact's kinds, for every organization at once: each day (or month,
 * numbered year × 12 + month − 1) with an activity, between two bounds per organization — the day (month) before
 * the year, or with `acrossYears` the last activity of the year before when there was one, and the day (month)
 * after the year — and lag() over them gives every run: next − previous − 1 units without an activity. The
 * longest (the earliest of equal ones) comes back with its first and last day (month). Runs end on 31 December
 * whenever the year is scored: the ledger of a year closes before it is scored, so nothing can still fill it.
 */
function longestGapBody(year: number, orgIds: readonly number[], def: Def<'ledger.longestGap'>): RawBuilder<unknown> {
  const month = def.unit === 'month';
  const unitOf = (column: string) => (month ? sql`(extract(year from ${sql.ref(column)})::int * 12 + extract(month from ${sql.ref(column)})::int - 1)` : sql`${sql.ref(column)}`);
  const before = month ? sql`${year * 12 - 1}::int` : sql`${`${year - 1}-12-31`}::date`;
  const after = month ? sql`${year * 12 + 12}::int` : sql`${`${year + 1}-01-01`}::date`;
  const shown = (u: RawBuilder<unknown>) => (month ? sql`to_char(make_date((${u}) / 12, (${u}) % 12 + 1, 1), 'YYYY-MM')` : sql`to_char(${u}, 'YYYY-MM-DD')`);
  const orgs = sql`unnest(${[...orgIds]}::int[]) as o(id)`;
  const previous = def.acrossYears
    ? sql`select org_id, max(${unitOf('occurred_on')}) as u from ledger_records where cycle_year = ${year - 1} and org_id = any(${[...orgIds]}::int[])
        and kind = any(${def.kinds}::text[]) and ${statusFilter(def.status)} group by 1`
    : sql`select null::int as org_id, ${month ? sql`null::int` : sql`null::date`} as u where false`;
  return sql`select org_id, gap as v, case when gap > 0 then ${shown(sql`p + 1`)} end as span_from, case when gap > 0 then ${shown(sql`u - 1`)} end as span_to from (
      select org_id, p, u, u - p - 1 as gap, row_number() over (partition by org_id order by u - p - 1 desc, u) as rn from (
        select org_id, u, lag(u) over (partition by org_id order by u) as p from (
          select org_id, ${unitOf('occurred_on')} as u from r where kind = any(${def.kinds}::text[]) and ${statusFilter(def.status)}
          union select o.id, coalesce(prev.u, ${before}) from ${orgs} left join (${previous}) prev on prev.org_id = o.id
          union select o.id, ${after} from ${orgs}) pts) runs
      where p is not null) ranked
    where rn = 1`;
}

/** Joins one-row-per-organization subqueries onto the list of organizations and reads the columns back. */
async function collect(
  db: Kysely<Database>,
  orgIds: readonly number[],
  ctes: { name: string; body: RawBuilder<unknown> }[],
  selects: { col: string; expr: RawBuilder<unknown> }[],
  joins: string[],
): Promise<Record<string, unknown>[]> {
  const withClause = ctes.length > 0 ? sql`with ${sql.join(ctes.map((c) => sql`${sql.id(c.name)} as (${c.body})`))}` : sql``;
  const joinClause = sql.join(
    joins.map((j) => sql`left join ${sql.id(j)} on ${sql.ref(`${j}.org_id`)} = o.id`),
    sql` `,
  );
  const result = await sql<Record<string, unknown>>`
    ${withClause}
    select o.id as org_id, ${sql.join(selects.map((s) => sql`${s.expr} as ${sql.id(s.col)}`))}
    from unnest(${[...orgIds]}::int[]) as o(id) ${joinClause}`.execute(db);
  return result.rows;
}

async function ledgerFacts(db: Kysely<Database>, year: number, orgIds: readonly number[], facts: Named<FactDef>[]) {
  const base = sql`select org_id, kind, status, occurred_on, hours, participants from ledger_records
    where cycle_year = ${year} and org_id = any(${[...orgIds]}::int[])`;
  const ctes: { name: string; body: RawBuilder<unknown> }[] = [{ name: 'r', body: base }];
  const aggCols: RawBuilder<unknown>[] = [];
  const selects: { col: string; expr: RawBuilder<unknown> }[] = [];
  const joins: string[] = [];
  for (const { col, def } of facts) {
    if (!('kinds' in def)) continue;
    if (def.source === 'ledger.longestGap') {
      ctes.push({ name: col, body: longestGapBody(year, orgIds, def) });
      joins.push(col);
      selects.push({ col, expr: sql.ref(`${col}.v`) }, { col: `${col}_from`, expr: sql.ref(`${col}.span_from`) }, { col: `${col}_to`, expr: sql.ref(`${col}.span_to`) });
      continue;
    }
    const where = sql<boolean>`kind = any(${def.kinds}::text[]) and ${statusFilter(def.status)} and ${inWindow('occurred_on', year, def.window)}`;
    const hours = def.source === 'ledger.hours' && def.capPerRecord !== undefined ? sql`least(hours, ${def.capPerRecord}::numeric)` : sql`hours`;
    const capPer = 'capPer' in def ? def.capPer : undefined;
    if ((def.source === 'ledger.count' || def.source === 'ledger.hours') && capPer) {
      // Capped per day/week/month/quarter: total per bucket first, then the capped buckets summed.
      const amount = def.source === 'ledger.count' ? sql`count(*)` : sql`coalesce(sum(${hours}), 0)`;
      ctes.push({
        name: col,
        body: sql`select org_id, sum(least(n, ${capPer.max}::numeric)) as v from (
          select org_id, ${trunc(capPer.period, 'occurred_on')} as b, ${amount} as n from r where ${where} group by 1, 2) x group by 1`,
      });
      joins.push(col);
      selects.push({ col, expr: sql`coalesce(${sql.ref(`${col}.v`)}, 0)` });
    } else if (def.source === 'ledger.periods' || def.source === 'ledger.missingPeriods') {
      ctes.push({
        name: col,
        body: sql`select org_id, count(*) as v from (
          select org_id from r where ${where} group by org_id, ${trunc(def.period, 'occurred_on')} having count(*) >= ${def.min}) x group by 1`,
      });
      joins.push(col);
      const met = sql`coalesce(${sql.ref(`${col}.v`)}, 0)`;
      selects.push({
        col,
        expr: def.source === 'ledger.periods' ? met : sql`${periodsInWindow(year, def.window, def.period)}::int - ${met}`,
      });
    } else {
      const expr =
        def.source === 'ledger.count'
          ? sql`count(*) filter (where ${where})`
          : def.source === 'ledger.hours'
            ? sql`coalesce(sum(${hours}) filter (where ${where}), 0)`
            : sql`coalesce(sum(participants) filter (where ${where}), 0)`;
      aggCols.push(sql`${expr} as ${sql.id(col)}`);
      selects.push({ col, expr: sql`coalesce(${sql.ref(`agg.${col}`)}, 0)` });
    }
  }
  if (aggCols.length > 0) {
    ctes.push({ name: 'agg', body: sql`select org_id, ${sql.join(aggCols)} from r group by org_id` });
    joins.push('agg');
  }
  return collect(db, orgIds, ctes, selects, joins);
}

async function meetingFacts(db: Kysely<Database>, year: number, orgIds: readonly number[], facts: Named<FactDef>[]) {
  const ctes: { name: string; body: RawBuilder<unknown> }[] = [
    {
      name: 'a',
      body: sql`select a.org_id, a.status, m.kind, m.held_on from meeting_attendance a join meetings m on m.id = a.meeting_id
        where m.cycle_year = ${year} and a.org_id = any(${[...orgIds]}::int[])`,
    },
    {
      name: 'h',
      body: sql`select host_org_id as org_id, kind, held_on from meetings where cycle_year = ${year} and host_org_id = any(${[...orgIds]}::int[])`,
    },
  ];
  const attendCols: RawBuilder<unknown>[] = [];
  const hostCols: RawBuilder<unknown>[] = [];
  const selects: { col: string; expr: RawBuilder<unknown> }[] = [];
  const joins: string[] = [];
  for (const { col, def } of facts) {
    if (!('meeting' in def)) continue;
    const where = sql<boolean>`kind = ${def.meeting} and ${inWindow('held_on', year, def.window)}`;
    switch (def.source) {
      case 'meetings.attended':
        attendCols.push(sql`count(*) filter (where ${where} and status = ${def.status}) as ${sql.id(col)}`);
        selects.push({ col, expr: sql`coalesce(${sql.ref(`att.${col}`)}, 0)` });
        break;
      case 'meetings.invited':
        attendCols.push(sql`count(*) filter (where ${where}) as ${sql.id(col)}`);
        selects.push({ col, expr: sql`coalesce(${sql.ref(`att.${col}`)}, 0)` });
        break;
      case 'meetings.attendanceRate': {
        const present = def.excusedCounts ? sql`status in ('present', 'excused')` : sql`status = 'present'`;
        attendCols.push(
          sql`round(100.0 * count(*) filter (where ${where} and ${present}) / nullif(count(*) filter (where ${where}), 0), 2) as ${sql.id(col)}`,
        );
        selects.push({ col, expr: sql`coalesce(${sql.ref(`att.${col}`)}, ${def.ifNone})` });
        break;
      }
      case 'meetings.hosted':
        hostCols.push(sql`count(*) filter (where ${where}) as ${sql.id(col)}`);
        selects.push({ col, expr: sql`coalesce(${sql.ref(`host.${col}`)}, 0)` });
        break;
      case 'meetings.missingHostedPeriods':
        hostCols.push(sql`count(distinct ${trunc(def.period, 'held_on')}) filter (where ${where}) as ${sql.id(col)}`);
        selects.push({ col, expr: sql`${periodsInWindow(year, def.window, def.period)}::int - coalesce(${sql.ref(`host.${col}`)}, 0)` });
        break;
    }
  }
  if (attendCols.length > 0) {
    ctes.push({ name: 'att', body: sql`select org_id, ${sql.join(attendCols)} from a group by org_id` });
    joins.push('att');
  }
  if (hostCols.length > 0) {
    ctes.push({ name: 'host', body: sql`select org_id, ${sql.join(hostCols)} from h group by org_id` });
    joins.push('host');
  }
  return collect(db, orgIds, ctes, selects, joins);
}

/**
 * Check-in facts in two passes over the year's check-ins: one per member in service of the organizations asked for
 * (what each member reported and served, every fact's window and cap as filtered sums), then per organization over
 * its members; and one per community asked for (what it received). Reading the check-ins of only these members and
 * communities, once, keeps the cost with the organizations scored (before, every check-in of the year was read
 * into one shared table, joined once per fact, and spilled to disk at city scale).
 */
async function checkinFacts(db: Kysely<Database>, year: number, orgIds: readonly number[], facts: Named<FactDef>[]) {
  const ids = [...orgIds];
  const memberCols: RawBuilder<unknown>[] = [];
  const orgCols: RawBuilder<unknown>[] = [sql`count(*) as n`];
  const communityCols: RawBuilder<unknown>[] = [];
  const selects: { col: string; expr: RawBuilder<unknown> }[] = [];
  const members = sql`coalesce(mo.n, 0)`;
  const rate = (col: string, ifNone: number) => sql`coalesce(round(100.0 * coalesce(${sql.ref(`mo.${col}`)}, 0) / nullif(${members}, 0), 2), ${ifNone})`;
  for (const { col, def } of facts) {
    const win = 'window' in def ? inWindow('occurred_on', year, def.window) : sql<boolean>`true`;
    const hours = 'capPerRecord' in def && def.capPerRecord !== undefined ? sql`least(hours, ${def.capPerRecord}::numeric)` : sql`hours`;
    const member = sql.ref(`mk.${col}`);
    switch (def.source) {
      case 'checkins.inServiceMembers':
        selects.push({ col, expr: members });
        break;
      case 'checkins.reportedMembers':
      case 'checkins.reportRate':
        memberCols.push(sql`bool_or(kind = 'report' and ${win}) as ${sql.id(col)}`);
        orgCols.push(sql`count(*) filter (where ${member}) as ${sql.id(col)}`);
        selects.push({ col, expr: def.source === 'checkins.reportedMembers' ? sql`coalesce(${sql.ref(`mo.${col}`)}, 0)` : rate(col, def.ifNone) });
        break;
      case 'checkins.serviceHours':
        memberCols.push(sql`sum(${hours}) filter (where kind = 'service' and ${win}) as ${sql.id(col)}`);
        orgCols.push(sql`sum(${member}) as ${sql.id(col)}`);
        selects.push({ col, expr: sql`coalesce(${sql.ref(`mo.${col}`)}, 0)` });
        break;
      case 'checkins.completionRate':
        memberCols.push(sql`sum(${hours}) filter (where kind = 'service' and ${win}) as ${sql.id(col)}`);
        orgCols.push(sql`count(*) filter (where coalesce(${member}, 0) >= ${def.minHours}::numeric) as ${sql.id(col)}`);
        selects.push({ col, expr: rate(col, def.ifNone) });
        break;
      case 'checkins.receivedMembers':
        communityCols.push(sql`count(distinct member_id) filter (where kind = 'report' and ${win}) as ${sql.id(col)}`);
        selects.push({ col, expr: sql`coalesce(${sql.ref(`rc.${col}`)}, 0)` });
        break;
      case 'checkins.receivedHours':
        communityCols.push(sql`sum(${hours}) filter (where kind = 'service' and ${win}) as ${sql.id(col)}`);
        selects.push({ col, expr: sql`coalesce(${sql.ref(`rc.${col}`)}, 0)` });
        break;
    }
  }
  const ctes = [
    { name: 'mem', body: sql`select id, org_id from members where in_service and org_id = any(${ids}::int[])` },
    {
      name: 'mk',
      body:
        memberCols.length > 0
          ? sql`select mem.id as member_id, k.* from mem cross join lateral (select ${sql.join(memberCols)} from checkins k where k.member_id = mem.id and k.cycle_year = ${year}) k`
          : sql`select null::int as member_id where false`,
    },
    { name: 'mo', body: sql`select mem.org_id, ${sql.join(orgCols)} from mem left join mk on mk.member_id = mem.id group by mem.org_id` },
    ...(communityCols.length > 0
      ? [{ name: 'rc', body: sql`select community_id as org_id, ${sql.join(communityCols)} from checkins where cycle_year = ${year} and community_id = any(${ids}::int[]) group by 1` }]
      : []),
  ];
  return collect(db, orgIds, ctes, selects, ['mo', ...(communityCols.length > 0 ? ['rc'] : [])]);
}

async function otherFacts(db: Kysely<Database>, year: number, orgIds: readonly number[], facts: Named<FactDef>[]) {
  const ctes: { name: string; body: RawBuilder<unknown> }[] = [];
  const selects: { col: string; expr: RawBuilder<unknown> }[] = [];
  const joins: string[] = [];
  for (const { col, def } of facts) {
    switch (def.source) {
      case 'agreements.count':
        ctes.push({
          name: col,
          // The part's organizations only, through the pair key and agreements_unit_idx, not the year's every agreement.
          body: sql`select org_id, count(*) as v from (
            select community_id as org_id from agreements where year = ${year} and community_id = any(${[...orgIds]}::int[])
            union all select unit_id from agreements where year = ${year} and unit_id = any(${[...orgIds]}::int[])) x group by 1`,
        });
        joins.push(col);
        selects.push({ col, expr: sql`coalesce(${sql.ref(`${col}.v`)}, 0)` });
        break;
      case 'inspections.sum':
      case 'inspections.count': {
        const sign = def.sign === 'bonus' ? sql`points > 0` : def.sign === 'deduction' ? sql`points < 0` : sql`true`;
        const indicator = def.indicator ? sql`indicator = ${def.indicator}` : sql`true`;
        ctes.push({
          name: col,
          body: sql`select org_id, ${def.source === 'inspections.sum' ? sql`sum(points)` : sql`count(*)`} as v from inspections
            where cycle_year = ${year} and ${sign} and ${indicator} group by 1`,
        });
        joins.push(col);
        selects.push({ col, expr: sql`coalesce(${sql.ref(`${col}.v`)}, 0)` });
        break;
      }
      case 'records.count': {
        const levels = ['street', 'district', 'city', 'province', 'national'];
        const level = def.minLevel ? sql`array_position(${levels}::text[], level) >= ${levels.indexOf(def.minLevel) + 1}` : sql`true`;
        ctes.push({
          name: col,
          body: sql`select org_id, count(*) as v from org_records where cycle_year = ${year} and type = any(${def.types}::text[]) and ${level} group by 1`,
        });
        joins.push(col);
        selects.push({ col, expr: sql`coalesce(${sql.ref(`${col}.v`)}, 0)` });
        break;
      }
      case 'org.memberCount':
        ctes.push({ name: col, body: sql`select id as org_id, member_count as v from organizations where id = any(${[...orgIds]}::int[])` });
        joins.push(col);
        selects.push({ col, expr: sql`${sql.ref(`${col}.v`)}` });
        break;
    }
  }
  return collect(db, orgIds, ctes, selects, joins);
}

/**
 * Co-building outcomes from the three lists (issue 17): projects claimed and closed (on time or late), overdue at
 * the year's end (or today, for the year under way: China time), 销号 sent back; needs raised and met (a grid's
 * count for the grid and its community); resources offered and used. Events count into the year of their date.
 */
async function cobuildingFacts(db: Kysely<Database>, year: number, orgIds: readonly number[], facts: Named<FactDef>[]) {
  const ctes: { name: string; body: RawBuilder<unknown> }[] = [];
  const selects: { col: string; expr: RawBuilder<unknown> }[] = [];
  for (const { col, def } of facts) {
    const body = cobuildingBody(def, year, orgIds);
    if (!body) continue;
    ctes.push({ name: col, body });
    const ifNone = (def.source === 'cobuilding.needs' && def.count === 'metShare') || (def.source === 'cobuilding.agreements' && def.count === 'deliveredShare') ? def.ifNone : 0;
    selects.push({ col, expr: sql`coalesce(${sql.ref(`${col}.v`)}, ${ifNone})` });
  }
  return collect(db, orgIds, ctes, selects, ctes.map((c) => c.name));
}

const dateInYear = (column: string, year: number) => sql`${sql.ref(column)} between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date`;

/**
 * The set-based query of one co-building fact: (org_id, v) for every organization asked for with a value (each
 * filters on its organization, so a part of a city costs what the part holds, not the whole list).
 */
function cobuildingBody(def: FactDef, year: number, orgIds: readonly number[]): RawBuilder<unknown> | null {
  const inYear = (column: string) => dateInYear(column, year);
  const asked = (org: RawBuilder<unknown>) => sql`${org} = any(${[...orgIds]}::int[])`;
  const cutoff = sql`least(${`${year}-12-31`}::date, (now() at time zone 'Asia/Shanghai')::date)`;
  if (def.source === 'cobuilding.projects') {
    const side = sql.ref(def.side === 'community' ? 'p.community_id' : 'p.responsible_id');
    const where = {
      claimed: inYear('p.claimed_on'),
      closedOnTime: sql`${inYear('p.closed_on')} and p.closed_on <= p.planned_end`,
      closedLate: sql`${inYear('p.closed_on')} and p.closed_on > p.planned_end`,
      overdueOpen: sql`p.created_on <= ${cutoff} and p.planned_end < ${cutoff} and (p.closed_on is null or p.closed_on > ${cutoff}) and ${def.side === 'community' ? sql`true` : sql`p.claimed_on <= ${cutoff}`}`,
      sentBack: sql`exists (select 1 from cb_progress g where g.project_id = p.id and g.kind = 'sent_back' and ${inYear('g.entry_on')})`,
    }[def.count];
    const weight = def.count === 'sentBack' ? sql`(select count(*) from cb_progress g where g.project_id = p.id and g.kind = 'sent_back' and ${inYear('g.entry_on')})` : sql`1`;
    return sql`select ${side} as org_id, sum(${weight}) as v from cb_projects p where ${asked(sql`${side}`)} and ${where} group by 1`;
  }
  if (def.source === 'cobuilding.needs') {
    const urgent = def.urgentOnly ? sql`n.urgency = 'urgent'` : sql`true`;
    const owners = sql`(select n.*, n.org_id as owner from cb_needs n union all select n.*, o.parent_id from cb_needs n join organizations o on o.id = n.org_id where o.kind = 'grid') n`;
    const value =
      def.count === 'raised'
        ? sql`count(*) filter (where ${inYear('n.raised_on')})`
        : def.count === 'met'
          ? sql`count(*) filter (where ${inYear('n.met_on')})`
          : sql`round(100.0 * count(*) filter (where ${inYear('n.raised_on')} and n.state = 'met' and n.met_on <= ${`${year}-12-31`}::date) / nullif(count(*) filter (where ${inYear('n.raised_on')}), 0), 2)`;
    return sql`select n.owner as org_id, ${value} as v from ${owners} where ${asked(sql`n.owner`)} and ${urgent} group by 1`;
  }
  if (def.source === 'cobuilding.wishes') {
    const on = { claimed: 'w.claimed_on', fulfilled: 'w.fulfilled_on', confirmed: 'w.confirmed_on' }[def.count];
    const side = def.side === 'community' ? sql`case when o.kind = 'grid' then o.parent_id else o.id end` : sql`w.claimer_id`;
    return sql`select ${side} as org_id, count(*) as v from cb_wishes w join organizations o on o.id = w.org_id where ${asked(side)} and ${inYear(on)} group by 1`;
  }
  if (def.source === 'cobuilding.resources') {
    return def.count === 'offered'
      ? sql`select org_id, count(*) as v from cb_resources r where ${asked(sql`r.org_id`)} and ${inYear('r.offered_on')} group by 1`
      : sql`select r.org_id, count(distinct r.id) as v from cb_resources r join cb_project_links l on l.resource_id = r.id join cb_projects p on p.id = l.project_id where ${asked(sql`r.org_id`)} and ${inYear('p.claimed_on')} group by 1`;
  }
  if (def.source === 'cobuilding.chairs') {
    const side = sql.ref(def.side === 'community' ? 'h.community_id' : 'h.unit_id');
    // A chair's problems: the community's projects its unit claimed between the term's first and last day.
    const taken = sql`cb_chairs h join cb_projects p on p.community_id = h.community_id and p.responsible_id = h.unit_id and p.claimed_on between h.starts_on and h.ends_on`;
    return def.count === 'terms'
      ? sql`select ${side} as org_id, count(*) as v from cb_chairs h where ${asked(sql`${side}`)} and ${inYear('h.starts_on')} group by 1`
      : sql`select ${side} as org_id, count(*) as v from ${taken} where ${asked(sql`${side}`)} and ${inYear(def.count === 'claimed' ? 'p.claimed_on' : 'p.closed_on')} group by 1`;
  }
  if (def.source === 'cobuilding.agreements') return agreementOutcomes(def.side, def.count, year, asked);
  return null;
}

/**
 * Per agreement of the year (a unit within one community's 大党委): delivered when the unit closed a project of
 * that community, or fulfilled a 微心愿 collected by it or one of its grids, in the year; counted for either side.
 */
function agreementOutcomes(
  side: 'unit' | 'community',
  count: 'total' | 'delivered' | 'idle' | 'deliveredShare',
  year: number,
  asked: (org: RawBuilder<unknown>) => RawBuilder<unknown>,
): RawBuilder<unknown> {
  const inYear = (column: string) => dateInYear(column, year);
  const delivered = sql`(exists (select 1 from cb_projects p where p.community_id = a.community_id and p.responsible_id = a.unit_id and ${inYear('p.closed_on')})
    or exists (select 1 from cb_wishes w join organizations o on o.id = w.org_id where w.claimer_id = a.unit_id and (o.id = a.community_id or (o.kind = 'grid' and o.parent_id = a.community_id)) and ${inYear('w.fulfilled_on')}))`;
  const value = {
    total: sql`count(*)`,
    delivered: sql`count(*) filter (where d)`,
    idle: sql`count(*) filter (where not d)`,
    deliveredShare: sql`round(100.0 * count(*) filter (where d) / count(*), 2)`,
  }[count];
  const org = sql.ref(side === 'community' ? 'a.community_id' : 'a.unit_id');
  return sql`select ${org} as org_id, ${value} as v from (select a.*, ${delivered} as d from agreements a where a.year = ${year} and ${asked(sql`${org}`)}) a group by 1`;
}

/**
 * Numbers of the opinion family: sheets received in closed duty reviews, and the two-way evaluations an
 * organization received (average total, count) or still owes over its co-building agreements of the year.
 */
async function opinionFacts(db: Kysely<Database>, year: number, orgIds: readonly number[], facts: Named<FactDef>[]) {
  const ctes: { name: string; body: RawBuilder<unknown> }[] = [];
  const selects: { col: string; expr: RawBuilder<unknown> }[] = [];
  const joins: string[] = [];
  const orgs = sql`any(${[...orgIds]}::int[])`;
  const received = sql`select a.unit_id as org_id, e.total from twoway_evaluations e join agreements a on a.id = e.agreement_id
      where e.cycle_year = ${year} and e.direction = 'community_rates_unit' and a.unit_id = ${orgs}
    union all
    select a.community_id, e.total from twoway_evaluations e join agreements a on a.id = e.agreement_id
      where e.cycle_year = ${year} and e.direction = 'unit_rates_community' and a.community_id = ${orgs}`;
  for (const { col, def } of facts) {
    switch (def.source) {
      case 'reviews.count':
        ctes.push({
          name: col,
          body: sql`select v.subject_org_id as org_id, count(*) as v from review_votes v join review_sessions s on s.id = v.session_id
            where s.cycle_year = ${year} and s.kind = ${def.kind} and s.state = 'closed' and v.subject_org_id = ${orgs} group by 1`,
        });
        joins.push(col);
        selects.push({ col, expr: sql`coalesce(${sql.ref(`${col}.v`)}, 0)` });
        break;
      case 'twoway.received':
      case 'twoway.receivedCount':
        ctes.push({ name: col, body: sql`select org_id, round(avg(total), 2) as avg, count(*) as n from (${received}) x group by 1` });
        joins.push(col);
        selects.push({
          col,
          expr: def.source === 'twoway.received' ? sql`coalesce(${sql.ref(`${col}.avg`)}, ${def.ifNone})` : sql`coalesce(${sql.ref(`${col}.n`)}, 0)`,
        });
        break;
      case 'twoway.missingGiven':
        ctes.push({
          name: col,
          body: sql`select org_id, count(*) as v from (
            select a.community_id as org_id from agreements a where a.year = ${year} and a.community_id = ${orgs} and not exists (
              select 1 from twoway_evaluations e where e.agreement_id = a.id and e.direction = 'community_rates_unit')
            union all
            select a.unit_id from agreements a where a.year = ${year} and a.unit_id = ${orgs} and not exists (
              select 1 from twoway_evaluations e where e.agreement_id = a.id and e.direction = 'unit_rates_community')) x group by 1`,
        });
        joins.push(col);
        selects.push({ col, expr: sql`coalesce(${sql.ref(`${col}.v`)}, 0)` });
        break;
    }
  }
  return collect(db, orgIds, ctes, selects, joins);
}

/**
 * Answer tallies of closed duty reviews, per subject, rater group (by its label, as rule files name the
 * groups) and answer, for every tally fact at once: one statement, one row per (fact, org, group, answer).
 */
async function reviewTallies(db: Kysely<Database>, year: number, orgIds: readonly number[], facts: Named<Def<'reviews.tally'>>[]) {
  const wanted = facts.map((f) => sql`(${f.col}, ${f.def.kind}, ${f.def.item})`);
  const result = await sql<{ col: string; org_id: number; grp: string; answer: string; n: number }>`
    with f(col, kind, item) as (values ${sql.join(wanted)})
    select f.col, v.subject_org_id as org_id, coalesce(g.label, v.group_key) as grp, v.answers ->> f.item as answer, count(*)::int as n
    from f
    join review_sessions s on s.cycle_year = ${year} and s.kind = f.kind and s.state = 'closed'
    join review_votes v on v.session_id = s.id and v.subject_org_id = any(${[...orgIds]}::int[]) and v.answers ? f.item
    left join lateral (select x ->> 'label' as label from jsonb_array_elements(s.rater_groups) x where x ->> 'key' = v.group_key limit 1) g on true
    group by 1, 2, 3, 4
    -- In order: the tallies become objects whose key order the explanation shows, the same whichever plan ran.
    order by 1, 2, 3, 4`.execute(db);
  return result.rows;
}

/**
 * Ballots of the cycle's closed rating campaigns, voided ones left out: valid ballot counts, answer
 * tallies per rater group ({ 居民: { 满意: 12 } }, the shape the votes clause reads), answer shares.
 */
async function ballotFacts(db: Kysely<Database>, year: number, orgIds: readonly number[], facts: Named<FactDef>[], projects: 'responsible' | 'community' | undefined) {
  const valid = sql`c.cycle_year = ${year} and c.state = 'closed' and b.voided_at is null`;
  // Campaigns rating organizations count for the target; those rating projects, for the project's community
  // (the target's organization) or for its responsible unit, each project only with its minimum sample (a total
  // must not give away by subtraction a project whose result is withheld).
  const bv =
    projects === undefined
      ? sql`select b.org_id, b.rater_group, b.answers from ballots b join rating_campaigns c on c.id = b.campaign_id
        where ${valid} and c.subject = 'org' and b.org_id = any(${[...orgIds]}::int[])`
      : sql`select ${sql.ref(projects === 'community' ? 'b.org_id' : 'p.responsible_id')} as org_id, b.rater_group, b.answers
        from ballots b join rating_campaigns c on c.id = b.campaign_id join rating_targets t on t.id = b.target_id join cb_projects p on p.id = t.project_id
        where ${valid} and c.subject = 'project' and ${sql.ref(projects === 'community' ? 'b.org_id' : 'p.responsible_id')} = any(${[...orgIds]}::int[])
          and (select count(*) from ballots x where x.target_id = b.target_id and x.voided_at is null) >= ${PROJECT_MIN_SAMPLE}`;
  const ctes: { name: string; body: RawBuilder<unknown> }[] = [
    { name: 'bv', body: bv },
    { name: 'ba', body: sql`select bv.org_id, bv.rater_group, e.key as item, e.value as answer from bv cross join lateral jsonb_each_text(bv.answers) e` },
  ];
  const selects: { col: string; expr: RawBuilder<unknown> }[] = [];
  const joins: string[] = [];
  for (const { col, def } of facts) {
    const item = 'item' in def && def.item !== undefined ? sql<boolean>`item = ${def.item}` : sql<boolean>`true`;
    switch (def.source) {
      case 'ballots.count':
        ctes.push({ name: col, body: sql`select org_id, count(*) as v from bv group by 1` });
        selects.push({ col, expr: sql`coalesce(${sql.ref(`${col}.v`)}, 0)` });
        break;
      case 'ballots.tally':
        ctes.push({
          name: col,
          body: sql`select org_id, jsonb_object_agg(rater_group, t) as v from (
            select org_id, rater_group, jsonb_object_agg(answer, n) as t from (
              select org_id, rater_group, answer, count(*) as n from ba where ${item} group by 1, 2, 3) x group by 1, 2) y group by 1`,
        });
        selects.push({ col, expr: sql`coalesce(${sql.ref(`${col}.v`)}, '{}'::jsonb)` });
        break;
      case 'ballots.share':
        ctes.push({
          name: col,
          body: sql`select org_id, count(*) filter (where answer = any(${def.answers}::text[])) as num,
            count(*) filter (where not (answer = any(${def.exclude}::text[]))) as den from ba where ${item} group by 1`,
        });
        selects.push({ col, expr: sql`coalesce(round(100.0 * ${sql.ref(`${col}.num`)} / nullif(${sql.ref(`${col}.den`)}, 0), 2), ${def.ifNone})` });
        break;
      default:
        continue;
    }
    joins.push(col);
  }
  return collect(db, orgIds, ctes, selects, joins);
}

/** Self-scores and superior's scores (自评 + 上级评定): a half not entered stays missing, never 0. */
async function assessmentFacts(db: Kysely<Database>, year: number, orgIds: readonly number[], facts: Named<Def<'assessment.self' | 'assessment.review'>>[], out: FactRows) {
  const indicators = [...new Set(facts.map((f) => f.def.indicator))];
  const rows = await db
    .selectFrom('self_assessments')
    .select(['org_id', 'indicator', 'self_points', 'review_points'])
    .where('cycle_year', '=', year)
    .where(sql<boolean>`indicator = any(${indicators}::text[])`)
    .where(sql<boolean>`org_id = any(${[...orgIds]}::int[])`)
    .execute();
  for (const row of rows) {
    const target = out.get(row.org_id)!;
    for (const f of facts) {
      if (f.def.indicator !== row.indicator) continue;
      const v = f.def.source === 'assessment.self' ? row.self_points : row.review_points;
      if (v !== null) target[f.name] = Number(v);
    }
  }
}

async function declaredFacts(db: Kysely<Database>, year: number, orgIds: readonly number[], facts: Named<Def<'declared'>>[]) {
  const keys = [...new Set(facts.map((f) => f.def.key))];
  return db
    .selectFrom('declared_facts')
    .select(['org_id', 'key', 'value'])
    .where('cycle_year', '=', year)
    .where(sql<boolean>`key = any(${keys}::text[])`)
    .where(sql<boolean>`org_id = any(${[...orgIds]}::int[])`)
    .execute();
}

function typed(def: Def<'declared'>, value: unknown): FactValue | undefined {
  if (def.type === 'number') return typeof value === 'number' ? value : undefined;
  if (def.type === 'boolean') return typeof value === 'boolean' ? value : undefined;
  const tally = Tally.safeParse(value);
  return tally.success ? normalizeTally(tally.data) : undefined;
}

/** All facts of a rule set for the given organizations of a cycle, keyed by organization id. */
export async function computeFacts(
  db: Kysely<Database>,
  year: number,
  orgIds: readonly number[],
  defs: Readonly<Record<string, FactDef>>,
): Promise<FactRows> {
  const out: FactRows = new Map(orgIds.map((id) => [id, {}]));
  if (orgIds.length === 0) return out;
  const named = Object.entries(defs).map(([name, def], i) => ({ name, def, col: `f${i}` }));
  const family = (prefix: string) => named.filter((n) => n.def.source.startsWith(prefix));
  const numericFamilies: [Named<FactDef>[], typeof ledgerFacts][] = [
    [family('ledger.'), ledgerFacts],
    [family('meetings.'), meetingFacts],
    [family('checkins.'), checkinFacts],
    [named.filter((n) => ['agreements.count', 'inspections.sum', 'inspections.count', 'org.memberCount', 'records.count'].includes(n.def.source)), otherFacts],
    [named.filter((n) => ['reviews.count', 'twoway.received', 'twoway.receivedCount', 'twoway.missingGiven'].includes(n.def.source)), opinionFacts],
    [family('cobuilding.'), cobuildingFacts],
  ];
  for (const [list, query] of numericFamilies) {
    if (list.length === 0) continue;
    for (const row of await query(db, year, orgIds, list)) {
      const target = out.get(Number(row.org_id))!;
      for (const { name, col } of list) target[name] = row[col] === null || row[col] === undefined ? 0 : Number(row[col]);
      for (const { name, col } of list) if (typeof row[`${col}_from`] === 'string') attachSpan(target, name, { from: String(row[`${col}_from`]), to: String(row[`${col}_to`]) });
    }
  }
  const history = named.filter((n): n is Named<Def<'history'>> => n.def.source === 'history');
  if (history.length > 0) await historyFacts(db, year, orgIds, history, out);
  const tallies = named.filter((n): n is Named<Def<'reviews.tally'>> => n.def.source === 'reviews.tally');
  if (tallies.length > 0) {
    // Every organization gets a tally, empty when nobody voted on it (the votes clause then finds no sample).
    for (const target of out.values()) for (const t of tallies) target[t.name] = {};
    const nameOf = new Map(tallies.map((t) => [t.col, t.name]));
    for (const row of await reviewTallies(db, year, orgIds, tallies)) {
      const dist = out.get(row.org_id)![nameOf.get(row.col)!] as Record<string, Record<string, number>>;
      (dist[row.grp] ??= {})[row.answer] = row.n;
    }
  }
  for (const projects of [undefined, 'responsible', 'community'] as const) {
    const ballots = family('ballots.').filter((n) => ('projects' in n.def ? n.def.projects : undefined) === projects);
    if (ballots.length === 0) continue;
    for (const row of await ballotFacts(db, year, orgIds, ballots, projects)) {
      const target = out.get(Number(row.org_id))!;
      for (const { name, col, def } of ballots) {
        const v = row[col];
        target[name] = def.source === 'ballots.tally' ? normalizeTally((typeof v === 'string' ? JSON.parse(v) : v) as Record<string, Record<string, number>>) : Number(v ?? 0);
      }
    }
  }
  const assessed = named.filter((n): n is Named<Def<'assessment.self' | 'assessment.review'>> => n.def.source === 'assessment.self' || n.def.source === 'assessment.review');
  if (assessed.length > 0) await assessmentFacts(db, year, orgIds, assessed, out);
  const declared = named.filter((n): n is Named<Def<'declared'>> => n.def.source === 'declared');
  if (declared.length > 0) {
    for (const row of await declaredFacts(db, year, orgIds, declared)) {
      const target = out.get(row.org_id)!;
      for (const d of declared) if (d.def.key === row.key) target[d.name] = typed(d.def, row.value);
    }
  }
  return out;
}
