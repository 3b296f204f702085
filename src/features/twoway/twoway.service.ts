import { inScope, readers, requireRole } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import type { TwowayDirection } from '../../db/database';
import { twowayDirectionLabel } from '../../domain/catalog';
import { forbidden, invalidField, notFound } from '../../errors/app-error';
import { todayInChina } from '../../lib/clock';
import { recordAudit } from '../audit/record-audit';
import { findAgreementRow, type AgreementRow } from '../agreements/agreements.repository';
import type { Ctx } from '../context';
import { openCycleFor } from '../cycles/cycle-gates';
import { findMembersByIds } from '../members/members.repository';
import { listEvaluations, listFeedback, listTwowayRows, upsertEvaluation, upsertFeedback } from './twoway.repository';
import { FeedbackInput, TwowayInput, type Evaluation, type FeedbackView, type TwowayView } from './twoway.schemas';
import { computedPoints, fillComputed, itemsTotal } from './twoway-forms';
import { formsOfYear, pairOutcomes, pinForm, type FormRow } from './twoway-forms.repository';
import { formItemView } from './twoway-forms.service';

const directions: TwowayDirection[] = ['community_rates_unit', 'unit_rates_community'];

/** The agreement if either side lies in the caller's subtree; otherwise 404. */
async function agreementFor(ctx: Ctx, id: number): Promise<AgreementRow> {
  const a = await findAgreementRow(ctx.db, id);
  if (!a || !(inScope(ctx.actor, a.community_path) || inScope(ctx.actor, a.unit_path))) throw notFound('共建协议', 'id');
  return a;
}

/** Which side writes a direction: the community rates the unit, the unit rates the community. */
function writerOf(a: AgreementRow, d: TwowayDirection) {
  return d === 'community_rates_unit' ? { id: a.community_id, name: a.community_name, path: a.community_path } : { id: a.unit_id, name: a.unit_name, path: a.unit_path };
}

/** Item scores in hundredths, so the total is exact: 12.5 + 7.25 = 19.75, never a float sum. */
function cents(v: number): number | null {
  const c = Math.round(v * 100);
  return Math.abs(c - v * 100) < 1e-6 ? c : null;
}

/** Both directions of an agreement's evaluation, readable by both sides. */
export async function getTwoway({ ctx, id }: { ctx: Ctx; id: number }): Promise<TwowayView> {
  requireRole(ctx, readers);
  const a = await agreementFor(ctx, id);
  const [rows, forms, [counts]] = await Promise.all([listEvaluations(ctx.db, a.id), formsOfYear(ctx.db, a.year), pairOutcomes(ctx.db, [a.id], todayInChina(ctx.clock))]);
  const evaluations: Evaluation[] = rows.map((r) => ({
    direction: r.direction,
    directionLabel: twowayDirectionLabel[r.direction],
    byOrgId: r.by_org_id,
    byOrgName: r.by_org_name,
    items: r.items,
    total: r.total,
    comment: r.comment,
    submittedAt: r.submitted_at.toISOString(),
  }));
  return {
    agreementId: a.id,
    year: a.year,
    communityId: a.community_id,
    communityName: a.community_name,
    unitId: a.unit_id,
    unitName: a.unit_name,
    catalog: Object.fromEntries(directions.map((d) => [d, catalogOf(forms.get(d), counts)])) as TwowayView['catalog'],
    evaluations,
    missing: directions.filter((d) => !rows.some((r) => r.direction === d)),
  };
}

/** A form's items as the sheet shows them, each computed item with what the pair's outcomes give today. */
function catalogOf(form: FormRow | undefined, counts: Parameters<typeof computedPoints>[1] | undefined) {
  return (form?.items ?? []).map((item) => ({
    ...formItemView(item),
    now: item.computed && counts ? computedPoints({ ...item, computed: item.computed }, counts) : null,
  }));
}

/** Checks a side's points against its form: every item it fills, within its maximum, in hundredths; none of the computed ones. */
function checkItems(form: FormRow, items: Record<string, number>): void {
  for (const item of form.items) {
    const v = Object.hasOwn(items, item.key) ? items[item.key] : undefined;
    if (item.computed) {
      if (v !== undefined) throw invalidField(`items.${item.key}`, `「${item.label}」由系统根据项目清单和微心愿计算，不用填写`);
      continue;
    }
    if (v === undefined) throw invalidField(`items.${item.key}`, `请给「${item.label}」打分（0–${item.max} 分）`);
    if (cents(v) === null) throw invalidField(`items.${item.key}`, '最多两位小数');
    if (v > item.max) throw invalidField(`items.${item.key}`, `「${item.label}」最高 ${item.max} 分`);
  }
  for (const key of Object.keys(items)) {
    if (!form.items.some((i) => i.key === key)) throw invalidField(`items.${key}`, `没有这一项，可选：${form.items.filter((i) => !i.computed).map((i) => `${i.key}（${i.label}）`).join('、')}`);
  }
}

