import type { PrintProgress } from '../../documents/pdf';
import type { Ctx } from '../context';
import { bookJob, issueScorecardsOf, type Printing } from '../documents/print-documents';
import type { FilePorts } from '../files/file-ports';
import { storeMadeFile } from '../files/files.service';
import type { JobRow } from './jobs.repository';
import type { Progress } from './run-job';

/**
 * Shares of the bar per step of a book: issuing every scorecard its number (one transaction), laying the sections
 * out, printing the pages, storing the file. The renderer tells sections laid out and pages printed part by part.
 */
const bar = { issue: [0, 10], layout: [10, 50], print: [50, 95], store: [95, 100] } as const;

function percentOf(step: keyof typeof bar, done: number, total: number): number {
  const [from, to] = bar[step];
  return Math.round(from + ((to - from) * done) / Math.max(total, 1));
}

function printStep(p: PrintProgress) {
  return p.pages > 0
    ? { step: '打印', done: p.pagesPrinted, total: p.pages, unit: '页', percent: percentOf('print', p.pagesPrinted, p.pages) }
    : { step: '排版', done: p.sectionsLaidOut, total: p.sections, unit: '节', percent: percentOf('layout', p.sectionsLaidOut, p.sections) };
}

/**
 * A book (合订本) job: every scorecard under the job's organization, from the revision the job names (a newer one
 * fails it, saying so), as one PDF with cover, contents and page numbers, stored through the storage port.
 */
export async function runBookJob(ctx: Ctx, ports: { printing: Printing; files: FilePorts }, job: JobRow, progress: Progress) {
  const started = Date.now();
  const scorecards = Number((job.params as { scorecards?: number }).scorecards ?? 0);
  progress({ step: '签发文件编号', done: 0, total: scorecards, unit: '份', percent: 0 });
  const { org, revision, issued } = await issueScorecardsOf({ ctx, year: job.cycle_year, orgId: job.org_id, subtree: true, printing: ports.printing, revisionId: job.revision_id ?? undefined });
  progress({ step: '签发文件编号', done: issued.length, total: issued.length, unit: '份', percent: bar.issue[1] });
  let pages = 0;
  const pdfJob = bookJob(ctx, ports.printing, job.cycle_year, org, revision, issued);
  const bytes = await ports.printing.pdf.render({
    ...pdfJob,
    onProgress: (p) => {
      pages = p.pages;
      progress(printStep(p));
    },
  });
  progress({ step: '保存文件', done: 0, total: 1, percent: bar.store[0] });
  const file = await storeMadeFile(ctx, ports.files, { orgId: org.id, purpose: 'book', name: `${pdfJob.title}.pdf`, mime: 'application/pdf', bytes });
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  return { fileId: file.id, result: { fileId: file.id, pages, scorecards: issued.length, bytes: bytes.length, seconds } };
}
