import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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
