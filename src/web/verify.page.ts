import { html } from 'hono/html';
import type { Verification } from '../features/documents/print-documents';
import { layout } from './layout';

const statusText = { valid: '有效', outdated: '已过期', unknown: '无法核验' } as const;
const statusColor = { valid: '#2f855a', outdated: '#b3261e', unknown: '#6b7280' } as const;

/** What a person who scanned a printed document's QR code sees: whether the paper still matches the system. */
export function verifyPage(id: string, v: Verification) {
  return layout(
    '文件核验',
    html`<div class="login" style="max-width:560px">
      <h2 style="margin-top:0">打印文件核验</h2>
      <p style="font-size:22px;font-weight:700;color:${statusColor[v.status]};margin:8px 0">${statusText[v.status]}</p>
      <p>${v.message}</p>
      <table>
        <tr><th>文件编号</th><td><code>${id}</code></td></tr>
        ${v.title ? html`<tr><th>文件</th><td>${v.title}</td></tr>` : ''}
        ${v.orgName ? html`<tr><th>组织</th><td>${v.orgName}</td></tr>` : ''}
        ${v.year ? html`<tr><th>考核年度</th><td>${v.year} 年度</td></tr>` : ''}
        ${v.issuedAt ? html`<tr><th>打印时间</th><td>${v.issuedAt}（北京时间）</td></tr>` : ''}
        ${v.printedRevision ? html`<tr><th>所依据的计分版本</th><td>#${v.printedRevision}</td></tr>` : ''}
        ${v.currentRevision ? html`<tr><th>现行计分版本</th><td>#${v.currentRevision}</td></tr>` : ''}
      </table>
      <p class="hint">本页只说明纸质文件与系统记录是否一致，不显示具体得分；得分以系统中现行结果为准。</p>
    </div>`,
  );
}
