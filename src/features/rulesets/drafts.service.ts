import { requireRole } from '../../auth/scope';
import type { Role } from '../../db/database';
import { withTransaction } from '../../db/transaction';
import { AppError, invalidField, notFound } from '../../errors/app-error';
import { parseJsonText } from '../../lib/text-input';
import type { z } from '../../lib/zod';
import { ruleSetJsonSchema } from '../../rules/json-schema';
import { runExamples } from '../../scoring/run';
import type { RuleSetsHolder } from '../../rules/registry';
import { recordAudit } from '../audit/record-audit';
import { categoryNames, findCategoryRow, type CategoryNames } from '../catalog/categories.repository';
import { databaseCatalog } from '../catalog/manage-kinds';
import type { Ctx } from '../context';
import { requireCycleManager } from '../cycles/manage-cycles';
import { previewRuleSet, publishRuleSet } from '../scoring/preview-rules';
import { draftRow, draftRows, insertDraft, markDraftPublished, removeDraft, updateDraft, type DraftRow } from './drafts.repository';
import type { CreateDraftInput, DraftValidation, PublishDraftInput, PublishedDraft, RuleDraft, RuleDrafts, RuleDraftSummary, RulePreview, SaveDraftInput } from './drafts.schemas';
import { checkDraftText, type CheckedDraft } from './drafts.validate';
import { ruleFileText, versionText } from './rules-in-force';

/** Who reads drafts: administrators and leaders. Who writes them: the cycle manager (district administrator). */
const draftReaders: readonly Role[] = ['admin', 'leader'];

/** requireCycleManager without throwing: whether the caller may edit, preview and publish drafts. */
async function isCycleManager(ctx: Ctx): Promise<boolean> {
  try {
    await requireCycleManager(ctx);
    return true;
  } catch (e) {
    if (e instanceof AppError && e.code === 'forbidden') return false;
    throw e;
  }
}

function actorName(id: string, name: string | null): string | null {
  if (name) return name;
  if (id === 'cli') return '命令行';
  if (id === 'system') return '系统';
  return id;
}

function toSummary(r: Omit<DraftRow, 'source' | 'issues'>, names: CategoryNames): RuleDraftSummary {
  return {
    id: r.id,
    ruleSetId: r.rule_set_id,
    title: r.title,
    version: r.version,
    categories: r.categories.map((code) => ({ code, label: names.name(code) })),
    valid: r.hash !== null,
    errorCount: r.error_count,
    hash: r.hash,
    basedOn: r.based_on,
    origin: r.origin,
    file: r.file,
    updatedAt: new Date(r.updated_at).toISOString(),
    updatedBy: actorName(r.updated_by, r.updated_by_name),
    publishedYear: r.published_year,
    publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
  };
}

const toDraft = (r: DraftRow, names: CategoryNames): RuleDraft => ({ ...toSummary(r, names), source: r.source, issues: r.issues });

async function loadDraft(ctx: Ctx, id: number, lock?: 'update'): Promise<DraftRow> {
  const row = await draftRow(ctx.db, id, lock);
  if (!row) throw notFound('这份细则草稿', 'id');
  return row;
}

/** What an audit row says of a draft: never its whole text. */
const auditView = (d: Pick<RuleDraftSummary, 'ruleSetId' | 'title' | 'version' | 'hash' | 'origin' | 'file' | 'basedOn'>) => ({
  ruleSetId: d.ruleSetId,
  title: d.title,
  version: d.version,
  hash: d.hash,
  origin: d.origin,
  file: d.file,
  basedOn: d.basedOn,
});

export async function listDrafts({ ctx }: { ctx: Ctx }): Promise<z.infer<typeof RuleDrafts>> {
  requireRole(ctx, draftReaders);
  const names = await categoryNames(ctx.db);
  return { canEdit: await isCycleManager(ctx), items: (await draftRows(ctx.db)).map((r) => toSummary(r, names)) };
}

