import { scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';

/**
 * Passwords: scrypt from node:crypto (Node, and Workers with nodejs_compat). N=2^15, r=8, p=1 needs 32 MiB
 * (128·N·r bytes); the parameters are stored with each hash so they can be raised later without a reset.
 */
const DEFAULT = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const MAX_MEM = 64 * 1024 * 1024;

function derive(password: string, salt: Uint8Array, p: { N: number; r: number; p: number }): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFKC'), salt, KEY_BYTES, { N: p.N, r: p.r, p: p.p, maxmem: MAX_MEM }, (err, key) =>
      err ? reject(err) : resolve(new Uint8Array(key)),
    );
  });
}

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64. */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await derive(password, salt, DEFAULT);
  return `scrypt$${DEFAULT.N}$${DEFAULT.r}$${DEFAULT.p}$${b64(salt)}$${b64(key)}`;
}

/** True when the password matches the stored hash; false for a malformed one. Constant time in the key. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0)) return false;
  const expected = unb64(parts[5]!);
  const key = await derive(password, unb64(parts[4]!), { N, r, p });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash that matches nothing, computed once: unknown logins cost the same time as known ones. */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(crypto.randomUUID());
  return decoy;
}

export const PASSWORD_RULE = '密码须为 8 至 64 位，至少包含大写字母、小写字母、数字、符号中的三类，且不能包含登录名';

/**
 * The password rules (等保 practice): 8–64 characters, three of the four classes, not containing the login.
 * Returns the reason in Chinese, or null when the password is acceptable.
 */
export function passwordProblem(password: string, login: string): string | null {
  if (password.length < 8 || password.length > 64) return PASSWORD_RULE;
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return PASSWORD_RULE;
  if (login.length >= 3 && password.toLowerCase().includes(login.toLowerCase())) return PASSWORD_RULE;
  return null;
}

/**
 * An initial password for hand-out on paper: 10 characters from an alphabet without look-alikes
 * (no 0/O, 1/l/I), always with an upper-case letter, a lower-case letter and a digit.
 */
export function initialPassword(): string {
  const sets = ['ABCDEFGHJKMNPQRSTUVWXYZ', 'abcdefghjkmnpqrstuvwxyz', '23456789'];
  const all = sets.join('');
  const bytes = crypto.getRandomValues(new Uint32Array(10));
  const chars = [...bytes].map((b, i) => (i < 3 ? sets[i]! : all)[b % (i < 3 ? sets[i]! : all).length]!);
  // Shuffle so the classes are not always at the front.
  const order = crypto.getRandomValues(new Uint32Array(chars.length));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = order[i]! % (i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
