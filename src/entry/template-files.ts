import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileTemplates, documentNames, type DocumentTemplates } from '../documents/templates';

export const templatesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');

/** Reads templates/ (documents, partials/, print.css) and compiles it once. */
export function loadTemplates(dir = templatesDir): DocumentTemplates {
  const read = (...p: string[]) => readFileSync(join(dir, ...p), 'utf8');
  const partials = Object.fromEntries(
    readdirSync(join(dir, 'partials'))
      .filter((f) => f.endsWith('.hbs'))
      .map((f) => [f.slice(0, -4), read('partials', f)]),
  );
  const documents = Object.fromEntries(documentNames.map((n) => [n, read(`${n}.hbs`)])) as Record<(typeof documentNames)[number], string>;
  return compileTemplates({ documents, partials, css: read('print.css') });
}

/** The folder of the CJK font subsets the PDFs embed (the npm package @fontsource/noto-sans-sc). */
export function fontDir(): string {
  return join(dirname(fileURLToPath(import.meta.resolve('@fontsource/noto-sans-sc/400.css'))), 'files');
}
