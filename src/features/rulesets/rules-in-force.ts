import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { withTransaction } from '../../db/transaction';
import { systemClock } from '../../lib/clock';
import { parseJsonText } from '../../lib/text-input';
import { canonicalJson, sha256Hex, type CompiledRuleSet } from '../../rules/compile';
import { orderLikeFiles } from '../../rules/key-order';
import type { RuleSets, RuleSetsHolder } from '../../rules/registry';
import { recordAudit } from '../audit/record-audit';
import { databaseCatalog } from '../catalog/manage-kinds';
import type { Actor, Ctx } from '../context';
import { storedRuleSet } from './rulesets.repository';
import { compileStored } from '../scoring/rule-pins';
import { saveRuleSets } from '../scoring/scores.repository';
import { draftHashExists, draftIdsOfHash, draftSourceExists, draftSourceOfHash, inForceRows, insertDraft, storedCategories, versionExists } from './drafts.repository';
import { checkDraftText, type CheckedDraft } from './drafts.validate';
import { readers, requireRole } from '../../auth/scope';
import { requireCycleManager } from '../cycles/manage-cycles';

/**
 * The rule sets in force, from the database (DECISIONS.md: the database is the truth; rules/ is the seed and the
 * format for version control). A file of rules/ seeds a fresh database; later, a changed file becomes a draft.
 */

/** Who acts when the server or a command syncs rules/ into the database at start. */
export const systemActor: Actor = { id: 'system', userId: null, name: '系统（同步 rules/）', role: 'admin', orgId: null, orgPath: '/' };

/** A rule set's content as a file of rules/: pretty JSON, `$schema` first, a final newline. */
export function ruleFileText(content: unknown): string {
  const { $schema: _drop, ...rest } = (content ?? {}) as Record<string, unknown>;
  return `${JSON.stringify({ $schema: './rule-set.schema.json', ...rest }, null, 2)}\n`;
}

/** The content hash of a text that is JSON (without `$schema`), as compile computes it; null for a text that is not. */
export async function contentHash(text: string): Promise<string | null> {
  const parsed = parseJsonText(text);
  if (!parsed.ok || !parsed.value || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) return null;
  const { $schema: _drop, ...content } = parsed.value as Record<string, unknown>;
  return sha256Hex(canonicalJson(content));
}

/**
 * A version as the text of a rule file: the wording of a draft that compiles to it, else the rule set in force with
 * that hash (a file keeps its order), else the stored version with its keys in the schema's order. Null: no such version.
 */
export async function versionText(db: Kysely<Database>, hash: string, inForce?: RuleSets): Promise<string | null> {
  const draft = await draftSourceOfHash(db, hash);
  if (draft !== null) {
    const parsed = parseJsonText(draft);
    if (parsed.ok) return ruleFileText(parsed.value);
  }
  const live = inForce?.all.find((c) => c.hash === hash);
  if (live) return ruleFileText(live.source);
  const stored = await storedRuleSet(db, hash);
  return stored ? ruleFileText(orderLikeFiles(stored.body)) : null;
}

const versionRow = (c: CompiledRuleSet) => ({ hash: c.hash, id: c.ruleSet.id, version: c.ruleSet.version, title: c.ruleSet.title, categories: [...c.ruleSet.categories], body: c.source });

/**
 * Brings the files of rules/ into the database: a file whose categories no stored version covers yet (a fresh
 * database) is stored as a version, the seed in force; a file whose content is neither a stored version nor a
 * draft becomes a draft (origin 'file'). Never publishes, never overwrites; one audit row per seed or draft.
 */
export async function syncRuleFiles(db: Kysely<Database>, compiled: readonly CompiledRuleSet[], actor: Actor): Promise<{ seeded: string[]; drafted: string[] }> {
  const ctx: Ctx = { actor, db, clock: systemClock, requestId: null };
  return withTransaction(ctx, async (tx) => {
    const covered = await storedCategories(tx.db);
    const out = { seeded: [] as string[], drafted: [] as string[] };
    for (const c of compiled) {
      if (!c.ruleSet.categories.some((cat) => covered.has(cat))) {
        await saveRuleSets(tx.db, [versionRow(c)]);
        await recordAudit(tx, { action: 'rules.seed', entity: 'rule_set', entityId: c.hash, orgId: null, after: { file: c.file, id: c.ruleSet.id, version: c.ruleSet.version, categories: c.ruleSet.categories } });
        out.seeded.push(c.file);
        continue;
      }
      const source = ruleFileText(c.source);
      if ((await versionExists(tx.db, c.hash)) || (await draftHashExists(tx.db, c.hash)) || (await draftSourceExists(tx.db, source))) continue;
      const checked = await checkDraftText(tx.db, source);
      const at = tx.clock.now();
      const id = await insertDraft(tx.db, { ...checked.stored, source, based_on: null, origin: 'file', file: c.file, by: actor.id, at });
      await recordAudit(tx, { action: 'rules.draft.create', entity: 'rule_draft', entityId: id, orgId: null, after: { origin: 'file', file: c.file, id: c.ruleSet.id, version: c.ruleSet.version, hash: checked.stored.hash } });
      out.drafted.push(c.file);
    }
    return out;
  });
}

