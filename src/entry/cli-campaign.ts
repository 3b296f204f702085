import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { AppError } from '../errors/app-error';
import { importPaperBallots } from '../features/imports/import-ballots';
import { listOrgs } from '../features/orgs/list-orgs';
import { createCampaign, listCampaigns, transitionCampaign } from '../features/ratings/campaigns.service';
import { issueBallotCodes, printBallotCards } from '../features/ratings/issue-codes';
import { defaultAnswers } from '../features/ratings/ratings.schemas';
import { campaignResults, listFlags, voidBallot } from '../features/ratings/review-ballots';
import { positiveInt, type CliIo, type SessionRunner } from './cli-program';

const list = (value: string) => value.split(/[,，、]/).map((s) => s.trim()).filter(Boolean);

/** `key:label` pairs, e.g. "service:服务群众,overall:总体评价". */
function items(value: string) {
  return list(value).map((pair) => {
    const [key, label] = pair.split(/[:：]/);
    if (!key || !label) throw new InvalidArgumentError(`评议项目「${pair}」应写成 编号:名称`);
    return { key, label };
  });
}

/** `xingping campaign …`: resident rating campaigns from the command line, each command one service verb. */
export function addCampaignCommands(program: Command, run: SessionRunner, io: CliIo, cwd: string): void {
  const campaign = program.command('campaign').description('群众评议活动：发放一次性评议码、异常标记、作废、结果');
  campaign
    .command('list')
    .description('列出评议活动')
    .option('--cycle <year>', '考核年度', positiveInt)
    .action(async (o: { cycle?: number }) =>
      run(async ({ ctx }) => {
        for (const c of (await listCampaigns({ ctx, year: o.cycle })).items) io.out(`#${c.id}\t${c.year}\t${c.stateLabel}\t${c.title}\t${c.opensOn} 至 ${c.closesOn}`);
      }),
    );
  campaign
    .command('create')
    .description('创建评议活动（草稿），评议对象可逐个列出或按组织类型选取')
    .requiredOption('--cycle <year>', '考核年度', positiveInt)
    .requiredOption('--org <id>', '组织评议的党组织', positiveInt)
    .requiredOption('--title <title>', '名称')
    .requiredOption('--items <list>', '评议项目：编号:名称,…（如 service:服务群众,overall:总体评价）', items)
    .option('--subject <subject>', 'org 评议党组织（默认）；project 评议本年度已销号的共建项目（--targets 为项目编号）', 'org')
    .option('--targets <ids>', '评议对象的组织编号（或项目编号），逗号分隔', list)
    .option('--targets-kind <kind>', '或：组织之下该类型的全部组织（如 community、grid）')
    .option('--answers <list>', '答案选项，逗号分隔', list, defaultAnswers)
    .option('--groups <list>', '评议群体，逗号分隔', list, ['居民'])
    .requiredOption('--opens <date>', '开始日期 YYYY-MM-DD')
    .requiredOption('--closes <date>', '结束日期 YYYY-MM-DD')
    .action(async (o: { cycle: number; org: number; title: string; subject: string; items: { key: string; label: string }[]; targets?: string[]; targetsKind?: string; answers: string[]; groups: string[]; opens: string; closes: string }) =>
      run(async ({ ctx }) => {
        let targets = (o.targets ?? []).map(positiveInt);
        if (o.targetsKind) targets = (await listOrgs({ ctx, input: { kind: o.targetsKind, under: o.org, limit: 1000 } })).items.map((x) => x.id);
        if (targets.length === 0) throw new AppError('validation_failed', '请用 --targets 或 --targets-kind 给出评议对象');
        const c = await createCampaign({ ctx, input: { year: o.cycle, orgId: o.org, title: o.title, subject: o.subject, items: o.items, answers: o.answers, raterGroups: o.groups, targets, opensOn: o.opens, closesOn: o.closes } });
        io.out(`已创建评议活动 #${c.id}「${c.title}」（${c.stateLabel}），评议对象 ${c.targets?.length ?? 0} 个。开始评议：npx xingping campaign open ${c.id}`);
      }),
    );
  for (const [name, action, text] of [['open', 'open', '开始评议'], ['close', 'close', '结束评议（结束后结果计入考核）']] as const) {
    campaign
      .command(`${name} <id>`)
      .description(text)
      .action(async (id: string) =>
        run(async ({ ctx }) => {
          const c = await transitionCampaign({ ctx, id: positiveInt(id), action });
          io.out(`评议活动 #${c.id}「${c.title}」现在是「${c.stateLabel}」。`);
        }),
      );
  }
  campaign
    .command('codes <id>')
    .description('为一个评议对象和评议群体发放一次性评议码，保存为可打印的二维码卡片（.pdf 或 .html）或 JSON；明码只出现在这个文件里')
    .option('--org <id>', '评议对象的组织编号', positiveInt)
    .option('--project <id>', '或：评议对象的项目编号（评议共建项目的活动）', positiveInt)
    .option('--group <group>', '评议群体', '居民')
    .requiredOption('--count <n>', '数量', positiveInt)
    .option('--expires <date>', '有效期至（默认为评议结束日期）')
    .requiredOption('--out <file>', '保存到（.pdf、.html 或 .json）')
    .action(async (id: string, o: { org?: number; project?: number; group: string; count: number; expires?: string; out: string }) =>
      run(async ({ ctx, deps }) => {
        const input = { targetOrgId: o.org, targetProjectId: o.project, raterGroup: o.group, count: o.count, expiresOn: o.expires };
        const publicUrl = deps.ballots.publicUrl;
        let batch;
        if (o.out.endsWith('.json')) {
          batch = await issueBallotCodes({ ctx, id: positiveInt(id), input, publicUrl });
          writeFileSync(resolve(cwd, o.out), JSON.stringify(batch, null, 2), { mode: 0o600 });
        } else {
          const format = o.out.endsWith('.html') ? 'html' : 'pdf';
          const out = await printBallotCards({ ctx, id: positiveInt(id), input, publicUrl, format, pdf: deps.printing.pdf });
          batch = out.batch;
          writeFileSync(resolve(cwd, o.out), out.html ?? out.pdf!, { mode: 0o600 });
        }
        io.out(`已发放 ${batch.codes.length} 个评议码（${batch.orgName}，${batch.raterGroup}，有效期至 ${batch.expiresOn}），保存在 ${o.out}。库中只存哈希，请妥善保管此文件。`);
      }),
    );
  campaign
    .command('flags <id>')
    .description('异常标记：同一来源集中提交、答案雷同，列出涉及的评议票编号')
    .option('--burst-count <n>', '同一来源在时间窗内达到的票数', positiveInt, 5)
    .option('--burst-minutes <n>', '时间窗（分钟）', positiveInt, 10)
    .option('--pattern-count <n>', '同一对象答案完全相同的票数', positiveInt, 8)
    .option('--pattern-minutes <n>', '时间窗（分钟）', positiveInt, 60)
    .action(async (id: string, o: { burstCount: number; burstMinutes: number; patternCount: number; patternMinutes: number }) =>
      run(async ({ ctx }) => {
        const { items: flags } = await listFlags({ ctx, id: positiveInt(id), query: o });
        if (flags.length === 0) io.out('没有异常标记。');
        for (const f of flags) io.out(`${f.kind === 'burst' ? '集中提交' : '答案雷同'}：${f.description}（${f.firstAt} — ${f.lastAt}）\n  评议票：${f.ballotIds.join('、')}${f.voidedIds.length ? `；已作废：${f.voidedIds.join('、')}` : ''}`);
      }),
    );
  campaign
    .command('void <id> <ballotId>')
    .description('作废一张评议票（须说明理由，记入审计日志）')
    .requiredOption('--reason <reason>', '理由')
    .action(async (id: string, ballotId: string, o: { reason: string }) =>
      run(async ({ ctx }) => {
        await voidBallot({ ctx, id: positiveInt(id), ballotId: positiveInt(ballotId), input: { reason: o.reason } });
        io.out(`评议票 ${ballotId} 已作废。`);
      }),
    );
  campaign
    .command('import <id> <file>')
    .description('导入纸质评议票（.xlsx 或 .csv：评议对象编码、评议群体、每个评议项目一列；任一行有误则全部不写入）')
    .action(async (id: string, file: string) =>
      run(async ({ ctx, deps }) => {
        const r = await importPaperBallots({ ctx, id: positiveInt(id), spreadsheet: deps.spreadsheet, file: { name: basename(file), bytes: new Uint8Array(readFileSync(resolve(cwd, file))) } });
        io.out(`已导入纸质评议票 ${r.imported} 张。`);
      }),
    );
  campaign
    .command('results <id>')
    .description('评议结果：评议结束且达到最低样本的对象显示各项汇总')
    .option('--json', '以 JSON 输出')
    .action(async (id: string, o: { json?: boolean }) =>
      run(async ({ ctx, deps }) => {
        const r = await campaignResults({ ctx, id: positiveInt(id), ruleSets: deps.ruleSets });
        if (o.json) return io.out(JSON.stringify(r, null, 2));
        for (const t of r.targets) {
          io.out(`${t.name}：有效票 ${t.validBallots} 张${t.note ? `，${t.note}` : ''}`);
          for (const item of t.items) io.out(`  ${item.label}：${item.answers.map((a) => `${a.answer} ${a.count}（${a.share}%）`).join('，')}`);
        }
      }),
    );
}
