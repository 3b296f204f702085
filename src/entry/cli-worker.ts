import type { Command } from 'commander';
import { AppError } from '../errors/app-error';
import { startJobs } from '../features/jobs/run-job';
import type { CliIo, SessionRunner } from './cli-program';

/** Resolves at SIGINT or SIGTERM (Ctrl+C, `kill`, a service manager stopping the process). */
function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * `xingping worker`: a process that only works background jobs (books, scoring) from the job queue on PostgreSQL,
 * beside the servers (a Node server works jobs too; a Cloudflare Worker only records them). Several may run on several
 * machines: each job goes to one of them, and a job whose process died is taken over after a missed heartbeat. On
 * the embedded database the one process that holds the data folder (the server) works them, so this refuses.
 */
export function addWorkerCommand(program: Command, run: SessionRunner, io: CliIo): void {
  program
    .command('worker')
    .description('作业进程：执行后台任务（合订本、计分），可在多台机器上各启动多个，Ctrl+C 停止；仅用于 PostgreSQL')
    .action(async () =>
      run(async ({ deps }) => {
        if (deps.dbKind !== 'postgres') {
          throw new AppError('validation_failed', '嵌入式数据库（PGlite）的后台任务由服务器进程（npm start）执行；多个作业进程需要 PostgreSQL：请设置 DATABASE_URL');
        }
        const stopJobs = await startJobs({ ...deps, jobs: deps.jobs! });
        io.out(`作业进程已启动（PID ${process.pid}），正在等待后台任务；按 Ctrl+C 停止。`);
        const signal = await untilStopped();
        io.out(`收到 ${signal}，等待正在执行的任务结束后退出……`);
        await stopJobs();
        io.out('作业进程已停止。');
      }),
    );
}
