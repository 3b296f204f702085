import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDatabase, type DatabaseHandle } from '../db/client';
import type { Env } from '../env';

/** Opens the database the environment names: PostgreSQL with DATABASE_URL, otherwise PGlite in the data folder. */
export async function openFromEnv(env: Env, opts: { statementTimeoutMs?: number } = {}): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) return openDatabase({ kind: 'postgres', url: env.DATABASE_URL, statementTimeoutMs: opts.statementTimeoutMs });
  const dataDir = resolve(env.XINGPING_DATA_DIR, 'pglite');
  mkdirSync(dataDir, { recursive: true });
  return openDatabase({ kind: 'pglite', dataDir });
}
