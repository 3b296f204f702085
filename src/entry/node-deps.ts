import { exceljsSpreadsheet } from '../adapters/spreadsheet-exceljs';
import type { DatabaseHandle } from '../db/client';
import type { Deps } from '../deps';
import type { Logger } from '../errors/http';
import { systemClock, type Clock } from '../lib/clock';
import { consoleLogger } from '../deps';
import type { RuleSets } from '../rules/registry';

/** The composition root for Node: the database handle plus the Node implementations of the ports. */
export function nodeDeps(handle: DatabaseHandle, opts: { ruleSets: RuleSets; clock?: Clock; logger?: Logger }): Deps {
  return {
    ruleSets: opts.ruleSets,
    db: handle.db,
    dbKind: handle.kind,
    clock: opts.clock ?? systemClock,
    logger: opts.logger ?? consoleLogger,
    spreadsheet: exceljsSpreadsheet,
  };
}
