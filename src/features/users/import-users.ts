import { hashPassword, initialPassword } from '../../auth/passwords';
import { inScope, requireRole } from '../../auth/scope';
import type { Role } from '../../db/database';
import { withTransaction } from '../../db/transaction';
import { roleLabel, roles } from '../../domain/catalog';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { importRefused, mapColumns, RowReader, type ColumnDef } from '../imports/sheet-reader';
import type { Spreadsheet, TemplateSpec } from '../imports/spreadsheet';
import { findOrgsByCodes } from '../orgs/orgs.repository';
import { findUsersByLogins, insertUsers } from './users.repository';
import type { IssuedAccount } from './users.schemas';

const columns = [
  { key: 'login', header: '登录名', aliases: ['账号'], required: true },
  { key: 'name', header: '姓名', required: true },
  { key: 'role', header: '角色', required: true },
  { key: 'orgCode', header: '组织编码', aliases: ['所在组织编码'], required: true },
  { key: 'phone', header: '联系电话', aliases: ['手机号', '电话'] },
] as const satisfies readonly ColumnDef[];

type Key = (typeof columns)[number]['key'];
const headers = Object.fromEntries(columns.map((c) => [c.key, c.header])) as Record<Key, string>;
const LOGIN = /^[a-z0-9][a-z0-9._-]*$/;
const PHONE = /^[0-9+\- ]{5,20}$/;

function resolveRole(text: string): Role | undefined {
  return roles.find((r) => r === text || roleLabel[r] === text || (r === 'org_user' && ['书记', '党务工作者'].includes(text)));
}

export function userTemplateSpec(): TemplateSpec {
  const notes: Record<Key, [string, string]> = {
    login: ['唯一登录名：字母、数字和 . _ -（不区分大小写）', 'jq-shequ-wang'],
    name: ['本人姓名', '王建国'],
    role: [`可选：${roles.map((r) => roleLabel[r]).join('、')}`, roleLabel.org_user],
    orgCode: ['账号所属组织的编码（须在您的管辖范围内）', 'XC-01-03'],
    phone: ['联系电话，可不填', '13800000000'],
  };
  return {
    title: '账号导入',
    sheetName: '账号',
    columns: columns.map((c) => ({ header: c.header, width: c.key === 'role' ? 26 : 18, note: notes[c.key][0], example: notes[c.key][1], choices: c.key === 'role' ? roles.map((r) => roleLabel[r]) : undefined })),
  };
}

type Parsed = { row: number; login: string; name: string; role: Role; orgCode: string; phone: string | null };

function readRows(sheet: Awaited<ReturnType<Spreadsheet['read']>>, r: RowReader): Parsed[] {
  const index = mapColumns(sheet, columns);
  const parsed: Parsed[] = [];
  for (const row of sheet.rows) {
    const login = r.text(row, 'login', index.login, { required: true, max: 64 })?.toLowerCase() ?? null;
    if (login && (login.length < 2 || !LOGIN.test(login))) r.add(row, 'login', login, '只能包含字母、数字和 . _ -，以字母或数字开头，至少 2 个字符');
    const name = r.text(row, 'name', index.name, { required: true, max: 40 });
    const roleText = r.text(row, 'role', index.role, { required: true });
    const role = roleText ? resolveRole(roleText) : undefined;
    if (roleText && !role) r.add(row, 'role', roleText, `未知的角色，可选：${roles.map((x) => roleLabel[x]).join('、')}`);
    const orgCode = r.text(row, 'orgCode', index.orgCode, { required: true, max: 40 });
    const phone = r.text(row, 'phone', index.phone, { max: 20 });
    if (phone && !PHONE.test(phone)) r.add(row, 'phone', phone, '电话号码格式不正确');
    // A row with a bad cell still takes part in the reference checks (every error at once); nothing is written then.
    if (login && orgCode) parsed.push({ row: row.rowNumber, login, name: name ?? '', role: role ?? 'org_user', orgCode, phone });
  }
  return parsed;
}

/**
 * Imports accounts from a sheet: every row is checked, duplicates and references included, and every error
 * reported at once; nothing is written unless all rows are right. Each account gets an initial password, to
 * be changed at first sign-in, returned once for the 开通通知单.
 */
export async function importUsers({ ctx, spreadsheet, file }: { ctx: Ctx; spreadsheet: Spreadsheet; file: { name: string; bytes: Uint8Array } }): Promise<{ imported: number; accounts: IssuedAccount[] }> {
  requireRole(ctx, ['admin']);
  const sheet = await spreadsheet.read(file.bytes, file.name);
  const r = new RowReader(headers);
  const parsed = readRows(sheet, r);
  const orgs = new Map((await findOrgsByCodes(ctx.db, parsed.map((p) => p.orgCode))).map((o) => [o.code, o]));
  const taken = new Set((await findUsersByLogins(ctx.db, parsed.map((p) => p.login))).map((u) => u.login));
  const firstRow = new Map<string, number>();
  for (const p of parsed) {
    const org = orgs.get(p.orgCode);
    if (!org || !inScope(ctx.actor, org.path)) r.add(p.row, 'orgCode', p.orgCode, org ? '该组织不在您的管辖范围内' : '系统中没有该编码的组织');
    if (taken.has(p.login)) r.add(p.row, 'login', p.login, '登录名已被使用');
    else if (firstRow.has(p.login)) r.add(p.row, 'login', p.login, `与第 ${firstRow.get(p.login)} 行的登录名重复`);
    else firstRow.set(p.login, p.row);
  }
  if (r.errors.length > 0) throw importRefused(r.errors, sheet.rows.length);

  const passwords = parsed.map(() => initialPassword());
  const hashes = await Promise.all(passwords.map((pw) => hashPassword(pw)));
  return withTransaction(ctx, async (tx) => {
    const inserted = await insertUsers(
      tx.db,
      parsed.map((p, i) => ({ login: p.login, display_name: p.name, role: p.role, org_id: orgs.get(p.orgCode)!.id, phone: p.phone, password_hash: hashes[i]!, must_change_password: true, created_by: ctx.actor.id })),
    );
    const ids = new Map(inserted.map((u) => [u.login, u.id]));
    await recordAudit(
      tx,
      parsed.map((p) => ({ action: 'user.import', entity: 'user', entityId: ids.get(p.login)!, orgId: orgs.get(p.orgCode)!.id, after: { login: p.login, displayName: p.name, role: p.role, file: file.name } })),
    );
    const accounts = parsed.map((p, i) => ({ id: ids.get(p.login)!, login: p.login, displayName: p.name, role: p.role, roleLabel: roleLabel[p.role], orgName: orgs.get(p.orgCode)!.name, initialPassword: passwords[i]! }));
    return { imported: accounts.length, accounts };
  });
}
