import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { Ctx } from '../context';
import { printScorecards, rankingsPdf, type Printing } from '../documents/print-documents';
import { utf8, type ArchiveEntry } from './archive-file';
import { dutyReportAttachments, scoredRoots, yearRows, yearRuleSets, yearTables } from './archive.repository';

/** A name safe in a ZIP on every system: no path separators or characters Windows refuses. */
export const safeName = (name: string) => name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');

/** Every table's rows of the year as `data/<table>.ndjson`, one JSON object a line. */
export async function dataEntries(db: Kysely<Database>, year: number, revisionId: number): Promise<ArchiveEntry[]> {
  const entries: ArchiveEntry[] = [];
  for (const spec of yearTables) {
    const rows = await yearRows(db, spec, year, revisionId);
    entries.push({ path: `data/${spec.table}.ndjson`, bytes: utf8(rows.map((r) => `${r}\n`).join('')), rows: rows.length });
  }
  for (const a of await dutyReportAttachments(db, year)) {
    entries.push({ path: `data/duty_reports/${a.id}-${safeName(a.attachment_name ?? 'attachment')}`, bytes: new Uint8Array(a.attachment!) });
  }
  return entries;
}

/** The rule sets the year was scored by, as files a reader (or `rules validate`) can open. */
export async function ruleEntries(db: Kysely<Database>, year: number, revisionId: number): Promise<ArchiveEntry[]> {
  const sets = await yearRuleSets(db, year, revisionId);
  return sets.map((r) => ({ path: `rules/${safeName(`${r.id}-${r.version}-${r.hash.slice(0, 12)}`)}.json`, bytes: utf8(`${JSON.stringify(r.body, null, 2)}\n`) }));
}

/**
 * The year's printed documents, printed again from the final revision: every scorecard under each top-level
 * organization with a result, and its ranking list. Each is recorded in `documents` as any print is, so its QR
 * code verifies; the rows of earlier prints are in `data/documents.ndjson`.
 */
export async function documentEntries(
  ctx: Ctx,
  year: number,
  revisionId: number,
  printing: Printing,
  onProgress?: (done: number, total: number) => void,
): Promise<ArchiveEntry[]> {
  const entries: ArchiveEntry[] = [];
  const push = (fileName: string, bytes: Uint8Array) => entries.push({ path: `documents/${safeName(fileName)}`, bytes });
  for (const root of await scoredRoots(ctx.db, revisionId)) {
    await printScorecards({ ctx, year, orgId: root.id, subtree: true, printing, onProgress, write: async (doc) => void push(doc.fileName, doc.bytes) });
    const ranks = await rankingsPdf({ ctx, year, orgId: root.id, printing });
    push(ranks.fileName, ranks.bytes);
  }
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The readme at the top of the archive, for whoever opens it years later without this system. */
export function readmeEntry(year: number, revisionId: number, printed: number): ArchiveEntry {
  const text = [
    `星评 ${year} 年度考核结果归档`,
    '',
    `本文件封存 ${year} 年度定档后的考核结果（定档计分版本 #${revisionId}）及其依据：`,
    '- data/：该年度各表的数据，每行一个 JSON 对象（NDJSON），如 scores（得分及每条计分说明）、grades（等次及定级过程）、',
    '  cycle_rule_sets 与 rule_sets（该年度固定使用的考核细则）、appeals（申诉）、corrections（更正）、ledger_records（台账）、',
    '  meetings、checkins、declared_facts、org_records、inspections、评议与双向评价、群众评议票等；',
    '- rules/：该年度使用的考核细则全文；',
    printed > 0
      ? `- documents/：归档时按定档结果重新打印的考核评价表和排名表（共 ${printed} 份 PDF，二维码可在系统中核验）；此前打印过的文件见 data/documents.ndjson；`
      : '- 本归档未包含打印文件（归档时未打印 PDF）；此前打印过的文件见 data/documents.ndjson；',
    '- manifest.json：每个文件的 SHA-256 和字节数，以及总哈希。总哈希在归档时记入了系统的审计日志。',
    '',
    '核验：npx xingping archive verify <本文件>',
    '',
  ].join('\n');
  return { path: '说明.txt', bytes: utf8(text) };
}
