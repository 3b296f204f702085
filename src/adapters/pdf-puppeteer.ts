import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParseSpeeds, PDFDocument } from 'pdf-lib';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { AppError } from '../errors/app-error';
import type { PdfJob, PdfRenderer } from '../documents/pdf';
import { contentHeightMm, cssString, fillPageRefs, paginate, sectionPages, splitSections, type SectionPages } from './pdf-pagination';

/** Flags headless Chromium needs on these machines (root, no GPU, no background connections). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-extensions',
  '--font-render-hinting=none',
];

/** A made-up origin the tabs load their shell and fonts from; requests to it never leave the process. */
const origin = 'http://xingping.print';

export type PuppeteerPdfOptions = {
  /** The print CSS of every document (templates/print.css). */
  css: string;
  /** Folder of the woff2 font subsets (@fontsource/noto-sans-sc/files) and its CSS files per weight. */
  fontDir: string;
  weights?: number[];
  /** A browser executable (the entry passes `Env.XINGPING_CHROMIUM`); default: puppeteer's own browser, then the system Chromium. */
  executablePath?: string;
  /** Tabs kept open (2 is the most that helps on 2 cores). */
  pages?: number;
  /** Per render, and per browser start. */
  timeoutMs?: number;
};

const systemBrowsers = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** puppeteer's own browser (where its download ran), then the system's. */
function defaultBrowsers(): string[] {
  try {
    return [puppeteer.executablePath(), ...systemBrowsers];
  } catch {
    return [...systemBrowsers]; // puppeteer has no browser of its own here (its download was skipped)
  }
}

/**
 * Where a browser is: the configured path (`Env.XINGPING_CHROMIUM`, passed in; an error when it does not exist),
 * else puppeteer's own download, else the system's Chromium or Chrome; a clear error when there is none.
 */
export function findBrowser(configured?: string, candidates: readonly string[] = defaultBrowsers()): string {
  if (configured) {
    if (existsSync(configured)) return configured;
    throw new AppError('unavailable', `找不到 XINGPING_CHROMIUM 指定的浏览器：${configured}`, { tried: [configured] });
  }
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new AppError(
      'unavailable',
      '找不到用于生成 PDF 的浏览器。请安装 Chromium（Debian/Ubuntu：apt-get install chromium），' +
        '或运行 npx puppeteer browsers install chrome，或把环境变量 XINGPING_CHROMIUM 设为浏览器的路径。',
      { tried: candidates },
    );
  }
  return found;
}

/** The font CSS of the npm font package, with its URLs pointed at the shell's origin. */
function fontCss(fontDir: string, weights: number[]): string {
  return weights
    .map((w) => readFileSync(join(fontDir, '..', `${w}.css`), 'utf8'))
    .join('\n')
    .replaceAll('url(./files/', `url(${origin}/fonts/`);
}

type Tab = { page: Page; renders: number; generation: number };
/**
 * One browser and a small pool of tabs. Each tab loads a shell page (print CSS and the CJK font faces)
 * once; a document then replaces only the body, waits for its fonts and prints. A tab is recycled after
 * `recycleAfter` documents (and whenever a render fails), so memory stays flat however many are printed.
 */
