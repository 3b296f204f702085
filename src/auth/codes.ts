import { sha256Hex } from '../lib/sha256';
/**
 * One-time codes people type or scan (ballots, review raters): Crockford base32, 20 characters = 100 random
 * bits, shown once and stored only as the SHA-256 of the normalized code. Input is forgiving: case, spaces,
 * dashes, and the look-alikes I/L → 1 and O → 0 do not matter.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 20;

/** A fresh code: 20 symbols drawn without bias from 32 (one random byte's low 5 bits each). */
export function newCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(CODE_LENGTH));
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

/** The canonical form of what someone typed, or null when it cannot be a code. */
export function normalizeCode(input: string): string | null {
  const s = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (s.length !== CODE_LENGTH) return null;
  for (const ch of s) if (!ALPHABET.includes(ch)) return null;
  return s;
}

/** SHA-256 hex of a normalized code. Codes carry 100 random bits, so a fast hash is enough. */
export async function hashCode(code: string): Promise<string> {
  return sha256Hex(code);
}

/** A code split into groups of five for printing and reading aloud: 'ABCDE-FGHJK-…'. */
export function formatCode(code: string): string {
  return code.match(/.{1,5}/g)!.join('-');
}

/** A salted SHA-256 of a client address: lets bursts from one address show without keeping the address. */
export async function clientKey(salt: string, address: string): Promise<string> {
  return hashCode(`client:${salt}:${address}`);
}
