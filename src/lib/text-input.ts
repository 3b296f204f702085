/**
 * What text a caller may send: no NUL or other control characters (tab, line feed and carriage return are
 * fine) and no lone UTF-16 surrogates. PostgreSQL cannot store a NUL, and neither is ever typed by a person.
 */
// eslint-disable-next-line no-control-regex
const badText = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string may not be stored, in Chinese; null when it is fine. */
export function textProblem(s: string): string | null {
  const m = badText.exec(s);
  if (!m) return null;
  const ch = m[0].charCodeAt(0);
  if (ch === 0) return '含有空字符（\\u0000）';
  if (ch >= 0xd800 && ch <= 0xdfff) return '含有无效的 Unicode 字符';
  return `含有控制字符（\\u${ch.toString(16).padStart(4, '0')}）`;
}

/** The deepest nesting a request body may have; rule sets are far shallower. */
export const MAX_JSON_DEPTH = 64;

/**
 * The first string (key or value) in a parsed JSON value that may not be stored, with its path
 * ('attendance.2.status'), or a value nested deeper than MAX_JSON_DEPTH. Walks with an explicit stack.
 */
export function findBadText(value: unknown, maxDepth = MAX_JSON_DEPTH): { path: string; problem: string } | null {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) return { path: path || '(请求体)', problem };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= maxDepth) return { path: path || '(请求体)', problem: `嵌套超过 ${maxDepth} 层` };
    const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
    for (const [k, x] of entries) {
      const at = path ? `${path}.${k}` : k;
      const keyProblem = textProblem(k);
      if (keyProblem) return { path: at, problem: `字段名${keyProblem}` };
      stack.push({ v: x, path: at, depth: depth + 1 });
    }
  }
  return null;
}

/** Line and column (from 1) of a character offset in a text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

/**
 * JSON.parse with a Chinese message that says where the text breaks: "第 3 行第 5 列" (the engine gives
 * an offset, or says the text ended early).
 */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; message: string; line: number; column: number } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const raw = (e as Error).message;
    const at = /position (\d+)/.exec(raw);
    const offset = at ? Number(at[1]) : text.length;
    const { line, column } = lineAndColumn(text, offset);
    const what = offset < text.length ? '此处的字符不符合 JSON 语法' : '内容不完整（提前结束）';
    return { ok: false, message: `第 ${line} 行第 ${column} 列：${what}`, line, column };
  }
}
