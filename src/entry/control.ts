import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliActor } from '../features/context';
import type { Deps } from '../deps';
import { runCommand, type CliIo } from './cli-program';

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt it. So the
 * server takes the folder with a lock file and listens on a Unix socket inside it (mode 0600, only the
 * same user can connect); `npx xingping …` run while the server is up sends its command line there and
 * the server runs it against its own database, relaying output and progress line by line (NDJSON).
 */
type LockInfo = { pid: number; socket: string };
type Line = { out?: string; err?: string; progress?: [string, number, number]; exit?: number };

const lockFile = (dataDir: string) => join(dataDir, 'server.lock.json');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The running server owning this data folder, if any (stale locks of dead processes are ignored). */
export function runningServer(dataDir: string): LockInfo | null {
  const file = lockFile(dataDir);
  if (!existsSync(file)) return null;
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
    return info.pid !== process.pid && alive(info.pid) && existsSync(info.socket) ? info : null;
  } catch {
    return null;
  }
}

/** Takes the data folder for this server and opens the control socket; returns a function that releases both. */
export async function startControl(dataDir: string, deps: Deps): Promise<() => void> {
  const other = runningServer(dataDir);
  if (other) throw new Error(`数据目录 ${dataDir} 正被另一个星评进程（PID ${other.pid}）使用`);
  // Unix socket paths are limited to about 100 bytes: deep data folders get one in the temp folder.
  const inside = join(dataDir, 'xingping.sock');
  const socket = inside.length < 100 ? inside : join(tmpdir(), `xingping-${process.pid}.sock`);
  rmSync(socket, { force: true });
  const server: Server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/cli') {
      res.writeHead(404).end();
      return;
    }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const { argv, cwd } = JSON.parse(body) as { argv: string[]; cwd: string };
      res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
      const send = (line: Line) => res.write(`${JSON.stringify(line)}\n`);
      const io: CliIo = { out: (out) => send({ out }), err: (err) => send({ err }), progress: (...p) => send({ progress: p }) };
      const run = <T>(fn: (s: { ctx: ReturnType<typeof ctxFor>; deps: Deps }) => Promise<T>) => fn({ ctx: ctxFor(deps), deps });
      void runCommand(argv, run, io, cwd).then((exit) => res.end(`${JSON.stringify({ exit })}\n`));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socket, () => resolve());
  });
  chmodSync(socket, 0o600);
  writeFileSync(lockFile(dataDir), JSON.stringify({ pid: process.pid, socket } satisfies LockInfo));
  return () => {
    server.close();
    rmSync(socket, { force: true });
    rmSync(lockFile(dataDir), { force: true });
  };
}

function ctxFor(deps: Deps) {
  return { actor: cliActor(), db: deps.db, clock: deps.clock, requestId: null };
}

/** Sends a command line to the running server and relays what it writes; resolves to the exit code. */
export function forwardToServer(info: LockInfo, argv: readonly string[], io: CliIo): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: info.socket, path: '/cli', method: 'POST' }, (res) => {
      let buffer = '';
      let exit = 1;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = JSON.parse(buffer.slice(0, nl)) as Line;
          buffer = buffer.slice(nl + 1);
          if (line.out !== undefined) io.out(line.out);
          if (line.err !== undefined) io.err(line.err);
          if (line.progress) io.progress(...line.progress);
          if (line.exit !== undefined) exit = line.exit;
        }
      });
      res.on('end', () => resolve(exit));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ argv, cwd: process.cwd() }));
  });
}
