import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

type Content = HtmlEscapedString | Promise<HtmlEscapedString>;

const styles = `
  :root { --red: #b3261e; --red-dark: #8c1d18; --ink: #1f2328; --muted: #6b7280; --line: #e5e7eb; --bg: #f7f4ef; }
  * { box-sizing: border-box; }
  body { margin: 0; font-family: "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; color: var(--ink); background: var(--bg); line-height: 1.6; }
  header.top { background: linear-gradient(90deg, var(--red-dark), var(--red)); color: #fff; padding: 14px 28px; display: flex; align-items: center; justify-content: space-between; gap: 16px; flex-wrap: wrap; }
  header.top h1 { margin: 0; font-size: 22px; letter-spacing: 2px; }
  header.top h1 small { font-size: 14px; font-weight: normal; opacity: .85; margin-left: 10px; letter-spacing: 0; }
  header.top .who { font-size: 14px; opacity: .95; }
  header.top form { display: inline; }
  header.top button { background: transparent; color: #fff; border: 1px solid rgba(255,255,255,.6); border-radius: 4px; padding: 2px 10px; cursor: pointer; margin-left: 8px; }
  main { max-width: 1120px; margin: 24px auto; padding: 0 20px; }
  .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin: 16px 0 24px; }
  .card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; }
  .card .n { font-size: 26px; font-weight: 700; color: var(--red); }
  .card .l { color: var(--muted); font-size: 13px; }
  .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; background: #fde8e7; color: var(--red-dark); font-size: 13px; margin-left: 6px; }
  details { background: #fff; border: 1px solid var(--line); border-radius: 8px; margin: 10px 0; }
  summary { cursor: pointer; padding: 10px 16px; font-weight: 600; display: flex; justify-content: space-between; gap: 12px; flex-wrap: wrap; }
  summary .meta { font-weight: normal; color: var(--muted); font-size: 14px; }
  table { width: 100%; border-collapse: collapse; font-size: 14px; }
  th, td { padding: 7px 12px; border-top: 1px solid var(--line); text-align: left; }
  th { background: #faf7f2; font-weight: 600; color: #4b5563; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
  .bar { display: inline-block; height: 8px; border-radius: 4px; background: #e5e7eb; width: 80px; vertical-align: middle; margin-right: 6px; overflow: hidden; }
  .bar i { display: block; height: 100%; background: #2f855a; }
  .login { max-width: 460px; margin: 60px auto; background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 28px; }
  .login input { width: 100%; padding: 10px; font-size: 15px; border: 1px solid #cbd5e1; border-radius: 6px; margin: 8px 0 14px; font-family: monospace; }
  .login button { background: var(--red); color: #fff; border: 0; border-radius: 6px; padding: 10px 22px; font-size: 15px; cursor: pointer; }
  .hint { color: var(--muted); font-size: 14px; }
  .error { color: var(--red-dark); background: #fde8e7; padding: 8px 12px; border-radius: 6px; }
  code { background: #f1ede6; padding: 1px 5px; border-radius: 4px; }
  footer { text-align: center; color: var(--muted); font-size: 13px; margin: 30px 0; }
  footer a { color: var(--muted); }
`;

/** The page shell every server-rendered page uses. */
export function layout(title: string, body: Content, who?: string) {
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · 星评</title>
        <style>${raw(styles)}</style>
      </head>
      <body>
        <header class="top">
          <h1>星评<small>城市基层党建考评系统</small></h1>
          ${who
            ? html`<div class="who">${who}<form method="post" action="/logout"><button type="submit">退出</button></form></div>`
            : ''}
        </header>
        <main>${body}</main>
        <footer>星评 · 日常考核 + 年度考评 + 群众评议 · <a href="/openapi.json">接口文档（OpenAPI）</a></footer>
      </body>
    </html>`;
}
