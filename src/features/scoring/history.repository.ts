import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database';
import type { FactDef } from '../../rules/rule-set.schema';
import { attachSpan, type FactValue } from '../../scoring/fact-catalog';

type HistoryDef = Extract<FactDef, { source: 'history' }>;
type Target = Map<number, Record<string, FactValue | undefined>>;

/** The years a look-back reads: the N before the cycle (total: the Nth before; records: optionally this one too). */
export function historyYears(year: number, def: HistoryDef): number[] {
  if (def.of === 'total') return [year - def.years];
  const before = Array.from({ length: def.years }, (_, i) => year - def.years + i);
  return def.of === 'records' && def.includeCurrent ? [...before, year] : before;
}

const levels = ['street', 'district', 'city', 'province', 'national'];

/** Organization records of some types in some years, per organization and year. */
async function recordCounts(db: Kysely<Database>, years: number[], orgIds: readonly number[], def: HistoryDef) {
  const level = def.minLevel ? sql`array_position(${levels}::text[], level) >= ${levels.indexOf(def.minLevel) + 1}` : sql`true`;
  const r = await sql<{ org_id: number; year: number; n: number }>`
    select org_id, cycle_year as year, count(*)::int as n from org_records
    where cycle_year = any(${years}::int[]) and org_id = any(${[...orgIds]}::int[]) and type = any(${def.types ?? []}::text[]) and ${level}
    group by 1, 2`.execute(db);
  return r.rows;
}

/** The years among these that are finalized, with their final revision (after corrections). */
async function finalRevisions(db: Kysely<Database>, years: number[]) {
  return db.selectFrom('cycles').select(['year', 'final_revision_id']).where('year', 'in', years).where('state', '=', 'finalized').where('final_revision_id', 'is not', null).execute();
}

/** Each organization's total, grade and lagging flag in the final revisions of some years. */
async function finalResults(db: Kysely<Database>, revisions: number[], orgIds: readonly number[]) {
  const r = await sql<{ revision_id: number; org_id: number; total: string; assessed: boolean; grade: string | null; grade_label: string | null; lagging: boolean | null }>`
    select s.revision_id, s.org_id, s.total, s.assessed, g.grade, g.grade_label, g.lagging
    from scores s left join grades g on g.revision_id = s.revision_id and g.org_id = s.org_id
    where s.revision_id = any(${revisions}::int[]) and s.org_id = any(${[...orgIds]}::int[])`.execute(db);
  return r.rows;
}

/**
 * Look-back facts (`history`): earlier years' grades, lagging lists and totals read from each year's final
 * revision (so after corrections), and organization records of several years. A year that is not finalized
 * leaves the fact without a value (无数据), saying which year; the years read are printed beside the value.
 */
export async function historyFacts(db: Kysely<Database>, year: number, orgIds: readonly number[], facts: readonly { name: string; def: HistoryDef }[], out: Target): Promise<void> {
  for (const { name, def } of facts) {
    const years = historyYears(year, def);
    const span = `${years[0]}${years.length > 1 ? `–${years.at(-1)}` : ''} 年`;
    if (def.of === 'records') {
      const counts = await recordCounts(db, years, orgIds, def);
      for (const [orgId, target] of out) {
        const mine = counts.filter((c) => c.org_id === orgId).sort((a, b) => a.year - b.year);
        target[name] = mine.reduce((s, c) => s + c.n, 0);
        attachSpan(target, name, { text: mine.length > 0 ? `${span}：${mine.map((c) => `${c.year} 年 ${c.n} 项`).join('、')}` : `${span}均无` });
      }
      continue;
    }
    const finals = await finalRevisions(db, years);
    const open = years.filter((y) => !finals.some((f) => f.year === y));
    if (open.length > 0) {
      for (const target of out.values()) attachSpan(target, name, { text: `${open.join('、')} 年度未定档` });
      continue;
    }
    const yearOf = new Map(finals.map((f) => [f.final_revision_id!, f.year]));
    const rows = await finalResults(db, [...yearOf.keys()], orgIds);
    for (const [orgId, target] of out) {
      const mine = new Map(rows.filter((r) => r.org_id === orgId).map((r) => [yearOf.get(r.revision_id)!, r]));
      lookBack(target, name, def, years, mine);
    }
  }
}

type Result = Awaited<ReturnType<typeof finalResults>>[number];

/** One organization's look-back value and the words for the years it read. */
function lookBack(target: Record<string, FactValue | undefined>, name: string, def: HistoryDef, years: number[], mine: Map<number, Result>): void {
  if (def.of === 'total') {
    const r = mine.get(years[0]!);
    if (r && r.assessed) target[name] = Number(r.total);
    attachSpan(target, name, { text: r && r.assessed ? `${years[0]} 年度` : `${years[0]} 年度没有该组织的评定结果` });
    return;
  }
  const hit = (r: Result | undefined) => (def.of === 'lagging' ? Boolean(r?.lagging) : r?.grade !== null && r?.grade !== undefined && (def.grades ?? []).includes(r.grade));
  const word = (r: Result | undefined) => (!r || !r.assessed ? '未参评' : def.of === 'lagging' ? (r.lagging ? '后进' : '非后进') : (r.grade_label ?? '未定级'));
  target[name] = years.filter((y) => hit(mine.get(y))).length;
  attachSpan(target, name, { text: years.map((y) => `${y} 年 ${word(mine.get(y))}`).join('、') });
}
