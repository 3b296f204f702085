import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { BallotForm, CodeProblem } from '../features/ratings/cast-ballot';

type Content = HtmlEscapedString | Promise<HtmlEscapedString>;

// Phone first: one column, 17px text, tiles at least 52px high, nothing wider than the screen.
const styles = `
  :root { --red: #b3261e; --red-dark: #8c1d18; --ink: #1f2328; --muted: #5f6672; --line: #d9dce1; --bg: #f7f4ef; --pick: #fde8e7; }
  * { box-sizing: border-box; }
  html { -webkit-text-size-adjust: 100%; }
  body { margin: 0; font-family: "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; font-size: 17px; color: var(--ink); background: var(--bg); line-height: 1.55; }
  header { background: linear-gradient(90deg, var(--red-dark), var(--red)); color: #fff; padding: 14px 18px; }
  header h1 { margin: 0; font-size: 19px; letter-spacing: 1px; }
  header p { margin: 2px 0 0; font-size: 14px; opacity: .9; }
  main { max-width: 560px; margin: 0 auto; padding: 14px 14px 32px; }
  .target { background: #fff; border: 1px solid var(--line); border-radius: 12px; padding: 14px 16px; margin-bottom: 14px; }
  .target .org { font-size: 20px; font-weight: 700; }
  .target .meta { color: var(--muted); font-size: 15px; }
  fieldset { border: 1px solid var(--line); border-radius: 12px; background: #fff; margin: 0 0 14px; padding: 12px 12px 14px; min-width: 0; }
  legend { font-weight: 700; font-size: 18px; padding: 0 6px; }
  .tiles { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 10px; margin-top: 6px; }
  .tile { position: relative; display: block; }
  .tile input { position: absolute; opacity: 0; width: 1px; height: 1px; }
  .tile span { display: flex; align-items: center; justify-content: center; min-height: 54px; padding: 8px; border: 2px solid var(--line); border-radius: 10px; background: #fff; font-size: 18px; text-align: center; cursor: pointer; user-select: none; }
  .tile input:checked + span { border-color: var(--red); background: var(--pick); color: var(--red-dark); font-weight: 700; }
  .tile input:focus-visible + span { outline: 3px solid #1d4ed8; outline-offset: 2px; }
  .tile.aside span { color: var(--muted); border-style: dashed; }
  button.submit { display: block; width: 100%; min-height: 56px; border: 0; border-radius: 12px; background: var(--red); color: #fff; font-size: 19px; font-weight: 700; letter-spacing: 2px; cursor: pointer; }
  .note { color: var(--muted); font-size: 14px; margin: 12px 2px; }
  .error { color: var(--red-dark); background: var(--pick); border-radius: 10px; padding: 10px 14px; margin-bottom: 14px; }
  .state { background: #fff; border: 1px solid var(--line); border-radius: 12px; padding: 26px 18px; text-align: center; }
  .state .icon { font-size: 46px; line-height: 1; margin-bottom: 10px; }
  .state h2 { margin: 0 0 8px; font-size: 22px; }
  .state p { margin: 6px 0; color: var(--muted); }
  label.field { display: block; font-weight: 700; margin-bottom: 8px; }
  input.code { width: 100%; min-height: 54px; font-size: 18px; letter-spacing: 0; padding: 8px 12px; border: 2px solid var(--line); border-radius: 10px; font-family: ui-monospace, monospace; text-transform: uppercase; margin-bottom: 14px; }
  a.again { display: inline-block; margin-top: 14px; color: var(--red-dark); font-size: 17px; min-height: 48px; line-height: 48px; }
`;