export function puppeteerPdf(opts: PuppeteerPdfOptions): PdfRenderer & { stats(): { launches: number; renders: number; repaginations: number; parts: number } } {
  const timeout = opts.timeoutMs ?? 30_000;
  const size = opts.pages ?? 2;
  const recycleAfter = 500;
  const fonts = fontCss(opts.fontDir, opts.weights ?? [400, 700]);
  const shell = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${fonts}\n${opts.css}</style></head><body></body></html>`;
  const fontCache = new Map<string, Buffer>();
  let browser: Promise<Browser> | null = null;
  let generation = 0;
  let idle: Tab[] = [];
  const waiting: (() => void)[] = [];
  let open = 0;
  let launches = 0;
  let renders = 0;
  let repaginations = 0;
  let partsPrinted = 0;
  let closed = false;

  function launch(): Promise<Browser> {
    if (!browser) {
      launches++;
      // The process's own signal handlers shut down cleanly (and close this browser); puppeteer's would exit at once.
      const started = puppeteer.launch({
        executablePath: findBrowser(opts.executablePath),
        headless: true,
        args: chromiumArgs,
        timeout,
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
      browser = started;
      const forget = () => {
        if (browser !== started) return;
        // The browser died (or never started): its tabs are gone; the next render starts a new one.
        browser = null;
        generation++;
        idle = [];
        open = 0;
        wake();
      };
      started.then((b) => b.on('disconnected', forget), forget);
    }
    return browser;
  }

  function wake() {
    waiting.shift()?.();
  }

  function serveFont(name: string): Buffer | null {
    if (!/^[\w.-]+\.woff2?$/.test(name)) return null;
    let bytes = fontCache.get(name);
    if (!bytes) {
      const path = join(opts.fontDir, name);
      if (!existsSync(path)) return null;
      bytes = readFileSync(path);
      fontCache.set(name, bytes);
    }
    return bytes;
  }

  async function newTab(): Promise<Tab> {
    const gen = generation;
    const b = await launch();
    const page = await b.newPage();
    page.setDefaultTimeout(timeout);
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      const url = req.url();
      if (url === `${origin}/`) return void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: shell });
      if (url.startsWith(`${origin}/fonts/`)) {
        const bytes = serveFont(url.slice(`${origin}/fonts/`.length));
        if (bytes) return void req.respond({ status: 200, contentType: 'font/woff2', body: bytes, headers: { 'cache-control': 'max-age=31536000' } });
      }
      if (url.startsWith('data:')) return void req.continue();
      void req.abort('blockedbyclient');
    });
    await page.goto(`${origin}/`, { waitUntil: 'load', timeout });
    await page.emulateMediaType('print');
    return { page, renders: 0, generation: gen };
  }

  /**
   * A free tab; waits for one at most `timeout` (then 503), so callers never hang behind a long queue.
   * With `wait: false`, only a tab that is free now (or can be opened now), else null.
   */
  async function acquire(wait: true): Promise<Tab>;
  async function acquire(wait: false): Promise<Tab | null>;
  async function acquire(wait: boolean): Promise<Tab | null> {
    const deadline = Date.now() + timeout;
    for (;;) {
      if (closed) throw new Error('PDF renderer closed');
      const tab = idle.pop();
      if (tab) return tab;
      if (open < size) {
        const gen = generation;
        open++;
        try {
          return await newTab();
        } catch (e) {
          // Only undo our own count: a browser that died meanwhile has reset the count already.
          if (gen === generation) open = Math.max(0, open - 1);
          wake();
          throw e;
        }
      }
      if (!wait) return null;
      const left = deadline - Date.now();
      const woken = await new Promise<boolean>((resolve) => {
        const wakeUp = () => {
          clearTimeout(timer);
          resolve(true);
        };
        const timer = setTimeout(() => {
          const i = waiting.indexOf(wakeUp);
          if (i >= 0) waiting.splice(i, 1);
          resolve(false);
        }, Math.max(0, left));
        waiting.push(wakeUp);
      });
      if (!woken) throw new AppError('unavailable', `打印任务繁忙：${timeout / 1000} 秒内没有空闲的打印页，请稍后再试`);
    }
  }

  async function release(tab: Tab, healthy: boolean) {
    const current = tab.generation === generation;
    if (!healthy || tab.renders >= recycleAfter || closed || !current) {
      await tab.page.close().catch(() => {});
      if (current) open = Math.max(0, open - 1);
    } else {
      idle.push(tab);
    }
    wake();
  }

  /** Puts a part's body into the tab and waits for its fonts; with `measure`, answers its sections' pages. */
  async function load(tab: Tab, body: string, title: string, measure: boolean) {
    await tab.page.evaluate(
      async (html, t) => {
        document.title = t;
        document.body.innerHTML = html;
        await document.fonts.ready;
      },
      body,
      title,
    );
    return measure ? tab.page.evaluate(sectionPages, contentHeightMm) : null;
  }

  /**
   * Prints what the tab holds. Page numbers and the footer line are CSS page-margin boxes of the document
   * itself: they use its fonts (Chinese included) and cost far less per page than Chromium's header and
   * footer templates. A part of a larger document numbers its pages from `offset + 1` of `total`.
   */
  async function print(tab: Tab, job: PdfJob, starts: Record<string, number> | null, numbering: { offset: number; total: number } | null): Promise<Uint8Array> {
    const { page } = tab;
    if (job.pageRefs && starts) await page.evaluate(fillPageRefs, starts);
    const pageNumber = numbering
      ? ` @bottom-right { counter-increment: page ${numbering.offset}; content: counter(page) " / ${numbering.total}"; }`
      : '';
    const footerCss = `@page { @bottom-left { content: "${cssString(job.footer)}"; }${pageNumber} }`;
    await page.evaluate((css) => {
      let el = document.getElementById('xp-footer');
      if (!el) {
        el = document.createElement('style');
        el.id = 'xp-footer';
        document.head.appendChild(el);
      }
      el.textContent = css;
    }, footerCss);
    return page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: false,
      tagged: false,
      outline: false,
      timeout: job.timeoutMs ?? timeout,
    });
  }

  /** Pages of a printed PDF, and the PDF parsed for binding. */
  async function parsed(bytes: Uint8Array) {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
    return { bytes, doc, pages: doc.getPageCount() };
  }

  /**
   * The exact pages of each section of a part: every piece printed on its own (a section starts a page, so
   * it prints alike alone), its pages shared out as its layout measured them when it holds several sections.
   */
  async function exactPages(tab: Tab, job: PdfJob, part: readonly string[]) {
    const out: SectionPages[] = [];
    for (const piece of part) {
      const measured = (await load(tab, piece, job.title, true))!;
      const { pages } = await parsed(await print(tab, job, null, null));
      const others = measured.slice(0, -1);
      out.push(...others, { ...measured.at(-1)!, pages: pages - others.reduce((a, x) => a + x.pages, 0) });
    }
    return out;
  }

  /**
   * A document given as sections, on every tab that is free: each tab lays out its consecutive part, the
   * parts' page counts give every section's page and every part's first page number, each tab prints its
   * part, and the parts are bound into one PDF. Should a part print to other pages than its layout
   * predicted, its sections are counted exactly and everything is numbered and printed again.
   */
  async function printParts(tabs: Tab[], job: PdfJob, sections: readonly string[]): Promise<Uint8Array> {
    const parts = splitSections(sections, tabs.length);
    const bound = parts.length > 1;
    if (!bound && !job.pageRefs) {
      await load(tabs[0]!, parts[0]!.join(''), job.title, false);
      return print(tabs[0]!, job, null, null);
    }
    const told = { sectionsLaidOut: 0, sections: sections.length, pagesPrinted: 0, pages: 0 };
    const layouts = await Promise.all(
      parts.map(async (part, i) => {
        const layout = (await load(tabs[i]!, part.join(''), job.title, true))!;
        told.sectionsLaidOut += part.length;
        job.onProgress?.({ ...told });
        return layout;
      }),
    );
    const printAll = () => {
      const { starts, offsets, total } = paginate(layouts);
      Object.assign(told, { pagesPrinted: 0, pages: total });
      // Each part is parsed for binding as soon as it is printed, while the others still print.
      return Promise.all(
        parts.map(async (_, i) => {
          const out = await parsed(await print(tabs[i]!, job, starts, bound ? { offset: offsets[i]!, total } : null));
          told.pagesPrinted += out.pages;
          job.onProgress?.({ ...told });
          return out;
        }),
      );
    };
    const mispredicted = (printed: { pages: number }[]) =>
      parts.map((_, i) => i).filter((i) => printed[i]!.pages !== layouts[i]!.reduce((a, s) => a + s.pages, 0));
    let printed = await printAll();
    const wrong = mispredicted(printed);
    if (wrong.length > 0) {
      repaginations++;
      for (const i of wrong) {
        layouts[i] = await exactPages(tabs[i]!, job, parts[i]!);
        await load(tabs[i]!, parts[i]!.join(''), job.title, false);
      }
      printed = await printAll();
      if (mispredicted(printed).length > 0) throw new Error(`${job.title}: the parts printed to other pages than counted`);
    }
    partsPrinted += parts.length;
    if (!bound) return printed[0]!.bytes;
    const [book, ...rest] = printed.map((p) => p.doc);
    for (const doc of rest) {
      for (const page of await book!.copyPages(doc, doc.getPageIndices())) book!.addPage(page);
    }
    return book!.save({ useObjectStreams: false, objectsPerTick: Infinity });
  }

  return {
    async render(job) {
      const sections = typeof job.body === 'string' ? [job.body] : job.body;
      if (sections.length === 0) throw new Error(`${job.title}: a PDF job needs a body`);
      const tabs = [await acquire(true)];
      let healthy = false;
      const limit = job.timeoutMs ?? timeout;
      try {
        // More tabs only for a document of several sections, only those free now and only while nobody waits
        // for one (never wait holding one); a tab that cannot be opened just leaves the document fewer parts.
        while (tabs.length < Math.min(size, sections.length) && waiting.length === 0) {
          const more = await acquire(false).catch(() => null);
          if (!more) break;
          tabs.push(more);
        }
        const bytes = await withTimeout(printParts(tabs, job, sections), limit, `PDF 生成超时（${limit / 1000} 秒）：${job.title}`);
        for (const tab of tabs) tab.renders++;
        renders++;
        healthy = true;
        return bytes;
      } finally {
        await Promise.all(tabs.map((tab) => release(tab, healthy)));
      }
    },
    async close() {
      closed = true;
      const b = browser;
      browser = null;
      idle = [];
      while (waiting.length) wake();
      if (b) await (await b.catch(() => null))?.close().catch(() => {});
    },
    stats: () => ({ launches, renders, repaginations, parts: partsPrinted }),
  };
}

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('unavailable', message)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
