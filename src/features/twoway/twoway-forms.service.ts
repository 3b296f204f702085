import { readers, requireRole } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import type { TwowayDirection, TwowayFormItem } from '../../db/database';
import { twowayDirectionLabel } from '../../domain/catalog';
import { invalidField } from '../../errors/app-error';
import { recordAudit } from '../audit/record-audit';
import { requireCatalogEditor } from '../catalog/manage-kinds';
import type { Ctx } from '../context';
import { computedBasis } from './twoway-forms';
import { insertFormVersion, latestForms, listPins, lockForms, type FormRow } from './twoway-forms.repository';
import { TwowayFormInput, type TwowayForms } from './twoway-forms.schemas';

/**
 * The two-way evaluation forms of the catalog: each direction's items, labels and maxima (adding up to 100), as
 * numbered versions. An admin of the top organization saves a new version; years already evaluated keep theirs.
 */

export function formItemView(item: TwowayFormItem) {
  return { key: item.key, label: item.label, max: item.max, computed: item.computed ?? null, basis: computedBasis(item) };
}

function formView(f: FormRow, pins: { cycle_year: number; direction: string; version: number }[]) {
  return {
    direction: f.direction,
    directionLabel: twowayDirectionLabel[f.direction],
    version: f.version,
    items: f.items.map(formItemView),
    createdBy: f.created_by === 'system' ? '系统（初始版本）' : f.created_by,
    createdAt: f.created_at.toISOString(),
    pinnedYears: pins.filter((p) => p.direction === f.direction).map((p) => ({ year: p.cycle_year, version: p.version })),
  };
}

export async function getTwowayForms({ ctx }: { ctx: Ctx }): Promise<TwowayForms> {
  requireRole(ctx, readers);
  const [forms, pins] = await Promise.all([latestForms(ctx.db), listPins(ctx.db)]);
  const canEdit = await requireCatalogEditor(ctx).then(
    () => true,
    () => false,
  );
  return { forms: forms.map((f) => formView(f, pins)), canEdit };
}

/** Checks a form beyond its fields' shapes: keys unique, maxima adding up to 100, computed items on the community's side only. */
function checkForm(direction: TwowayDirection, items: TwowayFormItem[]): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.key)) throw invalidField(`items.${i}.key`, `编码「${item.key}」重复`);
    seen.add(item.key);
    if (item.computed && direction !== 'community_rates_unit') throw invalidField(`items.${i}.computed`, '只有“社区评价共建单位”的表可以有系统计算的项目（按单位的项目和微心愿计算）');
    if (item.computed && items.findIndex((x) => x.computed) !== i) throw invalidField(`items.${i}.computed`, '一张评价表只能有一个系统计算的项目');
  });
  const total = items.reduce((s, i) => s + Math.round(i.max * 100), 0);
  if (total !== 10_000) throw invalidField('items', `各项满分合计须为 100 分，现为 ${(total / 100).toFixed(2).replace(/\.?0+$/, '')} 分`);
}

/** Saves a new version of a direction's form; the next year to be evaluated uses it. Audited with both versions. */
export async function publishTwowayForm({ ctx, direction, input }: { ctx: Ctx; direction: TwowayDirection; input: unknown }): Promise<TwowayForms> {
  await requireCatalogEditor(ctx);
  const data = TwowayFormInput.parse(input);
  const items: TwowayFormItem[] = data.items.map((i) => ({ key: i.key, label: i.label, max: i.max, ...(i.computed ? { computed: i.computed } : {}) }));
  checkForm(direction, items);
  await withTransaction(ctx, async (tx) => {
    await lockForms(tx.db);
    const before = (await latestForms(tx.db)).find((f) => f.direction === direction);
    const saved = await insertFormVersion(tx.db, direction, items, ctx.actor.name);
    await recordAudit(tx, {
      action: 'twoway.form.publish',
      entity: 'twoway_form',
      entityId: `${direction}:${saved.version}`,
      orgId: null,
      before: before ? { version: before.version, items: before.items } : undefined,
      after: { direction, version: saved.version, items },
    });
  });
  return getTwowayForms({ ctx });
}
