import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exceljsSpreadsheet } from '../../src/adapters/spreadsheet-exceljs';
import type { Kysely } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../../src/db/client';
import type { Database } from '../../src/db/database';
import { quietLogger, type Deps } from '../../src/deps';
import { runCommand, type CliIo } from '../../src/entry/cli-program';
import { packArchive, sha256Hex, type Manifest } from '../../src/features/archive/archive-file';
import { archivedThroughViews, notArchived, tableRowCounts, yearTables } from '../../src/features/archive/archive.repository';
import { cliActor, type Ctx } from '../../src/features/context';
import { finalizeCycle, publishCycle } from '../../src/features/cycles/cycle-life';
import { getScorecard } from '../../src/features/scoring/get-scorecard';
import { scoreCycle } from '../../src/features/scoring/score-cycle';
import { fixedClock, type Clock } from '../../src/lib/clock';
import { compileRuleSet } from '../../src/rules/compile';
import { ruleSetRegistry, type RuleSets } from '../../src/rules/registry';
import { testAuthDeps, testBallotOptions, testPrinting } from '../support/app';
import { onPostgres, openIsolatedDatabase } from '../support/db';
import { createMember, createOrg } from '../support/factories';

/**
 * Backup, restore and archive on the database kind of this run: a database with a scored, published and finalized
 * year is backed up with `npx xingping backup` (pg_dump, or the PGlite folder's own copy), restored into a fresh
 * target with `restore` and compared table by table and by one scorecard; the year is archived as one sealed file
 * that is reopened, every hash checked, and caught when a byte changes.
 */
const rubric = {
  id: 'backup-test',
  title: '备份测试网格星级评定',
  version: '1',
  categories: ['grid'],
  facts: { score: { source: 'declared', label: '考评得分', key: 'test.score', type: 'number', default: 0 } },
  parts: [{ id: 'main', title: '考评', max: 100, indicators: [{ id: 'all', title: '得分', max: 100, clauses: [{ type: 'perUnit', fact: 'score', points: 1 }] }] }],
  total: { formula: 'main', max: 100 },
  grading: {
    grades: [
      { id: 'five', label: '五星' },
      { id: 'four', label: '四星' },
      { id: 'unrated', label: '不评星级' },
    ],
    bands: [
      { grade: 'five', gte: 90 },
      { grade: 'four', gte: 80, lt: 90 },
      { grade: 'unrated', lt: 80 },
    ],
  },
};

const YEAR = 2030;
const scores = [95, 86, 81, 70];
let source: Awaited<ReturnType<typeof openIsolatedDatabase>>;
let rules: RuleSets;
let grids: number[] = [];
let dir: string;
const after = fixedClock(`${YEAR + 1}-02-01T04:00:00Z`);
const savedEnv = { DATABASE_URL: process.env.DATABASE_URL, XINGPING_DATA_DIR: process.env.XINGPING_DATA_DIR };

/** Sets (or, for undefined, removes) a variable of this process's environment, which the CLI reads. */
function setEnv(key: keyof typeof savedEnv, value: string | undefined) {
  if (value === undefined) delete process.env[key];
  else process.env[key] = value;
}

const ctxOf = (db: DatabaseHandle['db'], clock: Clock = after): Ctx => ({ actor: cliActor('test'), db, clock, requestId: null });

function depsOf(handle: DatabaseHandle, clock: Clock = after): Deps {
  return { db: handle.db, dbKind: handle.kind, clock, logger: quietLogger, spreadsheet: exceljsSpreadsheet, ruleSets: rules, printing: testPrinting(), ballots: testBallotOptions(), ...testAuthDeps(handle.db, handle.kind, clock) };
}

