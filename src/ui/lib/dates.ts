/** Dates and moments as people in China read them, whatever the browser's time zone. */

/** Today in China as YYYY-MM-DD (the server's appeal deadline is a China date). */
export function chinaToday(now = new Date()): string {
  return now.toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
}

/** A date 'YYYY-MM-DD' as 12 月 20 日, with the year in front when it is not this year. */
export function chinaDate(day: string, today = chinaToday()): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${y === Number(today.slice(0, 4)) ? '' : `${y} 年 `}${m} 月 ${d} 日`;
}

/** A moment from the API as 2026-12-05 14:30 in China time. */
export function chinaDateTime(at: string): string {
  return new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).replace(/\//g, '-');
}
