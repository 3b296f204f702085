// `npm start` runs this first: builds the web application (src/ui → dist/ui) when the build is missing or older
// than its sources, so `npm ci && npm start` is all a fresh clone needs. Plain JavaScript: no compiler to start.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'dist/ui/index.html');

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const sources = [join(root, 'src/ui'), join(root, 'package-lock.json')];
const stale = !existsSync(built) || Math.max(...sources.map(newest)) > statSync(built).mtimeMs;
if (stale) {
  const started = Date.now();
  console.log('正在构建网页界面（src/ui → dist/ui）……');
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  if (!existsSync(vite)) {
    console.error('找不到 vite：请先运行 npm ci（需要安装开发依赖），或使用已构建好的 dist/ui。');
    process.exit(1);
  }
  const r = spawnSync(process.execPath, [vite, 'build', '--config', join(root, 'src/ui/vite.config.ts'), '--logLevel', 'warn'], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
  console.log(`网页界面构建完成，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。`);
}
