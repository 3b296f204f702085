import Decimal from 'decimal.js';

/** Exact decimal arithmetic for scores: 40 significant digits, half-up rounding, never a float. */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

export function dec(v: Decimal.Value): Dec {
  return new Dec(v);
}

/** Rounded half-up to 0.01, the precision every stored score has. */
export function round2(v: Dec): Dec {
  return v.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** '55.00' — the stored form. */
export function fixed2(v: Dec): string {
  return round2(v).toFixed(2);
}

/** '55', '8.65', '-2.5' — the form read in explanations. */
export function show(v: Dec | number): string {
  const d = typeof v === 'number' ? new Dec(v) : v;
  return round2(d).toFixed(2).replace(/\.?0+$/, '') || '0';
}

export function clamp(v: Dec, floor: Dec | null, cap: Dec | null): Dec {
  let out = v;
  if (floor !== null && out.lt(floor)) out = floor;
  if (cap !== null && out.gt(cap)) out = cap;
  return out;
}
