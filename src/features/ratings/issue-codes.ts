import { newCode, formatCode, hashCode } from '../../auth/codes';
import { ballotCardsBody, ballotSheetPage } from '../../documents/ballot-cards';
import type { PdfRenderer } from '../../documents/pdf';
import { withTransaction } from '../../db/transaction';
import { openCycleFor } from '../cycles/cycle-gates';
import { AppError, invalidField, notFound } from '../../errors/app-error';
import { todayInChina } from '../../lib/clock';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { campaignForManage, targetName } from './campaigns.service';
import { IssueCodesInput } from './ratings.schemas';
import { findTarget, insertBatch } from './ratings.repository';

export type IssuedBatch = {
  batchId: number;
  campaignId: number;
  campaignTitle: string;
  orgId: number;
  orgName: string;
  raterGroup: string;
  expiresOn: string;
  /** Shown this once: only their hashes are stored. */
  codes: { code: string; url: string }[];
};

/** The end of a calendar day in China Standard Time. */
export function endOfDayInChina(date: string): Date {
  return new Date(`${date}T23:59:59.999+08:00`);
}

/**
 * Issues a batch of one-time ballot codes for a target and a rater group. The plain codes are in the
 * answer only (for printing); the database keeps their SHA-256 hashes. Audited without the codes.
 */
export async function issueBallotCodes({ ctx, id, input, publicUrl }: { ctx: Ctx; id: number; input: unknown; publicUrl: string }): Promise<IssuedBatch> {
  const data = IssueCodesInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const campaign = await campaignForManage(tx, id);
    if (campaign.state === 'closed') throw new AppError('conflict', `评议活动「${campaign.title}」已结束，不能再发放评议码`);
    await openCycleFor(tx, campaign.cycle_year, 'ballot', 'id');
    const byProject = campaign.subject === 'project';
    const field = byProject ? 'targetProjectId' : 'targetOrgId';
    const wanted = byProject ? data.targetProjectId : data.targetOrgId;
    if (wanted === undefined) throw invalidField(field, byProject ? '本次评议的对象是共建项目，请填写项目编号' : '本次评议的对象是党组织，请填写组织编号');
    const target = await findTarget(tx.db, id, byProject ? { projectId: wanted } : { orgId: wanted });
    if (!target) throw notFound('评议对象', field);
    if (!campaign.rater_groups.includes(data.raterGroup)) {
      throw invalidField('raterGroup', `本次评议的评议群体为：${campaign.rater_groups.join('、')}`);
    }
    const expiresOn = data.expiresOn ?? campaign.closes_on;
    const today = todayInChina(tx.clock);
    if (expiresOn < today) throw invalidField('expiresOn', `有效期 ${expiresOn} 早于今天（${today}）`);
    if (expiresOn > campaign.closes_on) throw invalidField('expiresOn', `有效期不能晚于评议结束日期 ${campaign.closes_on}`);
    const codes = Array.from({ length: data.count }, newCode);
    const hashes = await Promise.all(codes.map(hashCode));
    const batch = await insertBatch(
      tx.db,
      { campaign_id: id, target_id: target.id, rater_group: data.raterGroup, count: data.count, expires_at: endOfDayInChina(expiresOn), created_by: ctx.actor.id },
      hashes,
    );
    await recordAudit(tx, {
      action: 'campaign.codes',
      entity: 'ballot_batch',
      entityId: batch.id,
      orgId: target.org_id,
      after: { campaignId: id, targetOrgId: target.org_id, targetProjectId: target.project_id, raterGroup: data.raterGroup, count: data.count, expiresOn },
    });
    const base = publicUrl.replace(/\/+$/, '');
    return {
      batchId: batch.id,
      campaignId: id,
      campaignTitle: campaign.title,
      orgId: target.org_id,
      orgName: targetName(target),
      raterGroup: data.raterGroup,
      expiresOn,
      codes: codes.map((c) => ({ code: formatCode(c), url: `${base}/b/${c}` })),
    };
  });
}

/**
 * Issues a batch and prints its cards in the same transaction (a failed print issues nothing): an HTML
 * page to print from a browser, or an A4 PDF through the documents' renderer.
 */
export async function printBallotCards({
  ctx,
  id,
  input,
  publicUrl,
  format,
  pdf,
}: {
  ctx: Ctx;
  id: number;
  input: unknown;
  publicUrl: string;
  format: 'html' | 'pdf';
  pdf: PdfRenderer;
}): Promise<{ batch: IssuedBatch; html: string | null; pdf: Uint8Array | null; fileName: string }> {
  return withTransaction(ctx, async (tx) => {
    const batch = await issueBallotCodes({ ctx: tx, id, input, publicUrl });
    const fileName = `评议码-${batch.orgName}-${batch.raterGroup}-${batch.batchId}.${format}`;
    if (format === 'html') return { batch, html: await ballotSheetPage(batch), pdf: null, fileName };
    const bytes = await pdf.render({
      body: await ballotCardsBody(batch),
      title: `评议码 ${batch.orgName} ${batch.raterGroup}`,
      footer: `评议码 · 活动 ${batch.campaignId} · 第 ${batch.batchId} 批 · 共 ${batch.codes.length} 张 · 有效期至 ${batch.expiresOn}`,
    });
    return { batch, html: null, pdf: bytes, fileName };
  });
}
