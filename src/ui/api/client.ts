import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

/** The API's schemas, as generated from /openapi.json (npm run api:types). */
export type Schemas = components['schemas'];
export type Me = Schemas['Me'];

let csrfToken: string | null = null;

/** The session's CSRF token, echoed on every write (the server refuses a cookie write without it). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method) && csrfToken) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
};

/** The one client of the JSON API: typed by the generated schema, same origin, the session cookie included. */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrf);

type ErrorBody = { error?: { code?: string; message?: string; requestId?: string | null; details?: unknown } };

/** An answer that was not a success: the server's Chinese message, its code, and a message per named field. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string>,
    readonly details: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function fieldMessages(details: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const d = details as { issues?: { field: string; message: string }[]; field?: string } | undefined;
  for (const i of d?.issues ?? []) out[i.field] ??= i.message;
  return out;
}

export function toApiError(response: Response, body: unknown): ApiError {
  const e = (body as ErrorBody | undefined)?.error;
  if (!e?.message) return new ApiError(response.status, 'network', response.status >= 500 ? '服务器暂时无法处理请求，请稍后再试' : `请求失败（${response.status}）`, {}, null);
  const fields = fieldMessages(e.details);
  const field = (e.details as { field?: string } | undefined)?.field;
  if (field && !fields[field]) fields[field] = e.message;
  return new ApiError(response.status, e.code ?? 'unknown', e.message, fields, e.details);
}

type Hooks = { sessionLost?: () => Promise<boolean>; passwordChangeRequired?: () => void };
const hooks: Hooks = {};

/** The shell registers what happens when a session ends mid-work (sign in again in a dialog) or a password must change. */
export function setApiHooks(h: Hooks): void {
  Object.assign(hooks, h);
}

type Result<T> = { data?: T; error?: unknown; response: Response };

/**
 * Runs one API call and returns its data, or throws an ApiError. A call refused because the session ended is
 * retried once after the user signs in again in a dialog, so nothing typed on the page is lost.
 */
export async function call<T>(request: () => Promise<Result<T>>, opts: { signInAgain?: boolean } = {}): Promise<T> {
  let r: Result<T>;
  try {
    r = await request();
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试', {}, null);
  }
  // Signing in itself answers 401 for a wrong password: that is an answer, not a lost session.
  if (r.response.status === 401 && opts.signInAgain !== false && hooks.sessionLost && (await hooks.sessionLost())) r = await request();
  if (!r.response.ok) {
    const err = toApiError(r.response, r.error);
    if (err.code === 'password_change_required') hooks.passwordChangeRequired?.();
    throw err;
  }
  return r.data as T;
}

/** Saves a file answer (PDF, Excel) under the server's Chinese file name. */
export async function download(request: () => Promise<Result<Blob>>): Promise<void> {
  const r = await request();
  if (!r.response.ok) throw toApiError(r.response, r.error);
  const disposition = r.response.headers.get('content-disposition') ?? '';
  const name = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const a = document.createElement('a');
  a.href = URL.createObjectURL(r.data!);
  a.download = name ? decodeURIComponent(name) : 'download';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 30_000);
}
