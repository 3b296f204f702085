import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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
    const forbidden = /^(node:|fs$|path$|pg$|@electric-sql\/|kysely-pglite-dialect|exceljs|csv-parse|@hono\/node-server|commander|cli-progress)/;
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
