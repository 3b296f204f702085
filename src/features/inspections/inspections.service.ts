import { readers, requireRole, strictlyBelow } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import { forbidden, invalidField } from '../../errors/app-error';
import { todayInChina } from '../../lib/clock';
import { yearOf } from '../../lib/dates';
import type { CompiledRuleSet } from '../../rules/compile';
import type { RuleSets } from '../../rules/registry';
import { yearRuleSets } from '../scoring/rule-pins';
import { factType } from '../../scoring/fact-catalog';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { openCycleFor } from '../cycles/cycle-gates';
import { orgForRead, orgForWrite } from '../orgs/org-access';
import type { OrgRow } from '../orgs/orgs.model';
import { insertInspection, listDeclaredRows, listInspectionRows, upsertDeclared } from './inspections.repository';
import { CreateInspectionInput, ListDeclaredQuery, ListInspectionsQuery, PutDeclaredFactInput, type DeclaredFact, type Inspection } from './inspections.schemas';

export function ruleSetOf(ruleSets: RuleSets, org: OrgRow): CompiledRuleSet {
  const rs = org.category ? ruleSets.forCategory(org.category) : undefined;
  if (!rs) {
    const cat = org.category ? (org.category_label ?? org.category) : '（无）';
    throw invalidField('orgId', `「${org.name}」的考核类别 ${cat} 没有考核细则`);
  }
  return rs;
}

/**
 * Records an on-site inspection finding (现场督查) against an indicator of the organization's rule set:
 * a deduction (negative) or bonus with its reason and evidence. Rules read these as facts and list them.
 */
export async function createInspection({ ctx, year, input, ruleSets }: { ctx: Ctx; year: number; input: unknown; ruleSets: RuleSets }): Promise<Inspection> {
  requireRole(ctx, ['admin', 'leader']);
  const data = CreateInspectionInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const org = await orgForWrite(tx, data.orgId, 'orgId');
    // Nobody inspects their own organization: the finding comes from above (the CLI acts for the top).
    if (ctx.actor.orgPath !== '/' && !strictlyBelow(ctx.actor, org.path)) throw forbidden('不能给本组织登记现场督查结果，应由上级登记', 'orgId');
    const rs = ruleSetOf(await yearRuleSets(tx.db, year, ruleSets), org);
    const bonus = Number(data.points) > 0;
    // Only indicators whose rules actually read inspection entries of this sign can take one.
    const indicators = rs.ruleSet.parts
      .flatMap((p) => p.indicators)
      .filter((i) => i.clauses.some((c) => c.type === 'inspections' && (c.sign === 'any' || (c.sign === 'bonus') === bonus)));
    if (!indicators.some((i) => i.id === data.indicator)) {
      throw invalidField(
        'indicator',
        `「${rs.ruleSet.title}」中没有可登记${bonus ? '加分' : '扣分'}的指标「${data.indicator}」，可选：${indicators.map((i) => `${i.id}（${i.title}）`).join('、') || '（无）'}`,
      );
    }
    if (yearOf(data.inspectedOn) !== year) throw invalidField('inspectedOn', `日期 ${data.inspectedOn} 不在 ${year} 年度内`);
    const today = todayInChina(tx.clock);
    if (data.inspectedOn > today) throw invalidField('inspectedOn', `日期 ${data.inspectedOn} 晚于今天（${today}）`);
    await openCycleFor(tx, year, 'inspection', 'year');
    const { id } = await insertInspection(tx.db, {
      cycle_year: year,
      org_id: org.id,
      indicator: data.indicator,
      points: data.points,
      reason: data.reason,
      evidence: data.evidence,
      inspected_on: data.inspectedOn,
      created_by: ctx.actor.id,
    });
    const inspection: Inspection = {
      id,
      year,
      orgId: org.id,
      orgName: org.name,
      indicator: data.indicator,
      points: data.points,
      reason: data.reason,
      evidence: data.evidence,
      inspectedOn: data.inspectedOn,
      createdBy: ctx.actor.id,
    };
    await recordAudit(tx, { action: 'inspection.create', entity: 'inspection', entityId: id, orgId: org.id, after: inspection });
    return inspection;
  });
}

