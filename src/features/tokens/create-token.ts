import { requireRole } from '../../auth/scope';
import { generateToken, hashToken, tokenPrefix } from '../../auth/tokens';
import { withTransaction } from '../../db/transaction';
import { roleLabel, roles } from '../../domain/catalog';
import { AppError } from '../../errors/app-error';
import { z } from '../../lib/zod';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { orgForWrite } from '../orgs/org-access';
import { countRoots } from '../orgs/orgs.repository';
import { insertToken, listTokens, revokeToken } from './tokens.repository';

export const CreateTokenInput = z.object({
  role: z.enum(roles),
  orgId: z.number().int().positive().max(2_147_483_647).optional(),
  name: z.string().trim().min(1).max(60).optional(),
});

export type CreatedToken = { id: number; token: string; role: string; orgId: number; orgName: string; name: string };

/**
 * Creates an API token bound to an organization (the only top-level one when none is given). The token
 * itself is returned once and only its hash is kept.
 */
export async function createToken({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<CreatedToken> {
  requireRole(ctx, ['admin']);
  const data = CreateTokenInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const org = data.orgId ? await orgForWrite(tx, data.orgId, 'orgId') : await onlyRoot(tx);
    const token = generateToken();
    const name = data.name ?? `${roleLabel[data.role]}（${org.name}）`;
    const row = await insertToken(tx.db, {
      name,
      role: data.role,
      org_id: org.id,
      token_hash: await hashToken(token),
      token_prefix: tokenPrefix(token),
    });
    await recordAudit(tx, {
      action: 'token.create',
      entity: 'api_token',
      entityId: row.id,
      orgId: org.id,
      after: { name, role: data.role, orgId: org.id, prefix: tokenPrefix(token) },
    });
    return { id: row.id, token, role: data.role, orgId: org.id, orgName: org.name, name };
  });
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
