import { html } from 'hono/html';
import type { Overview, OverviewTreeNode } from '../features/overview/get-overview';
import { layout } from './layout';

function pct(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}

function verifiedCell(n: OverviewTreeNode) {
  const p = pct(n.verified_count, n.record_count);
  return html`<span class="bar"><i style="width:${p}%"></i></span>${p}%`;
}

/** A count card, left out when the caller's part of the tree has none of the kind. */
function card(n: number, label: string) {
  return n === 0 ? '' : html`<div class="card"><div class="n">${n}</div><div class="l">${label}</div></div>`;
}

function childTable(children: OverviewTreeNode[]) {
  if (children.length === 0) return html`<p class="hint" style="padding:0 16px">暂无下级组织</p>`;
  return html`<table>
    <thead>
      <tr><th>组织</th><th>类型</th><th>书记</th><th class="num">网格</th><th class="num">党员</th><th class="num">本年度台账</th><th>已审核</th></tr>
    </thead>
    <tbody>
      ${children.map(
        (c) => html`<tr>
          <td>${c.name}</td><td>${c.kindLabel}</td><td>${c.secretary_name ?? '—'}</td>
          <td class="num">${c.kind === 'grid' || c.kind === 'building' ? '—' : c.grid_count}</td>
          <td class="num">${c.kind === 'building' ? '—' : c.member_count}</td>
          <td class="num">${c.record_count}</td><td>${verifiedCell(c)}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

function section(node: OverviewTreeNode, open: boolean) {
  return html`<details ${open ? 'open' : ''}>
    <summary>
      <span>${node.name} <span class="badge">${node.kindLabel}</span></span>
      <span class="meta">下级党组织 ${node.org_count - 1} 个 · 党员 ${node.member_count} 名 · 本年度台账 ${node.record_count} 条</span>
    </summary>
    ${childTable(node.children)}
  </details>`;
}

/** The home page: the caller's part of the district tree with counts. */
export function homePage(o: Overview, who: string) {
  const root = o.roots[0];
  const totals = o.roots.reduce(
    (t, r) => ({
      orgs: t.orgs + r.org_count,
      communities: t.communities + r.community_count,
      grids: t.grids + r.grid_count,
      units: t.units + r.unit_count,
      members: t.members + r.member_count,
      records: t.records + r.record_count,
      verified: t.verified + r.verified_count,
    }),
    { orgs: 0, communities: 0, grids: 0, units: 0, members: 0, records: 0, verified: 0 },
  );
  const body = html`
    <h2>${root ? root.name : '尚无组织'}${o.cycle ? html`<span class="badge">${o.cycle.year} 年度 · ${o.cycle.stateLabel}</span>` : ''}</h2>
    <div class="cards">
      <div class="card"><div class="n">${totals.orgs}</div><div class="l">党组织</div></div>
      ${card(totals.communities, '社区党组织')}
      ${card(totals.grids, '网格党支部')}
      ${card(totals.units, '驻区单位、企业和社会组织')}
      <div class="card"><div class="n">${totals.members}</div><div class="l">党员</div></div>
      <div class="card"><div class="n">${totals.records}</div><div class="l">本年度台账（已审核 ${pct(totals.verified, totals.records)}%）</div></div>
    </div>
    ${o.roots.flatMap((r) =>
      r.children.some((c) => c.children.length > 0) ? r.children.map((s, i) => section(s, i === 0)) : [section(r, true)],
    )}
    <p class="hint">考核年度：${o.cycles.map((c) => `${c.year}（${c.stateLabel}）`).join('、') || '尚未建立'}</p>
  `;
  return layout('首页', body, who);
}

/** The sign-in page: an API token pasted once, kept in an HttpOnly cookie. */
export function loginPage(error?: string) {
  const body = html`<div class="login">
    <h2>登录</h2>
    ${error ? html`<p class="error">${error}</p>` : ''}
    <form method="post" action="/login">
      <label for="token">访问令牌</label>
      <input id="token" name="token" type="password" autocomplete="off" placeholder="xp_…" required />
      <button type="submit">登录</button>
    </form>
    <p class="hint">首次运行 <code>npm start</code> 时终端会打印演示管理员令牌；也可以用 <code>npx xingping token create --role admin</code> 创建新的令牌。</p>
  </div>`;
  return layout('登录', body);
}
