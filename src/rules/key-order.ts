import { ruleSetJsonSchema } from './json-schema';

let keyRank: Map<string, number> | null = null;
/** Every property name of the rule-set schema, in the order the schema declares them (the files' order). */
function rankOfKeys(): Map<string, number> {
  if (keyRank) return keyRank;
  const rank = new Map<string, number>();
  const stack: unknown[] = [ruleSetJsonSchema()];
  while (stack.length > 0) {
    const v = stack.shift();
    if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === 'object') {
      const props = (v as { properties?: unknown }).properties;
      if (props && typeof props === 'object') for (const k of Object.keys(props)) if (!rank.has(k)) rank.set(k, rank.size);
      stack.push(...Object.values(v));
    }
  }
  keyRank = rank;
  return rank;
}

/** A stored body (jsonb keeps no key order) with its keys in the schema's order: id, title, version… first. */
export function orderLikeFiles(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(orderLikeFiles);
  if (!value || typeof value !== 'object') return value;
  const rank = rankOfKeys();
  const r = (k: string) => rank.get(k) ?? Number.MAX_SAFE_INTEGER;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => r(a) - r(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, orderLikeFiles(v)]));
}
