import { type Kysely, sql } from 'kysely';

/**
 * The one storage port's table: every uploaded file (ledger evidence first; appeal evidence and duty-report
 * attachments next), owned by an organization whose subtree scope governs every download. The bytes live in
 * `content` (the database backend, the default) or in a directory named by XINGPING_FILES_DIR under their SHA-256
 * (`stored_in = 'directory'`). `thumbnail` is a small WebP made on the server for photos. Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('files')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('stored_in', 'text', (c) => c.notNull())
    .addColumn('content', 'bytea')
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('thumbnail', 'bytea')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('files_size', sql`size > 0 and size <= 10485760`)
    .addCheckConstraint('files_mime', sql`mime in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')`)
    .addCheckConstraint('files_stored', sql`(stored_in = 'database') = (content is not null) and stored_in in ('database', 'directory')`)
    .execute();
  await db.schema.createIndex('files_org').on('files').columns(['org_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('files').execute();
}
