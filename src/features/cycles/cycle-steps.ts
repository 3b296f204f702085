import { inScope, requireRole } from '../../auth/scope';
import type { CycleState } from '../../db/database';
import { cycleStateLabel } from '../../domain/catalog';
import { notFound } from '../../errors/app-error';
import { todayInChina } from '../../lib/clock';
import { z } from '../../lib/zod';
import type { Ctx } from '../context';
import { latestRevision } from '../scoring/scores.repository';
import { requireCycleManager } from './manage-cycles';
import { listAppealRows, cycleRow, findCycle, listCorrectionRows, openEvaluations } from './cycles.repository';

/** The five stages of a year on the console's stepper (草稿 comes before the first). */
const stages: readonly CycleState[] = ['collecting', 'reviewing', 'computed', 'published', 'finalized'];

const Action = z.enum(['collect', 'review', 'score', 'publish', 'finalize', 'correct']);
type Action = z.infer<typeof Action>;

export const CycleSteps = z
  .object({
    year: z.number().int(),
    state: z.string(),
    stateLabel: z.string(),
    steps: z.array(z.object({ state: z.string(), label: z.string(), status: z.enum(['done', 'current', 'waiting']) })),
    actions: z.array(
      z.object({
        action: Action,
        label: z.string().openapi({ example: '计分' }),
        allowed: z.boolean(),
        blockers: z.array(z.string()).openapi({ description: '为什么现在不能做（中文）' }),
      }),
    ),
    latestRevision: z.object({ id: z.number().int(), createdAt: z.string(), note: z.string().nullable(), organizations: z.number().int() }).nullable(),
    finalRevisionId: z.number().int().nullable(),
    publishedOn: z.string().nullable(),
    appealDeadline: z.string().nullable(),
    openAppeals: z.number().int(),
    corrections: z.number().int(),
    openEvaluations: z.array(z.object({ kind: z.string(), id: z.number().int(), title: z.string() })),
    canManage: z.boolean().openapi({ description: '调用者能否管理考核周期（否则只读）' }),
  })
  .openapi('CycleSteps');
export type CycleSteps = z.infer<typeof CycleSteps>;

type Facts = { manager: boolean; year: number; state: CycleState; today: string; deadline: string | null; openAppeals: number; open: { kind: string; id: number; title: string }[]; hasRevision: boolean };

const evaluationName = (e: { kind: string; id: number; title: string }) => `${e.kind === 'campaign' ? '群众评议' : '述职评议'}「${e.title}」（编号 ${e.id}）还在进行，请先结束`;

/** What each verb needs, in the words a refused call would use; an empty list means it may be done now. */
function blockersOf(action: Action, f: Facts): string[] {
  const inState = (allowed: readonly CycleState[], doing: string) => (allowed.includes(f.state) ? [] : [`${f.year} 年度处于「${cycleStateLabel[f.state]}」，不能${doing}`]);
  switch (action) {
    case 'collect':
      return inState(['draft'], '开始填报');
    case 'review':
      return inState(['collecting'], '进入评议');
    case 'score':
      if (f.state === 'finalized') return inState([], '计分（已定档，只能更正）');
      return [...inState(['reviewing', 'computed', 'published'], '计分'), ...(f.manager ? f.open.map(evaluationName) : f.open.length ? [`还有 ${f.open.length} 个评议在进行`] : [])];
    case 'publish':
      return f.state === 'reviewing' ? ['须先计分'] : inState(['computed'], '公示');
    case 'finalize': {
      if (f.state !== 'published') return f.state === 'computed' ? ['须先公示'] : inState(['published'], '定档');
      const out: string[] = [];
      if (f.deadline && f.today <= f.deadline) out.push(`申诉期到 ${f.deadline} 止，期满后才能定档`);
      if (f.openAppeals > 0) out.push(`还有 ${f.openAppeals} 件申诉未处理`);
      return out;
    }
    case 'correct':
      return inState(['finalized'], '更正（只有已定档的年度用更正修改结果）');
  }
}

const actionLabel: Record<Action, string> = { collect: '开始填报', review: '进入评议', score: '计分', publish: '公示', finalize: '定档', correct: '更正' };

/** The verbs the page offers in a state (score stays available after results exist, until 定档). */
const offered: Record<CycleState, Action[]> = {
  draft: ['collect'],
  collecting: ['review'],
  reviewing: ['score'],
  computed: ['score', 'publish'],
  published: ['score', 'finalize'],
  finalized: ['correct'],
};

/**
 * A year on the console's stepper: the stages done and current, the next verbs with what blocks each (the same
 * reasons the verbs give when refused), the latest revision, the appeal window and what is still open.
 */
export async function cycleSteps({ ctx, year }: { ctx: Ctx; year: number }): Promise<CycleSteps> {
  requireRole(ctx, ['admin', 'leader']);
  const cycle = await findCycle(ctx.db, year);
  if (!cycle) throw notFound(`${year} 年度考核周期`, 'year');
  const [row, openAppeals, open, revision, corrections] = [await cycleRow(ctx.db, year), (await listAppealRows(ctx.db, year, ctx.actor.orgPath)).filter((a) => a.status === 'open').length, await openEvaluations(ctx.db, year), await latestRevision(ctx.db, year), (await listCorrectionRows(ctx.db, year)).filter((r) => inScope(ctx.actor, r.path))];
  // Only the cycle's manager reads the titles of every organization's open evaluations; others see how many.
  const manager = await requireCycleManager(ctx).then(
    () => true,
    () => false,
  );
  const facts: Facts = { manager, year, state: cycle.state, today: todayInChina(ctx.clock), deadline: row.appeal_deadline, openAppeals, open, hasRevision: revision !== undefined };
  const at = stages.indexOf(cycle.state);
  return {
    year,
    state: cycle.state,
    stateLabel: cycleStateLabel[cycle.state],
    steps: stages.map((s, i) => ({ state: s, label: cycleStateLabel[s], status: i < at || cycle.state === 'finalized' ? 'done' : i === at ? 'current' : 'waiting' })),
    actions: offered[cycle.state].map((a) => {
      const blockers = blockersOf(a, facts);
      return { action: a, label: a === 'score' && facts.hasRevision ? '重新计分' : actionLabel[a], allowed: blockers.length === 0, blockers };
    }),
    latestRevision: revision ? { id: revision.id, createdAt: revision.created_at.toISOString(), note: revision.note, organizations: revision.org_count } : null,
    finalRevisionId: row.final_revision_id,
    publishedOn: row.published_on,
    appealDeadline: row.appeal_deadline,
    openAppeals,
    corrections: corrections.length,
    openEvaluations: manager ? open.map((e) => ({ kind: e.kind, id: e.id, title: e.title })) : [],
    canManage: manager,
  };
}
