import { RuleSetError, type CompiledRuleSet } from './compile';

/** The rule sets in force, one per assessment category. */
export type RuleSets = {
  all: readonly CompiledRuleSet[];
  forCategory(category: string): CompiledRuleSet | undefined;
};

/** Indexes compiled rule sets by category; two files claiming one category is an error naming both. */
export function ruleSetRegistry(compiled: readonly CompiledRuleSet[]): RuleSets {
  const byCategory = new Map<string, CompiledRuleSet>();
  for (const c of compiled) {
    for (const cat of c.ruleSet.categories) {
      const other = byCategory.get(cat);
      if (other) {
        throw new RuleSetError([
          { file: c.file, path: '$.categories', message: `考核类别「${cat}」已由 ${other.file} 使用，一个类别只能有一套细则` },
        ]);
      }
      byCategory.set(cat, c);
    }
  }
  return { all: compiled, forCategory: (category) => byCategory.get(category) };
}

export const emptyRuleSets: RuleSets = ruleSetRegistry([]);

/** Stands in for rule sets that failed to load: commands that never touch rules still work; the rest see the errors. */
export function unavailableRuleSets(error: Error): RuleSets {
  return {
    get all(): never {
      throw error;
    },
    forCategory(): never {
      throw error;
    },
  };
}

/**
 * The rule sets in force as the server holds them: loaded from the database (DECISIONS.md: the database is the
 * truth) and reloaded after a publish changes what is in force. Rule sets built from files (tests, `rules`
 * commands on files) have no reload.
 */
export type RuleSetsHolder = RuleSets & { reload?(): Promise<void> };
