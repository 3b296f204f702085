/**
 * Where the fact SQL's time goes, query by query, on a database `bench:score` kept (BENCH_KEEP=1): every rule set's
 * facts computed in parts of `size` organizations (as scoring reads them) and in one part per rule set, each
 * statement's time summed by its first words. A query whose parts cost much more than its whole reads more than
 * its part (a missing filter, a hash over a whole table, JIT compiling per statement).
 *
 *   npm run bench:facts -- postgres://postgres@127.0.0.1:5432/xp_bench_score_100 [year] [size]
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../src/db/database';
import { loadRuleSets } from '../src/entry/rule-files';
import { computeFacts } from '../src/features/scoring/facts.repository';
import { PART_SIZE } from '../src/features/scoring/score-cycle';
import { inspectionsFor, orgsToScore } from '../src/features/scoring/scores.repository';

const [url, yearText, sizeText] = process.argv.slice(2);
const year = Number(yearText ?? 2025);

async function timed(size: number): Promise<void> {
  const times = new Map<string, { ms: number; n: number }>();
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }),
    log(e) {
      if (e.level !== 'query') return;
      const key = e.query.sql.replace(/\s+/g, ' ').replace(/\$\d+/g, '$').trim().slice(0, 100);
      const t = times.get(key) ?? { ms: 0, n: 0 };
      t.ms += e.queryDurationMillis;
      t.n += 1;
      times.set(key, t);
    },
  });
  try {
    const ruleSets = await loadRuleSets();
    const t0 = performance.now();
    for (const c of ruleSets.all) {
      const ids = (await orgsToScore(db, year, c.ruleSet.categories)).map((o) => o.id);
      for (let i = 0; i < ids.length; i += size) {
        const part = ids.slice(i, i + size);
        await computeFacts(db, year, part, c.ruleSet.facts);
        await inspectionsFor(db, year, part);
      }
    }
    console.log(`parts of ${size}: ${((performance.now() - t0) / 1000).toFixed(2)} s`);
    for (const [key, t] of [...times].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8)) {
      console.log(`  ${(t.ms / 1000).toFixed(2).padStart(6)} s ${String(t.n).padStart(3)}×  ${key}`);
    }
  } finally {
    await db.destroy();
  }
}

async function main(): Promise<void> {
  await timed(Number(sizeText ?? PART_SIZE));
  await timed(Number.MAX_SAFE_INTEGER);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
