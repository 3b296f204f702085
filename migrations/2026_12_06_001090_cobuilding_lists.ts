import { sql, type Kysely } from 'kysely';

/**
 * Co-building outcomes (issue 17, first part): the three lists. 资源清单 (`cb_resources`: what an organization
 * offers a community or a street), 需求清单 (`cb_needs`: what a community or grid collected), 项目清单
 * (`cb_projects`, matching needs and resources, claimed by a unit, with a progress ledger `cb_progress` and 销号
 * proposed by the responsible side and approved or sent back by the community). Lists are not year objects
 * (DECISIONS.md): events carry their dates and facts count them into the cycle of the date. States move only as
 * `features/cobuilding/moves.ts` allows. Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const org = (c: any) => c.notNull().references('organizations.id');
  await db.schema
    .createTable('cb_resources')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('org_id', 'integer', org)
    .addColumn('offered_to_id', 'integer', org)
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('venue','talent','funds','goods','service','other')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('capacity', 'text')
    .addColumn('contact', 'text')
    .addColumn('offered_on', 'date', (c) => c.notNull())
    .addColumn('available_to', 'date')
    .addColumn('withdrawn_on', 'date')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('cb_needs')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('org_id', 'integer', org)
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('venue','talent','funds','goods','service','other')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('residents', 'integer', (c) => c.check(sql`residents >= 0`))
    .addColumn('urgency', 'text', (c) => c.notNull().check(sql`urgency in ('normal','urgent')`))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('visit','council','grid_report','resident_order')`))
    .addColumn('raised_on', 'date', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open','in_project','met','dropped')`))
    .addColumn('met_on', 'date')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('cb_projects')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('community_id', 'integer', org)
    .addColumn('responsible_id', 'integer', (c) => c.references('organizations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('goal', 'text', (c) => c.notNull())
    .addColumn('planned_start', 'date', (c) => c.notNull())
    .addColumn('planned_end', 'date', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open','claimed','closing','closed')`))
    .addColumn('created_on', 'date', (c) => c.notNull())
    .addColumn('claimed_on', 'date')
    .addColumn('close_proposed_on', 'date')
    .addColumn('closed_on', 'date')
    .addColumn('sent_back', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('cb_projects_dates', sql`planned_end >= planned_start`)
    .execute();
  await db.schema
    .createTable('cb_project_links')
    .addColumn('project_id', 'integer', (c) => c.notNull().references('cb_projects.id').onDelete('cascade'))
    .addColumn('need_id', 'integer', (c) => c.references('cb_needs.id'))
    .addColumn('resource_id', 'integer', (c) => c.references('cb_resources.id'))
    .addColumn('partner_id', 'integer', (c) => c.references('organizations.id'))
    .addCheckConstraint('cb_project_links_one', sql`num_nonnulls(need_id, resource_id, partner_id) = 1`)
    .execute();
  await db.schema.createIndex('cb_project_links_project').on('cb_project_links').column('project_id').execute();
  await db.schema
    .createTable('cb_progress')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('project_id', 'integer', (c) => c.notNull().references('cb_projects.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('progress','close_proposed','sent_back','closed')`))
    .addColumn('entry_on', 'date', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('file_ids', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('org_id', 'integer', org)
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('cb_progress_project').on('cb_progress').columns(['project_id', 'entry_on']).execute();
  for (const [table, column] of [['cb_resources', 'org_id'], ['cb_resources', 'offered_to_id'], ['cb_needs', 'org_id'], ['cb_projects', 'community_id'], ['cb_projects', 'responsible_id']] as const) {
    await db.schema.createIndex(`${table}_${column}`).on(table).column(column).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['cb_progress', 'cb_project_links', 'cb_projects', 'cb_needs', 'cb_resources']) await db.schema.dropTable(t).execute();
}