/** Runs `npx xingping …` in this process on the source database; returns the exit code and everything written. */
async function cli(argv: string[]): Promise<{ code: number; text: string }> {
  const out: string[] = [];
  const io: CliIo = { out: (s) => out.push(s), err: (s) => out.push(s), progress: () => {} };
  const code = await runCommand(argv, (fn) => fn({ ctx: ctxOf(source.db), deps: depsOf(source) }), io, dir);
  return { code, text: out.join('\n') };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xp-backup-'));
  source = await openIsolatedDatabase();
  rules = ruleSetRegistry([await compileRuleSet(JSON.stringify(rubric), 'backup-test.json')]);
  const district = await createOrg(source.db, { kind: 'district', name: '备份测试区委' });
  const street = await createOrg(source.db, { kind: 'street', parent_id: district.id });
  const community = await createOrg(source.db, { kind: 'community', parent_id: street.id, category: null });
  await source.db.insertInto('cycles').values({ year: YEAR, state: 'reviewing' }).execute();
  for (const [i, s] of scores.entries()) {
    const g = await createOrg(source.db, { kind: 'grid', parent_id: community.id, code: `BK${i + 1}` });
    grids.push(g.id);
    await source.db.insertInto('declared_facts').values({ cycle_year: YEAR, org_id: g.id, key: 'test.score', value: String(s), note: null, created_by: 'test' }).execute();
  }
  const member = await createMember(source.db, { org_id: grids[0]! });
  const record = await source.db
    .insertInto('ledger_records')
    .values({ org_id: grids[0]!, cycle_year: YEAR, kind: 'theme_day', occurred_on: `${YEAR}-03-08`, title: '主题党日', participants: 12, hours: null, evidence: '[]', status: 'verified', created_by: 'test', reviewed_by: 'test', reviewed_at: new Date(), review_reason: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await source.db.insertInto('ledger_participants').values({ record_id: record.id, member_id: member.id }).execute();
  await scoreCycle({ ctx: ctxOf(source.db, fixedClock(`${YEAR + 1}-01-10T04:00:00Z`)), year: YEAR, ruleSets: rules });
  await publishCycle({ ctx: ctxOf(source.db, fixedClock(`${YEAR + 1}-01-12T04:00:00Z`)), year: YEAR, input: { appealDays: 7 } });
  await finalizeCycle({ ctx: ctxOf(source.db), year: YEAR });
}, 120_000);

afterAll(async () => {
  setEnv('DATABASE_URL', savedEnv.DATABASE_URL);
  setEnv('XINGPING_DATA_DIR', savedEnv.XINGPING_DATA_DIR);
  await source.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** A new, empty database on the PostgreSQL server (not migrated: a restore target), dropped by the returned function. */
async function emptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL!, poolSize: 1 });
  const name = `xp_restore_${process.pid}_${Date.now()}`;
  await sql`create database ${sql.id(name)}`.execute(admin.db);
  const url = new URL(savedEnv.DATABASE_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
      await admin.close();
    },
  };
}

type Restore = (argv: string[]) => Promise<{ code: number; text: string }>;

/**
 * A fresh restore target of this run's kind: `restore` runs `npx xingping restore …` into it, `restored()` is the
 * database it holds since (PGlite's folder is opened after each restore, closed before the next: one handle only).
 */
async function withTarget(check: (restore: Restore, restored: () => Kysely<Database>) => Promise<void>) {
  let handle: DatabaseHandle | null = null;
  let target: { url: string; drop(): Promise<void> } | null = null;
  const folder = join(dir, 'restored', 'pglite');
  if (onPostgres) {
    target = await emptyPostgresDatabase();
    setEnv('DATABASE_URL', target.url);
    handle = await openDatabase({ kind: 'postgres', url: target.url, poolSize: 2 });
  } else setEnv('XINGPING_DATA_DIR', join(dir, 'restored'));
  const restore: Restore = async (argv) => {
    if (!onPostgres && handle) await handle.close();
    if (!onPostgres) handle = null;
    const r = await cli(argv);
    if (!onPostgres && existsSync(join(folder, 'PG_VERSION'))) handle = await openDatabase({ kind: 'pglite', dataDir: folder });
    return r;
  };
  try {
    await check(restore, () => handle!.db);
  } finally {
    await handle?.close();
    setEnv('DATABASE_URL', savedEnv.DATABASE_URL);
    await target?.drop();
  }
}

