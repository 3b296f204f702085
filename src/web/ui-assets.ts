import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppEnv } from '../features/router';

/** One file of the built web application. */
/** One file of the built web application; `gzip` is its compressed copy, made once when the files are read. */
export type UiFile = { body: Uint8Array; type: string; gzip?: Uint8Array };

/**
 * The built single-page application (dist/ui), read by the entry: Node reads the folder into memory at start;
 * a Worker would serve the same files from its assets. `index` is index.html, served for every page path.
 */
export type UiAssets = { files: ReadonlyMap<string, UiFile>; index: string };

/** Paths the application does not own: the JSON API, the public pages and the service endpoints. */
const NOT_UI = /^\/(api|b|r|w|verify|openapi\.json|health)(\/|$)/;

const notBuilt = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>星评</title></head>
<body style="font-family:'Noto Sans SC','PingFang SC','Microsoft YaHei',sans-serif;max-width:560px;margin:60px auto;padding:0 16px;color:#1f2328">
<h1 style="color:#b3261e">星评</h1><p>网页界面尚未构建。请在项目目录运行 <code>npm run build:ui</code>（<code>npm start</code> 会自动构建），然后刷新本页。</p>
<p>接口文档：<a href="/openapi.json">/openapi.json</a></p></body></html>`;

function serveIndex(c: Context<AppEnv>, ui: UiAssets | undefined) {
  c.header('Cache-Control', 'no-cache');
  return ui ? c.html(ui.index) : c.html(notBuilt, 503);
}

/**
 * The web application: hashed assets under /assets are cached for a year; every other GET path that is not
 * the API's or a public page's gets index.html (history-mode routing; the app shows its own 404 page).
 */
export function uiRoutes(ui: UiAssets | undefined) {
  const web = new Hono<AppEnv>();
  web.get('*', async (c, next) => {
    const path = c.req.path;
    if (NOT_UI.test(path)) return next();
    const file = ui?.files.get(path);
    if (file) {
      c.header('Content-Type', file.type);
      c.header('Cache-Control', path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      c.header('Vary', 'Accept-Encoding');
      if (file.gzip && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
        c.header('Content-Encoding', 'gzip');
        return c.body(file.gzip as Uint8Array<ArrayBuffer>);
      }
      return c.body(file.body as Uint8Array<ArrayBuffer>);
    }
    if (path.startsWith('/assets/')) return next();
    return serveIndex(c, ui);
  });
  return web;
}
