import type { Kysely } from 'kysely';
import type { Database, FileTable } from '../../db/database';
import type { Insertable } from 'kysely';

const meta = ['files.id', 'files.org_id', 'files.purpose', 'files.name', 'files.mime', 'files.size', 'files.sha256', 'files.stored_in', 'files.width', 'files.height', 'files.created_by', 'files.created_at'] as const;

export async function insertFile(db: Kysely<Database>, row: Insertable<FileTable>) {
  return db.insertInto('files').values(row).returning([...meta, (eb) => eb('files.thumbnail', 'is not', null).as('has_thumbnail')]).executeTakeFirstOrThrow();
}

/** A file's description with its organization's path (for the scope check), without its bytes. */
export async function findFile(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('files')
    .innerJoin('organizations as o', 'o.id', 'files.org_id')
    .select([...meta, 'o.path', (eb) => eb('files.thumbnail', 'is not', null).as('has_thumbnail')])
    .where('files.id', '=', id)
    .executeTakeFirst();
}

/** Several files' descriptions, for attaching them to a record. */
export async function findFiles(db: Kysely<Database>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('files').select([...meta]).where('files.id', 'in', ids).execute();
}

export async function fileContent(db: Kysely<Database>, id: number, variant: 'content' | 'thumbnail'): Promise<Uint8Array | null> {
  const row = await db.selectFrom('files').select(variant === 'content' ? 'content as bytes' : 'thumbnail as bytes').where('id', '=', id).executeTakeFirst();
  return row?.bytes ? new Uint8Array(row.bytes) : null;
}
