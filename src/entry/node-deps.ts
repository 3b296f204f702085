import { exceljsSpreadsheet } from '../adapters/spreadsheet-exceljs';
import type { DatabaseHandle } from '../db/client';
import type { Deps } from '../deps';
import type { Logger } from '../errors/http';
import { systemClock, type Clock } from '../lib/clock';
import { consoleLogger } from '../deps';

/** The composition root for Node: the database handle plus the Node implementations of the ports. */
export function nodeDeps(handle: DatabaseHandle, opts: { clock?: Clock; logger?: Logger } = {}): Deps {
  return {
    db: handle.db,
    dbKind: handle.kind,
    clock: opts.clock ?? systemClock,
    logger: opts.logger ?? consoleLogger,
    spreadsheet: exceljsSpreadsheet,
  };
}
