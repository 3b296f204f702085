import { inScope, requireRole, strictlyBelow } from '../../auth/scope';
import { generateToken, hashToken, tokenPrefix } from '../../auth/tokens';
import { withTransaction } from '../../db/transaction';
import { roleLabel, roles } from '../../domain/catalog';
import { AppError, forbidden, notFound } from '../../errors/app-error';
import { z } from '../../lib/zod';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { orgForWrite } from '../orgs/org-access';
import { countRoots } from '../orgs/orgs.repository';
import { findUserByLogin, insertUsers } from '../users/users.repository';
import { insertToken, listTokens, revokeToken } from './tokens.repository';

export const CreateTokenInput = z
  .object({
    /** The account the token acts as; without it a script account of its own is made with `role` and `orgId`. */
    login: z.string().trim().toLowerCase().min(2).max(64).optional(),
    role: z.enum(roles).optional(),
    orgId: z.number().int().positive().max(2_147_483_647).optional(),
    name: z.string().trim().min(1).max(60).optional(),
  })
  .refine((v) => v.login !== undefined || v.role !== undefined, { message: '请给出令牌所属的账号（--user），或角色（--role）', path: ['role'] });

export type CreatedToken = { id: number; token: string; role: string; orgId: number; orgName: string; name: string; userId: number; login: string };

/**
 * Creates an API token for scripts. A token belongs to a user and acts as that user: either an existing
 * account (`login`), or a script account made for it with `role` and `orgId` (the only top-level organization
 * when none is given). The token itself is returned once and only its hash is kept.
 */
export async function createToken({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<CreatedToken> {
  requireRole(ctx, ['admin']);
  const data = CreateTokenInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const user = data.login ? await existingUser(tx, data.login) : await scriptUser(tx, data.role!, data.orgId, data.name);
    const token = generateToken();
    const name = data.name ?? user.name;
    const row = await insertToken(tx.db, { name, user_id: user.id, token_hash: await hashToken(token), token_prefix: tokenPrefix(token) });
    await recordAudit(tx, {
      action: 'token.create',
      entity: 'api_token',
      entityId: row.id,
      orgId: user.orgId,
      after: { name, userId: user.id, login: user.login, role: user.role, orgId: user.orgId, prefix: tokenPrefix(token) },
    });
    return { id: row.id, token, role: user.role, orgId: user.orgId, orgName: user.orgName, name, userId: user.id, login: user.login };
  });
}

async function existingUser(ctx: Ctx, login: string) {
  const u = await findUserByLogin(ctx.db, login);
  if (!u || !inScope(ctx.actor, u.org_path)) throw notFound(`账号「${login}」`, 'login');
  if (u.disabled_at) throw new AppError('validation_failed', `账号「${login}」已停用，不能创建令牌`, { field: 'login' });
  // A token acts as its user: an admin may mint one for itself, or for the accounts it keeps (as manage-users.ts).
  if (u.id !== ctx.actor.userId && u.role === 'admin' && !strictlyBelow(ctx.actor, u.org_path)) {
    throw forbidden('同一组织的管理员账号须由上级组织的管理员管理，不能为其创建令牌', 'login');
  }
  return { id: u.id, login: u.login, role: u.role, orgId: u.org_id, orgName: u.org_name, name: `${u.display_name}的令牌` };
}

async function scriptUser(ctx: Ctx, role: (typeof roles)[number], orgId: number | undefined, name: string | undefined) {
  const org = orgId ? await orgForWrite(ctx, orgId, 'orgId') : await onlyRoot(ctx);
  const display = name ?? `${roleLabel[role]}（${org.name}）`;
  const login = `script-${crypto.randomUUID().slice(0, 8)}`;
  const [u] = await insertUsers(ctx.db, [{ login, display_name: display, role, org_id: org.id, kind: 'script', created_by: ctx.actor.id }]);
  await recordAudit(ctx, { action: 'user.create', entity: 'user', entityId: u!.id, orgId: org.id, after: { login, displayName: display, role, orgId: org.id, kind: 'script' } });
  return { id: u!.id, login, role, orgId: org.id, orgName: org.name, name: display };
}

async function onlyRoot(ctx: Ctx) {
  const roots = await countRoots(ctx.db);
  if (roots.length === 0) {
    throw new AppError('validation_failed', '数据库中还没有任何组织：请先运行 seed-demo 或导入组织，再创建令牌');
  }
  if (roots.length > 1) {
    const list = roots.map((r) => `${r.id} ${r.name}`).join('，');
    throw new AppError('validation_failed', `有多个顶级组织（${list}），请用 --org 指定令牌所属组织`);
  }
  return roots[0]!;
}

export async function listApiTokens({ ctx }: { ctx: Ctx }) {
  requireRole(ctx, ['admin']);
  return listTokens(ctx.db, ctx.actor.orgPath);
}

export async function revokeApiToken({ ctx, id }: { ctx: Ctx; id: number }) {
  requireRole(ctx, ['admin']);
  return withTransaction(ctx, async (tx) => {
    const row = await revokeToken(tx.db, id, ctx.actor.orgPath, tx.clock.now());
    if (!row) throw new AppError('not_found', `令牌 ${id} 不存在或已吊销`);
    await recordAudit(tx, { action: 'token.revoke', entity: 'api_token', entityId: id, orgId: row.org_id, before: row });
    return row;
  });
}
