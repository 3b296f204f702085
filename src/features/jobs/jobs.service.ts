import { inScope, requireRole } from '../../auth/scope';
import type { Role } from '../../db/database';
import { withTransaction } from '../../db/transaction';
import { AppError, notFound } from '../../errors/app-error';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { resultsRevision } from '../documents/print-documents';
import type { FilePorts } from '../files/file-ports';
import { readFile } from '../files/files.service';
import { orgForRead } from '../orgs/org-access';
import type { JobPorts } from './job-port';
import { countScorecards, findJob, insertJobOnce, listJobRows, moveJob, type JobRow } from './jobs.repository';
import { BookRequest, jobStateLabel, ScoreRequest, type Job } from './jobs.schemas';
import { cycleStateLabel } from '../../domain/catalog';
import { refuseOpenEvaluations, writableIn } from '../cycles/cycle-gates';
import { findCycle } from '../cycles/cycles.repository';
import { requireCycleManager } from '../cycles/manage-cycles';
import { countRoots } from '../orgs/orgs.repository';
import { latestRevision } from '../scoring/scores.repository';

/** Who may start and read books: the 组织部 and leaders (a branch prints its own scorecard, not a book). */
const bookReaders: readonly Role[] = ['admin', 'leader'];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const kindLabel: Record<Job['kind'], string> = { book: '考核评价汇编（合订本）', score: '计分' };

function titleOf(r: JobRow): string {
  return r.kind === 'score' ? `${r.cycle_year} 年度计分` : `${r.cycle_year} 年度考核评价汇编 · ${r.org_name}`;
}

export function toJob(r: JobRow): Job {
  const done = r.state === 'done' && r.result !== null;
  return {
    id: r.id,
    kind: r.kind,
    kindLabel: kindLabel[r.kind],
    title: titleOf(r),
    orgId: r.org_id,
    orgName: r.org_name,
    orgCode: r.org_code,
    year: r.cycle_year,
    revisionId: r.revision_id,
    state: r.state,
    stateLabel: jobStateLabel[r.state],
    progress: r.progress,
    error: r.error,
    attempts: r.attempts,
    requestedBy: r.requested_by_name,
    createdAt: r.created_at.toISOString(),
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
    result: done && r.kind === 'book' ? (r.result as Job['result']) : null,
    summary: done && r.kind === 'score' ? (r.result as Job['summary']) : null,
  };
}

/** A job of an organization in the caller's subtree; 404 otherwise. */
async function jobForRead(ctx: Ctx, id: number): Promise<JobRow> {
  requireRole(ctx, bookReaders);
  const row = await findJob(ctx.db, id);
  if (!row || !inScope(ctx.actor, row.org_path)) throw notFound('任务', 'id');
  return row;
}

/**
 * Starts a book (合订本) of an organization and everything under it, printed from the year's results revision as a
 * background job. Refused over the size limit with how to split it; an identical request (same subtree, year and
 * revision) answers the job already waiting, running or done instead of making a second.
 */
export async function requestBook({ ctx, jobs, input }: { ctx: Ctx; jobs: JobPorts; input: unknown }): Promise<{ job: Job; created: boolean }> {
  requireRole(ctx, bookReaders);
  const q = BookRequest.parse(input);
  const org = await orgForRead(ctx, q.orgId, 'orgId');
  const revision = await resultsRevision(ctx.db, q.year);
  if (!revision) throw notFound(`${q.year} 年度的计分结果`, 'year');
  const count = await countScorecards(ctx.db, revision.id, org.path);
  if (count === 0) throw notFound(`「${org.name}」${q.year} 年度的计分结果`, 'orgId');
  if (count > jobs.bookLimit) {
    throw new AppError(
      'validation_failed',
      `「${org.name}」下共有 ${count} 份考核评价表，超过一本合订本的上限 ${jobs.bookLimit} 份。请按下级组织（如各街道、各社区）分别生成合订本。`,
      { issues: [{ field: 'orgId', message: `超过合订本上限 ${jobs.bookLimit} 份` }] },
    );
  }
  const out = await withTransaction(ctx, async (tx) => {
    const made = await insertJobOnce(tx.db, {
      kind: 'book',
      dedupe_key: `book:${q.year}:${org.id}:${revision.id}`,
      org_id: org.id,
      cycle_year: q.year,
      revision_id: revision.id,
      params: JSON.stringify({ scorecards: count }),
      requested_by_user: ctx.actor.userId,
      requested_by_name: ctx.actor.name,
    });
    if (made.created) {
      await recordAudit(tx, { action: 'job.request', entity: 'job', entityId: made.id, orgId: org.id, after: { kind: 'book', year: q.year, revisionId: revision.id, scorecards: count } });
    }
    return made;
  });
  const job = toJob((await findJob(ctx.db, out.id))!);
  // A waiting job is handed to the queue again (its first hand-over may have been lost; claiming is conditional).
  if (job.state === 'queued') await jobs.queue.enqueue(out.id);
  return { job, created: out.created };
}

export async function listJobs({ ctx, query }: { ctx: Ctx; query?: { kind?: Job['kind']; year?: number } }): Promise<Job[]> {
  requireRole(ctx, bookReaders);
  return (await listJobRows(ctx.db, ctx.actor.orgPath, 50, query ?? {})).map(toJob);
}

