import { hashPassword, initialPassword, passwordProblem } from '../../auth/passwords';
import { inScope, requireRole, strictlyBelow } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import { orgKindLabel, roleLabel, roles } from '../../domain/catalog';
import { AppError, forbidden, invalidField, notFound } from '../../errors/app-error';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { orgForWrite } from '../orgs/org-access';
import {
  countLiveSessions,
  findUserById,
  findUserByLogin,
  insertUsers,
  listSignInAttempts,
  listUsers,
  revokeUserSessions,
  revokeUserTokens,
  updateUser,
  type UserWithOrg,
} from './users.repository';
import { CreateUserInput, ListUsersQuery, type IssuedAccount, type UserView } from './users.schemas';

/** Who may keep accounts: an admin, for the accounts of its own subtree. */
const managers = ['admin'] as const;

/** What the caller may do with an account (the page offers exactly these). */
function actionsFor(ctx: Ctx, u: UserWithOrg, liveSessions: number): UserView['actions'] {
  if (!mayManage(ctx, u)) return [];
  const out: UserView['actions'] = [];
  if (u.kind === 'person') out.push('reset');
  out.push(u.disabled_at ? 'enable' : 'disable');
  if (liveSessions > 0) out.push('revoke');
  return out;
}

export function userView(ctx: Ctx, u: UserWithOrg, liveSessions = 0): UserView {
  const kind = u.org_kind as keyof typeof orgKindLabel;
  return {
    id: u.id,
    login: u.login,
    displayName: u.display_name,
    role: u.role,
    roleLabel: roleLabel[u.role],
    kind: u.kind,
    orgId: u.org_id,
    orgName: u.org_name,
    orgKindLabel: orgKindLabel[kind] ?? kind,
    phone: u.phone,
    mustChangePassword: u.must_change_password,
    locked: Boolean(u.locked_until && new Date(u.locked_until).getTime() > Date.now()),
    disabled: Boolean(u.disabled_at),
    lastSignInAt: u.last_sign_in_at ? new Date(u.last_sign_in_at).toISOString() : null,
    liveSessions,
    actions: actionsFor(ctx, u, liveSessions),
  };
}

/** A user of the caller's subtree for a change: 404 outside it (existence does not leak), 403 for oneself. */
async function userForWrite(ctx: Ctx, id: number): Promise<UserWithOrg> {
  const u = await findUserById(ctx.db, id);
  if (!u || !inScope(ctx.actor, u.org_path)) throw notFound('账号', 'id');
  if (u.id === ctx.actor.userId) throw forbidden('不能对自己的账号执行此操作，请在“账号设置”中修改密码');
  if (!mayManage(ctx, u)) throw forbidden('同一组织的管理员账号须由上级组织的管理员管理');
  return u;
}

/** An admin keeps the accounts below its organization, and those of its own organization that are not admins. */
function mayManage(ctx: Ctx, u: UserWithOrg): boolean {
  return u.id !== ctx.actor.userId && (strictlyBelow(ctx.actor, u.org_path) || u.role !== 'admin');
}

export async function listUserAccounts({ ctx, query }: { ctx: Ctx; query: unknown }) {
  requireRole(ctx, managers);
  const q = ListUsersQuery.parse(query);
  const { rows, total } = await listUsers(ctx.db, { pathPrefix: ctx.actor.orgPath, ...q });
  const live = await countLiveSessions(ctx.db, rows.map((r) => r.id), ctx.clock.now());
  return { items: rows.map((r) => userView(ctx, r, live.get(r.id) ?? 0)), total };
}

export async function getUserAccount({ ctx, id }: { ctx: Ctx; id: number }) {
  requireRole(ctx, managers);
  const u = await findUserById(ctx.db, id);
  if (!u || !inScope(ctx.actor, u.org_path)) throw notFound('账号', 'id');
  const live = await countLiveSessions(ctx.db, [u.id], ctx.clock.now());
  return { ...userView(ctx, u, live.get(u.id) ?? 0), signIns: (await listSignInAttempts(ctx.db, u.id, 20)).map((a) => ({ at: new Date(a.at).toISOString(), address: a.address, outcome: a.outcome })) };
}

/**
 * 新建账号: a person in the caller's subtree with an initial password (given, or generated) that must be
 * changed at first sign-in. The password is returned once, for the 开通通知单.
 */
