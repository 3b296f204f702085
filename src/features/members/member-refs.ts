import { inScope } from '../../auth/scope';
import { coBuildingUnitKinds, orgKindLabel } from '../../domain/catalog';
import type { Ctx } from '../context';
import type { OrgRow } from '../orgs/orgs.model';

/** The organizations a member refers to: its own (组织关系), where it lives, where it works. */
export type MemberRef = 'org' | 'residence' | 'employer';

/** How the caller named the organization: the import by code (its message names the code), the form by id (its field names it). */
type NamedBy = 'code' | 'id';

const codeNoun: Record<MemberRef, string> = { org: '组织编码', residence: '社区编码', employer: '工作单位编码' };

/**
 * What is wrong with an organization a member refers to, in Chinese, or null when nothing is. Every reference
 * must lie in the caller's subtree (missing and outside get one answer, so nothing outside leaks); a residence
 * must be a community, an employer a unit, enterprise or social organization. The one check the member import
 * and the member form share.
 */
export function memberRefProblem(ctx: Ctx, ref: MemberRef, org: OrgRow | undefined, namedBy: NamedBy): string | null {
  if (!org || !inScope(ctx.actor, org.path)) return `${namedBy === 'code' ? codeNoun[ref] : ''}不存在或不在您的管辖范围内`;
  if (ref === 'residence' && org.kind !== 'community') return `「${org.name}」是${orgKindLabel[org.kind]}，不是社区党组织`;
  if (ref === 'employer' && !coBuildingUnitKinds.includes(org.kind)) {
    return `「${org.name}」是${orgKindLabel[org.kind]}，不是驻区单位、非公企业或社会组织的党组织`;
  }
  return null;
}

/** The refusal of a second member of one name in one organization (the import and the form alike). */
export function sameNameProblem(org: Pick<OrgRow, 'name'>): string {
  return `「${org.name}」已有同名党员`;
}
