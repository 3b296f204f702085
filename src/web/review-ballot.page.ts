import { html, raw } from 'hono/html';
import type { Ballot } from '../features/reviews/reviews.schemas';

const styles = `
  :root { --red: #b3261e; --red-dark: #8c1d18; --ink: #1f2328; --muted: #6b7280; --line: #e5e7eb; --bg: #f7f4ef; }
  * { box-sizing: border-box; }
  body { margin: 0; font-family: "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; color: var(--ink); background: var(--bg); line-height: 1.6; font-size: 17px; }
  header { background: linear-gradient(90deg, var(--red-dark), var(--red)); color: #fff; padding: 14px 16px; }
  header h1 { margin: 0; font-size: 19px; line-height: 1.4; }
  header p { margin: 4px 0 0; font-size: 14px; opacity: .9; }
  main { max-width: 640px; margin: 0 auto; padding: 12px 12px 110px; }
  .note { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; font-size: 15px; color: #374151; }
  .subject { background: #fff; border: 1px solid var(--line); border-radius: 12px; margin: 14px 0; padding: 14px; }
  .subject h2 { margin: 0; font-size: 18px; }
  .subject .who { color: var(--muted); font-size: 14px; }
  details.report { margin: 8px 0 4px; font-size: 15px; }
  details.report summary { color: var(--red-dark); cursor: pointer; }
  details.report div { white-space: pre-wrap; background: #faf7f2; border-radius: 8px; padding: 10px; margin-top: 6px; max-height: 260px; overflow: auto; }
  fieldset { border: 0; margin: 12px 0 0; padding: 0; }
  legend { font-weight: 600; font-size: 16px; margin-bottom: 6px; padding: 0; }
  .tiles { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8px; }
  .tiles label { position: relative; display: block; }
  .tiles input { position: absolute; opacity: 0; inset: 0; margin: 0; }
  .tiles span { display: flex; align-items: center; justify-content: center; min-height: 56px; border: 2px solid #d1d5db; border-radius: 10px; background: #fff; font-size: 18px; font-weight: 600; user-select: none; }
  .tiles input:checked + span { background: var(--red); border-color: var(--red); color: #fff; }
  .tiles input:focus-visible + span { outline: 3px solid #f59e0b; outline-offset: 2px; }
  .bar { position: fixed; left: 0; right: 0; bottom: 0; background: rgba(255,255,255,.97); border-top: 1px solid var(--line); padding: 12px; }
  .bar button { display: block; width: 100%; max-width: 616px; margin: 0 auto; min-height: 54px; border: 0; border-radius: 12px; background: var(--red); color: #fff; font-size: 19px; font-weight: 700; }
  .error { color: var(--red-dark); background: #fde8e7; padding: 10px 12px; border-radius: 8px; margin: 12px 0; }
  .status { text-align: center; background: #fff; border: 1px solid var(--line); border-radius: 12px; padding: 32px 18px; margin-top: 24px; }
  .status .icon { display: inline-flex; align-items: center; justify-content: center; width: 64px; height: 64px; border-radius: 50%; background: #6b7280; color: #fff; font-size: 30px; font-weight: 700; }
  .status .icon.ok { background: #2f855a; }
  .status h2 { margin: 12px 0 6px; font-size: 21px; }
  .status p { color: #4b5563; margin: 0; }
  form.code { background: #fff; border: 1px solid var(--line); border-radius: 12px; padding: 16px; margin-top: 14px; }
  form.code input { width: 100%; font-size: 20px; padding: 12px; border: 2px solid #d1d5db; border-radius: 10px; letter-spacing: 2px; text-transform: uppercase; margin: 10px 0; font-family: monospace; }
  form.code button { width: 100%; min-height: 52px; border: 0; border-radius: 10px; background: var(--red); color: #fff; font-size: 18px; font-weight: 700; }
`;

function shell(title: string, header: unknown, body: unknown) {
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${title} · 星评</title>
        <style>${raw(styles)}</style>
      </head>
      <body>
        <header>${header}</header>
        <main>${body}</main>
      </body>
    </html>`;
}

/** The review sheet behind a one-time code: every subject, every item, four large answer tiles each. */
export function ballotPage(code: string, b: Ballot, chosen: Record<string, string> = {}, error?: string) {
  const header = html`<h1>${b.title}</h1><p>${b.kindLabel} · 您代表「${b.group.label}」评议</p>`;
  const body = html`
    <div class="note">请对下列 ${b.subjects.length} 个党组织书记逐项评议（好、较好、一般、差），全部选好后提交。评议不记名，提交后不能修改，每个评议码只能使用一次。</div>
    ${error ? html`<div class="error" role="alert">${error}</div>` : ''}
    <form method="post" action="/r/${code}">
      ${b.subjects.map(
        (s) => html`<section class="subject">
          <h2>${s.orgName}</h2>
          ${s.secretaryName ? html`<div class="who">书记：${s.secretaryName}</div>` : ''}
          ${s.report ? html`<details class="report"><summary>查看述职报告</summary><div>${s.report}</div></details>` : ''}
          ${b.items.map(
            (item) => html`<fieldset>
              <legend>${item.label}</legend>
              <div class="tiles">
                ${b.answers.map((a) => {
                  const name = `v.${s.orgId}.${item.key}`;
                  return html`<label><input type="radio" name="${name}" value="${a}" required ${chosen[name] === a ? 'checked' : ''} /><span>${a}</span></label>`;
                })}
              </div>
            </fieldset>`,
          )}
        </section>`,
      )}
      <div class="bar"><button type="submit">提交评议</button></div>
    </form>`;
  return shell(b.title, header, body);
}

const statusText = {
  done: { icon: '✓', title: '评议已提交', text: '感谢您的参与！您的评议已经计入，本评议码已失效。' },
  used: { icon: '已', title: '这个评议码已经使用过', text: '每个评议码只能提交一次。如有疑问，请联系评议会工作人员。' },
  unknown: { icon: '?', title: '没有找到这个评议码', text: '请核对评议码后重新输入；字母不区分大小写，横线可以不输。' },
  not_open: { icon: '待', title: '评议尚未开始', text: '请在评议会宣布开始后再打开此页面。' },
  closed: { icon: '止', title: '评议已经结束', text: '本次评议已经结束，不再接受评议。' },
  cycle: { icon: '止', title: '现在不能评议', text: '' },
} as const;

export type BallotStatus = keyof typeof statusText;

/** The page for a code that cannot vote (used, unknown, not yet open, closed) or has just voted. */
export function ballotStatusPage(status: BallotStatus, detail?: string) {
  const s = statusText[status];
  return shell(
    s.title,
    html`<h1>述职评议</h1><p>星评 · 城市基层党建考评系统</p>`,
    html`<div class="status"><div class="icon ${status === 'done' ? 'ok' : ''}">${s.icon}</div><h2>${s.title}</h2><p>${detail ?? s.text}</p></div>
      ${status === 'unknown' ? codeForm() : ''}`,
  );
}

function codeForm() {
  return html`<form class="code" method="get" action="/r"><label for="code">评议码</label><input id="code" name="code" autocomplete="off" placeholder="20 位字母和数字" /><button type="submit">打开评议表</button></form>`;
}

/** Where a rater types a code read from paper. */
export function codeEntryPage() {
  return shell('述职评议', html`<h1>述职评议</h1><p>星评 · 城市基层党建考评系统</p>`, html`<div class="note">请输入评议会发放的评议码。</div>${codeForm()}`);
}
