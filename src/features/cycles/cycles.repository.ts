import { type Kysely, sql } from 'kysely';
import type { CycleState, Database } from '../../db/database';

const cycleColumns = ['year', 'state', 'created_at', 'updated_at', 'published_on', 'appeal_deadline', 'finalized_at', 'final_revision_id', 'self_assessment_opens', 'self_assessment_closes', 'late_entry_until'] as const;

/** The cycle row; `lock` takes a row lock so a state change and a write into the cycle cannot interleave. */
export async function findCycle(db: Kysely<Database>, year: number, lock?: 'share' | 'update') {
  return db
    .selectFrom('cycles')
    .select(cycleColumns)
    .where('year', '=', year)
    .$if(lock === 'share', (q) => q.forShare())
    .$if(lock === 'update', (q) => q.forUpdate())
    .executeTakeFirst();
}

export async function findCycles(db: Kysely<Database>, years: readonly number[], lock?: 'share') {
  if (years.length === 0) return [];
  return db
    .selectFrom('cycles')
    .select(cycleColumns)
    .where('year', 'in', [...new Set(years)])
    .$if(lock === 'share', (q) => q.forShare())
    .execute();
}

export async function listCycleRows(db: Kysely<Database>) {
  return db.selectFrom('cycles').select(cycleColumns).orderBy('year', 'desc').execute();
}

export async function insertCycle(db: Kysely<Database>, year: number, state: CycleState) {
  return db.insertInto('cycles').values({ year, state }).returning(cycleColumns).executeTakeFirstOrThrow();
}

export async function setCycleState(db: Kysely<Database>, year: number, state: CycleState, at: Date) {
  return db
    .updateTable('cycles')
    .set({ state, updated_at: at })
    .where('year', '=', year)
    .returning(cycleColumns)
    .executeTakeFirstOrThrow();
}

/** Sets the dates between which organizations enter their self-scores (自评). */
export async function setAssessmentWindow(db: Kysely<Database>, year: number, opens: string, closes: string) {
  await db.updateTable('cycles').set({ self_assessment_opens: opens, self_assessment_closes: closes }).where('year', '=', year).execute();
}

/** Sets the last day of the 补录 window (null: none). */
export async function setLateEntryUntil(db: Kysely<Database>, year: number, until: string | null) {
  await db.updateTable('cycles').set({ late_entry_until: until }).where('year', '=', year).execute();
}

/** Waits for every write holding a cycle row and keeps new ones out until the transaction ends (scoring). */
export async function lockCycles(db: Kysely<Database>): Promise<void> {
  await sql`lock table cycles in exclusive mode`.execute(db);
}

/** The cycle row when the caller already knows it exists (it holds its lock). */
export async function cycleRow(db: Kysely<Database>, year: number) {
  return db.selectFrom('cycles').select(cycleColumns).where('year', '=', year).executeTakeFirstOrThrow();
}

export async function setCyclePublished(db: Kysely<Database>, year: number, publishedOn: string, appealDeadline: string, at: Date) {
  await db.updateTable('cycles').set({ state: 'published', published_on: publishedOn, appeal_deadline: appealDeadline, updated_at: at }).where('year', '=', year).execute();
}

/** Two instants, as the caller reads its clock twice (finalized, then updated). */
export async function setCycleFinalized(db: Kysely<Database>, year: number, finalRevisionId: number | null, finalizedAt: Date, updatedAt: Date) {
  await db.updateTable('cycles').set({ state: 'finalized', finalized_at: finalizedAt, final_revision_id: finalRevisionId, updated_at: updatedAt }).where('year', '=', year).execute();
}

export async function setFinalRevision(db: Kysely<Database>, year: number, revisionId: number, at: Date) {
  await db.updateTable('cycles').set({ final_revision_id: revisionId, updated_at: at }).where('year', '=', year).execute();
}

