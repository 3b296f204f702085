import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { RuleSet } from '../../rules/rule-set.schema';
import { findRuleSetBody } from './scores.repository';

/**
 * Stored rule sets, parsed once per content hash (issue 18): a hash names one body for ever, so what a scorecard, a
 * list or a print reads of a pinned rule set is fetched and checked by zod once per process, not on every request.
 * Bounded (the oldest entry goes first); a Workers isolate keeps its own.
 */
const MAX_ENTRIES = 64;
const parsed = new Map<string, Promise<RuleSet | null>>();

export function ruleSetByHash(db: Kysely<Database>, hash: string): Promise<RuleSet | null> {
  let entry = parsed.get(hash);
  if (!entry) {
    entry = findRuleSetBody(db, hash).then((row) => (row ? RuleSet.parse(row.body) : null));
    // A failed read is not kept: the next request reads again.
    entry.catch(() => parsed.delete(hash));
    if (parsed.size >= MAX_ENTRIES) parsed.delete(parsed.keys().next().value!);
    parsed.set(hash, entry);
  }
  return entry;
}
