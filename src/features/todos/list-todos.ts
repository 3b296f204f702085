import { todayInChina } from '../../lib/clock';
import type { Ctx } from '../context';
import { countOpenAppeals, countOwedEvaluations, countRecordsToReview, rejectedRecords, openAppealWindows, pendingReviewSheets } from './todos.repository';

export type Todo = { key: string; title: string; detail: string; count: number; path: string | null; level: 'action' | 'info' };

const md = (iso: string) => `${Number(iso.slice(5, 7))} 月 ${Number(iso.slice(8, 10))} 日`;

/**
 * 待办: what waits for the signed-in account, by role: records to review (below its organization), its own
 * records sent back, open appeal windows and appeals to decide, review sheets to fill, two-way evaluations owed.
 * `path` names the page that handles it once that page exists; the badge counts the `action` items.
 */
export async function listTodos({ ctx }: { ctx: Ctx }): Promise<{ items: Todo[]; total: number }> {
  const { actor, db } = ctx;
  const items: Todo[] = [];
  const push = (t: Todo) => t.count > 0 && items.push(t);
  if (actor.role === 'reviewer') {
    const sheets = actor.userId ? await pendingReviewSheets(db, actor.userId) : [];
    for (const s of sheets) {
      const open = s.state === 'open';
      push({ key: `review:${s.id}`, title: open ? '待填写的评议表' : '即将开始的评议', detail: open ? `${s.title}：请逐项评议后提交` : `${s.title}：评议开始后即可填写`, count: 1, path: open ? `/reviews/sheets/${s.id}` : null, level: open ? 'action' : 'info' });
    }
    return { items, total: items.filter((i) => i.level === 'action').reduce((n, i) => n + i.count, 0) };
  }
  if (actor.role === 'admin' || actor.role === 'org_user') {
    // The same rule as review-ledger-record.ts: an admin may verify its own organization's records, a secretary only those below.
    const toReview = await countRecordsToReview(db, actor.orgPath, actor.role === 'admin', actor.id);
    push({ key: 'ledger:review', title: '待审核的台账', detail: `下级组织提交的 ${toReview} 条台账记录等待审核`, count: toReview, path: '/ledger/review', level: 'action' });
  }
  if (actor.orgId !== null && actor.role === 'org_user') {
    const rejected = await rejectedRecords(db, actor.orgId);
    const reasons = rejected.slice(0, 3).map((r) => `「${r.title}」${r.review_reason ? `：${r.review_reason}` : ''}`).join('；');
    push({ key: 'ledger:rejected', title: '被退回的台账', detail: `本组织有 ${rejected.length} 条台账记录被上级退回，请修改后重新提交。${reasons}${rejected.length > 3 ? ' 等' : ''}`, count: rejected.length, path: '/ledger?status=rejected', level: 'action' });
    const owed = await countOwedEvaluations(db, actor.orgId);
    push({ key: 'twoway:owed', title: '待完成的双向评价', detail: `本组织还有 ${owed} 份共建协议的双向评价没有填写`, count: owed, path: '/twoway', level: 'action' });
  }
  for (const w of await openAppealWindows(db, todayInChina(ctx.clock))) {
    const detail = actor.role === 'org_user' ? `${w.year} 年度考核结果公示中，对结果有异议的可在 ${md(w.appeal_deadline!)}前申诉` : `${w.year} 年度考核结果公示中，申诉期至 ${md(w.appeal_deadline!)}`;
    push({ key: `appeal-window:${w.year}`, title: '考核结果公示', detail, count: 1, path: actor.role === 'org_user' ? '/appeals' : null, level: 'info' });
  }
  if (actor.role === 'admin') {
    const appeals = await countOpenAppeals(db, actor.orgPath);
    push({ key: 'appeals:open', title: '待处理的申诉', detail: `${appeals} 件申诉等待处理`, count: appeals, path: '/appeals', level: 'action' });
  }
  return { items, total: items.filter((i) => i.level === 'action').reduce((n, i) => n + i.count, 0) };
}
