import type { Kysely, KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import type { Database } from './database';

/**
 * Refuses every query once `signal` is aborted (the client went away, or the request's time limit passed): the
 * request's next statement throws the signal's reason, so its transaction rolls back and its connection goes back to
 * the pool instead of serving an answer nobody waits for. A statement already running is bounded by the server's
 * `statement_timeout` (the same limit). Commit and rollback do not pass through plugins, so a transaction whose last
 * statement ran in time still commits, and the answer says so.
 */
class AbortPlugin implements KyselyPlugin {
  constructor(private readonly signal: AbortSignal) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (this.signal.aborted) throw this.signal.reason;
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** The database as one request sees it: every query first checks the request's signal. */
export function abortable(db: Kysely<Database>, signal: AbortSignal | undefined): Kysely<Database> {
  return signal ? db.withPlugin(new AbortPlugin(signal)) : db;
}
