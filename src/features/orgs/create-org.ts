import { requireRole } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import { defaultCategory } from '../../domain/catalog';
import { AppError } from '../../errors/app-error';
import { todayInChina } from '../../lib/clock';
import { recordAudit } from '../audit/record-audit';
import { assertCategoryOpen } from '../catalog/manage-categories';
import type { Ctx } from '../context';
import { orgForWrite } from './org-access';
import { assertActiveRange, assertParentKind } from './org-rules';
import { toOrg } from './orgs.model';
import { findOrgsByCodes, insertOrgRows, lockOrgTree } from './orgs.repository';
import { CreateOrgInput, type Org } from './orgs.schemas';

/** Creates an organization under a parent in the admin's subtree. */
export async function createOrg({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<Org> {
  requireRole(ctx, ['admin']);
  const data = CreateOrgInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    await lockOrgTree(tx.db);
    const parent = await orgForWrite(tx, data.parentId, 'parentId');
    assertParentKind(data.kind, parent.kind, 'parentId');
    const activeFrom = data.activeFrom ?? todayInChina(tx.clock);
    assertActiveRange(activeFrom, data.activeTo ?? null, 'activeTo');
    await assertCodeFree(tx, data.code);
    await assertCategoryOpen(tx, data.category ?? defaultCategory[data.kind], 'category');
    const [row] = await insertOrgRows(tx.db, [
      {
        code: data.code,
        name: data.name,
        kind: data.kind,
        category: data.category ?? defaultCategory[data.kind],
        parent_id: parent.id,
        secretary_name: data.secretaryName ?? null,
        member_count: data.memberCount,
        active_from: activeFrom,
        active_to: data.activeTo ?? null,
      },
    ]);
    const org = toOrg(row!);
    await recordAudit(tx, { action: 'org.create', entity: 'organization', entityId: org.id, orgId: org.id, after: org });
    return org;
  });
}

export async function assertCodeFree(ctx: Ctx, code: string): Promise<void> {
  const [existing] = await findOrgsByCodes(ctx.db, [code]);
  if (existing) throw new AppError('conflict', `组织编码「${code}」已被使用`, { field: 'code' });
}