/** Which stored version is in force for each category: the latest cycle's pin, else the most recently stored version. */
async function inForceHashes(db: Kysely<Database>) {
  const { pinned, stored } = await inForceRows(db);
  const byCategory = new Map<string, string>();
  const rows = new Map<string, (typeof stored)[number]>();
  for (const p of pinned) if (!byCategory.has(p.category)) byCategory.set(p.category, p.hash);
  for (const s of stored) {
    rows.set(s.hash, s);
    for (const cat of s.categories) if (!byCategory.has(cat)) byCategory.set(cat, s.hash);
  }
  return { byCategory, rows };
}

/**
 * The rule sets in force, read from the database and compiled (a file of rules/ with the same hash is reused as
 * compiled). A version in force for only some of its categories (others moved on to a newer one) is served for
 * those only. `reload()` reads again, after a publish.
 */
export async function loadInForce(db: Kysely<Database>, opts: { files?: readonly CompiledRuleSet[] } = {}): Promise<RuleSetsHolder> {
  let current: { all: CompiledRuleSet[]; byCategory: Map<string, CompiledRuleSet> } = { all: [], byCategory: new Map() };
  const read = async () => {
    const { byCategory, rows } = await inForceHashes(db);
    const catalog = await databaseCatalog({ db });
    const cats = new Map<string, string[]>();
    for (const [cat, hash] of byCategory) cats.set(hash, [...(cats.get(hash) ?? []), cat]);
    const all: CompiledRuleSet[] = [];
    const map = new Map<string, CompiledRuleSet>();
    for (const [hash, served] of cats) {
      const row = rows.get(hash)!;
      const full = opts.files?.find((f) => f.hash === hash) ?? (await compileStored(hash, row.body, `${row.id}.json`, catalog));
      const whole = full.ruleSet.categories.every((c) => served.includes(c));
      const c = whole ? full : { ...full, ruleSet: { ...full.ruleSet, categories: full.ruleSet.categories.filter((x) => served.includes(x)) } };
      all.push(c);
      for (const cat of served) map.set(cat, c);
    }
    const codes = catalog.categories.map((x) => x.code);
    const order = (c: CompiledRuleSet) => Math.min(...c.ruleSet.categories.map((x) => codes.indexOf(x)).filter((i) => i >= 0), 1e9);
    all.sort((a, b) => order(a) - order(b) || (a.ruleSet.id < b.ruleSet.id ? -1 : 1));
    current = { all, byCategory: map };
  };
  await read();
  return {
    get all() {
      return current.all;
    },
    forCategory: (category) => current.byCategory.get(category),
    reload: read,
  };
}

export type ImportedFile = { file: string; outcome: 'draft' | 'stored' | 'drafted'; draftId: number | null; hash: string | null; issues: CheckedDraft['validation']['issues'] };

/**
 * `rules import FILE...`: each file becomes a draft (origin 'cli'), kept with its issues when it does not compile;
 * a file whose content is a stored version, or already a draft, is reported as such and imports nothing.
 */
export async function importRuleFiles({ ctx, files }: { ctx: Ctx; files: readonly { name: string; text: string }[] }): Promise<ImportedFile[]> {
  await requireCycleManager(ctx);
  return withTransaction(ctx, async (tx) => {
    const out: ImportedFile[] = [];
    for (const f of files) {
      const checked = await checkDraftText(tx.db, f.text);
      const hash = checked.validation.hash ?? (await contentHash(f.text));
      const issues = checked.validation.issues;
      if (hash && (await versionExists(tx.db, hash))) {
        out.push({ file: f.name, outcome: 'stored', draftId: null, hash, issues });
        continue;
      }
      const same = hash ? await draftIdsOfHash(tx.db, hash) : [];
      if (same.length > 0 || (await draftSourceExists(tx.db, f.text))) {
        out.push({ file: f.name, outcome: 'drafted', draftId: same[0] ?? null, hash, issues });
        continue;
      }
      const id = await insertDraft(tx.db, { ...checked.stored, source: f.text, based_on: null, origin: 'cli', file: f.name, by: ctx.actor.id, at: tx.clock.now() });
      await recordAudit(tx, { action: 'rules.draft.create', entity: 'rule_draft', entityId: id, orgId: ctx.actor.orgId, after: { origin: 'cli', file: f.name, id: checked.stored.rule_set_id, version: checked.stored.version, hash: checked.stored.hash } });
      out.push({ file: f.name, outcome: 'draft', draftId: id, hash: checked.stored.hash, issues });
    }
    return out;
  });
}

/** `rules export`: every version in force as the text of a rule file, named by its rule set's id. */
export async function exportInForce({ ctx, ruleSets }: { ctx: Ctx; ruleSets: RuleSets }): Promise<{ name: string; id: string; title: string; version: string; hash: string; text: string }[]> {
  requireRole(ctx, readers);
  const out = [];
  // Two versions of one id can be in force at once (each for some of its categories): each gets its version in the name.
  const shared = (id: string) => ruleSets.all.filter((c) => c.ruleSet.id === id).length > 1;
  for (const c of ruleSets.all) {
    const text = (await versionText(ctx.db, c.hash, ruleSets))!;
    const name = shared(c.ruleSet.id) ? `${c.ruleSet.id}@${c.ruleSet.version.replace(/[\s/\\:*?"<>|]/g, '_')}.json` : `${c.ruleSet.id}.json`;
    out.push({ name, id: c.ruleSet.id, title: c.ruleSet.title, version: c.ruleSet.version, hash: c.hash, text });
  }
  return out;
}
