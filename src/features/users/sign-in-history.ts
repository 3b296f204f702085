import { requireRole } from '../../auth/scope';
import type { Ctx } from '../context';
import { listSignInHistory } from './users.repository';
import { SignInQuery, type SignInView } from './users.schemas';
import type { SignInOutcome } from './users.table';

/** What each recorded outcome of a sign-in means to the admin reading the history. */
export const signInOutcomeLabel: Record<SignInOutcome, string> = {
  ok: '成功',
  bad_password: '失败（密码错误）',
  unknown_user: '失败（账号不存在）',
  locked: '失败（账号已锁定）',
  throttled: '失败（尝试过于频繁）',
  disabled: '失败（账号已停用）',
  no_password: '失败（账号没有密码）',
};

/** 登录记录: every sign-in attempt on the accounts of the caller's subtree (admins), newest first. */
export async function listSignIns({ ctx, query }: { ctx: Ctx; query: unknown }): Promise<{ items: SignInView[]; total: number }> {
  requireRole(ctx, ['admin']);
  const q = SignInQuery.parse(query);
  const { rows, total } = await listSignInHistory(ctx.db, { pathPrefix: ctx.actor.orgPath, userId: q.userId, q: q.q, failedOnly: q.failedOnly === 'true', limit: q.limit, offset: q.offset });
  return {
    total,
    items: rows.map((r) => ({
      id: Number(r.id),
      at: new Date(r.at).toISOString(),
      userId: r.user_id,
      login: r.login,
      displayName: r.display_name,
      orgName: r.org_name,
      address: r.address,
      outcome: r.outcome,
      success: r.outcome === 'ok',
      outcomeLabel: signInOutcomeLabel[r.outcome] ?? r.outcome,
    })),
  };
}
