import { ruleSetByHash } from '../scoring/rule-set-cache';
import QRCode from 'qrcode';
import { readers, requireRole } from '../../auth/scope';
import { AppError, notFound } from '../../errors/app-error';
import type { DocumentTemplates } from '../../documents/templates';
import type { PdfJob, PdfRenderer } from '../../documents/pdf';
import {
  evaluationFacts,
  feedbackLetterContent,
  rankingsContent,
  RANKINGS_VERSION,
  reviewSheetContent,
  scorecardContent,
  scorecardView,
  type DocumentStamp,
  type ScorecardContent,
  type ScorecardSource,
} from '../../documents/view-models';
import { RuleSet } from '../../rules/rule-set.schema';
import { notAssessedLabelOf, type ScoreResult } from '../../scoring/evaluate';
import type { Ctx } from '../context';
import { todayInChina } from '../../lib/clock';
import { getSession, sessionResults } from '../reviews/review-sessions';
import { getFeedback, getTwoway } from '../twoway/twoway.service';
import { findCycle } from '../cycles/cycles.repository';
import { orgForRead } from '../orgs/org-access';
import { ranksVisible, requireResultsVisible } from '../scoring/get-scorecard';
import { reasonOf } from '../scoring/grade-reasons';
import { findRevision, findRuleSetBody, latestRevision, revisionResults } from '../scoring/scores.repository';
import type { Database, DocumentTable } from '../../db/database';
import type { Insertable, Kysely } from 'kysely';
import { findDocument, insertDocuments, ruleSetBodies, scorecardRows, type ScorecardRow } from './documents.repository';
import { withTransaction } from '../../db/transaction';
import { recordAudit } from '../audit/record-audit';

/** What printing needs from the outside: compiled templates, a PDF renderer and the public address for QR codes. */
export type Printing = { templates: DocumentTemplates; pdf: PdfRenderer; publicUrl: string };

export type PrintedDocument = { title: string; fileName: string; bytes: Uint8Array; docIds: string[] };

type Revision = { id: number; kind: 'compute' | 'correction'; created_at: Date };

/** The revision documents print: the final one once finalized, the newest before. */
export async function resultsRevision(db: Kysely<Database>, year: number): Promise<Revision | undefined> {
  const cycle = await findCycle(db, year);
  if (!cycle) throw notFound(`${year} 年度考核周期`, 'year');
  return cycle.final_revision_id !== null ? findRevision(db, cycle.final_revision_id) : latestRevision(db, year);
}

async function revisionFor(ctx: Ctx, year: number): Promise<Revision> {
  requireRole(ctx, readers);
  await requireResultsVisible(ctx, year);
  const revision = await resultsRevision(ctx.db, year);
  if (!revision) throw notFound(`${year} 年度的计分结果`, 'year');
  return revision;
}

const createdOn = (r: Revision) => todayInChina({ now: () => r.created_at });

