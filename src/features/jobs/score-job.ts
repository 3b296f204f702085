import type { RuleSets } from '../../rules/registry';
import type { Ctx } from '../context';
import { scoreCycle } from '../scoring/score-cycle';
import type { ShareHost } from '../scoring/score-share';
import type { JobRow } from './jobs.repository';
import type { Progress } from './run-job';

/** Shares of the bar: reading the year's data, scoring organization by organization, storing the revision. */
const scoringShare = [5, 95] as const;

/**
 * A score job (计分): the year scored and graded by the rule sets that govern it, stored as a new revision, exactly
 * as `POST /cycles/{year}/score` does; the bar follows organizations scored of all. Cancelling throws from the
 * progress callback inside the scoring transaction (no revision); a cancel that arrives after the last progress
 * call is too late, and the job ends done with its revision. On PGlite (one connection) progress and a cancel
 * are only written once the scoring transaction has ended.
 */
export async function runScoreJob(ctx: Ctx, ruleSets: RuleSets, job: JobRow, progress: Progress, share?: ShareHost) {
  const started = Date.now();
  progress({ step: '读取数据', done: 0, total: 0, percent: 0 });
  const params = job.params as { note?: string | null; changed?: boolean };
  const note = params.note ?? undefined;
  // Kept with the job's result: how many parts other worker processes evaluated (`bench:workers` reads it).
  let shared: { total: number; byHelpers: number } | undefined;
  const host = share && { ...share, report: (parts: { total: number; byHelpers: number }) => ((shared = parts), share.report?.(parts)) };
  const summary = await scoreCycle({
    ctx,
    year: job.cycle_year,
    ruleSets,
    note,
    changed: params.changed === true,
    share: host,
    progress: (step, done, total, overall) => {
      const [from, to] = scoringShare;
      const percent = step === '保存结果' ? to : Math.round(from + ((to - from) * overall.done) / Math.max(overall.total, 1));
      progress(step === '保存结果' ? { step, done: 0, total: 1, percent } : { step: `计分：${step}`, done, total, unit: '个组织', percent });
    },
  });
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  return { fileId: null, result: { ...summary, seconds, ...(shared ? { shared } : {}) } };
}
