/** The one source of "now", injected so tests and the demo generator can pin it. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock {
  const at = new Date(iso);
  return { now: () => new Date(at) };
}

const shanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's calendar date in China Standard Time, whatever the server's time zone: 'YYYY-MM-DD'. */
export function todayInChina(clock: Clock): string {
  return shanghaiDate.format(clock.now());
}

const shanghaiTime = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** A moment as China Standard Time 'HH:mm' (sign-in waits say "请在 17:32 后再试"). */
export function timeInChina(at: Date): string {
  return shanghaiTime.format(at);
}

/** Midnight (China time) of the day an instant falls on: a time kept only to the day. */
export function startOfDayInChina(at: Date): Date {
  return new Date(`${shanghaiDate.format(at)}T00:00:00+08:00`);
}
