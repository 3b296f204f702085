import { html } from 'hono/html';
import type { Verification } from '../features/documents/print-documents';
import { publicShell, statusPanel, type StatusKind } from './public-shell';

const statusText = { valid: '有效', outdated: '已过期', unknown: '无法核验' } as const;
const statusKind: Record<Verification['status'], StatusKind> = { valid: 'ok', outdated: 'wait', unknown: 'unknown' };

/** What a person who scanned a printed document's QR code sees: whether the paper still matches the system. */
export function verifyPage(id: string, v: Verification) {
  const facts = html`<table class="facts">
      <tr><th>文件编号</th><td>${id}</td></tr>
      ${v.title ? html`<tr><th>文件</th><td>${v.title}</td></tr>` : ''}
      ${v.orgName ? html`<tr><th>组织</th><td>${v.orgName}</td></tr>` : ''}
      ${v.year ? html`<tr><th>考核年度</th><td>${v.year} 年度</td></tr>` : ''}
      ${v.issuedAt ? html`<tr><th>打印时间</th><td>${v.issuedAt}（北京时间）</td></tr>` : ''}
      ${v.printedRevision ? html`<tr><th>所依据的计分版本</th><td>#${v.printedRevision}</td></tr>` : ''}
      ${v.currentRevision ? html`<tr><th>现行计分版本</th><td>#${v.currentRevision}</td></tr>` : ''}
    </table>`;
  return publicShell({
    title: '文件核验',
    heading: '打印文件核验',
    subheading: '星评 · 城市基层党建考评系统',
    body: html`${statusPanel(statusKind[v.status], statusText[v.status], [v.message], facts)}
      <p class="note">本页只说明纸质文件与系统记录是否一致，不显示具体得分；得分以系统中现行结果为准。</p>`,
  });
}
