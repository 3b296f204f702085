import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
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
    const body = new Uint8Array(readFileSync(full));
    const compressible = /^(text|application\/(json|manifest)|image\/svg)/.test(types[ext]!) && body.length > 1024;
    files.set(`/${rel.split('\\').join('/')}`, { body, type: types[ext]!, gzip: compressible ? new Uint8Array(gzipSync(body, { level: 9 })) : undefined });
  }
  return { files, index: readFileSync(indexPath, 'utf8') };
}
