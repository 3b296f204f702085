import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database, NeedState, ProjectState } from '../../db/database';

/** The co-building lists' queries (resources, needs, projects, links, progress ledger). */

export async function agreementExists(db: Kysely<Database>, communityId: number, unitId: number): Promise<boolean> {
  const row = await db.selectFrom('agreements').select('id').where('community_id', '=', communityId).where('unit_id', '=', unitId).executeTakeFirst();
  return row !== undefined;
}

/** Whether an organization under `prefix` has a co-building agreement with the community (a unit's view of its lists). */
export async function agreementUnder(db: Kysely<Database>, communityId: number, prefix: string): Promise<boolean> {
  const row = await db
    .selectFrom('agreements as a')
    .innerJoin('organizations as u', 'u.id', 'a.unit_id')
    .select('a.id')
    .where('a.community_id', '=', communityId)
    .where('u.path', 'like', `${prefix}%`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** A year's agreements whose community or unit lies under `prefix` (each side sees its own), by community then unit. */
export async function agreementRowsUnder(db: Kysely<Database>, f: { prefix: string; year: number; limit: number; offset: number }) {
  const base = db
    .selectFrom('agreements as a')
    .innerJoin('organizations as c', 'c.id', 'a.community_id')
    .innerJoin('organizations as u', 'u.id', 'a.unit_id')
    .where('a.year', '=', f.year)
    .where((eb) => eb.or([eb('c.path', 'like', `${f.prefix}%`), eb('u.path', 'like', `${f.prefix}%`)]));
  const [rows, total] = await Promise.all([
    base.select(['a.id', 'a.community_id', 'c.name as community_name', 'a.unit_id', 'u.name as unit_name']).orderBy('c.code').orderBy('u.code').orderBy('a.id').limit(f.limit).offset(f.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** The communities an organization has a co-building agreement with (any year). */
export async function agreedCommunities(db: Kysely<Database>, unitId: number): Promise<Set<number>> {
  const rows = await db.selectFrom('agreements').select('community_id').distinct().where('unit_id', '=', unitId).execute();
  return new Set(rows.map((r) => r.community_id));
}

/** Units in the subtree under `prefix` that have an agreement with the community (a unit's view of a community's lists). */
const agreedUnder = (community: RawBuilder<number>, prefix: string) =>
  sql<boolean>`exists (select 1 from agreements a join organizations u on u.id = a.unit_id where a.community_id = ${community} and u.path like ${`${prefix}%`})`;

/** The community a need belongs to: the grid's parent, or the community itself. */
const needCommunity = sql<number>`case when o.kind = 'grid' then o.parent_id else o.id end`;

const resourceQuery = (db: Kysely<Database>) =>
  db
    .selectFrom('cb_resources as r')
    .innerJoin('organizations as o', 'o.id', 'r.org_id')
    .innerJoin('organizations as t', 't.id', 'r.offered_to_id')
    .selectAll('r')
    .select(['o.name as org_name', 'o.path as org_path', 't.name as offered_to_name', 't.path as offered_to_path'])
    .select(sql<number>`(select count(distinct l.project_id)::int from cb_project_links l where l.resource_id = r.id)`.as('projects'));

export type ResourceRow = NonNullable<Awaited<ReturnType<typeof findResourceRow>>>;

export async function insertResourceRow(db: Kysely<Database>, row: Omit<Database['cb_resources'], 'id' | 'created_at' | 'withdrawn_on'> & { withdrawn_on?: null }) {
  return (await db.insertInto('cb_resources').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function findResourceRow(db: Kysely<Database>, id: number) {
  return resourceQuery(db).where('r.id', '=', id).executeTakeFirst();
}

/** Resources offered by or to an organization under `prefix` (or `orgId` only), newest first. */
export async function listResourceRows(db: Kysely<Database>, f: { prefix: string; orgId?: number; unusedOn?: string; limit: number; offset: number }) {
  const base = resourceQuery(db)
    .where((eb) => eb.or([eb('o.path', 'like', `${f.prefix}%`), eb('t.path', 'like', `${f.prefix}%`)]))
    .$if(f.orgId !== undefined, (q) => q.where((eb) => eb.or([eb('r.org_id', '=', f.orgId!), eb('r.offered_to_id', '=', f.orgId!)])))
    // Not used yet: still on offer on that day (not withdrawn, its period not over) and in no project (未对接资源).
    .$if(f.unusedOn !== undefined, (q) =>
      q
        .where('r.withdrawn_on', 'is', null)
        .where((eb) => eb.or([eb('r.available_to', 'is', null), eb('r.available_to', '>=', f.unusedOn!)]))
        .where(sql<boolean>`not exists (select 1 from cb_project_links l where l.resource_id = r.id)`),
    );
  const [rows, total] = await Promise.all([
    base.orderBy('r.offered_on', 'desc').orderBy('r.id', 'desc').limit(f.limit).offset(f.offset).execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

const needQuery = (db: Kysely<Database>) =>
  db
    .selectFrom('cb_needs as n')
    .innerJoin('organizations as o', 'o.id', 'n.org_id')
    .selectAll('n')
    .select(['o.name as org_name', 'o.path as org_path', needCommunity.as('community_id')]);

export type NeedRow = NonNullable<Awaited<ReturnType<typeof findNeedRow>>>;

export async function insertNeedRow(db: Kysely<Database>, row: Omit<Database['cb_needs'], 'id' | 'created_at' | 'met_on' | 'state'>) {
  return (await db.insertInto('cb_needs').values({ ...row, state: 'open' }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function findNeedRow(db: Kysely<Database>, id: number, lock?: boolean) {
  return needQuery(db)
    .where('n.id', '=', id)
    .$if(!!lock, (q) => q.forUpdate('n'))
    .executeTakeFirst();
}

/** Needs of a community or grid under `prefix`, or of a community a unit under `prefix` has an agreement with. */
export async function listNeedRows(db: Kysely<Database>, f: { prefix: string; orgId?: number; state?: string; limit: number; offset: number }) {
  const base = needQuery(db)
    .where((eb) => eb.or([eb('o.path', 'like', `${f.prefix}%`), agreedUnder(needCommunity, f.prefix)]))
    .$if(f.orgId !== undefined, (q) => q.where('n.org_id', '=', f.orgId!))
    .$if(f.state !== undefined, (q) => q.where('n.state', '=', f.state as NeedState));
  const [rows, total] = await Promise.all([
    base.orderBy('n.raised_on', 'desc').orderBy('n.id', 'desc').limit(f.limit).offset(f.offset).execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function setNeedState(db: Kysely<Database>, ids: readonly number[], state: NeedState, metOn: string | null): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('cb_needs').set({ state, met_on: metOn }).where('id', 'in', [...ids]).execute();
}

const projectQuery = (db: Kysely<Database>) =>
  db
    .selectFrom('cb_projects as p')
    .innerJoin('organizations as c', 'c.id', 'p.community_id')
    .leftJoin('organizations as u', 'u.id', 'p.responsible_id')
    .selectAll('p')
    .select(['c.name as community_name', 'c.path as community_path', 'u.name as responsible_name', 'u.path as responsible_path']);

export type ProjectRow = NonNullable<Awaited<ReturnType<typeof findProjectRow>>>;

export async function insertProjectRow(db: Kysely<Database>, row: Pick<Database['cb_projects'], 'community_id' | 'title' | 'goal' | 'planned_start' | 'planned_end' | 'created_on' | 'created_by'>) {
  return (await db.insertInto('cb_projects').values({ ...row, state: 'open' }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertLinks(db: Kysely<Database>, projectId: number, links: { needIds: readonly number[]; resourceIds: readonly number[]; partnerIds: readonly number[] }) {
  const rows = [
    ...links.needIds.map((id) => ({ project_id: projectId, need_id: id, resource_id: null, partner_id: null })),
    ...links.resourceIds.map((id) => ({ project_id: projectId, need_id: null, resource_id: id, partner_id: null })),
    ...links.partnerIds.map((id) => ({ project_id: projectId, need_id: null, resource_id: null, partner_id: id })),
  ];
  if (rows.length > 0) await db.insertInto('cb_project_links').values(rows).execute();
}

export async function findProjectRow(db: Kysely<Database>, id: number, lock?: boolean) {
  return projectQuery(db)
    .where('p.id', '=', id)
    .$if(!!lock, (q) => q.forUpdate('p'))
    .executeTakeFirst();
}

/**
 * Projects of a community under `prefix`, claimed by a unit under it, or open to a unit under it by agreement:
 * open ones before closed ones, so a year's work is on the first page however many years the list holds.
 */
export async function listProjectRows(db: Kysely<Database>, f: { prefix: string; orgId?: number; state?: string; closedIn?: number; today?: string; limit: number; offset: number }) {
  const base = projectQuery(db)
    .where((eb) => eb.or([eb('c.path', 'like', `${f.prefix}%`), eb('u.path', 'like', `${f.prefix}%`), agreedUnder(sql<number>`p.community_id`, f.prefix)]))
    .$if(f.orgId !== undefined, (q) => q.where((eb) => eb.or([eb('p.community_id', '=', f.orgId!), eb('p.responsible_id', '=', f.orgId!)])))
    // 'overdue' is not a state: not closed and past the planned end on `today` (moves.ts, isOverdue).
    .$if(f.state === 'overdue', (q) => q.where('p.state', '<>', 'closed').where('p.planned_end', '<', f.today!))
    .$if(f.state !== undefined && f.state !== 'overdue', (q) => q.where('p.state', '=', f.state as ProjectState))
    .$if(f.closedIn !== undefined, (q) => q.where('p.closed_on', '>=', `${f.closedIn}-01-01`).where('p.closed_on', '<=', `${f.closedIn}-12-31`));
  const [rows, total] = await Promise.all([
    // Work still to do first, the nearest planned end first; then what was closed, the latest first.
    base
      .orderBy(sql`p.state = 'closed'`)
      .orderBy(sql`case when p.state <> 'closed' then p.planned_end end`)
      .orderBy(sql`p.closed_on desc nulls last`)
      .orderBy('p.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function updateProjectRow(db: Kysely<Database>, id: number, patch: Partial<Pick<Database['cb_projects'], 'state' | 'responsible_id' | 'claimed_on' | 'close_proposed_on' | 'closed_on'>> & { sent_back_more?: boolean }) {
  const { sent_back_more, ...rest } = patch;
  await db
    .updateTable('cb_projects')
    .set({ ...rest, ...(sent_back_more ? { sent_back: sql<number>`sent_back + 1` } : {}) })
    .where('id', '=', id)
    .execute();
}

/** A project's needs, resources and partners, by title or name. */
export async function projectLinkRows(db: Kysely<Database>, projectId: number) {
  return db
    .selectFrom('cb_project_links as l')
    .leftJoin('cb_needs as n', 'n.id', 'l.need_id')
    .leftJoin('cb_resources as r', 'r.id', 'l.resource_id')
    .leftJoin('organizations as o', 'o.id', 'l.partner_id')
    .select(['l.need_id', 'l.resource_id', 'l.partner_id', 'n.title as need_title', 'r.title as resource_title', 'o.name as partner_name'])
    .where('l.project_id', '=', projectId)
    .execute();
}

/** The paths of a project's cooperating units. */
export async function partnerPaths(db: Kysely<Database>, projectId: number): Promise<string[]> {
  const rows = await db.selectFrom('cb_project_links as l').innerJoin('organizations as o', 'o.id', 'l.partner_id').select('o.path').where('l.project_id', '=', projectId).execute();
  return rows.map((r) => r.path);
}

/** A project's 责任分解, by due date, with each task's organization. */
export async function taskRows(db: Kysely<Database>, projectId: number) {
  return db
    .selectFrom('cb_project_tasks as k')
    .innerJoin('organizations as o', 'o.id', 'k.org_id')
    .selectAll('k')
    .select(['o.name as org_name', 'o.path as org_path'])
    .where('k.project_id', '=', projectId)
    .orderBy('k.due_on')
    .orderBy('k.id')
    .execute();
}

export async function insertTaskRow(db: Kysely<Database>, row: { project_id: number; title: string; org_id: number; person: string | null; due_on: string; milestone: boolean; created_by: string }) {
  return (await db.insertInto('cb_project_tasks').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function finishTaskRow(db: Kysely<Database>, id: number, on: string): Promise<void> {
  await db.updateTable('cb_project_tasks').set({ done_on: on }).where('id', '=', id).execute();
}

export async function insertProgressRow(db: Kysely<Database>, row: Omit<Database['cb_progress'], 'id' | 'created_at' | 'file_ids'> & { file_ids: readonly number[] }) {
  return (await db.insertInto('cb_progress').values({ ...row, file_ids: JSON.stringify(row.file_ids) }).returning('id').executeTakeFirstOrThrow()).id;
}

/** The progress ledger of a project, in date order, with who wrote each entry. */
export async function progressRows(db: Kysely<Database>, projectId: number) {
  return db
    .selectFrom('cb_progress as g')
    .innerJoin('organizations as o', 'o.id', 'g.org_id')
    .select(['g.id', 'g.kind', 'g.entry_on', 'g.text', 'g.file_ids', 'o.name as org_name'])
    .where('g.project_id', '=', projectId)
    .orderBy('g.entry_on')
    .orderBy('g.id')
    .execute();
}

/**
 * Whether a file is co-building evidence of something the caller's subtree (under `prefix`) takes part in: the ledger
 * of a project (as its community or its responsible unit), or a fulfilled wish (as its collector or its claimer).
 * Both sides read each other's evidence, which their subtrees alone would not allow.
 */
export async function fileInVisibleProject(db: Kysely<Database>, fileId: number, prefix: string): Promise<boolean> {
  const row = await db
    .selectFrom('cb_progress as g')
    .innerJoin('cb_projects as p', 'p.id', 'g.project_id')
    .innerJoin('organizations as c', 'c.id', 'p.community_id')
    .leftJoin('organizations as u', 'u.id', 'p.responsible_id')
    .select('g.id')
    .where(sql<boolean>`g.file_ids @> ${JSON.stringify([fileId])}::jsonb`)
    .where((eb) => eb.or([eb('c.path', 'like', `${prefix}%`), eb('u.path', 'like', `${prefix}%`)]))
    .limit(1)
    .executeTakeFirst();
  if (row) return true;
  // A fulfilled 微心愿's photos: the collecting community or grid and the claimer read them.
  const wish = await db
    .selectFrom('cb_wishes as w')
    .innerJoin('organizations as o', 'o.id', 'w.org_id')
    .leftJoin('organizations as c', 'c.id', 'w.claimer_id')
    .select('w.id')
    .where(sql<boolean>`w.fulfil_file_ids @> ${JSON.stringify([fileId])}::jsonb`)
    .where((eb) => eb.or([eb('o.path', 'like', `${prefix}%`), eb('c.path', 'like', `${prefix}%`)]))
    .limit(1)
    .executeTakeFirst();
  return wish !== undefined;
}

/**
 * The street's and leader's overview: per community under `prefix`, its projects listed in the year by state
 * (overdue and met counted at the year's end, or today while it runs, as the facts do), its and its grids' needs raised in the year and how many are met, and the resources
 * offered to it in the year and how many a project uses. One statement for all communities.
 */
export async function overviewRows(db: Kysely<Database>, f: { prefix: string; year: number; today: string }) {
  const [from, to] = [`${f.year}-01-01`, `${f.year}-12-31`];
  // As the facts count them: overdue and met at the year's end, or today while the year runs.
  const cutoff = to < f.today ? to : f.today;
  const { rows } = await sql<{
    id: number;
    name: string;
    street_name: string | null;
    open: number;
    claimed: number;
    closing: number;
    closed: number;
    overdue: number;
    raised: number;
    urgent: number;
    met: number;
    offered: number;
    used: number;
  }>`
    select c.id, c.name, s.name as street_name, pr.*, nd.*, rs.*
    from organizations c
    left join organizations s on s.id = c.parent_id
    cross join lateral (
      select count(*) filter (where p.state = 'open')::int as open, count(*) filter (where p.state = 'claimed')::int as claimed,
             count(*) filter (where p.state = 'closing')::int as closing, count(*) filter (where p.state = 'closed')::int as closed,
             count(*) filter (where (p.closed_on is null or p.closed_on > ${cutoff}) and p.planned_end < ${cutoff})::int as overdue
      from cb_projects p where p.community_id = c.id and p.created_on between ${from} and ${to}) pr
    cross join lateral (
      select count(*)::int as raised, count(*) filter (where n.urgency = 'urgent')::int as urgent, count(*) filter (where n.state = 'met' and n.met_on <= ${cutoff})::int as met
      from cb_needs n join organizations o on o.id = n.org_id
      where (o.id = c.id or (o.parent_id = c.id and o.kind = 'grid')) and n.raised_on between ${from} and ${to}) nd
    cross join lateral (
      select count(*)::int as offered, count(*) filter (where exists (select 1 from cb_project_links l where l.resource_id = r.id))::int as used
      from cb_resources r where r.offered_to_id = c.id and r.offered_on between ${from} and ${to}) rs
    where c.kind = 'community' and c.path like ${`${f.prefix}%`} and (c.active_to is null or c.active_to >= ${from}) and c.active_from <= ${to}
    order by c.path`.execute(db);
  return rows;
}
