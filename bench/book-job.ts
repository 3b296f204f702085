/**
 * Books (合订本) through the job port on the demo district (scale 1, PostgreSQL, pg-boss): a street's and the whole
 * district's book requested as a leader would and worked by this process's worker, against the same book printed
 * directly (bookPdf, no queue, no storage) in the same run: seconds, pages, pages/s, and the job's progress readings
 * (step and percent with the second it was first seen), polled every 100 ms as the page would.
 *
 *   npm run bench:book-job
 */
import { sql } from 'kysely';
import { pgBossJobs } from '../src/adapters/jobs-pgboss';
import { openDatabase } from '../src/db/client';
import { migrateToLatest } from '../src/db/migrate';
import { demoResults } from '../src/demo/demo-results';
import { seedDemo } from '../src/demo/seed-demo';
import { nodePrinting } from '../src/entry/node-deps';
import { loadRuleSets } from '../src/entry/rule-files';
import { cliActor, type Ctx } from '../src/features/context';
import { bookPdf } from '../src/features/documents/print-documents';
import { databaseFiles } from '../src/features/files/file-ports';
import { getJob, requestBook } from '../src/features/jobs/jobs.service';
import { startJobs } from '../src/features/jobs/run-job';
import { quietLogger } from '../src/deps';
import { fixedClock } from '../src/lib/clock';

const pgBase = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const seconds = (t0: number) => (performance.now() - t0) / 1000;
const pagesOf = (pdf: Uint8Array) => Math.max(0, ...[...Buffer.from(pdf).toString('latin1').matchAll(/\/Count\s+(\d+)/g)].map((m) => Number(m[1])));

async function main() {
  const admin = await openDatabase({ kind: 'postgres', url: pgBase, poolSize: 1 });
  const name = `xp_bench_book_${process.pid}`;
  await sql`create database ${sql.id(name)}`.execute(admin.db);
  const url = new URL(pgBase);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString() });
  const printing = nodePrinting({ publicUrl: 'http://127.0.0.1:8787', chromium: process.env.XINGPING_CHROMIUM });
  const jobs = { queue: pgBossJobs(handle.db, { pollingIntervalSeconds: 0.5 }), bookLimit: 5000 };
  const clock = fixedClock('2026-11-22T04:00:00Z');
  try {
    await migrateToLatest(handle.db);
    const ctx: Ctx = { actor: cliActor(), db: handle.db, clock, requestId: null };
    await seedDemo(ctx, { scale: 1, seed: 'xingping' });
    await demoResults(ctx, await loadRuleSets(), [2024, 2025]);
    const one = async (q: ReturnType<typeof sql<{ id: number; name: string }>>) => (await q.execute(handle.db)).rows[0]!;
    const district = await one(sql`select id, name from organizations where kind = 'district'`);
    const street = await one(sql`select id, name from organizations where kind = 'street' order by code limit 1`);
    const stop = await startJobs({ db: handle.db, clock, logger: quietLogger, printing, files: databaseFiles, jobs, ruleSets: await loadRuleSets() });
    // Warm the browser once (both paths then start from a running Chromium).
    await bookPdf({ ctx, year: 2024, orgId: street.id, printing });
    try {
      for (const scope of [street, district]) {
        let t0 = performance.now();
        const direct = await bookPdf({ ctx, year: 2025, orgId: scope.id, printing });
        const directSeconds = seconds(t0);
        const directPages = pagesOf(direct.bytes);
        t0 = performance.now();
        const { job } = await requestBook({ ctx, jobs, input: { year: 2025, orgId: scope.id } });
        const readings: string[] = [];
        let last = '';
        let now = job;
        while (now.state === 'queued' || now.state === 'running') {
          await new Promise((r) => setTimeout(r, 100));
          now = await getJob({ ctx, id: job.id });
          const reading = now.progress ? `${now.progress.step} ${now.progress.percent}%` : now.stateLabel;
          if (reading !== last) readings.push(`${seconds(t0).toFixed(1)} s ${reading}`);
          last = reading;
        }
        const jobSeconds = seconds(t0);
        if (now.state !== 'done') throw new Error(`job ${job.id}: ${now.error}`);
        const r = now.result!;
        console.log(`\n${scope.name}: ${r.scorecards} scorecards`);
        console.log(`  direct (bookPdf)   ${directPages} pages in ${directSeconds.toFixed(1)} s = ${(directPages / directSeconds).toFixed(1)} pages/s`);
        console.log(`  job (request→done) ${r.pages} pages in ${jobSeconds.toFixed(1)} s = ${(r.pages / jobSeconds).toFixed(1)} pages/s, ${(r.bytes / 1048576).toFixed(1)} MiB  (job / direct ${(jobSeconds / directSeconds).toFixed(2)}×)`);
        console.log(`  readings: ${readings.join(' · ')}`);
      }
    } finally {
      await stop();
    }
  } finally {
    await printing.pdf.close();
    await handle.close();
    await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
    await admin.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
