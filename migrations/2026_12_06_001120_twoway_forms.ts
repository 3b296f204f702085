import { sql, type Kysely } from 'kysely';

/**
 * The two-way evaluation forms in the catalog (issue 17, DECISIONS.md: data that used to be code): each direction's
 * items, labels and maxima as numbered versions; a year takes the newest version at its first evaluation in that
 * direction and keeps it (twoway_form_pins). An item may be `computed`: the server fills it from the co-building
 * lists of the agreement's pair (资源项目落实), with the points each outcome earns. Version 1 of each direction is
 * the form the code held until now (every item typed by the evaluating side), and the years already evaluated keep
 * it; version 2 of the community's form has 资源项目落实 computed, for the years evaluated from now on. Frozen.
 */
const typedResources = { key: 'resources', label: '资源项目落实', max: 20 };
const v1 = {
  community_rates_unit: [
    { key: 'attendance', label: '大党委联席会议出席', max: 30 },
    { key: 'activities', label: '季度共建活动', max: 25 },
    { key: 'members', label: '在职党员报到及服务时长', max: 25 },
    typedResources,
  ],
  unit_rates_community: [
    { key: 'coordination', label: '协调联络', max: 35 },
    { key: 'service', label: '服务保障', max: 35 },
    { key: 'response', label: '诉求响应', max: 30 },
  ],
};

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('twoway_forms')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('community_rates_unit', 'unit_rates_community')`))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('items', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('twoway_forms_version', ['direction', 'version'])
    .execute();
  await db.schema
    .createTable('twoway_form_pins')
    .addColumn('cycle_year', 'integer', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('form_id', 'integer', (c) => c.notNull().references('twoway_forms.id'))
    .addColumn('pinned_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('twoway_form_pins_pk', ['cycle_year', 'direction'])
    .execute();
  for (const [direction, items] of Object.entries(v1)) {
    await db.insertInto('twoway_forms').values({ direction, version: 1, items: JSON.stringify(items), created_by: 'system' }).execute();
  }
  const v2 = v1.community_rates_unit.map((i) => (i === typedResources ? { ...i, computed: { closedOnTime: 10, closedLate: 5, wishFulfilled: 4, overdueOpen: -5 } } : i));
  await db.insertInto('twoway_forms').values({ direction: 'community_rates_unit', version: 2, items: JSON.stringify(v2), created_by: 'system' }).execute();
  // Years already evaluated keep the form they were evaluated with.
  await sql`insert into twoway_form_pins (cycle_year, direction, form_id)
    select distinct e.cycle_year, e.direction, f.id from twoway_evaluations e join twoway_forms f on f.direction = e.direction and f.version = 1`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('twoway_form_pins').execute();
  await db.schema.dropTable('twoway_forms').execute();
}
