import { invalidField } from '../../errors/app-error';
import { todayInChina } from '../../lib/clock';
import type { Ctx } from '../context';
import { openCycleFor } from '../cycles/cycle-gates';

/**
 * The date of a co-building event (an offer, a need, a claim, a progress entry, a 销号): today in China time unless
 * given. Lists are not year objects (DECISIONS.md): the event counts into the cycle of its date, so that cycle must
 * exist and take co-building events (`writableIn.cobuilding`: a finalized year refuses back-dated events); a date
 * after today is refused.
 */
export async function eventDate(ctx: Ctx, on: string | undefined, field: string): Promise<string> {
  const today = todayInChina(ctx.clock);
  const date = on ?? today;
  if (date > today) throw invalidField(field, `日期 ${date} 晚于今天（${today}）`);
  await openCycleFor(ctx, Number(date.slice(0, 4)), 'cobuilding', field);
  return date;
}
