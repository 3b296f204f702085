import { readers, requireRole, strictlyBelow } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import { forbidden, invalidField } from '../../errors/app-error';
import { todayInChina } from '../../lib/clock';
import { yearOf } from '../../lib/dates';
import { z } from '../../lib/zod';
import type { RuleSets } from '../../rules/registry';
import { yearRuleSets } from '../scoring/rule-pins';
import { IsoDate } from '../common.schemas';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { openCycleFor } from '../cycles/cycle-gates';
import { EvidenceRef } from '../ledger/ledger.schemas';
import { orgForRead, orgForWrite } from '../orgs/org-access';
import { insertOrgRecord, listOrgRecordRows } from './records.repository';

export const recordTypeLabel = {
  honour: '表彰',
  innovation: '党建创新项目',
  discipline: '违纪案件',
  clean_record: '纪检廉政证明',
  weak_lax: '软弱涣散党组织',
  veto: '一票否决决定',
  direct_grade: '直接定级',
} as const;
export const levelLabel = { street: '街道级', district: '区级', city: '市级', province: '省级', national: '国家级' } as const;

export const OrgRecordInput = z
  .object({
    orgId: z.number().int().positive().max(2_147_483_647),
    type: z.enum(['honour', 'innovation', 'discipline', 'clean_record', 'weak_lax', 'veto', 'direct_grade']),
    level: z.enum(['street', 'district', 'city', 'province', 'national']).optional(),
    title: z.string().trim().min(2).max(200).openapi({ example: '2025 年度区级先进基层党组织' }),
    grade: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/).optional().openapi({ description: '直接定级的等次编号' }),
    reason: z.string().trim().min(2).max(1000),
    approver: z.string().trim().min(2).max(100).optional().openapi({ description: '直接定级的批准人或批准会议' }),
    recordedOn: IsoDate,
    evidence: z.array(EvidenceRef).max(20).default([]),
  })
  .strict()
  .openapi('OrgRecordInput');

export type OrgRecord = {
  id: number;
  year: number;
  orgId: number;
  orgName: string;
  type: keyof typeof recordTypeLabel;
  typeLabel: string;
  level: string | null;
  title: string;
  grade: string | null;
  reason: string;
  approver: string | null;
  recordedOn: string;
};

/**
 * Records what grading reads about an organization for a cycle: honours and their level, innovation
 * projects, discipline cases, clean-record certificates, weak-and-lax designations, veto decisions and
 * direct grading (with approver). Entered by an administrator above the organization, with evidence.
 */
export async function createOrgRecord({ ctx, year, input, ruleSets }: { ctx: Ctx; year: number; input: unknown; ruleSets: RuleSets }): Promise<OrgRecord> {
  requireRole(ctx, ['admin']);
  const data = OrgRecordInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const org = await orgForWrite(tx, data.orgId, 'orgId');
    if (ctx.actor.orgPath !== '/' && !strictlyBelow(ctx.actor, org.path)) throw forbidden('本组织的记录应由上级登记', 'orgId');
    if (data.type === 'honour' && !data.level) throw invalidField('level', '表彰须写明级别');
    if (data.type === 'direct_grade') {
      if (!data.grade) throw invalidField('grade', '直接定级须写明等次');
      if (!data.approver) throw invalidField('approver', '直接定级须写明批准人或批准会议');
      const inYear = await yearRuleSets(tx.db, year, ruleSets);
      const grades = (org.category ? inYear.forCategory(org.category)?.ruleSet.grading?.grades : undefined) ?? [];
      if (!grades.some((g) => g.id === data.grade)) {
        throw invalidField('grade', `「${org.name}」的定级规则中没有等次「${data.grade}」，可选：${grades.map((g) => `${g.id}（${g.label}）`).join('、') || '（无定级规则）'}`);
      }
    } else if (data.grade) throw invalidField('grade', '只有直接定级才填写等次');
    if (yearOf(data.recordedOn) !== year) throw invalidField('recordedOn', `日期 ${data.recordedOn} 不在 ${year} 年度内`);
    const today = todayInChina(tx.clock);
    if (data.recordedOn > today) throw invalidField('recordedOn', `日期 ${data.recordedOn} 晚于今天（${today}）`);
    await openCycleFor(tx, year, 'record', 'year');
    const row = await insertOrgRecord(tx.db, {
      cycle_year: year,
      org_id: org.id,
      type: data.type,
      level: data.level ?? null,
      title: data.title,
      grade: data.grade ?? null,
      reason: data.reason,
      approver: data.approver ?? null,
      evidence: data.evidence,
      recorded_on: data.recordedOn,
      created_by: ctx.actor.id,
    });
    const record: OrgRecord = {
      id: row.id,
      year,
      orgId: org.id,
      orgName: org.name,
      type: data.type,
      typeLabel: recordTypeLabel[data.type],
      level: data.level ?? null,
      title: data.title,
      grade: data.grade ?? null,
      reason: data.reason,
      approver: data.approver ?? null,
      recordedOn: data.recordedOn,
    };
    await recordAudit(tx, { action: 'record.create', entity: 'org_record', entityId: row.id, orgId: org.id, after: record });
    return record;
  });
}

export async function listOrgRecords({ ctx, year, orgId }: { ctx: Ctx; year: number; orgId?: number }): Promise<{ items: OrgRecord[] }> {
  requireRole(ctx, readers);
  if (orgId !== undefined) await orgForRead(ctx, orgId, 'orgId');
  const rows = await listOrgRecordRows(ctx.db, year, ctx.actor.orgPath, orgId);
  return {
    items: rows.map((r) => ({
      id: r.id,
      year,
      orgId: r.org_id,
      orgName: r.org_name,
      type: r.type as OrgRecord['type'],
      typeLabel: recordTypeLabel[r.type as OrgRecord['type']],
      level: r.level,
      title: r.title,
      grade: r.grade,
      reason: r.reason,
      approver: r.approver,
      recordedOn: r.recorded_on,
    })),
  };
}
