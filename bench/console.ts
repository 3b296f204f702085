/**
 * The organization department's console at --scale 10 on PostgreSQL: what 计分 (the button: a score job on the
 * job queue, from the request to its summary) and 预览 (a draft rule set run on a year's data, nothing stored)
 * cost, each against the fact SQL they both rest on (the baseline, measured in the same run).
 *
 *   npm run bench:console                       # PostgreSQL at postgres://postgres@127.0.0.1:5432/postgres
 *   BENCH_PG_URL=postgres://… BENCH_SCALE=1 npm run bench:console
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/client';
import { migrateToLatest } from '../src/db/migrate';
import { quietLogger } from '../src/deps';
import { seedDemo } from '../src/demo/seed-demo';
import { nodeDeps } from '../src/entry/node-deps';
import { defaultRulesDir, loadRuleSets } from '../src/entry/rule-files';
import { cliActor, type Ctx } from '../src/features/context';
import { requestScore } from '../src/features/jobs/jobs.service';
import { startJobs } from '../src/features/jobs/run-job';
import { findJob } from '../src/features/jobs/jobs.repository';
import { computeFacts } from '../src/features/scoring/facts.repository';
import { previewRuleSet } from '../src/features/scoring/preview-rules';
import { inspectionsFor, orgsToScore } from '../src/features/scoring/scores.repository';

const scale = Number(process.env.BENCH_SCALE ?? 10);
const pgBase = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const RUNS = 3;
const seconds = (t0: number) => (performance.now() - t0) / 1000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const list = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' / ');

async function main(): Promise<void> {
  const admin = await openDatabase({ kind: 'postgres', url: pgBase, poolSize: 1 });
  const name = `xp_bench_console_${process.pid}`;
  await sql`create database ${sql.id(name)}`.execute(admin.db);
  const url = new URL(pgBase);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString() });
  const ruleSets = await loadRuleSets();
  const deps = nodeDeps(handle, { ruleSets, logger: quietLogger });
  let stopJobs = async () => {};
  try {
    const ctx: Ctx = { actor: cliActor(), db: handle.db, clock: deps.clock, requestId: null };
    await migrateToLatest(handle.db);
    let t0 = performance.now();
    const seeded = await seedDemo(ctx, { scale, seed: 'xingping' });
    console.log(`postgres, --scale ${scale}: seeded ${seeded.organizations} organizations, ${seeded.ledgerRecords} ledger records in ${seconds(t0).toFixed(1)} s`);
    await sql`analyze`.execute(handle.db);
    const year = (await sql<{ year: number }>`select year from cycles where state = 'reviewing' order by year desc limit 1`.execute(handle.db)).rows[0]!.year;
    await sql`update rating_campaigns set state = 'closed' where cycle_year = ${year}`.execute(handle.db);
    await sql`update review_sessions set state = 'closed' where cycle_year = ${year}`.execute(handle.db);

    // The baseline: every fact query scoring runs (organizations, facts, inspections), nothing else.
    const factsOnly = async () => {
      const started = performance.now();
      for (const c of ruleSets.all) {
        const ids = (await orgsToScore(handle.db, year, c.ruleSet.categories)).map((o) => o.id);
        await computeFacts(handle.db, year, ids, c.ruleSet.facts);
        await inspectionsFor(handle.db, year, ids);
      }
      return seconds(started);
    };
    await factsOnly(); // warm the caches
    const factRuns: number[] = [];
    for (let i = 0; i < RUNS; i++) factRuns.push(await factsOnly());

    // 计分 as the button does it: a job on the queue, from the request to done (the summary written).
    stopJobs = await startJobs({ ...deps, jobs: deps.jobs! });
    const jobRuns: number[] = [];
    let orgs = 0;
    for (let i = 0; i < RUNS; i++) {
      t0 = performance.now();
      const { job } = await requestScore({ ctx, jobs: deps.jobs!, input: { year, note: `bench ${i + 1}` } });
      for (;;) {
        const row = (await findJob(handle.db, job.id))!;
        if (row.state === 'done') break;
        if (row.state === 'failed' || row.state === 'cancelled') throw new Error(`score job ${job.id} ${row.state}: ${row.error ?? ''}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      jobRuns.push(seconds(t0));
      orgs = (await sql<{ n: number }>`select org_count as n from score_revisions where cycle_year = ${year} order by id desc limit 1`.execute(handle.db)).rows[0]!.n;
    }

    // 预览: the community rule set with one per-unit clause worth more, before/after on the year's data.
    type Clause = { type: string; points?: number };
    const draft = JSON.parse(readFileSync(join(defaultRulesDir, 'community.json'), 'utf8')) as { parts: { indicators?: { clauses?: Clause[] }[] }[] };
    const clause = draft.parts.flatMap((p) => p.indicators ?? []).flatMap((x) => x.clauses ?? []).find((c) => c.type === 'perUnit' && typeof c.points === 'number')!;
    clause.points = clause.points! * 2;
    const previewRuns: number[] = [];
    let changes = 0;
    let previewed = 0;
    for (let i = 0; i < RUNS; i++) {
      t0 = performance.now();
      const report = await previewRuleSet({ ctx, year, draft, ruleSets });
      previewRuns.push(seconds(t0));
      changes = report.changes.length;
      previewed = Object.values(report.after).reduce((a, b) => a + b, 0);
    }

    const facts = median(factRuns);
    const score = median(jobRuns);
    const preview = median(previewRuns);
    console.log(`year ${year}: ${orgs} organizations scored; the preview ran ${previewed} community organizations (${changes} change grade)`);
    console.log(`fact SQL alone (baseline):   ${facts.toFixed(2)} s median (${list(factRuns)})`);
    console.log(`计分 job, request → done:     ${score.toFixed(2)} s median (${list(jobRuns)})  = ${(score / facts).toFixed(2)}× the fact SQL`);
    console.log(`预览 (one category):          ${preview.toFixed(2)} s median (${list(previewRuns)})  = ${(preview / facts).toFixed(2)}× the fact SQL of all categories`);
    console.log(`peak RSS: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);
  } finally {
    await stopJobs();
    await deps.printing.pdf.close();
    await handle.close();
    await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
    await admin.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
