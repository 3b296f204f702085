import { ledgerWriters, requireRole } from '../../auth/scope';
import type { Ctx } from '../context';
import { needsTemplateSpec } from '../cobuilding/import-needs';
import { resourcesTemplateSpec } from '../cobuilding/import-resources';
import { ledgerTemplateSpec } from './import-ledger';
import { memberTemplateSpec } from './import-members';
import { orgTemplateSpec } from './import-orgs';
import type { ImportTarget } from './annotate-import';
import { userTemplateSpec } from '../users/import-users';
import type { Spreadsheet } from './spreadsheet';

const contentTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

/** The blank sheet to fill in for an import, with the columns, notes and choice lists it expects. */
export async function importTemplate({
  ctx,
  spreadsheet,
  target,
  format,
}: {
  ctx: Ctx;
  spreadsheet: Spreadsheet;
  target: ImportTarget;
  format: 'xlsx' | 'csv';
}): Promise<{ bytes: Uint8Array; fileName: string; contentType: string }> {
  requireRole(ctx, target === 'ledger' || target === 'needs' || target === 'resources' ? ledgerWriters : ['admin']);
  const specs = { ledger: () => ledgerTemplateSpec(ctx), orgs: () => orgTemplateSpec(ctx), members: memberTemplateSpec, users: userTemplateSpec, needs: needsTemplateSpec, resources: resourcesTemplateSpec };
  const spec = await specs[target]();
  return {
    bytes: await spreadsheet.template(spec, format),
    fileName: `${spec.title}模板.${format}`,
    contentType: contentTypes[format],
  };
}
