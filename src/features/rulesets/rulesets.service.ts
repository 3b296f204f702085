import { readers, requireRole } from '../../auth/scope';
import { notFound } from '../../errors/app-error';
import type { CompiledRuleSet } from '../../rules/compile';
import type { RuleSets } from '../../rules/registry';
import { rubricTable, type RubricTable } from '../../rules/rubric-table';
import { categoryNames } from '../catalog/categories.repository';
import { databaseCatalog } from '../catalog/manage-kinds';
import type { Ctx } from '../context';
import type { Printing, PrintedDocument } from '../documents/print-documents';
import { compileStored, yearRuleSets } from '../scoring/rule-pins';
import { rubricDocument, rubricFooter } from './rubric-document';
import { categoryOfOrg, cycleExists, pinsOfYear, storedRuleSet } from './rulesets.repository';
import type { YearRuleSets } from './rulesets.schemas';


/**
 * The rule sets that govern a year, one row per category in the catalog's order: the version pinned to the year
 * (with when and by whom), else the one in force, which the year's first scoring will pin. Rule sets are not
 * per organization: every reader sees them all; `ownCategory` is the caller's, for the page to open first.
 */
export async function listYearRuleSets({ ctx, year, inForce }: { ctx: Ctx; year: number; inForce: RuleSets }): Promise<YearRuleSets> {
  requireRole(ctx, readers);
  if (!(await cycleExists(ctx.db, year))) throw notFound(`${year} 年度考核周期`, 'year');
  const governing = await yearRuleSets(ctx.db, year, inForce);
  const pins = new Map((await pinsOfYear(ctx.db, year)).map((p) => [p.category, p]));
  const names = await categoryNames(ctx.db);
  const items = names.codes.flatMap((category) => {
    const c = governing.forCategory(category);
    if (!c) return [];
    const pin = pins.get(category);
    const by = pin ? (pin.pinned_by_name ?? (pin.pinned_by === 'cli' ? '命令行' : pin.pinned_by)) : null;
    return [
      {
        category,
        categoryLabel: names.name(category),
        id: c.ruleSet.id,
        title: c.ruleSet.title,
        version: c.ruleSet.version,
        hash: c.hash,
        categories: c.ruleSet.categories.map((code) => ({ code, label: names.name(code) })),
        pinned: pin !== undefined,
        pinnedAt: pin ? new Date(pin.pinned_at).toISOString() : null,
        pinnedBy: by,
      },
    ];
  });
  const ownCategory = ctx.actor.orgId === null ? null : await categoryOfOrg(ctx.db, ctx.actor.orgId);
  return { year, ownCategory: ownCategory && items.some((i) => i.category === ownCategory) ? ownCategory : null, items };
}

/** A rule-set version by its content hash: a stored version (pinned, published or imported), else one in force. */
async function ruleSetByHash(ctx: Ctx, hash: string, inForce: RuleSets): Promise<CompiledRuleSet> {
  const stored = await storedRuleSet(ctx.db, hash);
  if (stored) return compileStored(stored.hash, stored.body, `${stored.id}@${stored.version}`, await databaseCatalog(ctx));
  const live = inForce.all.find((c) => c.hash === hash);
  if (!live) throw notFound('这一版考核细则', 'hash');
  return live;
}

/** 考核细则表 of a rule-set version, in Chinese (any signed-in reader but reviewers). */
export async function getRubric({ ctx, hash, inForce }: { ctx: Ctx; hash: string; inForce: RuleSets }): Promise<RubricTable> {
  requireRole(ctx, readers);
  const [compiled, names] = await Promise.all([ruleSetByHash(ctx, hash, inForce), categoryNames(ctx.db)]);
  return rubricTable(compiled, Object.fromEntries(names.codes.map((c) => [c, names.name(c)])));
}

/** 考核细则表 as a printable A4 PDF, through the documents' templates and renderer. */
export async function rubricPdf({ ctx, hash, inForce, printing }: { ctx: Ctx; hash: string; inForce: RuleSets; printing: Printing }): Promise<PrintedDocument> {
  const table = await getRubric({ ctx, hash, inForce });
  const title = `${table.title}（${table.version}）`;
  const bytes = await printing.pdf.render({ body: printing.templates.render('rubric', rubricDocument(table)), title, footer: rubricFooter(table) });
  return { title, fileName: `${title}.pdf`, bytes, docIds: [] };
}
