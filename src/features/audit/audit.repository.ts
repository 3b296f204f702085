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
  action?: string;
  /** Part of the actor's name, or its id ('user:12'). */
  actor?: string;
  /** Only rows about this subtree (a path inside `pathPrefix`). */
  orgPath?: string;
  /** Instants bounding `at`: from inclusive, to exclusive. */
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
};

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filtered(db: Kysely<Database>, f: AuditFilter) {
  return db
    .selectFrom('audit_log as a')
    .leftJoin('organizations as o', 'o.id', 'a.org_id')
    .where((eb) =>
      f.includeGlobal && f.orgPath === undefined
        ? eb.or([eb('o.path', 'like', `${f.pathPrefix}%`), eb('a.org_id', 'is', null)])
        : eb('o.path', 'like', `${f.pathPrefix}%`),
    )
    .$if(f.orgPath !== undefined, (q) => q.where('o.path', 'like', `${f.orgPath}%`))
    .$if(f.entity !== undefined, (q) => q.where('a.entity', '=', f.entity!))
    .$if(f.entityId !== undefined, (q) => q.where('a.entity_id', '=', f.entityId!))
    .$if(f.action !== undefined, (q) => q.where('a.action', '=', f.action!))
    .$if(f.actor !== undefined, (q) => q.where((eb) => eb.or([eb('a.actor_name', 'ilike', `%${escapeLike(f.actor!)}%`), eb('a.actor_id', '=', f.actor!)])))
    .$if(f.from !== undefined, (q) => q.where('a.at', '>=', f.from!))
    .$if(f.to !== undefined, (q) => q.where('a.at', '<', f.to!));
}

/** Audit rows about organizations in the subtree (with the organization's name), newest first, and their count. */
export async function listAuditRows(db: Kysely<Database>, f: AuditFilter) {
  const base = filtered(db, f);
  const [rows, count] = await Promise.all([
    base.selectAll('a').select('o.name as org_name').orderBy('a.id', 'desc').limit(f.limit).offset(f.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The distinct actions of the rows a reader may see (the filter offers these). */
export async function listAuditActions(db: Kysely<Database>, f: Pick<AuditFilter, 'pathPrefix' | 'includeGlobal'>): Promise<string[]> {
  const rows = await filtered(db, { ...f, limit: 0, offset: 0 }).select('a.action').distinct().orderBy('a.action').execute();
  return rows.map((r) => r.action);
}
