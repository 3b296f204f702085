import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { importUsersWithNotices, printAccountNotices } from '../features/users/account-notices';
import { importUsers } from '../features/users/import-users';
import { accountIdByLogin, createUserAccount, listUserAccounts, resetUserPassword, setUserDisabled } from '../features/users/manage-users';
import type { IssuedAccount } from '../features/users/users.schemas';
import { positiveInt, type CliIo, type SessionRunner } from './cli-program';

const issuedLine = (a: IssuedAccount) => `${a.login}\t${a.displayName}\t${a.roleLabel}\t${a.orgName}\t${a.initialPassword}`;

/** `xingping user …`: personal accounts from the command line (the CLI acts as the administrator of everything). */
export function addUserCommands(program: Command, run: SessionRunner, io: CliIo, cwd: string): void {
  const user = program.command('user').description('账号：新建、列出、停用、重置密码、从 Excel 导入（打印开通通知单）');
  user
    .command('create')
    .description('新建账号，显示一次初始密码（首次登录须修改）')
    .requiredOption('--login <login>', '登录名（字母、数字和 . _ -）')
    .requiredOption('--name <name>', '姓名')
    .requiredOption('--role <role>', '角色：admin | leader | org_user | reviewer')
    .requiredOption('--org <id>', '所属组织编号', positiveInt)
    .option('--phone <phone>', '联系电话')
    .option('--password <password>', '指定初始密码（默认随机生成）')
    .option('--out <file>', '同时打印开通通知单 PDF')
    .action(async (o: { login: string; name: string; role: string; org: number; phone?: string; password?: string; out?: string }) =>
      run(async ({ ctx, deps }) => {
        const a = await createUserAccount({ ctx, input: { login: o.login, displayName: o.name, role: o.role, orgId: o.org, phone: o.phone, password: o.password } });
        io.err(`已创建账号 #${a.id}「${a.displayName}」（${a.roleLabel}，${a.orgName}）。初始密码只显示这一次，首次登录须修改：`);
        io.out(issuedLine(a));
        if (o.out) await writeNotices(cwd, o.out, await printAccountNotices({ ctx, printing: deps.printing, input: { accounts: [{ id: a.id, initialPassword: a.initialPassword }] } }), io);
      }),
    );
  user
    .command('list')
    .description('列出账号')
    .option('--org <id>', '只列出该组织的账号', positiveInt)
    .option('--q <text>', '按登录名、姓名或组织名称搜索')
    .action(async (o: { org?: number; q?: string }) =>
      run(async ({ ctx }) => {
        const { items, total } = await listUserAccounts({ ctx, query: { orgId: o.org, q: o.q, limit: 1000 } });
        for (const u of items) {
          const state = [u.kind === 'script' ? '脚本账号' : '', u.disabled ? '已停用' : '', u.locked ? '已锁定' : '', u.mustChangePassword ? '待改密码' : ''].filter(Boolean).join('，');
          io.out(`#${u.id}\t${u.login}\t${u.displayName}\t${u.roleLabel}\t${u.orgName}${state ? `\t${state}` : ''}`);
        }
        if (total > items.length) io.err(`共 ${total} 个，只列出前 ${items.length} 个；请用 --org 或 --q 缩小范围。`);
      }),
    );
  for (const [name, disabled, text] of [['disable', true, '停用'], ['enable', false, '启用']] as const) {
    user
      .command(`${name} <login>`)
      .description(disabled ? '停用账号（会话结束，令牌吊销）' : '启用账号')
      .action(async (login: string) =>
        run(async ({ ctx }) => {
          const u = await setUserDisabled({ ctx, id: await accountIdByLogin({ ctx, login }), disabled });
          io.out(`账号「${u.login}」已${text}。`);
        }),
      );
  }
  user
    .command('reset-password <login>')
    .description('重置密码：显示一次新的初始密码，账号的全部会话结束')
    .option('--out <file>', '同时打印开通通知单 PDF')
    .action(async (login: string, o: { out?: string }) =>
      run(async ({ ctx, deps }) => {
        const a = await resetUserPassword({ ctx, id: await accountIdByLogin({ ctx, login }) });
        io.err(`已重置「${a.login}」的密码。新的初始密码只显示这一次，登录后须修改：`);
        io.out(issuedLine(a));
        if (o.out) await writeNotices(cwd, o.out, await printAccountNotices({ ctx, printing: deps.printing, input: { accounts: [{ id: a.id, initialPassword: a.initialPassword }] } }), io);
      }),
    );
  user
    .command('import <file>')
    .description('从 .xlsx/.csv 导入账号（登录名、姓名、角色、组织编码、联系电话）；任一行有误则全部不写入')
    .option('--out <file>', '把全部开通通知单打印成一个 PDF（不在终端显示密码）')
    .action(async (file: string, o: { out?: string }) =>
      run(async ({ ctx, deps }) => {
        const upload = { name: basename(file), bytes: new Uint8Array(readFileSync(resolve(cwd, file))) };
        if (o.out) {
          await writeNotices(cwd, o.out, await importUsersWithNotices({ ctx, spreadsheet: deps.spreadsheet, printing: deps.printing, file: upload }), io);
          return;
        }
        const r = await importUsers({ ctx, spreadsheet: deps.spreadsheet, file: upload });
        io.err(`已导入 ${r.imported} 个账号。初始密码只显示这一次（登录名、姓名、角色、组织、初始密码）：`);
        for (const a of r.accounts) io.out(issuedLine(a));
      }),
    );
}

async function writeNotices(cwd: string, out: string, pdf: { bytes: Uint8Array; count: number }, io: CliIo) {
  writeFileSync(resolve(cwd, out), pdf.bytes);
  io.err(`已打印 ${pdf.count} 份账号开通通知单：${out}（内含初始密码，请妥善保管）`);
}
