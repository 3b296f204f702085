import { requireRole } from '../../auth/scope';
import type { Role } from '../../db/database';
import { withTransaction } from '../../db/transaction';
import { categoryLabel } from '../../domain/catalog';
import { AppError, notFound } from '../../errors/app-error';
import type { z } from '../../lib/zod';
import { ruleSetJsonSchema } from '../../rules/json-schema';
import type { RuleSetsHolder } from '../../rules/registry';
import { recordAudit } from '../audit/record-audit';
import { databaseCatalog } from '../catalog/manage-kinds';
import type { Ctx } from '../context';
import { requireCycleManager } from '../cycles/manage-cycles';
import { previewRuleSet, publishRuleSet } from '../scoring/preview-rules';
import { draftRow, draftRows, insertDraft, markDraftPublished, removeDraft, updateDraft, type DraftRow } from './drafts.repository';
import type { CreateDraftInput, DraftValidation, PublishDraftInput, PublishedDraft, RuleDraft, RuleDrafts, RuleDraftSummary, RulePreview, SaveDraftInput } from './drafts.schemas';
import { checkDraftText, type CheckedDraft } from './drafts.validate';
import { versionText } from './rules-in-force';

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

const labelOf = (code: string) => (categoryLabel as Record<string, string>)[code] ?? code;

function actorName(id: string, name: string | null): string | null {
  if (name) return name;
  if (id === 'cli') return '命令行';
  if (id === 'system') return '系统';
  return id;
}

function toSummary(r: Omit<DraftRow, 'source' | 'issues'>): RuleDraftSummary {
  return {
    id: r.id,
    ruleSetId: r.rule_set_id,
    title: r.title,
    version: r.version,
    categories: r.categories.map((code) => ({ code, label: labelOf(code) })),
    valid: r.hash !== null,
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

const toDraft = (r: DraftRow): RuleDraft => ({ ...toSummary(r), source: r.source, issues: r.issues });

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
  return { canEdit: await isCycleManager(ctx), items: (await draftRows(ctx.db)).map(toSummary) };
}

/** The rule files' JSON Schema, with the database's ledger kinds offered wherever a fact names kinds. */
export async function draftJsonSchema({ ctx }: { ctx: Ctx }): Promise<Record<string, unknown>> {
  requireRole(ctx, draftReaders);
  const codes = (await databaseCatalog(ctx)).kinds.map((k) => k.code);
  const schema = ruleSetJsonSchema();
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
  const source = basedOn === null ? (input.source ?? '') : await versionText(ctx.db, basedOn, ruleSets);
  if (source === null) throw notFound('这一版考核细则', 'fromHash');
  return withTransaction(ctx, async (tx) => {
    const checked = await checkDraftText(tx.db, source);
    const id = await insertDraft(tx.db, { ...checked.stored, source, based_on: basedOn, origin: 'console', file: null, by: ctx.actor.id, at: tx.clock.now() });
    const draft = toDraft(await loadDraft(tx, id));
    await recordAudit(tx, { action: 'rules.draft.create', entity: 'rule_draft', entityId: id, orgId: ctx.actor.orgId, after: auditView(draft) });
    return draft;
  });
}

export async function getDraft({ ctx, id }: { ctx: Ctx; id: number }): Promise<RuleDraft> {
  requireRole(ctx, draftReaders);
  return toDraft(await loadDraft(ctx, id));
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
    const draft = toDraft(await loadDraft(tx, id));
    await recordAudit(tx, { action: 'rules.draft.save', entity: 'rule_draft', entityId: id, orgId: ctx.actor.orgId, before: auditView(toSummary(row)), after: auditView(draft) });
    return draft;
  });
}

export async function deleteDraft({ ctx, id }: { ctx: Ctx; id: number }): Promise<{ id: number; deleted: true }> {
  await requireCycleManager(ctx);
  return withTransaction(ctx, async (tx) => {
    const row = await loadDraft(tx, id, 'update');
    await removeDraft(tx.db, id);
    await recordAudit(tx, { action: 'rules.draft.delete', entity: 'rule_draft', entityId: id, orgId: ctx.actor.orgId, before: auditView(toSummary(row)) });
    return { id, deleted: true as const };
  });
}

/** A draft's content checked again now (the catalog may have changed): refused, naming its first issues, unless valid. */
function requireValid(checked: CheckedDraft): unknown {
  if (checked.compiled) return checked.json;
  const errors = checked.validation.issues.filter((i) => i.severity === 'error');
  const first = errors
    .slice(0, 3)
    .map((i) => `${i.line === null ? '' : `第 ${i.line} 行 `}${i.path}：${i.message}`)
    .join('；');
  throw new AppError('validation_failed', `草稿未通过校验（${errors.length} 处问题），不能预览或发布：${first}${errors.length > 3 ? '……' : ''}`, { issues: errors });
}

export async function previewDraft({ ctx, id, year, ruleSets }: { ctx: Ctx; id: number; year: number; ruleSets: RuleSetsHolder }): Promise<z.infer<typeof RulePreview>> {
  await requireCycleManager(ctx);
  const row = await loadDraft(ctx, id);
  const draft = requireValid(await checkDraftText(ctx.db, row.source));
  return previewRuleSet({ ctx, year, draft, ruleSets });
}

/** Publishes a draft into a year (publishRuleSet: stored as a version, pinned, audited), marks it, and reloads what is in force. */
export async function publishDraft({ ctx, id, input, ruleSets }: { ctx: Ctx; id: number; input: z.infer<typeof PublishDraftInput>; ruleSets: RuleSetsHolder }): Promise<z.infer<typeof PublishedDraft>> {
  await requireCycleManager(ctx);
  const out = await withTransaction(ctx, async (tx) => {
    const row = await loadDraft(tx, id, 'update');
    const draft = requireValid(await checkDraftText(tx.db, row.source));
    const published = await publishRuleSet({ ctx: tx, year: input.year, draft, previewId: input.previewId });
    await markDraftPublished(tx.db, id, { year: input.year, hash: published.ruleSet.hash, at: tx.clock.now() });
    return { ...published, categories: [...published.categories], draft: toSummary(await loadDraft(tx, id)) };
  });
  await ruleSets.reload?.();
  return out;
}
