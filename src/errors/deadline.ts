import { AppError } from './app-error';

/** How long one request's long work may run before it stops and keeps nothing. */
export const timeLimits = { previewMs: 120_000, scoreMs: 30 * 60_000 } as const;

/**
 * A check to call between units of work (one organization): throws `timeout` once `ms` of wall time have
 * passed, so the transaction rolls back and the server is free again. Wall time, not the injectable clock.
 */
export function deadline(ms: number, what: string): () => void {
  const end = Date.now() + ms;
  return () => {
    if (Date.now() > end) throw new AppError('timeout', `${what}超过 ${Math.round(ms / 1000)} 秒仍未完成，已停止，没有保存任何结果`);
  };
}

/** Lets timers and I/O run (other requests, /health) in the middle of long CPU work. */
export const yieldToIo = (): Promise<void> => new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
