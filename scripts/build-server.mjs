// Compiles the server and CLI entries (src/entry/node.ts, src/entry/cli.ts) into dist/server/*.mjs with esbuild, so a
// command starts as plain JavaScript instead of compiling the tree through tsx at every start. Plain JavaScript: run by `prepare` (npm ci), by `npm start`, and by
// bin/xingping.mjs whenever a source file is newer than the build.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const outDir = join(root, 'dist/server');
const stamp = join(outDir, 'cli.mjs');

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return path.endsWith('.ts') || path.endsWith('.json') ? s.mtimeMs : 0;
  let m = 0;
  for (const name of readdirSync(path)) {
    if (name === 'ui' && path.endsWith('src')) continue; // the web application is Vite's (scripts/ensure-ui.mjs)
    m = Math.max(m, newest(join(path, name)));
  }
  return m;
}

/** True when dist/server is missing or older than a source it was built from (src outside src/ui, migrations, the lock). */
export function serverBuildStale() {
  if (!existsSync(stamp)) return true;
  const sources = Math.max(newest(join(root, 'src')), newest(join(root, 'migrations')), statSync(join(root, 'package-lock.json')).mtimeMs);
  return sources > statSync(stamp).mtimeMs;
}

const external = ['@electric-sql/pglite', 'kysely-pglite-dialect', 'sharp', 'puppeteer', 'pg-native', 'exceljs', 'pg-boss', 'pdf-lib', 'esbuild', '@fontsource/*'];

/**
 * Builds into a fresh folder, then moves its files into dist/server: the chunks first, the two entries last (each
 * move is atomic), so a command started meanwhile runs the old build or the new one, never half of each. Chunk names
 * carry a hash of their content, and an older build's chunks stay an hour: a server still running the old build
 * loads its lazily imported chunks (printing, spreadsheets) from the same folder.
 */
export async function buildServer() {
  const { build } = await import('esbuild');
  const tmp = `${outDir}.${process.pid}.${Date.now()}`;
  await build({
    absWorkingDir: root,
    entryPoints: { cli: 'src/entry/cli.ts', node: 'src/entry/node.ts' },
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Packages are bundled too (one file to load instead of hundreds: about half the start), but for those that load
    // files of their own (PGlite's WASM, sharp's and puppeteer's binaries, esbuild) or are heavy and lazily loaded.
    external,
    mainFields: ['module', 'main'],
    // Bundled CommonJS packages call require() for Node's built-ins.
    banner: { js: "import { createRequire as __xpRequire } from 'node:module'; const require = __xpRequire(import.meta.url);" },
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  mkdirSync(outDir, { recursive: true });
  const built = readdirSync(tmp);
  const entries = new Set(['cli.mjs', 'node.mjs']);
  for (const name of [...built.filter((n) => !entries.has(n)), ...built.filter((n) => entries.has(n))]) renameSync(join(tmp, name), join(outDir, name));
  rmSync(tmp, { recursive: true, force: true });
  const hourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync(outDir)) {
    if (!built.includes(name) && statSync(join(outDir, name)).mtimeMs < hourAgo) rmSync(join(outDir, name), { force: true });
  }
}

/**
 * Builds when stale; returns whether it built. Commands started together (a test starting several) take turns on a
 * lock folder, and the one that waited finds the build fresh; a lock left by a killed build is taken after a minute.
 */
export async function ensureServerBuilt() {
  if (!serverBuildStale()) return false;
  const lock = `${outDir}.lock`;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const age = (() => {
        try {
          return Date.now() - statSync(lock).mtimeMs;
        } catch {
          return 0;
        }
      })();
      if (age > 60_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    if (!serverBuildStale()) return false;
    await buildServer();
    return true;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  if (process.argv.includes('--if-stale')) {
    if (await ensureServerBuilt()) console.log(`服务端已编译（src → dist/server），用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。`);
    process.exit(0);
  }
  await buildServer();
  console.log(`服务端已编译（src → dist/server），用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。`);
}
