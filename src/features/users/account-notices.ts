import { verifyPassword } from '../../auth/passwords';
import { inScope, requireRole } from '../../auth/scope';
import { accountNoticesBody, type AccountNotice } from '../../documents/account-notices';
import { withTransaction } from '../../db/transaction';
import { roleLabel } from '../../domain/catalog';
import { AppError, invalidField } from '../../errors/app-error';
import { todayInChina } from '../../lib/clock';
import type { Ctx } from '../context';
import type { Printing } from '../documents/print-documents';
import type { Spreadsheet } from '../imports/spreadsheet';
import { importUsers } from './import-users';
import { findUserById } from './users.repository';
import { NoticesInput, type IssuedAccount } from './users.schemas';

export type NoticesPdf = { bytes: Uint8Array; fileName: string; count: number };

async function render(ctx: Ctx, printing: Printing, accounts: AccountNotice[]): Promise<NoticesPdf> {
  const issuedOn = todayInChina(ctx.clock);
  const body = await accountNoticesBody({ issuedOn, issuer: ctx.actor.name, signInUrl: `${printing.publicUrl}/login`, notices: accounts });
  const bytes = await printing.pdf.render({ body, title: `账号开通通知单（${accounts.length} 份）`, footer: `星评 · 账号开通通知单 · ${issuedOn} · 共 ${accounts.length} 份 · 内含初始密码，请妥善保管` });
  return { bytes, fileName: `账号开通通知单-${issuedOn}-${accounts.length}份.pdf`, count: accounts.length };
}

const notice = (a: IssuedAccount): AccountNotice => ({ orgName: a.orgName, displayName: a.displayName, roleLabel: a.roleLabel, login: a.login, initialPassword: a.initialPassword });

/**
 * 开通通知单 for accounts just created or reset: the page sends back each account's initial password, and only
 * one that still opens that account and has not been changed (the forced change is pending) is printed, so
 * this route never prints a password that is not the account's current initial one.
 */
export async function printAccountNotices({ ctx, printing, input }: { ctx: Ctx; printing: Printing; input: unknown }): Promise<NoticesPdf> {
  requireRole(ctx, ['admin']);
  const data = NoticesInput.parse(input);
  const notices: AccountNotice[] = [];
  for (const [i, a] of data.accounts.entries()) {
    const u = await findUserById(ctx.db, a.id);
    if (!u || !inScope(ctx.actor, u.org_path)) throw invalidField(`accounts.${i}.id`, '账号不存在');
    const current = u.must_change_password && u.password_hash !== null && (await verifyPassword(a.initialPassword, u.password_hash));
    if (!current) throw invalidField(`accounts.${i}.initialPassword`, `「${u.login}」的初始密码已修改或不正确，请重新重置密码后再打印`);
    notices.push({ orgName: u.org_name, displayName: u.display_name, roleLabel: roleLabel[u.role], login: u.login, initialPassword: a.initialPassword });
  }
  return render(ctx, printing, notices);
}

/** Import accounts and print their notices at once; a print that fails leaves no account behind (one transaction). */
export async function importUsersWithNotices({ ctx, spreadsheet, printing, file }: { ctx: Ctx; spreadsheet: Spreadsheet; printing: Printing; file: { name: string; bytes: Uint8Array } }): Promise<NoticesPdf> {
  return withTransaction(ctx, async (tx) => {
    const result = await importUsers({ ctx: tx, spreadsheet, file });
    if (result.accounts.length === 0) throw new AppError('import_invalid', '文件中没有数据行', { errors: [] });
    return render(tx, printing, result.accounts.map(notice));
  });
}
