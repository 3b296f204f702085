/**
 * The Cloudflare Workers entry (wrangler.toml): the same createApp(deps) as Node, in front of PostgreSQL. What Node reads
 * from disk at start comes from the build (scripts/build-worker.mjs: precompiled templates, the rule files, the print
 * fonts' CSS); the web application is the Worker's static assets, which Cloudflare serves itself, so only the API and
 * the public pages reach this code (`run_worker_first`). PostgreSQL is reached through Hyperdrive (binding HYPERDRIVE)
 * or, without it, DATABASE_URL (a secret; what the local test uses); PDFs through Browser Rendering (binding BROWSER).
 * Jobs (books) are recorded in PostgreSQL and worked by a Node process (`xingping worker` or a server), which takes up
 * every queued job within a minute.
 */
import type { Context } from 'hono';
import { exceljsSpreadsheet } from '../adapters/spreadsheet-exceljs';
import { browserRenderingPdf, type BrowserBinding } from '../adapters/pdf-browser-rendering';
import { createApp } from '../app';
import { consoleLogger, type Deps } from '../deps';
import { precompiledTemplates } from '../documents/templates';
import { parseEnv, type Env } from '../env';
import { defaultAuthPolicy } from '../features/auth/auth.policy';
import { defaultJobPorts } from '../features/jobs/job-port';
import { databaseCounters } from '../features/limits/limiter';
import { defaultLoad } from '../features/limits/request-limits';
import { systemClock } from '../lib/clock';
import { catalogFileName, parseCatalog, seedCatalog } from '../rules/catalog';
import { compileRuleSet, RuleSetError } from '../rules/compile';
import type { RuleSets } from '../rules/registry';
import { loadInForce } from '../features/rulesets/rules-in-force';
import { catalog, fontCss, ruleFiles, templates } from 'xingping:worker-assets';
import { requestScopedDatabase } from '../db/request-scoped';

/** What wrangler.toml binds: Hyperdrive or a database URL, Browser Rendering, the static assets, and the XINGPING_* vars. */
export type WorkerEnv = {
  HYPERDRIVE?: { connectionString: string };
  DATABASE_URL?: string;
  BROWSER?: BrowserBinding;
  ASSETS?: { fetch(request: Request): Promise<Response> };
} & Record<string, unknown>;

type WorkerContext = { waitUntil(promise: Promise<unknown>): void };

/**
 * The rule sets in force, as the Node server holds them: read from the database (the truth; DECISIONS.md), the
 * files the build bundled reused where their hash matches instead of compiled again. The Node side syncs rules/ into
 * the database (`migrate`, a server's start); a Worker only reads.
 */
async function ruleSetsInForce(db: Deps['db']): Promise<RuleSets> {
  const parsed = catalog === null ? null : parseCatalog(catalog, catalogFileName);
  if (parsed && !parsed.ok) throw new Error(`rules/${catalogFileName}：${parsed.message}`);
  const opts = { catalog: parsed ? parsed.catalog : seedCatalog };
  const files = [];
  for (const { file, text } of ruleFiles) files.push(await compileRuleSet(text, file, opts));
  return loadInForce(db, { files });
}

/** The Worker's settings: its string vars through the same schema as Node's environment. */
function settingsOf(env: WorkerEnv): Env {
  return parseEnv(Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string')));
}

/**
 * The composition root of the Worker: the same ports as Node's where Workers can run them, Cloudflare's where not.
 * Made by the isolate's first request, inside that request's database scope (the rule sets are read from the database).
 */
async function workerApp(env: WorkerEnv, settings: Env, database: ReturnType<typeof requestScopedDatabase>) {
  const requestMs = settings.XINGPING_REQUEST_SECONDS * 1000;
  const publicUrl = settings.XINGPING_PUBLIC_URL ?? 'http://127.0.0.1:8787';
  const clientAddress = (c: Context) => c.req.header('cf-connecting-ip') ?? 'unknown';
  const deps: Deps = {
    db: database.db,
    dbKind: 'postgres',
    clock: systemClock,
    logger: consoleLogger,
    spreadsheet: exceljsSpreadsheet,
    ruleSets: await ruleSetsInForce(database.db),
    printing: {
      templates: precompiledTemplates(templates),
      publicUrl,
      pdf: browserRenderingPdf(env.BROWSER, { css: templates.css, fontCss, fontsUrl: `${publicUrl}/print-fonts` }),
    },
    ballots: {
      publicUrl,
      // Without a configured salt, one per isolate: burst flags then hold within an isolate only.
      salt: settings.XINGPING_BALLOT_SALT ?? [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join(''),
      rateLimit: { limit: settings.XINGPING_BALLOT_RATE, windowMs: 60_000 },
      clientAddress,
    },
    auth: {
      policy: { ...defaultAuthPolicy, sessionIdleMs: settings.XINGPING_SESSION_IDLE_MINUTES * 60_000, sessionMaxMs: settings.XINGPING_SESSION_MAX_HOURS * 3_600_000 },
      client: (c) => ({ address: clientAddress(c), userAgent: c.req.header('user-agent') ?? null, https: new URL(c.req.url).protocol === 'https:' }),
    },
    counters: databaseCounters(database.db, systemClock),
    jobs: { ...defaultJobPorts, bookLimit: settings.XINGPING_BOOK_LIMIT },
    load: { ...defaultLoad, maxActive: settings.XINGPING_MAX_ACTIVE, maxQueued: settings.XINGPING_MAX_QUEUED, requestMs },
  };
  return createApp(deps);
}

/** The isolate's database and application, made once (the application by the first request that gets that far). */
let isolate: { database: ReturnType<typeof requestScopedDatabase>; app: Promise<ReturnType<typeof createApp>> | null } | null = null;

/** Why the Worker cannot serve, in Chinese, as every API error is (503: the configuration or the database may come back). */
function unavailable(e: unknown): Response {
  const message = e instanceof RuleSetError ? `考核细则有误：${e.issues.map((i) => `${i.file} ${i.path}：${i.message}`).join('；')}` : (e as Error).message;
  return Response.json({ error: { code: 'unavailable', message } }, { status: 503 });
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: WorkerContext): Promise<Response> {
    let settings: Env;
    try {
      settings = settingsOf(env);
      const url = env.HYPERDRIVE?.connectionString ?? settings.DATABASE_URL;
      if (!url) throw new Error('Worker 未配置数据库：请绑定 Hyperdrive（HYPERDRIVE）或设置 DATABASE_URL');
      isolate ??= { database: requestScopedDatabase(() => url, settings.XINGPING_REQUEST_SECONDS * 1000), app: null };
    } catch (e) {
      return unavailable(e);
    }
    const { database } = isolate;
    return database.inRequest(async () => {
      isolate!.app ??= workerApp(env, settings, database).catch((e: unknown) => {
        isolate!.app = null; // the next request tries again (a fixed configuration, a database back)
        throw e;
      });
      let app: ReturnType<typeof createApp>;
      try {
        app = await isolate!.app;
      } catch (e) {
        return unavailable(e);
      }
      return app.fetch(request, env);
    }, (ending) => ctx.waitUntil(ending));
  },
};
