import { type Kysely, sql } from 'kysely';

/**
 * Ledger kinds become the catalog's first member (DECISIONS.md): admins add kinds, so a kind says who added it
 * and when, how often it is expected (`period`, null: as it happens), and when it was retired. Kinds are
 * append-only: a code is never changed or deleted (ledger records and pinned rule sets refer to it), a kind in
 * use is retired instead. `unit = 'hours'` already says that a record must give its hours. Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('record_kinds')
    .addColumn('period', 'text', (c) => c.check(sql`period in ('month','quarter','year')`))
    .addColumn('created_by', 'text', (c) => c.notNull().defaultTo('migration'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('retired_at', 'timestamptz')
    .execute();
  await sql`alter table record_kinds alter column created_by drop default`.execute(db);
  await sql`alter table record_kinds add constraint record_kinds_code_format check (code ~ '^[a-z][a-z0-9_]*$' and length(code) <= 40)`.execute(db);
  const periods: Record<string, string> = {
    branch_assembly: 'quarter',
    committee_meeting: 'month',
    group_meeting: 'month',
    party_lecture: 'quarter',
    theme_day: 'month',
    org_life: 'year',
    member_review: 'year',
    joint_meeting: 'quarter',
  };
  for (const [code, period] of Object.entries(periods)) {
    await db.updateTable('record_kinds').set({ period }).where('code', '=', code).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table record_kinds drop constraint if exists record_kinds_code_format`.execute(db);
  await db.schema.alterTable('record_kinds').dropColumn('period').dropColumn('created_by').dropColumn('created_at').dropColumn('retired_at').execute();
}
