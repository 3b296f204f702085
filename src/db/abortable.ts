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
  constructor(
    private readonly signal: AbortSignal,
    private readonly expire?: () => void,
  ) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.expire?.();
    if (this.signal.aborted) throw this.signal.reason;
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/**
 * The database as one request sees it: every query first checks the request's signal. `expire` aborts it when the
 * time is up: a timer alone fires only when the event loop turns, and an embedded database can answer a whole request
 * in one turn.
 */
export function abortable(db: Kysely<Database>, signal: AbortSignal | undefined, expire?: () => void): Kysely<Database> {
  return signal ? db.withPlugin(new AbortPlugin(signal, expire)) : db;
}
