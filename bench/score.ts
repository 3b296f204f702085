/**
 * Scoring cost on the demo district at --scale 10 on PostgreSQL: the fact SQL alone (the baseline) against
 * the whole pipeline (facts + json-rules-engine + core + storing the revision), in one process, with a
 * breakdown of where the pipeline's time goes.
 *
 *   npm run bench:score                         # PostgreSQL at postgres://postgres@127.0.0.1:5432/postgres
 *   BENCH_PG_URL=postgres://… BENCH_SCALE=1 npm run bench:score
 *   BENCH_DB=pglite npm run bench:score         # the same on embedded PGlite
 *   BENCH_KEEP=1 BENCH_SCALE=100 npm run bench:score  # keeps the seeded database for the next run (xp_bench_score_100)
 *
 * On PostgreSQL it then runs each phase alone in a child process (`score-peak.ts`) for its own peak RSS.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../src/db/client';
import { LONG_WORK_MEM } from '../src/db/transaction';
import { migrateToLatest } from '../src/db/migrate';
import { seedDemo } from '../src/demo/seed-demo';
import { loadRuleSets } from '../src/entry/rule-files';
import { cliActor, type Ctx } from '../src/features/context';
import { computeFacts } from '../src/features/scoring/facts.repository';
import { scoreCycle } from '../src/features/scoring/score-cycle';
import { inspectionsFor, orgsToScore } from '../src/features/scoring/scores.repository';
import { fixedClock } from '../src/lib/clock';
import { scoreFacts } from '../src/scoring/run';

const scale = Number(process.env.BENCH_SCALE ?? 10);
const usePglIte = process.env.BENCH_DB === 'pglite';
const keep = process.env.BENCH_KEEP === '1' && !usePglIte;
const pgBase = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const clock = fixedClock('2026-11-22T04:00:00Z');
const YEAR = 2025;
const seconds = (t0: number) => (performance.now() - t0) / 1000;

async function fresh(): Promise<{ handle: DatabaseHandle; url: string | null; seeded: boolean; dispose(): Promise<void> }> {
  if (usePglIte) {
    const dir = mkdtempSync(join(tmpdir(), 'xingping-bench-'));
    const handle = await openDatabase({ kind: 'pglite', dataDir: dir });
    return { handle, url: null, seeded: false, dispose: async () => (await handle.close(), rmSync(dir, { recursive: true, force: true })) };
  }
  const admin = await openDatabase({ kind: 'postgres', url: pgBase, poolSize: 1 });
  const name = keep ? `xp_bench_score_${scale}` : `xp_bench_score_${process.pid}`;
  const exists = (await sql<{ n: number }>`select count(*)::int as n from pg_database where datname = ${name}`.execute(admin.db)).rows[0]!.n > 0;
  if (!keep || !exists) {
    await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
    await sql`create database ${sql.id(name)}`.execute(admin.db);
  }
  // The baseline's fact queries run with the pipeline's settings (withTransaction's for long work): no JIT, its work_mem.
  await sql`alter database ${sql.id(name)} set jit = off`.execute(admin.db);
  await sql.raw(`alter database ${name} set work_mem = '${LONG_WORK_MEM}'`).execute(admin.db);
  const url = new URL(pgBase);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString() });
  const seeded = keep && exists && (await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name = 'score_revisions'`.execute(handle.db)).rows[0]!.n > 0;
  return {
    handle,
    url: url.toString(),
    seeded,
    dispose: async () => {
      await handle.close();
      if (!keep) await sql`drop database ${sql.id(name)} with (force)`.execute(admin.db);
      await admin.close();
    },
  };
}

async function main(): Promise<void> {
  const { handle, url, seeded: reused, dispose } = await fresh();
  try {
    const ctx: Ctx = { actor: cliActor(), db: handle.db, clock, requestId: null };
    await migrateToLatest(handle.db);
    let t0 = performance.now();
    if (reused) console.log(`${handle.kind}, --scale ${scale}: the database kept by an earlier run (BENCH_KEEP=1)`);
    else {
      const seeded = await seedDemo(ctx, { scale, seed: 'xingping' });
      console.log(`${handle.kind}, --scale ${scale}: seeded ${seeded.organizations} organizations, ${seeded.ledgerRecords} ledger records in ${seconds(t0).toFixed(1)} s`);
    }
    await sql`analyze`.execute(handle.db);
    const ruleSets = await loadRuleSets();

    /** The baseline: every fact query the pipeline runs (organizations, facts, inspections), nothing else. */
    const factsOnly = async () => {
      const started = performance.now();
      let orgCount = 0;
      const all = [];
      for (const c of ruleSets.all) {
        const orgs = await orgsToScore(handle.db, YEAR, c.ruleSet.categories);
        const ids = orgs.map((o) => o.id);
        all.push({ c, orgs, facts: await computeFacts(handle.db, YEAR, ids, c.ruleSet.facts), insp: await inspectionsFor(handle.db, YEAR, ids) });
        orgCount += orgs.length;
      }
      return { seconds: seconds(started), orgCount, all };
    };

    const clearEngineCaches = () => ruleSets.all.forEach((c) => c.firedCache.clear());
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const RUNS = 3;

    await factsOnly(); // warm the database caches so no measurement pays for the first read
    const factRuns: number[] = [];
    let baseline = await factsOnly();
    for (let i = 0; i < RUNS; i++) {
      baseline = await factsOnly();
      factRuns.push(baseline.seconds);
    }

    // Where the pipeline's time goes beyond SQL: the engine and the core, per organization, on facts in hand.
    clearEngineCaches();
    t0 = performance.now();
    for (const { c, orgs, facts } of baseline.all) for (const o of orgs) await scoreFacts(c, facts.get(o.id)!, []);
    const evaluation = seconds(t0);
    const engineRuns = ruleSets.all.reduce((n, c) => n + c.firedCache.size, 0);
    const engineOrgs = baseline.all.reduce((n, j) => n + (j.c.engine ? j.orgs.length : 0), 0);

    const wholeRuns: number[] = [];
    let organizations = 0;
    for (let i = 0; i < RUNS; i++) {
      clearEngineCaches(); // each run computes its own engine results
      t0 = performance.now();
      organizations = (await scoreCycle({ ctx, year: YEAR, ruleSets })).organizations;
      wholeRuns.push(seconds(t0));
    }
    const facts = median(factRuns);
    const whole = median(wholeRuns);
    const list = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' / ');

    const rules = ruleSets.all.map((c) => `${c.file} ${c.engine ? 'engine' : 'no conditions'}`).join(', ');
    console.log(`rule sets: ${rules}`);
    console.log(`organizations scored: ${organizations}; ${engineOrgs} go through json-rules-engine, ${engineRuns} distinct condition inputs actually run it`);
    console.log(`fact SQL alone:        ${facts.toFixed(2)} s median (${list(factRuns)})`);
    console.log(`engine + core alone:   ${evaluation.toFixed(2)} s (${Math.round(baseline.orgCount / evaluation)} organizations/s, first run, cold engine cache)`);
    console.log(`whole pipeline:        ${whole.toFixed(2)} s median (${list(wholeRuns)}): facts + rules + store in one transaction`);
    console.log(`ratio whole / facts:   ${(whole / facts).toFixed(2)}× (target ≤ 2×)`);
    const copy = await incremental(ctx, handle, ruleSets, whole);
    // The process's peak (getrusage's maxrss, in KiB), not its size at the end.
    console.log(`peak RSS of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (now ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB), with every organization's facts held for the baseline`);
    if (url) await peaks(url, copy);
  } finally {
    await dispose();
  }
}

