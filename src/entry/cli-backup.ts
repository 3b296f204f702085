import { mkdirSync, statSync } from 'node:fs';
import { chmod, readFile, rename, rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { openDatabase, snapshotPglite } from '../db/client';
import type { Database } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { readEnv, type Env } from '../env';
import { AppError } from '../errors/app-error';
import { archiveYear, verifyArchive } from '../features/archive/archive';
import { currentDatabaseName, serverMajorVersion } from '../features/archive/archive.repository';
import { contentsSummary, databaseContents, recordRestore, type RestoredFrom } from '../features/archive/restore';
import { cliActor, type Ctx } from '../features/context';
import { systemClock } from '../lib/clock';
import { backupKindOf, hasFiles, humanSize, pgTool, replaceFolder, runPgTool, sha256File, tempBeside, writeFileAtomically, type BackupKind } from './backup-files';
import { positiveInt, type CliIo, type Session, type SessionRunner } from './cli-program';
import { acquireDataDir } from './control';

/** Set in running Chinese text: the Latin name with a space either side. */
const kindLabel: Record<BackupKind, string> = { pglite: '嵌入式数据库（PGlite）', postgres: ' PostgreSQL ' };
const stampOf = (d: Date) => d.toISOString().replace(/[-:]/g, '').slice(0, 15);

/** `backup`: the whole database into one file: the running PGlite's own copy, or pg_dump's custom format. */
async function backup({ ctx, deps }: Session, io: CliIo, cwd: string, out?: string): Promise<void> {
  const name = out ?? `xingping-backup-${stampOf(deps.clock.now())}.${deps.dbKind === 'pglite' ? 'tar.gz' : 'dump'}`;
  const file = resolve(cwd, name);
  const contents = contentsSummary(await databaseContents({ ctx }));
  if (deps.dbKind === 'pglite') {
    const blob = await snapshotPglite(deps.db);
    if (!blob) throw new Error('PGlite handle not found for this database');
    await writeFileAtomically(file, new Uint8Array(await blob.arrayBuffer()));
  } else {
    const url = readEnv().DATABASE_URL;
    if (!url) throw new AppError('validation_failed', '使用 PostgreSQL 时须设置 DATABASE_URL');
    const temp = await tempBeside(file);
    try {
      await runPgTool(pgTool('pg_dump', await serverMajorVersion(deps.db)), url, ['--format=custom', '--compress=6', `--file=${temp}`]);
      await chmod(temp, 0o600); // password hashes and everything else: the owner's eyes only
      await rename(temp, file);
    } finally {
      await rm(temp, { force: true });
    }
  }
  io.out(`已备份${kindLabel[deps.dbKind]}到 ${name}（${humanSize(statSync(file).size)}，SHA-256 ${await sha256File(file)}）：${contents}`);
}

const cliCtx = (db: Kysely<Database>, env: Env): Ctx => ({ actor: cliActor(env.USER), db, clock: systemClock, requestId: null });

/** After the data is back: the schema brought up to this version, the restore audited, a summary of what came back. */
async function afterRestore(db: Kysely<Database>, env: Env, from: RestoredFrom): Promise<string> {
  await migrateToLatest(db);
  const ctx = cliCtx(db, env);
  await recordRestore({ ctx, input: from });
  return contentsSummary(await databaseContents({ ctx }));
}

/** pg_restore into the database DATABASE_URL names, in one transaction; a database with tables only with --force. */
async function restorePostgres(env: Env, url: string, path: string, from: RestoredFrom, force: boolean): Promise<string> {
  const handle = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
  try {
    const ctx = cliCtx(handle.db, env);
    const name = await currentDatabaseName(handle.db).catch((e: Error & { code?: string }) => {
      const wanted = decodeURIComponent(new URL(url).pathname.slice(1));
      if (e.code === '3D000') throw new AppError('not_found', `目标数据库 ${wanted} 不存在：请先新建一个空数据库（如 createdb ${wanted}），再恢复`);
      throw new AppError('unavailable', `无法连接 DATABASE_URL 所指的数据库 ${wanted}：${e.message}`);
    });
    const before = await databaseContents({ ctx });
    const tables = Object.keys(before).length;
    if (tables > 0 && !force) {
      throw new AppError('conflict', `目标数据库 ${name} 不是空的（已有 ${tables} 张表：${contentsSummary(before)}）。恢复会覆盖其中的数据；确认覆盖请加 --force，或恢复到新建的空数据库`);
    }
    const clean = tables > 0 ? ['--clean', '--if-exists'] : [];
    await runPgTool(pgTool('pg_restore', await serverMajorVersion(handle.db)), url, ['--single-transaction', '--exit-on-error', '--no-owner', '--no-acl', ...clean, path]);
    return `数据库 ${name}：${await afterRestore(handle.db, env, from)}`;
  } finally {
    await handle.close();
  }
}

/** Takes the data folder for the restore, unless this command already holds it; refuses while a server runs. */
function takeDataDir(dataRoot: string): () => void {
  const got = acquireDataDir(dataRoot, 'cli');
  if ('lock' in got) return () => got.lock.release();
  const o = got.owner;
  if (o.role === 'server') {
    throw new AppError('conflict', `服务器正在运行（PID ${o.pid}），嵌入式数据库正由它使用，不能恢复：请先停止服务器（在其终端按 Ctrl+C），再运行 npx xingping restore`);
  }
  if (o.pid === process.pid) return () => {}; // this very command took it (cli.ts)
  throw new AppError('conflict', `数据目录 ${dataRoot} 正被另一个命令（PID ${o.pid}）使用，请等它结束后再恢复`);
}

/** The PGlite folder replaced by the backup's: unpacked and checked beside it, then swapped in (the old one kept as .bak until then). */
async function restorePglite(env: Env, path: string, from: RestoredFrom, force: boolean): Promise<string> {
  const dataRoot = resolve(env.XINGPING_DATA_DIR);
  mkdirSync(dataRoot, { recursive: true });
  const release = takeDataDir(dataRoot);
  try {
    const target = join(dataRoot, 'pglite');
    if (hasFiles(target) && !force) {
      throw new AppError('conflict', `数据目录 ${target} 中已有数据库。恢复会替换它；确认替换请加 --force（原目录在恢复成功前保留为 pglite.bak）`);
    }
    const snapshot = new Blob([await readFile(path)]);
    let summary = '';
    await replaceFolder(target, async (temp) => {
      const handle = await openDatabase({ kind: 'pglite', dataDir: temp, snapshot }).catch((e: Error) => {
        throw new AppError('validation_failed', `${from.file} 无法作为 PGlite 数据目录打开：${e.message}`);
      });
      try {
        summary = await afterRestore(handle.db, env, from);
      } finally {
        await handle.close();
      }
    });
    return `数据目录 ${target}：${summary}`;
  } finally {
    release();
  }
}

/** `restore`: a backup file back into the database the environment names (not through a running server). */
async function restore(io: CliIo, cwd: string, file: string, force: boolean): Promise<void> {
  const env = readEnv();
  const path = resolve(cwd, file);
  if (statSync(path).isDirectory()) throw new AppError('validation_failed', `${file} 是目录，不是备份文件`);
  const kind = await backupKindOf(path);
  const want: BackupKind = env.DATABASE_URL ? 'postgres' : 'pglite';
  if (kind === null) throw new AppError('validation_failed', `${file} 不是星评的备份文件（既不是 pg_dump 的自定义格式，也不是 PGlite 数据目录的 .tar.gz）`);
  if (kind !== want) {
    throw new AppError('validation_failed', `${file} 是${kindLabel[kind]}的备份，而当前${env.DATABASE_URL ? '设置了 DATABASE_URL，使用 PostgreSQL' : '未设置 DATABASE_URL，使用嵌入式数据库（PGlite）'}，不能直接恢复`);
  }
  const from: RestoredFrom = { file: basename(path), sha256: await sha256File(path), bytes: statSync(path).size, kind };
  const summary = env.DATABASE_URL ? await restorePostgres(env, env.DATABASE_URL, path, from, force) : await restorePglite(env, path, from, force);
  io.out(`已从 ${file} 恢复${summary}`);
}

/** `archive YEAR`: a finalized year as one sealed ZIP. */
async function archive({ ctx, deps }: Session, io: CliIo, cwd: string, year: number, out: string | undefined, pdf: boolean): Promise<void> {
  const name = out ?? `xingping-${year}-archive.zip`;
  const r = await archiveYear({
    ctx,
    year,
    printing: pdf ? deps.printing : null,
    onProgress: io.progress,
    save: async (bytes) => {
      await writeFileAtomically(resolve(cwd, name), bytes);
      return basename(name);
    },
  });
  io.out(`已归档 ${year} 年度（定档计分版本 #${r.finalRevisionId}）：${name}，${humanSize(r.bytes)}，${r.entries} 个文件（数据 ${r.rows} 行，打印文件 ${r.documents} 份）`);
  io.out(`总哈希（已记入审计日志）：${r.overallSha256}`);
}

/** `archive verify FILE`: reopens an archive and checks every hash, then the overall hash against the audit log. */
async function verify({ ctx }: Session, io: CliIo, cwd: string, file: string): Promise<void> {
  const v = await verifyArchive({ ctx, bytes: new Uint8Array(await readFile(resolve(cwd, file))) });
  const m = v.manifest;
  if (m) io.out(`归档文件 ${file}：${m.year} 年度，定档计分版本 #${m.finalRevisionId}，${m.createdAt.slice(0, 10)} 由${m.createdBy}归档`);
  if (v.ok) {
    io.out(`已核对 ${v.checked} 个文件的 SHA-256 和字节数：全部与清单一致。`);
    io.out(v.seal === 'recorded' ? `总哈希 ${m!.overallSha256}：与本系统审计日志中 ${v.sealedAt!.slice(0, 10)} 归档时记录的一致。` : `总哈希 ${m!.overallSha256}：本系统审计日志中没有这份归档的记录，只核对了文件自身的哈希。`);
    return;
  }
  for (const p of v.problems) io.err(`  ${p}`);
  throw new AppError('validation_failed', `归档文件 ${file} 核验未通过：${v.problems.length} 处问题（见上）`);
}

/** `xingping backup | restore | archive`: whole-database backups and the sealed archive of a finalized year. */
export function addBackupCommands(program: Command, run: SessionRunner, io: CliIo, cwd: string): void {
  program
    .command('backup')
    .description('备份整个数据库到一个文件（PostgreSQL 用 pg_dump；嵌入式数据库在服务器运行时也可备份）')
    .option('--out <file>', '保存到（默认 xingping-backup-时间.tar.gz 或 .dump）')
    .action(async (o: { out?: string }) => run((s) => backup(s, io, cwd, o.out)));
  program
    .command('restore <file>')
    .description('从备份文件恢复整个数据库（目标须为空，否则加 --force；嵌入式数据库须先停止服务器）')
    .option('--force', '覆盖已有数据')
    .action(async (file: string, o: { force?: boolean }) => restore(io, cwd, file, Boolean(o.force)));
  program
    .command('archive <year> [file]')
    .description('把已定档的年度归档为一个封存文件（数据、细则、打印文件、哈希清单）；archive verify 文件：重新打开并核对每个哈希')
    .option('--out <file>', '保存到（默认 xingping-年度-archive.zip）')
    .option('--no-pdf', '不打印 PDF（本机没有浏览器时）')
    .action(async (what: string, file: string | undefined, o: { out?: string; pdf: boolean }) => {
      if (what === 'verify') {
        if (!file) throw new AppError('validation_failed', '请给出要核验的归档文件：npx xingping archive verify 文件.zip');
        return run((s) => verify(s, io, cwd, file));
      }
      if (!/^\d{4}$/.test(what)) throw new AppError('validation_failed', `「${what}」不是年度：用法 npx xingping archive 年度 [文件]，或 npx xingping archive verify 文件`);
      return run((s) => archive(s, io, cwd, positiveInt(what), file ?? o.out, o.pdf));
    });
}
