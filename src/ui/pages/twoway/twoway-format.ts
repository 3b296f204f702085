import { ElMessage } from 'element-plus';
import { api, ApiError, call, download, type Schemas } from '../../api/client';
import { context, loadCycles } from '../../context';

export type TwowayView = Schemas['TwowayView'];
export type Direction = Schemas['TwowayInput']['direction'];
export type Evaluation = TwowayView['evaluations'][number];
export type Cycle = Schemas['Cycle'];

type Sides = Pick<TwowayView, 'communityId' | 'communityName' | 'unitId' | 'unitName'>;

/** Both directions in the order an agreement reads: the community rates the unit, the unit rates the community. */
export const directions: readonly Direction[] = ['community_rates_unit', 'unit_rates_community'];

/** Short names of the directions (the server's own labels, which a missing direction does not carry). */
export const directionLabel: Record<Direction, string> = { community_rates_unit: '社区评价共建单位', unit_rates_community: '共建单位评价社区' };

/**
 * The side the signed-in organization writes: the community's direction when it is the agreement's community,
 * the unit's when it is the unit; null for a superior, who reads both. The server checks the writer again.
 */
export function ownDirection(v: Sides, orgId: number): Direction | null {
  if (v.communityId === orgId) return 'community_rates_unit';
  if (v.unitId === orgId) return 'unit_rates_community';
  return null;
}

export const otherDirection = (d: Direction): Direction => (d === 'community_rates_unit' ? 'unit_rates_community' : 'community_rates_unit');

/** Who writes a direction and whom it rates, by name. */
export function directionTitle(v: Sides, d: Direction): string {
  return d === 'community_rates_unit' ? `${v.communityName} 评价 ${v.unitName}` : `${v.unitName} 评价 ${v.communityName}`;
}

/** The other party's name, seen from the direction one writes. */
export const partnerName = (v: Sides, own: Direction): string => (own === 'community_rates_unit' ? v.unitName : v.communityName);

export const evaluationOf = (v: TwowayView, d: Direction): Evaluation | null => v.evaluations.find((e) => e.direction === d) ?? null;

/** 已填写 with the total the server worked out, or 未填写. */
export function statusOf(v: TwowayView, d: Direction): { text: string; done: boolean } {
  const e = evaluationOf(v, d);
  return e ? { text: `已填写 · ${e.total} 分`, done: true } : { text: '未填写', done: false };
}

/** A moment in China time, as the other pages show it. */
export const when = (at: string): string =>
  new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/**
 * The year's cycle as the server has it now. Its state may have moved since the header loaded its years: then
 * the header's list is loaded again, so its year picker names the same state as the page.
 */
export async function loadCycle(year: number): Promise<Cycle> {
  const c = await call(() => api.GET('/api/cycles/{year}', { params: { path: { year } } }));
  const known = context.cycles.find((x) => x.year === year);
  if (known && known.state !== c.state) void loadCycles().catch(() => undefined);
  return c;
}

/**
 * Whether the year takes two-way evaluations and the sentence that says so: the server's answer (`closed.twoway`,
 * from the one gate table every write consults), in its own words when closed.
 */
export function gateOf(c: Cycle, reader = false): { open: boolean; text: string } {
  const closed = c.closed.twoway;
  const open = closed === null;
  if (reader) return { open, text: `${c.year} 年度处于「${c.stateLabel}」状态。双向评价由社区和共建单位各自填写，这里只能查看。` };
  return open ? { open, text: `${c.year} 年度处于「${c.stateLabel}」，双方可以填写本方的评价，提交后仍可修改。` } : { open, text: `${closed}。现在只能查看。` };
}

/** What is still missing of an agreement's evaluation, in words. */
export function missingText(missing: readonly Direction[]): string {
  if (missing.length === 0) return '双方均已填写';
  if (missing.length === directions.length) return '双方均未填写';
  return `缺：${missing.map((d) => directionLabel[d]).join('、')}`;
}

/**
 * Downloads an agreement's feedback letter (双向评价反馈函, a PDF printed by the server for whoever may read the
 * agreement); a refusal or failure is said in the server's words.
 */
export async function downloadFeedbackLetter(id: number): Promise<void> {
  try {
    await download(() => api.GET('/api/agreements/{id}/feedback.pdf', { params: { path: { id } }, parseAs: 'blob' }));
  } catch (e) {
    ElMessage.error(e instanceof ApiError ? e.message : '下载失败');
  }
}
