/**
 * The parsed rule file as the form edits it: loose shapes (a draft may be half-written), with the keys of
 * src/rules/rule-set.schema.ts. The server validates; the form only changes values the file already has or adds.
 */
export type Obj = Record<string, unknown>;
export type Tier = Obj & { gte?: number; gt?: number; lte?: number; lt?: number; points?: number };
export type Clause = Obj & { type?: string; label?: string; fact?: string; points?: number; cap?: number; tiers?: Tier[]; otherwise?: number };
export type Indicator = Obj & { id?: string; title?: string; max?: number; base?: number; floor?: number; clauses?: Clause[] };
export type Part = Obj & { id?: string; title?: string; kind?: string; max?: number; base?: number; floor?: number; indicators?: Indicator[] };
export type Grade = Obj & { id?: string; label?: string; stars?: number };
export type Band = Obj & { grade?: string; gte?: number; gt?: number; lte?: number; lt?: number };
export type Override = Obj & { type?: string; id?: string; title?: string; reason?: string; cap?: string; grade?: string };
export type Quota = Obj & { grade?: string; range?: string; max?: number; min?: number; mode?: string };
export type Grading = Obj & {
  grades?: Grade[];
  bands?: Band[];
  overrides?: Override[];
  quotas?: Quota[];
  lagging?: Obj & { grades?: string[]; minShare?: number };
  yearOverYear?: Obj & { maxSteps?: number };
  consequences?: Record<string, string[]>;
};
export type RuleDoc = Obj & {
  $schema?: string;
  title?: string;
  version?: string;
  source?: string;
  categories?: string[];
  notAssessedLabel?: string;
  total?: Obj & { formula?: string; max?: number; floor?: number; cap?: number };
  parts?: Part[];
  grading?: Grading;
};

/** The array a key holds, or none (a half-written draft may hold anything there). */
export const list = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : []);
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a draft's text for the form: the object, or why the form cannot show it. */
export function parseRuleDoc(text: string): { doc: RuleDoc } | { error: string } {
  try {
    const doc: unknown = JSON.parse(text);
    return isObj(doc) ? { doc: doc as RuleDoc } : { error: '文本不是一个细则对象（应以 { 开始）' };
  } catch (e) {
    return { error: `JSON 格式有误：${(e as Error).message}` };
  }
}

/** The text the form writes: two-space JSON with "$schema" first, ending as the text it replaces did. */
export function printRuleDoc(doc: RuleDoc, was: string): string {
  const { $schema, ...rest } = doc;
  const text = JSON.stringify($schema === undefined ? rest : { $schema, ...rest }, null, 2);
  return was.endsWith('\n') ? `${text}\n` : text;
}

export const clauseTypes: Record<string, string> = {
  perUnit: '按数量计分',
  tiers: '分档计分',
  ratio: '按完成比例',
  shortfall: '按差额扣分',
  fixed: '固定分',
  inspections: '督查加扣分',
  selfReview: '自评与上级评定',
  votes: '评议票',
};

export const partKinds: Record<string, string> = { score: '计分部分', bonus: '加分', deduction: '扣分' };

/** A tier's or band's bounds in words: ≥ 90、< 80. */
export function boundsText(t: Obj): string {
  const words: string[] = [];
  if (typeof t.gte === 'number') words.push(`≥ ${t.gte}`);
  if (typeof t.gt === 'number') words.push(`> ${t.gt}`);
  if (typeof t.lte === 'number') words.push(`≤ ${t.lte}`);
  if (typeof t.lt === 'number') words.push(`< ${t.lt}`);
  return words.join(' 且 ') || '（未设边界）';
}
