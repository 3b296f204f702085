import { requireRole } from '../../auth/scope';
import { roleLabel } from '../../domain/catalog';
import { AppError } from '../../errors/app-error';
import type { Ctx } from '../context';
import { createToken, revokeApiToken } from './create-token';
import { listTokens } from './tokens.repository';
import { CreateTokenRequest, type TokenView } from './tokens.schemas';

type Row = Awaited<ReturnType<typeof listTokens>>[number];

function tokenView(r: Row): TokenView {
  return {
    id: r.id,
    name: r.name,
    prefix: r.token_prefix,
    userId: r.user_id,
    login: r.login,
    displayName: r.display_name,
    role: r.role,
    roleLabel: roleLabel[r.role],
    kind: r.kind,
    orgId: r.org_id,
    orgName: r.org_name,
    createdAt: new Date(r.created_at).toISOString(),
    revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
  };
}

async function oneToken(ctx: Ctx, id: number): Promise<TokenView> {
  const [row] = await listTokens(ctx.db, ctx.actor.orgPath, id);
  if (!row) throw new AppError('not_found', `令牌 ${id} 不存在`, { field: 'id' });
  return tokenView(row);
}

/** The API tokens of the caller's subtree, live ones first, newest first (never the token itself). */
export async function listTokenViews({ ctx }: { ctx: Ctx }): Promise<{ items: TokenView[] }> {
  requireRole(ctx, ['admin']);
  const rows = await listTokens(ctx.db, ctx.actor.orgPath);
  const items = rows.map(tokenView).sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || b.id - a.id);
  return { items };
}

/** 新建令牌 from the browser, by the command line's rules (create-token.ts); the token is in this answer only. */
export async function createTokenForWeb({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireRole(ctx, ['admin']);
  const data = CreateTokenRequest.parse(input);
  const created = await createToken({ ctx, input: data });
  return { ...(await oneToken(ctx, created.id)), token: created.token };
}

/** 吊销令牌: it stops working at once; audited. */
export async function revokeTokenForWeb({ ctx, id }: { ctx: Ctx; id: number }): Promise<TokenView> {
  await revokeApiToken({ ctx, id });
  return oneToken(ctx, id);
}
