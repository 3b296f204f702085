import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { parseJsonText } from '../../lib/text-input';
import { categoryName, kindCodePattern, type Catalog } from '../../rules/catalog';
import { compileRuleSet, RuleSetError, type CompiledRuleSet } from '../../rules/compile';
import type { RuleIssue } from '../../rules/validate';
import { runExamples } from '../../scoring/run';
import { databaseCatalog } from '../catalog/manage-kinds';
import type { DraftCompiled } from './drafts.repository';
import type { DraftValidation } from './drafts.schemas';

/**
 * Checking a draft's text: parse, validate and compile it against the database's catalog, run its examples, and
 * place every issue on the line of its JSON path (the editor underlines there).
 */

type Issue = DraftValidation['issues'][number];

/** '$.parts[0].indicators[2]' → ['parts', 0, 'indicators', 2] (a key holding '.' or '[' is cut there: its line is then its parent's). */
function pathSegments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.slice(1).matchAll(/\.([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

/** The 1-based line of a character offset. */
function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/**
 * Finds the line of JSON paths in a text: the line of the value's key (or of the value in an array); a path that
 * does not exist (a missing property) is placed on its nearest existing parent.
 */
function lineFinder(text: string): (path: string) => number | null {
  const root = parseTree(text, [], { disallowComments: true, allowTrailingComma: false });
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (path) => {
    if (!root) return null;
    const segments = pathSegments(path);
    for (let n = segments.length; n >= 0; n--) {
      const node: Node | undefined = n === 0 ? root : findNodeAtLocation(root, segments.slice(0, n));
      if (!node) continue;
      return lineAt(starts, node.parent?.type === 'property' ? node.parent.offset : node.offset);
    }
    return null;
  };
}

const messageOf = (i: RuleIssue) => `${i.message}${i.expected ? `；期望：${i.expected}` : ''}${i.found ? `；实际：${i.found}` : ''}`;

/** What a text that does not compile still says of itself, for the drafts list (id, title, version, categories). */
function looseHeader(json: unknown): Pick<DraftCompiled, 'rule_set_id' | 'title' | 'version' | 'categories'> {
  const o = json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  const str = (v: unknown) => (typeof v === 'string' ? v.slice(0, 200) : null);
  const cats = Array.isArray(o.categories) ? o.categories.filter((c): c is string => typeof c === 'string' && kindCodePattern.test(c) && c.length <= 40) : [];
  return { rule_set_id: str(o.id), title: str(o.title), version: str(o.version), categories: [...new Set(cats)] };
}

/** The examples a compiled rule set carries: how many passed, and an issue for each that did not. */
async function exampleIssues(compiled: CompiledRuleSet): Promise<{ passed: number; issues: { path: string; message: string }[] }> {
  try {
    const outcomes = await runExamples(compiled);
    const issues = outcomes.flatMap((o, i) => (o.ok ? [] : [{ path: `$.examples[${i}]`, message: `示例「${o.name}」未通过：${o.mismatches.join('；')}` }]));
    return { passed: outcomes.filter((o) => o.ok).length, issues };
  } catch (e) {
    return { passed: 0, issues: [{ path: '$.examples', message: `示例无法运行：${(e as Error).message}` }] };
  }
}

/** `compiled`: valid (examples pass), what may be published; `runnable`: compiles, examples may fail, what may be previewed. */
export type CheckedDraft = { validation: DraftValidation; stored: DraftCompiled; compiled: CompiledRuleSet | null; runnable: CompiledRuleSet | null; json: unknown };

/**
 * Checks a draft's text against the database's catalog, examples included. Never throws for a bad text: every
 * problem is an issue with its JSON path and line; `compiled` is set only when the text is valid.
 */
export async function checkDraftText(db: Kysely<Database>, source: string): Promise<CheckedDraft> {
  const catalog = await databaseCatalog({ db });
  const result = resultIn(catalog);
  const parsed = parseJsonText(source);
  if (!parsed.ok) {
    const issues: Issue[] = [{ path: '$', message: `不是有效的 JSON：${parsed.message}`, line: parsed.line, severity: 'error' }];
    return result(null, looseHeader(null), issues, 0, null, null);
  }
  const line = lineFinder(source);
  const place = (severity: Issue['severity']) => (i: { path: string; message: string }) => ({ path: i.path, message: i.message, line: line(i.path), severity });
  let compiled: CompiledRuleSet;
  try {
    compiled = await compileRuleSet(source, 'draft.json', { catalog });
  } catch (e) {
    if (!(e instanceof RuleSetError)) throw e;
    const issues = e.issues.map((i) => place('error')({ path: i.path, message: messageOf(i) }));
    return result(null, looseHeader(parsed.value), issues, 0, parsed.value, null);
  }
  const examples = await exampleIssues(compiled);
  const issues = [...examples.issues.map(place('error')), ...compiled.warnings.map((w) => place('warning')({ path: w.path, message: messageOf(w) }))];
  const header = { rule_set_id: compiled.ruleSet.id, title: compiled.ruleSet.title, version: compiled.ruleSet.version, categories: [...compiled.ruleSet.categories] };
  return result(examples.issues.length === 0 ? compiled : null, header, issues, examples.passed, parsed.value, compiled);
}

/** The answer for a checked text, naming its categories as the catalog does. */
const resultIn = (catalog: Catalog) => (compiled: CompiledRuleSet | null, header: ReturnType<typeof looseHeader>, issues: Issue[], examples: number, json: unknown, runnable: CompiledRuleSet | null): CheckedDraft => {
  const hash = compiled?.hash ?? null;
  return {
    validation: {
      valid: compiled !== null,
      previewable: runnable !== null,
      hash,
      ruleSetId: header.rule_set_id,
      title: header.title,
      version: header.version,
      categories: header.categories.map((code) => ({ code, label: categoryName(catalog, code) })),
      examples,
      issues,
    },
    stored: { ...header, hash, issues },
    compiled,
    runnable,
    json,
  };
};
