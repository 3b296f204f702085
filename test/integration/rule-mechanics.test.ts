import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { exceljsSpreadsheet } from '../../src/adapters/spreadsheet-exceljs';
import { createApp } from '../../src/app';
import type { Database } from '../../src/db/database';
import { quietLogger } from '../../src/deps';
import { computeFacts } from '../../src/features/scoring/facts.repository';
import { fixedClock } from '../../src/lib/clock';
import { compileRuleSet } from '../../src/rules/compile';
import { ruleSetRegistry } from '../../src/rules/registry';
import { RuleSet, type FactDef } from '../../src/rules/rule-set.schema';
import { spansOf } from '../../src/scoring/fact-catalog';
import { client, testAuthDeps, testBallotOptions, testPrinting } from '../support/app';
import { openIsolatedDatabase } from '../support/db';
import { createOrg, createToken } from '../support/factories';

/**
 * Rule sets, second edition: derived facts (人均志愿服务时长 = 志愿服务时长 ÷ 党员人数) and the longest gap between
 * activities (半年以上未开展主题党日), through real ledger rows, the fact SQL, scoring and the scorecard API. The rule
 * files are test/fixtures/rules/derived-facts.json (grids) and longest-gap.json (communities); the year, 2033, and
 * the year before it live in a database of their own.
 */
const YEAR = 2033;
let db: Kysely<Database>;
let api: ReturnType<typeof client>;
const org: Record<'g1' | 'g2' | 'c1' | 'c2', number> = { g1: 0, g2: 0, c1: 0, c2: 0 };

async function ledger(orgId: number, kind: string, date: string, status: 'verified' | 'submitted' | 'rejected' = 'verified', hours: string | null = null) {
  await db
    .insertInto('ledger_records')
    .values({
      org_id: orgId,
      cycle_year: Number(date.slice(0, 4)),
      kind,
      occurred_on: date,
      title: `${kind} ${date}`,
      participants: 5,
      hours,
      evidence: '[]',
      status,
      created_by: 'test',
      reviewed_by: status === 'submitted' ? null : 'test',
      reviewed_at: status === 'submitted' ? null : new Date(),
      review_reason: status === 'rejected' ? '缺签到表' : null,
    })
    .execute();
}

beforeAll(async () => {
  const handle = await openIsolatedDatabase();
  db = handle.db;
  const compiled = await Promise.all(['derived-facts.json', 'longest-gap.json'].map((f) => compileRuleSet(readFileSync(`test/fixtures/rules/${f}`, 'utf8'), f)));
  const clock = fixedClock(`${YEAR + 1}-01-10T04:00:00Z`);
  const app = createApp({ db, dbKind: handle.kind, clock, logger: quietLogger, spreadsheet: exceljsSpreadsheet, ruleSets: ruleSetRegistry(compiled), printing: testPrinting(), ballots: testBallotOptions(), ...testAuthDeps(db, handle.kind, clock) });
  const district = await createOrg(db, { kind: 'district' });
  const street = await createOrg(db, { kind: 'street', parent_id: district.id });
  org.c1 = (await createOrg(db, { kind: 'community', parent_id: street.id })).id;
  org.c2 = (await createOrg(db, { kind: 'community', parent_id: street.id })).id;
  org.g1 = (await createOrg(db, { kind: 'grid', parent_id: org.c1, member_count: 20 })).id;
  org.g2 = (await createOrg(db, { kind: 'grid', parent_id: org.c1, member_count: 0 })).id;
  await db.insertInto('cycles').values([{ year: YEAR - 1, state: 'finalized' }, { year: YEAR, state: 'reviewing' }]).execute();

  // Grid 1: volunteering 20 + 20 + 10 = 50 verified hours (8 submitted hours do not count); theme days on the
  // 10th of January to October, 10 of them. Grid 2 has no members: 6 hours, 12 theme days.
  for (const h of ['20.00', '20.00', '10.00']) await ledger(org.g1, 'volunteer', `${YEAR}-05-01`, 'verified', h);
  await ledger(org.g1, 'volunteer', `${YEAR}-06-01`, 'submitted', '8.00');
  for (let m = 1; m <= 10; m++) await ledger(org.g1, 'theme_day', `${YEAR}-${String(m).padStart(2, '0')}-10`);
  await ledger(org.g2, 'volunteer', `${YEAR}-05-01`, 'verified', '6.00');
  for (let m = 1; m <= 12; m++) await ledger(org.g2, 'theme_day', `${YEAR}-${String(m).padStart(2, '0')}-10`);

  // Community 1: theme days on 2032-10-01 (the year before), 2033-03-01 and 2033-09-20, one submitted on
  // 2033-06-15 (not counted), a branch assembly on 2033-12-05. Community 2: one theme day on 2032-12-20 and
  // a rejected one on 2033-05-01: nothing counts in 2033.
  await ledger(org.c1, 'theme_day', `${YEAR - 1}-10-01`);
  await ledger(org.c1, 'theme_day', `${YEAR}-03-01`);
  await ledger(org.c1, 'theme_day', `${YEAR}-09-20`);
  await ledger(org.c1, 'theme_day', `${YEAR}-06-15`, 'submitted');
  await ledger(org.c1, 'branch_assembly', `${YEAR}-12-05`);
  await ledger(org.c2, 'theme_day', `${YEAR - 1}-12-20`);
  await ledger(org.c2, 'theme_day', `${YEAR}-05-01`, 'rejected');

  api = client(app, await createToken(db, 'admin', district.id));
  return () => handle.drop();
}, 120_000);

