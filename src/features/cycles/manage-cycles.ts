import { readers, requireRole } from '../../auth/scope';
import type { CycleState } from '../../db/database';
import { withTransaction } from '../../db/transaction';
import { cycleStateLabel } from '../../domain/catalog';
import { AppError, forbidden, invalidField, notFound } from '../../errors/app-error';
import { todayInChina } from '../../lib/clock';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { CreateCycleInput, LateEntryInput, TransitionCycleInput, type Cycle } from './cycles.schemas';
import { closedGates } from './cycle-gates';
import { findCycle, insertCycle, listCycleRows, setCycleState, setLateEntryUntil } from './cycles.repository';
import { countRoots } from '../orgs/orgs.repository';

type CycleRow = {
  year: number;
  state: CycleState;
  created_at: Date;
  updated_at: Date;
  published_on: string | null;
  appeal_deadline: string | null;
  final_revision_id: number | null;
  self_assessment_opens: string | null;
  self_assessment_closes: string | null;
  late_entry_until: string | null;
};

function toCycle(ctx: Ctx, row: CycleRow): Cycle {
  return {
    year: row.year,
    state: row.state,
    stateLabel: cycleStateLabel[row.state],
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    publishedOn: row.published_on,
    appealDeadline: row.appeal_deadline,
    finalRevisionId: row.final_revision_id,
    selfAssessmentOpens: row.self_assessment_opens,
    selfAssessmentCloses: row.self_assessment_closes,
    lateEntryUntil: row.late_entry_until,
    closed: closedGates(ctx, row),
  };
}

/**
 * Transitions an administrator may make by hand. Later states (computed, published, finalized) are
 * reached through scoring and publishing, which check their own preconditions.
 */
const manualTransitions: Partial<Record<CycleState, CycleState>> = { draft: 'collecting', collecting: 'reviewing' };

/**
 * Cycles are shared by the whole database: only the command line, or the administrator of the one
 * top-level organization, manages them. With several top-level organizations none of their
 * administrators may close a cycle for the others.
 */
export async function requireCycleManager(ctx: Ctx): Promise<void> {
  requireRole(ctx, ['admin']);
  if (ctx.actor.orgPath === '/') return;
  if (ctx.actor.orgPath.split('/').length > 3) throw forbidden('只有顶级组织的管理员可以管理考核周期');
  if ((await countRoots(ctx.db)).length > 1) throw forbidden('库中有多个顶级组织，考核周期只能用命令行管理');
}

export async function listCycles({ ctx }: { ctx: Ctx }): Promise<{ items: Cycle[] }> {
  requireRole(ctx, readers);
  return { items: (await listCycleRows(ctx.db)).map((r) => toCycle(ctx, r)) };
}

export async function getCycle({ ctx, year }: { ctx: Ctx; year: number }): Promise<Cycle> {
  requireRole(ctx, readers);
  const row = await findCycle(ctx.db, year);
  if (!row) throw notFound(`${year} 年度考核周期`, 'year');
  return toCycle(ctx, row);
}

export async function createCycle({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<Cycle> {
  await requireCycleManager(ctx);
  const { year } = CreateCycleInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    if (await findCycle(tx.db, year)) throw new AppError('conflict', `${year} 年度考核周期已存在`, { field: 'year' });
    const cycle = toCycle(tx, await insertCycle(tx.db, year, 'draft'));
    await recordAudit(tx, { action: 'cycle.create', entity: 'cycle', entityId: year, orgId: ctx.actor.orgId, after: cycle });
    return cycle;
  });
}

export async function transitionCycle({ ctx, year, input }: { ctx: Ctx; year: number; input: unknown }): Promise<Cycle> {
  await requireCycleManager(ctx);
  const { to } = TransitionCycleInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const row = await findCycle(tx.db, year, 'update');
    if (!row) throw notFound(`${year} 年度考核周期`, 'year');
    if (manualTransitions[row.state] !== to) {
      const next = manualTransitions[row.state];
      throw new AppError(
        'conflict',
        `不能把 ${year} 年度考核周期从「${cycleStateLabel[row.state]}」改为「${cycleStateLabel[to]}」` +
          (next ? `；下一步只能是「${cycleStateLabel[next]}」` : '；该状态不能手工变更'),
        { field: 'to', from: row.state },
      );
    }
    const cycle = toCycle(tx, await setCycleState(tx.db, year, to, tx.clock.now()));
    await recordAudit(tx, {
      action: 'cycle.transition',
      entity: 'cycle',
      entityId: year,
      orgId: ctx.actor.orgId,
      before: { state: row.state },
      after: { state: to },
    });
    return cycle;
  });
}

/**
 * Sets the last day of the 补录 window (null closes it): until then a year in 评议中 still takes its ledger records.
 * The cycle's manager, while the year is not yet scored; audited.
 */
export async function setLateEntry({ ctx, year, input }: { ctx: Ctx; year: number; input: unknown }): Promise<Cycle> {
  await requireCycleManager(ctx);
  const { until } = LateEntryInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const cycle = await findCycle(tx.db, year, 'update');
    if (!cycle) throw notFound(`${year} 年度考核周期`, 'year');
    if (!['draft', 'collecting', 'reviewing'].includes(cycle.state)) {
      throw new AppError('cycle_closed', `${year} 年度考核周期处于「${cycleStateLabel[cycle.state]}」状态，已计分，不能再设置补录`, { field: 'year', state: cycle.state });
    }
    if (until !== null && until < todayInChina(tx.clock)) throw invalidField('until', `补录截止日期 ${until} 已经过去`);
    await setLateEntryUntil(tx.db, year, until);
    await recordAudit(tx, { action: 'cycle.lateEntry', entity: 'cycle', entityId: year, orgId: ctx.actor.orgId, before: { until: cycle.late_entry_until }, after: { until } });
    return toCycle(tx, { ...cycle, late_entry_until: until });
  });
}
