import { createHash } from 'node:crypto';
import { Migrator } from 'kysely';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index';
import { openDatabase } from '../../src/db/client';
import { migrateDown, migrateToLatest } from '../../src/db/migrate';

const handle = await openDatabase({ kind: 'pglite' });
afterAll(() => handle.close());

describe('migrations merged out of order', () => {
  it('still apply a migration named before one that has already run', async () => {
    // A database that ran every migration up to the documents one but the reviews one (a branch merged after the
    // documents landed); later migrations build on the reviews' tables, so they wait for it too.
    const reviews = migrations['2026_11_22_000500_reviews'];
    expect(reviews).toBeDefined();
    const others = Object.fromEntries(Object.entries(migrations).filter(([name]) => name <= '2026_11_22_000600_documents' && name !== '2026_11_22_000500_reviews'));
    const earlier = new Migrator({ db: handle.db, provider: { getMigrations: async () => others }, migrationTableName: 'kysely_migration', migrationLockTableName: 'kysely_migration_lock' });
    const first = await earlier.migrateToLatest();
    expect(first.error).toBeUndefined();
    const result = await migrateToLatest(handle.db);
    const later = Object.keys(migrations).filter((name) => name > '2026_11_22_000600_documents');
    expect(result.results?.map((r) => [r.migrationName, r.status])).toEqual([['2026_11_22_000500_reviews', 'Success'], ...later.map((name) => [name, 'Success'])]);
    const tables = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name in ('review_votes', 'documents')`.execute(handle.db);
    expect(tables.rows[0]!.n).toBe(2);
  });
});

describe('the accounts migration', () => {
  it('turns each existing token into a script account of its own and rewrites actor ids', async () => {
    const db = (await openDatabase({ kind: 'pglite' })).db;
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '2026_12_04_000700_accounts'));
    const m = new Migrator({ db, provider: { getMigrations: async () => before }, migrationTableName: 'kysely_migration', migrationLockTableName: 'kysely_migration_lock' });
    expect((await m.migrateToLatest()).error).toBeUndefined();
    await sql`insert into organizations (code, name, kind, active_from) values ('M1', '迁移区委', 'district', '2000-01-01')`.execute(db);
    await sql`insert into api_tokens (name, role, org_id, token_hash, token_prefix) select '旧令牌', 'leader', id, 'h1', 'xp_aaaaaa' from organizations where code = 'M1'`.execute(db);
    await sql`insert into api_tokens (name, role, org_id, token_hash, token_prefix, revoked_at) select '已吊销', 'reviewer', id, 'h2', 'xp_bbbbbb', now() from organizations where code = 'M1'`.execute(db);
    const tokenId = (await sql<{ id: number }>`select id from api_tokens where token_hash = 'h1'`.execute(db)).rows[0]!.id;
    const revokedId = (await sql<{ id: number }>`select id from api_tokens where token_hash = 'h2'`.execute(db)).rows[0]!.id;
    // A reviewer token that is a rater of a review session: the rater becomes that token's account.
    await sql`insert into cycles (year, state) values (2020, 'reviewing')`.execute(db);
    await sql`insert into review_sessions (cycle_year, kind, org_id, title, items, rater_groups, created_by) select 2020, 'secretary', id, '迁移评议', '[]', '[]', ${`token:${tokenId}`} from organizations where code = 'M1'`.execute(db);
    await sql`insert into review_raters (session_id, group_key, token_id) select id, 'superior', ${revokedId} from review_sessions`.execute(db);
    await sql`insert into audit_log (actor_id, actor_name, actor_role, action, entity, entity_id) values (${`token:${tokenId}`}, '旧令牌', 'leader', 'x', 'y', '1')`.execute(db);
    await migrateToLatest(db);
    const users = await sql<{ id: number; login: string; kind: string; role: string; display_name: string; disabled: boolean }>`select u.id, u.login, u.kind, u.role, u.display_name, u.disabled_at is not null as disabled
      from users u join api_tokens t on t.user_id = u.id order by t.id`.execute(db);
    expect(users.rows).toEqual([
      { id: expect.any(Number), login: `token-${tokenId}`, kind: 'script', role: 'leader', display_name: '旧令牌', disabled: false },
      { id: expect.any(Number), login: `token-${revokedId}`, kind: 'script', role: 'reviewer', display_name: '已吊销', disabled: true },
    ]);
    const audit = await sql<{ actor_id: string }>`select actor_id from audit_log`.execute(db);
    expect(audit.rows).toEqual([{ actor_id: `user:${users.rows[0]!.id}` }]);
    const rater = await sql<{ user_id: number; created_by: string }>`select r.user_id, s.created_by from review_raters r join review_sessions s on s.id = r.session_id`.execute(db);
    expect(rater.rows).toEqual([{ user_id: users.rows[1]!.id, created_by: `user:${users.rows[0]!.id}` }]);
    // And back (every migration after the accounts one first): the tokens get their role and organization again, the rater its token.
    const after = Object.keys(migrations).filter((name) => name > '2026_12_04_000700_accounts');
    for (let i = 0; i <= after.length; i++) await migrateDown(db);
    const back = await sql<{ role: string; token_id: number }>`select t.role, r.token_id from api_tokens t join review_raters r on r.token_id = t.id`.execute(db);
    expect(back.rows).toEqual([{ role: 'reviewer', token_id: revokedId }]);
    expect((await sql<{ actor_id: string }>`select actor_id from audit_log`.execute(db)).rows).toEqual([{ actor_id: `token:${tokenId}` }]);
    await db.destroy();
  });
});

describe('the duty-report files migration', () => {
  it('moves each stored attachment into files, keeping one of no accepted type as legacy, and back', async () => {
    const db = (await openDatabase({ kind: 'pglite' })).db;
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '2026_12_05_001020_duty_report_files'));
    const m = new Migrator({ db, provider: { getMigrations: async () => before }, migrationTableName: 'kysely_migration', migrationLockTableName: 'kysely_migration_lock' });
    expect((await m.migrateToLatest()).error).toBeUndefined();
    await sql`insert into organizations (code, name, kind, active_from) values ('D1', '迁移社区', 'community', '2000-01-01')`.execute(db);
    await sql`insert into cycles (year, state) values (2020, 'reviewing')`.execute(db);
    const pdf = Buffer.from('%PDF-1.4 述职附件');
    const text = Buffer.from('纯文本附件');
    await sql`insert into duty_reports (cycle_year, kind, org_id, text, attachment_name, attachment_mime, attachment, submitted_by)
      select 2020, k, o.id, '述职报告正文', n, t, b, 'user:1' from organizations o,
      (values ('secretary', '述职.pdf', 'application/octet-stream', ${pdf}::bytea), ('chair', '说明.txt', 'text/plain', ${text}::bytea)) v(k, n, t, b)`.execute(db);
    await migrateToLatest(db);
    const moved = await sql<{ kind: string; name: string; mime: string; purpose: string; size: number; sha256: string; content: Uint8Array; org: string }>`
      select d.kind, f.name, f.mime, f.purpose, f.size, f.sha256, f.content, o.code as org from duty_reports d join files f on f.id = d.attachment_file_id
      join organizations o on o.id = f.org_id order by d.kind desc`.execute(db);
    // The PDF is recognised by its bytes (not by the declared octet-stream); the text file is kept under its own type.
    expect(moved.rows.map((r) => [r.kind, r.name, r.mime, r.purpose, r.size, r.org, Buffer.from(r.content).toString()])).toEqual([
      ['secretary', '述职.pdf', 'application/pdf', 'duty_report', pdf.length, 'D1', '%PDF-1.4 述职附件'],
      ['chair', '说明.txt', 'text/plain', 'duty_report_legacy', text.length, 'D1', '纯文本附件'],
    ]);
    expect(moved.rows[0]!.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    // Back down: every later migration first, then this one.
    const later = Object.keys(migrations).filter((name) => name > '2026_12_05_001020_duty_report_files');
    for (let i = 0; i <= later.length; i++) await migrateDown(db);
    const back = await sql<{ kind: string; attachment_name: string; n: number }>`select kind, attachment_name, octet_length(attachment)::int as n from duty_reports order by kind desc`.execute(db);
    expect(back.rows).toEqual([
      { kind: 'secretary', attachment_name: '述职.pdf', n: pdf.length },
      { kind: 'chair', attachment_name: '说明.txt', n: text.length },
    ]);
  });
});

describe('the grade-step migration', () => {
  it('fills each stored grade\'s deciding step from its steps: the last that set it, not a 后进 listing', async () => {
    const db = (await openDatabase({ kind: 'pglite' })).db;
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '2026_12_05_001030_grade_decided_by'));
    const m = new Migrator({ db, provider: { getMigrations: async () => before }, migrationTableName: 'kysely_migration', migrationLockTableName: 'kysely_migration_lock' });
    expect((await m.migrateToLatest()).error).toBeUndefined();
    await sql`insert into organizations (code, name, kind, active_from) values ('S1', '甲社区', 'community', '2000-01-01'), ('S2', '乙社区', 'community', '2000-01-01'), ('S3', '丙社区', 'community', '2000-01-01')`.execute(db);
    await sql`insert into cycles (year, state) values (2020, 'computed')`.execute(db);
    await sql`insert into score_revisions (cycle_year, rule_sets, org_count, created_by) values (2020, '[]', 3, 'test')`.execute(db);
    const steps = (kinds: string[]) => JSON.stringify({ steps: kinds.map((kind) => ({ kind, grade: 'x', text: kind })) });
    await sql`insert into grades (revision_id, org_id, grade, grade_label, lagging, detail)
      select r.id, o.id, case when o.code = 'S3' then null else 'three' end, null, o.code = 'S2',
        case o.code when 'S1' then ${steps(['band', 'quota'])} when 'S2' then ${steps(['band', 'cap', 'lagging'])} else ${steps([])} end::json
      from score_revisions r, organizations o`.execute(db);
    await migrateToLatest(db);
    const rows = await sql<{ code: string; decided_by: string | null }>`select o.code, g.decided_by from grades g join organizations o on o.id = g.org_id order by o.code`.execute(db);
    expect(rows.rows).toEqual([
      { code: 'S1', decided_by: 'quota' },
      { code: 'S2', decided_by: 'cap' },
      { code: 'S3', decided_by: null },
    ]);
  });
});
