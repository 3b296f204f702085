import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BlobStore } from '../features/files/file-ports';

/**
 * The directory backend of the storage port: each file under its SHA-256 (`ab/abcdef…`), written to a temporary
 * name and renamed, so a reader never sees half a file and the same bytes are stored once.
 */
export function directoryBlobs(dir: string): BlobStore {
  const pathOf = (sha: string) => join(dir, sha.slice(0, 2), sha);
  return {
    kind: 'directory',
    async write(sha, bytes) {
      await mkdir(join(dir, sha.slice(0, 2)), { recursive: true });
      const tmp = `${pathOf(sha)}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, pathOf(sha));
    },
    async read(sha) {
      try {
        return new Uint8Array(await readFile(pathOf(sha)));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
  };
}
