import type { DecidedBy } from '../db/database';

/**
 * The phrasebook (DECISIONS.md): the Chinese words for the structured codes the engine stores, so the ranking
 * page, the ranking PDF and the Excel export say the same thing and never parse a stored sentence.
 */
export const decidedByLabel: Record<DecidedBy, string> = {
  band: '按总分分数段',
  direct: '直接定级',
  prerequisite: '前置条件未满足',
  cap: '封顶',
  veto: '一票否决',
  yearOverYear: '升降幅度限制',
  quota: '等次比例限制',
  correction: '定档后更正',
};

type Step = { kind: string; text: string };

/** Why an organization has its grade, when it is not simply its score's band (and why it is 后进 or not graded). */
export type GradeReason = { code: DecidedBy | 'not_assessed' | null; label: string | null; text: string };

/**
 * The reason column of a ranking row: the deciding step named by its code, with that step's own explanation; the
 * 后进 listing; or why the organization was not graded. Empty text when the band alone decided and it is not 后进.
 */
export function gradeReason(row: { assessed: boolean; notAssessedLabel: string; reasons: readonly string[]; decidedBy: DecidedBy | null; steps: readonly Step[]; lagging: boolean }): GradeReason {
  if (!row.assessed) return { code: 'not_assessed', label: row.notAssessedLabel, text: `${row.notAssessedLabel}：${row.reasons.join('；') || '未参加本年度考核'}` };
  const parts: string[] = [];
  const code = row.decidedBy;
  if (code && code !== 'band') {
    const step = [...row.steps].reverse().find((s) => s.kind === code);
    parts.push(step ? `${decidedByLabel[code]}：${step.text}` : decidedByLabel[code]);
  }
  if (row.lagging) {
    const step = [...row.steps].reverse().find((s) => s.kind === 'lagging');
    parts.push(step ? `列为后进：${step.text}` : '列为后进');
  }
  return { code, label: code ? decidedByLabel[code] : null, text: parts.join('；') };
}
