/** What scripts/build-worker.mjs generates for the Worker (wrangler.toml aliases it to dist/worker/assets.mjs). */
declare module 'xingping:worker-assets' {
  import type { PrecompiledTemplates } from '../documents/templates';
  export const templates: PrecompiledTemplates;
  export const ruleFiles: { file: string; text: string }[];
  /** rules/catalog.json as text, or null when the folder has none (the seed catalog applies). */
  export const catalog: string | null;
  /** The print fonts' @font-face rules, their URLs relative (`url(./files/…)`). */
  export const fontCss: string;
}
