import { type Command } from 'commander';
import { getOrgAssessments, listAssessmentProgress, putAssessment, setSelfAssessmentWindow } from '../features/assessments/assessments.service';
import type { OrgAssessments } from '../features/assessments/assessments.schemas';
import { positiveInt, type CliIo, type SessionRunner } from './cli-program';

function year(value: string): number {
  return positiveInt(value);
}

const line = (i: OrgAssessments['items'][number]) =>
  [i.indicator, i.title, `满分 ${i.max}`, `自评 ${i.self?.points ?? '—'}`, `上级评定 ${i.review?.points ?? '—'}`, i.difference === null ? '' : `差额 ${i.difference}`].filter(Boolean).join('\t');

/**
 * `xingping assess …`: two-stage scoring (自评 + 上级评定). The command line acts for the whole database, so it
 * enters paper forms: a self-score for any organization (still only between the self-assessment dates) and a
 * superior's score.
 */
export function addAssessCommands(program: Command, run: SessionRunner, io: CliIo): void {
  const assess = program.command('assess').description('自评与上级评定：自评时间、进度、查看与填报分数');
  assess
    .command('window <year>')
    .description('设置自评时间（含开始和截止当日）')
    .requiredOption('--opens <date>', '开始日期 YYYY-MM-DD')
    .requiredOption('--closes <date>', '截止日期 YYYY-MM-DD')
    .action(async (y: string, o: { opens: string; closes: string }) =>
      run(async ({ ctx }) => {
        const w = await setSelfAssessmentWindow({ ctx, year: year(y), input: { opens: o.opens, closes: o.closes } });
        io.out(`${y} 年度${w.text}`);
      }),
    );
  assess
    .command('list <year>')
    .description('需要自评和上级评定的组织及其进度')
    .option('--status <status>', 'notStarted 未自评 | selfInProgress 自评中 | awaitingReview 待上级评定 | reviewed 已评定')
    .action(async (y: string, o: { status?: string }) =>
      run(async ({ ctx, deps }) => {
        const r = await listAssessmentProgress({ ctx, year: year(y), input: { status: o.status, limit: 500 }, ruleSets: deps.ruleSets });
        for (const p of r.items) io.out([p.orgId, p.orgName, p.statusLabel, `自评 ${p.selfDone}/${p.indicators}`, `上级评定 ${p.reviewDone}/${p.indicators}`].join('\t'));
        io.err(`共 ${r.total} 个组织${r.total > r.items.length ? `，列出前 ${r.items.length} 个` : ''}`);
      }),
    );
  assess
    .command('show <year> <orgId>')
    .description('一个组织各指标的自评分、上级评定分和差额')
    .option('--json', '以 JSON 输出')
    .action(async (y: string, orgId: string, o: { json?: boolean }) =>
      run(async ({ ctx, deps }) => {
        const a = await getOrgAssessments({ ctx, year: year(y), orgId: positiveInt(orgId), ruleSets: deps.ruleSets });
        if (o.json) return io.out(JSON.stringify(a, null, 2));
        io.out(`${a.orgName}（${a.ruleSet.title}）：${a.window.text}`);
        for (const i of a.items) io.out(line(i));
      }),
    );
  for (const half of ['self', 'review'] as const) {
    assess
      .command(`${half} <year> <orgId> <indicator> <points>`)
      .description(half === 'self' ? '填报自评分（纸质自评表的录入；在自评时间内）' : '填报上级评定分')
      .option('--note <text>', half === 'self' ? '自评说明' : '评定说明（与自评不同的理由）')
      .action(async (y: string, orgId: string, indicator: string, points: string, o: { note?: string }) =>
        run(async ({ ctx, deps }) => {
          const a = await putAssessment({ ctx, year: year(y), orgId: positiveInt(orgId), indicator, half, input: { points, note: o.note }, ruleSets: deps.ruleSets });
          const item = a.items.find((i) => i.indicator === indicator)!;
          io.out(`已填报：${a.orgName}\t${line(item)}`);
        }),
      );
  }
}
