import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { migrateDown, migrateToLatest } from '../db/migrate';
import type { Deps } from '../deps';
import { seedDemo } from '../demo/seed-demo';
import { AppError } from '../errors/app-error';
import { toAppError } from '../errors/http';
import type { Ctx } from '../features/context';
import { importLedger } from '../features/imports/import-ledger';
import { importOrgs } from '../features/imports/import-orgs';
import { importTemplate } from '../features/imports/import-templates';
import type { RowError } from '../features/imports/sheet-reader';
import { createToken, listApiTokens, revokeApiToken } from '../features/tokens/create-token';
import { createCycle, listCycles, transitionCycle } from '../features/cycles/manage-cycles';
import { listCycleScores } from '../features/scoring/get-scorecard';
import { exportResults } from '../features/scoring/export-results';
import { previewRuleSet, publishRuleSet } from '../features/scoring/preview-rules';
import { contentHash, exportInForce, importRuleFiles } from '../features/rulesets/rules-in-force';
import { finalizeCycle, publishCycle } from '../features/cycles/cycle-life';
import { scoreCycle } from '../features/scoring/score-cycle';
import { bookPdf, printScorecards, rankingsPdf } from '../features/documents/print-documents';
import { todayInChina } from '../lib/clock';
import { parseJsonText } from '../lib/text-input';
import { formatCode } from '../auth/codes';
import { importPaperSheets } from '../features/reviews/import-paper';
import { addRaters, listSessions, sessionResults, transitionSession } from '../features/reviews/review-sessions';
import { listTwoway } from '../features/twoway/twoway.service';
import { cycleStateLabel } from '../domain/catalog';
import { RuleSetError } from '../rules/compile';
import { ruleSetRegistry } from '../rules/registry';
import { runExamples } from '../scoring/run';
import { addBackupCommands } from './cli-backup';
import { addCampaignCommands } from './cli-campaign';
import { addWorkerCommand } from './cli-worker';
import { addAssessCommands } from './cli-assess';
import { addKindCommands } from './cli-kind';
import { addUserCommands } from './cli-user';
import { catalogOf, compileFiles, defaultRulesDir, notRuleFiles, readCatalogFile, ruleFiles } from './rule-files';

export type Session = { ctx: Ctx; deps: Deps };
/** Runs a command body with a database session: opened for the call, or the running server's own. */
export type SessionRunner = <T>(fn: (s: Session) => Promise<T>) => Promise<T>;
/** The runner of commands that need no database: asking it for a session is a bug. */
export const noDatabase: SessionRunner = () => Promise.reject(new Error('此命令不使用数据库'));
/** Commands that read only files (rule files): run without a database, so any number may run at once, beside a server. */
const offline = new WeakSet<Command>();
/** Where a command writes: the terminal, or a running server's control socket relaying to one. */
export type CliIo = {
  out(text: string): void;
  err(text: string): void;
  progress(step: string, done: number, total: number): void;
};

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('应为正整数');
  return n;
}

/** Files are read and written relative to the directory the user ran the command in (`cwd`). */
function readUpload(cwd: string, file: string) {
  return { name: basename(file), bytes: new Uint8Array(readFileSync(resolve(cwd, file))) };
}

/** A draft rule file read as JSON; bad JSON is the user's error, named with the file. */
function readDraft(cwd: string, file: string): unknown {
  const parsed = parseJsonText(readFileSync(resolve(cwd, file), 'utf8'));
  if (!parsed.ok) throw new AppError('validation_failed', `${file} 不是有效的 JSON：${parsed.message}`);
  return parsed.value;
}

/** The rule files a command names (default: all of rules/), without the schema and the catalog that `rules/*.json` also matches. */
function namedRuleFiles(cwd: string, files: readonly string[]): string[] {
  return files.length > 0 ? files.map((f) => resolve(cwd, f)).filter((f) => !notRuleFiles.includes(basename(f))) : ruleFiles(defaultRulesDir);
}

