import PgBoss from 'pg-boss';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { rawSqlExecutor } from '../db/raw-sql';
import type { JobQueue } from '../features/jobs/job-port';

const QUEUE = 'xingping-jobs';

/**
 * The job queue on PostgreSQL: pg-boss 10 (its own schema `pgboss`, created and migrated at start), on our
 * connection pool through its `db` option. Every process that starts it works jobs, one at a time each; a job is
 * fetched by one of them (SKIP LOCKED). pg-boss carries only the id: the `jobs` row holds state and progress, and
 * its heartbeat lets `recoverJobs` hand a job whose process died to another. pg-boss's own retries are off (a
 * failed job is retried by a person, from the page), and its expiry is set past any book's time limit.
 */
export function pgBossJobs(db: Kysely<Database>, opts: { pollingIntervalSeconds?: number } = {}): JobQueue {
  const boss = new PgBoss({ db: rawSqlExecutor(db), schedule: false, supervise: true, migrate: true });
  boss.on('error', (err: Error) => console.error(JSON.stringify({ level: 'error', message: `作业队列：${err.message}` })));
  let starting: Promise<void> | null = null;
  let working = false;

  async function ready() {
    starting ??= (async () => {
      await boss.start();
      if (!(await boss.getQueue(QUEUE))) await boss.createQueue(QUEUE, { name: QUEUE, retryLimit: 0, expireInSeconds: 6 * 3600 });
    })();
    return starting;
  }

  return {
    kind: 'pg-boss',
    async start(run) {
      await ready();
      if (working) return;
      working = true;
      await boss.work<{ jobId: number }>(QUEUE, { batchSize: 1, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1 }, async ([job]) => {
        if (job) await run(job.data.jobId);
      });
    },
    async enqueue(jobId) {
      await ready();
      await boss.send(QUEUE, { jobId }, { retryLimit: 0 });
    },
    async stop() {
      if (!starting) return;
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 30_000 });
      starting = null;
      working = false;
    },
  };
}
