import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, SharePlan } from '../../db/database';
import type { Deps } from '../../deps';
import { yieldToIo } from '../../errors/deadline';
import type { CompiledRuleSet } from '../../rules/compile';
import type { RuleSets } from '../../rules/registry';
import type { InspectionEntry } from '../../scoring/evaluate';
import { evaluateForStore } from '../../scoring/run';
import { databaseCatalog } from '../catalog/manage-kinds';
import { computeFacts } from './facts.repository';
import { compileStored } from './rule-pins';
import type { Org, RuleJob, Staged } from './score-cycle';
import { inspectionsFor } from './scores.repository';
import { deleteShare, exportSnapshot, findShare, inSnapshot, transactionDay, insertShare, openShares, partsDone, stagePart, stagedRows, tryPartLock, type StagedInsert } from './shares.repository';

/**
 * Workers sharing one scoring job (issue 18, item 3). The process that runs the job (the coordinator) keeps its one
 * repeatable-read transaction, as every scoring does; it exports that snapshot and records the parts of a full scoring
 * (`score_shares`), where the other worker processes look for work twice a second (`lookForShares`). A helper takes
 * parts from the end, computes their facts in the same snapshot, evaluates them and stages the results with the part's
 * marker, both committed at once; the coordinator takes parts from the start, evaluating its own and reading the staged
 * ones, and stores and grades the whole in its transaction, so the revision, its grades and its audit row are written
 * once, by one transaction, whoever evaluated. Whoever holds a part's advisory lock works it: a helper that dies lets
 * go, and the coordinator evaluates that part itself. When the coordinator ends (done, failed, killed) helpers can no
 * longer import its snapshot and stop; a retried job starts a new share.
 */
/**
 * This process among the workers (a helper never helps its own job). Made on first use: a Cloudflare Worker may not
 * generate random values while its modules load.
 */
let key: string | null = null;
export const processKey = (): string => (key ??= randomUUID());

/** How the coordinator reaches the others: its pool, outside its transaction (helpers look for open shares there). */
export type ShareHost = {
  outside: Kysely<Database>;
  jobId: number;
  /** Called once the share is recorded, before any part is taken (a test acts as a helper there). */
  opened?(shareId: number): Promise<void>;
  /** Told at the end how many of the parts helpers staged. */
  report?(parts: { total: number; byHelpers: number }): void;
};

/**
 * Organizations per part when a scoring is shared: smaller than alone (`PART_SIZE`), so that a city's rule sets make
 * parts enough to spread over the processes, and not much smaller (each part pays the fact queries' fixed cost again).
 */
export const SHARED_PART_SIZE = 2000;

const POLL_MS = 100;

/**
 * Offers the parts of a full scoring to other processes. `take(k)` answers the staged rows of part `k` (a helper
 * evaluated it) or null (this process evaluates it, holding its lock until the transaction ends).
 */
