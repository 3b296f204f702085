import type { FileMime } from '../../db/database';

/**
 * The one storage port (DECISIONS.md, documents and files): where a file's bytes live, and the image work done on
 * upload. The database backend keeps the bytes in `files.content` (the default; it needs nothing else); the
 * directory backend (src/adapters/blobs-directory.ts, XINGPING_FILES_DIR) keeps them under their SHA-256.
 */
export type BlobStore =
  | { kind: 'database' }
  | {
      kind: 'directory';
      /** Stores the bytes under their SHA-256 (hex); storing the same bytes again is a no-op. */
      write(sha256: string, bytes: Uint8Array): Promise<void>;
      read(sha256: string): Promise<Uint8Array | null>;
    };

/** Image work on the server (sharp on Node): the size of a photo and a small WebP thumbnail of it. */
export type ImagePort = {
  describe(bytes: Uint8Array): Promise<{ width: number; height: number; thumbnail: Uint8Array }>;
};

export type FilePorts = { store: BlobStore; images?: ImagePort };

/** Without configuration: bytes in the database, no thumbnails (the page shows the photo itself). */
export const databaseFiles: FilePorts = { store: { kind: 'database' } };

/** Accepted types, recognised by their first bytes (never by the name or the browser's word). */
export const FILE_TYPES: Record<FileMime, { label: string; image: boolean; test: (b: Uint8Array) => boolean }> = {
  'image/jpeg': { label: 'JPEG 图片', image: true, test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  'image/png': { label: 'PNG 图片', image: true, test: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x) },
  'image/webp': { label: 'WebP 图片', image: true, test: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP' },
  'application/pdf': { label: 'PDF 文件', image: false, test: (b) => ascii(b, 0, 5) === '%PDF-' },
};

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

function ascii(b: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...b.subarray(from, to));
}

/** The accepted type of these bytes, or null. */
export function sniffMime(bytes: Uint8Array): FileMime | null {
  return (Object.keys(FILE_TYPES) as FileMime[]).find((m) => FILE_TYPES[m].test(bytes)) ?? null;
}