function shell(title: string, body: Content) {
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <meta name="referrer" content="no-referrer" />
        <title>${title} · 群众评议</title>
        <style>${raw(styles)}</style>
      </head>
      <body>
        <header><h1>群众评议</h1><p>匿名评议，不记录您的姓名和联系方式</p></header>
        <main>${body}</main>
      </body>
    </html>`;
}

/** Answers a rule set usually leaves out ("不了解") are drawn apart so nobody mistakes them for a grade. */
const asideAnswers = new Set(['不了解', '不清楚']);

/** The ballot: one fieldset per item, each answer a large labelled tile (a radio button underneath). */
export function ballotPage(code: string, form: BallotForm, opts: { error?: string; chosen?: Record<string, string> } = {}) {
  const chosen = opts.chosen ?? {};
  return shell(
    form.campaignTitle,
    html`<div class="target">
        <div class="meta">${form.campaignTitle}</div>
        <div class="org">${form.orgName}</div>
        <div class="meta">评议身份：${form.raterGroup}</div>
      </div>
      ${opts.error ? html`<div class="error" role="alert">${opts.error}</div>` : ''}
      <form method="post" action="/b/${code}">
        ${form.items.map(
          (item) => html`<fieldset>
            <legend>${item.label}</legend>
            <div class="tiles">
              ${form.answers.map(
                (a) => html`<label class="tile${asideAnswers.has(a.key) ? ' aside' : ''}">
                  <input type="radio" name="item_${item.key}" value="${a.key}" required ${chosen[item.key] === a.key ? 'checked' : ''} />
                  <span>${a.label}</span>
                </label>`,
              )}
            </div>
          </fieldset>`,
        )}
        <button class="submit" type="submit">提交评议</button>
        <p class="note">每个评议码只能提交一次，提交后不能修改。</p>
      </form>`,
  );
}

const problems: Record<CodeProblem, { icon: string; title: string; text: string }> = {
  unknown: { icon: '？', title: '评议码无效', text: '没有找到这个评议码。请核对评议卡上的评议码后重新输入。' },
  expired: { icon: '⌛', title: '评议码已过期', text: '这个评议码已超过有效期，不能再使用。如需评议，请向社区或网格员领取新的评议卡。' },
  used: { icon: '✔', title: '评议码已使用', text: '这个评议码已经提交过评议，每个评议码只能使用一次。感谢您的参与。' },
  closed: { icon: '■', title: '评议未在进行中', text: '本次评议尚未开始或已经结束，暂时不能提交。' },
};

/** Why a code cannot be used, in plain words. */
export function problemPage(problem: CodeProblem, context: { campaignTitle?: string; orgName?: string } = {}) {
  const p = problems[problem];
  return shell(
    p.title,
    html`<div class="state">
      <div class="icon" aria-hidden="true">${p.icon}</div>
      <h2>${p.title}</h2>
      ${context.orgName ? html`<p>${context.campaignTitle} · ${context.orgName}</p>` : ''}
      <p>${p.text}</p>
      <a class="again" href="/b">输入其他评议码</a>
    </div>`,
  );
}

export function thanksPage(result: { campaignTitle: string; orgName: string }) {
  return shell(
    '提交成功',
    html`<div class="state">
      <div class="icon" aria-hidden="true">✔</div>
      <h2>评议已提交，感谢您的参与</h2>
      <p>${result.campaignTitle}</p>
      <p>${result.orgName}</p>
      <p>评议结果在评议结束后统一汇总，不会显示任何个人的评议内容。</p>
    </div>`,
  );
}

/** The page for typing a code from a printed card. */
export function enterCodePage(error?: string) {
  return shell(
    '输入评议码',
    html`${error ? html`<div class="error" role="alert">${error}</div>` : ''}
      <form method="get" action="/b/go" class="target">
        <label class="field" for="code">请输入评议卡上的评议码</label>
        <input class="code" id="code" name="code" autocomplete="off" autocapitalize="characters" spellcheck="false" placeholder="XXXXX-XXXXX-XXXXX-XXXXX" required />
        <button class="submit" type="submit">开始评议</button>
        <p class="note">也可以用手机扫描评议卡上的二维码。评议码不区分大小写。</p>
      </form>`,
  );
}

export function tooManyPage() {
  return shell(
    '请稍后再试',
    html`<div class="state">
      <div class="icon" aria-hidden="true">⏸</div>
      <h2>操作过于频繁</h2>
      <p>同一网络在短时间内提交次数过多，请稍后再试。</p>
    </div>`,
  );
}
