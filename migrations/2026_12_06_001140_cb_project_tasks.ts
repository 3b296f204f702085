import { sql, type Kysely } from 'kysely';

/**
 * 责任分解 of a co-building project (issue 17): who does what by when, one row per task, some of them the project's
 * nodes (里程碑). The organization is the project's community, its responsible unit or a cooperating unit; a task
 * is done on a date; overdue is computed from the date in China time, never stored. Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cb_project_tasks')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('project_id', 'integer', (c) => c.notNull().references('cb_projects.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('person', 'text')
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('milestone', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('done_on', 'date')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('cb_project_tasks_project').on('cb_project_tasks').columns(['project_id', 'due_on']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('cb_project_tasks').execute();
}
