import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { PdfRenderer } from '../documents/pdf';
import type { ImagePort } from '../features/files/file-ports';
import type { Spreadsheet } from '../features/imports/spreadsheet';
import type { JobQueue } from '../features/jobs/job-port';
import type { PuppeteerPdfOptions } from '../adapters/pdf-puppeteer';

/**
 * The Node ports whose packages are heavy (puppeteer with pdf-lib, exceljs, sharp, pg-boss: about 0.3–0.5 s each to
 * load), each loaded at its first use: a command that never prints, reads a sheet or queues a job starts without
 * them (issue 18: a CLI command starts in under a second). The adapters themselves are unchanged.
 */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | null = null;
  return () => (made ??= make());
}

export function lazySpreadsheet(): Spreadsheet {
  const port = once(() => import('../adapters/spreadsheet-exceljs').then((m) => m.exceljsSpreadsheet));
  return {
    workbook: async (sheets) => (await port()).workbook(sheets),
    read: async (bytes, fileName) => (await port()).read(bytes, fileName),
    template: async (spec, format) => (await port()).template(spec, format),
    annotate: async (bytes, sheet, errors) => (await port()).annotate(bytes, sheet, errors),
  };
}

export function lazyImages(): ImagePort {
  const port = once(() => import('../adapters/images-sharp').then((m) => m.sharpImages));
  return { describe: async (bytes) => (await port()).describe(bytes) };
}

/** The PDF renderer, made at the first document; closing one never made loads nothing. */
export function lazyPdf(opts: PuppeteerPdfOptions): PdfRenderer {
  let made: Promise<PdfRenderer> | null = null;
  const port = () => (made ??= import('../adapters/pdf-puppeteer').then((m) => m.puppeteerPdf(opts)));
  return {
    render: async (job) => (await port()).render(job),
    close: async () => {
      if (made) await (await made).close();
    },
  };
}

/** pg-boss, started by the first `start` or `enqueue`; `stop` before either has nothing to stop. */
export function lazyPgBoss(db: Kysely<Database>): JobQueue {
  let made: Promise<JobQueue> | null = null;
  const queue = () => (made ??= import('../adapters/jobs-pgboss').then((m) => m.pgBossJobs(db)));
  return {
    kind: 'pg-boss',
    start: async (run) => (await queue()).start(run),
    enqueue: async (jobId) => (await queue()).enqueue(jobId),
    stop: async () => {
      if (made) await (await made).stop();
    },
  };
}
