import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The web application's build: src/ui → dist/ui, served by the Hono app. Element Plus components are imported
 * on demand (with their own CSS) by unplugin-vue-components; every page is its own chunk (router lazy imports).
 */
export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  plugins: [vue(), Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: 'components.d.ts', dirs: [] })],
  build: {
    outDir: fileURLToPath(new URL('../../dist/ui', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 800,
    reportCompressedSize: false,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8787', '/b': 'http://127.0.0.1:8787', '/w': 'http://127.0.0.1:8787', '/r': 'http://127.0.0.1:8787', '/verify': 'http://127.0.0.1:8787', '/openapi.json': 'http://127.0.0.1:8787' } },
});
