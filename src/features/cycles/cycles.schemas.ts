import { cycleStates } from '../../domain/catalog';
import { z } from '../../lib/zod';
import { IsoDate } from '../common.schemas';

export const CycleState = z.enum(cycleStates);

export const Cycle = z
  .object({
    year: z.number().int(),
    state: CycleState,
    stateLabel: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    publishedOn: z.string().nullable(),
    appealDeadline: z.string().nullable(),
    finalRevisionId: z.number().int().nullable(),
    selfAssessmentOpens: z.string().nullable().openapi({ description: '自评开始日期（含）' }),
    selfAssessmentCloses: z.string().nullable().openapi({ description: '自评截止日期（含）' }),
    lateEntryUntil: z.string().nullable().openapi({ description: '补录截止日期（含）：评议中仍可填报该年度台账，直至计分' }),
    closed: z
      .object({ ledger: z.string().nullable(), dutyReport: z.string().nullable(), twoway: z.string().nullable(), appeal: z.string().nullable() })
      .openapi({ description: '页面提供的写入今天是否开放：null 为开放，否则为不能写入的原因（与被拒绝的写入同样的话）' }),
  })
  .openapi('Cycle');

export const LateEntryInput = z
  .object({ until: IsoDate.nullable().openapi({ description: '补录截止日期（含）；null 取消补录' }) })
  .strict()
  .openapi('LateEntryWindow');
export type Cycle = z.infer<typeof Cycle>;

export const CreateCycleInput = z
  .object({ year: z.number().int().min(1900).max(9999) })
  .strict()
  .openapi('CreateCycle');

export const TransitionCycleInput = z.object({ to: CycleState }).strict().openapi('TransitionCycle');
