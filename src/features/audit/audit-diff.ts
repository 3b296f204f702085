import { auditFieldLabel, auditValueLabel } from './audit-labels';

/** One changed field of an audit row: its dotted path, its Chinese name where known, and both values as text. */
export type AuditChange = { field: string; label: string; before: string | null; after: string | null };

type Flat = Map<string, string | null>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A leaf value as a person reads it: 是/否, arrays of plain values joined, null as absent. */
function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) return v.length === 0 ? '（空）' : v.map((x) => text(x) ?? '—').join('、');
  return JSON.stringify(v);
}

/** Nested objects (and arrays of objects) flattened to dotted paths: { a: { b: 1 }, c: [{ d: 2 }] } → a.b, c.0.d. */
function flatten(value: unknown, prefix: string, out: Flat): Flat {
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0 && prefix) out.set(prefix, '（空）');
    for (const k of keys) flatten(value[k], prefix ? `${prefix}.${k}` : k, out);
  } else if (Array.isArray(value) && value.some((x) => isPlainObject(x) || Array.isArray(x))) {
    value.forEach((x, i) => flatten(x, `${prefix}.${i}`, out));
  } else {
    out.set(prefix || '值', text(value));
  }
  return out;
}

/** A dotted path in words: each known key named (detail.parts.0.points → 详情 · 部分 · 第 1 项 · 分值). */
function labelOf(path: string): string {
  return path
    .split('.')
    .map((k) => (/^\d+$/.test(k) ? `第 ${Number(k) + 1} 项` : (auditFieldLabel[k] ?? k)))
    .join(' · ');
}

/** A value as read: a code of a known list (a state, role, kind or category) in its Chinese name. */
function valueOf(path: string, flat: Flat, entity: string): string | null {
  const v = flat.get(path) ?? null;
  if (v === null) return null;
  const key = path.split('.').filter((k) => !/^\d+$/.test(k)).pop() ?? '';
  const names = auditValueLabel(key, entity);
  if (!names) return v;
  return v
    .split('、')
    .map((x) => names[x] ?? x)
    .join('、');
}

/**
 * The before/after of an audit row field by field, unchanged fields left out. A value only before (a revoked
 * token) or only after (a created record) shows as removed or added. Codes of the domain's lists (states of the
 * `entity`, roles, organization kinds, categories) read as their Chinese names.
 */
export function auditChanges(before: unknown, after: unknown, entity = ''): AuditChange[] {
  const b = before === null || before === undefined ? new Map() : flatten(before, '', new Map());
  const a = after === null || after === undefined ? new Map() : flatten(after, '', new Map());
  const fields = [...new Set([...b.keys(), ...a.keys()])];
  return fields
    .map((field) => ({ field, label: labelOf(field), before: valueOf(field, b, entity), after: valueOf(field, a, entity) }))
    .filter((c) => c.before !== c.after);
}
