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

  it('keeps the Worker entry to what the Workers runtime can run', () => {
    // Never in a Worker: the embedded database (WASM on disk), Node's browser, image and job libraries, Node's server
    // and files, and the modules that load them (db/client.ts imports PGlite; lazy-ports.ts puppeteer, sharp, pg-boss).
    const forbidden = /^(node:(fs|path|child_process|worker_threads|net|os)|fs$|path$|@electric-sql\/|kysely-pglite-dialect|puppeteer$|sharp$|pg-boss$|@hono\/node-server|commander|cli-progress)|\/db\/client$|lazy-ports$|template-files$|rule-files$|ui-files$/;
    const offenders: string[] = [];
    const graph = importGraph('src/entry/worker.ts');
    expect([...graph.keys()].some((f) => f.endsWith('src/app.ts'))).toBe(true); // the same app as Node's
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

/** Every source file under a folder, as a path from the project root. */
function sourceFiles(dir: string, pattern = /\.ts$/): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => pattern.test(f))
    .map((f) => join(dir, f));
}

describe('everything but repositories leaves queries to repositories', () => {
  it('finds no Kysely query in a file under src/ (features, demo, entries, web, …) that is not a *.repository.ts or in src/db', () => {
    // src/db is the database layer itself (client, migrations, bulk inserts); src/ui is the browser's and has no database.
    const files = sourceFiles('src').filter((f) => !f.startsWith(join('src', 'db')) && !f.startsWith(join('src', 'ui')));
    const repositories = files.filter((f) => f.endsWith('.repository.ts'));
    expect(files.length).toBeGreaterThan(150); // the walk really descends into every folder
    for (const f of ['src/demo/seed-demo.ts', 'src/demo/demo-results.ts', 'src/entry/node.ts', 'src/entry/cli.ts', 'src/features/context.ts', 'src/app.ts']) {
      expect(files).toContain(join(f));
    }
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

describe('configuration comes from src/env.ts', () => {
  it('finds no process.env outside src/env.ts, which parses it once for the entries', () => {
    const files = sourceFiles('src', /\.(ts|vue)$/);
    const env = /\bprocess\s*\.\s*env\b|\bprocess\s*\[\s*['"]env['"]\s*\]/g;
    expect(files.length).toBeGreaterThan(180); // server and web application
    expect(readFileSync('src/env.ts', 'utf8').match(env)).not.toBeNull(); // the pattern really matches the one read
    const offenders: string[] = [];
    for (const file of files) {
      if (file === join('src', 'env.ts')) continue;
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(env)) offenders.push(`${file}:${source.slice(0, m.index).split('\n').length}`);
    }
    expect(offenders).toEqual([]);
  });
});
