import { hashPassword } from '../auth/passwords';
import type { Role } from '../db/database';
import { recordAudit } from '../features/audit/record-audit';
import type { Ctx } from '../features/context';
import { addRaters, addSubjects, createSession } from '../features/reviews/review-sessions';
import { insertUsers } from '../features/users/users.repository';
import type { PlannedAgreement, PlannedOrg } from './plan';

/** The demo accounts' password, given in the README; these accounts exist only in a demo district. */
export const DEMO_PASSWORD = 'xingping-demo';

export type DemoAccount = { login: string; role: Role; orgCode: string; displayName: string; what: string };

/**
 * One account per role and kind of organization: the district's admin and leader, the first street's admin,
 * a community of that street, a grid of that community, a unit with a co-building agreement with that
 * community this year, and a reviewer of the street's duty review of this year.
 */
export function planDemoAccounts(orgs: readonly PlannedOrg[], agreements: readonly PlannedAgreement[], year: number): DemoAccount[] {
  const street = orgs.find((o) => o.kind === 'street')!;
  const community = orgs.find((o) => o.kind === 'community' && o.parentCode === street.code)!;
  const grid = orgs.find((o) => o.kind === 'grid' && o.parentCode === community.code)!;
  const unitCode = agreements.filter((a) => a.communityCode === community.code && a.year === year).map((a) => a.unitCode).sort()[0]!;
  const unit = orgs.find((o) => o.code === unitCode)!;
  const district = orgs.find((o) => o.parentCode === null)!;
  return [
    { login: 'demo-admin', role: 'admin', orgCode: district.code, displayName: '张明', what: `区委组织部管理员（${district.name}）` },
    { login: 'demo-leader', role: 'leader', orgCode: district.code, displayName: '刘洋', what: `区领导（${district.name}）` },
    { login: 'demo-street', role: 'admin', orgCode: street.code, displayName: '陈静', what: `街道管理员（${street.name}）` },
    { login: 'demo-community', role: 'org_user', orgCode: community.code, displayName: community.secretary, what: `社区党组织书记（${community.name}）` },
    { login: 'demo-grid', role: 'org_user', orgCode: grid.code, displayName: grid.secretary, what: `网格党支部书记（${grid.name}）` },
    { login: 'demo-unit', role: 'org_user', orgCode: unit.code, displayName: unit.secretary, what: `共建单位党组织书记（${unit.name}）` },
    { login: 'demo-reviewer', role: 'reviewer', orgCode: street.code, displayName: '赵红', what: `述职评议评议人（${street.name}）` },
  ];
}

/**
 * Creates the demo accounts (password DEMO_PASSWORD, no forced change) and this year's duty review of the first
 * street, prepared with the street's communities as subjects and demo-reviewer in the 上级党委 group; it opens
 * when the year moves to 年度评议中.
 */
export async function insertDemoAccounts(ctx: Ctx, accounts: readonly DemoAccount[], ids: ReadonlyMap<string, number>, orgs: readonly PlannedOrg[], year: number): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const rows = await insertUsers(
    ctx.db,
    accounts.map((a) => ({ login: a.login, display_name: a.displayName, role: a.role, org_id: ids.get(a.orgCode)!, password_hash: hash, must_change_password: false, created_by: ctx.actor.id })),
  );
  await recordAudit(ctx, rows.map((r, i) => ({ action: 'user.create', entity: 'user', entityId: r.id, orgId: ids.get(accounts[i]!.orgCode)!, after: { login: r.login, role: accounts[i]!.role, demo: true } })));
  const reviewer = accounts.find((a) => a.role === 'reviewer')!;
  const streetCode = reviewer.orgCode;
  const session = await createSession({ ctx, input: { year, kind: 'secretary', orgId: ids.get(streetCode)!, title: `${year} 年度社区党组织书记抓基层党建工作述职评议` } });
  const communityIds = orgs.filter((o) => o.kind === 'community' && o.parentCode === streetCode).map((o) => ids.get(o.code)!);
  await addSubjects({ ctx, id: session.id, input: { orgIds: communityIds } });
  await addRaters({ ctx, id: session.id, input: { group: 'superior', userIds: [rows.find((r) => r.login === reviewer.login)!.id] } });
}
