import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';

export type AuditRow = {
  actor_id: string;
  actor_name: string;
  actor_role: string;
  action: string;
  entity: string;
  entity_id: string;
  org_id: number | null;
  before: string | null;
  after: string | null;
  request_id: string | null;
};

export async function insertAuditRows(db: Kysely<Database>, rows: AuditRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    await db.insertInto('audit_log').values(rows.slice(i, i + 2000)).execute();
  }
}

export type AuditFilter = {
  pathPrefix: string;
  /** Also rows about no organization (cycles, the command line's own actions): for top-level readers. */
  includeGlobal: boolean;
  entity?: string;
  entityId?: string;
  limit: number;
  offset: number;
};

/** Audit rows about organizations in the subtree, newest first. */
export async function listAuditRows(db: Kysely<Database>, f: AuditFilter) {
  const base = db
    .selectFrom('audit_log as a')
    .leftJoin('organizations as o', 'o.id', 'a.org_id')
    .where((eb) =>
      f.includeGlobal
        ? eb.or([eb('o.path', 'like', `${f.pathPrefix}%`), eb('a.org_id', 'is', null)])
        : eb('o.path', 'like', `${f.pathPrefix}%`),
    )
    .$if(f.entity !== undefined, (q) => q.where('a.entity', '=', f.entity!))
    .$if(f.entityId !== undefined, (q) => q.where('a.entity_id', '=', f.entityId!));
  const [rows, count] = await Promise.all([
    base.selectAll('a').orderBy('a.id', 'desc').limit(f.limit).offset(f.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