/** The rule files' JSON Schema, with the database's ledger kinds and categories offered where a file names them. */
export async function draftJsonSchema({ ctx }: { ctx: Ctx }): Promise<Record<string, unknown>> {
  requireRole(ctx, draftReaders);
  const catalog = await databaseCatalog(ctx);
  const codes = catalog.kinds.map((k) => k.code);
  const schema = ruleSetJsonSchema();
  const cats = (schema as { properties?: { categories?: { items?: Record<string, unknown> } } }).properties?.categories;
  if (cats?.items) cats.items = { ...cats.items, enum: catalog.categories.filter((c) => !c.retired).map((c) => c.code) };
  const stack: unknown[] = [schema];
  while (stack.length > 0) {
    const v = stack.pop();
    if (!v || typeof v !== 'object') continue;
    const kinds = (v as { properties?: { kinds?: { type?: string; items?: Record<string, unknown> } } }).properties?.kinds;
    if (kinds?.type === 'array' && kinds.items && kinds.items.type === 'string') kinds.items = { ...kinds.items, enum: codes };
    stack.push(...(Array.isArray(v) ? v : Object.values(v)));
  }
  return schema;
}

export async function validateDraft({ ctx, source }: { ctx: Ctx; source: string }): Promise<DraftValidation> {
  requireRole(ctx, draftReaders);
  return (await checkDraftText(ctx.db, source)).validation;
}

export async function createDraft({ ctx, input, ruleSets }: { ctx: Ctx; input: z.infer<typeof CreateDraftInput>; ruleSets: RuleSetsHolder }): Promise<RuleDraft> {
  await requireCycleManager(ctx);
  const basedOn = input.fromHash ?? null;
  const copied = basedOn === null ? (input.source ?? '') : await versionText(ctx.db, basedOn, ruleSets);
  if (copied === null) throw notFound('这一版考核细则', 'fromHash');
  const source = input.forCategory === undefined ? copied : await retargeted(ctx, copied, input.forCategory);
  return withTransaction(ctx, async (tx) => {
    const checked = await checkDraftText(tx.db, source);
    const id = await insertDraft(tx.db, { ...checked.stored, source, based_on: basedOn, origin: 'console', file: null, by: ctx.actor.id, at: tx.clock.now() });
    const draft = toDraft(await loadDraft(tx, id), await categoryNames(tx.db));
    await recordAudit(tx, { action: 'rules.draft.create', entity: 'rule_draft', entityId: id, orgId: ctx.actor.orgId, after: auditView(draft) });
    return draft;
  });
}

/**
 * A copied rule set made the first of a new category: it applies to that category only, under an id and title of
 * its own and version 1, so that it can be published next to the one it was copied from.
 */
async function retargeted(ctx: Ctx, text: string, category: string): Promise<string> {
  const cat = await findCategoryRow(ctx.db, category);
  if (!cat || cat.retired_at) throw invalidField('forCategory', cat ? `考核类别「${cat.label}」已停用` : `未知的考核类别「${category}」`);
  const parsed = parseJsonText(text);
  if (!parsed.ok || !parsed.value || typeof parsed.value !== 'object') throw invalidField('fromHash', '这一版考核细则无法复制');
  const body = parsed.value as Record<string, unknown>;
  return ruleFileText({ ...body, id: category.replace(/_/g, '-'), title: `${cat.label}考核评价细则`, version: '1', categories: [category] });
}

export async function getDraft({ ctx, id }: { ctx: Ctx; id: number }): Promise<RuleDraft> {
  requireRole(ctx, draftReaders);
  return toDraft(await loadDraft(ctx, id), await categoryNames(ctx.db));
}

/** Saves a draft's text as it is (a text that does not compile too), with its new issues; refuses a lost update. */
export async function saveDraft({ ctx, id, input }: { ctx: Ctx; id: number; input: z.infer<typeof SaveDraftInput> }): Promise<RuleDraft> {
  await requireCycleManager(ctx);
  return withTransaction(ctx, async (tx) => {
    const row = await loadDraft(tx, id, 'update');
    if (input.updatedAt !== undefined && new Date(input.updatedAt).getTime() !== new Date(row.updated_at).getTime()) {
      const by = actorName(row.updated_by, row.updated_by_name);
      throw new AppError('conflict', `这份草稿在您打开之后已被${by ? `「${by}」` : '他人'}修改并保存：请重新打开草稿，再做修改`, { field: 'updatedAt' });
    }
    const checked = await checkDraftText(tx.db, input.source);
    await updateDraft(tx.db, id, { ...checked.stored, source: input.source, by: ctx.actor.id, at: tx.clock.now() });
    const names = await categoryNames(tx.db);
    const draft = toDraft(await loadDraft(tx, id), names);
    await recordAudit(tx, { action: 'rules.draft.save', entity: 'rule_draft', entityId: id, orgId: ctx.actor.orgId, before: auditView(toSummary(row, names)), after: auditView(draft) });
    return draft;
  });
}

