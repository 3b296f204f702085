import { requireRole } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import { forbidden, invalidField } from '../../errors/app-error';
import { recordAudit } from '../audit/record-audit';
import { assertCategoryOpen } from '../catalog/manage-categories';
import type { Ctx } from '../context';
import { assertCodeFree } from './create-org';
import { orgForWrite } from './org-access';
import { assertActiveRange, assertParentKind } from './org-rules';
import { toOrg } from './orgs.model';
import { findOrgById, lockOrgTree, moveSubtree, updateOrgRow } from './orgs.repository';
import { MoveOrgInput, UpdateOrgInput, type Org } from './orgs.schemas';

/** Changes an organization's attributes (not its kind or place in the tree: see moveOrg). */
export async function updateOrg({ ctx, id, input }: { ctx: Ctx; id: number; input: unknown }): Promise<Org> {
  requireRole(ctx, ['admin']);
  const patch = UpdateOrgInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const before = await orgForWrite(tx, id, 'id');
    if (patch.code !== undefined && patch.code !== before.code) await assertCodeFree(tx, patch.code);
    const activeFrom = patch.activeFrom ?? before.active_from;
    const activeTo = patch.activeTo === undefined ? before.active_to : patch.activeTo;
    assertActiveRange(activeFrom, activeTo, 'activeTo');
    await assertCategoryOpen(tx, patch.category, 'category', before.category);
    const row = await updateOrgRow(
      tx.db,
      id,
      {
        code: patch.code,
        name: patch.name,
        category: patch.category,
        secretary_name: patch.secretaryName,
        member_count: patch.memberCount,
        active_from: patch.activeFrom,
        active_to: patch.activeTo,
      },
      tx.clock.now(),
    );
    const org = toOrg(row);
    await recordAudit(tx, { action: 'org.update', entity: 'organization', entityId: id, orgId: id, before: toOrg(before), after: org });
    return org;
  });
}

/** Moves an organization, with everything below it, under another parent in the admin's subtree. */
export async function moveOrg({ ctx, id, input }: { ctx: Ctx; id: number; input: unknown }): Promise<Org> {
  requireRole(ctx, ['admin']);
  const { parentId } = MoveOrgInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    await lockOrgTree(tx.db);
    const node = await orgForWrite(tx, id, 'id');
    const parent = await orgForWrite(tx, parentId, 'parentId');
    if (node.id === ctx.actor.orgId) throw forbidden('不能移动您自己所在的组织');
    if (parent.path.startsWith(node.path)) throw invalidField('parentId', '不能移到自己或自己的下级组织之下');
    if (node.parent_id === parent.id) throw invalidField('parentId', `已经是「${parent.name}」的下级`);
    assertParentKind(node.kind, parent.kind, 'parentId');
    const moved = await moveSubtree(tx.db, node, parent, tx.clock.now());
    const after = toOrg((await findOrgById(tx.db, id))!);
    await recordAudit(tx, {
      action: 'org.move',
      entity: 'organization',
      entityId: id,
      orgId: id,
      before: { parentId: node.parent_id },
      after: { parentId: parent.id, movedOrganizations: moved },
    });
    return after;
  });
}
