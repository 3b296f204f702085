// The layering rules of ARCHITECTURE.md, checked by `npm run lint` (part of `npm test`). Only layering: types are
// tsc's job, and test/unit/app-imports.test.ts and ui.test.ts check the same boundaries through the import graph.
import { builtinModules } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import vueParser from 'vue-eslint-parser';

const root = import.meta.dirname;

/** Restrictions for `no-restricted-imports`, merged per kind of file (a later config object replaces a rule's options). */
const restrict = (...sets) => ['error', { paths: sets.flatMap((s) => s.paths ?? []), patterns: sets.flatMap((s) => s.patterns ?? []) }];

/** Queries are written in `*.repository.ts` only (types of Kysely are fine anywhere on the server). */
const queriesInRepositories = {
  paths: [{ name: 'kysely', allowTypeImports: true, message: 'Kysely queries belong in a *.repository.ts; import only its types here.' }],
  patterns: [{ regex: '(^|/)db/bulk$', allowTypeImports: true, message: 'bulk inserts are queries: call them from a *.repository.ts.' }],
};

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const builtins = builtinModules.filter((m) => !m.startsWith('_')).map(escape).join('|');

/** What `createApp` may not reach: it must run on Workers too (node:crypto is there; passwords use its scrypt). */
const runtimeNeutral = {
  patterns: [
    {
      regex: `^(node:(?!crypto$)|(${builtins})(/|$))`,
      allowTypeImports: true,
      message: 'Node built-ins stay in src/entry and src/adapters (only node:crypto is allowed here); pass what you need through Deps.',
    },
    {
      regex: '^(pg|@electric-sql/|kysely-pglite-dialect|exceljs|csv-parse|@hono/node-server|commander|cli-progress|puppeteer)(/|$)',
      allowTypeImports: true,
      message: 'a Node-only library: put it behind a port in Deps, implemented in src/adapters or src/entry.',
    },
    { regex: '(^|/)db/(client|migrate)$', allowTypeImports: true, message: 'only entries open and migrate databases (src/entry).' },
    { regex: '(^|/)(entry|adapters|demo)/', message: 'entries, adapters and the demo sit above the app: they import it, not the reverse.' },
  ],
};

/** Route handlers validate, call one service verb and answer: no database at all. */
const routes = {
  patterns: [
    { regex: '^kysely$', message: 'routes never touch Kysely: call a service verb.' },
    { regex: '(^|/)db/', message: 'routes never touch the database layer: call a service verb (it opens the transaction).' },
    { regex: '\\.repository$', message: 'routes never call repositories: call a service verb.' },
  ],
};

/** The pure core (rule files, scoring, grading, documents' models, the catalog): no I/O, no database, no features. */
const pureCore = {
  patterns: [
    { regex: '^(kysely|pg|@electric-sql/|kysely-pglite-dialect)(/|$)', message: 'the pure core has no database: it gets facts as values.' },
    { regex: '(^|/)(features|web|entry|adapters|demo)/', message: 'the pure core does not depend on the layers above it.' },
    { regex: '(^|/)db/', allowTypeImports: true, message: 'the pure core may name the database types, never use the database.' },
  ],
};

/** Packages the web application may import (test/unit/ui.test.ts has the same list). */
const uiPackages = /^(vue|vue-router|element-plus|@element-plus\/icons-vue|openapi-fetch|echarts|codemirror|@codemirror\/[a-z-]+|codemirror-json-schema)(\/|$)/;
const uiRoot = resolve(root, 'src/ui');

/** The web application imports only its own files and the UI packages: the server reaches it through /api only. */
const uiBoundary = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      outside: "'{{spec}}' is outside src/ui: the web application talks to the server through /api (api/client.ts) only.",
      pkg: "'{{spec}}' is not a UI package (vue, vue-router, element-plus, @element-plus/icons-vue, openapi-fetch, echarts, CodeMirror 6 and codemirror-json-schema).",
    },
  },
  create(context) {
    const check = (node) => {
      const spec = node.source?.type === 'Literal' ? node.source.value : null;
      if (typeof spec !== 'string') return;
      if (spec.startsWith('.')) {
        if (relative(uiRoot, resolve(dirname(context.filename), spec)).startsWith('..')) context.report({ node: node.source, messageId: 'outside', data: { spec } });
      } else if (!uiPackages.test(spec)) context.report({ node: node.source, messageId: 'pkg', data: { spec } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

const queryBuilders = 'selectFrom|selectNoFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto';
const queryMessage = 'a Kysely query outside a *.repository.ts: move it into the repository of its feature (or src/demo/demo.repository.ts).';
const noQueries = [
  'error',
  { selector: `CallExpression[callee.property.name=/^(${queryBuilders})$/]`, message: queryMessage },
  { selector: "TaggedTemplateExpression[tag.name='sql']", message: queryMessage },
  { selector: "CallExpression[callee.object.name='sql']", message: queryMessage },
];

const neutralFolders = ['src/app.ts', 'src/deps.ts', 'src/features/**', 'src/web/**', 'src/auth/**', 'src/lib/**', 'src/errors/**'];
const coreFolders = ['src/scoring/**', 'src/rules/**', 'src/domain/**', 'src/documents/**'];

export default [
  // Some files carry directives for rules this project does not run (generated files, a regex of control characters).
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  {
    files: ['src/**/*.ts'],
    languageOptions: { parser: tsParser, sourceType: 'module' },
  },
  {
    files: ['src/**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tsParser, sourceType: 'module' } },
  },
  {
    // Everywhere: configuration is read once, in src/env.ts; queries live in repositories.
    files: ['src/**/*.ts', 'src/**/*.vue'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'read the environment in src/env.ts (Env) and pass the value in.' }],
      'no-restricted-syntax': noQueries,
      'no-restricted-imports': restrict(queriesInRepositories),
    },
  },
  { files: neutralFolders, rules: { 'no-restricted-imports': restrict(queriesInRepositories, runtimeNeutral) } },
  { files: coreFolders, rules: { 'no-restricted-imports': restrict(queriesInRepositories, runtimeNeutral, pureCore) } },
  { files: ['src/**/*.routes.ts'], rules: { 'no-restricted-imports': restrict(queriesInRepositories, runtimeNeutral, routes) } },
  {
    // Repositories write the queries (feature repositories are still part of the app, so still runtime-neutral).
    files: ['src/**/*.repository.ts'],
    rules: { 'no-restricted-syntax': 'off', 'no-restricted-imports': 'off' },
  },
  { files: ['src/features/**/*.repository.ts'], rules: { 'no-restricted-imports': restrict(runtimeNeutral) } },
  { files: ['src/db/**'], rules: { 'no-restricted-syntax': 'off', 'no-restricted-imports': 'off' } },
  { files: ['src/env.ts'], rules: { 'no-restricted-properties': 'off' } },
  {
    files: ['src/ui/**/*.ts', 'src/ui/**/*.vue'],
    ignores: ['src/ui/vite.config.ts', 'src/ui/**/*.d.ts'],
    plugins: { xingping: { rules: { 'ui-boundary': uiBoundary } } },
    rules: { 'xingping/ui-boundary': 'error', 'no-restricted-imports': 'off' },
  },
];
