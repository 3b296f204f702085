import puppeteer from '@cloudflare/puppeteer';
import { AppError } from '../errors/app-error';
import type { PdfJob, PdfRenderer } from '../documents/pdf';
import { contentHeightMm, cssString, fillPageRefs, sectionPages } from './pdf-pagination';

/** The Browser Rendering binding of wrangler.toml (`[browser] binding = "BROWSER"`). */
export type BrowserBinding = Parameters<typeof puppeteer.launch>[0];

/**
 * PDFs on Cloudflare Workers: Cloudflare's Browser Rendering (`@cloudflare/puppeteer`) behind the same PDF port as
 * puppeteer on Node. The document is laid out in one tab of a browser launched for it (the binding's sessions are
 * short-lived), with the print CSS and the CJK fonts, which the browser loads from the Worker's own static assets
 * (`fontsUrl`, dist/worker/public/print-fonts). Page numbers and the footer are CSS page-margin boxes, as on Node;
 * a book's table of contents gets its page numbers from the same layout functions. wrangler's local runtime simulates
 * the binding with a local Chrome (test/integration/worker.test.ts); see README, "Cloudflare Workers".
 */
export function browserRenderingPdf(binding: BrowserBinding | undefined, opts: { css: string; fontCss: string; fontsUrl: string; timeoutMs?: number }): PdfRenderer {
  const timeout = opts.timeoutMs ?? 60_000;
  const fonts = opts.fontCss.replaceAll('url(./files/', `url(${opts.fontsUrl.replace(/\/$/, '')}/`);
  return {
    async render(job: PdfJob) {
      if (!binding) throw new AppError('unavailable', '本部署没有配置浏览器渲染（Browser Rendering），无法生成 PDF：请在 wrangler.toml 中加入 [browser] binding = "BROWSER"');
      const browser = await puppeteer.launch(binding);
      try {
        const page = await browser.newPage();
        page.setDefaultTimeout(job.timeoutMs ?? timeout);
        const body = typeof job.body === 'string' ? job.body : job.body.join('\n');
        const footer = `@page { @bottom-left { content: "${cssString(job.footer)}"; } @bottom-right { content: counter(page) " / " counter(pages); } }`;
        const title = job.title.replace(/[<&]/g, (ch) => (ch === '<' ? '&lt;' : '&amp;'));
        await page.setContent(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title><style>${fonts}\n${opts.css}\n${footer}</style></head><body>${body}</body></html>`, { waitUntil: 'networkidle0' });
        await page.emulateMediaType('print');
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        if (job.pageRefs) {
          const pages = await page.evaluate(sectionPages, contentHeightMm);
          const starts: Record<string, number> = {};
          let next = 1;
          for (const s of pages) {
            if (s.id) starts[s.id] = next;
            next += s.pages;
          }
          await page.evaluate(fillPageRefs, starts);
        }
        const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false, timeout: job.timeoutMs ?? timeout });
        return new Uint8Array(pdf);
      } catch (e) {
        if (e instanceof Error && e.name === 'TimeoutError') {
          throw new AppError('unavailable', `生成 PDF 超时：浏览器没能在时限内排版完成（打印字体从 ${opts.fontsUrl} 加载，请确认 XINGPING_PUBLIC_URL 是本服务的公网地址）`);
        }
        throw e;
      } finally {
        await browser.close().catch(() => {});
      }
    },
    close: async () => {},
  };
}
