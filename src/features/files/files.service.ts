import { inScope, ledgerWriters, readers, requireRole } from '../../auth/scope';
import type { FileMime, LedgerEvidence } from '../../db/database';
import { withTransaction } from '../../db/transaction';
import { AppError, invalidField, notFound } from '../../errors/app-error';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { orgForWrite } from '../orgs/org-access';
import { FILE_TYPES, MAX_FILE_BYTES, sniffMime, type FilePorts } from './file-ports';
import { fileInVisibleProject } from '../cobuilding/lists.repository';
import { fileContent, findFile, findFiles, insertFile } from './files.repository';
import { UploadFileForm, type StoredFile } from './files.schemas';

type FileRow = NonNullable<Awaited<ReturnType<typeof findFile>>>;

function toStoredFile(r: Omit<FileRow, 'path'>): StoredFile {
  return { id: r.id, orgId: r.org_id, name: r.name, mime: r.mime, size: r.size, width: r.width, height: r.height, hasThumbnail: Boolean(r.has_thumbnail), createdAt: r.created_at.toISOString() };
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A refusal that names the file, as the upload dialog shows it. */
function refused(name: string, why: string): AppError {
  return new AppError('validation_failed', `「${name}」${why}`, { issues: [{ field: 'file', message: `「${name}」${why}` }] });
}

/** Checks the bytes (type by content, size), then the image's size and thumbnail when it is a photo. */
async function inspect(ports: FilePorts, name: string, bytes: Uint8Array) {
  if (bytes.length === 0) throw refused(name, '是空文件');
  if (bytes.length > MAX_FILE_BYTES) throw new AppError('payload_too_large', `「${name}」有 ${(bytes.length / 1048576).toFixed(1)} MB，超过 10 MB 的上限`, { issues: [{ field: 'file', message: `「${name}」超过 10 MB 的上限` }] });
  const mime = sniffMime(bytes);
  if (!mime) throw refused(name, '不是可接受的文件类型（只接受 JPEG、PNG、WebP 图片和 PDF）');
  if (!FILE_TYPES[mime].image || !ports.images) return { mime, width: null, height: null, thumbnail: null };
  try {
    return { mime, ...(await ports.images.describe(bytes)) };
  } catch {
    throw refused(name, `无法作为${FILE_TYPES[mime].label}打开，文件可能已损坏`);
  }
}

type NewFile = { purpose: string; name: string; mime: FileMime; bytes: Uint8Array; width: number | null; height: number | null; thumbnail: Uint8Array | null };

/** Writes the bytes through the port and the row with its audit row, in one transaction (the caller's if open). */
async function storeFile(ctx: Ctx, ports: FilePorts, orgOf: (tx: Ctx) => Promise<{ id: number }>, action: string, f: NewFile): Promise<StoredFile> {
  const sha256 = await sha256Hex(f.bytes);
  if (ports.store.kind === 'directory') await ports.store.write(sha256, f.bytes);
  return withTransaction(ctx, async (tx) => {
    const org = await orgOf(tx);
    const row = await insertFile(tx.db, {
      org_id: org.id,
      purpose: f.purpose,
      name: f.name,
      mime: f.mime,
      size: f.bytes.length,
      sha256,
      stored_in: ports.store.kind,
      content: ports.store.kind === 'database' ? f.bytes : null,
      width: f.width,
      height: f.height,
      thumbnail: f.thumbnail,
      created_by: ctx.actor.id,
    });
    const stored = toStoredFile(row);
    await recordAudit(tx, { action, entity: 'file', entityId: stored.id, orgId: org.id, after: { ...stored, purpose: f.purpose, sha256 } });
    return stored;
  });
}

/**
 * Stores one uploaded file for an organization in the caller's subtree (an org_user: its own organization). Nothing
 * is stored when a check fails. The file is attached to a record by the record's own verb.
 */
export async function uploadFile({ ctx, ports, input, file }: { ctx: Ctx; ports: FilePorts; input: unknown; file: { name: string; bytes: Uint8Array } }): Promise<StoredFile> {
  requireRole(ctx, ledgerWriters);
  const data = UploadFileForm.parse(input);
  const name = file.name.replace(/[\\/]/g, '_').slice(-100) || '文件';
  const checked = await inspect(ports, name, file.bytes);
  return storeFile(ctx, ports, (tx) => orgForWrite(tx, data.orgId, 'orgId'), 'file.upload', { purpose: data.purpose, name, bytes: file.bytes, ...checked });
}

/**
 * Stores a file the system made (a printed book) for an organization the caller already may read, through the same
 * port as uploads. No type sniffing or size limit: the bytes are ours.
 */
export async function storeMadeFile(ctx: Ctx, ports: FilePorts, file: { orgId: number; purpose: string; name: string; mime: FileMime; bytes: Uint8Array }): Promise<StoredFile> {
  return storeFile(ctx, ports, async () => ({ id: file.orgId }), 'file.store', { ...file, width: null, height: null, thumbnail: null });
}

/** A file (or its thumbnail) of an organization in the caller's subtree; 404 otherwise. */
export async function readFile({ ctx, ports, id, variant }: { ctx: Ctx; ports: FilePorts; id: number; variant: 'content' | 'thumbnail' }): Promise<{ bytes: Uint8Array; name: string; mime: string }> {
  requireRole(ctx, readers);
  const row = await findFile(ctx.db, id);
  // Outside the subtree, a co-building project's evidence is shared by both sides of the project.
  if (!row || !(inScope(ctx.actor, row.path) || (await fileInVisibleProject(ctx.db, id, ctx.actor.orgPath)))) throw notFound('文件', 'id');
  if (variant === 'thumbnail') {
    const bytes = await fileContent(ctx.db, id, 'thumbnail');
    if (!bytes) throw notFound('缩略图', 'id');
    return { bytes, name: `${row.name}.webp`, mime: 'image/webp' };
  }
  const bytes = row.stored_in === 'database' ? await fileContent(ctx.db, id, 'content') : ports.store.kind === 'directory' ? await ports.store.read(row.sha256) : null;
  if (!bytes) throw new AppError('unavailable', `文件「${row.name}」的内容暂时无法读取（存储目录不可用）`);
  return { bytes, name: row.name, mime: row.mime };
}

/** One uploaded file of this organization, named by a field of a record that attaches it (the field says when it is not). */
export async function fileOf(ctx: Ctx, orgId: number, fileId: number, field: string) {
  const [f] = await findFiles(ctx.db, [fileId]);
  if (!f || f.org_id !== orgId) throw invalidField(field, `文件 ${fileId} 不存在或不属于该组织`);
  return f;
}

/**
 * The evidence of a new record: text references as given, and uploaded files, each of which must belong to the
 * record's organization (the field names the one that does not).
 */
export async function evidenceFor(ctx: Ctx, orgId: number, items: readonly ({ name: string; ref: string } | { fileId: number })[], field = 'evidence'): Promise<LedgerEvidence[]> {
  const ids = items.flatMap((e) => ('fileId' in e ? [e.fileId] : []));
  const files = new Map((await findFiles(ctx.db, ids)).map((f) => [f.id, f]));
  return items.map((e, i) => {
    if (!('fileId' in e)) return e;
    const f = files.get(e.fileId);
    if (!f || f.org_id !== orgId) throw invalidField(`${field}.${i}.fileId`, `文件 ${e.fileId} 不存在或不属于该组织`);
    return { name: f.name, fileId: f.id, mime: f.mime as FileMime, size: f.size };
  });
}
