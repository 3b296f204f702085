import Decimal from 'decimal.js';

/** Exact decimal arithmetic for scores: 40 significant digits, half-up rounding, never a float. */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

const memo = new Map<string | number, Dec>();

/**
 * A decimal from a number or a decimal string. Decimals are immutable, so the constants of rule files and
 * the values that recur across organizations are made once and shared (scoring a city makes millions).
 */
export function dec(v: Decimal.Value): Dec {
  if (typeof v !== 'number' && typeof v !== 'string') return new Dec(v);
  let d = memo.get(v);
  if (!d) {
    d = new Dec(v);
    if (memo.size < 50_000) memo.set(v, d);
  }
  return d;
}

/**
 * Rounded half-up to 0.01, the precision every stored score has. Computations divide as late as they can,
 * so most results are exact; where a repeating quotient was multiplied further (a formula such as
 * (a + b) / 3 × 2), the last digits of the 40 kept are noise, and snapping to 30 significant digits first
 * stops 9.4749…9 (really 9.475) from rounding down. No real score lies that close to a rounding edge.
 */
export function round2(v: Dec): Dec {
  return v.toSignificantDigits(30).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** '55.00' — the stored form. */
export function fixed2(v: Dec): string {
  // Most values already have at most two decimals: printed as they are, no rounding and no new decimal made.
  if (v.decimalPlaces() <= 2) {
    const text = v.toString(); // no new decimal made; exponent notation only far outside any score's range
    if (!text.includes('e')) {
      const dot = text.indexOf('.');
      return dot < 0 ? `${text === '-0' ? '0' : text}.00` : text.length - dot === 2 ? `${text}0` : text;
    }
  }
  return v.toSignificantDigits(30).toFixed(2, Decimal.ROUND_HALF_UP);
}

/** A value with its unit as explanations print it: '11 次', '56.25%', '3' (no unit). */
export function showIn(v: Dec | number, unit: string): string {
  return `${show(v)}${unit === '%' ? '%' : ` ${unit}`}`.trimEnd();
}

/** '55', '8.65', '-2.5' — the form read in explanations. */
export function show(v: Dec | number): string {
  // Fast paths for values that already have at most two decimals (most facts and rule constants):
  // they print as they are, with no rounding and no new decimal made.
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return v === 0 ? '0' : String(v);
    return show(dec(v));
  }
  if (v.decimalPlaces() <= 2) return v.isZero() ? '0' : v.toString();
  const r = round2(v);
  return r.isZero() ? '0' : r.toString();
}

export function clamp(v: Dec, floor: Dec | null, cap: Dec | null): Dec {
  let out = v;
  if (floor !== null && out.lt(floor)) out = floor;
  if (cap !== null && out.gt(cap)) out = cap;
  return out;
}
