/**
 * PDF throughput on the demo district (scale 1, PostgreSQL): 200 annual scorecards rendered by the pool
 * (one browser, tabs that keep the fonts loaded and replace only the body) and by a fresh browser per
 * document, in the same run; memory of node + Chromium after 200 and after 2,000 pooled documents; and the
 * 200 scorecards bound into one book (printed in parts on both tabs and merged) against the same 200
 * rendered separately.
 *
 *   npm run bench:pdf                  # BENCH_FRESH=200 fresh-browser documents (about 3 minutes)
 *   BENCH_FRESH=40 npm run bench:pdf   # a shorter fresh-browser sample (the rate is per document)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { puppeteerPdf } from '../src/adapters/pdf-puppeteer';
import { openDatabase } from '../src/db/client';
import { migrateToLatest } from '../src/db/migrate';
import { demoResults } from '../src/demo/demo-results';
import { seedDemo } from '../src/demo/seed-demo';
import type { PdfJob, PdfRenderer } from '../src/documents/pdf';
import { loadRuleSets } from '../src/entry/rule-files';
import { fontDir, loadTemplates } from '../src/entry/template-files';
import { cliActor } from '../src/features/context';
import { bookJob, issueScorecardsOf, scorecardJob, type Printing } from '../src/features/documents/print-documents';
import { fixedClock } from '../src/lib/clock';

const pgBase = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const freshCount = Number(process.env.BENCH_FRESH ?? 200);
const bookOnly = process.env.BENCH_BOOK_ONLY === '1';
const N = 200;
const TOTAL = 2000;
const seconds = (t0: number) => (performance.now() - t0) / 1000;
/** Pages of a PDF: the largest /Count of its page tree (the root's). */
const pagesOf = (pdf: Uint8Array) => Math.max(0, ...[...Buffer.from(pdf).toString('latin1').matchAll(/\/Count\s+(\d+)/g)].map((m) => Number(m[1])));

/** Resident memory of this process and every process below it (Chromium and its renderers), in MiB. */
function treeRssMiB(): number {
  const children = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      // gone
    }
  }
  let kib = 0;
  const walk = (pid: number) => {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kib += m ? Number(m[1]) : 0;
    } catch {
      // gone
    }
    for (const c of children.get(pid) ?? []) walk(c);
  };
  walk(process.pid);
  return kib / 1024;
}

async function renderAll(pdf: PdfRenderer, jobs: readonly PdfJob[], concurrency: number, onDone?: (i: number) => void): Promise<number> {
  let next = 0;
  let pages = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        const n = pagesOf(await pdf.render(job)); // (`pages += await …` would read `pages` before awaiting)
        pages += n;
        onDone?.(++done);
      }
    }),
  );
  return pages;
}

