import { createHash } from 'node:crypto';

/**
 * SHA-256 of a text as lowercase hex, computed at once. WebCrypto's digest is asynchronous and goes through a job
 * queue: on the request path (every bearer token and session cookie is hashed to be looked up) it cost more than
 * the hash itself, about a tenth of a scorecard request's time. `node:crypto` is there on Node and, with
 * `nodejs_compat`, on Workers.
 */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
