import type { Kysely } from 'kysely';
import type { CycleState, Database, OrgKind } from '../../src/db/database';
import { defaultCategory } from '../../src/domain/catalog';
import { cliActor, type Ctx } from '../../src/features/context';
import { insertOrgRows, type NewOrgRow } from '../../src/features/orgs/orgs.repository';
import type { OrgRow } from '../../src/features/orgs/orgs.model';
import { createToken as createTokenVerb } from '../../src/features/tokens/create-token';
import { systemClock } from '../../src/lib/clock';
import type { Role } from '../../src/db/database';
import { hashPassword } from '../../src/auth/passwords';

let counter = 0;
const run = `${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}`;

/** A code no other suite or run uses. */
export function uniqueCode(prefix = 'T'): string {
  counter += 1;
  return `${prefix}${run}-${counter}`;
}

export function cliCtx(db: Kysely<Database>): Ctx {
  return { actor: cliActor(), db, clock: systemClock, requestId: null };
}

/** An organization with unique code; parent optional (a new top-level district without one). */
export async function createOrg(
  db: Kysely<Database>,
  overrides: Partial<NewOrgRow> & { kind?: OrgKind } = {},
): Promise<OrgRow> {
  const kind = overrides.kind ?? 'district';
  const code = overrides.code ?? uniqueCode();
  const [row] = await insertOrgRows(db, [
    {
      code,
      name: overrides.name ?? `测试组织${code}`,
      kind,
      category: overrides.category === undefined ? defaultCategory[kind] : overrides.category,
      parent_id: overrides.parent_id ?? null,
      secretary_name: overrides.secretary_name ?? '张三',
      member_count: overrides.member_count ?? 20,
      active_from: overrides.active_from ?? '1900-01-01',
      active_to: overrides.active_to ?? null,
    },
  ]);
  return row!;
}

export type Tree = {
  district: OrgRow;
  street: OrgRow;
  community: OrgRow;
  grid: OrgRow;
  grid2: OrgRow;
  sector: OrgRow;
  unit: OrgRow;
};

/**
 * A small district of its own: district → street → community → two grids, and a sector with one unit.
 * Every name carries `label` and a number unique to the run, so one tree's names never appear in another's.
 */
export async function createTree(db: Kysely<Database>, label = '测试'): Promise<Tree> {
  const n = uniqueCode('').replace(/[^0-9a-z]/gi, '');
  const district = await createOrg(db, { kind: 'district', name: `${label}区委${n}` });
  const street = await createOrg(db, { kind: 'street', parent_id: district.id, name: `${label}街道党工委${n}` });
  const community = await createOrg(db, { kind: 'community', parent_id: street.id, name: `${label}社区党委${n}` });
  const grid = await createOrg(db, { kind: 'grid', parent_id: community.id, name: `${label}第一网格党支部${n}` });
  const grid2 = await createOrg(db, { kind: 'grid', parent_id: community.id, name: `${label}第二网格党支部${n}` });
  const sector = await createOrg(db, { kind: 'sector', parent_id: district.id, name: `${label}驻区单位党建联盟${n}` });
  const unit = await createOrg(db, { kind: 'unit', parent_id: sector.id, name: `${label}供电局党支部${n}` });
  return { district, street, community, grid, grid2, sector, unit };
}

/** A bearer token for a role bound to an organization. */
export async function createToken(db: Kysely<Database>, role: Role, orgId: number): Promise<string> {
  const t = await createTokenVerb({ ctx: cliCtx(db), input: { role, orgId } });
  return t.token;
}

/**
 * A cycle in a year no other suite uses (1900–1999, picked at random and retried), so suites sharing a
 * PostgreSQL database never fight over a year's state.
 */
export async function createCycle(db: Kysely<Database>, state: CycleState = 'collecting'): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const year = 1900 + Math.floor(Math.random() * 100);
    const inserted = await db
      .insertInto('cycles')
      .values({ year, state })
      .onConflict((oc) => oc.column('year').doNothing())
      .returning('year')
      .executeTakeFirst();
    if (inserted) return inserted.year;
  }
  throw new Error('no free cycle year left between 1900 and 1999');
}

export async function createMember(
  db: Kysely<Database>,
  values: { org_id: number; name?: string; in_service?: boolean; residence_community_id?: number | null; employer_org_id?: number | null },
) {
  return db
    .insertInto('members')
    .values({
      name: values.name ?? '李四',
      org_id: values.org_id,
      employer_name: null,
      employer_org_id: values.employer_org_id ?? null,
      residence_community_id: values.residence_community_id ?? null,
      in_service: values.in_service ?? false,
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
}

/**
 * A person account with a password (no forced change unless asked), bound to an organization. Returns its
 * login and id; the password is the one given (default a valid one).
 */
export async function createUser(
  db: Kysely<Database>,
  values: { role: Role; orgId: number; password?: string; mustChange?: boolean; login?: string; displayName?: string },
): Promise<{ id: number; login: string; password: string }> {
  const password = values.password ?? 'Test-pass-2026';
  const login = values.login ?? uniqueCode('u').toLowerCase();
  const row = await db
    .insertInto('users')
    .values({ login, display_name: values.displayName ?? `测试用户${login}`, role: values.role, org_id: values.orgId, password_hash: await hashPassword(password), must_change_password: values.mustChange ?? false, created_by: 'test' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, login, password };
}
