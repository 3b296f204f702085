import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { createKind, exportCatalog, listKinds, retireKind, updateKind } from '../features/catalog/manage-kinds';
import type { CatalogKindItem } from '../features/catalog/catalog.schemas';
import { catalogFileName, catalogJson } from '../rules/catalog';
import type { CliIo, SessionRunner } from './cli-program';
import { defaultRulesDir } from './rule-files';

const periods = ['month', 'quarter', 'year'] as const;
type PeriodOption = (typeof periods)[number] | null;

function periodOption(value: string): PeriodOption {
  if (value === 'none') return null;
  if ((periods as readonly string[]).includes(value)) return value as PeriodOption;
  throw new InvalidArgumentError('应为 month、quarter、year 或 none（不定期）');
}

const line = (k: CatalogKindItem) =>
  [k.code, k.name, k.group, k.periodLabel, k.measureLabel, k.requiresHours ? '须填时长' : '', k.retired ? `已停用（${k.retiredAt!.slice(0, 10)}）` : ''].filter(Boolean).join('\t');

/**
 * `xingping kind …`: the ledger kinds of the catalog (台账记录类型), and `rules catalog`, which exports them to
 * rules/catalog.json for `rules validate` (which opens no database).
 */
export function addKindCommands(program: Command, run: SessionRunner, io: CliIo, cwd: string): void {
  const kind = program.command('kind').description('台账记录类型（目录）：列出、新增、修改、停用；考核细则按编码引用');
  kind
    .command('list')
    .description('列出台账记录类型（含已停用的）')
    .option('--json', '以 JSON 输出')
    .action(async (o: { json?: boolean }) =>
      run(async ({ ctx }) => {
        const { items } = await listKinds({ ctx });
        if (o.json) return io.out(JSON.stringify(items, null, 2));
        for (const k of items) io.out(line(k));
      }),
    );
  kind
    .command('create <code>')
    .description('新增台账记录类型（编码：小写字母、数字和下划线，以字母开头，建立后不能修改）')
    .requiredOption('--name <name>', '名称，如 共建活动')
    .requiredOption('--group <group>', '分组，如 共驻共建')
    .requiredOption('--measure <measure>', 'outcome 衡量成效 | trace 只是留痕（减负校验用）')
    .option('--period <period>', '开展周期：month | quarter | year | none（不定期，默认）', periodOption)
    .option('--hours', '填报时须填写时长（小时）')
    .action(async (code: string, o: { name: string; group: string; measure: string; period?: PeriodOption; hours?: boolean }) =>
      run(async ({ ctx }) => {
        const k = await createKind({ ctx, input: { code, name: o.name, group: o.group, measure: o.measure, period: o.period ?? null, requiresHours: o.hours ?? false } });
        io.out(`已新增台账记录类型：${line(k)}`);
        io.err('考核细则现在可以按编码引用它；请更新 rules/catalog.json：npx xingping rules catalog');
      }),
    );
  kind
    .command('update <code>')
    .description('修改台账记录类型的名称、分组、周期、成效/留痕或是否须填时长（编码不能修改；记入审计日志）')
    .option('--name <name>', '名称')
    .option('--group <group>', '分组')
    .option('--measure <measure>', 'outcome | trace')
    .option('--period <period>', 'month | quarter | year | none', periodOption)
    .option('--hours', '填报时须填写时长')
    .option('--no-hours', '填报时不必填写时长')
    .action(async (code: string, o: { name?: string; group?: string; measure?: string; period?: PeriodOption; hours?: boolean }) =>
      run(async ({ ctx }) => {
        const input = { name: o.name, group: o.group, measure: o.measure, period: o.period, requiresHours: o.hours };
        const k = await updateKind({ ctx, code, input: Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) });
        io.out(`已修改：${line(k)}`);
      }),
    );
  kind
    .command('retire <code>')
    .description('停用台账记录类型：不再接受新记录，已有记录照常计分（类型不会被删除）')
    .action(async (code: string) =>
      run(async ({ ctx }) => {
        const k = await retireKind({ ctx, code });
        io.out(`已停用「${k.name}」（${k.code}）：已有 ${k.records} 条记录，照常计分；不再接受新记录。`);
      }),
    );

  const rules = program.commands.find((c) => c.name() === 'rules')!;
  rules
    .command('catalog')
    .description(`把数据库中的台账记录类型导出为 rules/${catalogFileName}（rules validate 据此校验，不连数据库）`)
    .option('--out <file>', `写到这个文件（默认 rules/${catalogFileName}）`)
    .action(async (o: { out?: string }) =>
      run(async ({ ctx }) => {
        const catalog = await exportCatalog({ ctx });
        const file = o.out ? resolve(cwd, o.out) : join(defaultRulesDir, catalogFileName);
        writeFileSync(file, catalogJson(catalog));
        io.out(`已导出 ${catalog.kinds.length} 个台账记录类型：${file}`);
      }),
    );
}
