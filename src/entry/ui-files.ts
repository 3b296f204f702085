import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UiAssets, UiFile } from '../web/ui-assets';

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Where `npm run build:ui` writes the web application. */
export const uiDistDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/ui');

/** The built web application read into memory (a few MB), or undefined when it has not been built. */
export function loadUiAssets(dir = uiDistDir): UiAssets | undefined {
  const indexPath = join(dir, 'index.html');
  if (!existsSync(indexPath)) return undefined;
  const files = new Map<string, UiFile>();
  for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const full = join(dir, rel);
    const ext = extname(rel);
    if (!types[ext] || rel.endsWith('.map')) continue;
    files.set(`/${rel.split('\\').join('/')}`, { body: new Uint8Array(readFileSync(full)), type: types[ext]! });
  }
  return { files, index: readFileSync(indexPath, 'utf8') };
}
