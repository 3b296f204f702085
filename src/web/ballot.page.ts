import { html } from 'hono/html';
import type { BallotForm, CodeProblem } from '../features/ratings/cast-ballot';
import { publicShell, statusPanel, type StatusKind } from './public-shell';

const shell = (title: string, body: Parameters<typeof publicShell>[0]['body']) =>
  publicShell({ title: `${title} · 群众评议`, heading: '群众评议', subheading: '匿名评议，不记录您的姓名和联系方式', body });

/** Answers a rule set usually leaves out ("不了解") are drawn apart so nobody mistakes them for a grade. */
const asideAnswers = new Set(['不了解', '不清楚']);

/** The ballot: one fieldset per item, each answer a large labelled tile (a radio button underneath). */
export function ballotPage(code: string, form: BallotForm, opts: { error?: string; chosen?: Record<string, string> } = {}) {
  const chosen = opts.chosen ?? {};
  return shell(
    form.campaignTitle,
    html`<div class="card">
        <div class="meta">${form.campaignTitle}</div>
        ${form.isProject ? html`<div class="meta">请对这个共建项目的完成情况作出评价</div>` : ''}
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
        <button class="primary" type="submit">提交评议</button>
        <p class="note">每个评议码只能提交一次，提交后不能修改。</p>
      </form>`,
  );
}

const problems: Record<CodeProblem, { kind: StatusKind; title: string; text: string }> = {
  unknown: { kind: 'unknown', title: '评议码无效', text: '没有找到这个评议码。请核对评议卡上的评议码后重新输入。' },
  expired: { kind: 'wait', title: '评议码已过期', text: '这个评议码已超过有效期，不能再使用。如需评议，请向社区或网格员领取新的评议卡。' },
  used: { kind: 'used', title: '评议码已使用', text: '这个评议码已经提交过评议，每个评议码只能使用一次。感谢您的参与。' },
  closed: { kind: 'stop', title: '评议未在进行中', text: '本次评议尚未开始或已经结束，暂时不能提交。' },
};

/** Why a code cannot be used, in plain words. */
export function problemPage(problem: CodeProblem, context: { campaignTitle?: string; orgName?: string } = {}) {
  const p = problems[problem];
  const lines = context.orgName ? [`${context.campaignTitle} · ${context.orgName}`, p.text] : [p.text];
  return shell(p.title, statusPanel(p.kind, p.title, lines, html`<a class="again" href="/b">输入其他评议码</a>`));
}

export function thanksPage(result: { campaignTitle: string; orgName: string }) {
  return shell('提交成功', statusPanel('ok', '评议已提交，感谢您的参与', [result.campaignTitle, result.orgName, '评议结果在评议结束后统一汇总，不会显示任何个人的评议内容。']));
}

/** The page for typing a code from a printed card. */
export function enterCodePage(error?: string) {
  return shell(
    '输入评议码',
    html`${error ? html`<div class="error" role="alert">${error}</div>` : ''}
      <form method="get" action="/b/go" class="card">
        <label class="field" for="code">请输入评议卡上的评议码</label>
        <input class="code" id="code" name="code" autocomplete="off" autocapitalize="characters" spellcheck="false" placeholder="XXXXX-XXXXX-XXXXX-XXXXX" required />
        <button class="primary" type="submit">开始评议</button>
        <p class="note">也可以用手机扫描评议卡上的二维码。评议码不区分大小写。</p>
      </form>`,
  );
}
