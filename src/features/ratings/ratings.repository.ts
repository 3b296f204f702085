import { type Kysely, sql } from 'kysely';
import { bulkInsert } from '../../db/bulk';
import type { CampaignState, CampaignSubject, Choice, Database } from '../../db/database';

const campaignColumns = [
  'c.id',
  'c.cycle_year',
  'c.org_id',
  'o.path as org_path',
  'o.name as org_name',
  'c.title',
  'c.subject',
  'c.state',
  'c.items',
  'c.answers',
  'c.rater_groups',
  'c.opens_on',
  'c.closes_on',
  'c.created_by',
  'c.opened_at',
  'c.closed_at',
] as const;

export type CampaignRow = Awaited<ReturnType<typeof findCampaign>> & {};

/** A campaign with its organizing organization's path; `lock` takes the row for a state change. */
export async function findCampaign(db: Kysely<Database>, id: number, lock?: 'update') {
  return db
    .selectFrom('rating_campaigns as c')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .select(campaignColumns)
    .where('c.id', '=', id)
    .$if(lock === 'update', (q) => q.forUpdate('c'))
    .executeTakeFirst();
}

/**
 * Campaigns a caller can see: those organized in their subtree and those organized above them
 * (an organization sees the campaign it is rated in). `path` is the caller's subtree.
 */
export async function listCampaignRows(db: Kysely<Database>, path: string, year?: number) {
  return db
    .selectFrom('rating_campaigns as c')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .select(campaignColumns)
    .where((eb) => eb.or([eb('o.path', 'like', `${path}%`), eb(sql.val(path), 'like', sql<string>`o.path || '%'`)]))
    .$if(year !== undefined, (q) => q.where('c.cycle_year', '=', year!))
    .orderBy('c.id', 'desc')
    .execute();
}

