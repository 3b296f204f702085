import { requireRole } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import { forbidden, invalidField } from '../../errors/app-error';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { orgForWrite } from './org-access';
import { assertActiveRange } from './org-rules';
import { toOrg } from './orgs.model';
import { lockOrgTree, subtreeRows, updateOrgRow } from './orgs.repository';
import { CloseOrgInput, type Org } from './orgs.schemas';

/**
 * Closes (撤销) an organization from a date on, with the reason in the audit row. Its history stays: a year
 * reads it through its active dates. Refused while an organization below it outlives that date, so the tree
 * never holds a living child under a closed parent.
 */
export async function closeOrg({ ctx, id, input }: { ctx: Ctx; id: number; input: unknown }): Promise<Org> {
  requireRole(ctx, ['admin']);
  const { activeTo, reason } = CloseOrgInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    await lockOrgTree(tx.db);
    const before = await orgForWrite(tx, id, 'id');
    if (before.id === ctx.actor.orgId) throw forbidden('不能撤销您自己所在的组织');
    if (before.active_to !== null) throw invalidField('activeTo', `「${before.name}」已于 ${before.active_to} 撤销`);
    assertActiveRange(before.active_from, activeTo, 'activeTo');
    const living = (await subtreeRows(tx.db, before.path)).filter((o) => o.id !== id && (o.active_to === null || o.active_to > activeTo));
    if (living.length > 0) {
      const names = living.slice(0, 3).map((o) => `「${o.name}」`).join('、');
      throw invalidField('activeTo', `其下还有 ${living.length} 个组织在 ${activeTo} 之后仍存续（${names}${living.length > 3 ? '等' : ''}），请先撤销或移走它们`);
    }
    const org = toOrg(await updateOrgRow(tx.db, id, { active_to: activeTo }, tx.clock.now()));
    await recordAudit(tx, { action: 'org.close', entity: 'organization', entityId: id, orgId: id, before: toOrg(before), after: { ...org, reason } });
    return org;
  });
}