/** The kinds rule files are checked against without a database: `--catalog FILE`, else rules/catalog.json (or the seed). */
function offlineCatalog(cwd: string, file: string | undefined) {
  return { catalog: file === undefined ? catalogOf() : readCatalogFile(resolve(cwd, file)) };
}

/** The `xingping` command tree. Pure wiring: every command calls a service verb through the runner. */
export function buildProgram(run: SessionRunner, io: CliIo, cwd: string): Command {
  const program = new Command('xingping')
    .description('星评：城市基层党建考评系统')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .showHelpAfterError();

  program
    .command('migrate')
    .description('执行数据库迁移（默认迁移到最新）')
    .option('--down', '回退最近一次迁移')
    .action(async (o: { down?: boolean }) =>
      run(async ({ deps }) => {
        const result = o.down ? await migrateDown(deps.db) : await migrateToLatest(deps.db);
        const done = result.results ?? [];
        io.out(done.length === 0 ? '数据库已是最新。' : done.map((r) => `${r.direction === 'Up' ? '已迁移' : '已回退'}：${r.migrationName}`).join('\n'));
      }),
    );

  const token = program.command('token').description('管理访问令牌');
  token
    .command('create')
    .description('创建访问令牌（只显示一次）')
    .option('--user <login>', '令牌代表的账号（以该账号的角色和组织访问）')
    .option('--role <role>', '不指定账号时：为令牌新建一个脚本账号，角色 admin | leader | org_user | reviewer')
    .option('--org <id>', '脚本账号所属组织（默认为唯一的顶级组织）', positiveInt)
    .option('--name <name>', '令牌名称')
    .action(async (o: { user?: string; role?: string; org?: number; name?: string }) =>
      run(async ({ ctx }) => {
        const t = await createToken({ ctx, input: { login: o.user, role: o.role, orgId: o.org, name: o.name } });
        io.err(`已创建令牌 #${t.id}「${t.name}」，代表账号 ${t.login}（角色 ${t.role}，所属组织 ${t.orgId} ${t.orgName}）。令牌只显示这一次：`);
        io.out(t.token);
      }),
    );
  token
    .command('list')
    .description('列出令牌（不含令牌本身）')
    .action(async () =>
      run(async ({ ctx }) => {
        for (const t of await listApiTokens({ ctx })) {
          io.out(`#${t.id}\t${t.login}\t${t.role}\t${t.org_id} ${t.org_name}\t${t.name}\t${t.token_prefix}…${t.revoked_at ? '\t已吊销' : ''}`);
        }
      }),
    );
  token
    .command('revoke <id>')
    .description('吊销令牌')
    .action(async (id: string) =>
      run(async ({ ctx }) => {
        await revokeApiToken({ ctx, id: positiveInt(id) });
        io.out(`令牌 #${id} 已吊销。`);
      }),
    );

  const cycle = program.command('cycle').description('管理考核周期');
  cycle
    .command('list')
    .description('列出考核周期')
    .action(async () =>
      run(async ({ ctx }) => {
        for (const c of (await listCycles({ ctx })).items) io.out(`${c.year}\t${c.stateLabel}`);
      }),
    );
  cycle
    .command('create <year>')
    .description('新建考核周期（草稿）')
    .action(async (year: string) =>
      run(async ({ ctx }) => {
        const c = await createCycle({ ctx, input: { year: positiveInt(year) } });
        io.out(`已新建 ${c.year} 年度考核周期（${c.stateLabel}）。`);
      }),
    );
  cycle
    .command('transition <year> <state>')
    .description('推进考核周期状态：collecting（台账填报中）或 reviewing（年度评议中）')
    .action(async (year: string, state: string) =>
      run(async ({ ctx }) => {
        const c = await transitionCycle({ ctx, year: positiveInt(year), input: { to: state } });
        io.out(`${c.year} 年度考核周期现在是「${c.stateLabel}」。`);
      }),
    );

  cycle
    .command('publish <year>')
    .description('公示计分结果，开始申诉期')
    .option('--appeal-days <n>', '申诉期天数', positiveInt, 7)
    .action(async (year: string, o: { appealDays: number }) =>
      run(async ({ ctx }) => {
        const r = await publishCycle({ ctx, year: positiveInt(year), input: { appealDays: o.appealDays } });
        io.out(`${r.year} 年度结果已公示（${r.publishedOn}），申诉期至 ${r.appealDeadline}。`);
      }),
    );
  cycle
    .command('finalize <year>')
    .description('定档：申诉期满且申诉处理完毕后锁定结果')
    .action(async (year: string) =>
      run(async ({ ctx }) => {
        const r = await finalizeCycle({ ctx, year: positiveInt(year) });
        io.out(`${r.year} 年度已定档（定档计分版本 #${r.finalRevisionId}）。`);
      }),
    );

  const review = program.command('review').description('述职评议（书记述职、轮值主席履责述评）');
  review
    .command('list')
    .description('列出述职评议')
    .option('--cycle <year>', '考核年度', positiveInt)
    .action(async (o: { cycle?: number }) =>
      run(async ({ ctx }) => {
        for (const s of (await listSessions({ ctx, input: { year: o.cycle } })).items) {
          const raters = s.groups.map((g) => `${g.label} ${g.used}/${g.raters}`).join('，');
          io.out(`#${s.id}\t${s.year}\t${s.stateLabel}\t${s.title}\t被评议 ${s.subjects.length} 个\t已评/评议人：${raters}`);
        }
      }),
    );
  for (const [name, to, done] of [['open', 'open', '已开始'], ['close', 'closed', '已结束']] as const) {
    review
      .command(`${name} <id>`)
      .description(name === 'open' ? '开始评议（考核周期须为“年度评议中”）' : '结束评议，之后可查看结果、计入计分')
      .action(async (id: string) =>
        run(async ({ ctx }) => {
          const s = await transitionSession({ ctx, id: positiveInt(id), input: { to } });
          io.out(`评议 #${s.id}「${s.title}」${done}。`);
        }),
      );
  }
  review
    .command('codes <id>')
    .description('为一个评议群体生成一次性评议码（只显示这一次，请打印或分发后妥善处置）')
    .requiredOption('--group <key>', '评议群体编号，如 superior、delegate、unit、public')
    .requiredOption('--count <n>', '生成多少个', positiveInt)
    .option('--subjects <ids>', '这些评议码只评议的组织编号，逗号分隔（如“本单位”只评本单位的书记）；不给则评议全部', (v: string) => v.split(',').map((x) => positiveInt(x.trim())))
    .action(async (id: string, o: { group: string; count: number; subjects?: number[] }) =>
      run(async ({ ctx }) => {
        const r = await addRaters({ ctx, id: positiveInt(id), input: { group: o.group, codes: o.count, subjectOrgIds: o.subjects } });
        for (const c of r.codes) io.out(formatCode(c));
        io.err(`已为「${r.group}」生成 ${r.added} 个评议码；评议人打开 /r/评议码 即可评议。库中只保存哈希，无法再次显示。`);
      }),
    );
  review
    .command('import <id> <file>')
    .description('导入纸质评议表（.xlsx 或 .csv：票号、评议群体、组织编码、各评议项目；任一行有误则全部不写入）')
    .action(async (id: string, file: string) =>
      run(async ({ ctx, deps }) => {
        const r = await importPaperSheets({ ctx, id: positiveInt(id), spreadsheet: deps.spreadsheet, file: readUpload(cwd, file) });
        io.out(`已导入纸质评议表 ${r.imported} 张（${r.votes} 条评议）。`);
      }),
    );
  review
    .command('results <id>')
    .description('评议结果：每个被评议组织、每个评议群体的总体评价票数（不少于 3 张才显示）')
    .option('--json', '输出 JSON')
    .action(async (id: string, o: { json?: boolean }) =>
      run(async ({ ctx }) => {
        const r = await sessionResults({ ctx, id: positiveInt(id) });
        if (o.json) return io.out(JSON.stringify(r, null, 2));
        io.out(r.title);
        for (const s of r.subjects) {
          const groups = s.groups.map((g) => {
            const overall = g.items.overall ?? {};
            return `${g.label} ${g.sheets} 张${g.shown ? `（${Object.entries(overall).map(([a, n]) => `${a} ${n}`).join('、')}）` : '（不足 3 张，不显示）'}`;
          });
          io.out(`${s.orgName}\t共 ${s.sheets} 张\t${groups.join('；')}`);
        }
      }),
    );

  program
    .command('twoway')
    .description('双向评价')
    .command('list')
    .description('列出一个年度各共建协议两个方向的评价总分（— 为尚未评价）')
    .option('--cycle <year>', '考核年度（默认去年）', positiveInt)
    .action(async (o: { cycle?: number }) =>
      run(async ({ ctx, deps }) => {
        const year = o.cycle ?? Number(todayInChina(deps.clock).slice(0, 4)) - 1;
        const { items } = await listTwoway({ ctx, year });
        io.out(`协议\t社区\t共建单位\t社区评单位\t单位评社区`);
        for (const r of items) io.out(`#${r.agreementId}\t${r.communityName}\t${r.unitName}\t${r.unitReceived ?? '—'}\t${r.communityReceived ?? '—'}`);
        const missing = items.filter((r) => r.unitReceived === null || r.communityReceived === null).length;
        io.err(`${year} 年度共建协议 ${items.length} 份，其中 ${missing} 份缺少至少一个方向的评价。`);
      }),
    );

  program
    .command('export')
    .description('导出评定结果（Excel：各类别排名、等次、结果运用、后进名单）')
    .option('--cycle <year>', '考核年度（默认去年）', positiveInt)
    .requiredOption('--out <file>', '保存到')
    .action(async (o: { cycle?: number; out: string }) =>
      run(async ({ ctx, deps }) => {
        const year = o.cycle ?? Number(todayInChina(deps.clock).slice(0, 4)) - 1;
        const r = await exportResults({ ctx, year, spreadsheet: deps.spreadsheet });
        writeFileSync(resolve(cwd, o.out), r.bytes);
        io.out(`已导出：${o.out}`);
      }),
    );

  program
    .command('print')
    .description('打印 PDF：一个组织的考核评价表，或一个组织下属全部的评价表与排名表（--book 合订为一册）')
    .option('--cycle <year>', '考核年度（默认去年）', positiveInt)
    .option('--org <id>', '一个组织', positiveInt)
    .option('--subtree <id>', '该组织及其下属全部组织', positiveInt)
    .requiredOption('--out <dir>', '保存到的目录')
    .option('--book', '与 --subtree 一起：合订为一册（封面、目录、连续页码），并附排名表')
    .action(async (o: { cycle?: number; org?: number; subtree?: number; out: string; book?: boolean }) =>
      run(async ({ ctx, deps }) => {
        if ((o.org === undefined) === (o.subtree === undefined)) throw new AppError('validation_failed', '请指定 --org 或 --subtree 之一');
        if (o.book && o.subtree === undefined) throw new AppError('validation_failed', '--book 需要与 --subtree 一起使用');
        const year = o.cycle ?? Number(todayInChina(deps.clock).slice(0, 4)) - 1;
        const dir = resolve(cwd, o.out);
        mkdirSync(dir, { recursive: true });
        const fileOf = (name: string) => join(dir, name.replace(/[\\/:*?"<>|]/g, '_'));
        const started = Date.now();
        const printing = deps.printing;
        if (/^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(printing.publicUrl)) {
          io.err(`提示：未设置 XINGPING_PUBLIC_URL，文件上的二维码指向 ${printing.publicUrl}，只能在本机打开核验页`);
        }
        if (o.book) {
          io.progress('合订本', 0, 1);
          const book = await bookPdf({ ctx, year, orgId: o.subtree!, printing });
          await writeFile(fileOf(book.fileName), book.bytes);
          io.progress('合订本', 1, 1);
          const ranks = await rankingsPdf({ ctx, year, orgId: o.subtree!, printing });
          await writeFile(fileOf(ranks.fileName), ranks.bytes);
          io.out(`已生成合订本（${book.docIds.length} 份评价表）和排名表，用时 ${((Date.now() - started) / 1000).toFixed(1)} s：${o.out}`);
          return;
        }
        const { count } = await printScorecards({
          ctx,
          year,
          orgId: (o.org ?? o.subtree)!,
          subtree: o.subtree !== undefined,
          printing,
          write: (doc) => writeFile(fileOf(doc.fileName), doc.bytes),
          onProgress: (done, total) => io.progress('考核评价表', done, total),
        });
        if (o.subtree !== undefined) {
          const ranks = await rankingsPdf({ ctx, year, orgId: o.subtree, printing });
          await writeFile(fileOf(ranks.fileName), ranks.bytes);
        }
        io.out(`已生成 ${count} 份考核评价表${o.subtree !== undefined ? '和排名表' : ''}，用时 ${((Date.now() - started) / 1000).toFixed(1)} s：${o.out}`);
      }),
    );

  const rules = program.command('rules').description('考核细则（规则文件）');
  rules
    .command('validate [files...]')
    .description('校验规则文件（默认 rules/ 下全部）：错误时以非 0 退出，并指出文件、JSON 路径、期望和实际；台账记录类型按 rules/catalog.json 核对，不连数据库')
    .option('--catalog <file>', '台账记录类型目录（默认 rules/catalog.json，由 rules catalog 从数据库导出）')
    .action(async (files: string[], o: { catalog?: string }) => {
      const list = namedRuleFiles(cwd, files);
      const { compiled, issues } = await compileFiles(list, offlineCatalog(cwd, o.catalog));
      for (const c of compiled) {
        for (const w of c.warnings) io.err(`警告：${w.file} ${w.path}：${w.message}`);
        io.out(`通过：${c.file}（${c.ruleSet.title} ${c.ruleSet.version}，内容哈希 ${c.hash.slice(0, 12)}）`);
      }
      for (const i of issues) io.err(`错误：${i.file} ${i.path}：${i.message}${i.expected ? `；期望：${i.expected}` : ''}${i.found ? `；实际：${i.found}` : ''}`);
      if (issues.length > 0) throw new AppError('validation_failed', `${issues.length} 处错误`);
      try {
        ruleSetRegistry(compiled);
      } catch (e) {
        if (e instanceof RuleSetError) throw new AppError('validation_failed', e.message);
        throw e;
      }
    });
  rules
    .command('test [files...]')
    .description('运行规则文件中的示例（事实 → 期望得分），逐项核对到 0.01')
    .option('--catalog <file>', '台账记录类型目录（默认 rules/catalog.json）')
    .action(async (files: string[], o: { catalog?: string }) => {
      const list = namedRuleFiles(cwd, files);
      const { compiled, issues } = await compileFiles(list, offlineCatalog(cwd, o.catalog));
      for (const i of issues) io.err(`错误：${i.file} ${i.path}：${i.message}`);
      let failed = issues.length;
      for (const c of compiled) {
        for (const o of await runExamples(c)) {
          if (o.ok) io.out(`通过：${c.file}「${o.name}」总分 ${o.result.total}`);
          else {
            failed += 1;
            io.err(`未通过：${c.file}「${o.name}」\n  ${o.mismatches.join('\n  ')}`);
          }
        }
      }
      if (failed > 0) throw new AppError('validation_failed', `${failed} 项未通过`);
    });

  // Rule files only: these never call `run`, and cli.ts runs them without the database (see needsDatabase).
  for (const name of ['validate', 'test']) offline.add(rules.commands.find((c) => c.name() === name)!);
  rules
    .command('preview <file>')
    .description('用草稿细则重算一个年度（不保存得分）：等次分布前后对比、等次会变化的每个组织及原因')
    .option('--cycle <year>', '考核年度（默认去年）', positiveInt)
    .option('--json', '以 JSON 输出')
    .action(async (file: string, o: { cycle?: number; json?: boolean }) =>
      run(async ({ ctx, deps }) => {
        const year = o.cycle ?? Number(todayInChina(deps.clock).slice(0, 4)) - 1;
        const draft = readDraft(cwd, file);
        const r = await previewRuleSet({ ctx, year, draft, ruleSets: deps.ruleSets });
        if (o.json) return io.out(JSON.stringify(r, null, 2));
        io.out(`预览 #${r.previewId}：${r.ruleSet.title} ${r.ruleSet.version}（${r.ruleSet.hash.slice(0, 12)}）用于 ${year} 年度`);
        io.out(`  修改前：${Object.entries(r.before).map(([k, v]) => `${k} ${v}`).join('，')}`);
        io.out(`  修改后：${Object.entries(r.after).map(([k, v]) => `${k} ${v}`).join('，')}`);
        io.out(`  等次变化的组织：${r.changes.length} 个`);
        for (const c of r.changes) io.out(`    ${c.code} ${c.name}：${c.before.grade ?? '无'} → ${c.after.grade ?? '无'}（${c.why.join('；')}）`);
        for (const w of r.warnings) io.out(`  提示：${w}`);
        io.out(`发布这一版本：npx xingping rules publish ${file} --cycle ${year} --preview ${r.previewId}`);
      }),
    );
  rules
    .command('publish <file>')
    .description('把新版本细则用于一个年度（该年度已有结果时须先预览，并给出预览编号）')
    .option('--cycle <year>', '考核年度（默认去年）', positiveInt)
    .option('--preview <id>', '预览编号', positiveInt)
    .action(async (file: string, o: { cycle?: number; preview?: number }) =>
      run(async ({ ctx, deps }) => {
        const year = o.cycle ?? Number(todayInChina(deps.clock).slice(0, 4)) - 1;
        const draft = readDraft(cwd, file);
        const r = await publishRuleSet({ ctx, year, draft, previewId: o.preview, ruleSets: deps.ruleSets });
        io.out(`${year} 年度的${r.categories.join('、')}今后按 ${r.ruleSet.id} ${r.ruleSet.version} 计分；请重新计分：npx xingping score --cycle ${year}`);
      }),
    );

  rules
    .command('import <files...>')
    .description('把规则文件导入为草稿（不发布）：已是存储的版本或已有草稿的文件不重复导入；在“考核细则”页面或用 rules publish 发布')
    .action(async (files: string[]) =>
      run(async ({ ctx }) => {
        const read = files.map((f) => {
          try {
            return { name: basename(f), text: readFileSync(resolve(cwd, f), 'utf8') };
          } catch {
            throw new AppError('validation_failed', `${f}：文件无法读取`);
          }
        });
        for (const r of await importRuleFiles({ ctx, files: read })) {
          if (r.outcome === 'stored') io.out(`未导入：${r.file} 与已存储的版本（${r.hash!.slice(0, 12)}）内容相同`);
          else if (r.outcome === 'drafted') io.out(`未导入：${r.file} 已有相同内容的草稿${r.draftId ? ` #${r.draftId}` : ''}`);
          else io.out(`已导入：${r.file} → 草稿 #${r.draftId}${r.hash ? `（通过校验，内容哈希 ${r.hash.slice(0, 12)}）` : `（未通过校验，${r.issues.filter((i) => i.severity === 'error').length} 处问题）`}`);
          for (const i of r.issues) io.err(`${i.severity === 'error' ? '错误' : '警告'}：${r.file}${i.line === null ? '' : ` 第 ${i.line} 行`} ${i.path}：${i.message}`);
        }
      }),
    );
  rules
    .command('export')
    .description('把数据库中现行的各版细则写成规则文件（<id>.json，$schema 在前），默认写到 rules/；内容未变的文件不改写')
    .option('--dir <dir>', '写到的目录（默认 rules/）')
    .action(async (o: { dir?: string }) =>
      run(async ({ ctx, deps }) => {
        const dir = o.dir === undefined ? defaultRulesDir : resolve(cwd, o.dir);
        mkdirSync(dir, { recursive: true });
        for (const f of await exportInForce({ ctx, ruleSets: deps.ruleSets })) {
          const path = join(dir, f.name);
          const old = existsSync(path) ? await contentHash(readFileSync(path, 'utf8')) : null;
          if (old === f.hash) {
            io.out(`未变：${path}（${f.title} ${f.version}）`);
            continue;
          }
          writeFileSync(path, f.text);
          io.out(`已写出：${path}（${f.title} ${f.version}，内容哈希 ${f.hash.slice(0, 12)}）`);
        }
      }),
    );

  program
    .command('score')
    .description('按现行细则（数据库中的版本，已用于该年度的按其版本）为一个考核年度计分，生成新的计分版本')
    .option('--cycle <year>', '考核年度（默认去年）', positiveInt)
    .option('--json', '以 JSON 输出每个组织的得分')
    .option('--note <note>', '本次计分的说明')
    .option('--changed', '只重算上次计分以来数据有变化的组织（增量版本）；不能增量时自动全部重算')
    .action(async (o: { cycle?: number; json?: boolean; note?: string; changed?: boolean }) =>
      run(async ({ ctx, deps }) => {
        const year = o.cycle ?? Number(todayInChina(deps.clock).slice(0, 4)) - 1;
        const s = await scoreCycle({ ctx, year, ruleSets: deps.ruleSets, note: o.note, progress: io.progress, changed: o.changed === true });
        if (o.json) {
          io.out(JSON.stringify({ ...s, scores: (await listCycleScores({ ctx, year })).items }, null, 2));
          return;
        }
        io.out(`${year} 年度计分完成：计分版本 #${s.revisionId}，共 ${s.organizations} 个组织，考核周期现为「${cycleStateLabel[s.state]}」。`);
        if (s.baseRevisionId !== null) io.out(`  增量计分：重算了数据有变化的 ${s.rescored} 个组织，其余 ${s.organizations - s.rescored} 个沿用上一计分版本的结果（本版本只保存与计分版本 #${s.baseRevisionId} 不同的部分）。`);
        else if (o.changed) io.out('  本次不能增量计分（首次计分、细则或上一年度结果有变、变动范围过大等），已全部重算。');
        for (const c of s.categories) {
          io.out(`  ${c.ruleSet}：${c.organizations} 个（参加评定 ${c.assessed} 个），平均 ${c.mean}，最低 ${c.min}，最高 ${c.max}`);
          if (c.grades) io.out(`    等次：${Object.entries(c.grades).map(([k, v]) => `${k} ${v}`).join('，')}`);
        }
        for (const w of s.warnings) io.out(`  提示：${w}`);
      }),
    );

  program
    .command('seed-demo')
    .description('生成演示区县数据（确定性，可重复）')
    .option('--scale <n>', '规模倍数（10 为十倍，用于性能测试）', positiveInt, 1)
    .option('--seed <seed>', '随机种子', 'xingping')
    .option('--reset', '先清空所有数据（包括令牌）再生成')
    .action(async (o: { scale: number; seed: string; reset?: boolean }) =>
      run(async ({ ctx }) => {
        const started = Date.now();
        const s = await seedDemo(ctx, o, io.progress);
        io.out(
          `演示数据已生成（${((Date.now() - started) / 1000).toFixed(1)} s）：组织 ${s.organizations}，党员 ${s.members}，` +
            `共建协议 ${s.agreements}，台账 ${s.ledgerRecords}，会议 ${s.meetings}，报到与服务 ${s.checkins}，述职评议票 ${s.reviewVotes}，双向评价 ${s.twowayEvaluations}，群众评议票 ${s.ballots}；` +
            `考核年度 ${s.cycles.map((c) => c.year).join('、')}`,
        );
      }),
    );

  addCampaignCommands(program, run, io, cwd);
  addUserCommands(program, run, io, cwd);
  addKindCommands(program, run, io, cwd);
  addAssessCommands(program, run, io);
  addBackupCommands(program, run, io, cwd);
  addWorkerCommand(program, run, io);

  const imports = program.command('import').description('从 .xlsx 或 .csv 导入（全部成功或全部不写入）');
  imports
    .command('orgs <file>')
    .description('导入组织')
    .action(async (file: string) =>
      run(async ({ ctx, deps }) => {
        const r = await importOrgs({ ctx, spreadsheet: deps.spreadsheet, file: readUpload(cwd, file) });
        io.out(`已导入组织 ${r.imported} 个。`);
      }),
    );
  imports
    .command('ledger <file>')
    .description('导入台账记录')
    .action(async (file: string) =>
      run(async ({ ctx, deps }) => {
        const r = await importLedger({ ctx, spreadsheet: deps.spreadsheet, file: readUpload(cwd, file) });
        io.out(`已导入台账记录 ${r.imported} 条。`);
      }),
    );
  imports
    .command('template <target>')
    .description('下载导入模板：orgs 或 ledger')
    .requiredOption('--out <file>', '保存到')
    .option('--format <format>', 'xlsx 或 csv', 'xlsx')
    .action(async (target: string, o: { out: string; format: string }) =>
      run(async ({ ctx, deps }) => {
        if (target !== 'orgs' && target !== 'ledger') throw new AppError('validation_failed', '模板只能是 orgs 或 ledger');
        if (o.format !== 'xlsx' && o.format !== 'csv') throw new AppError('validation_failed', '格式只能是 xlsx 或 csv');
        const t = await importTemplate({ ctx, spreadsheet: deps.spreadsheet, target, format: o.format });
        writeFileSync(resolve(cwd, o.out), t.bytes);
        io.out(`模板已保存：${o.out}`);
      }),
    );
  return program;
}

/**
 * Whether a command line needs the database (and so the embedded data folder, or the server holding it): not for
 * the offline commands (`rules validate`, `rules test`), help, or a command group or unknown command, which only
 * print help or an error.
 */
export function needsDatabase(argv: readonly string[]): boolean {
  if (argv.includes('--help') || argv.includes('-h')) return false;
  const silent: CliIo = { out: () => {}, err: () => {}, progress: () => {} };
  let command = buildProgram(noDatabase, silent, '.');
  for (const word of argv) {
    if (word.startsWith('-')) continue;
    const sub = command.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (!sub) break;
    command = sub;
  }
  return command.commands.length === 0 && !offline.has(command);
}

/**
 * Runs one command line; returns the exit code. Errors become Chinese messages on stderr (with every bad
 * row of an import), never a stack trace, except for internal errors.
 */
export async function runCommand(argv: readonly string[], run: SessionRunner, io: CliIo, cwd: string): Promise<number> {
  try {
    await buildProgram(run, io, cwd).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (err) {
    if (err && typeof err === 'object' && 'exitCode' in err && 'code' in err && String(err.code).startsWith('commander.')) {
      return Number(err.exitCode);
    }
    if (err && typeof err === 'object' && 'code' in err && err.code === 'ENOENT' && 'path' in err) {
      io.err(`错误：找不到文件 ${String(err.path)}`);
      return 1;
    }
    const e = toAppError(err);
    if (e.code === 'internal') {
      io.err(`错误：${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return 1;
    }
    io.err(`错误：${e.message}`);
    const rows = (e.details as { errors?: RowError[] } | undefined)?.errors;
    for (const r of rows ?? []) io.err(`  第 ${r.row} 行「${r.column}」：${r.value ?? ''} ${r.message}`);
    return 1;
  }
}
