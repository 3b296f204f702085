import type { JobQueue } from '../features/jobs/job-port';

/**
 * The job queue on PGlite: one process owns the data folder, so a FIFO in memory works the jobs one at a time.
 * Jobs left queued or running by a process that stopped are put back by `startJobs` at start (the table is the
 * truth), so they survive a restart.
 */
export function inProcessJobs(): JobQueue {
  const waiting: number[] = [];
  let run: ((jobId: number) => Promise<void>) | null = null;
  let working: Promise<void> | null = null;
  let stopped = false;

  function pump() {
    if (working || !run || stopped) return;
    const id = waiting.shift();
    if (id === undefined) return;
    working = run(id)
      .catch(() => {}) // the runner records failures on the job's row
      .finally(() => {
        working = null;
        pump();
      });
  }

  return {
    kind: 'in-process',
    async start(r) {
      run = r;
      stopped = false;
      pump();
    },
    async enqueue(jobId) {
      if (!waiting.includes(jobId)) waiting.push(jobId);
      pump();
    },
    async stop() {
      // A book may print for minutes: wait a little, then leave it; the next start takes it up again (startJobs).
      stopped = true;
      await Promise.race([working, new Promise((r) => setTimeout(r, 5000).unref())]);
    },
  };
}