describe('backup and restore', () => {
  it('restores a backup into a fresh target with every table and the scorecard as they were', async () => {
    const file = onPostgres ? 'round.dump' : 'round.tar.gz';
    if (onPostgres) setEnv('DATABASE_URL', source.url);
    const before = await tableRowCounts(source.db);
    const card = await getScorecard({ ctx: ctxOf(source.db), year: YEAR, orgId: grids[1]! });
    const backup = await cli(['backup', '--out', file]);
    setEnv('DATABASE_URL', savedEnv.DATABASE_URL);
    expect(backup, backup.text).toMatchObject({ code: 0 });
    expect(backup.text).toContain(`到 ${file}（`);
    expect(backup.text).toMatch(/^已备份.*SHA-256 [0-9a-f]{64}）：组织 7 个，/);
    expect(before.score_rows).toBe(scores.length);

    await withTarget(async (restore, restored) => {
      const done = await restore(['restore', file]);
      expect(done, done.text).toMatchObject({ code: 0 });
      expect(done.text).toMatch(/^已从 .* 恢复.*组织 7 个/);
      // Every table as it was, and one row more in the audit log: the restore itself, naming the file.
      expect(await tableRowCounts(restored())).toEqual({ ...before, audit_log: before.audit_log! + 1 });
      const audit = await restored().selectFrom('audit_log').select(['action', 'after']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(audit).toMatchObject({ action: 'database.restore', after: { file, kind: onPostgres ? 'postgres' : 'pglite' } });
      // The source's revisions had snapshots; restored, none is compared with this server's transactions.
      expect(await source.db.selectFrom('score_revisions').select('id').where('marks_snapshot', 'is not', null).execute()).not.toEqual([]);
      expect(await restored().selectFrom('score_revisions').select('id').where('marks_snapshot', 'is not', null).execute()).toEqual([]);
      expect(await getScorecard({ ctx: ctxOf(restored()), year: YEAR, orgId: grids[1]! })).toEqual(card);

      const again = await restore(['restore', file]);
      expect(again.code).toBe(1);
      expect(again.text).toMatch(onPostgres ? /^错误：目标数据库 xp_restore_\S+ 不是空的.*确认覆盖请加 --force/ : /^错误：数据目录 .* 中已有数据库。.*确认替换请加 --force/);
      // A change made since is gone again after a forced restore.
      await restored().insertInto('cycles').values({ year: YEAR + 60, state: 'draft' }).execute();
      const forced = await restore(['restore', file, '--force']);
      expect(forced, forced.text).toMatchObject({ code: 0 });
      expect(await tableRowCounts(restored())).toEqual({ ...before, audit_log: before.audit_log! + 1 });
      if (!onPostgres) expect(existsSync(join(dir, 'restored', 'pglite.bak'))).toBe(false);
    });
  }, 120_000);

  it('refuses a file that is no backup, or a backup of the other database kind, naming the file', async () => {
    writeFileSync(join(dir, 'notes.txt'), '这不是备份');
    expect((await cli(['restore', 'notes.txt'])).text).toBe('错误：notes.txt 不是星评的备份文件（既不是 pg_dump 的自定义格式，也不是 PGlite 数据目录的 .tar.gz）');
    writeFileSync(join(dir, 'other.bin'), onPostgres ? Buffer.from([0x1f, 0x8b, 8, 0]) : Buffer.from('PGDMP\x01\x0f'));
    expect((await cli(['restore', 'other.bin'])).text).toMatch(/^错误：other\.bin 是.*的备份，而当前.*不能直接恢复$/);
    expect((await cli(['restore', 'missing.dump'])).text).toMatch(/^错误：找不到文件 .*missing\.dump$/);
  });

  it.skipIf(onPostgres)('refuses to restore the embedded database while a server holds it', async () => {
    const data = join(dir, 'served');
    setEnv('XINGPING_DATA_DIR', data);
    rmSync(data, { recursive: true, force: true });
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, 'owner.lock.json'), JSON.stringify({ pid: process.pid, role: 'server', socket: join(data, 'xingping.sock') }));
    const r = await cli(['restore', 'round.tar.gz', '--force']);
    expect(r.code).toBe(1);
    expect(r.text).toMatch(/^错误：服务器正在运行（PID \d+），嵌入式数据库正由它使用，不能恢复：请先停止服务器/);
    expect(existsSync(join(data, 'pglite'))).toBe(false);
  });
});

async function openZip(file: string) {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Manifest;
  return { zip, manifest };
}

