import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layering rules of eslint.config.js (run by `npm run lint`, part of `npm test`), each shown to fire on a file
 * that breaks it and to stay quiet where the layer allows it, so a config typo cannot switch one off silently.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

const query = "export const q = (db: Kysely<Database>) => db.selectFrom('cycles').selectAll().execute();\n";
const raw = "export const r = (db: Kysely<Database>) => sql`select 1`.execute(db);\n";
const types = "import type { Kysely } from 'kysely';\nimport type { Database } from '../../db/database';\n";

describe('eslint.config.js', () => {
  it('keeps queries in repositories, everywhere in src/', async () => {
    for (const file of ['src/features/cycles/manage-cycles.ts', 'src/demo/seed-demo.ts', 'src/entry/node.ts', 'src/web/verify.page.ts']) {
      expect(await problems(file, types + query), file).toEqual([expect.stringContaining('no-restricted-syntax: a Kysely query outside a *.repository.ts')]);
    }
    expect(await problems('src/features/cycles/manage-cycles.ts', "import { sql } from 'kysely';\n" + types.split('\n')[1] + '\n' + raw)).toEqual([
      expect.stringContaining("no-restricted-imports: 'kysely' import is restricted"),
      expect.stringContaining('no-restricted-syntax'),
    ]);
    expect(await problems('src/demo/seed-demo.ts', "import { bulkInsert } from '../db/bulk';\nexport const b = bulkInsert;\n")).toEqual([
      expect.stringContaining('bulk inserts are queries'),
    ]);
    expect(await problems('src/features/cycles/cycles.repository.ts', "import { sql, type Kysely } from 'kysely';\nimport type { Database } from '../../db/database';\n" + query + raw)).toEqual([]);
    expect(await problems('src/demo/demo.repository.ts', "import { bulkInsert } from '../db/bulk';\nexport const b = bulkInsert;\n")).toEqual([]);
    expect(await problems('src/db/bulk.ts', "import { sql } from 'kysely';\n" + raw)).toEqual([]);
  });

  it('reads the environment in src/env.ts only', async () => {
    const read = 'export const user = process.env.USER;\n';
    expect(await problems('src/features/context.ts', read)).toEqual([expect.stringContaining('no-restricted-properties')]);
    expect(await problems('src/adapters/pdf-puppeteer.ts', 'const { env } = process;\nexport const c = env.XINGPING_CHROMIUM;\n')).toEqual([
      expect.stringContaining('no-restricted-properties'),
    ]);
    expect(await problems('src/env.ts', read)).toEqual([]);
  });

  it('keeps routes away from Kysely, the database layer and repositories', async () => {
    const file = 'src/features/cycles/cycles.routes.ts';
    expect(await problems(file, "import type { Kysely } from 'kysely';\nexport type K = Kysely<never>;\n")).toEqual([expect.stringContaining('routes never touch Kysely')]);
    expect(await problems(file, "import { withTransaction } from '../../db/transaction';\nexport const w = withTransaction;\n")).toEqual([
      expect.stringContaining('routes never touch the database layer'),
    ]);
    expect(await problems(file, "import { findCycle } from './cycles.repository';\nexport const f = findCycle;\n")).toEqual([
      expect.stringContaining('routes never call repositories'),
    ]);
    expect(await problems(file, "import { listCycles } from './manage-cycles';\nexport const l = listCycles;\n")).toEqual([]);
  });

  it('keeps the app free of Node-only modules (node:crypto aside) and of the layers above it', async () => {
    const file = 'src/features/imports/import-orgs.ts';
    for (const spec of ['node:fs', 'fs', 'node:path', 'pg', 'exceljs', '@hono/node-server', '../../entry/node-deps', '../../db/client']) {
      expect(await problems(file, `import * as m from '${spec}';\nexport const x = m;\n`), spec).toEqual([expect.stringContaining('no-restricted-imports')]);
    }
    expect(await problems(file, "import { randomBytes } from 'node:crypto';\nimport type { Pool } from 'pg';\nexport const x = randomBytes;\nexport type P = Pool;\n")).toEqual([]);
    expect(await problems('src/entry/cli.ts', "import * as fs from 'node:fs';\nimport { openDatabase } from '../db/client';\nexport const x = [fs, openDatabase];\n")).toEqual([]);
  });

  it('keeps the pure core (scoring, rules, documents, catalog) free of the database and the features', async () => {
    expect(await problems('src/scoring/evaluate.ts', "import type { Ctx } from '../features/context';\nexport type C = Ctx;\n")).toEqual([
      expect.stringContaining('the pure core does not depend on the layers above it'),
    ]);
    expect(await problems('src/rules/compile.ts', "import type { Kysely } from 'kysely';\nexport type K = Kysely<never>;\n")).toEqual([
      expect.stringContaining('the pure core has no database'),
    ]);
    expect(await problems('src/domain/catalog.ts', "import type { Role } from '../db/database';\nexport type R = Role;\n")).toEqual([]);
  });

  it('keeps the web application to its own files and the UI packages', async () => {
    expect(await problems('src/ui/pages/x/X.ts', "import { html } from 'hono/html';\nexport const h = html;\n")).toEqual([expect.stringContaining('is not a UI package')]);
    expect(await problems('src/ui/pages/x/X.ts', "import type { Role } from '../../../db/database';\nexport type R = Role;\n")).toEqual([
      expect.stringContaining('is outside src/ui'),
    ]);
    expect(await problems('src/ui/pages/x/X.vue', "<script setup lang=\"ts\">\nimport { cycleStateLabel } from '../../../domain/catalog';\nconst l = cycleStateLabel;\n</script>\n<template><div>{{ l }}</div></template>\n")).toEqual([
      expect.stringContaining('is outside src/ui'),
    ]);
    expect(await problems('src/ui/pages/x/X.vue', "<script setup lang=\"ts\">\nimport { ref } from 'vue';\nimport { api } from '../../api/client';\nconst l = ref(api);\n</script>\n<template><div>{{ l }}</div></template>\n")).toEqual([]);
  });
});
