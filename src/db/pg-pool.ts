import pg from 'pg';

export const DATE_OID = 1082;
export const INT8_OID = 20;

/**
 * A pg pool's settings, the same wherever pg runs (Node, a Worker): a connection timeout, the statement timeout, and the
 * type parsers both drivers share (below).
 */
export function pgPoolConfig(url: string, opts: { max: number; statementTimeoutMs?: number }): pg.PoolConfig {
  return {
    connectionString: url,
    max: opts.max,
    // A database that does not answer fails the request (503) instead of holding it forever.
    connectionTimeoutMillis: 10_000,
    ...(opts.statementTimeoutMs ? { statement_timeout: opts.statementTimeoutMs } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === DATE_OID) return (v: string) => v;
        if (oid === INT8_OID) return (v: string) => Number(v);
        return pg.types.getTypeParser(oid, format as 'text');
      }) as typeof pg.types.getTypeParser,
    },
  };
}
