import { requireRole } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import { cycleStateLabel } from '../../domain/catalog';
import { AppError, notFound } from '../../errors/app-error';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { findCycle } from '../cycles/cycles.repository';
import { requireCycleManager } from '../cycles/manage-cycles';
import type { Printing } from '../documents/print-documents';
import { checkArchive, packArchive, type ArchiveEntry, type Manifest } from './archive-file';
import { archiveAuditRows } from './archive.repository';
import { dataEntries, documentEntries, readmeEntry, ruleEntries } from './year-entries';

export type ArchiveResult = { year: number; file: string; bytes: number; entries: number; documents: number; rows: number; overallSha256: string; finalRevisionId: number };

/** The final revision of a finalized year; any other state is refused in Chinese. */
async function finalRevisionOf(ctx: Ctx, year: number): Promise<{ revisionId: number; finalizedAt: Date | null }> {
  const cycle = await findCycle(ctx.db, year);
  if (!cycle) throw notFound(`${year} 年度考核周期`, 'year');
  if (cycle.state !== 'finalized' || cycle.final_revision_id === null) {
    throw new AppError('conflict', `${year} 年度考核周期处于「${cycleStateLabel[cycle.state]}」状态，尚未定档，不能归档：定档后结果不再变化，才能封存`, { field: 'year', state: cycle.state });
  }
  return { revisionId: cycle.final_revision_id, finalizedAt: cycle.finalized_at };
}

/**
 * 归档: a finalized year as one sealed file. The documents are printed first (outside any transaction: on PGlite a
 * transaction would hold the server's only connection for as long as the browser prints), then the data is read
 * in one repeatable-read snapshot that must still name the same final revision (a correction in between refuses).
 * `save` writes the file; only then is the archive recorded in the audit log with its overall hash.
 */
export async function archiveYear({
  ctx,
  year,
  printing,
  save,
  onProgress,
}: {
  ctx: Ctx;
  year: number;
  /** null: leave the PDFs out (no browser on this machine). */
  printing: Printing | null;
  save: (bytes: Uint8Array) => Promise<string>;
  onProgress?: (step: string, done: number, total: number) => void;
}): Promise<ArchiveResult> {
  await requireCycleManager(ctx);
  const { revisionId, finalizedAt } = await finalRevisionOf(ctx, year);
  const documents = printing ? await documentEntries(ctx, year, revisionId, printing, (d, t) => onProgress?.('打印文件', d, t)) : [];
  onProgress?.('读取数据', 0, 1);
  const data = await withTransaction(
    ctx,
    async (tx) => {
      const again = await finalRevisionOf(tx, year);
      if (again.revisionId !== revisionId) throw new AppError('conflict', `归档期间 ${year} 年度有更正（定档版本 #${revisionId} → #${again.revisionId}），请重新归档`);
      return [...(await dataEntries(tx.db, year, revisionId)), ...(await ruleEntries(tx.db, year, revisionId))];
    },
    { isolation: 'repeatable read' },
  );
  onProgress?.('读取数据', 1, 1);
  const entries: ArchiveEntry[] = [readmeEntry(year, revisionId, documents.length), ...data, ...documents];
  const note = printing ? '归档时按定档计分版本重新打印；此前打印的文件编号和内容校验码见 data/documents.ndjson' : '未打印（归档时指定了不含 PDF）';
  const head = { year, createdAt: ctx.clock.now().toISOString(), createdBy: ctx.actor.name, finalRevisionId: revisionId, finalizedAt: finalizedAt?.toISOString() ?? null, documents: { printed: documents.length, note } };
  const { bytes, manifest } = await packArchive(head, entries);
  const file = await save(bytes);
  const result: ArchiveResult = {
    year,
    file,
    bytes: bytes.byteLength,
    entries: manifest.entries.length,
    documents: documents.length,
    rows: manifest.entries.reduce((n, e) => n + (e.rows ?? 0), 0),
    overallSha256: manifest.overallSha256,
    finalRevisionId: revisionId,
  };
  await withTransaction(ctx, (tx) => recordAudit(tx, { action: 'cycle.archive', entity: 'cycle', entityId: year, orgId: ctx.actor.orgId, after: result }));
  return result;
}

export type ArchiveVerification = {
  ok: boolean;
  manifest: Pick<Manifest, 'year' | 'createdAt' | 'createdBy' | 'finalRevisionId' | 'overallSha256'> | null;
  checked: number;
  problems: string[];
  /** What the audit log says about the overall hash: recorded when this file was made, unknown here, or different. */
  seal: 'recorded' | 'unknown' | 'mismatch' | null;
  sealedAt: string | null;
};

/**
 * Reopens an archive and checks every hash in it, then the overall hash against the audit log of this database:
 * a file whose entries and manifest were rewritten together still differs from what was recorded at archiving.
 */
export async function verifyArchive({ ctx, bytes }: { ctx: Ctx; bytes: Uint8Array }): Promise<ArchiveVerification> {
  requireRole(ctx, ['admin', 'leader']);
  const check = await checkArchive(bytes);
  const m = check.manifest;
  if (!m) return { ok: false, manifest: null, checked: 0, problems: check.problems, seal: null, sealedAt: null };
  const recorded = (await archiveAuditRows(ctx.db, m.year)).map((r) => ({ at: r.at, hash: (r.after as { overallSha256?: string } | null)?.overallSha256 }));
  const match = recorded.find((r) => r.hash === m.overallSha256);
  const seal = match ? 'recorded' : recorded.length > 0 ? 'mismatch' : 'unknown';
  const problems = [...check.problems];
  if (seal === 'mismatch') problems.push(`清单的总哈希与本系统审计日志中 ${m.year} 年度归档时记录的（${recorded.length} 次）都不一致：文件可能被整体改写`);
  const { year, createdAt, createdBy, finalRevisionId, overallSha256 } = m;
  return { ok: problems.length === 0, manifest: { year, createdAt, createdBy, finalRevisionId, overallSha256 }, checked: check.checked, problems, seal, sealedAt: match ? match.at.toISOString() : null };
}
