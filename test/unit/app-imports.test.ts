import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every module reachable from a file through static imports (type-only imports are erased, so skipped). */
function importGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (file: string) => {
    if (graph.has(file)) return;
    const source = readFileSync(file, 'utf8');
    const specs = [...source.matchAll(/^import\s+(?!type\s)[^'";]*?from\s+'([^']+)'/gm)].map((m) => m[1]!);
    graph.set(file, specs);
    for (const spec of specs) {
      if (!spec.startsWith('.')) continue;
      const base = resolve(dirname(file), spec);
      const target = [`${base}.ts`, `${base}/index.ts`, base].find((p) => existsSync(p) && p.endsWith('.ts'));
      if (target) visit(target);
    }
  };
  visit(resolve(entry));
  return graph;
}

describe('createApp stays free of runtime-specific imports', () => {
  it('reaches no node: module, database driver or Node-only library from src/app.ts', () => {
    // node:crypto is the one node: module allowed: Workers implement it (nodejs_compat), and passwords use its scrypt.
    const forbidden = /^(node:(?!crypto$)|fs$|path$|pg$|@electric-sql\/|kysely-pglite-dialect|exceljs|csv-parse|@hono\/node-server|commander|cli-progress)/;
    const offenders: string[] = [];
    const graph = importGraph('src/app.ts');
    expect(graph.size).toBeGreaterThan(40); // the walk really follows the imports
    for (const [file, specs] of graph) {
      for (const spec of specs) if (forbidden.test(spec)) offenders.push(`${file.replace(process.cwd(), '')} → ${spec}`);
    }
    expect(offenders).toEqual([]);
  });

  it('keeps route handlers away from the database', () => {
    const offenders: string[] = [];
    for (const [file, specs] of importGraph('src/app.ts')) {
      if (!file.endsWith('.routes.ts')) continue;
      for (const spec of specs) if (/^kysely$|\/db\/|\.repository$/.test(spec)) offenders.push(`${file.replace(process.cwd(), '')} → ${spec}`);
    }
    expect(offenders).toEqual([]);
  });
});

/** Query builders and raw SQL: the Kysely code that belongs in `*.repository.ts` only. */
const kyselyQuery = /\.(selectFrom|selectNoFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto)\(|\bsql\s*(<[^`]*?>)?\s*`|\bsql\.\w+\(/g;

describe('feature services leave queries to repositories', () => {
  it('finds no Kysely query in a file under src/features that is not a *.repository.ts', () => {
    const files = readdirSync('src/features', { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join('src/features', f));
    const repositories = files.filter((f) => f.endsWith('.repository.ts'));
    expect(files.length).toBeGreaterThan(60); // the walk really descends into the feature folders
    expect(repositories.filter((f) => readFileSync(f, 'utf8').match(kyselyQuery)).length).toBeGreaterThan(10); // the pattern really matches queries
    const offenders: string[] = [];
    for (const file of files) {
      if (file.endsWith('.repository.ts')) continue;
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(kyselyQuery)) {
        const line = source.slice(0, m.index).split('\n').length;
        offenders.push(`${file}:${line} ${m[0].split('\n')[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
