import { closeSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Deps } from '../deps';
import { cliActor } from '../features/context';
import { runCommand, type CliIo, type Session } from './cli-program';

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt it. Whoever
 * opens the folder (the server, or a CLI command run while no server is up) first creates
 * `owner.lock.json` exclusively and holds it until the database is closed. The server also listens on a
 * Unix socket (mode 0600, created under umask 077) so that `npx xingping …` run beside it sends its
 * command line there; the server runs it on its own database and relays output and progress as NDJSON.
 */
export type Owner = { pid: number; role: 'server' | 'cli'; socket: string | null };
type Line = { out?: string; err?: string; progress?: [string, number, number]; exit?: number };

const MAX_BODY = 64 * 1024;
const lockPath = (dataDir: string) => join(dataDir, 'owner.lock.json');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(dataDir: string): Owner | null {
  try {
    return JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as Owner;
  } catch {
    return null;
  }
}

export type DataDirLock = { setSocket(socket: string): void; release(): void };

/**
 * Takes the data folder, or reports who holds it. A lock left by a dead process is taken over; a live
 * holder is never overridden.
 */
export function acquireDataDir(dataDir: string, role: Owner['role']): { lock: DataDirLock } | { owner: Owner } {
  const file = lockPath(dataDir);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, JSON.stringify({ pid: process.pid, role, socket: null } satisfies Owner));
      closeSync(fd);
      return {
        lock: {
          setSocket(socket) {
            const tmp = `${file}.${process.pid}`;
            writeFileSync(tmp, JSON.stringify({ pid: process.pid, role, socket } satisfies Owner), { mode: 0o600 });
            renameSync(tmp, file);
          },
          release() {
            if (readOwner(dataDir)?.pid === process.pid) rmSync(file, { force: true });
          },
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = readOwner(dataDir);
      if (owner && alive(owner.pid)) return { owner };
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`无法取得数据目录 ${dataDir} 的使用权`);
}

/**
 * Opens the control socket for a running server; returns a function that stops it once running commands end.
 * Commands act as `cliActor(user)` (`Env.USER` of the server process).
 */
export async function startControl(dataDir: string, deps: Deps, lock: DataDirLock, user?: string): Promise<() => Promise<void>> {
  // Unix socket paths are limited to about 100 bytes: deep data folders get one in a private temp folder.
  const inside = join(dataDir, 'xingping.sock');
  const privateDir = inside.length < 100 ? null : mkdtempSync(join(tmpdir(), 'xingping-'));
  const socket = privateDir ? join(privateDir, 'xingping.sock') : inside;
  rmSync(socket, { force: true });
  let running = 0;

  const server: Server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/cli') {
      res.writeHead(404).end();
      return;
    }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > MAX_BODY) req.destroy();
    });
    req.on('end', () => {
      let parsed: { argv: string[]; cwd: string };
      try {
        parsed = JSON.parse(body) as { argv: string[]; cwd: string };
        if (!Array.isArray(parsed.argv) || typeof parsed.cwd !== 'string') throw new Error('bad request');
      } catch {
        res.writeHead(400).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
      const send = (line: Line) => res.write(`${JSON.stringify(line)}\n`);
      const io: CliIo = { out: (out) => send({ out }), err: (err) => send({ err }), progress: (...p) => send({ progress: p }) };
      const run = <T>(fn: (s: Session) => Promise<T>) =>
        fn({ deps, ctx: { actor: cliActor(user), db: deps.db, clock: deps.clock, requestId: null } });
      running += 1;
      void runCommand(parsed.argv.map(String), run, io, parsed.cwd)
        .then((exit) => res.end(`${JSON.stringify({ exit })}\n`))
        .finally(() => (running -= 1));
    });
  });

  const previous = process.umask(0o077);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socket, () => resolve());
    });
  } finally {
    process.umask(previous);
  }
  lock.setSocket(socket);

  return async () => {
    server.close();
    for (let waited = 0; running > 0 && waited < 600; waited++) await new Promise((r) => setTimeout(r, 100));
    rmSync(socket, { force: true });
    if (privateDir) rmSync(privateDir, { recursive: true, force: true });
  };
}

/** Sends a command line to the running server and relays what it writes; resolves to the exit code. */
export function forwardToServer(socket: string, argv: readonly string[], io: CliIo): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: socket, path: '/cli', method: 'POST' }, (res) => {
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
