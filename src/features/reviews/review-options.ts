import { requireRole } from '../../auth/scope';
import { defaultRaterGroups, defaultReviewItems, MIN_GROUP_SAMPLE, overallItem, reviewAnswers, reviewKindLabel } from '../../domain/catalog';
import type { Ctx } from '../context';
import type { ReviewOptions } from './reviews.schemas';

/**
 * What the console offers when it sets up a duty review: the kinds, the rater groups with their usual weights
 * and the items, each with its Chinese label. The page lets the admin pick by label and sends the keys back,
 * so nobody types an identifier.
 */
export function reviewOptions({ ctx }: { ctx: Ctx }): ReviewOptions {
  requireRole(ctx, ['admin']);
  return {
    kinds: (Object.keys(reviewKindLabel) as (keyof typeof reviewKindLabel)[]).map((key) => ({ key, label: reviewKindLabel[key] })),
    groups: defaultRaterGroups.map((g) => ({ ...g })),
    items: defaultReviewItems.map((i) => ({ ...i })),
    overallItem: { ...overallItem },
    answers: [...reviewAnswers],
    minGroupSample: MIN_GROUP_SAMPLE,
  };
}