export async function insertCorrection(
  db: Kysely<Database>,
  row: { cycle_year: number; org_id: number; from_revision_id: number; to_revision_id: number; reason: string; before: unknown; after: unknown; created_by: string },
) {
  await db.insertInto('corrections').values({ ...row, before: JSON.stringify(row.before), after: JSON.stringify(row.after) }).execute();
}

/** Every correction of a cycle with its organization's path, for the caller to filter by scope. */
export async function listCorrectionRows(db: Kysely<Database>, year: number) {
  return db
    .selectFrom('corrections as c')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .leftJoin('users as u', (j) => j.on(sql<boolean>`'user:' || u.id = c.created_by`))
    .select(['c.id', 'c.org_id', 'o.name as org_name', 'o.path', 'c.from_revision_id', 'c.to_revision_id', 'c.reason', 'c.before', 'c.after', 'c.created_by', 'u.display_name as created_by_name', 'c.created_at'])
    .where('c.cycle_year', '=', year)
    .orderBy('c.id')
    .execute();
}

export async function countOpenAppeals(db: Kysely<Database>, year: number): Promise<number> {
  const open = await db.selectFrom('appeals').select((eb) => eb.fn.countAll<number>().as('n')).where('cycle_year', '=', year).where('status', '=', 'open').executeTakeFirstOrThrow();
  return Number(open.n);
}

export async function findOpenAppeal(db: Kysely<Database>, year: number, orgId: number) {
  return db.selectFrom('appeals').select('id').where('cycle_year', '=', year).where('org_id', '=', orgId).where('status', '=', 'open').executeTakeFirst();
}

export async function insertAppeal(db: Kysely<Database>, row: { cycle_year: number; org_id: number; revision_id: number; reason: string; evidence: unknown; created_by: string }) {
  return db
    .insertInto('appeals')
    .values({ ...row, evidence: JSON.stringify(row.evidence) })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
}

/** An appeal of a cycle with its organization, locked `FOR UPDATE` so two decisions cannot both pass. */
export async function findAppealForUpdate(db: Kysely<Database>, year: number, id: number) {
  return db
    .selectFrom('appeals as a')
    .innerJoin('organizations as o', 'o.id', 'a.org_id')
    .select(['a.id', 'a.org_id', 'a.status', 'o.path', 'o.name'])
    .where('a.id', '=', id)
    .where('a.cycle_year', '=', year)
    .forUpdate('a')
    .executeTakeFirst();
}

export async function setAppealDecision(db: Kysely<Database>, id: number, decision: { status: 'accepted' | 'rejected'; decision_reason: string; decided_by: string; decided_at: Date }) {
  await db.updateTable('appeals').set(decision).where('id', '=', id).execute();
}

/** The appeals of a cycle for the organizations under a path. */
export async function listAppealRows(db: Kysely<Database>, year: number, pathPrefix: string, id?: number) {
  return db
    .selectFrom('appeals as a')
    .innerJoin('organizations as o', 'o.id', 'a.org_id')
    .select(['a.id', 'a.org_id', 'o.name as org_name', 'a.revision_id', 'a.reason', 'a.evidence', 'a.status', 'a.decision_reason', 'a.decided_by', 'a.decided_at', 'a.created_at'])
    .where('a.cycle_year', '=', year)
    .where('o.path', 'like', `${pathPrefix}%`)
    .$if(id !== undefined, (q) => q.where('a.id', '=', id!))
    .orderBy('a.id')
    .execute();
}

/** The year's rating campaigns and duty reviews still open for ballots or votes (scoring waits for them). */
export async function openEvaluations(db: Kysely<Database>, year: number) {
  return db
    .selectFrom('rating_campaigns')
    .select([sql<string>`'campaign'`.as('kind'), 'id', 'title'])
    .where('cycle_year', '=', year)
    .where('state', '=', 'open')
    .unionAll(db.selectFrom('review_sessions').select([sql<string>`'review'`.as('kind'), 'id', 'title']).where('cycle_year', '=', year).where('state', '=', 'open'))
    .orderBy('kind')
    .orderBy('id')
    .execute();
}
