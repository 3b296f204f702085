import type { Kysely } from 'kysely';
import { hashToken } from '../../auth/tokens';
import type { Database } from '../../db/database';
import type { Actor } from '../context';
import { findActiveToken } from './tokens.repository';

/** The actor behind a bearer token, or null for an unknown or revoked one. */
export async function authenticate(db: Kysely<Database>, token: string): Promise<Actor | null> {
  if (token.length < 10 || token.length > 200) return null;
  const row = await findActiveToken(db, await hashToken(token));
  if (!row) return null;
  return { id: `token:${row.id}`, name: row.name, role: row.role, orgId: row.org_id, orgPath: row.org_path };
}
