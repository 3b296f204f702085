import { requireRole } from '../../auth/scope';
import { withTransaction } from '../../db/transaction';
import { todayInChina } from '../../lib/clock';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { importRefused, RowReader } from '../imports/sheet-reader';
import type { Sheet, Spreadsheet } from '../imports/spreadsheet';
import type { OrgRow } from '../orgs/orgs.model';
import { findOrgsByCodes } from '../orgs/orgs.repository';

/** The label → code of a choice column (类型, 来源, 紧急程度), as the template's choice lists show them. */
export const codeOf = <T extends Record<string, string>>(labels: T) => new Map(Object.entries(labels).map(([code, label]) => [label, code as keyof T & string]));

/** A choice cell read as its code: the fallback when empty (required when there is none), refused when not a label. */
export function choice<T extends string>(r: RowReader, row: Sheet['rows'][number], key: string, index: number | undefined, map: Map<string, T>, fallback: T | null): T | null {
  const v = r.text(row, key, index, { required: fallback === null });
  if (v === null) return fallback;
  const code = map.get(v);
  if (code === undefined) r.add(row, key, v, `应为${[...map.keys()].join('、')}之一`);
  return code ?? fallback;
}

type Upload = { name: string; bytes: Uint8Array };

/** One list's import: its cells read, the organization codes it names, the checks on them, and one row's write. */
export type ListImport<P, R> = {
  /** The list's row kind: audited as cobuilding.<noun>.import on cb_<noun>. */
  noun: 'need' | 'resource';
  headers: Record<string, string>;
  parse: (sheet: Sheet, r: RowReader, today: string) => P[];
  codes: (parsed: readonly P[]) => string[];
  check: (tx: Ctx, r: RowReader, parsed: P[], orgs: Map<string, OrgRow>) => Promise<R[]>;
  /** Writes a row; its id, organization and the audit's after. */
  insert: (tx: Ctx, row: R) => Promise<{ id: number; orgId: number; after: object }>;
};

/**
 * A list from a sheet, all or nothing: every row is checked (cells, then organizations and cycles) before anything is
 * written; one bad row and nothing is written, the error listing every bad row. Each row is audited as entered by hand.
 */
export async function importList<P, R>(ctx: Ctx, spreadsheet: Spreadsheet, file: Upload, list: ListImport<P, R>): Promise<{ imported: number }> {
  requireRole(ctx, ['admin', 'org_user']);
  const sheet = await spreadsheet.read(file.bytes, file.name);
  const r = new RowReader(list.headers);
  const parsed = list.parse(sheet, r, todayInChina(ctx.clock));
  return withTransaction(ctx, async (tx) => {
    const orgs = new Map((await findOrgsByCodes(tx.db, list.codes(parsed))).map((o) => [o.code, o]));
    const rows = await list.check(tx, r, parsed, orgs);
    if (r.errors.length > 0) throw importRefused(r.errors, sheet.rows.length);
    const noun = list.noun;
    for (const row of rows) {
      const w = await list.insert(tx, row);
      await recordAudit(tx, { action: `cobuilding.${noun}.import`, entity: `cb_${noun}`, entityId: w.id, orgId: w.orgId, after: { ...w.after, file: file.name } });
    }
    return { imported: rows.length };
  });
}
