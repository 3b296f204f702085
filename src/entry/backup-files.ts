import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { childEnv } from '../env';
import { AppError } from '../errors/app-error';

/**
 * The file side of backups: what a backup file is, writing files so that a half-written one never carries the
 * final name, the PostgreSQL client tools, and swapping a PGlite data folder for a restored one.
 */
export type BackupKind = 'pglite' | 'postgres';

/** What a backup file is, from its first bytes: pg_dump's custom format starts with `PGDMP`, a PGlite backup is a gzipped tar. */
export async function backupKindOf(file: string): Promise<BackupKind | null> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(5);
    await handle.read(head, 0, 5, 0);
    if (head.toString('latin1') === 'PGDMP') return 'postgres';
    if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
    return null;
  } finally {
    await handle.close();
  }
}

/** A hidden sibling of a file being written, in a folder made if missing. */
export async function tempBeside(file: string): Promise<string> {
  await mkdir(dirname(file), { recursive: true });
  return join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
}

/** Writes a sibling temporary file, then renames it: readers see the whole file or none. */
export async function writeFileAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const temp = await tempBeside(file);
  try {
    await writeFile(temp, bytes, { mode: 0o600 });
    await rename(temp, file);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

export function humanSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function toolMajor(bin: string): number | null {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  const m = r.status === 0 ? /(\d+)(\.\d+)?/.exec(r.stdout) : null;
  return m ? Number(m[1]) : null;
}

/**
 * pg_dump or pg_restore able to talk to a server of this major version: Debian keeps each version's tools in
 * /usr/lib/postgresql/<major>/bin (the server's own first, then newer ones), else the one on PATH if new enough.
 */
export function pgTool(name: 'pg_dump' | 'pg_restore', serverMajor: number): string {
  const root = '/usr/lib/postgresql';
  const installed = existsSync(root) ? readdirSync(root).map(Number).filter((v) => v >= serverMajor).sort((a, b) => a - b) : [];
  for (const v of installed) {
    const bin = join(root, String(v), 'bin', name);
    if (existsSync(bin)) return bin;
  }
  const onPath = toolMajor(name);
  if (onPath !== null && onPath >= serverMajor) return name;
  throw new AppError(
    'unavailable',
    `找不到 PostgreSQL ${serverMajor}（或更新）版本的 ${name}${onPath !== null ? `（PATH 中的是 ${onPath} 版）` : ''}：请安装 PostgreSQL 客户端，如 Debian/Ubuntu 上 apt-get install postgresql-client-${serverMajor}`,
  );
}

/** A connection URL for libpq without its password (which goes in PGPASSWORD, so no process list shows it). */
function libpqTarget(url: string): { dbname: string; env: Record<string, string | undefined> } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: childEnv(password ? { PGPASSWORD: password } : {}) };
}

/** Runs a PostgreSQL tool against the database a URL names; its complaints become a Chinese error. */
export function runPgTool(bin: string, url: string, args: readonly string[]): Promise<void> {
  const { dbname, env } = libpqTarget(url);
  return new Promise((resolve, reject) => {
    const child = spawn(bin, [...args, `--dbname=${dbname}`], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-4000)));
    child.on('error', (e) => reject(new AppError('unavailable', `无法运行 ${bin}：${e.message}`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new AppError('conflict', `${basename(bin)} 失败（退出码 ${code}）：\n${stderr.trim()}`))));
  });
}

/** Whether a folder exists and holds anything. */
export function hasFiles(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).length > 0;
}

/**
 * Replaces a folder by one `fill` writes: the new one is made beside it (`<folder>.restore-<pid>`) and checked by
 * `fill`; only then is the old one renamed to `<folder>.bak`, the new one moved in, and the old one removed.
 * A failure before the swap leaves the old folder untouched; a failed swap puts it back.
 */
export async function replaceFolder(target: string, fill: (temp: string) => Promise<void>): Promise<void> {
  const temp = `${target}.restore-${process.pid}`;
  const bak = `${target}.bak`;
  if (existsSync(bak)) throw new AppError('conflict', `${bak} 已存在（可能是上次恢复中断留下的原数据）：请检查后移走或删除它，再恢复`);
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  try {
    await fill(temp);
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    throw e;
  }
  const hadOld = existsSync(target);
  if (hadOld) renameSync(target, bak);
  try {
    renameSync(temp, target);
  } catch (e) {
    if (hadOld) renameSync(bak, target);
    throw e;
  }
  rmSync(bak, { recursive: true, force: true });
}