/** Turns stored rows into scorecard sources, parsing each rule set once. */
async function scorecardSources(db: Kysely<Database>, year: number, revision: Revision, rows: readonly ScorecardRow[]): Promise<ScorecardSource[]> {
  const bodies = await ruleSetBodies(db, [...new Set(rows.map((r) => r.rule_set_hash))]);
  const sets = new Map(
    bodies.map((b) => {
      const rs = RuleSet.parse(b.body);
      return [b.hash, { rs, titles: new Map(rs.parts.map((p) => [p.id, p.title])), evaluations: evaluationFacts(rs) }];
    }),
  );
  return rows.map((r) => {
    const { rs, titles, evaluations } = sets.get(r.rule_set_hash)!;
    return {
      org: {
        id: r.org_id,
        code: r.code,
        name: r.name,
        categoryLabel: r.category_label ?? r.category,
        parentName: r.parent_name,
        secretary: r.secretary_name,
      },
      year,
      revision: { id: revision.id, kind: revision.kind, createdOn: createdOn(revision) },
      result: r.result as ScoreResult,
      formula: rs.total.formula.replace(/[A-Za-z_][\w]*/g, (id) => titles.get(id) ?? id),
      totalMax: String(rs.total.max),
      scale: rs.grading ? { grades: rs.grading.grades } : null,
      evaluationFacts: evaluations,
      grade:
        r.grade_label !== null || r.rank_category !== null
          ? {
              grade: r.grade,
              label: r.grade_label,
              rankCategory: r.rank_category,
              rankParent: r.rank_parent,
              lagging: r.lagging ?? false,
              move: r.move,
              detail: r.detail as NonNullable<ScorecardSource['grade']>['detail'],
            }
          : null,
    };
  });
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The content hash printed on a document and compared by /verify: SHA-256 of its content model without the
 * revision's name, so a new revision that leaves this organization's figures alone does not outdate its paper.
 */
export const contentHash = (content: { revision: unknown }) => sha256(JSON.stringify({ ...content, revision: null }));

function newDocId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function stamp(printing: Printing, content: { revision: unknown }): Promise<DocumentStamp> {
  const docId = newDocId();
  const verifyUrl = `${printing.publicUrl.replace(/\/$/, '')}/verify/${docId}`;
  const qr = await QRCode.toString(verifyUrl, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
  return { docId, verifyUrl, qr, contentHash: (await contentHash(content)).slice(0, 16) };
}

/**
 * A scorecard's or ranking list's footer line, in Chinese: the rule set by its title and version (a ranking list
 * by its year), the document id and the content hash /verify checks. Presentation only: not in the content hash.
 */
function footer(year: number, content: { ruleSet?: { title: string; version: string } }, s: DocumentStamp): string {
  const basis = content.ruleSet ? `${content.ruleSet.title} ${content.ruleSet.version}` : `${year} 年度`;
  return `星评 · ${basis} · 文件编号 ${s.docId} · 校验码 ${s.contentHash}`;
}

export type Issued = { stamp: DocumentStamp; content: ScorecardContent; source: ScorecardSource };

/**
 * Records printed documents (their ids and content hashes, for /verify) with one audit row naming what was
 * printed, by whom and under which organization, in one transaction.
 */
async function recordIssued(ctx: Ctx, scope: { id: number }, rows: Insertable<DocumentTable>[]) {
  await withTransaction(ctx, async (tx) => {
    await insertDocuments(tx.db, rows);
    const first = rows[0]!;
    await recordAudit(tx, {
      action: 'documents.print',
      entity: 'document',
      entityId: first.id,
      orgId: scope.id,
      after: { kind: first.kind, year: first.cycle_year, revisionId: first.revision_id, count: rows.length, ids: rows.map((r) => r.id) },
    });
  });
}

async function issueScorecards(ctx: Ctx, printing: Printing, scope: { id: number }, year: number, revision: Revision, sources: ScorecardSource[]): Promise<Issued[]> {
  const issued: Issued[] = [];
  for (const source of sources) {
    const content = scorecardContent(source);
    issued.push({ source, content, stamp: await stamp(printing, content) });
  }
  await recordIssued(
    ctx,
    scope,
    issued.map((d) => ({
      id: d.stamp.docId,
      kind: 'scorecard' as const,
      cycle_year: year,
      org_id: d.source.org.id,
      revision_id: revision.id,
      content_hash: d.stamp.contentHash,
      title: `${year} 年度考核评价表 · ${d.source.org.name}`,
      created_by: ctx.actor.name,
    })),
  );
  return issued;
}

/** The annual scorecard (年度考核评价表) of one organization as a PDF. */
export async function scorecardPdf({ ctx, year, orgId, printing }: { ctx: Ctx; year: number; orgId: number; printing: Printing }): Promise<PrintedDocument> {
  const { issued } = await issueScorecardsOf({ ctx, year, orgId, subtree: false, printing });
  const doc = issued[0]!;
  // The paper shows ranks to whom the page shows them (DECISIONS.md, `showRankTo`); its content hash keeps them.
  const rs = await ruleSetByHash(ctx.db, doc.content.ruleSet.hash);
  const shown = rs ? ranksVisible(ctx, rs) : false;
  return renderScorecard(printing, shown ? doc : { ...doc, content: { ...doc.content, grade: { ...doc.content.grade, ranks: [] } } });
}

/** The print job of one issued scorecard (exported for bench/pdf.ts). */
export function scorecardJob(printing: Printing, doc: Issued): PdfJob {
  // The code keeps file names apart: organization names repeat (第一党支部) across a district.
  const title = `${doc.content.year}年度考核评价表-${doc.content.org.code}-${doc.content.org.name}`;
  const body = printing.templates.render('scorecard', scorecardView(doc.content, doc.stamp));
  return { body, title, footer: footer(doc.content.year, doc.content, doc.stamp) };
}

async function renderScorecard(printing: Printing, doc: Issued): Promise<PrintedDocument> {
  const job = scorecardJob(printing, doc);
  const bytes = await printing.pdf.render(job);
  return { title: job.title, fileName: `${job.title}.pdf`, bytes, docIds: [doc.stamp.docId] };
}

/**
 * The scorecards of an organization (or of every organization under it) issued for printing: an id and
 * content hash each, recorded in `documents` (exported for bench/pdf.ts).
 */
export async function issueScorecardsOf({ ctx, year, orgId, subtree, printing, revisionId }: { ctx: Ctx; year: number; orgId: number; subtree: boolean; printing: Printing; revisionId?: number }) {
  const org = await orgForRead(ctx, orgId, 'orgId');
  const revision = await revisionFor(ctx, year);
  // Nothing printed is ever from a revision other than the one named on it (a book job names its revision).
  if (revisionId !== undefined && revision.id !== revisionId) {
    throw new AppError('conflict', `申请之后计分结果已更新（现行为第 ${revision.id} 号计分版本，本任务依据第 ${revisionId} 号）：请按现行版本重新生成`);
  }
  const rows = await scorecardRows(ctx.db, revision.id, org.path, subtree ? undefined : org.id);
  if (rows.length === 0) throw notFound(`「${org.name}」${year} 年度的计分结果`, 'orgId');
  return { org, revision, issued: await issueScorecards(ctx, printing, org, year, revision, await scorecardSources(ctx.db, year, revision, rows)) };
}

/**
 * The print job of a book: the front matter (cover, contents whose page numbers are filled at print time),
 * then every scorecard as its own section, so the renderer can print them in parts at once.
 */
export function bookJob(ctx: Ctx, printing: Printing, year: number, org: { name: string; code: string }, revision: { id: number }, issued: readonly Issued[]): PdfJob {
  const title = `${year}年度考核评价汇编-${org.name}`;
  const cards = issued.map((d) => scorecardView(d.content, d.stamp));
  const front = printing.templates.render('book', {
    year,
    scopeName: org.name,
    count: issued.length,
    revision: { label: issued[0]!.content.revision.label },
    printedOn: todayInChina(ctx.clock),
    cards,
  });
  const body = [front, ...cards.map((card) => printing.templates.render('scorecard', card))];
  // A book of hundreds of scorecards lays out for a while: its time limit grows with it.
  return { body, title, footer: `星评 · ${year} 年度考核评价汇编 · 组织代码 ${org.code} · 第 ${revision.id} 号计分版本`, pageRefs: true, timeoutMs: 30_000 + 400 * issued.length };
}

async function rankingsFor(db: Kysely<Database>, year: number, revision: Revision, org: { name: string; path: string }, version = RANKINGS_VERSION) {
  const rows = await revisionResults(db, revision.id, org.path);
  return rankingsContent({
    year,
    scopeName: org.name,
    revision: { id: revision.id, kind: revision.kind, createdOn: createdOn(revision) },
    rows: rows.map((r) => ({
      code: r.code,
      name: r.name,
      parentName: r.parent_name,
      categoryLabel: r.category_label ?? r.category,
      total: r.total,
      assessed: r.assessed,
      gradeLabel: r.grade_label,
      notAssessedLabel: notAssessedLabelOf(r.result as ScoreResult),
      rankCategory: r.rank_category,
      rankParent: r.rank_parent,
      move: r.move,
      lagging: r.lagging ?? false,
      reason: reasonOf(r).text,
    })),
  }, version);
}

/** The ranking list (排名表) of the organizations under one, a table per category. */
export async function rankingsPdf({ ctx, year, orgId, printing }: { ctx: Ctx; year: number; orgId: number; printing: Printing }): Promise<PrintedDocument> {
  const org = await orgForRead(ctx, orgId, 'orgId');
  const revision = await revisionFor(ctx, year);
  const content = await rankingsFor(ctx.db, year, revision, org);
  if (content.count === 0) throw notFound(`「${org.name}」${year} 年度的计分结果`, 'orgId');
  const s = await stamp(printing, content);
  const title = `${year}年度考核排名表-${org.code}-${org.name}`;
  await recordIssued(ctx, org, [
    { id: s.docId, kind: 'rankings', cycle_year: year, org_id: org.id, revision_id: revision.id, content_hash: s.contentHash, content_version: RANKINGS_VERSION, title, created_by: ctx.actor.name },
  ]);
  const bytes = await printing.pdf.render({ body: printing.templates.render('rankings', { ...content, ...s }), title, footer: footer(year, {}, s) });
  return { title, fileName: `${title}.pdf`, bytes, docIds: [s.docId] };
}

/** The district book: every scorecard under an organization in one PDF, with a cover and a table of contents. */
export async function bookPdf({ ctx, year, orgId, printing }: { ctx: Ctx; year: number; orgId: number; printing: Printing }): Promise<PrintedDocument> {
  const { org, revision, issued } = await issueScorecardsOf({ ctx, year, orgId, subtree: true, printing });
  const job = bookJob(ctx, printing, year, org, revision, issued);
  const bytes = await printing.pdf.render(job);
  return { title: job.title, fileName: `${job.title}.pdf`, bytes, docIds: issued.map((d) => d.stamp.docId) };
}

/**
 * Batch printing (`xingping print`): every scorecard under an organization (or one), rendered through the
 * renderer's pool a few at a time and handed to `write` as each finishes, so memory stays flat.
 */
export async function printScorecards({
  ctx,
  year,
  orgId,
  subtree,
  printing,
  concurrency = 2,
  write,
  onProgress,
}: {
  ctx: Ctx;
  year: number;
  orgId: number;
  subtree: boolean;
  printing: Printing;
  concurrency?: number;
  write: (doc: PrintedDocument) => Promise<void>;
  onProgress?: (done: number, total: number) => void;
}): Promise<{ count: number }> {
  const org = await orgForRead(ctx, orgId, 'orgId');
  const revision = await revisionFor(ctx, year);
  const rows = await scorecardRows(ctx.db, revision.id, org.path, subtree ? undefined : org.id);
  if (rows.length === 0) throw notFound(`「${org.name}」${year} 年度的计分结果`, 'orgId');
  let next = 0;
  let done = 0;
  onProgress?.(0, rows.length);
  const chunk = 100;
  for (let start = 0; start < rows.length; start += chunk) {
    const slice = rows.slice(start, start + chunk);
    const issued = await issueScorecards(ctx, printing, org, year, revision, await scorecardSources(ctx.db, year, revision, slice));
    next = 0;
    let failed = false; // the first failure stops the other workers too
    await Promise.all(
      Array.from({ length: Math.min(concurrency, issued.length) }, async () => {
        while (next < issued.length && !failed) {
          const doc = issued[next++]!;
          try {
            await write(await renderScorecard(printing, doc));
          } catch (e) {
            failed = true;
            throw e;
          }
          onProgress?.(++done, rows.length);
        }
      }),
    );
  }
  return { count: rows.length };
}

export type Verification = {
  status: 'valid' | 'outdated' | 'unknown';
  title?: string;
  orgName?: string;
  year?: number;
  issuedAt?: string;
  printedRevision?: number;
  currentRevision?: number | null;
  message: string;
};

/**
 * Whether a printed document still matches the stored results (public: the QR code on paper opens it).
 * Shows no score, only whether the paper can be trusted and which revision it came from.
 */
export async function verifyDocument({ db, id }: { db: Kysely<Database>; id: string }): Promise<Verification> {
  const doc = /^[0-9a-f]{20}$/.test(id) ? await findDocument(db, id) : undefined;
  if (!doc) return { status: 'unknown', message: '查无此文件编号：该文件不是由本系统打印的，或编号有误。' };
  const base = {
    title: doc.title,
    orgName: doc.org_name,
    year: doc.cycle_year,
    issuedAt: new Date(doc.created_at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' '),
    printedRevision: doc.revision_id,
  };
  const current = await resultsRevision(db, doc.cycle_year).catch(() => undefined);
  let hash: string | null = null;
  if (current && doc.kind === 'scorecard') {
    const rows = await scorecardRows(db, current.id, doc.path, doc.org_id);
    if (rows.length > 0) hash = (await contentHash(scorecardContent((await scorecardSources(db, doc.cycle_year, current, rows))[0]!))).slice(0, 16);
  } else if (current && doc.kind === 'rankings') {
    hash = (await contentHash(await rankingsFor(db, doc.cycle_year, current, { name: doc.org_name, path: doc.path }, doc.content_version))).slice(0, 16);
  }
  if (hash === doc.content_hash) {
    const message =
      current!.id === doc.revision_id
        ? '有效：本文件内容与系统中现行的考核结果一致。'
        : `有效：此后计分版本已更新（现行为第 ${current!.id} 号版本），但本文件所载的结果未变。`;
    return { status: 'valid', ...base, currentRevision: current!.id, message };
  }
  return {
    status: 'outdated',
    ...base,
    currentRevision: current?.id ?? null,
    message: current
      ? `已过期：本文件打印后考核结果已更新（现行为第 ${current.id} 号版本），请以系统现行结果为准。`
      : '已过期：本文件所依据的考核结果已不存在。',
  };
}

/** The duty-review result sheet (述职评议结果) of a closed review session, with the session's own scope rules. */
export async function reviewSheetPdf({ ctx, id, printing }: { ctx: Ctx; id: number; printing: Printing }): Promise<PrintedDocument> {
  const session = await getSession({ ctx, id });
  const results = await sessionResults({ ctx, id });
  const content = reviewSheetContent(session, results);
  const title = `${session.year}年度${session.kindLabel}评议结果-${session.orgName}-${session.id}`;
  const bytes = await printing.pdf.render({ body: printing.templates.render('review-sheet', content), title, footer: `星评 · ${session.year} 年度${session.kindLabel} · 第 ${session.id} 场` });
  return { title, fileName: `${title}.pdf`, bytes, docIds: [] };
}

/** The two-way feedback letter (双向评价反馈函) of an agreement: both directions and the unit's in-service members. */
export async function feedbackLetterPdf({ ctx, id, printing }: { ctx: Ctx; id: number; printing: Printing }): Promise<PrintedDocument> {
  const twoway = await getTwoway({ ctx, id });
  const feedback = await getFeedback({ ctx, id });
  const content = feedbackLetterContent(twoway, feedback.items);
  const title = `${twoway.year}年度双向评价反馈函-${twoway.unitName}-${twoway.agreementId}`;
  const bytes = await printing.pdf.render({ body: printing.templates.render('feedback-letter', content), title, footer: `星评 · ${twoway.year} 年度双向评价 · 共建协议第 ${twoway.agreementId} 号` });
  return { title, fileName: `${title}.pdf`, bytes, docIds: [] };
}
