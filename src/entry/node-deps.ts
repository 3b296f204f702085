import { exceljsSpreadsheet } from '../adapters/spreadsheet-exceljs';
import { puppeteerPdf } from '../adapters/pdf-puppeteer';
import type { DatabaseHandle } from '../db/client';
import type { Deps } from '../deps';
import type { Logger } from '../errors/http';
import type { Printing } from '../features/documents/print-documents';
import { systemClock, type Clock } from '../lib/clock';
import { consoleLogger } from '../deps';
import type { RuleSets } from '../rules/registry';
import { fontDir, loadTemplates } from './template-files';

/**
 * Printing on Node: templates/ compiled once, puppeteer with one browser started at the first document
 * (a server that never prints never starts one). Close `pdf` when done, or the browser keeps Node alive.
 */
export function nodePrinting(opts: { publicUrl: string; chromium?: string; pages?: number }): Printing {
  const templates = loadTemplates();
  return {
    templates,
    publicUrl: opts.publicUrl,
    pdf: puppeteerPdf({ css: templates.css, fontDir: fontDir(), executablePath: opts.chromium, pages: opts.pages }),
  };
}

/** The composition root for Node: the database handle plus the Node implementations of the ports. */
export function nodeDeps(
  handle: DatabaseHandle,
  opts: { ruleSets: RuleSets; clock?: Clock; logger?: Logger; publicUrl?: string; chromium?: string },
): Deps {
  return {
    ruleSets: opts.ruleSets,
    db: handle.db,
    dbKind: handle.kind,
    clock: opts.clock ?? systemClock,
    logger: opts.logger ?? consoleLogger,
    spreadsheet: exceljsSpreadsheet,
    printing: nodePrinting({ publicUrl: opts.publicUrl ?? 'http://127.0.0.1:8787', chromium: opts.chromium }),
  };
}
