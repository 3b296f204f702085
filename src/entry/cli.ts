import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { migrateToLatest } from '../db/migrate';
import { quietLogger } from '../deps';
import { readEnv } from '../env';
import { cliActor } from '../features/context';
import { needsDatabase, noDatabase, runCommand, type CliIo, type Session } from './cli-program';
import { acquireDataDir, forwardToServer, type DataDirLock } from './control';
import { openFromEnv } from './database';
import { nodeDeps } from './node-deps';
import { progressReporter } from './progress';
import { loadRuleSets } from './rule-files';
import { unavailableRuleSets, type RuleSetsHolder } from '../rules/registry';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { loadInForce, syncRuleFiles, systemActor } from '../features/rulesets/rules-in-force';

/**
 * The rule sets in force, from the database, after syncing rules/ into it (as the server does at start). A broken
 * rules/ (or database versions that fail to compile) leaves commands that never touch rules working; the rest see why.
 */
async function ruleSetsInForce(db: Kysely<Database>): Promise<RuleSetsHolder> {
  try {
    const files = await loadRuleSets();
    await syncRuleFiles(db, files.all, systemActor);
    return await loadInForce(db, { files: files.all });
  } catch (e) {
    return unavailableRuleSets(e instanceof Error ? e : new Error(String(e)));
  }
}

/**
 * `npx xingping …`: runs a command against the database, or through the running server that owns it; commands
 * that need no database (`rules validate`, help) run here without taking the data folder.
 */
async function main(argv: string[]): Promise<number> {
  const env = readEnv();
  const bar = progressReporter();
  const io: CliIo = {
    out: (text) => console.log(text),
    err: (text) => {
      bar.stop();
      console.error(text);
    },
    progress: bar.update,
  };
  let lock: DataDirLock | null = null;
  try {
    if (!needsDatabase(argv)) return await runCommand(argv, noDatabase, io, process.cwd());
    if (!env.DATABASE_URL) {
      const dataDir = resolve(env.XINGPING_DATA_DIR);
      mkdirSync(dataDir, { recursive: true });
      const got = acquireDataDir(dataDir, 'cli');
      if ('owner' in got) {
        if (got.owner.socket) return await forwardToServer(got.owner.socket, argv, io);
        io.err(`错误：数据目录 ${dataDir} 正被另一个${got.owner.role === 'server' ? '正在启动的服务器' : '命令'}（PID ${got.owner.pid}）使用，请稍后再试`);
        return 1;
      }
      lock = got.lock;
    }
    const run = async <T>(fn: (s: Session) => Promise<T>): Promise<T> => {
      const handle = await openFromEnv(env);
      try {
        await migrateToLatest(handle.db);
        const ruleSets = await ruleSetsInForce(handle.db);
        const deps = nodeDeps(handle, { logger: quietLogger, ruleSets, publicUrl: env.XINGPING_PUBLIC_URL, chromium: env.XINGPING_CHROMIUM, env });
        try {
          return await fn({ deps, ctx: { actor: cliActor(env.USER), db: deps.db, clock: deps.clock, requestId: null } });
        } finally {
          await deps.printing.pdf.close();
        }
      } finally {
        await handle.close();
      }
    };
    return await runCommand(argv, run, io, process.cwd());
  } finally {
    bar.stop();
    lock?.release();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error('错误：', err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
