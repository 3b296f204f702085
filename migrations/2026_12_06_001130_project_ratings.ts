import { sql, type Kysely } from 'kysely';

/**
 * Residents rate finished co-building projects (issue 17) through the same campaigns and one-time codes as
 * organizations: a campaign's `subject` says what its targets are; a project target keeps the project's community
 * as its organization (scope, anonymity and the ballots' org_id stay as they are) and names the project. One target
 * per organization, or per project, in a campaign. Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('rating_campaigns')
    .addColumn('subject', 'text', (c) => c.notNull().defaultTo('org').check(sql`subject in ('org','project')`))
    .execute();
  await db.schema.alterTable('rating_targets').addColumn('project_id', 'integer', (c) => c.references('cb_projects.id')).execute();
  await db.schema.alterTable('rating_targets').dropConstraint('rating_targets_unique').execute();
  await sql`create unique index rating_targets_unique on rating_targets (cycle_year, campaign_id, org_id, coalesce(project_id, 0))`.execute(db);
  await db.schema.createIndex('rating_targets_project').on('rating_targets').column('project_id').where(sql.ref('project_id'), 'is not', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('rating_targets_project').execute();
  await db.schema.dropIndex('rating_targets_unique').execute();
  await db.schema.alterTable('rating_targets').addUniqueConstraint('rating_targets_unique', ['cycle_year', 'campaign_id', 'org_id']).execute();
  await db.schema.alterTable('rating_targets').dropColumn('project_id').execute();
  await db.schema.alterTable('rating_campaigns').dropColumn('subject').execute();
}
