import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './database';
import { DATE_OID, INT8_OID, pgPoolConfig } from './pg-pool';
import { preparingPool } from './prepared';

export type DatabaseKind = 'pglite' | 'postgres';

export type DatabaseHandle = {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Human-readable location for logs: the data folder or the server URL without its password. */
  location: string;
  close(): Promise<void>;
};

export type DatabaseOptions =
  /** `statementTimeoutMs`: the server's bound on one statement (its request time limit); long work raises it in its transaction. */
  | { kind: 'postgres'; url: string; poolSize?: number; statementTimeoutMs?: number; onConnectionLost?: (message: string) => void }
  /** `dataDir` undefined means in memory; `snapshot` starts from a `dumpDataDir` tarball. */
  | { kind: 'pglite'; dataDir?: string; snapshot?: Blob };

// Dates stay 'YYYY-MM-DD' strings (a JS Date would shift them by the server's time zone); bigint counts
// and ids become numbers in both drivers (pg would give strings, PGlite numbers); numeric stays a string.
const pgliteParsers = { [DATE_OID]: (v: string) => v, [INT8_OID]: (v: string) => Number(v) };

/** PGlite and its dialect, loaded only when an embedded database is opened (a PostgreSQL process never needs them). */
async function pgliteModules() {
  const [{ PGlite }, { PGliteDialect }] = await Promise.all([import('@electric-sql/pglite'), import('kysely-pglite-dialect')]);
  return { PGlite, PGliteDialect };
}

/** Opens the database: PostgreSQL through `pg` when a URL is given, PGlite (WASM, on disk) otherwise. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool(pgPoolConfig(options.url, { max: options.poolSize ?? 10, statementTimeoutMs: options.statementTimeoutMs }));
    // A connection the server ends (a restart, an administrator's terminate) emits 'error' on its client, idle
    // or in use; without a listener Node would end the whole process. The query in flight fails on its own (the
    // request answers 503), and pg-pool drops the broken client, so the next request connects afresh.
    const report = options.onConnectionLost ?? ((message: string) => console.error(message));
    pool.on('error', (err) => report(`数据库连接中断，已从连接池移除：${err.message}`));
    pool.on('connect', (client) => {
      client.on('error', (err) => report(`数据库连接中断（使用中）：${err.message}`));
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
    return { db, kind: 'postgres', location: redactUrl(options.url), close: () => db.destroy() };
  }
  const { PGlite, PGliteDialect } = await pgliteModules();
  const client = new PGlite({
    dataDir: options.dataDir,
    loadDataDir: options.snapshot,
    parsers: pgliteParsers,
  });
  await client.waitReady;
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  pglites.set(db, client);
  return { db, kind: 'pglite', location: options.dataDir ?? '(内存)', close: () => db.destroy() };
}

/** The PGlite behind each Kysely that openDatabase made, so a running server can copy its own database. */
const pglites = new WeakMap<Kysely<Database>, PGlite>();

/**
 * A gzipped tarball of an open PGlite's data folder (undefined for PostgreSQL): taken while holding the database's
 * one connection right after a checkpoint, so no transaction is half-way and the copy opens without recovery work.
 */
export async function snapshotPglite(db: Kysely<Database>): Promise<Blob | undefined> {
  const client = pglites.get(db);
  if (!client) return undefined;
  return db.connection().execute(async (conn) => {
    await sql`checkpoint`.execute(conn);
    return client.dumpDataDir('gzip');
  });
}

/** A throwaway in-memory PGlite with the schema applied, dumped as a tarball for fast test starts. */
export async function dumpPgliteSnapshot(prepare: (db: Kysely<Database>) => Promise<void>): Promise<Blob> {
  const { PGlite, PGliteDialect } = await pgliteModules();
  const client = new PGlite({ parsers: pgliteParsers });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  try {
    await prepare(db);
    return await client.dumpDataDir('none');
  } finally {
    await db.destroy();
  }
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}