export async function openShare(
  tx: Kysely<Database>,
  sharing: { host: ShareHost; inForce: RuleSets },
  year: number,
  ruleJobs: RuleJob[],
  parts: { rs: number; orgs: Org[] }[],
) {
  const { host, inForce } = sharing;
  const { snapshot, today } = await exportSnapshot(tx);
  const plan: SharePlan = {
    today,
    ruleSets: ruleJobs.map(({ compiled: c }) => ({ hash: c.hash, file: c.file, body: c.source, pinned: !inForce.all.includes(c) })),
    parts: parts.map((p) => ({ ruleSet: p.rs, orgs: p.orgs.map((o) => [o.id, o.category!]) })),
  };
  const { outside } = host;
  const id = await insertShare(outside, { jobId: host.jobId, snapshot, owner: processKey(), year, plan });
  await host.opened?.(id);
  let byHelpers = 0;
  const staged = async (k: number): Promise<Staged[] | null> => {
    if (!(await partsDone(outside, id)).has(k)) return null;
    byHelpers += 1;
    return stagedRows(outside, id, k);
  };
  return {
    id,
    async take(k: number, onTx: <T>(fn: () => Promise<T>) => Promise<T>, check: () => void): Promise<Staged[] | null> {
      for (;;) {
        check();
        const done = await staged(k);
        if (done) return done;
        // Free: this process works it (unless a helper finished it just before letting go).
        if (await onTx(() => tryPartLock(tx, id, k))) return staged(k);
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    },
    async close() {
      // Never fails the scoring: a share left behind is removed by the first helper that finds its snapshot gone.
      await deleteShare(outside, id).catch(() => {});
      host.report?.({ total: parts.length, byHelpers });
    },
  };
}

type HelpDeps = Pick<Deps, 'db' | 'ruleSets' | 'logger'>;

/**
 * A worker process's watch for other processes' shared scorings (PostgreSQL): every `everyMs`, it helps with the open
 * ones, one at a time. The returned function stops the watch and waits for the help under way.
 */
export function lookForShares(deps: HelpDeps, everyMs = 500): () => Promise<void> {
  let busy: Promise<void> | null = null;
  let stopped = false;
  // Shares this process has helped with as far as it could: a part is left only to the coordinator from then on.
  const finished = new Set<number>();
  const tick = () => {
    busy ??= (async () => {
      const open = await openShares(deps.db, processKey());
      for (const id of finished) if (!open.includes(id)) finished.delete(id);
      for (const id of open) {
        if (stopped || finished.has(id)) continue;
        const parts = await helpShare(deps, id, processKey(), () => stopped);
        finished.add(id);
        if (parts > 0) deps.logger.info('score share: parts staged', { shareId: id, parts });
      }
    })()
      .catch((e) => deps.logger.error('score share: looking for work failed', { error: e instanceof Error ? e.message : String(e) }))
      .finally(() => (busy = null));
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await busy;
  };
}

/** The rule sets of a share as this process compiles them, or null when it cannot reproduce one exactly. */
async function compiledOf(deps: HelpDeps, plan: SharePlan): Promise<CompiledRuleSet[] | null> {
  const catalog = await databaseCatalog({ db: deps.db });
  const out: CompiledRuleSet[] = [];
  for (const r of plan.ruleSets) {
    // As the coordinator compiled it: a version it compiled from its stored body likewise, a file in force from the file.
    const c = r.pinned ? await compileStored(r.hash, r.body, r.file, catalog) : (deps.ruleSets.all.find((x) => x.hash === r.hash) ?? null);
    if (!c) return null;
    out.push(c);
  }
  return out;
}

/** How long a helper's statement or pause may last: a part takes seconds, and a stalled helper's part goes back soon. */
const HELP_LIMIT_MS = 120_000;

/**
 * Helps with a shared scoring: parts from the last one back, each in its own transaction in the coordinator's snapshot,
 * until none is left free, the share is gone or `stopping()` (`me` names this process). Answers how many parts it
 * staged. A failure only ends the help: the coordinator evaluates whatever was not staged.
 */
export async function helpShare(deps: HelpDeps, shareId: number, me: string = processKey(), stopping: () => boolean = () => false): Promise<number> {
  const share = await findShare(deps.db, shareId);
  if (!share || share.owner === me) return 0;
  const compiled = await compiledOf(deps, share.plan);
  if (!compiled) return 0;
  let staged = 0;
  try {
    while (!stopping()) {
      const done = await partsDone(deps.db, shareId);
      const free = share.plan.parts.map((_, k) => k).filter((k) => !done.has(k)).reverse();
      // Nothing left, or the coordinator has finished (it removes the share before it commits).
      if (free.length === 0 || !(await findShare(deps.db, shareId))) break;
      const worked = await inSnapshot(deps.db, share.snapshot, HELP_LIMIT_MS, async (trx) => {
        // Facts that count up to today (overdue projects) would count otherwise past midnight: the coordinator's day only.
        if ((await transactionDay(trx)) !== share.plan.today) return false;
        for (const k of free) {
          if (!(await tryPartLock(trx, shareId, k)) || (await partsDone(deps.db, shareId)).has(k)) continue;
          const part = share.plan.parts[k]!;
          await stagePart(trx, shareId, k, me, await evaluatePart(trx, share.cycle_year, compiled[part.ruleSet]!, part.orgs));
          return true;
        }
        return false;
      });
      if (!worked) break;
      staged += 1;
    }
  } catch (e) {
    // The coordinator's transaction ended (killed, or done while this part ran): its snapshot can no longer be imported.
    // A share left behind by a killed one goes (its job is retried with a new one), so no process looks at it again.
    if (gone(e)) await deleteShare(deps.db, shareId).catch(() => {});
    // Any other failure only ends the help: the coordinator evaluates whatever was not staged.
    else deps.logger.error('score share: helper stopped', { shareId, error: e instanceof Error ? e.message : String(e) });
  }
  return staged;
}

/** PostgreSQL's answer to importing the snapshot of a transaction that has ended (whatever the server's language). */
const gone = (e: unknown) => (e as { code?: string }).code === '22023' && (e as { routine?: string }).routine === 'ImportSnapshot';

/** A part's facts in the snapshot, through the engine and the core, in the form the coordinator stores and grades. */
async function evaluatePart(trx: Kysely<Database>, year: number, compiled: CompiledRuleSet, orgs: [number, string][]): Promise<StagedInsert[]> {
  const ids = orgs.map(([id]) => id);
  const facts = await computeFacts(trx, year, ids, compiled.ruleSet.facts);
  const inspections = inspectionsByOrg(await inspectionsFor(trx, year, ids));
  const out: StagedInsert[] = [];
  for (const [n, id] of ids.entries()) {
    out.push({ orgId: id, ...(await evaluateForStore(compiled, facts.get(id)!, inspections.get(id) ?? [])) });
    if (n % 64 === 63) await yieldToIo();
  }
  return out;
}

/** Inspection entries by organization, in the order read. */
export function inspectionsByOrg(rows: Awaited<ReturnType<typeof inspectionsFor>>): Map<number, InspectionEntry[]> {
  const out = new Map<number, InspectionEntry[]>();
  for (const r of rows) {
    const list = out.get(r.org_id) ?? [];
    list.push({ id: r.id, indicator: r.indicator, points: r.points, reason: r.reason, inspectedOn: r.inspected_on });
    out.set(r.org_id, list);
  }
  return out;
}

