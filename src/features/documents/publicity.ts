import { requireRole } from '../../auth/scope';
import { notFound } from '../../errors/app-error';
import { z } from '../../lib/zod';
import { categoryNames } from '../catalog/categories.repository';
import type { Ctx } from '../context';
import { findCycle } from '../cycles/cycles.repository';
import { gradeScales } from '../dashboard/dashboard.repository';
import { orgForRead } from '../orgs/org-access';
import { revisionResults } from '../scoring/scores.repository';
import { resultsRevision, type Printing, type PrintedDocument } from './print-documents';

export const PublicityList = z
  .object({
    year: z.number().int(),
    scopeName: z.string(),
    revisionId: z.number().int(),
    published: z.boolean().openapi({ description: 'false：尚未公示（仅供预览）' }),
    publishedOn: z.string().nullable(),
    appealDeadline: z.string().nullable(),
    count: z.number().int(),
    categories: z.array(
      z.object({
        category: z.string(),
        label: z.string(),
        count: z.number().int(),
        grades: z.array(z.object({ grade: z.string().nullable(), label: z.string(), orgs: z.array(z.object({ code: z.string(), name: z.string(), parentName: z.string().nullable() })) })),
      }),
    ),
  })
  .openapi('PublicityList');
export type PublicityList = z.infer<typeof PublicityList>;

type Row = Awaited<ReturnType<typeof revisionResults>>[number];

/** One category's organizations grouped by grade, in its rule set's order of grades (best first), then 未定级 and 不参加评定. */
function gradeGroups(rows: readonly Row[], scale: readonly { grade: string; label: string; ord: number }[]) {
  const groups = new Map<string, { grade: string | null; label: string; ord: number; orgs: { code: string; name: string; parentName: string | null }[] }>();
  for (const r of rows) {
    const key = r.grade ?? (r.assessed ? '未定级' : '不参加评定');
    const known = scale.find((g) => g.grade === r.grade);
    const g = groups.get(key) ?? { grade: r.grade, label: r.grade_label ?? key, ord: known?.ord ?? (r.assessed ? 900 : 999), orgs: [] };
    g.orgs.push({ code: r.code, name: r.name, parentName: r.parent_name });
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => a.ord - b.ord).map(({ grade, label, orgs }) => ({ grade, label, orgs: orgs.sort((x, y) => x.code.localeCompare(y.code)) }));
}

/**
 * 公示名单: the grades of the organizations under one, as the 组织部 posts them during the appeal window, grouped by
 * category and grade (no scores). Read from the year's results revision; before 公示 it is marked as a preview.
 */
export async function publicityList({ ctx, year, orgId }: { ctx: Ctx; year: number; orgId: number }): Promise<PublicityList> {
  requireRole(ctx, ['admin', 'leader']);
  const org = await orgForRead(ctx, orgId, 'orgId');
  const cycle = await findCycle(ctx.db, year);
  if (!cycle) throw notFound(`${year} 年度考核周期`, 'year');
  const revision = await resultsRevision(ctx.db, year);
  if (!revision) throw notFound(`${year} 年度的计分结果`, 'year');
  const rows = await revisionResults(ctx.db, revision.id, org.path);
  if (rows.length === 0) throw notFound(`「${org.name}」${year} 年度的计分结果`, 'orgId');
  const [scale, names] = await Promise.all([gradeScales(ctx.db, [revision.id]), categoryNames(ctx.db)]);
  const byCategory = [...new Set(rows.map((r) => r.category))].sort((a, b) => names.order(a) - names.order(b));
  return {
    year,
    scopeName: org.name,
    revisionId: revision.id,
    published: cycle.state === 'published' || cycle.state === 'finalized',
    publishedOn: cycle.published_on,
    appealDeadline: cycle.appeal_deadline,
    count: rows.length,
    categories: byCategory.map((category) => {
      const mine = rows.filter((r) => r.category === category);
      return { category, label: names.name(category), count: mine.length, grades: gradeGroups(mine, scale.filter((s) => s.category === category)) };
    }),
  };
}

/** The 公示名单 as a PDF to post (A4, Chinese footer with the revision it was read from). */
export async function publicityPdf({ ctx, year, orgId, printing }: { ctx: Ctx; year: number; orgId: number; printing: Printing }): Promise<PrintedDocument> {
  const list = await publicityList({ ctx, year, orgId });
  const title = `${year}年度考核结果公示名单-${list.scopeName}`;
  const bytes = await printing.pdf.render({
    body: printing.templates.render('publicity', list),
    title,
    footer: `星评 · ${year} 年度考核结果公示名单 · ${list.scopeName} · 第 ${list.revisionId} 号计分版本`,
  });
  return { title, fileName: `${title}.pdf`, bytes, docIds: [] };
}
