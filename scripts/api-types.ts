import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { createApp } from '../src/app';
import { quietLogger, type Deps } from '../src/deps';
import { defaultAuthPolicy } from '../src/features/auth/auth.policy';
import { memoryCounters } from '../src/features/limits/limiter';
import { systemClock } from '../src/lib/clock';

/** Where the web application's API types live (src/ui never hand-types a request or a response). */
export const apiTypesFile = fileURLToPath(new URL('../src/ui/api/schema.d.ts', import.meta.url));

/** The OpenAPI document the app serves at /openapi.json; building it touches no database or browser. */
export async function openApiDocument(): Promise<unknown> {
  const unused = new Proxy({}, { get: () => { throw new Error('not available while generating the API types'); } });
  const deps = {
    db: unused,
    dbKind: 'pglite',
    clock: systemClock,
    logger: quietLogger,
    spreadsheet: unused,
    ruleSets: unused,
    printing: { templates: unused, pdf: unused, publicUrl: 'http://127.0.0.1:8787' },
    ballots: { publicUrl: 'http://127.0.0.1:8787', salt: '0'.repeat(16), rateLimit: { limit: 1, windowMs: 60_000 }, clientAddress: () => '' },
    auth: { policy: defaultAuthPolicy, client: () => ({ address: '', userAgent: null, https: false }) },
    counters: memoryCounters(systemClock),
  } as unknown as Deps;
  return (await createApp(deps).request('/openapi.json')).json();
}

/** The TypeScript types of every /api path, as openapi-typescript writes them. */
export async function generateApiTypes(): Promise<string> {
  const ast = await openapiTS((await openApiDocument()) as Parameters<typeof openapiTS>[0]);
  return `/* Generated from /openapi.json by \`npm run api:types\`; do not edit. test/unit/ui.test.ts fails when it is stale. */\n${astToString(ast)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(apiTypesFile, await generateApiTypes());
  console.log(`已生成 ${apiTypesFile}`);
}
