import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors/app-error';
import { catalogFileName, parseCatalog, seedCatalog, type Catalog } from '../rules/catalog';
import { compileRuleSet, RuleSetError, type CompiledRuleSet } from '../rules/compile';
import { ruleSetRegistry, type RuleSets } from '../rules/registry';
import type { RuleIssue, ValidateOptions } from '../rules/validate';

/** The project's rules/ folder, wherever the command is run from. */
export const defaultRulesDir = resolve(fileURLToPath(new URL('../../rules', import.meta.url)));

/** The JSON Schema of rule files, kept beside them in rules/ (not a rule file itself). */
export const schemaFileName = 'rule-set.schema.json';

/** The JSON files of rules/ that are not rule files: the schema and the catalog. */
export const notRuleFiles: readonly string[] = [schemaFileName, catalogFileName];

/** The rule files of a folder: every *.json except the schema and the catalog. */
export function ruleFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !notRuleFiles.includes(f))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * The catalog rule files of a folder are checked against without a database: its catalog.json (exported from the
 * database by `rules catalog`), or the seed (src/domain/catalog.ts) when the folder has none.
 */
export function catalogOf(dir: string = defaultRulesDir): Catalog {
  const file = join(dir, catalogFileName);
  return existsSync(file) ? readCatalogFile(file) : seedCatalog;
}

/** A catalog file (`--catalog`); a missing or broken file is an error naming it. */
export function readCatalogFile(file: string): Catalog {
  const parsed = parseCatalog(readFileSync(file, 'utf8'), basename(file));
  if (!parsed.ok) throw new AppError('validation_failed', `台账记录类型目录有误：${parsed.message}`);
  return parsed.catalog;
}

/** Compiles files, collecting every problem of every file before failing. */
export async function compileFiles(files: readonly string[], opts: ValidateOptions = {}): Promise<{ compiled: CompiledRuleSet[]; issues: RuleIssue[] }> {
  const compiled: CompiledRuleSet[] = [];
  const issues: RuleIssue[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      issues.push({ file: basename(file), path: '$', message: '文件无法读取' });
      continue;
    }
    try {
      compiled.push(await compileRuleSet(text, basename(file), opts));
    } catch (e) {
      if (e instanceof RuleSetError) issues.push(...e.issues);
      else throw e;
    }
  }
  return { compiled, issues };
}

/**
 * Loads the rule sets in force from a folder, checked against its catalog.json; throws RuleSetError if any file is
 * broken. Scoring checks their kinds again against the database (effectiveRuleSets).
 */
export async function loadRuleSets(dir: string = defaultRulesDir): Promise<RuleSets> {
  const { compiled, issues } = await compileFiles(ruleFiles(dir), { catalog: catalogOf(dir) });
  if (issues.length > 0) throw new RuleSetError(issues);
  return ruleSetRegistry(compiled);
}
