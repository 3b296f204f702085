import { AppError } from '../../errors/app-error';
import { withTransaction } from '../../db/transaction';
import type { Ctx } from '../context';
import { importNeeds } from '../cobuilding/import-needs';
import { importResources } from '../cobuilding/import-resources';
import { importUsers } from '../users/import-users';
import { importLedger } from './import-ledger';
import { importMembers } from './import-members';
import { importOrgs } from './import-orgs';
import type { RowError } from './sheet-reader';
import type { Spreadsheet } from './spreadsheet';

export const importTargets = ['ledger', 'orgs', 'members', 'users', 'needs', 'resources'] as const;
export type ImportTarget = (typeof importTargets)[number];

type Upload = { name: string; bytes: Uint8Array };
type Verb = (args: { ctx: Ctx; spreadsheet: Spreadsheet; file: Upload }) => Promise<{ imported: number }>;

/** The all-or-nothing import verb of each target. */
export const importVerbs: Record<ImportTarget, Verb> = { ledger: importLedger, orgs: importOrgs, members: importMembers, users: importUsers, needs: importNeeds, resources: importResources };

/** Thrown to roll back a dry run whatever it wrote. */
class DryRun extends Error {}

/** Runs an import in a transaction that is always rolled back; the errors it found, or [] when the file would import. */
async function dryRunErrors(ctx: Ctx, run: (tx: Ctx) => Promise<unknown>): Promise<RowError[]> {
  let errors: RowError[] = [];
  try {
    await withTransaction(ctx, async (tx) => {
      try {
        await run(tx);
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== 'import_invalid') throw e;
        errors = ((e.details as { errors?: RowError[] } | undefined)?.errors ?? []) as RowError[];
        if (errors.length === 0) throw e;
      }
      throw new DryRun();
    });
  } catch (e) {
    if (!(e instanceof DryRun)) throw e;
  }
  return errors;
}

/**
 * The annotated copy of an uploaded sheet: the import is checked exactly as a real one (same verb, same
 * checks, in a transaction that is rolled back), and every error is written into the sheet where it is
 * (错误说明 column, bad cells filled red). A file without errors is answered as such, not annotated.
 */
export async function annotateImport({
  ctx,
  spreadsheet,
  target,
  file,
}: {
  ctx: Ctx;
  spreadsheet: Spreadsheet;
  target: ImportTarget;
  file: Upload;
}): Promise<{ bytes: Uint8Array; fileName: string; errorCount: number }> {
  const errors = await dryRunErrors(ctx, (tx) => importVerbs[target]({ ctx: tx, spreadsheet, file }));
  if (errors.length === 0) throw new AppError('validation_failed', '该文件检查通过，没有需要标注的错误，可以直接导入', { field: 'file' });
  // Reading again cannot fail where the import read it (an unreadable file was refused above), except for
  // uncalculated formulas, which the annotator marks in the workbook as it is.
  const sheet = await spreadsheet.read(file.bytes, file.name).catch(() => ({ headers: [], rows: [] }));
  const base = file.name.replace(/\.(xlsx|csv)$/i, '') || '导入文件';
  return { bytes: await spreadsheet.annotate(file.bytes, sheet, errors), fileName: `${base}（错误标注）.xlsx`, errorCount: errors.length };
}
