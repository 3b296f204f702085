import { html } from 'hono/html';
import type { Ballot } from '../features/reviews/reviews.schemas';
import { publicShell, statusPanel, type StatusKind } from './public-shell';

/**
 * The review sheet behind a one-time code: the subjects the code rates, every item, four large answer tiles
 * each. A partial sheet lets the rater leave out the organizations it does not know (no answer required).
 */
/** A chair's terms of the year with the problems it took on (轮值主席履责述评), as the raters read them before judging. */
function chairTerms(s: Ballot['subjects'][number]) {
  return s.chairTerms.map(
    (t) => html`<div class="report">
      <div><b>轮值主席：${t.community} · ${t.startsOn} 至 ${t.endsOn}</b></div>
      ${t.duties ? html`<div class="meta">牵头事项：${t.duties}</div>` : ''}
      <div>任期内认领本社区项目 ${t.claimed} 个，已销号 ${t.closed} 个</div>
      ${t.projects.length ? html`<ul>${t.projects.map((p) => html`<li>${p.title}（${p.stateLabel}${p.closedOn ? html`，${p.closedOn} 销号` : ''}${p.overdue ? '，已逾期' : ''}）</li>`)}</ul>` : ''}
    </div>`,
  );
}

export function ballotPage(code: string, b: Ballot, chosen: Record<string, string> = {}, error?: string) {
  const noun = b.kind === 'chair' ? '轮值主席单位' : '党组织书记';
  const how = b.partial
    ? html`请对下列 ${b.subjects.length} 个${noun}中您了解的逐项评议（好、较好、一般、差），不了解的可以不评；评议的组织须每项都选。`
    : html`请对下列 ${b.subjects.length} 个${noun}逐项评议（好、较好、一般、差），全部选好后提交。`;
  const required = b.partial ? '' : 'required';
  const body = html`
    <div class="card note">${how}评议不记名，提交后不能修改，每个评议码只能使用一次。</div>
    ${error ? html`<div class="error" role="alert">${error}</div>` : ''}
    <form method="post" action="/r/${code}">
      ${b.subjects.map(
        (s) => html`<section class="card">
          <h2>${s.orgName}</h2>
          ${s.secretaryName ? html`<div class="meta">书记：${s.secretaryName}</div>` : ''}
          ${s.report ? html`<details class="report"><summary>查看述职报告</summary><div>${s.report}</div></details>` : ''}
          ${chairTerms(s)}
          ${b.items.map(
            (item) => html`<fieldset>
              <legend>${item.label}</legend>
              <div class="tiles four">
                ${b.answers.map((a) => {
                  const name = `v.${s.orgId}.${item.key}`;
                  return html`<label class="tile"><input type="radio" name="${name}" value="${a}" ${required} ${chosen[name] === a ? 'checked' : ''} /><span>${a}</span></label>`;
                })}
              </div>
            </fieldset>`,
          )}
        </section>`,
      )}
      <div class="bar"><button class="primary" type="submit">提交评议</button></div>
    </form>`;
  return publicShell({ title: b.title, heading: b.title, subheading: `${b.kindLabel} · 您代表「${b.group.label}」评议`, body, withBar: true });
}

const statusText: Record<string, { kind: StatusKind; title: string; text: string }> = {
  done: { kind: 'ok', title: '评议已提交', text: '感谢您的参与！您的评议已经计入，本评议码已失效。' },
  used: { kind: 'used', title: '这个评议码已经使用过', text: '每个评议码只能提交一次。如有疑问，请联系评议会工作人员。' },
  unknown: { kind: 'unknown', title: '没有找到这个评议码', text: '请核对评议码后重新输入；字母不区分大小写，横线可以不输。' },
  not_open: { kind: 'wait', title: '评议尚未开始', text: '请在评议会宣布开始后再打开此页面。' },
  closed: { kind: 'stop', title: '评议已经结束', text: '本次评议已经结束，不再接受评议。' },
  cycle: { kind: 'stop', title: '现在不能评议', text: '' },
};

export type BallotStatus = 'done' | 'used' | 'unknown' | 'not_open' | 'closed' | 'cycle';

const reviewShell = (title: string, body: Parameters<typeof publicShell>[0]['body']) => publicShell({ title, heading: '述职评议', subheading: '星评 · 城市基层党建考评系统', body });

/** The page for a code that cannot vote (used, unknown, not yet open, closed) or has just voted. */
export function ballotStatusPage(status: BallotStatus, detail?: string) {
  const s = statusText[status]!;
  return reviewShell(s.title, html`${statusPanel(s.kind, s.title, [detail ?? s.text])}${status === 'unknown' ? codeForm() : ''}`);
}

function codeForm() {
  return html`<form class="card" method="get" action="/r"><label class="field" for="code">评议码</label><input class="code" id="code" name="code" autocomplete="off" placeholder="20 位字母和数字" /><button class="primary" type="submit">打开评议表</button></form>`;
}

/** Where a rater types a code read from paper. */
export function codeEntryPage() {
  return reviewShell('述职评议', html`<div class="card note">请输入评议会发放的评议码。</div>${codeForm()}`);
}