export async function insertCampaign(
  db: Kysely<Database>,
  row: { cycle_year: number; org_id: number; title: string; subject: CampaignSubject; items: Choice[]; answers: Choice[]; rater_groups: string[]; opens_on: string; closes_on: string; created_by: string },
) {
  return db
    .insertInto('rating_campaigns')
    .values({ ...row, items: JSON.stringify(row.items), answers: JSON.stringify(row.answers), rater_groups: JSON.stringify(row.rater_groups) })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A campaign's targets: organizations, or projects (each with its community as the organization). */
export async function insertTargets(db: Kysely<Database>, campaignId: number, year: number, targets: readonly { org_id: number; project_id: number | null }[]) {
  return db
    .insertInto('rating_targets')
    .values(targets.map((t) => ({ campaign_id: campaignId, cycle_year: year, ...t })))
    .returning(['id', 'org_id'])
    .execute();
}

export async function setCampaignState(db: Kysely<Database>, id: number, state: CampaignState, at: Date) {
  await db
    .updateTable('rating_campaigns')
    .set(state === 'open' ? { state, opened_at: at } : { state, closed_at: at })
    .where('id', '=', id)
    .execute();
}

/** The targets of a campaign with their organizations (and projects), ballot counts (valid and voided) and codes issued. */
export async function listTargetRows(db: Kysely<Database>, campaignId: number, pathPrefix = '/', onlyTarget?: number) {
  return db
    .selectFrom('rating_targets as t')
    .innerJoin('organizations as o', 'o.id', 't.org_id')
    .leftJoin('cb_projects as p', 'p.id', 't.project_id')
    .select((eb) => [
      't.id',
      't.org_id',
      't.project_id',
      'p.title as project_title',
      'o.name as org_name',
      'o.path as org_path',
      'o.category',
      eb.selectFrom('ballots as b').whereRef('b.target_id', '=', 't.id').where('b.voided_at', 'is', null).select(sql<number>`count(*)::int`.as('n')).as('valid'),
      eb.selectFrom('ballots as b').whereRef('b.target_id', '=', 't.id').where('b.voided_at', 'is not', null).select(sql<number>`count(*)::int`.as('n')).as('voided'),
      eb.selectFrom('ballot_codes as k').whereRef('k.target_id', '=', 't.id').select(sql<number>`count(*)::int`.as('n')).as('codes'),
    ])
    .where('t.campaign_id', '=', campaignId)
    .where('o.path', 'like', `${pathPrefix}%`)
    .$if(onlyTarget !== undefined, (q) => q.where('t.id', '=', onlyTarget!))
    .orderBy('o.path')
    .orderBy('t.project_id')
    .execute();
}

/** The campaigns (opened or closed, not drafts) that rated a project, the latest first, with the project's target in each. */
export async function projectTargetRows(db: Kysely<Database>, projectId: number) {
  return db
    .selectFrom('rating_targets as t')
    .innerJoin('rating_campaigns as c', 'c.id', 't.campaign_id')
    .select(['t.id', 't.campaign_id'])
    .where('t.project_id', '=', projectId)
    .where('c.state', '<>', 'draft')
    .orderBy('t.campaign_id', 'desc')
    .execute();
}

/** A campaign's target by its organization (campaigns of organizations) or by its project. */
export async function findTarget(db: Kysely<Database>, campaignId: number, by: { orgId: number } | { projectId: number }) {
  return db
    .selectFrom('rating_targets as t')
    .innerJoin('organizations as o', 'o.id', 't.org_id')
    .leftJoin('cb_projects as p', 'p.id', 't.project_id')
    .select(['t.id', 't.org_id', 't.project_id', 'p.title as project_title', 'o.name as org_name', 'o.path as org_path'])
    .where('t.campaign_id', '=', campaignId)
    .$if('orgId' in by, (q) => q.where('t.org_id', '=', (by as { orgId: number }).orgId).where('t.project_id', 'is', null))
    .$if('projectId' in by, (q) => q.where('t.project_id', '=', (by as { projectId: number }).projectId))
    .executeTakeFirst();
}

export async function insertBatch(
  db: Kysely<Database>,
  row: { campaign_id: number; target_id: number; rater_group: string; count: number; expires_at: Date | null; created_by: string },
  hashes: readonly string[],
) {
  const batch = await db.insertInto('ballot_batches').values(row).returning('id').executeTakeFirstOrThrow();
  await bulkInsert(
    db,
    'ballot_codes',
    [
      { name: 'code_hash', type: 'text' },
      { name: 'batch_id', type: 'int' },
      { name: 'target_id', type: 'int' },
      { name: 'rater_group', type: 'text' },
      { name: 'expires_at', type: 'timestamptz' },
    ],
    hashes.map((h) => [h, batch.id, row.target_id, row.rater_group, row.expires_at?.toISOString() ?? null]),
  );
  return batch;
}

/** What a code opens: its target, group and campaign (for the page and the checks before casting). */
export async function findCode(db: Kysely<Database>, codeHash: string) {
  return db
    .selectFrom('ballot_codes as k')
    .innerJoin('rating_targets as t', 't.id', 'k.target_id')
    .innerJoin('rating_campaigns as c', 'c.id', 't.campaign_id')
    .innerJoin('organizations as o', 'o.id', 't.org_id')
    .leftJoin('cb_projects as p', 'p.id', 't.project_id')
    .select([
      'k.id',
      'k.target_id',
      'k.rater_group',
      'k.expires_at',
      'k.used_at',
      't.org_id',
      'o.name as org_name',
      'p.title as project_title',
      'c.id as campaign_id',
      'c.cycle_year',
      'c.title',
      'c.state',
      'c.items',
      'c.answers',
    ])
    .where('k.code_hash', '=', codeHash)
    .executeTakeFirst();
}

/**
 * Claims a code atomically: only one of any number of concurrent claims finds it unused (the row lock
 * makes the others wait, then re-check `used_at` and match nothing).
 */
export async function claimCode(db: Kysely<Database>, codeHash: string, now: Date, usedOn: Date) {
  return db
    .updateTable('ballot_codes')
    .set({ used_at: usedOn })
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .returning(['id', 'target_id', 'rater_group'])
    .executeTakeFirst();
}

/** A ballot just cast: kept apart from `ballots` (and from its code) until the next move. */
export async function insertPendingBallot(
  db: Kysely<Database>,
  row: { campaign_id: number; target_id: number; org_id: number; rater_group: string; answers: Record<string, string>; client_key: string | null; created_at: Date },
): Promise<void> {
  await db.insertInto('pending_ballots').values({ ...row, answers: JSON.stringify(row.answers) }).execute();
}

/**
 * Moves a campaign's pending ballots into `ballots` in one statement, in random order (so neither the new ids
 * nor the rows' places follow the order of casting), and deletes them from the pending table. Returns how many.
 */
export async function movePendingBallots(db: Kysely<Database>, campaignId: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    with moved as (delete from pending_ballots where campaign_id = ${campaignId} returning *),
    placed as (
      insert into ballots (campaign_id, target_id, org_id, rater_group, answers, source, client_key, created_at)
      select campaign_id, target_id, org_id, rater_group, answers, 'online', client_key, created_at from moved order by random()
      returning 1
    )
    select count(*)::int as n from placed`.execute(db);
  return rows[0]?.n ?? 0;
}

/**
 * At closing: every used code of the campaign is rewritten in this one transaction, with one time, so neither
 * the transaction that claimed it (xmin) nor the moment it was used is left to match against a ballot.
 */
export async function scrubUsedCodes(db: Kysely<Database>, campaignId: number, at: Date): Promise<void> {
  await sql`update ballot_codes k set used_at = ${at} from rating_targets t
    where t.id = k.target_id and t.campaign_id = ${campaignId} and k.used_at is not null`.execute(db);
}

export async function findBallot(db: Kysely<Database>, campaignId: number, id: number) {
  return db
    .selectFrom('ballots as b')
    .innerJoin('organizations as o', 'o.id', 'b.org_id')
    .select(['b.id', 'b.org_id', 'o.path as org_path', 'b.voided_at'])
    .where('b.campaign_id', '=', campaignId)
    .where('b.id', '=', id)
    .forUpdate('b')
    .executeTakeFirst();
}

export async function voidBallotRow(db: Kysely<Database>, id: number, by: string, reason: string, at: Date) {
  await db.updateTable('ballots').set({ voided_at: at, voided_by: by, void_reason: reason }).where('id', '=', id).execute();
}

/** Answer counts per target, item and answer over the valid ballots (aggregates only, never a ballot). */
export async function tallyRows(db: Kysely<Database>, campaignId: number, pathPrefix: string) {
  const { rows } = await sql<{ target_id: number; item: string; answer: string; n: number }>`
    select b.target_id, a.key as item, a.value as answer, count(*)::int as n
    from ballots b join organizations o on o.id = b.org_id
    cross join lateral jsonb_each_text(b.answers) a
    where b.campaign_id = ${campaignId} and b.voided_at is null and o.path like ${`${pathPrefix}%`}
    group by 1, 2, 3`.execute(db);
  return rows;
}

type FlagRow = { key: string; org_id: number | null; first_at: Date; last_at: Date; ballot_ids: number[]; voided_ids: number[] | null };

/**
 * Groups of at least `count` ballots sharing `partition` within `minutes` of each other: every ballot
 * opens a window of that length; a window holding enough ballots flags all of them. Any qualifying
 * window can be slid to start at its first ballot, so this finds every one.
 */
async function windowFlags(db: Kysely<Database>, campaignId: number, by: 'client' | 'pattern', count: number, minutes: number): Promise<FlagRow[]> {
  const part = by === 'client' ? sql`client_key` : sql`target_id, answers`;
  const same = by === 'client' ? sql`x.client_key = a.client_key` : sql`x.target_id = a.target_id and x.answers = a.answers`;
  const key = by === 'client' ? sql`a.client_key` : sql`a.target_id::text || ':' || md5(a.answers::text)`;
  const { rows } = await sql<FlagRow>`
    with b as (
      select id, target_id, org_id, answers, client_key, created_at, voided_at,
        count(*) over (partition by ${part} order by created_at range between current row and ${`${minutes} minutes`}::interval following) as n
      from ballots where campaign_id = ${campaignId} ${by === 'client' ? sql`and client_key is not null` : sql``}
    ),
    hits as (
      select distinct ${key} as key, ${by === 'client' ? sql`null::int` : sql`a.org_id`} as org_id, x.id, x.created_at, x.voided_at
      from b a join ballots x on x.campaign_id = ${campaignId} and ${same}
        and x.created_at between a.created_at and a.created_at + ${`${minutes} minutes`}::interval
      where a.n >= ${count}
    )
    select key, max(org_id) as org_id, min(created_at) as first_at, max(created_at) as last_at,
      array_agg(id order by id) as ballot_ids, array_agg(id order by id) filter (where voided_at is not null) as voided_ids
    from hits group by key order by min(created_at)`.execute(db);
  return rows;
}

export const burstFlags = (db: Kysely<Database>, campaignId: number, count: number, minutes: number) => windowFlags(db, campaignId, 'client', count, minutes);
export const patternFlags = (db: Kysely<Database>, campaignId: number, count: number, minutes: number) => windowFlags(db, campaignId, 'pattern', count, minutes);

/** A campaign's targets by organization code, or by project number (for imports). */
export async function listTargetCodes(db: Kysely<Database>, campaignId: number) {
  return db
    .selectFrom('rating_targets as t')
    .innerJoin('organizations as o', 'o.id', 't.org_id')
    .select(['t.id', 't.org_id', 't.project_id', 'o.code'])
    .where('t.campaign_id', '=', campaignId)
    .execute();
}

/** Paper ballots: no code, no client address. */
export async function insertPaperBallots(
  db: Kysely<Database>,
  campaignId: number,
  rows: readonly { target_id: number; org_id: number; rater_group: string; answers: Record<string, string> }[],
  at: Date,
) {
  await bulkInsert(
    db,
    'ballots',
    [
      { name: 'campaign_id', type: 'int' },
      { name: 'target_id', type: 'int' },
      { name: 'org_id', type: 'int' },
      { name: 'rater_group', type: 'text' },
      { name: 'answers', type: 'jsonb' },
      { name: 'source', type: 'text' },
      { name: 'created_at', type: 'timestamptz' },
    ],
    rows.map((r) => [campaignId, r.target_id, r.org_id, r.rater_group, JSON.stringify(r.answers), 'paper', at.toISOString()]),
  );
}
