import { sha256Hex } from '../lib/sha256';
const PREFIX = 'xp_';

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A fresh API token: 256 random bits, shown once and stored only as its hash. */
export function generateToken(): string {
  return PREFIX + toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** SHA-256 hex of a token. Tokens are random, so a fast hash is enough (no password stretching). */
export async function hashToken(token: string): Promise<string> {
  return sha256Hex(token);
}

/** The first characters of a token, kept so an admin can tell tokens apart in a list. */
export function tokenPrefix(token: string): string {
  return token.slice(0, PREFIX.length + 6);
}

/** 256 random bits as base64url, for session cookies and CSRF tokens. */
export function randomSecret(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}
