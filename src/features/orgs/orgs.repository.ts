import { type Kysely, sql } from 'kysely';
import type { Database, OrgKind } from '../../db/database';
import type { OrgRow } from './orgs.model';

const orgFields = [
  'id',
  'code',
  'name',
  'kind',
  'category',
  'parent_id',
  'path',
  'depth',
  'secretary_name',
  'member_count',
  'active_from',
  'active_to',
] as const;

/** An organization's columns with its category's Chinese name from the catalog (a primary-key lookup per row). */
const orgColumns = [...orgFields, sql<string | null>`(select c.label from categories c where c.code = organizations.category)`.as('category_label')] as const;

export async function findOrgById(db: Kysely<Database>, id: number): Promise<OrgRow | undefined> {
  return db.selectFrom('organizations').select(orgColumns).where('id', '=', id).executeTakeFirst();
}

/** Organizations by id, in one query. */
export async function findOrgsByIds(db: Kysely<Database>, ids: readonly number[]): Promise<OrgRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('organizations').select(orgColumns).where(sql<boolean>`id = any(${[...new Set(ids)]}::int[])`).execute();
}

/** Organizations by code, in one query (one array parameter, however many codes an import holds). */
export async function findOrgsByCodes(db: Kysely<Database>, codes: readonly string[]): Promise<OrgRow[]> {
  if (codes.length === 0) return [];
  return db.selectFrom('organizations').select(orgColumns).where(sql<boolean>`code = any(${[...new Set(codes)]}::text[])`).execute();
}

export async function countRoots(db: Kysely<Database>): Promise<OrgRow[]> {
  return db.selectFrom('organizations').select(orgColumns).where('parent_id', 'is', null).orderBy('id').execute();
}

export type OrgFilter = {
  pathPrefix: string;
  kind?: OrgKind;
  category?: string;
  parentId?: number;
  q?: string;
  activeOn?: string;
  limit: number;
  offset: number;
};

/** One page of organizations under a path prefix, ordered by code, with the total count. */
export async function listOrgRows(db: Kysely<Database>, f: OrgFilter): Promise<{ rows: OrgRow[]; total: number }> {
  const base = db
    .selectFrom('organizations')
    .where('path', 'like', `${f.pathPrefix}%`)
    .$if(f.kind !== undefined, (q) => q.where('kind', '=', f.kind!))
    .$if(f.category !== undefined, (q) => q.where('category', '=', f.category!))
    .$if(f.parentId !== undefined, (q) => q.where('parent_id', '=', f.parentId!))
    .$if(f.q !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb('name', 'like', `%${escapeLike(f.q!)}%`),
          eb('code', 'like', `%${escapeLike(f.q!)}%`),
        ]),
      ),
    )
    .$if(f.activeOn !== undefined, (q) =>
      q
        .where('active_from', '<=', f.activeOn!)
        .where((eb) => eb.or([eb('active_to', 'is', null), eb('active_to', '>=', f.activeOn!)])),
    );
  const [rows, count] = await Promise.all([
    base.select(orgColumns).orderBy('code').limit(f.limit).offset(f.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Every organization under a path, parents before children. */
export async function subtreeRows(db: Kysely<Database>, path: string, maxDepth?: number): Promise<OrgRow[]> {
  return db
    .selectFrom('organizations')
    .select(orgColumns)
    .where('path', 'like', `${path}%`)
    .$if(maxDepth !== undefined, (q) => q.where('depth', '<=', maxDepth!))
    .orderBy('depth')
    .orderBy('code')
    .execute();
}

export type NewOrgRow = {
  code: string;
  name: string;
  kind: OrgKind;
  category: string | null;
  parent_id: number | null;
  secretary_name: string | null;
  member_count: number;
  active_from: string;
  active_to: string | null;
};

/** Inserts organizations (a trigger derives each path from its parent, which must already exist). */
export async function insertOrgRows(db: Kysely<Database>, rows: NewOrgRow[]): Promise<OrgRow[]> {
  const out: OrgRow[] = [];
  for (let i = 0; i < rows.length; i += 2000) {
    out.push(...(await db.insertInto('organizations').values(rows.slice(i, i + 2000)).returning(orgColumns).execute()));
  }
  return out;
}

export async function updateOrgRow(
  db: Kysely<Database>,
  id: number,
  patch: Partial<Omit<NewOrgRow, 'kind' | 'parent_id'>>,
  at: Date,
): Promise<OrgRow> {
  return db
    .updateTable('organizations')
    .set({ ...patch, updated_at: at })
    .where('id', '=', id)
    .returning(orgColumns)
    .executeTakeFirstOrThrow();
}

/**
 * Moves an organization and its whole subtree under a new parent in one statement: every path that
 * starts with the old path gets the new prefix, every depth shifts by the same amount.
 */
export async function moveSubtree(
  db: Kysely<Database>,
  node: Pick<OrgRow, 'id' | 'path' | 'depth'>,
  parent: Pick<OrgRow, 'id' | 'path' | 'depth'>,
  at: Date,
): Promise<number> {
  const newPath = `${parent.path}${node.id}/`;
  const shift = parent.depth + 1 - node.depth;
  await db
    .updateTable('organizations')
    .set({ parent_id: parent.id })
    .where('id', '=', node.id)
    .execute();
  const result = await db
    .updateTable('organizations')
    .set({
      path: sql<string>`${newPath}::text || substr(path, ${node.path.length + 1})`,
      depth: sql<number>`depth + ${shift}::int`,
      updated_at: at,
    })
    .where('path', 'like', `${node.path}%`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** An arbitrary constant naming the organization tree's advisory lock. */
const TREE_LOCK = 7_411_001;

/**
 * Serializes changes to the tree's shape (create, import, move) until the transaction ends. Paths are
 * derived from parents, so a move must not interleave with an insert under the moving subtree or with
 * another move (two crossed moves would make a cycle). Call it before reading the rows involved.
 */
export async function lockOrgTree(db: Kysely<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${TREE_LOCK})`.execute(db);
}

/** Escapes LIKE metacharacters in user text. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
