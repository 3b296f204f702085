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
const parsed = new Map<string, RuleSet>();

export async function ruleSetByHash(db: Kysely<Database>, hash: string): Promise<RuleSet | null> {
  const cached = parsed.get(hash);
  if (cached) return cached;
  // Only a found and parsed body is kept: a failed read (this request's own time ran out) or a hash not (yet) in
  // this database is read again next time. Concurrent first reads each read once.
  const row = await findRuleSetBody(db, hash);
  if (!row) return null;
  const rs = RuleSet.parse(row.body);
  if (parsed.size >= MAX_ENTRIES) parsed.delete(parsed.keys().next().value!);
  parsed.set(hash, rs);
  return rs;
}
