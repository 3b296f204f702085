import { inScope, requireRole } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import { cycleStateLabel } from '../../domain/catalog';
import { AppError, forbidden, notFound } from '../../errors/app-error';
import { todayInChina } from '../../lib/clock';
import { z } from '../../lib/zod';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { evidenceFor } from '../files/files.service';
import { LedgerEvidence, LedgerEvidenceInput } from '../ledger/ledger.schemas';
import { findOrgById } from '../orgs/orgs.repository';
import { latestScore } from '../scoring/scores.repository';
import { findAppealForUpdate, findCycle, findOpenAppeal, insertAppeal, listAppealRows, setAppealDecision } from './cycles.repository';

export const AppealInput = z
  .object({
    orgId: z.number().int().positive().max(2_147_483_647),
    reason: z.string().trim().min(4, '申诉理由至少 4 个字').max(2000).openapi({ example: '第三季度主题党日已开展并上传佐证，系统记为缺失' }),
    evidence: z.array(LedgerEvidenceInput).max(20).default([]).openapi({ description: '证明材料：文字说明，或先用 POST /api/files（purpose=appeal_evidence）上传到本组织的文件' }),
  })
  .strict()
  .openapi('AppealInput');
export const DecideInput = z.object({ decision: z.enum(['accepted', 'rejected']), reason: z.string().trim().min(2, '处理理由至少 2 个字').max(1000) }).strict().openapi('DecideAppeal');

const AppealStatus = z.enum(['open', 'accepted', 'rejected']);
const statusLabel = { open: '待处理', accepted: '已采纳', rejected: '已驳回' } as const;

export const Appeal = z
  .object({
    id: z.number().int(),
    year: z.number().int(),
    orgId: z.number().int(),
    orgName: z.string(),
    revisionId: z.number().int(),
    reason: z.string(),
    evidence: z.array(LedgerEvidence),
    status: AppealStatus,
    statusLabel: z.string(),
    decisionReason: z.string().nullable(),
    decidedAt: z.string().nullable(),
    createdAt: z.string(),
    note: z.string().nullable().openapi({ description: '采纳后的下一步' }),
  })
  .openapi('Appeal');
export type Appeal = z.infer<typeof Appeal>;

type Row = Awaited<ReturnType<typeof listAppealRows>>[number];

function toAppeal(year: number, r: Row): Appeal {
  return {
    id: r.id,
    year,
    orgId: r.org_id,
    orgName: r.org_name,
    revisionId: r.revision_id,
    reason: r.reason,
    evidence: r.evidence as Appeal['evidence'],
    status: r.status,
    statusLabel: statusLabel[r.status],
    decisionReason: r.decision_reason,
    decidedAt: r.decided_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    note: r.status === 'accepted' ? '已采纳：请更正有关数据后重新计分，生成新的计分版本' : null,
  };
}

async function appealById(ctx: Ctx, year: number, id: number): Promise<Appeal> {
  const row = (await listAppealRows(ctx.db, year, ctx.actor.orgPath, id))[0];
  if (!row) throw notFound('申诉', 'id');
  return toAppeal(year, row);
}

/**
 * A branch appeals its published result within the appeal window, with reasons and evidence: text references or
 * files uploaded for the same organization (named by the field that does not belong).
 */
export async function fileAppeal({ ctx, year, input }: { ctx: Ctx; year: number; input: unknown }): Promise<Appeal> {
  requireRole(ctx, ['admin', 'org_user']);
  const data = AppealInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const org = await findOrgById(tx.db, data.orgId);
    if (!org) throw notFound('组织', 'orgId');
    if (!inScope(ctx.actor, org.path)) throw forbidden('只能为本组织及下级组织申诉', 'orgId');
    const cycle = await findCycle(tx.db, year, 'share');
    if (!cycle) throw notFound(`${year} 年度考核周期`, 'year');
    if (cycle.state !== 'published') throw new AppError('cycle_closed', `${year} 年度考核周期处于「${cycleStateLabel[cycle.state]}」状态，不在公示期，不能申诉`, { field: 'year', state: cycle.state });
    const today = todayInChina(tx.clock);
    if (today > cycle.appeal_deadline!) throw new AppError('cycle_closed', `申诉期已于 ${cycle.appeal_deadline} 结束`, { field: 'year' });
    const revision = await latestScore(tx.db, year, org.id);
    if (!revision) throw new AppError('validation_failed', `「${org.name}」在 ${year} 年度没有计分结果`, { field: 'orgId' });
    const open = await findOpenAppeal(tx.db, year, org.id);
    if (open) throw new AppError('conflict', `「${org.name}」已有一件待处理的申诉（#${open.id}）`);
    const evidence = await evidenceFor(tx, org.id, data.evidence);
    const row = await insertAppeal(tx.db, { cycle_year: year, org_id: org.id, revision_id: revision.revision_id, reason: data.reason, evidence, created_by: ctx.actor.id });
    const appeal = await appealById(tx, year, row.id);
    await recordAudit(tx, { action: 'appeal.file', entity: 'appeal', entityId: row.id, orgId: org.id, after: appeal });
    return appeal;
  });
}

/** An administrator accepts or rejects an appeal with a reason; an accepted one is followed by a recompute. */
export async function decideAppeal({ ctx, year, id, input }: { ctx: Ctx; year: number; id: number; input: unknown }): Promise<Appeal> {
  requireRole(ctx, ['admin']);
  const data = DecideInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const appeal = await findAppealForUpdate(tx.db, year, id);
    if (!appeal) throw notFound('申诉', 'id');
    if (!inScope(ctx.actor, appeal.path)) throw forbidden('该申诉的组织不在您的管辖范围内');
    if (appeal.status !== 'open') throw new AppError('conflict', `该申诉已处理（${statusLabel[appeal.status]}）`);
    const cycle = await findCycle(tx.db, year, 'share');
    if (cycle?.state !== 'published') throw new AppError('cycle_closed', `${year} 年度考核周期${cycle ? `处于「${cycleStateLabel[cycle.state]}」状态，` : ''}不在公示期，不能处理申诉`, { field: 'year' });
    await setAppealDecision(tx.db, id, { status: data.decision, decision_reason: data.reason, decided_by: ctx.actor.id, decided_at: tx.clock.now() });
    await recordAudit(tx, { action: `appeal.${data.decision === 'accepted' ? 'accept' : 'reject'}`, entity: 'appeal', entityId: id, orgId: appeal.org_id, before: { status: 'open' }, after: { status: data.decision, reason: data.reason } });
    return appealById(tx, year, id);
  });
}

/** The year's appeals of the caller's subtree, with their evidence and decisions. */
export async function listAppeals({ ctx, year }: { ctx: Ctx; year: number }): Promise<{ items: Appeal[] }> {
  requireRole(ctx, ['admin', 'leader', 'org_user']);
  const rows = await listAppealRows(ctx.db, year, ctx.actor.orgPath);
  return { items: rows.map((r) => toAppeal(year, r)) };
}
