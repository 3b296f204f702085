import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { needsDatabase, runCommand, type SessionRunner } from '../../src/entry/cli-program';
import { acquireDataDir } from '../../src/entry/control';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function dir(): string {
  const d = mkdtempSync(join(tmpdir(), 'xp-lock-'));
  dirs.push(d);
  return d;
}

describe('embedded data folder ownership', () => {
  it('lets one process hold the folder and tells the next who holds it', () => {
    const d = dir();
    const first = acquireDataDir(d, 'server');
    expect('lock' in first).toBe(true);
    const second = acquireDataDir(d, 'cli');
    expect(second).toEqual({ owner: { pid: process.pid, role: 'server', socket: null } });
    if ('lock' in first) {
      first.lock.setSocket('/tmp/x.sock');
      expect(acquireDataDir(d, 'cli')).toEqual({ owner: { pid: process.pid, role: 'server', socket: '/tmp/x.sock' } });
      first.lock.release();
    }
    expect('lock' in acquireDataDir(d, 'cli')).toBe(true);
  });

  it('takes over a lock left by a process that is gone', () => {
    const d = dir();
    writeFileSync(join(d, 'owner.lock.json'), JSON.stringify({ pid: 2 ** 22 + 12345, role: 'server', socket: null }));
    expect('lock' in acquireDataDir(d, 'server')).toBe(true);
  });
});

describe('commands that need no database', () => {
  const rulesDir = resolve('rules');
  const ruleJson = readdirSync(rulesDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(rulesDir, f)); // what the shell makes of rules/*.json: the schema and the catalog too

  it('are told apart from those that open it', () => {
    for (const argv of [['rules', 'validate'], ['rules', 'validate', ...ruleJson], ['rules', 'test'], ['rules'], ['--help'], ['score', '--help'], []]) {
      expect(needsDatabase(argv), argv.join(' ')).toBe(false);
    }
    for (const argv of [['score'], ['cycle', 'list'], ['rules', 'preview', 'x.json'], ['migrate'], ['token', 'create', '--role', 'admin']]) {
      expect(needsDatabase(argv), argv.join(' ')).toBe(true);
    }
  });

  it('validates and tests rule files with a runner that refuses to open a database', async () => {
    const refuse: SessionRunner = () => {
      throw new Error('a database was requested');
    };
    for (const argv of [['rules', 'validate', ...ruleJson], ['rules', 'validate'], ['rules', 'test']]) {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCommand(argv, refuse, { out: (t) => out.push(t), err: (t) => err.push(t), progress: () => {} }, process.cwd());
      expect({ argv, code, errors: err.filter((l) => !l.startsWith('警告：')) }).toEqual({ argv, code: 0, errors: [] });
      const passed = out.filter((l) => l.startsWith('通过：')).length;
      if (argv[1] === 'validate') expect(passed).toBe(ruleJson.length - 2); // one line per rule file, the schema and the catalog skipped
      else expect(passed).toBeGreaterThan(ruleJson.length); // one line per example
    }
  });

  it('run side by side while another command holds the embedded data folder', async () => {
    const d = dir();
    const held = acquireDataDir(d, 'cli'); // this process, alive, with no server socket to forward to
    expect('lock' in held).toBe(true);
    const cli = (args: string[]) =>
      new Promise<{ code: number | null; out: string }>((done) => {
        const child = spawn(process.execPath, [resolve('bin/xingping.mjs'), ...args], { cwd: d, env: { ...process.env, XINGPING_DATA_DIR: d, DATABASE_URL: '' } });
        let out = '';
        child.stdout.on('data', (b) => (out += b));
        child.stderr.on('data', (b) => (out += b));
        child.on('close', (code) => done({ code, out }));
      });
    const [a, b, busy] = await Promise.all([cli(['rules', 'validate', ...ruleJson]), cli(['rules', 'validate']), cli(['cycle', 'list'])]);
    expect(a.code, a.out).toBe(0);
    expect(b.code, b.out).toBe(0);
    expect(a.out).toContain('通过：community.json');
    expect(busy.code).toBe(1); // a command that needs the database still waits its turn
    expect(busy.out).toContain('正被另一个命令');
    if ('lock' in held) held.lock.release();
  });
});