export async function listInspections({ ctx, year, input }: { ctx: Ctx; year: number; input: unknown }): Promise<{ items: Inspection[] }> {
  requireRole(ctx, readers);
  const q = ListInspectionsQuery.parse(input);
  if (q.orgId !== undefined) await orgForRead(ctx, q.orgId, 'orgId');
  const rows = await listInspectionRows(ctx.db, year, ctx.actor.orgPath, q.orgId);
  return {
    items: rows.map((r) => ({
      id: r.id,
      year: r.cycle_year,
      orgId: r.org_id,
      orgName: r.org_name,
      indicator: r.indicator,
      points: r.points,
      reason: r.reason,
      evidence: r.evidence,
      inspectedOn: r.inspected_on,
      createdBy: r.created_by,
    })),
  };
}

/**
 * Enters a declared fact for an organization and cycle (a value no ledger holds: 班子平均年龄, a paper
 * tally of votes). The key must be one the organization's rule set declares, with a value of its type.
 */
export async function putDeclaredFact({ ctx, year, input, ruleSets }: { ctx: Ctx; year: number; input: unknown; ruleSets: RuleSets }): Promise<DeclaredFact> {
  requireRole(ctx, ['admin']);
  const data = PutDeclaredFactInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const org = await orgForWrite(tx, data.orgId, 'orgId');
    const rs = ruleSetOf(await yearRuleSets(tx.db, year, ruleSets), org);
    const def = Object.values(rs.ruleSet.facts).find((f) => f.source === 'declared' && f.key === data.key);
    if (!def || def.source !== 'declared') {
      const keys = Object.values(rs.ruleSet.facts).flatMap((f) => (f.source === 'declared' ? [`${f.key}（${f.label}）`] : []));
      throw invalidField('key', `「${rs.ruleSet.title}」没有申报数据「${data.key}」，可选：${keys.join('、') || '（无）'}`);
    }
    const got = typeof data.value === 'object' ? 'distribution' : typeof data.value === 'boolean' ? 'boolean' : 'number';
    if (got !== factType(def)) throw invalidField('value', `「${def.label}」应为 ${factType(def)}，提交的是 ${got}`);
    await openCycleFor(tx, year, 'declared', 'year');
    const now = tx.clock.now();
    const before = await upsertDeclared(tx.db, { cycle_year: year, org_id: org.id, key: data.key, value: data.value, note: data.note ?? null, created_by: ctx.actor.id, updated_at: now });
    await recordAudit(tx, { action: 'fact.declare', entity: 'declared_fact', entityId: `${year}/${org.id}/${data.key}`, orgId: org.id, before, after: { value: data.value, note: data.note ?? null } });
    return { year, orgId: org.id, orgName: org.name, key: data.key, value: data.value, note: data.note ?? null, createdBy: ctx.actor.id, updatedAt: now.toISOString() };
  });
}

export async function listDeclaredFacts({ ctx, year, input }: { ctx: Ctx; year: number; input: unknown }): Promise<{ items: DeclaredFact[] }> {
  requireRole(ctx, readers);
  const q = ListDeclaredQuery.parse(input);
  if (q.orgId !== undefined) await orgForRead(ctx, q.orgId, 'orgId');
  const rows = await listDeclaredRows(ctx.db, year, ctx.actor.orgPath, q.orgId, q.key);
  return {
    items: rows.map((r) => ({
      year: r.cycle_year,
      orgId: r.org_id,
      orgName: r.org_name,
      key: r.key,
      value: r.value,
      note: r.note,
      createdBy: r.created_by,
      updatedAt: r.updated_at.toISOString(),
    })),
  };
}
