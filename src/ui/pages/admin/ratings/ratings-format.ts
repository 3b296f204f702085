import { ElMessage, ElMessageBox } from 'element-plus';
import { ApiError } from '../../../api/client';

/** A campaign's anomaly flag as GET /api/campaigns/{id}/flags gives it. */
export type Flag = { kind: 'burst' | 'pattern'; description: string; source: string | null; orgId: number | null; firstAt: string; lastAt: string; ballotIds: number[]; voidedIds: number[] };

/** One target's results as GET /api/campaigns/{id}/results gives them (shares are the server's, in percent). */
export type TargetResult = {
  targetId: number;
  orgId: number;
  orgName: string;
  projectId: number | null;
  name: string;
  validBallots: number;
  minSample: number;
  shown: boolean;
  note: string | null;
  items: { key: string; label: string; answers: { answer: string; count: number; share: string }[] }[];
};

/** A time of the server in China time, to the minute. */
export const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, -3);

export const stateTag = (state: string) => (state === 'closed' ? 'success' : state === 'open' ? 'warning' : 'info');

/** The server's message of a failed call, or a fallback. */
export function fail(e: unknown, fallback: string): void {
  ElMessage.error(e instanceof ApiError ? e.message : fallback);
}

/** Asks before an act; false when the user cancels. */
export async function confirmed(text: string, title = '请确认', type: 'warning' | 'error' = 'warning', confirmButtonText = '确定'): Promise<boolean> {
  try {
    await ElMessageBox.confirm(text, title, { confirmButtonText, cancelButtonText: '取消', type });
    return true;
  } catch {
    return false;
  }
}
