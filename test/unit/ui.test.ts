import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiTypesFile, generateApiTypes } from '../../scripts/api-types';

/** Every source file of the web application (its build config aside, which runs in Node, not in the page). */
const uiFiles = readdirSync('src/ui', { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(ts|vue)$/.test(f) && f !== 'vite.config.ts' && !f.endsWith('.d.ts'))
  .map((f) => join('src/ui', f));

/** Packages the page may import: the UI stack and the typed fetch client, nothing of the server. */
const allowedPackages = /^(vue|vue-router|element-plus|@element-plus\/icons-vue|openapi-fetch|echarts|codemirror|@codemirror\/[a-z-]+|codemirror-json-schema)(\/|$)/;

describe('the web application', () => {
  it('uses API types generated from the current /openapi.json (run npm run api:types after changing a route)', async () => {
    expect(readFileSync(apiTypesFile, 'utf8')).toBe(await generateApiTypes());
  });

  it('has the same colours as the public pages (/b, /r, /verify)', () => {
    const vars = (text: string) => Object.fromEntries([...text.matchAll(/--(xp-[a-z-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]!.toLowerCase()]));
    const app = vars(readFileSync('src/ui/styles/theme.css', 'utf8'));
    const pub = vars(readFileSync('src/web/public-shell.ts', 'utf8'));
    expect(Object.keys(app).length).toBeGreaterThan(5);
    expect(app).toEqual(pub);
  });

  it('imports nothing of the server: only its own files, the generated client types and the UI packages', () => {
    expect(uiFiles.length).toBeGreaterThan(15); // the walk really found the app
    const offenders: string[] = [];
    let relativeImports = 0;
    for (const file of uiFiles) {
      const source = readFileSync(file, 'utf8');
      // Static imports (also type-only and side-effect ones), re-exports, dynamic imports and glob imports.
      const specs = [...source.matchAll(/(?:^|\s)(?:import|export)\s+(?:type\s+)?(?:[^'";]*?from\s+)?['"]([^'"]+)['"]|import(?:\.meta\.glob)?\(\s*['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? m[2]!);
      for (const spec of specs) {
        if (spec.startsWith('.')) {
          relativeImports += 1;
          const target = relative(resolve('src/ui'), resolve(dirname(file), spec));
          if (target.startsWith('..')) offenders.push(`${file} → ${spec}`);
        } else if (!allowedPackages.test(spec)) offenders.push(`${file} → ${spec}`);
      }
    }
    expect(relativeImports).toBeGreaterThan(20); // the pattern really matches imports
    expect(offenders).toEqual([]);
  });
});