const defs = (raw: Record<string, unknown>) => RuleSet.shape.facts.parse(raw) as Record<string, FactDef>;
const indicator = (card: any, id: string) => card.parts.flatMap((p: any) => p.indicators).find((i: any) => i.id === id);

describe('the longest gap in SQL', () => {
  it('runs from the start of the year (or the last activity of the year before) to 31 December, by day or month', async () => {
    const d = defs({
      days: { source: 'ledger.longestGap', label: 'a', kinds: ['theme_day'] },
      daysAcross: { source: 'ledger.longestGap', label: 'a', kinds: ['theme_day'], acrossYears: true },
      months: { source: 'ledger.longestGap', label: 'a', kinds: ['theme_day', 'branch_assembly'], unit: 'month' },
      monthsAny: { source: 'ledger.longestGap', label: 'a', kinds: ['theme_day', 'branch_assembly'], unit: 'month', status: 'any' },
    });
    const rows = await computeFacts(db, YEAR, [org.c1, org.c2, org.g1], d);
    // c1 days: runs 2033-01-01…02-28 = 59 (from the year's start), 03-02…09-19 = 30 + 30 + 31 + 30 + 31 + 31 + 19 = 202,
    // 09-21…12-31 = 10 + 31 + 30 + 31 = 102 → 202. Across years the first run starts 2032-10-02: 30 + 30 + 31 + 31 + 28 = 150, still 202.
    // Months (Mar, Sep, Dec have activities): Jan–Feb 2, Apr–Aug 5, Oct–Nov 2 → 5; with the submitted June theme day, Apr–May, Jul–Aug: 2.
    expect(rows.get(org.c1)).toEqual({ days: 202, daysAcross: 202, months: 5, monthsAny: 2 });
    expect(spansOf(rows.get(org.c1)!)).toEqual({ days: { from: '2033-03-02', to: '2033-09-19' }, daysAcross: { from: '2033-03-02', to: '2033-09-19' }, months: { from: '2033-04', to: '2033-08' }, monthsAny: { from: '2033-01', to: '2033-02' } });
    // c2: nothing counts in 2033: the whole year, 365 days, 12 months; across years from 2032-12-21: 11 + 365 = 376 days;
    // any status counts the rejected May theme day: Jan–Apr 4, Jun–Dec 7 → 7
    expect(rows.get(org.c2)).toEqual({ days: 365, daysAcross: 376, months: 12, monthsAny: 7 });
    expect(spansOf(rows.get(org.c2)!).daysAcross).toEqual({ from: '2032-12-21', to: '2033-12-31' });
    // g1: theme days on the 10th of each month to October: 01-01…01-09 = 9, at most 30 between, 10-11…12-31 = 21 + 30 + 31 = 82
    expect(rows.get(org.g1)).toMatchObject({ days: 82, months: 2 });
    expect(spansOf(rows.get(org.g1)!)).toMatchObject({ days: { from: '2033-10-11', to: '2033-12-31' }, months: { from: '2033-11', to: '2033-12' } });
  });
});

