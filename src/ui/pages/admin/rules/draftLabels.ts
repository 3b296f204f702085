import type { Schemas } from '../../../api/client';

type Summary = Schemas['RuleDraftSummary'];

/** Where a draft came from, in the words of the page. */
export function originLabel(d: Pick<Summary, 'origin' | 'file'>): string {
  if (d.origin === 'file') return d.file ? `来自文件 ${d.file}` : '来自文件';
  if (d.origin === 'cli') return d.file ? `命令行导入（${d.file}）` : '命令行导入';
  return '页面新建';
}

/** A moment in China time, as the rest of the console shows it. */
export const chinaTime = (iso: string | null): string => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '');
