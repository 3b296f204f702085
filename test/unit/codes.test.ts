import { describe, expect, it } from 'vitest';
import { CODE_LENGTH, formatCode, hashCode, newCode, normalizeCode } from '../../src/auth/codes';

describe('one-time codes', () => {
  it('are 20 Crockford base32 symbols (100 bits) and do not repeat', () => {
    const codes = Array.from({ length: 2000 }, newCode);
    for (const c of codes) expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(CODE_LENGTH * Math.log2(32)).toBeGreaterThanOrEqual(96);
    // Every symbol turns up: the draw covers the whole alphabet, not a part of it.
    expect(new Set(codes.join('')).size).toBe(32);
  });

  it('normalize what people type: case, spaces, dashes and the look-alikes I, L, O', () => {
    const code = newCode();
    expect(normalizeCode(formatCode(code).toLowerCase())).toBe(code);
    expect(normalizeCode(` ${formatCode(code)} `)).toBe(code);
    expect(normalizeCode('OIL00-11111-22222-33333')).toBe('01100111112222233333');
    expect(normalizeCode('ABCDE')).toBeNull();
    expect(normalizeCode('UUUUU-UUUUU-UUUUU-UUUUU')).toBeNull(); // U is not in the alphabet
  });

  it('hash to SHA-256 hex, the same for the same code only', async () => {
    const a = newCode();
    expect(await hashCode(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashCode(a)).toBe(await hashCode(normalizeCode(formatCode(a))!));
    expect(await hashCode(a)).not.toBe(await hashCode(newCode()));
    expect(await hashCode('00000000000000000000')).toBe('a7d351f3de399c746064a53c69959ab10312a003ec63985bcd86fb6dc1c402d5');
  });
});
