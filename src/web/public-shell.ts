import { html, raw } from 'hono/html';
import type { Context } from 'hono';
import type { HtmlEscapedString } from 'hono/utils/html';
import { clientKey } from '../auth/codes';
import type { Deps } from '../deps';
import type { AppError } from '../errors/app-error';

type Content = HtmlEscapedString | Promise<HtmlEscapedString> | string;

/**
 * The look the public pages (/b, /r, /verify) share with the web application: the same red header with the
 * 星评 mark, the same colours (src/ui/styles/theme.css holds the app's copy of these variables), white cards,
 * large tiles for answers. Phone first: one column, 17px text, targets at least 52px high.
 */
const styles = `
  :root { --xp-red: #b3261e; --xp-red-dark: #8c1d18; --xp-ink: #1f2328; --xp-muted: #5f6672; --xp-line: #dcdfe6; --xp-bg: #f5f6f8; --xp-pick: #fdecea; --xp-ok: #2f855a; --xp-warn: #b7791f; }
  * { box-sizing: border-box; }
  html { -webkit-text-size-adjust: 100%; }
  body { margin: 0; font-family: "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; font-size: 17px; color: var(--xp-ink); background: var(--xp-bg); line-height: 1.6; }
  header.xp { background: linear-gradient(90deg, var(--xp-red-dark), var(--xp-red)); color: #fff; padding: 12px 18px; display: flex; align-items: center; gap: 12px; }
  header.xp .mark { flex: none; width: 36px; height: 36px; border-radius: 8px; background: rgba(255,255,255,.16); display: flex; align-items: center; justify-content: center; font-size: 20px; color: #ffd666; }
  header.xp h1 { margin: 0; font-size: 19px; letter-spacing: 1px; line-height: 1.35; }
  header.xp p { margin: 0; font-size: 14px; opacity: .9; }
  main { max-width: 640px; margin: 0 auto; padding: 14px 14px 40px; }
  main.with-bar { padding-bottom: 110px; }
  .card { background: #fff; border: 1px solid var(--xp-line); border-radius: 12px; padding: 14px 16px; margin: 0 0 14px; }
  .card .org, .card h2 { margin: 0; font-size: 19px; font-weight: 700; }
  .muted, .card .meta { color: var(--xp-muted); font-size: 15px; }
  fieldset { border: 1px solid var(--xp-line); border-radius: 12px; background: #fff; margin: 0 0 14px; padding: 12px 12px 14px; min-width: 0; }
  .card fieldset { border: 0; padding: 0; margin: 12px 0 0; }
  legend { font-weight: 700; font-size: 17px; padding: 0 4px; }
  .tiles { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 10px; margin-top: 6px; }
  .tiles.four { grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 8px; }
  .tile { position: relative; display: block; }
  .tile input { position: absolute; opacity: 0; inset: 0; width: 100%; height: 100%; margin: 0; }
  .tile span { display: flex; align-items: center; justify-content: center; min-height: 54px; padding: 6px; border: 2px solid var(--xp-line); border-radius: 10px; background: #fff; font-size: 18px; text-align: center; cursor: pointer; user-select: none; }
  .tile input:checked + span { border-color: var(--xp-red); background: var(--xp-pick); color: var(--xp-red-dark); font-weight: 700; }
  .tile input:focus-visible + span { outline: 3px solid #1d4ed8; outline-offset: 2px; }
  .tile.aside span { color: var(--xp-muted); border-style: dashed; }
  button.primary { display: block; width: 100%; min-height: 54px; border: 0; border-radius: 12px; background: var(--xp-red); color: #fff; font-size: 19px; font-weight: 700; letter-spacing: 2px; cursor: pointer; font-family: inherit; }
  .bar { position: fixed; left: 0; right: 0; bottom: 0; background: rgba(255,255,255,.97); border-top: 1px solid var(--xp-line); padding: 12px; }
  .bar button { max-width: 612px; margin: 0 auto; }
  .note { color: var(--xp-muted); font-size: 15px; margin: 12px 2px; }
  .error { color: var(--xp-red-dark); background: var(--xp-pick); border-radius: 10px; padding: 10px 14px; margin-bottom: 14px; }
  details.report { margin: 8px 0 4px; font-size: 15px; }
  details.report summary { color: var(--xp-red-dark); cursor: pointer; min-height: 32px; }
  details.report div { white-space: pre-wrap; background: #f7f7f9; border-radius: 8px; padding: 10px; margin-top: 6px; max-height: 260px; overflow: auto; }
  .status { text-align: center; padding: 28px 18px; }
  .status .icon { display: inline-flex; align-items: center; justify-content: center; width: 64px; height: 64px; border-radius: 50%; color: #fff; font-size: 30px; font-weight: 700; }
  .status .icon.ok { background: var(--xp-ok); } .status .icon.info { background: #4b6584; } .status .icon.warn { background: var(--xp-warn); } .status .icon.stop { background: #6b7280; } .status .icon.bad { background: var(--xp-red); }
  .status h2 { margin: 12px 0 6px; font-size: 21px; }
  .status p { color: #4b5563; margin: 6px 0; }
  label.field { display: block; font-weight: 700; margin-bottom: 8px; }
  input.code { width: 100%; min-height: 54px; font-size: 18px; padding: 8px 12px; border: 2px solid var(--xp-line); border-radius: 10px; font-family: ui-monospace, monospace; text-transform: uppercase; margin-bottom: 14px; }
  a.again { display: inline-block; margin-top: 10px; color: var(--xp-red-dark); min-height: 48px; line-height: 48px; }
  table.facts { width: 100%; border-collapse: collapse; font-size: 15px; margin: 10px 0; }
  table.facts th, table.facts td { padding: 8px 6px; border-top: 1px solid var(--xp-line); text-align: left; vertical-align: top; word-break: break-all; }
  table.facts th { width: 9em; color: var(--xp-muted); font-weight: 400; }
  footer.xp { text-align: center; color: var(--xp-muted); font-size: 13px; margin: 0 0 24px; }
`;

