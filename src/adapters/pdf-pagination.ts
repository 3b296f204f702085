/**
 * Pagination of a document printed in parts: how the tab lays sections out into A4 pages, how sections are
 * split between tabs, and where each section and part starts. `sectionPages` and `fillPageRefs` run inside
 * the tab (puppeteer serializes them): they use the page's DOM and nothing else from outside their bodies.
 */

/** The pages one `section.doc` takes, and its `data-section` id. */
export type SectionPages = { id: string | null; pages: number };

/** The printable height of an A4 page with the margins of templates/print.css (14 mm top, 16 mm bottom). */
export const contentHeightMm = 297 - 14 - 16;

/**
 * Runs in the tab: lays the body's sections out into pages the way print does (a section starts a page; a
 * table row, `.atom` block or heading is never split; a table's header repeats; a heading stays with what
 * follows) and answers how many pages each section takes, in order.
 */
export function sectionPages(heightMm: number): SectionPages[] {
  const pageHeight = (heightMm * 96) / 25.4;
  return [...document.querySelectorAll<HTMLElement>('body > section.doc')].map((section) => {
    const origin = section.getBoundingClientRect().top;
    const atoms = [...section.querySelectorAll<HTMLElement>('tbody tr, .atom, h1, h2')].map((el) => {
      const r = el.getBoundingClientRect();
      const table = el.closest('table');
      const head = el.tagName === 'TR' ? table?.querySelector('thead')?.getBoundingClientRect().height ?? 0 : 0;
      return { top: r.top - origin, bottom: r.bottom - origin, head, heading: /^H[12]$/.test(el.tagName) || el.classList.contains('part') };
    });
    atoms.sort((a, b) => a.top - b.top);
    let pages = 1;
    let pageStart = 0;
    atoms.forEach((atom, i) => {
      if (atom.bottom - pageStart <= pageHeight + 0.5) return;
      pages++;
      const prev = atoms[i - 1];
      pageStart = prev && prev.heading && atom.top - prev.bottom < 40 ? prev.top - atom.head : atom.top - atom.head;
    });
    return { id: section.dataset.section ?? null, pages };
  });
}

/** Runs in the tab: writes into every `[data-page-of=ID]` the page on which section ID starts. */
export function fillPageRefs(starts: Record<string, number>) {
  for (const el of document.querySelectorAll<HTMLElement>('[data-page-of]')) {
    el.textContent = String(starts[el.dataset.pageOf!] ?? '');
  }
}

/** Splits sections into `n` consecutive parts of about equal length (a proxy for their pages). */
export function splitSections(sections: readonly string[], n: number): string[][] {
  const parts = Math.max(1, Math.min(n, sections.length));
  const total = sections.reduce((a, s) => a + s.length, 0);
  const out: string[][] = [[]];
  let sum = 0;
  sections.forEach((s, i) => {
    const left = sections.length - i; // sections still to place, this one included
    const needed = parts - out.length; // parts still to open after the current one
    const current = out[out.length - 1]!;
    if (current.length > 0 && needed > 0 && (sum >= (total * out.length) / parts || left <= needed)) out.push([]);
    out[out.length - 1]!.push(s);
    sum += s.length;
  });
  return out;
}

/** Where each part starts and the whole document's pages, from the pages each part's sections take. */
export function paginate(parts: readonly (readonly SectionPages[])[]) {
  const starts: Record<string, number> = {};
  const offsets: number[] = [];
  let page = 0;
  for (const part of parts) {
    offsets.push(page);
    for (const s of part) {
      if (s.id) starts[s.id] = page + 1;
      page += s.pages;
    }
  }
  return { starts, offsets, total: page };
}

/** Text as the body of a CSS string (a page-margin box's footer): quotes, backslashes and line breaks escaped. */
export function cssString(text: string): string {
  return text.replace(/[\\"]/g, (ch) => `\\${ch}`).replace(/[\r\n]+/g, ' ');
}
