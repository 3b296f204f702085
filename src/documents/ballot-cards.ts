import { html, raw } from 'hono/html';
import QRCode from 'qrcode';

/** What a sheet of ballot cards shows: the batch and its plain codes (this is the only place they are printed). */
export type BallotCardBatch = {
  batchId: number;
  campaignTitle: string;
  orgName: string;
  raterGroup: string;
  expiresOn: string;
  codes: { code: string; url: string }[];
};

const PER_PAGE = 12;

// Sized to the printable area of an A4 page with the documents' margins (14 mm, 16 mm at the bottom):
// 182 × 264 mm, 3 × 4 cards of about 60 × 66 mm, cut lines dashed.
const styles = `
  .cards { width: 182mm; height: 264mm; display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); grid-template-rows: repeat(4, minmax(0, 1fr)); background: #fff; font-family: 'Noto Sans SC', "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f2328; }
  .cards + .cards { break-before: page; }
  .card { border: 0.3mm dashed #9ca3af; padding: 2.5mm 2.5mm 1.5mm; display: flex; flex-direction: column; align-items: center; text-align: center; overflow: hidden; }
  .card .title { font-size: 8.5pt; color: #8c1d18; font-weight: 700; line-height: 1.3; }
  .card .org { font-size: 10.5pt; font-weight: 700; line-height: 1.25; margin-top: 0.5mm; }
  .card .group { font-size: 8pt; color: #4b5563; }
  .card svg { width: 28mm; height: 28mm; margin: 1mm 0; flex: none; }
  .card .code { font-family: "DejaVu Sans Mono", ui-monospace, monospace; font-size: 8.5pt; letter-spacing: 0.2mm; }
  .card .hint { font-size: 6.5pt; color: #6b7280; line-height: 1.3; }
`;

/** The cards of a batch as body HTML (a page of 12 per `.cards`), each with its QR code of the ballot page's address. */
export async function ballotCardsBody(batch: BallotCardBatch): Promise<string> {
  const svgs = await Promise.all(batch.codes.map((c) => QRCode.toString(c.url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' })));
  const pages: number[][] = [];
  for (let i = 0; i < batch.codes.length; i += PER_PAGE) pages.push(batch.codes.slice(i, i + PER_PAGE).map((_, k) => i + k));
  const entry = batch.codes[0]?.url.replace(/\/b\/[^/]*$/, '/b') ?? '/b';
  const body = html`<style>${raw(styles)}</style>
    ${pages.map(
      (page) => html`<section class="cards">
        ${page.map(
          (i) => html`<div class="card">
            <div class="title">${batch.campaignTitle}</div>
            <div class="org">${batch.orgName}</div>
            <div class="group">评议身份：${batch.raterGroup} · 有效期至 ${batch.expiresOn}</div>
            ${raw(svgs[i]!)}
            <div class="code">${batch.codes[i]!.code}</div>
            <div class="hint">手机扫码评议，或打开 ${entry} 输入评议码。匿名评议，限用一次。</div>
          </div>`,
        )}
      </section>`,
    )}`;
  return String(await body);
}

/** The same cards as a standalone page to print from a browser. */
export async function ballotSheetPage(batch: BallotCardBatch): Promise<string> {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8" /><title>评议码 · ${escape(batch.orgName)} · ${escape(batch.raterGroup)}</title>
<style>@page { size: A4; margin: 14mm 14mm 16mm; } body { margin: 0; background: #e5e7eb; } .cards { margin: 8mm auto; }
@media print { body { background: #fff; } .cards { margin: 0; } }</style></head><body>${await ballotCardsBody(batch)}</body></html>`;
}

function escape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
