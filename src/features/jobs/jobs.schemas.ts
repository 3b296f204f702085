import { z } from '../../lib/zod';
import { RevisionSummary } from '../scoring/scoring.schemas';

export const JobState = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']).openapi('JobState');

export const jobStateLabel: Record<z.infer<typeof JobState>, string> = {
  queued: '排队中',
  running: '进行中',
  done: '已完成',
  failed: '失败',
  cancelled: '已取消',
};

export const Job = z
  .object({
    id: z.number().int(),
    kind: z.enum(['book', 'score']),
    kindLabel: z.string().openapi({ example: '考核评价汇编（合订本）' }),
    title: z.string().openapi({ example: '2025 年度考核评价汇编 · 星城街道' }),
    orgId: z.number().int(),
    orgName: z.string(),
    orgCode: z.string(),
    year: z.number().int(),
    revisionId: z.number().int().nullable().openapi({ description: '合订本所依据的计分版本（打印内容只取自这一版本）；计分任务为空，其结果是新的计分版本' }),
    state: JobState,
    stateLabel: z.string(),
    progress: z
      .object({ step: z.string().openapi({ example: '打印' }), done: z.number().int(), total: z.number().int(), percent: z.number().int().min(0).max(100), unit: z.string().optional().openapi({ example: '页' }) })
      .nullable(),
    error: z.string().nullable().openapi({ description: '失败原因（中文）' }),
    attempts: z.number().int(),
    requestedBy: z.string().openapi({ description: '申请人' }),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    result: z
      .object({ fileId: z.number().int(), pages: z.number().int(), scorecards: z.number().int(), bytes: z.number().int(), seconds: z.number() })
      .nullable(),
    summary: RevisionSummary.nullable().openapi({ description: '计分任务完成后：新计分版本的摘要' }),
  })
  .openapi('Job');
export type Job = z.infer<typeof Job>;

export const BookRequest = z
  .object({
    year: z.number().int().min(1900).max(9999).openapi({ example: 2025 }),
    orgId: z.number().int().positive().max(2_147_483_647).openapi({ description: '合订本的范围：该组织及其下属全部组织' }),
  })
  .strict()
  .openapi('BookRequest');

export const JobAccepted = z.object({ job: Job, created: z.boolean().openapi({ description: 'false：已有相同的任务（同一范围、年度和计分版本）在排队、进行或已完成，返回该任务' }) }).openapi('JobAccepted');

export const ScoreRequest = z
  .object({
    year: z.number().int().min(1900).max(9999).openapi({ example: 2026 }),
    note: z.string().trim().max(200).optional().openapi({ description: '本次计分的说明（记入计分版本）' }),
    changed: z.boolean().optional().openapi({ description: '只重算上次计分以来数据有变化的组织（增量版本）；不能增量时自动全部重算' }),
  })
  .strict()
  .openapi('ScoreRequest');

export const JobListQuery = z.object({ kind: z.enum(['book', 'score']).optional().openapi({ description: '只列出这一类任务' }), year: z.coerce.number().int().min(1900).max(9999).optional() });
