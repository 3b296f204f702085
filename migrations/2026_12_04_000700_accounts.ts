import { type Kysely, sql } from 'kysely';

/**
 * Personal accounts: users (login, display name, role, organization, scrypt password), browser sessions,
 * every sign-in attempt, and the counters of the rate limiter. API tokens now belong to a user and act as
 * that user: each existing token becomes one user of its own (a script account without a password), and
 * reviewer raters reference users. Actor ids written as 'token:N' become 'user:M'. Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    // Compared in lower case: 'Zhang.San' and 'zhang.san' are one login.
    .addColumn('login', 'text', (c) => c.notNull().check(sql`login = lower(login) and length(login) between 2 and 64`))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin','leader','org_user','reviewer')`))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    // 'person' signs in with a password; 'script' only acts through its API tokens.
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('person').check(sql`kind in ('person','script')`))
    .addColumn('phone', 'text')
    .addColumn('password_hash', 'text')
    .addColumn('must_change_password', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('password_changed_at', 'timestamptz')
    .addColumn('failed_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('disabled_at', 'timestamptz')
    .addColumn('last_sign_in_at', 'timestamptz')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('users_script_no_password', sql`kind = 'person' or password_hash is null`)
    .execute();
  await sql`create unique index users_login_idx on users (login)`.execute(db);
  await db.schema.createIndex('users_org_idx').on('users').column('org_id').execute();

  await db.schema
    .createTable('user_sessions')
    // SHA-256 of the cookie's random value: the value itself is never stored.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('address', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('user_sessions_user_idx').on('user_sessions').column('user_id').execute();

  await db.schema
    .createTable('sign_in_attempts')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('login', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) =>
      c.notNull().check(sql`outcome in ('ok','bad_password','unknown_user','locked','throttled','disabled','no_password')`),
    )
    .execute();
  await db.schema.createIndex('sign_in_attempts_user_idx').on('sign_in_attempts').columns(['user_id', 'at']).execute();

  // Counters of the rate limiter on PostgreSQL (shared by every process): one row per key and window.
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('reset_at', 'timestamptz', (c) => c.notNull())
    .execute();

  // Every token becomes a script user of its own, with the token's name, role and organization (disabled when revoked).
  await db.schema.alterTable('api_tokens').addColumn('user_id', 'integer', (c) => c.references('users.id')).execute();
  await sql`
    with made as (
      insert into users (login, display_name, role, org_id, kind, created_by, created_at, disabled_at)
      select 'token-' || t.id, t.name, t.role, t.org_id, 'script', 'migration', t.created_at, t.revoked_at from api_tokens t
      returning id, login
    )
    update api_tokens t set user_id = made.id from made where made.login = 'token-' || t.id`.execute(db);
  await sql`alter table api_tokens alter column user_id set not null`.execute(db);
  await db.schema.alterTable('api_tokens').dropColumn('role').dropColumn('org_id').execute();
  await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').column('user_id').execute();

  await db.schema.alterTable('review_raters').addColumn('user_id', 'integer', (c) => c.references('users.id')).execute();
  await sql`update review_raters r set user_id = t.user_id from api_tokens t where t.id = r.token_id`.execute(db);
  await sql`alter table review_raters drop constraint review_raters_one_way`.execute(db);
  await sql`alter table review_raters drop constraint review_raters_token_once`.execute(db);
  await db.schema.alterTable('review_raters').dropColumn('token_id').execute();
  await sql`alter table review_raters add constraint review_raters_one_way check ((user_id is null) <> (code_hash is null))`.execute(db);
  await sql`alter table review_raters add constraint review_raters_user_once unique (session_id, user_id)`.execute(db);

  for (const [table, column] of actorColumns) {
    await sql`update ${sql.table(table)} x set ${sql.ref(column)} = 'user:' || t.user_id
      from api_tokens t where x.${sql.ref(column)} = 'token:' || t.id`.execute(db);
  }
}

/** Columns that hold an actor id ('token:12' before, 'user:7' after). */
const actorColumns: [string, string][] = [
  ['audit_log', 'actor_id'],
  ['ledger_records', 'created_by'],
  ['ledger_records', 'reviewed_by'],
  ['meetings', 'created_by'],
  ['checkins', 'created_by'],
  ['inspections', 'created_by'],
  ['declared_facts', 'created_by'],
  ['org_records', 'created_by'],
  ['appeals', 'created_by'],
  ['appeals', 'decided_by'],
  ['corrections', 'created_by'],
  ['score_revisions', 'created_by'],
  ['cycle_rule_sets', 'pinned_by'],
  ['rule_previews', 'created_by'],
  ['duty_reports', 'submitted_by'],
  ['review_sessions', 'created_by'],
  ['twoway_evaluations', 'submitted_by'],
  ['member_feedback', 'submitted_by'],
  ['rating_campaigns', 'created_by'],
  ['ballot_batches', 'created_by'],
  ['ballots', 'voided_by'],
];

export async function down(db: Kysely<any>): Promise<void> {
  for (const [table, column] of actorColumns) {
    await sql`update ${sql.table(table)} x set ${sql.ref(column)} = 'token:' || t.id
      from api_tokens t join users u on u.id = t.user_id and u.kind = 'script'
      where x.${sql.ref(column)} = 'user:' || u.id`.execute(db);
  }
  await db.schema.alterTable('review_raters').addColumn('token_id', 'integer', (c) => c.references('api_tokens.id')).execute();
  await sql`update review_raters r set token_id = (select min(t.id) from api_tokens t where t.user_id = r.user_id) where r.user_id is not null`.execute(db);
  await sql`delete from review_raters where user_id is not null and token_id is null`.execute(db);
  await sql`alter table review_raters drop constraint review_raters_one_way`.execute(db);
  await sql`alter table review_raters drop constraint review_raters_user_once`.execute(db);
  await db.schema.alterTable('review_raters').dropColumn('user_id').execute();
  await sql`alter table review_raters add constraint review_raters_one_way check ((token_id is null) <> (code_hash is null))`.execute(db);
  await sql`alter table review_raters add constraint review_raters_token_once unique (session_id, token_id)`.execute(db);

  await db.schema.alterTable('api_tokens').addColumn('role', 'text').addColumn('org_id', 'integer', (c) => c.references('organizations.id')).execute();
  await sql`update api_tokens t set role = u.role, org_id = u.org_id from users u where u.id = t.user_id`.execute(db);
  await sql`alter table api_tokens alter column role set not null, alter column org_id set not null`.execute(db);
  await sql`alter table api_tokens add constraint api_tokens_role_check check (role in ('admin','leader','org_user','reviewer'))`.execute(db);
  await db.schema.dropIndex('api_tokens_user_idx').execute();
  await db.schema.alterTable('api_tokens').dropColumn('user_id').execute();
  for (const t of ['rate_limits', 'sign_in_attempts', 'user_sessions', 'users']) await db.schema.dropTable(t).execute();
}