/**
 * Starts scoring a year (计分) as a background job, for the cycle's manager: the page follows its progress and ends
 * on the new revision's summary. A request while one is waiting or running answers that job; once it is done the
 * year has a newer revision, so the next request scores again. The cycle's state is checked when the job runs
 * (and by the same rules as `POST /cycles/{year}/score`), and here too so a refusal comes at once.
 */
export async function requestScore({ ctx, jobs, input }: { ctx: Ctx; jobs: JobPorts; input: unknown }): Promise<{ job: Job; created: boolean }> {
  await requireCycleManager(ctx);
  const q = ScoreRequest.parse(input);
  const cycle = await findCycle(ctx.db, q.year);
  if (!cycle) throw notFound(`${q.year} 年度考核周期`, 'year');
  if (!(writableIn.score as readonly string[]).includes(cycle.state)) {
    throw new AppError('cycle_closed', `${q.year} 年度考核周期处于「${cycleStateLabel[cycle.state]}」状态，只有${writableIn.score.map((s) => `「${cycleStateLabel[s]}」`).join('、')}时才能计分`, { field: 'year', state: cycle.state });
  }
  await refuseOpenEvaluations(ctx, q.year);
  const latest = await latestRevision(ctx.db, q.year);
  // The job belongs to the manager's organization (the command line manages from the top: the first root).
  const orgId = ctx.actor.orgId ?? (await countRoots(ctx.db))[0]!.id;
  const out = await withTransaction(ctx, async (tx) => {
    const made = await insertJobOnce(tx.db, {
      kind: 'score',
      dedupe_key: `score:${q.year}:after:${latest?.id ?? 0}${q.changed ? ':changed' : ''}`,
      org_id: orgId,
      cycle_year: q.year,
      revision_id: null,
      params: JSON.stringify({ note: q.note ?? null, changed: q.changed ?? false }),
      requested_by_user: ctx.actor.userId,
      requested_by_name: ctx.actor.name,
    });
    if (made.created) await recordAudit(tx, { action: 'job.request', entity: 'job', entityId: made.id, orgId, after: { kind: 'score', year: q.year, after: latest?.id ?? null } });
    return made;
  });
  const job = toJob((await findJob(ctx.db, out.id))!);
  if (job.state === 'queued') await jobs.queue.enqueue(out.id);
  return { job, created: out.created };
}

export async function getJob({ ctx, id }: { ctx: Ctx; id: number }): Promise<Job> {
  return toJob(await jobForRead(ctx, id));
}

/** Moves a job on behalf of a person (retry: failed or cancelled → queued; cancel: queued or running → cancelled), audited. */
async function moveByPerson(ctx: Ctx, id: number, from: readonly Job['state'][], to: Job['state'], refusal: (label: string) => string): Promise<JobRow> {
  const row = await jobForRead(ctx, id);
  // Scoring belongs to the cycle's manager: a leader follows it but neither cancels nor runs it again.
  if (row.kind === 'score') await requireCycleManager(ctx);
  const moved = await withTransaction(ctx, async (tx) => {
    if (!(await moveJob(tx.db, id, from, to, to === 'queued' ? { userId: ctx.actor.userId, name: ctx.actor.name } : undefined))) return false;
    await recordAudit(tx, { action: to === 'queued' ? 'job.retry' : 'job.cancel', entity: 'job', entityId: id, orgId: row.org_id, before: { state: row.state, requestedBy: row.requested_by_name }, after: { state: to, ...(to === 'queued' ? { requestedBy: ctx.actor.name } : {}) } });
    return true;
  });
  if (!moved) throw new AppError('conflict', refusal(jobStateLabel[row.state]));
  return row;
}

/** Runs a failed (or cancelled) job again; refused if an identical job has since been started. */
export async function retryJob({ ctx, jobs, id }: { ctx: Ctx; jobs: JobPorts; id: number }): Promise<Job> {
  try {
    await moveByPerson(ctx, id, ['failed', 'cancelled'], 'queued', (label) => `该任务「${label}」，只有失败或已取消的任务可以重试`);
  } catch (e) {
    // The partial unique index: an identical job is already waiting, running or done.
    if (e instanceof AppError) throw e;
    throw new AppError('conflict', '已有相同的任务（同一范围、年度和计分版本）在排队、进行或已完成，请使用该任务');
  }
  await jobs.queue.enqueue(id);
  return getJob({ ctx, id });
}

export async function cancelJob({ ctx, id }: { ctx: Ctx; id: number }): Promise<Job> {
  await moveByPerson(ctx, id, ['queued', 'running'], 'cancelled', (label) => `该任务「${label}」，只能取消排队中或进行中的任务`);
  return getJob({ ctx, id });
}

/** The finished book's PDF (the storage port; the file belongs to the job's organization). */
export async function jobResult({ ctx, files, id }: { ctx: Ctx; files: FilePorts; id: number }) {
  const row = await jobForRead(ctx, id);
  if (row.kind === 'score') throw new AppError('conflict', '计分任务没有可下载的文件，结果见计分摘要和考核结果');
  if (row.state !== 'done' || row.result_file_id === null) throw new AppError('conflict', `该任务「${jobStateLabel[row.state]}」，完成后才能下载`);
  const file = await readFile({ ctx, ports: files, id: row.result_file_id, variant: 'content' });
  return { ...file, name: `${row.cycle_year}年度考核评价汇编-${row.org_code}-${row.org_name}-第${row.revision_id}号版本.pdf` };
}