describe('derived facts and the longest gap, scored through the database', () => {
  let cards: Record<keyof typeof org, any>;
  beforeAll(async () => {
    const res = await api.post(`/api/cycles/${YEAR}/score`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const entries = await Promise.all(Object.entries(org).map(async ([k, id]) => [k, (await api.get(`/api/cycles/${YEAR}/orgs/${id}/scorecard`)).body]));
    cards = Object.fromEntries(entries);
  });

  it('per member: 50 hours ÷ 20 members = 2.5, explained with its inputs and linked to the ledger', () => {
    const g1 = cards.g1;
    // service 30 × 2.5 ÷ 4 = 18.75; theme days missing max(12 − 10, 0) = 2, 20 − 2 × 2 = 16; total 34.75
    expect(g1).toMatchObject({ assessed: true, total: '34.75', reasons: [] });
    const line = indicator(g1, 'service').lines[0];
    expect(line.text).toBe('人均志愿服务时长 2.5 小时（志愿服务时长 50 小时 ÷ 党员人数 20 人），目标 4 小时，完成 62.5%，30 × 62.5% = 18.75 分');
    expect(line.evidence.map((e: any) => e.fact)).toEqual(['volunteerHours']);
    expect(line.evidence[0].href).toContain('kind=volunteer');
    expect(indicator(g1, 'theme').lines.map((l: any) => l.text)).toEqual(['基础分 20 分', '主题党日缺少次数 2 次（取大(12 − 主题党日 10 次，0)），每次扣 2 分，共扣 4 分']);
  });

  it('no members: the division by 0 leaves the fact missing, so the grid is not assessed, and says why', () => {
    const g2 = cards.g2;
    expect(g2).toMatchObject({ assessed: false, reasons: ['缺少数据：人均志愿服务时长（党员人数为 0，不能相除）'] });
    expect(indicator(g2, 'service').lines[0].text).toBe('人均志愿服务时长：无数据（党员人数为 0，不能相除），不计分');
    // 12 theme days: max(12 − 12, 0) = 0 missing, 20 points
    expect(indicator(g2, 'theme').points).toBe('20.00');
  });

  it('longest gaps: 202 days and 5 months cost 5 + (5 − 2) × 2 = 11 of 20; the explanation names the dates', () => {
    expect(cards.c1).toMatchObject({ assessed: true, total: '9.00' });
    expect(indicator(cards.c1, 'continuity').lines.map((l: any) => l.text)).toEqual([
      '基础分 20 分',
      '连续未开展组织生活超过 2 个月 5 个月（2033-04 至 2033-08），高于 2 个月 共 3 个月，每个月扣 2 分，扣 6 分',
      '半年以上未开展主题党日：最长连续未开展主题党日 202 天（2033-03-02 至 2033-09-19），不少于 183 天，扣 5 分',
    ]);
  });

  it('a whole silent year counted from the last theme day of the year before: 376 days, 12 months, 20 − 20 − 5 → 0', () => {
    const ind = indicator(cards.c2, 'continuity');
    expect(cards.c2.total).toBe('0.00');
    expect(ind.lines.map((l: any) => l.text)).toEqual([
      '基础分 20 分',
      '连续未开展组织生活超过 2 个月 12 个月（2033-01 至 2033-12），高于 2 个月 共 10 个月，每个月扣 2 分，扣 20 分',
      '半年以上未开展主题党日：最长连续未开展主题党日 376 天（2032-12-21 至 2033-12-31），不少于 183 天，扣 5 分',
    ]);
    expect(ind.note).toBe('合计 -5 分，扣完为止，计 0 分');
  });
});
