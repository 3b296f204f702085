import { prepared } from '../../db/prepared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';

export async function insertToken(db: Kysely<Database>, row: { name: string; user_id: number; token_hash: string; token_prefix: string }) {
  return db.insertInto('api_tokens').values(row).returning(['id', 'created_at']).executeTakeFirstOrThrow();
}

/** The live token with this hash, the user it acts as (not disabled) and the path of that user's organization. */
export async function findActiveToken(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('api_tokens as t')
    .modifyFront(prepared)
    .innerJoin('users as u', 'u.id', 't.user_id')
    .innerJoin('organizations as o', 'o.id', 'u.org_id')
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    .where('u.disabled_at', 'is', null)
    .select(['t.id', 'u.id as user_id', 'u.display_name', 'u.login', 'u.role', 'u.org_id', 'u.must_change_password', 'o.path as org_path'])
    .executeTakeFirst();
}

export async function listTokens(db: Kysely<Database>, pathPrefix: string, id?: number) {
  return db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .innerJoin('organizations as o', 'o.id', 'u.org_id')
    .where('o.path', 'like', `${pathPrefix}%`)
    .$if(id !== undefined, (q) => q.where('t.id', '=', id!))
    .select(['t.id', 't.name', 'u.role', 'u.org_id', 'u.login', 'o.name as org_name', 't.token_prefix', 't.created_at', 't.revoked_at', 'u.id as user_id', 'u.display_name', 'u.kind'])
    .orderBy('t.id')
    .execute();
}

export async function revokeToken(db: Kysely<Database>, id: number, pathPrefix: string, at: Date) {
  return db
    .updateTable('api_tokens as t')
    .from('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.org_id')
    .set({ revoked_at: at })
    .whereRef('u.id', '=', 't.user_id')
    .where('t.id', '=', id)
    .where('o.path', 'like', `${pathPrefix}%`)
    .where('t.revoked_at', 'is', null)
    .returning(['t.id', 't.name', 'u.role', 'u.org_id', 'u.login'])
    .executeTakeFirst();
}
