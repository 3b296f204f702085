import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { compileRuleSet, type CompiledRuleSet } from '../../rules/compile';
import type { RuleSets } from '../../rules/registry';
import { pinnedRows } from './rule-pins.repository';

/** score-cycle.ts pins through this module; the query itself lives in the repository. */
export { pinRuleSets } from './rule-pins.repository';

/** A rule set applied to some of its categories (the others may be pinned to another version). */
export type RuleSetJob = { compiled: CompiledRuleSet; categories: string[] };

const compiledByHash = new Map<string, Promise<CompiledRuleSet>>();

/** A stored rule-set version, compiled once per process (the stored content recompiles to the same hash). */
export function compileStored(hash: string, body: unknown, file: string): Promise<CompiledRuleSet> {
  let c = compiledByHash.get(hash);
  if (!c) {
    c = compileRuleSet(JSON.stringify(body), file);
    compiledByHash.set(hash, c);
  }
  return c;
}

/**
 * The rule sets a cycle is scored with: every category pinned to the version it was first scored with
 * (or a version published into it after a preview), and the rule sets in force for the categories not
 * pinned yet, which this scoring then pins.
 */
export async function effectiveRuleSets(db: Kysely<Database>, year: number, inForce: RuleSets): Promise<{ jobs: RuleSetJob[]; toPin: { category: string; hash: string }[] }> {
  const pins = await pinnedRows(db, year);
  const pinned = new Set(pins.map((p) => p.category));
  const byHash = new Map<string, RuleSetJob>();
  for (const p of pins) {
    const job = byHash.get(p.rule_set_hash) ?? { compiled: await compileStored(p.rule_set_hash, p.body, `${p.id}@${p.version}`), categories: [] };
    job.categories.push(p.category);
    byHash.set(p.rule_set_hash, job);
  }
  const toPin: { category: string; hash: string }[] = [];
  for (const c of inForce.all) {
    const categories = c.ruleSet.categories.filter((cat) => !pinned.has(cat));
    if (categories.length === 0) continue;
    const job = byHash.get(c.hash) ?? { compiled: c, categories: [] };
    job.categories.push(...categories);
    byHash.set(c.hash, job);
    toPin.push(...categories.map((category) => ({ category, hash: c.hash })));
  }
  return { jobs: [...byHash.values()], toPin };
}

/**
 * The rule sets that govern a year, by category: the pinned version where the year has one, the one in force
 * otherwise. Every write and read for a year checks against these (a declared fact, an inspection indicator,
 * a direct grade, a campaign's minimum sample), never against `rules/` alone.
 */
export async function yearRuleSets(db: Kysely<Database>, year: number, inForce: RuleSets): Promise<RuleSets> {
  const { jobs } = await effectiveRuleSets(db, year, inForce);
  const byCategory = new Map(jobs.flatMap((j) => j.categories.map((c) => [c, j.compiled] as const)));
  return { all: jobs.map((j) => j.compiled), forCategory: (category) => byCategory.get(category) };
}