/** A public page: header (title and a line under it), main column, the product's name at the foot. */
export function publicShell(o: { title: string; heading: string; subheading: string; body: Content; withBar?: boolean }) {
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <meta name="referrer" content="no-referrer" />
        <meta name="theme-color" content="#b3261e" />
        <title>${o.title} · 星评</title>
        <style>${raw(styles)}</style>
      </head>
      <body>
        <header class="xp"><div class="mark" aria-hidden="true">★</div><div><h1>${o.heading}</h1><p>${o.subheading}</p></div></header>
        <main class="${o.withBar ? 'with-bar' : ''}">${o.body}</main>
        <footer class="xp">星评 · 城市基层党建考评系统</footer>
      </body>
    </html>`;
}

/** What a status icon means: done (green ✓), already used (grey 已), waiting (⌛), stopped (■), not found (?), too many (⏸). */
export type StatusKind = 'ok' | 'used' | 'wait' | 'stop' | 'unknown' | 'busy';

const icons: Record<StatusKind, { glyph: string; tone: string }> = {
  ok: { glyph: '✓', tone: 'ok' },
  used: { glyph: '已', tone: 'info' },
  wait: { glyph: '⌛', tone: 'warn' },
  stop: { glyph: '■', tone: 'stop' },
  unknown: { glyph: '?', tone: 'bad' },
  busy: { glyph: '⏸', tone: 'warn' },
};

/** A status card: one icon per kind, so "已使用" never looks like "已提交". */
export function statusPanel(kind: StatusKind, title: string, lines: Content[], after?: Content) {
  const icon = icons[kind];
  return html`<div class="card status" data-status="${kind}">
      <div class="icon ${icon.tone}" aria-hidden="true">${icon.glyph}</div>
      <h2>${title}</h2>
      ${lines.map((l) => html`<p>${l}</p>`)}
      ${after ?? ''}
    </div>`;
}

/** A request no page could use (broken form, invalid characters): said plainly, nothing stored. */
export function badInputPage(message: string) {
  return publicShell({ title: '提交的内容有误', heading: '星评', subheading: '城市基层党建考评系统', body: statusPanel('unknown', '提交的内容有误', [message, '请返回上一页重新填写，或重新扫描二维码。']) });
}

/** The input guard's answer on the public pages: the same 400, as a page. */
export const refuseAsPage = (c: Context, e: AppError) => c.html(badInputPage(e.message), 400);

export function tooManyPage() {
  return publicShell({ title: '请稍后再试', heading: '星评', subheading: '城市基层党建考评系统', body: statusPanel('busy', '操作过于频繁', ['同一网络在短时间内请求次数过多，请稍后再试。']) });
}

/**
 * The rate limiter's key for a client of the public pages: a salted hash of its address (salt not in the
 * database, and not the one of ballots' client keys), so the limiter's counters, which PostgreSQL keeps, name
 * no address and match no ballot.
 */
export function limitKey(deps: Deps, c: Context): Promise<string> {
  return clientKey(`${deps.ballots.salt}|limit`, deps.ballots.clientAddress(c));
}
