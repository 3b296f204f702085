/**
 * The PDF port: turns a document's HTML body (rendered by `templates.ts` from a view model) into PDF bytes.
 * The Node implementation is `src/adapters/pdf-puppeteer.ts` (one browser, a small pool of tabs); the app
 * only sees this interface, so routes and the CLI never know which browser prints.
 */
export type PdfJob = {
  /**
   * The document's body HTML (the shell page already holds the fonts and the print CSS); or its sections in
   * order, each a `section.doc` that starts a page, which the renderer may lay out and print in parts at once
   * and bind into one PDF whose pages are numbered straight through (a book of hundreds of scorecards).
   */
  body: string | readonly string[];
  /** Every page's footer line, left of the page numbers (a CSS page-margin box, in the document's fonts). */
  footer: string;
  /** The PDF's title (document properties). */
  title: string;
  /**
   * Fill page references before printing: every `[data-page-of=ID]` gets the page of the whole document on
   * which `section.doc[data-section=ID]` starts (a book's table of contents), as the tab lays the document
   * out; a part that then prints to other pages is counted section by section and printed again.
   */
  pageRefs?: boolean;
  /**
   * Told as a document of sections moves on: sections laid out (of all), then pages printed (of the pages the
   * layout counted), for a job's progress bar. Called after each part, so a book's bar moves part by part.
   */
  onProgress?: (p: PrintProgress) => void;
  /** This job's time limit (a book of hundreds of scorecards needs more than the renderer's default). */
  timeoutMs?: number;
};

export type PrintProgress = { sectionsLaidOut: number; sections: number; pagesPrinted: number; pages: number };

export interface PdfRenderer {
  render(job: PdfJob): Promise<Uint8Array>;
  close(): Promise<void>;
}
