import type { Kysely } from 'kysely';
import type { Database, Role } from '../../db/database';

export async function insertToken(
  db: Kysely<Database>,
  row: { name: string; role: Role; org_id: number; token_hash: string; token_prefix: string },
) {
  return db.insertInto('api_tokens').values(row).returning(['id', 'created_at']).executeTakeFirstOrThrow();
}

/** The live token with this hash and the path of the organization it is bound to. */
export async function findActiveToken(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('api_tokens as t')
    .innerJoin('organizations as o', 'o.id', 't.org_id')
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    .select(['t.id', 't.name', 't.role', 't.org_id', 'o.path as org_path'])
    .executeTakeFirst();
}

export async function listTokens(db: Kysely<Database>, pathPrefix: string) {
  return db
    .selectFrom('api_tokens as t')
    .innerJoin('organizations as o', 'o.id', 't.org_id')
    .where('o.path', 'like', `${pathPrefix}%`)
    .select(['t.id', 't.name', 't.role', 't.org_id', 'o.name as org_name', 't.token_prefix', 't.created_at', 't.revoked_at'])
    .orderBy('t.id')
    .execute();
}

export async function revokeToken(db: Kysely<Database>, id: number, pathPrefix: string, at: Date) {
  return db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('org_id', 'in', (eb) => eb.selectFrom('organizations').select('id').where('path', 'like', `${pathPrefix}%`))
    .where('revoked_at', 'is', null)
    .returning(['id', 'name', 'role', 'org_id'])
    .executeTakeFirst();
}
