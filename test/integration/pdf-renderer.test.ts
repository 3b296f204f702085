import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { puppeteerPdf } from '../../src/adapters/pdf-puppeteer';
import { fontDir, loadTemplates } from '../../src/entry/template-files';

/**
 * The renderer binds a document given as sections from parts printed on both tabs at once. Read back with
 * poppler: page numbers run straight through the parts, and the contents name the page each section starts on.
 */

const pdf = puppeteerPdf({ css: loadTemplates().css, fontDir: fontDir(), executablePath: process.env.XINGPING_CHROMIUM, pages: 2 });
const dir = mkdtempSync(join(tmpdir(), 'xp-parts-'));
afterAll(async () => {
  await pdf.close();
  rmSync(dir, { recursive: true, force: true });
});

function save(bytes: Uint8Array, name: string) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
  const text = (page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', path, '-'], { encoding: 'utf8' });
  return { pages, text };
}

/** A section of `rows` table rows (about 40 fit on a page) titled 第N节. */
const section = (n: number, rows: number, extra = '') =>
  `<section class="doc" data-section="s${n}"><h1>第${n}节</h1><table><thead><tr><th>序号</th><th>内容</th></tr></thead><tbody>` +
  Array.from({ length: rows }, (_, i) => `<tr><td>${i + 1}</td><td>第${n}节第${i + 1}行</td></tr>`).join('') +
  `</tbody></table>${extra}</section>`;

const contents = (ids: number[]) =>
  `<section class="doc"><h1>目　录</h1><table><thead><tr><th>节</th><th>页码</th></tr></thead><tbody>` +
  ids.map((n) => `<tr><td>第${n}节</td><td class="page" data-page-of="s${n}"></td></tr>`).join('') +
  `</tbody></table></section>`;

describe('a document printed in parts', () => {
  it('numbers pages straight through the parts and fills the contents with each section\'s first page', async () => {
    // Sections of 1, 3, 1, 2, 1, 2 pages (40 rows a page, less the heading on the first).
    const rows = [10, 100, 20, 60, 5, 70];
    const ids = rows.map((_, i) => i + 1);
    const before = pdf.stats();
    const bytes = await pdf.render({ title: '分册测试', footer: 'parts test', pageRefs: true, body: [contents(ids), ...rows.map((r, i) => section(i + 1, r))] });
    const after = pdf.stats();
    expect(after.renders - before.renders).toBe(1);
    expect(after.parts - before.parts).toBe(2); // printed on both tabs and bound
    expect(after.repaginations).toBe(before.repaginations); // the layout predicted every part's pages
    const doc = save(bytes, 'parts.pdf');
    const starts = new Map<number, number>();
    for (let p = 1; p <= doc.pages; p++) {
      const page = doc.text(p);
      expect(page).toMatch(new RegExp(`parts test\\s+${p}\\s*/\\s*${doc.pages}\\s*$`)); // the footer of every page
      const title = /第(\d+)节\s*\n\s*序号/.exec(page);
      if (title) starts.set(Number(title[1]), p);
    }
    expect([...starts.keys()]).toEqual(ids);
    const toc = doc.text(1);
    for (const [n, p] of starts) expect(toc).toMatch(new RegExp(`第${n}节\\s+${p}\\s*\\n`));
    // The sections' own lengths, as printed: the 100-row one takes three pages.
    expect(starts.get(3)! - starts.get(2)!).toBe(3);
  });

  it('renumbers from the printed pages when a part prints longer than its layout predicted', async () => {
    // A block the layout does not count (neither a row nor an .atom) pushes a section onto one more page.
    const tall = '<div style="height: 200mm"></div>';
    const body = [contents([1, 2, 3, 4]), section(1, 30, tall), section(2, 10), section(3, 30, tall), section(4, 10)];
    const before = pdf.stats();
    const doc = save(await pdf.render({ title: '重新编页', footer: 'renumbered', pageRefs: true, body }), 'renumbered.pdf');
    expect(pdf.stats().repaginations).toBe(before.repaginations + 1);
    expect(pdf.stats().parts - before.parts).toBe(2);
    expect(doc.pages).toBe(7); // contents 1, then 2 + 1 + 2 + 1
    const starts = new Map<number, number>();
    for (let p = 1; p <= doc.pages; p++) {
      const page = doc.text(p);
      expect(page).toMatch(new RegExp(`renumbered\\s+${p}\\s*/\\s*7\\s*$`));
      const title = /第(\d+)节\s*\n\s*序号/.exec(page);
      if (title) starts.set(Number(title[1]), p);
    }
    // Sections 1 to 4 start on pages 2, 4, 5 and 7, and the contents say so though the layout foresaw 2, 3, 4, 5.
    expect([...starts]).toEqual([[1, 2], [2, 4], [3, 5], [4, 7]]);
    for (const [n, p] of starts) expect(doc.text(1)).toMatch(new RegExp(`第${n}节\\s+${p}\\s*\\n`));
  });
});