export async function createUserAccount({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<IssuedAccount> {
  requireRole(ctx, managers);
  const data = CreateUserInput.parse(input);
  if (data.password) {
    const problem = passwordProblem(data.password, data.login);
    if (problem) throw invalidField('password', problem);
  }
  const password = data.password ?? initialPassword();
  const hash = await hashPassword(password);
  return withTransaction(ctx, async (tx) => {
    const org = await orgForWrite(tx, data.orgId, 'orgId');
    if (await findUserByLogin(tx.db, data.login)) throw new AppError('conflict', `登录名「${data.login}」已被使用`, { field: 'login' });
    const [row] = await insertUsers(tx.db, [
      { login: data.login, display_name: data.displayName, role: data.role, org_id: org.id, phone: data.phone ?? null, password_hash: hash, must_change_password: true, created_by: ctx.actor.id },
    ]);
    await recordAudit(tx, { action: 'user.create', entity: 'user', entityId: row!.id, orgId: org.id, after: { login: data.login, displayName: data.displayName, role: data.role, orgId: org.id } });
    return { id: row!.id, login: data.login, displayName: data.displayName, role: data.role, roleLabel: roleLabel[data.role], orgName: org.name, initialPassword: password };
  });
}

/**
 * 重置密码 by a superior: a new initial password to hand out, changed at the next sign-in; the lock is lifted
 * and every session of the account ends.
 */
export async function resetUserPassword({ ctx, id }: { ctx: Ctx; id: number }): Promise<IssuedAccount> {
  requireRole(ctx, managers);
  const password = initialPassword();
  const hash = await hashPassword(password);
  return withTransaction(ctx, async (tx) => {
    const u = await userForWrite(tx, id);
    if (u.kind !== 'person') throw new AppError('validation_failed', '脚本账号没有密码，只能通过令牌访问', { field: 'id' });
    const now = tx.clock.now();
    await updateUser(tx.db, u.id, { password_hash: hash, must_change_password: true, failed_count: 0, locked_until: null, updated_at: now });
    const ended = await revokeUserSessions(tx.db, u.id, now);
    await recordAudit(tx, { action: 'user.password.reset', entity: 'user', entityId: u.id, orgId: u.org_id, after: { sessionsEnded: ended } });
    return { id: u.id, login: u.login, displayName: u.display_name, role: u.role, roleLabel: roleLabel[u.role], orgName: u.org_name, initialPassword: password };
  });
}

/** 停用 / 启用: a disabled account cannot sign in; its sessions end and its API tokens are revoked. */
export async function setUserDisabled({ ctx, id, disabled }: { ctx: Ctx; id: number; disabled: boolean }) {
  requireRole(ctx, managers);
  return withTransaction(ctx, async (tx) => {
    const u = await userForWrite(tx, id);
    const now = tx.clock.now();
    let sessions = 0;
    let tokens = 0;
    if (disabled && !u.disabled_at) {
      await updateUser(tx.db, u.id, { disabled_at: now, updated_at: now });
      sessions = await revokeUserSessions(tx.db, u.id, now);
      tokens = await revokeUserTokens(tx.db, u.id, now);
    } else if (!disabled && u.disabled_at) {
      await updateUser(tx.db, u.id, { disabled_at: null, failed_count: 0, locked_until: null, updated_at: now });
    }
    await recordAudit(tx, { action: disabled ? 'user.disable' : 'user.enable', entity: 'user', entityId: u.id, orgId: u.org_id, before: { disabled: Boolean(u.disabled_at) }, after: { disabled, sessionsEnded: sessions, tokensRevoked: tokens } });
    return userView(ctx, (await findUserById(tx.db, u.id))!);
  });
}

/** 强制下线: ends every session of an account at once (a lost phone, a shared computer). */
export async function endUserSessions({ ctx, id }: { ctx: Ctx; id: number }) {
  requireRole(ctx, managers);
  return withTransaction(ctx, async (tx) => {
    const u = await userForWrite(tx, id);
    const ended = await revokeUserSessions(tx.db, u.id, tx.clock.now());
    await recordAudit(tx, { action: 'user.sessions.revoke', entity: 'user', entityId: u.id, orgId: u.org_id, after: { sessionsEnded: ended } });
    return { ended };
  });
}

/** The id of an account of the caller's subtree by its login (the command line names accounts by login). */
export async function accountIdByLogin({ ctx, login }: { ctx: Ctx; login: string }): Promise<number> {
  requireRole(ctx, managers);
  const u = await findUserByLogin(ctx.db, login.trim().toLowerCase());
  if (!u || !inScope(ctx.actor, u.org_path)) throw notFound(`账号「${login}」`, 'login');
  return u.id;
}

/** The roles an account can have, with their Chinese names (the page holds no list of its own). */
export function listRoles({ ctx }: { ctx: Ctx }) {
  requireRole(ctx, managers);
  return { items: roles.map((value) => ({ value, label: roleLabel[value] })) };
}
