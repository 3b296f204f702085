import { inScope, requireRole } from '../../auth/scope';
import type { CycleState } from '../../db/database';
import { withTransaction } from '../../db/transaction';
import { cycleStateLabel } from '../../domain/catalog';
import { AppError, forbidden, notFound } from '../../errors/app-error';
import { todayInChina } from '../../lib/clock';
import { z } from '../../lib/zod';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { findOrgById } from '../orgs/orgs.repository';
import { copyGrades, correctGrade, gradeOf } from '../scoring/grades.repository';
import { copyScores, correctScoreTotal, findRuleSetBody, insertCorrectionRevision, latestRevision, latestScore, revisionPins, scoreOf } from '../scoring/scores.repository';
import { requireCycleManager } from './manage-cycles';
import {
  countOpenAppeals,
  cycleRow,
  findAppealForUpdate,
  findCycle,
  findOpenAppeal,
  insertAppeal,
  insertCorrection,
  listAppealRows,
  listCorrectionRows,
  lockCycles,
  setAppealDecision,
  setCycleFinalized,
  setCyclePublished,
  setFinalRevision,
} from './cycles.repository';

export const PublishInput = z.object({ appealDays: z.number().int().min(1).max(60).default(7) }).strict().openapi('PublishCycle');
export const CorrectionInput = z
  .object({
    orgId: z.number().int().positive().max(2_147_483_647),
    total: z
      .string()
      .regex(/^\d{1,4}(\.\d{1,2})?$/)
      .optional()
      .openapi({ description: '更正后的总分' }),
    grade: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/).optional().openapi({ description: '更正后的等次编号' }),
    reason: z.string().trim().min(4).max(500),
  })
  .strict()
  .refine((v) => v.total !== undefined || v.grade !== undefined, { message: '至少更正总分或等次之一' })
  .openapi('Correction');

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function cycleIn(ctx: Ctx, year: number, allowed: readonly CycleState[], doing: string) {
  const cycle = await findCycle(ctx.db, year, 'update');
  if (!cycle) throw notFound(`${year} 年度考核周期`, 'year');
  if (!allowed.includes(cycle.state)) {
    throw new AppError('cycle_closed', `${year} 年度考核周期处于「${cycleStateLabel[cycle.state]}」状态，不能${doing}`, { field: 'year', state: cycle.state });
  }
  return cycle;
}

async function latestRevisionId(ctx: Ctx, year: number): Promise<number | null> {
  const r = await latestRevision(ctx.db, year);
  return r?.id ?? null;
}

/** 公示: results become visible to the organizations, with an appeal window of N days from today. */
export async function publishCycle({ ctx, year, input }: { ctx: Ctx; year: number; input: unknown }) {
  await requireCycleManager(ctx);
  const { appealDays } = PublishInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    await lockCycles(tx.db);
    const cycle = await cycleIn(tx, year, ['computed'], '公示（须先计分）');
    const today = todayInChina(tx.clock);
    const deadline = addDays(today, appealDays);
    await setCyclePublished(tx.db, year, today, deadline, tx.clock.now());
    await recordAudit(tx, { action: 'cycle.publish', entity: 'cycle', entityId: year, orgId: ctx.actor.orgId, before: { state: cycle.state }, after: { state: 'published', publishedOn: today, appealDeadline: deadline } });
    return { year, state: 'published' as const, publishedOn: today, appealDeadline: deadline };
  });
}

/** 定档: after the appeal window, with no appeal left open, the newest revision becomes final and the cycle locks. */
export async function finalizeCycle({ ctx, year }: { ctx: Ctx; year: number }) {
  await requireCycleManager(ctx);
  return withTransaction(ctx, async (tx) => {
    await lockCycles(tx.db);
    const cycle = await cycleIn(tx, year, ['published'], '定档（须先公示）');
    const today = todayInChina(tx.clock);
    const deadline = (await cycleRow(tx.db, year)).appeal_deadline!;
    if (today <= deadline) throw new AppError('conflict', `申诉期到 ${deadline} 止，期满后才能定档`, { appealDeadline: deadline });
    const open = await countOpenAppeals(tx.db, year);
    if (open > 0) throw new AppError('conflict', `还有 ${open} 件申诉未处理，处理完毕后才能定档`);
    const revision = await latestRevisionId(tx, year);
    await setCycleFinalized(tx.db, year, revision, tx.clock.now(), tx.clock.now());
    await recordAudit(tx, { action: 'cycle.finalize', entity: 'cycle', entityId: year, orgId: ctx.actor.orgId, before: { state: cycle.state }, after: { state: 'finalized', finalRevisionId: revision } });
    return { year, state: 'finalized' as const, finalRevisionId: revision };
  });
}