async function main() {
  const admin = await openDatabase({ kind: 'postgres', url: pgBase, poolSize: 1 });
  const name = `xp_bench_pdf_${process.pid}`;
  await sql`create database ${sql.id(name)}`.execute(admin.db);
  const url = new URL(pgBase);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString() });
  const templates = loadTemplates();
  const pool = puppeteerPdf({ css: templates.css, fontDir: fontDir(), executablePath: process.env.XINGPING_CHROMIUM, pages: 2 });
  try {
    await migrateToLatest(handle.db);
    const ctx = { actor: cliActor(), db: handle.db, clock: fixedClock('2026-11-22T04:00:00Z'), requestId: null };
    let t0 = performance.now();
    await seedDemo(ctx, { scale: 1, seed: 'xingping' });
    await demoResults(ctx, await loadRuleSets(), [2024, 2025]);
    console.log(`demo district seeded and scored in ${seconds(t0).toFixed(1)} s`);
    const district = (await sql<{ id: number }>`select id from organizations where kind = 'district'`.execute(handle.db)).rows[0]!.id;
    const printing: Printing = { templates, pdf: pool, publicUrl: 'http://127.0.0.1:8787' };
    const { org, revision, issued } = await issueScorecardsOf({ ctx, year: 2025, orgId: district, subtree: true, printing });
    const docs = issued.slice(0, N);
    const jobs = docs.map((d) => scorecardJob(printing, d));
    console.log(`${jobs.length} scorecards of ${issued.length} (view models and templates ready)`);

    // Pool: warm the two tabs first (the browser start and the shell's fonts are paid once per run).
    await renderAll(pool, jobs.slice(0, 2), 2);
    t0 = performance.now();
    const poolPages = await renderAll(pool, jobs, 2);
    const poolSeconds = seconds(t0);
    const poolRate = N / poolSeconds;
    const rss200 = treeRssMiB();

    // The book, right after the pool and on its tabs: the same 200 scorecards bound into one document (cover,
    // contents, continuous page numbers), printed in two parts at once. The first book is the headline: its
    // tabs have never held a document that large; the same book again shows the rate once they have. Like
    // the pool's jobs, the book's HTML is made before the clock starts: both time the printing.
    const bookHtml = bookJob(ctx, printing, 2025, org, revision, docs);
    const printBook = async () => {
      const t = performance.now();
      const bytes = await pool.render(bookHtml);
      return { seconds: seconds(t), pages: pagesOf(bytes), size: bytes.length };
    };
    const book = await printBook();
    const again = await printBook();

    // Fresh browser per document: launch, load fonts, print, close; two at a time like the pool.
    const sample = jobs.slice(0, bookOnly ? 2 : freshCount);
    t0 = performance.now();
    let next = 0;
    await Promise.all(
      [0, 1].map(async () => {
        while (next < sample.length) {
          const job = sample[next++]!;
          const fresh = puppeteerPdf({ css: templates.css, fontDir: fontDir(), executablePath: process.env.XINGPING_CHROMIUM, pages: 1 });
          try {
            await fresh.render(job);
          } finally {
            await fresh.close();
          }
        }
      }),
    );
    const freshRate = sample.length / seconds(t0);

    // Memory: keep printing through the pool up to 2,000 documents.
    let rssMax = rss200;
    const rounds = bookOnly ? 0 : Math.ceil((TOTAL - N) / N);
    for (let r = 0; r < rounds; r++) {
      await renderAll(pool, jobs, 2);
      rssMax = Math.max(rssMax, treeRssMiB());
    }
    const rss2000 = treeRssMiB();

    const fmt = (n: number) => n.toFixed(1);
    console.log('');
    console.log(`pool, 2 tabs          ${fmt(poolRate)} documents/s  (${N} in ${fmt(poolSeconds)} s, ${poolPages} pages, ${fmt(poolPages / poolSeconds)} pages/s)`);
    console.log(`fresh browser each    ${freshRate.toFixed(2)} documents/s  (${sample.length} documents)`);
    console.log(`pool / fresh          ${fmt(poolRate / freshRate)}×   (target ≥ 20×)`);
    const poolPageRate = poolPages / poolSeconds;
    console.log(`book of ${N}          ${book.pages} pages in ${fmt(book.seconds)} s = ${fmt(book.pages / book.seconds)} pages/s, ${(book.size / 1024 / 1024).toFixed(1)} MiB`);
    console.log(`book / pool pages/s   ${fmt(book.pages / book.seconds / poolPageRate)}×   (target ≥ 3×)`);
    console.log(`the same book again   ${fmt(again.pages / again.seconds)} pages/s = ${fmt(again.pages / again.seconds / poolPageRate)}× the pool   (renumbered after printing: ${pool.stats().repaginations})`);
    if (rounds > 0) console.log(`RSS node+Chromium     ${fmt(rss200)} MiB after ${N}, ${fmt(rss2000)} MiB after ${N + rounds * N} (max ${fmt(rssMax)}), change ${fmt(((rss2000 - rss200) / rss200) * 100)}%   (target within 20%)`);
  } finally {
    await pool.close();
    await handle.close();
    await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
    await admin.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
