import type { JobProgress } from '../../db/database';
import type { Deps } from '../../deps';
import { AppError } from '../../errors/app-error';
import { cliActor, type Actor, type Ctx } from '../context';
import { databaseFiles } from '../files/file-ports';
import { runBookJob } from './book-job';
import { runScoreJob } from './score-job';
import { lookForShares } from '../scoring/score-share';
import type { JobPorts } from './job-port';
import { claimJob, findJob, finishJob, jobActor, queuedJobIds, reportProgress, requeueStale, type JobRow } from './jobs.repository';

/** A job's progress callback: cheap to call often; the runner writes the newest value about once a second. */
export type Progress = (p: JobProgress) => void;

type RunDeps = Pick<Deps, 'db' | 'clock' | 'logger' | 'printing' | 'files' | 'ruleSets'> & { jobs: JobPorts };

/** How long a running job may go without a heartbeat before another process takes it over (PostgreSQL). */
export const STALE_SECONDS = 120;

class Cancelled extends Error {}

/** The account a job acts as: the person who asked, checked again now (scope and role as they are today). */
async function actorOf(deps: RunDeps, job: JobRow): Promise<Actor> {
  if (job.requested_by_user === null) return cliActor();
  const u = await jobActor(deps.db, job.requested_by_user);
  if (!u) throw new AppError('forbidden', `申请人「${job.requested_by_name}」的账号已停用，任务不能代其执行`);
  return { id: `user:${u.user_id}`, userId: u.user_id, name: u.display_name, role: u.role, orgId: u.org_id, orgPath: u.org_path };
}

/** Why a job failed, in Chinese for the page: our own errors say it already; anything else is named as such. */
export function failureMessage(e: unknown): string {
  if (e instanceof AppError) return e.message;
  const text = e instanceof Error ? e.message : String(e);
  return /[\u4e00-\u9fff]/.test(text) ? text : `生成过程中出错，可重试；如再次失败请联系系统管理员（${text.slice(0, 200)}）`;
}

/**
 * Writes the newest progress (and the heartbeat) about once a second while the job runs, and notices a
 * cancellation there; `stop()` ends it and answers whether the job was cancelled meanwhile.
 */
function progressWriter(deps: RunDeps, id: number, attempt: number) {
  let latest: JobProgress = { step: '准备', done: 0, total: 0, percent: 0 };
  let cancelled = false;
  let writing: Promise<void> = Promise.resolve();
  // Writes one after another; a new step is written at once, the counts within a step about once a second.
  const flush = () => {
    const p = latest;
    writing = writing.then(async () => {
      const state = await reportProgress(deps.db, id, attempt, p).catch(() => 'running' as const);
      if (state !== 'running') cancelled = true;
    });
    return writing;
  };
  const timer = setInterval(() => void flush(), 1000);
  return {
    report: ((p) => {
      if (cancelled) throw new Cancelled();
      const newStep = p.step !== latest.step;
      latest = p;
      if (newStep) void flush();
    }) as Progress,
    async stop() {
      clearInterval(timer);
      await flush();
      return cancelled;
    },
  };
}

/** A score job's parts are offered to the other worker processes where the queue is shared by processes (pg-boss, PostgreSQL). */
function shareHost(deps: RunDeps, jobId: number) {
  if (deps.jobs.queue.kind !== 'pg-boss') return undefined;
  const report = (parts: { total: number; byHelpers: number }) => deps.logger.info('score share: parts staged by helpers', { jobId, ...parts });
  return { outside: deps.db, jobId, report };
}

/** Runs one job if this process can claim it (another may have), recording its end: done with its file, or failed with why. */
export async function runJob(deps: RunDeps, id: number, stopping: () => boolean = () => false): Promise<void> {
  const claim = await claimJob(deps.db, id);
  if (!claim) return;
  const job = (await findJob(deps.db, id))!;
  const writer = progressWriter(deps, id, claim.attempts);
  try {
    const ctx: Ctx = { actor: await actorOf(deps, job), db: deps.db, clock: deps.clock, requestId: `job:${id}` };
    const out = job.kind === 'score' ? await runScoreJob(ctx, deps.ruleSets, job, writer.report, shareHost(deps, id)) : await runBookJob(ctx, { printing: deps.printing, files: deps.files ?? databaseFiles }, job, writer.report);
    // A score job's revision is committed by now: it ends done (with its summary) even if cancelled meanwhile.
    if ((await writer.stop()) && job.kind !== 'score') return;
    await finishJob(deps.db, id, claim.attempts, { state: 'done', fileId: out.fileId, result: out.result, progress: { step: '完成', done: 1, total: 1, percent: 100 } });
    deps.logger.info('job done', { jobId: id, ...out.result });
  } catch (e) {
    if ((await writer.stop()) || e instanceof Cancelled) return;
    // The server is stopping under it: the row stays running, and the next start takes the job up again.
    if (stopping()) return;
    await finishJob(deps.db, id, claim.attempts, { state: 'failed', error: failureMessage(e) });
    deps.logger.error('job failed', { jobId: id, error: e instanceof Error ? e.message : String(e) });
  }
}

/**
 * Starts this process's worker: jobs a stopped process left running go back to the queue (at once on PGlite,
 * where this process is the only one; after a missed heartbeat on PostgreSQL, checked every minute), and every
 * queued job is handed to the queue again (claiming is conditional, so a job handed twice still runs once).
 */
export async function startJobs(deps: RunDeps): Promise<() => Promise<void>> {
  const { queue } = deps.jobs;
  const stale = queue.kind === 'in-process' ? 0 : STALE_SECONDS;
  let stopping = false;
  await queue.start((id) => runJob(deps, id, () => stopping));
  // Processes sharing the queue also help with each other's scorings (features/scoring/score-share.ts).
  const stopHelping = queue.kind === 'pg-boss' ? lookForShares(deps) : async () => {};
  // Every waiting job is handed over again, also one whose hand-over was lost (claiming is conditional).
  const recover = async (seconds: number) => {
    await requeueStale(deps.db, seconds);
    for (const id of await queuedJobIds(deps.db)) await queue.enqueue(id);
  };
  await recover(stale);
  const timer = queue.kind === 'pg-boss' ? setInterval(() => void recover(STALE_SECONDS).catch(() => {}), 60_000) : null;
  timer?.unref();
  return async () => {
    stopping = true;
    if (timer) clearInterval(timer);
    await stopHelping();
    await queue.stop();
  };
}
