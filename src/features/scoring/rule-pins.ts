import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { AppError } from '../../errors/app-error';
import { kindList, unknownKinds, type Catalog } from '../../rules/catalog';
import { compileRuleSet, type CompiledRuleSet } from '../../rules/compile';
import type { RuleSets } from '../../rules/registry';
import { databaseCatalog } from '../catalog/manage-kinds';
import { orderLikeFiles } from '../../rules/key-order';
import { pinnedRows } from './rule-pins.repository';

/** score-cycle.ts pins through this module; the query itself lives in the repository. */
export { pinRuleSets } from './rule-pins.repository';

/** A rule set applied to some of its categories (the others may be pinned to another version). */
export type RuleSetJob = { compiled: CompiledRuleSet; categories: string[] };

const compiledByHash = new Map<string, Promise<CompiledRuleSet>>();

/**
 * A stored rule-set version, compiled once per process (the stored content recompiles to the same hash), against
 * the database's catalog: kinds are never deleted, so the kinds a pinned version names still exist. jsonb keeps no
 * key order, and the order of a clause's groups is the order its explanation names them: the body is put in one
 * order (the schema's, then by name) whichever caller reads it, so a version explains alike every time it is compiled.
 */
export function compileStored(hash: string, body: unknown, file: string, catalog: Catalog): Promise<CompiledRuleSet> {
  let c = compiledByHash.get(hash);
  if (!c) {
    c = compileRuleSet(JSON.stringify(orderLikeFiles(body)), file, { catalog });
    c.catch(() => compiledByHash.delete(hash));
    compiledByHash.set(hash, c);
  }
  return c;
}

/**
 * Refuses a rule set that names a ledger kind the database does not hold (rules/ was checked against
 * rules/catalog.json only): the message names the file, the fact and the kind, and lists the existing kinds.
 */
export function assertKindsKnown(compiled: CompiledRuleSet, catalog: Catalog): void {
  const missing = unknownKinds(compiled.ruleSet.facts, catalog);
  if (missing.length === 0) return;
  const which = missing.map((m) => `事实「${m.fact}」的「${m.code}」`).join('、');
  throw new AppError('validation_failed', `细则「${compiled.ruleSet.title}」（${compiled.file}）用到了数据库中没有的台账记录类型：${which}。现有的类型：${kindList(catalog)}`, {
    issues: missing.map((m) => ({ file: compiled.file, path: `$.facts.${m.fact}.kinds[${m.index}]`, message: `未知的台账记录类型「${m.code}」` })),
  });
}

/**
 * The rule sets a cycle is scored with: every category pinned to the version it was first scored with
 * (or a version published into it after a preview), and the rule sets in force for the categories not
 * pinned yet, which this scoring then pins.
 */
export async function effectiveRuleSets(db: Kysely<Database>, year: number, inForce: RuleSets): Promise<{ jobs: RuleSetJob[]; toPin: { category: string; hash: string }[] }> {
  const pins = await pinnedRows(db, year);
  const catalog = await databaseCatalog({ db });
  const pinned = new Set(pins.map((p) => p.category));
  const byHash = new Map<string, RuleSetJob>();
  for (const p of pins) {
    // A pinned version still in force is the file itself (the author's order of groups, as the first scoring had it).
    const compiled = inForce.all.find((c) => c.hash === p.rule_set_hash) ?? (await compileStored(p.rule_set_hash, p.body, `${p.id}@${p.version}`, catalog));
    const job = byHash.get(p.rule_set_hash) ?? { compiled, categories: [] };
    job.categories.push(p.category);
    byHash.set(p.rule_set_hash, job);
  }
  const toPin: { category: string; hash: string }[] = [];
  for (const c of inForce.all) {
    const categories = c.ruleSet.categories.filter((cat) => !pinned.has(cat));
    if (categories.length === 0) continue;
    assertKindsKnown(c, catalog);
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
