import { readers, requireRole } from '../../auth/scope';
import type { Ctx } from '../context';
import { escapeLike } from '../orgs/orgs.repository';
import { listMemberRows, type MemberRow } from './members.repository';
import { ListMembersQuery, type Member } from './members.schemas';

/** Members the caller may see: of organizations in the subtree, or living in one of its communities. */
export async function listMembers({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ items: Member[]; total: number }> {
  requireRole(ctx, readers);
  const q = ListMembersQuery.parse(input);
  const { rows, total } = await listMemberRows(ctx.db, {
    ...q,
    q: q.q === undefined ? undefined : escapeLike(q.q),
    pathPrefix: ctx.actor.orgPath,
  });
  return { total, items: rows.map(toMember) };
}

/** A member row as the API shows it. */
export function toMember(r: Omit<MemberRow, 'org_path' | 'residence_path'>): Member {
  return {
    id: r.id,
    name: r.name,
    orgId: r.org_id,
    orgName: r.org_name,
    employerName: r.employer_name,
    employerOrgId: r.employer_org_id,
    residenceCommunityId: r.residence_community_id,
    residenceCommunityName: r.residence_community_name,
    inService: r.in_service,
  };
}
