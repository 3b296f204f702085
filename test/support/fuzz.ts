import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { compileRuleSet, RuleSetError } from '../../src/rules/compile';

/**
 * Mutated inputs for the fuzz tests (a bounded number in `npm test`, the full count in scripts/fuzz.ts):
 * rule files and import sheets, each mutation drawn from a seeded fast-check stream so a failure replays.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Step = (string | number)[];

const ruleFiles = ['rules/grid.json', 'rules/community.json', 'rules/resident-unit.json'];
const bases = ruleFiles.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Json);

/** Every path into a JSON value (objects and arrays), the root included. */
function paths(v: Json, at: Step = [], out: Step[] = []): Step[] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

function getAt(v: Json, p: Step): Json {
  return p.reduce<Json>((x, k) => (x as Record<string | number, Json>)[k]!, v);
}

function setAt(v: Json, p: Step, value: Json | undefined): Json {
  if (p.length === 0) return value ?? null;
  const copy = structuredClone(v);
  const parent = getAt(copy, p.slice(0, -1)) as Record<string | number, Json> | Json[];
  const key = p.at(-1)!;
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete (parent as Record<string, Json>)[key];
  } else (parent as Record<string | number, Json>)[key] = value;
  return copy;
}

const weird: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.constantFrom<Json>('', '\u0000', 'x'.repeat(6000), -1, 0, 1e308, -1e308, 0.1, 2 ** 53 + 1, true, null, [], {}, '100%', 'totalScore', '$', '../grid', 'a + ', '(((', 'daily / 0'),
);

/** One mutation of a parsed rule file: delete, replace, nest deep, duplicate, rename a key. */
const jsonMutation = (base: Json): fc.Arbitrary<Json> => {
  const all = paths(base);
  const at = fc.integer({ min: 0, max: all.length - 1 }).map((i) => all[i]!);
  return fc.oneof(
    at.map((p) => setAt(base, p, undefined)),
    fc.tuple(at, weird).map(([p, w]) => setAt(base, p, w)),
    fc.tuple(at, fc.integer({ min: 20, max: 300 })).map(([p, depth]) => {
      let nested: Json = getAt(base, p);
      for (let i = 0; i < depth; i++) nested = i % 2 ? { not: nested } : { all: [nested] };
      return setAt(base, p, nested);
    }),
    fc.tuple(at, fc.integer({ min: 2, max: 40 })).map(([p, n]) => {
      const v = getAt(base, p);
      return setAt(base, p, Array.isArray(v) ? [...v, ...Array.from({ length: n }, () => structuredClone(v[0] ?? null))] : [v, v]);
    }),
    fc.tuple(at, fc.string({ minLength: 1, maxLength: 8 })).map(([p, name]) => {
      const parent = getAt(base, p.slice(0, -1));
      if (p.length === 0 || Array.isArray(parent) || typeof p.at(-1) === 'number') return setAt(base, p, name);
      const moved = setAt(base, p, undefined);
      return setAt(moved, [...p.slice(0, -1), name], getAt(base, p));
    }),
  );
};

/** A mutated rule file's text: a JSON mutation (one to three in a row), or a textual one (syntax errors). */
export const mutatedRuleText: fc.Arbitrary<string> = fc.integer({ min: 0, max: bases.length - 1 }).chain((b) => {
  const base = bases[b]!;
  const json = fc.integer({ min: 1, max: 3 }).chain((n) => {
    let arb: fc.Arbitrary<Json> = fc.constant(base);
    for (let i = 0; i < n; i++) arb = arb.chain(jsonMutation);
    return arb;
  });
  const text = JSON.stringify(base, null, 2);
  const textual = fc.oneof(
    fc.integer({ min: 0, max: text.length }).map((i) => text.slice(0, i)),
    fc.tuple(fc.integer({ min: 0, max: text.length }), fc.constantFrom('"', '{', '}', ',', ':', '\u0000', '\\', ']')).map(([i, c]) => text.slice(0, i) + c + text.slice(i)),
  );
  return fc.oneof({ weight: 4, arbitrary: json.map((j) => JSON.stringify(j)) }, { weight: 1, arbitrary: textual });
});

/**
 * Compiles one mutated file as `rules validate` does: it must pass, or be refused with a RuleSetError whose
 * every issue names the file and a JSON path. Anything else (a crash, an issue without a path) is the failure.
 */
export async function checkRuleText(name: string, text: string): Promise<string | null> {
  try {
    await compileRuleSet(text, name);
    return null;
  } catch (e) {
    if (!(e instanceof RuleSetError)) return `${name}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
    const bad = e.issues.filter((i) => i.file !== name || !i.path.startsWith('$') || !i.message);
    return bad.length > 0 ? `${name}: issue without file or path: ${JSON.stringify(bad[0])}` : null;
  }
}

/** Draws `count` mutated rule files from the seed. */
export function sampleRuleTexts(seed: number, count: number): string[] {
  return fc.sample(mutatedRuleText, { seed, numRuns: count });
}

const cellWeird = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', '\u0000', '=1+1', '=HYPERLINK("x")', '2025-13-40', '2025/2/30', '-5', '1e9', '99999999999999999999', 'x'.repeat(3000), '"', '""', '\n', '，', '主题党日', 'grid', 'community', '9999-12-31', '0'),
);

/** A valid sheet's lines mutated: cells replaced, columns dropped or added, rows duplicated, bytes broken. */
export function mutatedSheet(lines: readonly string[]): fc.Arbitrary<Uint8Array> {
  const rows = lines.map((l) => l.split(','));
  const enc = (rs: string[][]) => new TextEncoder().encode(rs.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n'));
  const cell = fc.tuple(fc.integer({ min: 0, max: rows.length - 1 }), fc.integer({ min: 0, max: rows[0]!.length - 1 }));
  return fc.oneof(
    fc.array(fc.tuple(cell, cellWeird), { minLength: 1, maxLength: 4 }).map((edits) => {
      const rs = rows.map((r) => [...r]);
      for (const [[r, c], v] of edits) rs[r]![c] = v;
      return enc(rs);
    }),
    fc.integer({ min: 0, max: rows[0]!.length - 1 }).map((c) => enc(rows.map((r) => r.filter((_, i) => i !== c)))),
    fc.string({ maxLength: 6 }).map((h) => enc(rows.map((r, i) => [...r, i === 0 ? h : 'x']))),
    fc.integer({ min: 2, max: 30 }).map((n) => enc([rows[0]!, ...Array.from({ length: n }, () => rows[1]!)])),
    fc.uint8Array({ minLength: 0, maxLength: 400 }),
    fc.integer({ min: 0, max: 200 }).map((cut) => enc(rows).slice(0, cut)),
  );
}
