import type { Context, MiddlewareHandler } from 'hono';
import { findBadText, parseJsonText, textProblem } from '../lib/text-input';
import { AppError } from './app-error';

/** How a refused request is answered: the API throws its error envelope, a public page renders HTML. */
export type Refuse = (c: Context, error: AppError) => Response | Promise<Response>;
const throwIt: Refuse = (_c, error) => {
  throw error;
};

function refusal(field: string, problem: string): AppError {
  return new AppError('validation_failed', `${field}：${problem}`, { issues: [{ field, message: problem }] });
}

/** The path and the query string: each parameter checked as text (a NUL in `?q=` never reaches SQL). */
function checkUrl(c: Context): AppError | null {
  let path: string;
  try {
    path = decodeURIComponent(new URL(c.req.url).pathname);
  } catch {
    return refusal('(地址)', '地址中含有无效的百分号编码');
  }
  const inPath = textProblem(path);
  if (inPath) return refusal('(地址)', inPath);
  let query: [string, string][];
  try {
    query = [...new URL(c.req.url).searchParams];
  } catch {
    return refusal('(查询参数)', '查询参数中含有无效的百分号编码');
  }
  for (const [k, v] of query) {
    const problem = textProblem(k) ?? textProblem(v);
    if (problem) return refusal(k || '(查询参数)', problem);
  }
  return null;
}

/** A JSON body: parsed once here (the validators read the cached text), broken JSON named by line and column. */
async function checkJson(c: Context): Promise<AppError | null> {
  const text = await c.req.text();
  if (text.trim() === '') return null;
  const parsed = parseJsonText(text);
  if (!parsed.ok) return new AppError('validation_failed', `请求体不是有效的 JSON：${parsed.message}`, { line: parsed.line, column: parsed.column });
  const bad = findBadText(parsed.value);
  return bad ? refusal(bad.path, bad.problem) : null;
}

/** A form (urlencoded or multipart): a broken one is refused, and each text field checked. */
async function checkForm(c: Context): Promise<AppError | null> {
  let form: Record<string, unknown>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch {
    return new AppError('validation_failed', '请求体不是有效的表单数据，请重新提交');
  }
  for (const [k, v] of Object.entries(form)) {
    for (const item of Array.isArray(v) ? v : [v]) {
      const problem = textProblem(k) ?? (typeof item === 'string' ? textProblem(item) : item instanceof File ? textProblem(item.name) : null);
      if (problem) return refusal(k, problem);
    }
  }
  return null;
}

/**
 * Refuses, before any route runs, input no route could store: invalid text in the address, the query, a JSON
 * body or a form, broken JSON (with line and column) and broken forms. Mount after the body limits, so a body
 * is read only once it is known to be small enough.
 */
export function inputGuard(refuse: Refuse = throwIt): MiddlewareHandler {
  return async (c, next) => {
    let problem = checkUrl(c);
    if (!problem && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(c.req.method)) {
      const type = (c.req.header('content-type') ?? '').toLowerCase();
      if (type.includes('json')) problem = await checkJson(c);
      else if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) problem = await checkForm(c);
    }
    if (problem) return refuse(c, problem);
    await next();
  };
}