describe('archive', () => {
  const archive = join('archive', `${YEAR}.zip`);

  it('takes every table that belongs to a year, or says why not', async () => {
    const { rows } = await sql<{ table_name: string }>`
      select distinct table_name from information_schema.columns
      where table_schema = 'public' and column_name in ('cycle_year', 'year', 'revision_id', 'session_id', 'campaign_id', 'batch_id')`.execute(source.db);
    const covered = new Set<string>([...yearTables.map((t) => t.table), ...notArchived, ...archivedThroughViews]);
    expect(rows.map((r) => r.table_name).filter((t) => !covered.has(t))).toEqual([]);
  });

  it('refuses a year that is not finalized', async () => {
    await source.db.insertInto('cycles').values({ year: YEAR + 1, state: 'collecting' }).execute();
    const r = await cli(['archive', String(YEAR + 1)]);
    expect(r).toEqual({ code: 1, text: `错误：${YEAR + 1} 年度考核周期处于「台账填报中」状态，尚未定档，不能归档：定档后结果不再变化，才能封存` });
  });

  it('writes the finalized year as one file whose manifest hashes every entry, and the file checks out', async () => {
    const r = await cli(['archive', String(YEAR), archive]);
    expect(r, r.text).toMatchObject({ code: 0 });
    expect(r.text).toMatch(new RegExp(`^已归档 ${YEAR} 年度（定档计分版本 #\\d+）：archive/${YEAR}\\.zip，.*打印文件 ${scores.length + 1} 份）\\n总哈希（已记入审计日志）：[0-9a-f]{64}$`));
    const { zip, manifest } = await openZip(join(dir, archive));
    expect(manifest).toMatchObject({ format: 'xingping-archive', version: 1, year: YEAR, documents: { printed: scores.length + 1 } });
    for (const e of manifest.entries) {
      const bytes = await zip.file(e.path)!.async('uint8array');
      expect({ path: e.path, bytes: bytes.byteLength, sha256: await sha256Hex(bytes) }).toEqual({ path: e.path, bytes: e.bytes, sha256: e.sha256 });
    }
    const paths = manifest.entries.map((e) => e.path);
    expect(Object.keys(zip.files).filter((p) => !zip.files[p]!.dir).sort()).toEqual(['manifest.json', ...paths].sort());
    const rowsOf = (table: string) => manifest.entries.find((e) => e.path === `data/${table}.ndjson`)?.rows;
    expect({ cycles: rowsOf('cycles'), scores: rowsOf('scores'), grades: rowsOf('grades'), cycle_rule_sets: rowsOf('cycle_rule_sets'), rule_sets: rowsOf('rule_sets'), ledger_records: rowsOf('ledger_records'), ledger_participants: rowsOf('ledger_participants'), members: rowsOf('members') })
      .toEqual({ cycles: 1, scores: scores.length, grades: scores.length, cycle_rule_sets: 1, rule_sets: 1, ledger_records: 1, ledger_participants: 1, members: 1 });
    const cycle = JSON.parse(await zip.file('data/cycles.ndjson')!.async('string'));
    expect(cycle).toMatchObject({ year: YEAR, state: 'finalized', final_revision_id: manifest.finalRevisionId });
    const rule = paths.find((p) => p.startsWith('rules/backup-test-1-'))!;
    expect(JSON.parse(await zip.file(rule)!.async('string'))).toMatchObject({ id: 'backup-test', title: rubric.title });
    const pdfs = paths.filter((p) => p.startsWith('documents/') && p.endsWith('.pdf'));
    expect(pdfs).toHaveLength(scores.length + 1);
    expect(pdfs.some((p) => p.includes('考核排名表'))).toBe(true);
    for (const p of pdfs) expect(new TextDecoder().decode((await zip.file(p)!.async('uint8array')).slice(0, 5))).toBe('%PDF-');

    const ok = await cli(['archive', 'verify', archive]);
    expect(ok, ok.text).toMatchObject({ code: 0 });
    expect(ok.text).toContain(`已核对 ${manifest.entries.length} 个文件的 SHA-256 和字节数：全部与清单一致。`);
    expect(ok.text).toContain(`总哈希 ${manifest.overallSha256}：与本系统审计日志中`);
  }, 120_000);

  it('catches one changed byte, an entry changed inside a valid ZIP, and a file rewritten with its manifest', async () => {
    const original = readFileSync(join(dir, archive));
    const { zip, manifest } = await openZip(join(dir, archive));
    // One byte in the middle of the file (inside a stored PDF's content).
    const flipped = Buffer.from(original);
    const pdfAt = flipped.indexOf('%PDF-');
    flipped[pdfAt + 400] = flipped[pdfAt + 400]! ^ 0x01;
    writeFileSync(join(dir, 'flipped.zip'), flipped);
    const a = await cli(['archive', 'verify', 'flipped.zip']);
    expect(a.code).toBe(1);
    expect(a.text).toMatch(/错误：归档文件 flipped\.zip 核验未通过：\d+ 处问题（见上）$/);

    // An entry changed and the ZIP rebuilt around it (its CRC right): the manifest hash catches it.
    const scoresFile = 'data/scores.ndjson';
    const text = await zip.file(scoresFile)!.async('string');
    zip.file(scoresFile, text.replace(/\d/, (d) => String((Number(d) + 1) % 10)));
    writeFileSync(join(dir, 'edited.zip'), await zip.generateAsync({ type: 'uint8array' }));
    const b = await cli(['archive', 'verify', 'edited.zip']);
    expect(b.code).toBe(1);
    expect(b.text).toContain(`  ${scoresFile} 与清单不符（清单 SHA-256 ${manifest.entries.find((e) => e.path === scoresFile)!.sha256.slice(0, 16)}…`);

    // Entries and manifest rewritten together: consistent in itself, but not what the audit log sealed.
    const entries = await Promise.all(manifest.entries.map(async (e) => ({ path: e.path, bytes: await zip.file(e.path)!.async('uint8array') })));
    const { format: _f, version: _v, entries: _e, overallSha256: _o, ...head } = manifest;
    writeFileSync(join(dir, 'rewritten.zip'), (await packArchive(head, entries)).bytes);
    const c = await cli(['archive', 'verify', 'rewritten.zip']);
    expect(c.code).toBe(1);
    expect(c.text).toContain(`清单的总哈希与本系统审计日志中 ${YEAR} 年度归档时记录的（1 次）都不一致：文件可能被整体改写`);
  }, 60_000);
});
