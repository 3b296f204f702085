import type { DecidedBy } from '../../db/database';
import { gradeReason, type GradeReason } from '../../domain/phrasebook';
import { notAssessedLabelOf, type ScoreResult } from '../../scoring/evaluate';

/** A stored result row's reason (ranking page, PDF, Excel): the grade's stored step code, read by the phrasebook. */
export function reasonOf(r: { assessed: boolean; result: unknown; detail: unknown; decided_by: DecidedBy | null; lagging: boolean | null }): GradeReason {
  const result = r.result as ScoreResult;
  const steps = ((r.detail as { steps?: { kind: string; text: string }[] } | null)?.steps ?? []).filter((s) => typeof s?.kind === 'string');
  return gradeReason({ assessed: r.assessed, notAssessedLabel: notAssessedLabelOf(result), reasons: result.reasons ?? [], decidedBy: r.decided_by, steps, lagging: r.lagging ?? false });
}
