/**
 * One phase of `bench:score` alone in a process of its own, so that its peak RSS is its own (the parent bench holds
 * every organization's facts for its baseline): `facts` computes the fact SQL of every rule set as the pipeline
 * does (in parts), `full` runs a whole scoring, `changed` a `score --changed`. Prints one JSON line: seconds, peak
 * RSS (getrusage's maxrss) and the size of the JavaScript heap at its peak sample.
 *
 *   node --import tsx bench/score-peak.ts postgres://…/db full 2025
 */
import { GCProfiler } from 'node:v8';
import { openDatabase } from '../src/db/client';
import { loadRuleSets } from '../src/entry/rule-files';
import { cliActor, type Ctx } from '../src/features/context';
import { computeFacts } from '../src/features/scoring/facts.repository';
import { PART_SIZE, scoreCycle } from '../src/features/scoring/score-cycle';
import { inspectionsFor, orgsToScore } from '../src/features/scoring/scores.repository';
import { fixedClock } from '../src/lib/clock';

const [url, mode, yearText] = process.argv.slice(2);
const year = Number(yearText);

async function main(): Promise<void> {
  const handle = await openDatabase({ kind: 'postgres', url: url! });
  let heapPeak = 0;
  const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 50);
  // What is still alive after a full collection (a major GC leaves the heap at its live objects): the memory the work
  // actually holds, apart from the garbage V8 lets pile up between collections (it grows the heap with the rate of
  // allocation, so the peak RSS follows the allocation rate, and the live heap the data held). V8's own figures, taken
  // as each collection ends.
  const gcs = new GCProfiler();
  gcs.start();
  try {
    const ctx: Ctx = { actor: cliActor(), db: handle.db, clock: fixedClock('2026-11-22T04:00:00Z'), requestId: null };
    const ruleSets = await loadRuleSets();
    const rssBefore = process.resourceUsage().maxRSS;
    const t0 = performance.now();
    if (mode === 'facts') {
      // As the pipeline reads them: a part of organizations at a time, nothing kept.
      for (const c of ruleSets.all) {
        const ids = (await orgsToScore(handle.db, year, c.ruleSet.categories)).map((o) => o.id);
        for (let i = 0; i < ids.length; i += PART_SIZE) {
          const part = ids.slice(i, i + PART_SIZE);
          await computeFacts(handle.db, year, part, c.ruleSet.facts);
          await inspectionsFor(handle.db, year, part);
        }
      }
    } else {
      await scoreCycle({ ctx, year, ruleSets, changed: mode === 'changed' });
    }
    const seconds = (performance.now() - t0) / 1000;
    const full = gcs.stop().statistics.filter((g) => g.gcType === 'MarkSweepCompact');
    const live = full.length > 0 ? Math.max(...full.map((g) => g.afterGC.heapStatistics.usedHeapSize)) : null;
    const mib = (kib: number) => Math.round(kib / 1024);
    console.log(JSON.stringify({ mode, seconds, peakRssMiB: mib(process.resourceUsage().maxRSS), startRssMiB: mib(rssBefore), heapPeakMiB: Math.round(heapPeak / 1024 / 1024), liveMiB: live === null ? null : Math.round(live / 1024 / 1024) }));
  } finally {
    clearInterval(sampler);
    await handle.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