/**
 * One side's evaluation of the other for the agreement's year, item by item within each item's maximum;
 * the total is computed here. Each side writes only its own direction, while the cycle is in review.
 */
export async function submitTwoway({ ctx, id, input }: { ctx: Ctx; id: number; input: unknown }): Promise<TwowayView> {
  requireRole(ctx, ['admin', 'org_user']);
  const data = TwowayInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const a = await agreementFor(tx, id);
    const writer = writerOf(a, data.direction);
    if (!inScope(ctx.actor, writer.path)) throw forbidden(`「${twowayDirectionLabel[data.direction]}」由「${writer.name}」填写`, 'direction');
    await openCycleFor(tx, a.year, 'twoway', 'direction');
    const form = await pinForm(tx.db, a.year, data.direction);
    checkItems(form, data.items);
    const items = fillComputed(form.items, data.items, form.items.some((i) => i.computed) ? (await pairOutcomes(tx.db, [a.id], todayInChina(tx.clock)))[0] : undefined);
    const before = (await listEvaluations(tx.db, a.id)).find((r) => r.direction === data.direction);
    const totalText = itemsTotal(items);
    await upsertEvaluation(tx.db, {
      agreement_id: a.id,
      cycle_year: a.year,
      direction: data.direction,
      items,
      total: totalText,
      comment: data.comment ?? null,
      by_org_id: writer.id,
      submitted_by: ctx.actor.id,
      submitted_at: tx.clock.now(),
    });
    await recordAudit(tx, {
      action: 'twoway.submit',
      entity: 'agreement',
      entityId: a.id,
      orgId: writer.id,
      before: before ? { items: before.items, total: before.total } : undefined,
      after: { direction: data.direction, version: form.version, items, total: totalText },
    });
    return getTwoway({ ctx: tx, id: a.id });
  });
}

export async function getFeedback({ ctx, id }: { ctx: Ctx; id: number }): Promise<FeedbackView> {
  requireRole(ctx, readers);
  const a = await agreementFor(ctx, id);
  const rows = await listFeedback(ctx.db, a.id);
  return {
    agreementId: a.id,
    items: rows.map((r) => ({ memberId: r.member_id, memberName: r.member_name, reported: r.reported, hours: r.hours, rating: r.rating, comment: r.comment })),
  };
}

/** The community's feedback on the unit's in-service members (报到, hours, 评价), for the feedback letter. */
export async function submitFeedback({ ctx, id, input }: { ctx: Ctx; id: number; input: unknown }): Promise<FeedbackView> {
  requireRole(ctx, ['admin', 'org_user']);
  const data = FeedbackInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const a = await agreementFor(tx, id);
    if (!inScope(ctx.actor, a.community_path)) throw forbidden(`在职党员的服务情况由「${a.community_name}」反馈`, 'members');
    await openCycleFor(tx, a.year, 'twoway', 'members');
    const members = new Map((await findMembersByIds(tx.db, data.members.map((m) => m.memberId))).map((m) => [m.id, m]));
    for (const [i, m] of data.members.entries()) {
      const row = members.get(m.memberId);
      if (!row || row.org_id !== a.unit_id || !row.in_service) throw invalidField(`members.${i}.memberId`, `不是「${a.unit_name}」的在职党员`);
    }
    await upsertFeedback(
      tx.db,
      data.members.map((m) => ({
        agreement_id: a.id,
        community_id: a.community_id,
        member_id: m.memberId,
        cycle_year: a.year,
        reported: m.reported,
        hours: m.hours,
        rating: m.rating ?? null,
        comment: m.comment ?? null,
        submitted_by: ctx.actor.id,
      })),
    );
    await recordAudit(tx, { action: 'twoway.feedback', entity: 'agreement', entityId: a.id, orgId: a.community_id, after: { members: data.members.length } });
    return getFeedback({ ctx: tx, id: a.id });
  });
}

export type TwowayRow = { agreementId: number; communityName: string; unitName: string; unitReceived: string | null; communityReceived: string | null };

/** Every agreement of a year in the caller's view with both directions' totals (null: not yet given). */
export async function listTwoway({ ctx, year }: { ctx: Ctx; year: number }): Promise<{ items: TwowayRow[] }> {
  requireRole(ctx, readers);
  const rows = await listTwowayRows(ctx.db, year, ctx.actor.orgPath);
  return {
    items: rows.map((r) => ({ agreementId: r.id, communityName: r.community_name, unitName: r.unit_name, unitReceived: r.unit_received, communityReceived: r.community_received })),
  };
}
