/**
 * The full fuzz run of the hardening issue (npm test runs a bounded version: test/unit/rule-limits.test.ts and
 * test/integration/bad-input.test.ts). On an in-memory PGlite, or on DATABASE_URL if set:
 *   10,000 mutated rule files through the compiler `rules validate` uses (0 crashes, every error with file and path),
 *   1,000 of them through POST /api/cycles/{year}/rules/preview (0 × 500),
 *   1,000 mutated import sheets (0 × 500, 0 partial writes),
 *   bad bodies through every JSON write route (0 × 500, unknown fields refused by name).
 * Usage: npm run fuzz [-- --seed N --rules N --previews N --sheets N]
 */
import { parseArgs } from 'node:util';
import { exceljsSpreadsheet } from '../src/adapters/spreadsheet-exceljs';
import { createApp } from '../src/app';
import { openDatabase } from '../src/db/client';
import { migrateToLatest } from '../src/db/migrate';
import { quietLogger, type Deps } from '../src/deps';
import { nodePrinting } from '../src/entry/node-deps';
import { loadRuleSets } from '../src/entry/rule-files';
import { defaultAuthPolicy } from '../src/features/auth/auth.policy';
import { memoryCounters } from '../src/features/limits/limiter';
import { systemClock } from '../src/lib/clock';
import { checkRuleText, sampleRuleTexts } from '../test/support/fuzz';
import { fuzzFixture, fuzzPreview, fuzzSheets, fuzzWriteRoutes, type FuzzReport } from '../test/support/fuzz-api';

const { values: o } = parseArgs({ options: { seed: { type: 'string', default: '20261204' }, rules: { type: 'string', default: '10000' }, previews: { type: 'string', default: '1000' }, sheets: { type: 'string', default: '1000' } } });
const seed = Number(o.seed);
let failed = false;

function print(what: string, r: FuzzReport, ms: number) {
  const statuses = Object.entries(r.byStatus).map(([s, n]) => `${s}×${n}`).join(' ');
  console.log(`${what}: ${r.tried} 次，${(ms / 1000).toFixed(1)} s；状态 ${statuses}；问题 ${r.failures.length}`);
  for (const f of r.failures.slice(0, 10)) console.log(`  ${f}`);
  failed ||= r.failures.length > 0;
}

let started = Date.now();
const texts = sampleRuleTexts(seed, Number(o.rules));
const ruleFailures: string[] = [];
for (const [i, text] of texts.entries()) {
  const problem = await checkRuleText(`fuzz-${i}.json`, text);
  if (problem) ruleFailures.push(problem);
}
print('规则文件（rules validate 的编译）', { tried: texts.length, byStatus: {}, failures: ruleFailures }, Date.now() - started);

const url = process.env.DATABASE_URL;
const handle = url ? await openDatabase({ kind: 'postgres', url, poolSize: 4 }) : await openDatabase({ kind: 'pglite' });
await migrateToLatest(handle.db);
const printing = nodePrinting({ publicUrl: 'http://127.0.0.1:8787', chromium: process.env.XINGPING_CHROMIUM });
const deps: Deps = {
  db: handle.db,
  dbKind: handle.kind,
  clock: systemClock,
  logger: quietLogger,
  spreadsheet: exceljsSpreadsheet,
  ruleSets: await loadRuleSets(),
  printing,
  ballots: { publicUrl: 'http://127.0.0.1:8787', salt: 'fuzz-salt-0123456789', rateLimit: { limit: 1_000_000, windowMs: 60_000 }, clientAddress: () => '127.0.0.1' },
  auth: { policy: defaultAuthPolicy, client: () => ({ address: '127.0.0.1', userAgent: null, https: false }) },
  counters: memoryCounters(systemClock),
};
const t = { app: createApp(deps), db: handle.db };
try {
  const fx = await fuzzFixture(t);
  started = Date.now();
  print('细则预览接口', await fuzzPreview(t, fx, texts.slice(0, Number(o.previews))), Date.now() - started);
  started = Date.now();
  print('导入表格', await fuzzSheets(t, fx, Number(o.sheets), seed), Date.now() - started);
  started = Date.now();
  const routes = await fuzzWriteRoutes(t, fx);
  print('各写接口的错误请求体', routes, Date.now() - started);
  console.log(`  未拒绝多余字段的接口：${routes.unknownAccepted.length}`);
  failed ||= routes.unknownAccepted.length > 0;
} finally {
  await printing.pdf.close();
  await handle.close();
}
process.exit(failed ? 1 : 0);
