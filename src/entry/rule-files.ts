import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRuleSet, RuleSetError, type CompiledRuleSet } from '../rules/compile';
import { ruleSetRegistry, type RuleSets } from '../rules/registry';
import type { RuleIssue } from '../rules/validate';

/** The project's rules/ folder, wherever the command is run from. */
export const defaultRulesDir = resolve(fileURLToPath(new URL('../../rules', import.meta.url)));

/** The JSON Schema of rule files, kept beside them in rules/ (not a rule file itself). */
export const schemaFileName = 'rule-set.schema.json';

/** The rule files of a folder: every *.json except the schema. */
export function ruleFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== schemaFileName)
    .sort()
    .map((f) => join(dir, f));
}

/** Compiles files, collecting every problem of every file before failing. */
export async function compileFiles(files: readonly string[]): Promise<{ compiled: CompiledRuleSet[]; issues: RuleIssue[] }> {
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
      compiled.push(await compileRuleSet(text, basename(file)));
    } catch (e) {
      if (e instanceof RuleSetError) issues.push(...e.issues);
      else throw e;
    }
  }
  return { compiled, issues };
}

/** Loads the rule sets in force from a folder; throws RuleSetError if any file is broken. */
export async function loadRuleSets(dir: string = defaultRulesDir): Promise<RuleSets> {
  const { compiled, issues } = await compileFiles(ruleFiles(dir));
  if (issues.length > 0) throw new RuleSetError(issues);
  return ruleSetRegistry(compiled);
}
