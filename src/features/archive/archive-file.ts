import JSZip from 'jszip';

/**
 * The archive file of a finalized year: one ZIP (opens anywhere, no tool of ours needed) with the year's data as
 * NDJSON per table, the rule sets, the printed documents, a Chinese readme, and `manifest.json`: every other entry
 * with its SHA-256 and size, and one overall hash over that list. The overall hash is recorded in the audit log
 * when the file is made, so rewriting entries and manifest together is caught too.
 */
export type ArchiveEntry = { path: string; bytes: Uint8Array; rows?: number };
export type ManifestEntry = { path: string; bytes: number; sha256: string; rows?: number };
export type Manifest = {
  format: typeof FORMAT;
  version: 1;
  year: number;
  createdAt: string;
  createdBy: string;
  finalRevisionId: number;
  finalizedAt: string | null;
  /** How the printed documents were made (reprinted from the final revision at archiving, or left out). */
  documents: { printed: number; note: string };
  entries: ManifestEntry[];
  /** SHA-256 of the head (year, revision, times, author) as one JSON line, then a line `sha256 bytes path` per entry, in manifest order. */
  overallSha256: string;
};
export type ManifestHead = Omit<Manifest, 'format' | 'version' | 'entries' | 'overallSha256'>;

const FORMAT = 'xingping-archive';
export const MANIFEST = 'manifest.json';

const encoder = new TextEncoder();
export const utf8 = (text: string) => encoder.encode(text);

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The overall hash: the head, then one line per entry, so it also covers the names, sizes and order. */
export function overallSha256(head: ManifestHead, entries: readonly ManifestEntry[]): Promise<string> {
  const { year, createdAt, createdBy, finalRevisionId, finalizedAt, documents } = head;
  const first = JSON.stringify({ year, createdAt, createdBy, finalRevisionId, finalizedAt, documents });
  return sha256Hex(utf8([first, ...entries.map((e) => `${e.sha256} ${e.bytes} ${e.path}`)].join('\n')));
}

/** Packs the entries and their manifest; PDFs are stored as they are (already compressed), the rest deflated. */
export async function packArchive(head: ManifestHead, entries: readonly ArchiveEntry[]): Promise<{ bytes: Uint8Array; manifest: Manifest }> {
  const listed: ManifestEntry[] = [];
  for (const e of entries) listed.push({ path: e.path, bytes: e.bytes.byteLength, sha256: await sha256Hex(e.bytes), ...(e.rows === undefined ? {} : { rows: e.rows }) });
  const manifest: Manifest = { format: FORMAT, version: 1, ...head, entries: listed, overallSha256: await overallSha256(head, listed) };
  const zip = new JSZip();
  // Every entry dated when the year was finalized, not when it was archived (the manifest carries that time).
  const date = head.finalizedAt ? new Date(head.finalizedAt) : new Date(Date.UTC(head.year + 1, 0, 1));
  zip.file(MANIFEST, JSON.stringify(manifest, null, 2), { date });
  for (const e of entries) zip.file(e.path, e.bytes, { date, createFolders: false, compression: e.path.endsWith('.pdf') ? 'STORE' : 'DEFLATE' });
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  return { bytes, manifest };
}

export type ArchiveCheck = {
  /** Set when the file opened and had a manifest of this format. */
  manifest: Manifest | null;
  /** The overall hash recomputed from the entries actually in the file. */
  overall: string | null;
  checked: number;
  problems: string[];
};

/** Why a file does not open as a ZIP, in Chinese (the library's own words kept for the record). */
function unreadable(message: string): string {
  if (/CRC32/i.test(message)) return `文件已损坏：压缩数据的 CRC32 校验值不符，内容被改动过或已损坏（${message}）`;
  if (/central directory|zip file/i.test(message)) return `文件已损坏或不是 ZIP 文件：找不到 ZIP 目录（${message}）`;
  return `文件已损坏，无法作为 ZIP 打开（${message}）`;
}

function readManifest(text: string): Manifest | null {
  try {
    const m = JSON.parse(text) as Manifest;
    return m && m.format === FORMAT && Array.isArray(m.entries) && typeof m.overallSha256 === 'string' ? m : null;
  } catch {
    return null;
  }
}

/**
 * Reopens an archive and checks it: the ZIP itself (its CRCs), the manifest, every listed entry's size and
 * SHA-256, no entry missing or unlisted, and the overall hash. Each problem is one Chinese sentence.
 */
export async function checkArchive(bytes: Uint8Array): Promise<ArchiveCheck> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  } catch (e) {
    return { manifest: null, overall: null, checked: 0, problems: [unreadable(e instanceof Error ? e.message : String(e))] };
  }
  const manifestFile = zip.file(MANIFEST);
  const manifest = manifestFile ? readManifest(await manifestFile.async('string')) : null;
  if (!manifest) return { manifest: null, overall: null, checked: 0, problems: [`文件中没有有效的 ${MANIFEST}，不是星评的年度归档`] };
  const problems: string[] = [];
  const actual: ManifestEntry[] = [];
  for (const e of manifest.entries) {
    const file = zip.file(e.path);
    if (!file) {
      problems.push(`缺少文件 ${e.path}`);
      continue;
    }
    let content: Uint8Array;
    try {
      content = await file.async('uint8array');
    } catch (err) {
      problems.push(`${e.path} 已损坏，无法读出（${err instanceof Error ? err.message : String(err)}）`);
      continue;
    }
    const sha256 = await sha256Hex(content);
    actual.push({ path: e.path, bytes: content.byteLength, sha256 });
    if (sha256 !== e.sha256 || content.byteLength !== e.bytes) problems.push(`${e.path} 与清单不符（清单 SHA-256 ${e.sha256.slice(0, 16)}…，实际 ${sha256.slice(0, 16)}…）`);
  }
  const listed = new Set([MANIFEST, ...manifest.entries.map((e) => e.path)]);
  for (const name of Object.keys(zip.files)) if (!zip.files[name]!.dir && !listed.has(name)) problems.push(`清单中没有的文件 ${name}`);
  const overall = await overallSha256(manifest, actual);
  if (problems.length === 0 && overall !== manifest.overallSha256) problems.push('总哈希与清单中记录的不一致');
  return { manifest, overall, checked: actual.length, problems };
}
