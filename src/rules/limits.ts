import { jsonPath, type RuleIssue } from './validate';

/**
 * How big a rule set may be. Real rubrics have 3–8 parts and 20–60 indicators; these limits are ten times
 * that and more, and keep one preview or one `rules validate` to well under a second. Checked on the raw
 * JSON before the schema or the engine see it, the same in the CLI and the API (both compile through
 * compileRuleSet).
 */
export const ruleSetLimits = {
  /** The file's text, in characters (UTF-16 units, about bytes for JSON written in ASCII and Chinese). */
  fileChars: 1_000_000,
  /** JSON nesting: conditions nested about twelve deep still fit. */
  depth: 32,
  /** Every JSON value in the file. */
  values: 100_000,
  /** Any one string (titles, descriptions, formulas). */
  stringChars: 5_000,
  parts: 50,
  indicators: 1_000,
  clauses: 5_000,
  facts: 1_000,
  overrides: 500,
} as const;

const countLabel = { parts: '部分（parts）', indicators: '指标（indicators）', clauses: '计分条款（clauses）', facts: '事实（facts）', overrides: '定级调整（overrides）' } as const;

/** Counts what compiling costs: parts, their indicators and clauses, facts, overrides (shape errors are left to the schema). */
function structureIssues(json: unknown, file: string): RuleIssue[] {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return [];
  const rs = json as { parts?: unknown; facts?: unknown; grading?: { overrides?: unknown } };
  const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  const parts = arr(rs.parts);
  const indicators = parts.flatMap((p) => arr((p as { indicators?: unknown } | null)?.indicators));
  const counts = {
    parts: parts.length,
    indicators: indicators.length,
    clauses: indicators.reduce<number>((n, i) => n + arr((i as { clauses?: unknown } | null)?.clauses).length, 0),
    facts: rs.facts && typeof rs.facts === 'object' ? Object.keys(rs.facts).length : 0,
    overrides: arr(rs.grading && typeof rs.grading === 'object' ? rs.grading.overrides : undefined).length,
  };
  const where = { parts: '$.parts', indicators: '$.parts', clauses: '$.parts', facts: '$.facts', overrides: '$.grading.overrides' } as const;
  return (Object.keys(counts) as (keyof typeof counts)[])
    .filter((k) => counts[k] > ruleSetLimits[k])
    .map((k) => ({ file, path: where[k], message: `超出上限：${countLabel[k]}共 ${counts[k]} 个，最多 ${ruleSetLimits[k]} 个` }));
}

/**
 * The limits a rule set's JSON breaks, each naming the limit and where: nesting, number of values, string
 * length, then parts, indicators, clauses, facts and overrides. Walks with an explicit stack (no recursion),
 * and stops at the first value past the nesting or size limit.
 */
export function ruleSetLimitIssues(json: unknown, file: string): RuleIssue[] {
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: json, path: [] }];
  let values = 0;
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (++values > ruleSetLimits.values) return [{ file, path: '$', message: `超出上限：文件中的数值、文字和对象共超过 ${ruleSetLimits.values} 个` }];
    if (typeof v === 'string' && v.length > ruleSetLimits.stringChars) {
      return [{ file, path: jsonPath(path), message: `超出上限：文字长 ${v.length} 个字符，最多 ${ruleSetLimits.stringChars} 个` }];
    }
    if (v === null || typeof v !== 'object') continue;
    if (path.length >= ruleSetLimits.depth) return [{ file, path: jsonPath(path), message: `超出上限：嵌套超过 ${ruleSetLimits.depth} 层（条件最多嵌套约 12 层）` }];
    if (Array.isArray(v)) v.forEach((x, i) => stack.push({ v: x, path: [...path, i] }));
    else for (const [k, x] of Object.entries(v)) stack.push({ v: x, path: [...path, k] });
  }
  return structureIssues(json, file);
}