export async function deleteDraft({ ctx, id }: { ctx: Ctx; id: number }): Promise<{ id: number; deleted: true }> {
  await requireCycleManager(ctx);
  return withTransaction(ctx, async (tx) => {
    const row = await loadDraft(tx, id, 'update');
    await removeDraft(tx.db, id);
    await recordAudit(tx, { action: 'rules.draft.delete', entity: 'rule_draft', entityId: id, orgId: ctx.actor.orgId, before: auditView(toSummary(row, await categoryNames(tx.db))) });
    return { id, deleted: true as const };
  });
}

/**
 * A draft's content checked again now (the catalog may have changed): refused, naming its first issues, unless
 * valid. A preview only needs the rule set itself to be right: examples that no longer hold (a point value was
 * changed) are shown with the preview and must be brought up to date before publishing.
 */
function requireValid(checked: CheckedDraft, use: 'preview' | 'publish'): unknown {
  if (checked.compiled || (use === 'preview' && checked.runnable)) return checked.json;
  const errors = checked.validation.issues.filter((i) => i.severity === 'error');
  const first = errors
    .slice(0, 3)
    .map((i) => `${i.line === null ? '' : `第 ${i.line} 行 `}${i.path}：${i.message}`)
    .join('；');
  const what = checked.runnable ? '示例未通过（可用“更新示例”按修改后的细则重算期望值，核对后保存），不能发布' : '不能预览或发布';
  throw new AppError('validation_failed', `草稿未通过校验（${errors.length} 处问题），${what}：${first}${errors.length > 3 ? '……' : ''}`, { issues: errors });
}

/**
 * 更新示例: each example that no longer holds gets the values the text now gives for what it checks (total,
 * parts, indicators, grade…), so that a deliberate point change need not be worked into the JSON by hand. Nothing
 * is saved: the page shows the new text to be checked and saved.
 */
export async function refreshExamples({ ctx, source }: { ctx: Ctx; source: string }): Promise<{ source: string; updated: string[] }> {
  requireRole(ctx, draftReaders);
  const checked = await checkDraftText(ctx.db, source);
  if (!checked.runnable) requireValid(checked, 'preview');
  const outcomes = await runExamples(checked.runnable!).catch((e: unknown) => {
    throw new AppError('validation_failed', `示例无法运行，不能更新：${(e as Error).message}`, { field: 'source' });
  });
  const body = checked.json as { examples?: { expect?: Record<string, unknown> }[] };
  const updated: string[] = [];
  outcomes.forEach((o, i) => {
    const ex = body.examples?.[i];
    if (o.ok || !ex) return;
    ex.expect = { ...ex.expect, ...o.actual };
    updated.push(o.name);
  });
  return { source: updated.length === 0 ? source : ruleFileText(body), updated };
}

export async function previewDraft({ ctx, id, year, ruleSets }: { ctx: Ctx; id: number; year: number; ruleSets: RuleSetsHolder }): Promise<z.infer<typeof RulePreview>> {
  await requireCycleManager(ctx);
  const row = await loadDraft(ctx, id);
  const draft = requireValid(await checkDraftText(ctx.db, row.source), 'preview');
  return previewRuleSet({ ctx, year, draft, ruleSets });
}

/** Publishes a draft into a year (publishRuleSet: stored as a version, pinned, audited), marks it, and reloads what is in force. */
export async function publishDraft({ ctx, id, input, ruleSets }: { ctx: Ctx; id: number; input: z.infer<typeof PublishDraftInput>; ruleSets: RuleSetsHolder }): Promise<z.infer<typeof PublishedDraft>> {
  await requireCycleManager(ctx);
  const out = await withTransaction(ctx, async (tx) => {
    const row = await loadDraft(tx, id, 'update');
    const draft = requireValid(await checkDraftText(tx.db, row.source), 'publish');
    const published = await publishRuleSet({ ctx: tx, year: input.year, draft, previewId: input.previewId });
    await markDraftPublished(tx.db, id, { year: input.year, hash: published.ruleSet.hash, at: tx.clock.now() });
    return { ...published, categories: [...published.categories], draft: toSummary(await loadDraft(tx, id), await categoryNames(tx.db)) };
  });
  await ruleSets.reload?.();
  return out;
}
