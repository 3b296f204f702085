import { type Kysely, sql } from 'kysely';
import type { Database, LedgerEvidence, RecordStatus } from '../../db/database';

export async function listRecordKinds(db: Kysely<Database>) {
  return db.selectFrom('record_kinds').selectAll().orderBy('sort').execute();
}

export type NewLedgerRow = {
  org_id: number;
  cycle_year: number;
  kind: string;
  occurred_on: string;
  title: string;
  participants: number;
  hours: string | null;
  evidence: LedgerEvidence[];
  source: string;
  created_by: string;
};

/** Inserts records in chunks; returns their ids in input order. */
export async function insertLedgerRows(db: Kysely<Database>, rows: NewLedgerRow[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000).map((r) => ({ ...r, evidence: JSON.stringify(r.evidence) }));
    const out = await db.insertInto('ledger_records').values(chunk).returning('id').execute();
    ids.push(...out.map((o) => o.id));
  }
  return ids;
}

export async function insertParticipants(db: Kysely<Database>, recordId: number, memberIds: readonly number[]) {
  if (memberIds.length === 0) return;
  await db
    .insertInto('ledger_participants')
    .values([...new Set(memberIds)].map((member_id) => ({ record_id: recordId, member_id })))
    .execute();
}

function recordQuery(db: Kysely<Database>) {
  return db
    .selectFrom('ledger_records as r')
    .innerJoin('organizations as o', 'o.id', 'r.org_id')
    .innerJoin('record_kinds as k', 'k.code', 'r.kind')
    .select([
      'r.id',
      'r.org_id',
      'o.name as org_name',
      'o.path as org_path',
      'r.cycle_year',
      'r.kind',
      'k.name as kind_name',
      'r.occurred_on',
      'r.title',
      'r.participants',
      'r.hours',
      'r.evidence',
      'r.status',
      'r.source',
      'r.created_by',
      'r.created_at',
      'r.reviewed_by',
      'r.reviewed_at',
      'r.review_reason',
      sql<number[]>`coalesce((select array_agg(p.member_id order by p.member_id) from ledger_participants p where p.record_id = r.id), '{}')`.as('member_ids'),
    ]);
}

export type LedgerRow = Awaited<ReturnType<typeof findLedgerRow>> & {};

export async function findLedgerRow(db: Kysely<Database>, id: number, lock?: boolean) {
  return recordQuery(db)
    .where('r.id', '=', id)
    .$if(!!lock, (q) => q.forUpdate('r'))
    .executeTakeFirst();
}

export async function findLedgerRowsByIds(db: Kysely<Database>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return recordQuery(db).where('r.id', 'in', ids).orderBy('r.id').execute();
}

export type LedgerFilter = {
  pathPrefix: string;
  orgId?: number;
  cycle?: number;
  kinds?: string[];
  status?: RecordStatus;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
};

export async function listLedgerRows(db: Kysely<Database>, f: LedgerFilter) {
  const base = db
    .selectFrom('ledger_records as r')
    .innerJoin('organizations as o', 'o.id', 'r.org_id')
    .where('o.path', 'like', `${f.pathPrefix}%`)
    .$if(f.orgId !== undefined, (q) => q.where('r.org_id', '=', f.orgId!))
    .$if(f.cycle !== undefined, (q) => q.where('r.cycle_year', '=', f.cycle!))
    .$if(f.kinds !== undefined, (q) => q.where('r.kind', 'in', f.kinds!))
    .$if(f.status !== undefined, (q) => q.where('r.status', '=', f.status!))
    .$if(f.from !== undefined, (q) => q.where('r.occurred_on', '>=', f.from!))
    .$if(f.to !== undefined, (q) => q.where('r.occurred_on', '<=', f.to!));
  const [ids, count] = await Promise.all([
    base.select('r.id').orderBy('r.occurred_on', 'desc').orderBy('r.id', 'desc').limit(f.limit).offset(f.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const rows = await findLedgerRowsByIds(db, ids.map((r) => r.id));
  const order = new Map(ids.map((r, i) => [r.id, i]));
  rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { rows, total: Number(count.n) };
}

/** Replaces a record's content and its participants; a record sent back becomes submitted again. */
export async function replaceLedgerRow(db: Kysely<Database>, id: number, row: Omit<NewLedgerRow, 'org_id' | 'source' | 'created_by'>, memberIds: readonly number[]) {
  await db
    .updateTable('ledger_records')
    .set({ ...row, evidence: JSON.stringify(row.evidence) as never, status: 'submitted', reviewed_by: null, reviewed_at: null, review_reason: null })
    .where('id', '=', id)
    .execute();
  await db.deleteFrom('ledger_participants').where('record_id', '=', id).execute();
  await insertParticipants(db, id, memberIds);
}

export async function deleteLedgerRow(db: Kysely<Database>, id: number) {
  await db.deleteFrom('ledger_participants').where('record_id', '=', id).execute();
  await db.deleteFrom('ledger_records').where('id', '=', id).execute();
}

export async function setReview(
  db: Kysely<Database>,
  id: number,
  review: { status: RecordStatus; reviewed_by: string; reviewed_at: Date; review_reason: string | null },
) {
  await db.updateTable('ledger_records').set(review).where('id', '=', id).execute();
}

/** Keys 'orgId|kind|date|title' of records that already exist for these organizations and dates. */
export async function existingRecordKeys(
  db: Kysely<Database>,
  orgIds: readonly number[],
  dates: readonly string[],
): Promise<Set<string>> {
  if (orgIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('ledger_records')
    .select(['org_id', 'kind', 'occurred_on', 'title'])
    .where(sql<boolean>`org_id = any(${[...new Set(orgIds)]}::int[])`)
    .where(sql<boolean>`occurred_on = any(${[...new Set(dates)]}::date[])`)
    .execute();
  return new Set(rows.map((r) => recordKey(r.org_id, r.kind, r.occurred_on, r.title)));
}

export function recordKey(orgId: number, kind: string, date: string, title: string): string {
  return `${orgId}|${kind}|${date}|${title}`;
}
