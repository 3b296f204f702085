import { type Kysely, sql } from 'kysely';

/**
 * Duty-report attachments move onto the one storage port (DECISIONS.md): each stored attachment becomes a row of
 * `files` owned by the report's organization, and the report names it by `attachment_file_id`. An attachment whose
 * bytes are none of the accepted types (earlier versions took any type) is kept, as purpose `duty_report_legacy`
 * under its declared type, so nothing is lost; new attachments are JPEG, PNG, WebP or PDF like every other file.
 * Frozen.
 */
const sniffed = sql<string | null>`case
  when substring(d.attachment from 1 for 5) = '\\x255044462d'::bytea then 'application/pdf'
  when substring(d.attachment from 1 for 3) = '\\xffd8ff'::bytea then 'image/jpeg'
  when substring(d.attachment from 1 for 8) = '\\x89504e470d0a1a0a'::bytea then 'image/png'
  when substring(d.attachment from 1 for 4) = '\\x52494646'::bytea and substring(d.attachment from 9 for 4) = '\\x57454250'::bytea then 'image/webp'
end`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table files drop constraint files_mime`.execute(db);
  await sql`alter table files add constraint files_mime check (mime in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf') or purpose = 'duty_report_legacy')`.execute(db);
  await db.schema.alterTable('duty_reports').addColumn('attachment_file_id', 'integer', (c) => c.references('files.id')).execute();
  const rows = await sql<{ id: number; mime: string | null }>`select d.id, ${sniffed} as mime from duty_reports d where d.attachment is not null order by d.id`.execute(db);
  for (const r of rows.rows) {
    await sql`with f as (
        insert into files (org_id, purpose, name, mime, size, sha256, stored_in, content, created_by, created_at)
        select org_id, ${r.mime ? 'duty_report' : 'duty_report_legacy'}, attachment_name, ${r.mime ?? sql`attachment_mime`}, octet_length(attachment),
               encode(sha256(attachment), 'hex'), 'database', attachment, submitted_by, submitted_at
        from duty_reports where id = ${r.id} returning id)
      update duty_reports set attachment_file_id = (select id from f) where id = ${r.id}`.execute(db);
  }
  await sql`alter table duty_reports drop constraint duty_reports_attachment`.execute(db);
  await db.schema.alterTable('duty_reports').dropColumn('attachment').dropColumn('attachment_name').dropColumn('attachment_mime').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('duty_reports').addColumn('attachment_name', 'text').addColumn('attachment_mime', 'text').addColumn('attachment', 'bytea').execute();
  await sql`update duty_reports d set attachment_name = f.name, attachment_mime = f.mime, attachment = f.content
    from files f where f.id = d.attachment_file_id and f.content is not null`.execute(db);
  await sql`alter table duty_reports add constraint duty_reports_attachment check ((attachment is null) = (attachment_name is null) and (attachment is null) = (attachment_mime is null))`.execute(db);
  await db.schema.alterTable('duty_reports').dropColumn('attachment_file_id').execute();
  await sql`delete from files where purpose = 'duty_report_legacy'`.execute(db);
  await sql`alter table files drop constraint files_mime`.execute(db);
  await sql`alter table files add constraint files_mime check (mime in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf'))`.execute(db);
}