/** What a revision stores of its own (a delta: only what differs from its base): rows and bytes. */
async function stored(handle: DatabaseHandle, revisionId: number) {
  const { rows } = await sql<{ n: number; bytes: number }>`
    select (select count(*) from score_rows where revision_id = ${revisionId})::int + (select count(*) from grade_rows where revision_id = ${revisionId})::int as n,
      coalesce((select sum(pg_column_size(s.*)) from score_rows s where revision_id = ${revisionId}), 0)::bigint
        + coalesce((select sum(pg_column_size(g.*)) from grade_rows g where revision_id = ${revisionId}), 0)::bigint as bytes`.execute(handle.db);
  return { rows: rows[0]!.n, mb: Number(rows[0]!.bytes) / 1024 / 1024 };
}

/**
 * `score --changed` after a write (issue 18): one ledger record, then 500 across the district, each against a full
 * scoring of the same data in the same run; and what each revision stores.
 */
async function incremental(ctx: Ctx, handle: DatabaseHandle, ruleSets: Awaited<ReturnType<typeof loadRuleSets>>, whole: number) {
  // A record more (a copy of one of its own, reviewed alike) for n scored organizations spread over the district.
  const copy = (n: number) => sql`insert into ledger_records (org_id, cycle_year, kind, occurred_on, title, participants, hours, evidence, status, created_by, reviewed_by, reviewed_at)
    select org_id, cycle_year, kind, occurred_on, title || '（补）', participants, hours, evidence, status, created_by, reviewed_by, reviewed_at from (
      select distinct on (r.org_id) r.* from ledger_records r
      where r.cycle_year = ${YEAR} and r.status = 'verified' and r.org_id in (select org_id from scores where revision_id = (select max(id) from score_revisions where cycle_year = ${YEAR}))
      order by r.org_id, md5(r.id::text)) r
    order by md5(org_id::text) limit ${n}`.execute(handle.db);
  const full = await scoreCycle({ ctx, year: YEAR, ruleSets });
  const fullStored = await stored(handle, full.revisionId);
  for (const n of [1, 500]) {
    await copy(n);
    let t0 = performance.now();
    const delta = await scoreCycle({ ctx, year: YEAR, ruleSets, changed: true });
    const deltaSeconds = seconds(t0);
    const deltaStored = await stored(handle, delta.revisionId);
    // The same data scored whole, for the ratio (a delta of nothing changed would follow it: nothing is marked).
    t0 = performance.now();
    await scoreCycle({ ctx, year: YEAR, ruleSets });
    const fullSeconds = seconds(t0);
    const kind = delta.baseRevisionId === null ? 'fell back to a full scoring' : `delta on #${delta.baseRevisionId}`;
    console.log(`score --changed after ${n} ledger record(s): ${delta.rescored} organizations scored again (${kind}) in ${deltaSeconds.toFixed(2)} s, against ${fullSeconds.toFixed(2)} s whole (${(deltaSeconds / fullSeconds).toFixed(3)}×; whole earlier ${whole.toFixed(2)} s)`);
    console.log(`  stored: ${deltaStored.rows} rows, ${deltaStored.mb.toFixed(2)} MB, against ${fullStored.rows} rows, ${fullStored.mb.toFixed(2)} MB for a full revision (${((100 * deltaStored.mb) / fullStored.mb).toFixed(1)}%)`);
  }
  return copy;
}

/** Each phase alone in a child process: its own time and peak RSS (the fact SQL in parts, a full scoring, a delta of 500 records). */
async function peaks(url: string, copy: (n: number) => Promise<unknown>) {
  const child = (mode: string) => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'score-peak.ts'), url, mode, String(YEAR)], { encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').at(-1)!) as { seconds: number; peakRssMiB: number; startRssMiB: number; heapPeakMiB: number; liveMiB: number | null };
  };
  const line = (what: string, r: ReturnType<typeof child>) =>
    console.log(`  ${what.padEnd(34)} ${r.seconds.toFixed(2)} s, peak RSS ${r.peakRssMiB} MiB (${r.startRssMiB} MiB before it began), JS heap at most ${r.heapPeakMiB} MiB, ${r.liveMiB === null ? 'no full collection' : `live after a full collection at most ${r.liveMiB} MiB`}`);
  console.log('each phase alone in a process of its own:');
  line('fact SQL in parts of 5,000', child('facts'));
  line('whole pipeline (score)', child('full'));
  await copy(500);
  line('score --changed after 500 records', child('changed'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
