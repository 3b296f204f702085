const DECIMAL_2 = /^\d{1,4}(\.\d{1,2})?$/;

/**
 * Normalizes a non-negative quantity below 10,000 with at most two decimals (hours) to the exact string stored in a
 * `numeric` column ('2.5' → '2.50'); null when the input is not such a number. Never goes through a
 * float computation, so '0.1' stays '0.10'.
 */
export function toDecimal2(value: number | string): string | null {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim();
  if (!DECIMAL_2.test(text)) return null;
  const [whole, frac = ''] = text.split('.');
  return `${Number(whole)}.${frac.padEnd(2, '0')}`;
}
