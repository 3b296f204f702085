import { inScope, requireRole } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import { AppError, forbidden, notFound } from '../../errors/app-error';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { findOrgsByIds } from '../orgs/orgs.repository';
import { toMember } from './list-members';
import { memberVisible, memberWriters } from './member-access';
import { memberRefProblem, sameNameProblem, type MemberRef } from './member-refs';
import { findMemberRow, insertMemberRows, memberNameTaken, updateMemberRow, type MemberRow, type NewMemberRow } from './members.repository';
import { CreateMemberInput, UpdateMemberInput, type Member } from './members.schemas';

type Field = keyof CreateMemberInput;
const fieldLabel: Record<Field, string> = {
  name: '姓名',
  orgId: '所属组织',
  employerName: '工作单位',
  employerOrgId: '工作单位组织',
  residenceCommunityId: '居住社区',
  inService: '是否在职党员',
};
const refs: [MemberRef, Field, 'org_id' | 'residence_community_id' | 'employer_org_id'][] = [
  ['org', 'orgId', 'org_id'],
  ['residence', 'residenceCommunityId', 'residence_community_id'],
  ['employer', 'employerOrgId', 'employer_org_id'],
];

/** 400 naming the field in Chinese in the message and by its key in the details (the form shows it there). */
function fieldError(field: Field, message: string): AppError {
  return new AppError('validation_failed', `${fieldLabel[field]}：${message}`, { issues: [{ field, message }] });
}

/** The columns the input sets; absent keys stay absent (a partial update), an empty employer is none. */
function toColumns(input: Partial<CreateMemberInput>): Partial<NewMemberRow> {
  const out: Partial<NewMemberRow> = {};
  if (input.name !== undefined) out.name = input.name;
  if (input.orgId !== undefined) out.org_id = input.orgId;
  if (input.employerName !== undefined) out.employer_name = input.employerName || null;
  if (input.employerOrgId !== undefined) out.employer_org_id = input.employerOrgId;
  if (input.residenceCommunityId !== undefined) out.residence_community_id = input.residenceCommunityId;
  if (input.inService !== undefined) out.in_service = input.inService;
  return out;
}

/** Checks the organizations these columns set (import-members.ts checks the same); returns the member's own organization when set. */
async function checkRefs(ctx: Ctx, cols: Partial<NewMemberRow>) {
  const ids = refs.map(([, , col]) => cols[col]).filter((id): id is number => typeof id === 'number');
  const orgs = new Map((await findOrgsByIds(ctx.db, ids)).map((o) => [o.id, o]));
  for (const [ref, field, col] of refs) {
    const id = cols[col];
    if (id === undefined || id === null) continue;
    const problem = memberRefProblem(ctx, ref, orgs.get(id), 'id');
    if (problem) throw fieldError(field, problem);
  }
  return cols.org_id === undefined ? undefined : orgs.get(cols.org_id);
}

async function assertNameFree(ctx: Ctx, org: { id: number; name: string }, name: string, exceptId?: number): Promise<void> {
  if (await memberNameTaken(ctx.db, org.id, name, exceptId)) {
    throw new AppError('conflict', `姓名：${sameNameProblem(org)}`, { field: 'name', issues: [{ field: 'name', message: sameNameProblem(org) }] });
  }
}

/** The member, locked, if the caller may change it: 404 when it cannot even see it, 403 when it only sees a resident. */
async function memberForWrite(ctx: Ctx, id: number): Promise<MemberRow> {
  const row = await findMemberRow(ctx.db, id, { forUpdate: true });
  if (!row || !memberVisible(ctx, row)) throw notFound('党员', 'id');
  if (!inScope(ctx.actor, row.org_path)) throw forbidden(`党员「${row.name}」的组织关系不在您的管辖范围内，不能修改`, 'id');
  return row;
}

/** Adds one party member (党员) to an organization of the caller's subtree, as one row of the 党员 import would. */
export async function createMember({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<Member> {
  requireRole(ctx, memberWriters);
  const data = CreateMemberInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const cols = { employer_name: null, employer_org_id: null, residence_community_id: null, ...toColumns(data) } as NewMemberRow;
    const org = (await checkRefs(tx, cols))!;
    await assertNameFree(tx, org, cols.name);
    const [id] = await insertMemberRows(tx.db, [cols]);
    const member = toMember((await findMemberRow(tx.db, id!))!);
    await recordAudit(tx, { action: 'member.create', entity: 'member', entityId: id!, orgId: org.id, after: member });
    return member;
  });
}

/** Changes a member of the caller's subtree; only the organizations the change sets are checked again. */
export async function updateMember({ ctx, id, input }: { ctx: Ctx; id: number; input: unknown }): Promise<Member> {
  requireRole(ctx, memberWriters);
  const patch = UpdateMemberInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const row = await memberForWrite(tx, id);
    const cols = Object.fromEntries(Object.entries(toColumns(patch)).filter(([k, v]) => row[k as keyof MemberRow] !== v)) as Partial<NewMemberRow>;
    const before = toMember(row);
    if (Object.keys(cols).length === 0) return before;
    const org = (await checkRefs(tx, cols)) ?? { id: row.org_id, name: row.org_name };
    if (cols.name !== undefined || cols.org_id !== undefined) await assertNameFree(tx, org, cols.name ?? row.name, id);
    await updateMemberRow(tx.db, id, cols);
    const after = toMember((await findMemberRow(tx.db, id))!);
    await recordAudit(tx, { action: 'member.update', entity: 'member', entityId: id, orgId: after.orgId, before, after });
    return after;
  });
}
