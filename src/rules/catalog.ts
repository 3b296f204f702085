import { categoryLabel, recordKinds } from '../domain/catalog';
import { z } from '../lib/zod';
import { parseJsonText } from '../lib/text-input';

/**
 * The catalog (DECISIONS.md, "Data that used to be code"): what rule files refer to by key and admins edit in the
 * database: the ledger kinds (台账记录类型) and the assessment categories (考核类别); forms join it later as further
 * lists of the same file. Pure: the entries read rules/catalog.json or the database and pass a Catalog in.
 */

/** A kind's key, as rule files name it: lower-case letters, digits and underscores, starting with a letter. */
export const kindCodePattern = /^[a-z][a-z0-9_]*$/;
export const KindCode = z.string().max(40, '最多 40 个字符').regex(kindCodePattern, '只能用小写字母、数字和下划线，并以字母开头（如 cobuilding_activity）');
export const KindPeriod = z.enum(['month', 'quarter', 'year']);
export const KindMeasure = z.enum(['outcome', 'trace']);

/** A ledger kind of the catalog. `requiresHours`: a record of it must give its hours (the table's `unit = 'hours'`). */
export const CatalogKind = z
  .object({
    code: KindCode,
    name: z.string().trim().min(1).max(40),
    group: z.string().trim().min(1).max(40),
    period: KindPeriod.nullable(),
    measure: KindMeasure,
    requiresHours: z.boolean(),
    retired: z.literal(true).optional(),
  })
  .strict();
export type CatalogKind = z.infer<typeof CatalogKind>;

/** A category's key: the pattern of kinds' codes. */
export const CategoryCode = z.string().max(40, '最多 40 个字符').regex(kindCodePattern, '只能用小写字母、数字和下划线，并以字母开头（如 hospital）');

/** An assessment category (考核类别) of the catalog: rule sets apply to categories, rankings are within one. */
export const CatalogCategory = z
  .object({ code: CategoryCode, label: z.string().trim().min(1).max(40), retired: z.literal(true).optional() })
  .strict();
export type CatalogCategory = z.infer<typeof CatalogCategory>;

/**
 * rules/catalog.json: the catalog as exported from the database (or from the seed), for `rules validate`. A file
 * exported before categories joined the catalog has none: it is read with the seed's.
 */
export const CatalogFile = z
  .object({ $comment: z.string().optional(), kinds: z.array(CatalogKind).min(1), categories: z.array(CatalogCategory).min(1).optional() })
  .strict();
export type Catalog = { readonly kinds: readonly CatalogKind[]; readonly categories: readonly CatalogCategory[] };

/** The catalog as shipped: src/domain/catalog.ts, what a fresh database holds. */
export const seedCatalog: Catalog = {
  kinds: recordKinds.map((k) => ({ code: k.code, name: k.name, group: k.group, period: k.period, measure: k.measure, requiresHours: k.unit === 'hours' })),
  categories: Object.entries(categoryLabel).map(([code, label]) => ({ code, label })),
};

export const catalogFileName = 'catalog.json';

/** The text of rules/catalog.json: stable (the same catalog always gives the same bytes), one kind per line. */
export function catalogJson(catalog: Catalog): string {
  const comment = '星评的目录：考核细则按编码引用的台账记录类型和考核类别。由 npx xingping rules catalog 从数据库导出；rules validate 据此校验细则（不连数据库）。';
  const kinds = catalog.kinds.map((k) => `    ${JSON.stringify(CatalogKind.parse(k))}`);
  const categories = catalog.categories.map((c) => `    ${JSON.stringify(CatalogCategory.parse(c))}`);
  return `{\n  "$comment": ${JSON.stringify(comment)},\n  "kinds": [\n${kinds.join(',\n')}\n  ],\n  "categories": [\n${categories.join(',\n')}\n  ]\n}\n`;
}

/** Reads rules/catalog.json's text; a broken file is reported with its name and the first problems. */
export function parseCatalog(text: string, file: string): { ok: true; catalog: Catalog } | { ok: false; message: string } {
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, message: `${file} 不是有效的 JSON：${json.message}` };
  const parsed = CatalogFile.safeParse(json.value);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 3).map((i) => `$${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')} ${i.message}`);
    return { ok: false, message: `${file} 有误：${first.join('；')}` };
  }
  const seen = new Set<string>();
  for (const k of parsed.data.kinds) {
    if (seen.has(k.code)) return { ok: false, message: `${file} 有误：台账记录类型「${k.code}」重复` };
    seen.add(k.code);
  }
  const categories = parsed.data.categories ?? seedCatalog.categories;
  const codes = new Set<string>();
  for (const c of categories) {
    if (codes.has(c.code)) return { ok: false, message: `${file} 有误：考核类别「${c.code}」重复` };
    codes.add(c.code);
  }
  return { ok: true, catalog: { kinds: parsed.data.kinds, categories } };
}

export function findKind(catalog: Catalog, code: string): CatalogKind | undefined {
  return catalog.kinds.find((k) => k.code === code);
}

/** 'theme_day（主题党日）、volunteer（志愿服务）…': the kinds in force, for messages that list the existing ones. */
export function kindList(catalog: Catalog): string {
  const live = catalog.kinds.filter((k) => !k.retired);
  return live.length > 0 ? live.map((k) => `${k.code}（${k.name}）`).join('、') : '（没有）';
}

/** Every ledger kind a rule set's facts name that the catalog does not hold: where (fact, index) and which. */
export function unknownKinds(facts: Readonly<Record<string, object>>, catalog: Catalog): { fact: string; index: number; code: string }[] {
  const out: { fact: string; index: number; code: string }[] = [];
  for (const [fact, def] of Object.entries(facts)) {
    const kinds = 'kinds' in def && Array.isArray(def.kinds) ? (def.kinds as string[]) : [];
    kinds.forEach((code, index) => {
      if (!findKind(catalog, code)) out.push({ fact, index, code });
    });
  }
  return out;
}

export function findCategory(catalog: Catalog, code: string): CatalogCategory | undefined {
  return catalog.categories.find((c) => c.code === code);
}

/** A category's Chinese name in this catalog; its code when the catalog does not hold it. */
export function categoryName(catalog: Catalog, code: string): string {
  return findCategory(catalog, code)?.label ?? code;
}

/** 'community（社区党组织）、grid（网格党支部）…': the categories in force, for messages that list them. */
export function categoryList(catalog: Catalog): string {
  const live = catalog.categories.filter((c) => !c.retired);
  return live.length > 0 ? live.map((c) => `${c.code}（${c.label}）`).join('、') : '（没有）';
}
