import { type Kysely, sql } from 'kysely';

/**
 * The foundation schema: the organization tree (materialized path), members, tokens, the audit log,
 * assessment cycles, the record-kind catalog, the daily ledger, joint meetings, co-building agreements
 * and in-service member check-ins. Frozen: never import application code here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organizations')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(
        sql`kind in ('district','street','community','grid','building','sector','unit','enterprise','social_org')`,
      ),
    )
    .addColumn('category', 'text')
    .addColumn('parent_id', 'integer', (c) => c.references('organizations.id'))
    // '/1/5/23/': ids from the root down to this row; subtree = path LIKE prefix || '%'.
    .addColumn('path', sql`text collate "C"`, (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('secretary_name', 'text')
    .addColumn('member_count', 'integer', (c) => c.notNull().defaultTo(0).check(sql`member_count >= 0`))
    .addColumn('active_from', 'date', (c) => c.notNull())
    .addColumn('active_to', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('organizations_active_range', sql`active_to is null or active_to >= active_from`)
    .execute();
  await sql`create index organizations_path_idx on organizations (path)`.execute(db);
  await db.schema.createIndex('organizations_parent_idx').on('organizations').column('parent_id').execute();
  await db.schema.createIndex('organizations_kind_idx').on('organizations').columns(['kind', 'category']).execute();

  // The path is derived from the parent on every insert, so no caller can store an inconsistent one.
  await sql`
    create function organizations_set_path() returns trigger language plpgsql as $$
    declare parent_path text;
    begin
      if new.parent_id is null then
        new.path := '/' || new.id || '/';
        new.depth := 0;
      else
        select path into parent_path from organizations where id = new.parent_id;
        if parent_path is null then
          raise exception 'parent organization % does not exist', new.parent_id using errcode = '23503';
        end if;
        new.path := parent_path || new.id || '/';
        new.depth := length(parent_path) - length(replace(parent_path, '/', '')) - 1;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger organizations_set_path before insert on organizations
    for each row execute function organizations_set_path()`.execute(db);

  await db.schema
    .createTable('members')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('employer_name', 'text')
    .addColumn('employer_org_id', 'integer', (c) => c.references('organizations.id'))
    .addColumn('residence_community_id', 'integer', (c) => c.references('organizations.id'))
    .addColumn('in_service', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('members_org_idx').on('members').column('org_id').execute();
  await db.schema.createIndex('members_residence_idx').on('members').column('residence_community_id').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin','leader','org_user','reviewer')`))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('token_prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    // The organization the change concerns: audit reads are scoped by it like everything else.
    .addColumn('org_id', 'integer')
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .addColumn('request_id', 'text')
    .execute();
  await db.schema.createIndex('audit_entity_idx').on('audit_log').columns(['entity', 'entity_id']).execute();
  await db.schema.createIndex('audit_org_idx').on('audit_log').columns(['org_id', 'at']).execute();

  await db.schema
    .createTable('cycles')
    .addColumn('year', 'integer', (c) => c.primaryKey().check(sql`year between 1900 and 9999`))
    .addColumn('state', 'text', (c) =>
      c.notNull().defaultTo('draft').check(
        sql`state in ('draft','collecting','reviewing','computed','published','finalized')`,
      ),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('record_kinds')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('group_name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull().check(sql`unit in ('times','hours')`))
    // 'outcome' measures something done for people; 'trace' only that something was filed (减负 rules).
    .addColumn('measure', 'text', (c) => c.notNull().check(sql`measure in ('outcome','trace')`))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .execute();
  await db
    .insertInto('record_kinds')
    .values(
      [
        ['branch_assembly', '支部党员大会', '三会一课', 'times', 'trace'],
        ['committee_meeting', '支委会', '三会一课', 'times', 'trace'],
        ['group_meeting', '党小组会', '三会一课', 'times', 'trace'],
        ['party_lecture', '党课', '三会一课', 'times', 'trace'],
        ['theme_day', '主题党日', '组织生活', 'times', 'trace'],
        ['org_life', '组织生活会', '组织生活', 'times', 'trace'],
        ['member_review', '民主评议党员', '组织生活', 'times', 'trace'],
        ['joint_meeting', '联席会议', '共驻共建', 'times', 'trace'],
        ['member_report', '在职党员报到', '共驻共建', 'times', 'outcome'],
        ['volunteer', '志愿服务', '服务群众', 'hours', 'outcome'],
        ['micro_wish', '微心愿', '服务群众', 'times', 'outcome'],
        ['practical_deed', '为民办实事', '服务群众', 'times', 'outcome'],
        ['study', '学习', '学习教育', 'times', 'trace'],
      ].map(([code, name, group_name, unit, measure], i) => ({ code, name, group_name, unit, measure, sort: i + 1 })),
    )
    .execute();

  await db.schema
    .createTable('ledger_records')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('cycle_year', 'integer', (c) => c.notNull().references('cycles.year'))
    .addColumn('kind', 'text', (c) => c.notNull().references('record_kinds.code'))
    .addColumn('occurred_on', 'date', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('participants', 'integer', (c) => c.notNull().defaultTo(0).check(sql`participants >= 0`))
    .addColumn('hours', sql`numeric(8,2)`, (c) => c.check(sql`hours >= 0`))
    .addColumn('evidence', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('submitted').check(sql`status in ('submitted','verified','rejected')`),
    )
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('api'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'timestamptz')
    .addColumn('review_reason', 'text')
    .addCheckConstraint('ledger_records_in_cycle', sql`extract(year from occurred_on) = cycle_year`)
    .addCheckConstraint(
      'ledger_records_review',
      sql`(status = 'submitted') = (reviewed_at is null) and (status <> 'rejected' or review_reason is not null)`,
    )
    .execute();
  await db.schema.createIndex('ledger_cycle_org_idx').on('ledger_records').columns(['cycle_year', 'org_id', 'kind']).execute();
  await db.schema.createIndex('ledger_org_date_idx').on('ledger_records').columns(['org_id', 'occurred_on']).execute();

  await db.schema
    .createTable('ledger_participants')
    .addColumn('record_id', 'bigint', (c) => c.notNull().references('ledger_records.id').onDelete('cascade'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addPrimaryKeyConstraint('ledger_participants_pk', ['record_id', 'member_id'])
    .execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('cycle_year', 'integer', (c) => c.notNull().references('cycles.year'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('joint_meeting','policy_study')`))
    .addColumn('host_org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_on', 'date', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('meetings_in_cycle', sql`extract(year from held_on) = cycle_year`)
    .execute();
  await db.schema.createIndex('meetings_host_idx').on('meetings').columns(['cycle_year', 'host_org_id']).execute();

  await db.schema
    .createTable('meeting_attendance')
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('present','excused','absent')`))
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('meeting_attendance_pk', ['meeting_id', 'org_id'])
    .execute();
  await db.schema.createIndex('meeting_attendance_org_idx').on('meeting_attendance').column('org_id').execute();

  await db.schema
    .createTable('agreements')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('community_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 1900 and 9999`))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('signed_on', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('agreements_pair_year', ['community_id', 'unit_id', 'year'])
    .addCheckConstraint('agreements_two_sides', sql`community_id <> unit_id`)
    .execute();
  await db.schema.createIndex('agreements_unit_idx').on('agreements').columns(['unit_id', 'year']).execute();

  await db.schema
    .createTable('checkins')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('community_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('cycle_year', 'integer', (c) => c.notNull().references('cycles.year'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('report','service')`))
    .addColumn('occurred_on', 'date', (c) => c.notNull())
    .addColumn('hours', sql`numeric(6,2)`, (c) => c.check(sql`hours >= 0`))
    .addColumn('activity', 'text')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('api'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('checkins_in_cycle', sql`extract(year from occurred_on) = cycle_year`)
    .addCheckConstraint('checkins_hours', sql`(kind = 'service') = (hours is not null)`)
    .execute();
  await db.schema.createIndex('checkins_community_idx').on('checkins').columns(['cycle_year', 'community_id']).execute();
  await db.schema.createIndex('checkins_member_idx').on('checkins').columns(['member_id', 'cycle_year']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'checkins',
    'agreements',
    'meeting_attendance',
    'meetings',
    'ledger_participants',
    'ledger_records',
    'record_kinds',
    'cycles',
    'audit_log',
    'api_tokens',
    'members',
    'organizations',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await sql`drop function organizations_set_path()`.execute(db);
}
