/**
 * The one job port (DECISIONS.md, jobs). The `jobs` table is the record pages read (who asked, state, progress,
 * result file); a queue only hands job ids to a worker and wakes it. Two queues sit behind this port:
 * pg-boss on PostgreSQL (`adapters/jobs-pgboss.ts`, shared by every process on the database) and an in-process
 * runner on PGlite (`adapters/jobs-in-process.ts`, one process owns the data folder).
 */
export interface JobQueue {
  readonly kind: 'pg-boss' | 'in-process';
  /** Starts working: `run` is called with each job id handed to this process, one at a time. Idempotent. */
  start(run: (jobId: number) => Promise<void>): Promise<void>;
  /** Hands a job to a worker (after its row was committed as queued). */
  enqueue(jobId: number): Promise<void>;
  /** Stops taking jobs and waits for the one running to end. */
  stop(): Promise<void>;
}

/** Without a queue (Workers, some tests): jobs are recorded but wait until a process with a queue picks them up. */
export const noQueue: JobQueue = {
  kind: 'in-process',
  start: async () => {},
  enqueue: async () => {},
  stop: async () => {},
};

/** The job port in `Deps`: the queue, and the size limit of a book (scorecards per job). */
export type JobPorts = { queue: JobQueue; bookLimit: number };

export const DEFAULT_BOOK_LIMIT = 5000;

/** No queue: jobs are recorded and wait for a process that works them. */
export const defaultJobPorts: JobPorts = { queue: noQueue, bookLimit: DEFAULT_BOOK_LIMIT };
