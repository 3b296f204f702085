import { type Kysely, sql } from 'kysely';

/**
 * Assessment categories (考核类别) join the catalog (DECISIONS.md): admins add a category with its Chinese name,
 * rename it and retire it, so a new kind of branch gets its own rule set and ranking without a code change.
 * Categories are append-only like ledger kinds: a code is never changed or deleted (organizations, pins, scores
 * and grades refer to it); an organization's category must be one of them. Seeded with the categories that were
 * code until now. Frozen.
 */
const seed: [string, string][] = [
  ['street', '街道党工委'],
  ['community', '社区党组织'],
  ['grid', '网格党支部'],
  ['building', '楼院党小组'],
  ['agency', '机关党组织'],
  ['institution', '企事业单位党组织'],
  ['enterprise', '非公企业党组织'],
  ['social_org', '社会组织党组织'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('categories')
    .addColumn('code', 'text', (c) => c.primaryKey().check(sql`code ~ '^[a-z][a-z0-9_]*$' and length(code) <= 40`))
    .addColumn('label', 'text', (c) => c.notNull().unique())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('retired_at', 'timestamptz')
    .execute();
  await db
    .insertInto('categories')
    .values(seed.map(([code, label], i) => ({ code, label, sort: i + 1, created_by: 'migration' })))
    .execute();
  // Any category an older database holds that the seed does not name keeps working under its code.
  await sql`insert into categories (code, label, sort, created_by)
    select distinct o.category, o.category, 100, 'migration' from organizations o
    where o.category is not null and not exists (select 1 from categories c where c.code = o.category)`.execute(db);
  await sql`alter table organizations add constraint organizations_category_fk foreign key (category) references categories (code)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table organizations drop constraint if exists organizations_category_fk`.execute(db);
  await db.schema.dropTable('categories').execute();
}
