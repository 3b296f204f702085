import type { Role } from '../../db/database';
import { hashPassword, PASSWORD_RULE, passwordProblem, verifyPassword } from '../../auth/passwords';
import { withTransaction } from '../../db/transaction';
import { orgKindLabel, roleLabel } from '../../domain/catalog';
import { AppError, invalidField } from '../../errors/app-error';
import { z } from '../../lib/zod';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { findUserById, insertSignInAttempt, recordFailure, revokeUserSessions, updateUser } from '../users/users.repository';
import { timeInChina, todayInChina } from '../../lib/clock';
import type { Authenticated } from './authenticate';
import type { AuthPolicy, ClientInfo } from './auth.policy';
import { menuFor, pickersFor, printablesFor, type MenuEntry } from './menu';
import { currentCycleYear } from '../cycles/current-cycle';
import { listCycleRows } from '../cycles/cycles.repository';
import { assessmentMenu } from '../assessments/assessments.service';
import { findOrgById } from '../orgs/orgs.repository';
import type { RuleSets } from '../../rules/registry';

export type Me = {
  id: number;
  login: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  org: { id: number; name: string; kind: string; kindLabel: string };
  mustChangePassword: boolean;
  /** Cookie sessions: the token every write echoes in `X-CSRF-Token`. */
  csrfToken: string | null;
  menu: MenuEntry[];
  /** The header's pickers this account gets. */
  pickers: { cycle: boolean; org: boolean };
  /** The year pages open on (the one collecting its ledger, else the latest begun). */
  currentYear: number | null;
  /** Documents the home page offers to print. */
  printables: ('scorecard' | 'rankings')[];
  /** The password rules, as the change-password form shows them. */
  passwordRule: string;
};

/** The signed-in user as the page shows it: who, for which organization, and the menu the role gets. */
export async function describeMe(ctx: Ctx, auth: Authenticated, ruleSets: RuleSets): Promise<Me> {
  const user = ctx.actor.userId ? await findUserById(ctx.db, ctx.actor.userId) : undefined;
  if (!user) throw new AppError('unauthorized', '请先登录');
  const kind = user.org_kind as keyof typeof orgKindLabel;
  const currentYear = currentCycleYear(await listCycleRows(ctx.db), todayInChina(ctx.clock));
  const org = await findOrgById(ctx.db, user.org_id);
  const twoStage = await assessmentMenu(ctx, ruleSets, currentYear, org?.category ?? null);
  return {
    id: user.id,
    login: user.login,
    displayName: user.display_name,
    role: user.role,
    roleLabel: roleLabel[user.role],
    org: { id: user.org_id, name: user.org_name, kind, kindLabel: orgKindLabel[kind] },
    mustChangePassword: user.must_change_password,
    csrfToken: auth.session?.csrfToken ?? null,
    menu: menuFor(user.role, kind, user.must_change_password, twoStage),
    pickers: pickersFor(user.role, user.must_change_password),
    currentYear,
    printables: printablesFor(user.role, user.must_change_password),
    passwordRule: PASSWORD_RULE,
  };
}

export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(128),
  newPassword: z.string().min(1, '请输入新密码').max(128),
}).strict();

/**
 * 修改密码: the current password again (a wrong one counts toward the lock like a failed sign-in), the new one
 * by the rules, then every other session of the user ends. Clears the forced change.
 */
export async function changeOwnPassword({ ctx, input, policy, client, keepSession }: { ctx: Ctx; input: unknown; policy: AuthPolicy; client: ClientInfo; keepSession?: string }) {
  const data = ChangePasswordInput.parse(input);
  if (!ctx.actor.userId) throw new AppError('forbidden', '命令行和评议码没有密码');
  const user = await findUserById(ctx.db, ctx.actor.userId);
  if (!user?.password_hash) throw new AppError('forbidden', '该账号没有密码，不能修改');
  const now = ctx.clock.now();
  if (user.locked_until && new Date(user.locked_until) > now) {
    throw new AppError('too_many_requests', `密码连续输错 ${policy.maxFailures} 次，账号已暂时锁定，请在 ${timeInChina(new Date(user.locked_until))} 后再试`);
  }
  if (!(await verifyPassword(data.currentPassword, user.password_hash))) {
    // A wrong current password counts like a failed sign-in: recorded, and 5 in a row lock the account.
    const count = await recordFailure(ctx.db, user.id, policy.maxFailures, new Date(now.getTime() + policy.lockMs));
    await insertSignInAttempt(ctx.db, { login: user.login, user_id: user.id, address: client.address, outcome: 'bad_password' });
    throw invalidField('currentPassword', count === 0 ? `当前密码不正确；连续输错 ${policy.maxFailures} 次，账号已暂时锁定` : '当前密码不正确');
  }
  const problem = passwordProblem(data.newPassword, user.login);
  if (problem) throw invalidField('newPassword', problem);
  if (data.newPassword === data.currentPassword) throw invalidField('newPassword', '新密码不能与当前密码相同');
  const hash = await hashPassword(data.newPassword);
  return withTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    await updateUser(tx.db, user.id, { password_hash: hash, must_change_password: false, password_changed_at: now, failed_count: 0, locked_until: null, updated_at: now });
    const ended = await revokeUserSessions(tx.db, user.id, now, keepSession);
    await recordAudit(tx, { action: 'user.password.change', entity: 'user', entityId: user.id, orgId: user.org_id, after: { otherSessionsEnded: ended } });
    return { changed: true, otherSessionsEnded: ended };
  });
}