/**
 * After finalization a result changes only by a recorded correction: who, why, before and after. The
 * final revision is copied into a new one with the change, which becomes final; the old one is kept.
 */
export async function correctResult({ ctx, year, input }: { ctx: Ctx; year: number; input: unknown }) {
  await requireCycleManager(ctx);
  const data = CorrectionInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    await lockCycles(tx.db);
    await cycleIn(tx, year, ['finalized'], '更正（只有已定档的年度用更正修改结果）');
    const from = (await cycleRow(tx.db, year)).final_revision_id!;
    const score = await scoreOf(tx.db, from, data.orgId);
    if (!score) throw notFound('该组织在定档结果中的得分', 'orgId');
    const grade = await gradeOf(tx.db, from, data.orgId);
    const pins = await revisionPins(tx.db, from);
    let newLabel: string | null = grade?.grade_label ?? null;
    if (data.grade !== undefined) {
      const hash = (pins.rule_sets as { category: string; hash: string }[]).find((p) => p.category === score.category)?.hash;
      const body = hash ? await findRuleSetBody(tx.db, hash) : undefined;
      const grades = ((body?.body as { grading?: { grades: { id: string; label: string }[] } } | undefined)?.grading?.grades ?? []);
      const found = grades.find((g) => g.id === data.grade);
      if (!found) throw new AppError('validation_failed', `等次「${data.grade}」不在该组织的定级规则中，可选：${grades.map((g) => `${g.id}（${g.label}）`).join('、') || '（无定级规则）'}`, { field: 'grade' });
      newLabel = found.label;
    }
    const revision = await insertCorrectionRevision(tx.db, { cycle_year: year, rule_sets: pins.rule_sets, org_count: pins.org_count, note: data.reason, created_by: ctx.actor.id });
    await copyScores(tx.db, from, revision.id);
    await copyGrades(tx.db, from, revision.id);
    const before = { total: score.total, grade: grade?.grade ?? null, gradeLabel: grade?.grade_label ?? null };
    const after = { total: data.total !== undefined ? Number(data.total).toFixed(2) : score.total, grade: data.grade ?? before.grade, gradeLabel: newLabel };
    const note = `更正（${todayInChina(tx.clock)}，${ctx.actor.name}）：${data.reason}`;
    if (data.total !== undefined) await correctScoreTotal(tx.db, revision.id, data.orgId, after.total, note);
    if (data.grade !== undefined && grade) await correctGrade(tx.db, revision.id, data.orgId, data.grade, newLabel, note);
    await setFinalRevision(tx.db, year, revision.id, tx.clock.now());
    await insertCorrection(tx.db, { cycle_year: year, org_id: data.orgId, from_revision_id: from, to_revision_id: revision.id, reason: data.reason, before, after, created_by: ctx.actor.id });
    await recordAudit(tx, { action: 'result.correct', entity: 'score', entityId: `${year}/${data.orgId}`, orgId: data.orgId, before, after: { ...after, revisionId: revision.id, reason: data.reason } });
    return { year, orgId: data.orgId, fromRevisionId: from, revisionId: revision.id, before, after, reason: data.reason };
  });
}

export async function listCorrections({ ctx, year }: { ctx: Ctx; year: number }) {
  requireRole(ctx, ['admin', 'leader']);
  const rows = await listCorrectionRows(ctx.db, year);
  return {
    items: rows
      .filter((r) => inScope(ctx.actor, r.path))
      .map((r) => ({ id: r.id, orgId: r.org_id, orgName: r.org_name, fromRevisionId: r.from_revision_id, toRevisionId: r.to_revision_id, reason: r.reason, before: r.before, after: r.after, createdBy: r.created_by_name ?? (r.created_by === 'cli' ? '命令行' : r.created_by), createdAt: r.created_at.toISOString() })),
  };
}
