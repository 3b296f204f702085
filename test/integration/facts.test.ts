import { beforeAll, describe, expect, it } from 'vitest';
import type { FactDef } from '../../src/rules/rule-set.schema';
import { RuleSet } from '../../src/rules/rule-set.schema';
import { computeFacts } from '../../src/features/scoring/facts.repository';
import { setupTestApp, type TestApp } from '../support/app';
import { createCycle, createMember, createTree, type Tree } from '../support/factories';

/**
 * Every fact source computed in SQL over a small, hand-made data set; the expected values are counted by
 * hand from the rows inserted below.
 */
let t: TestApp;
let tree: Tree;
let y: number;

async function ledger(orgId: number, kind: string, date: string, status: 'verified' | 'submitted' | 'rejected', hours: string | null = null, participants = 10) {
  await t.db
    .insertInto('ledger_records')
    .values({
      org_id: orgId,
      cycle_year: y,
      kind,
      occurred_on: date,
      title: `${kind} ${date}`,
      participants,
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
  t = await setupTestApp();
  tree = await createTree(t.db);
  y = await createCycle(t.db, 'reviewing');
  const g = tree.grid.id;
  // theme days: verified Jan 5, Jan 20, Mar 10; submitted Jul 1; rejected Aug 15
  await ledger(g, 'theme_day', `${y}-01-05`, 'verified');
  await ledger(g, 'theme_day', `${y}-01-20`, 'verified');
  await ledger(g, 'theme_day', `${y}-03-10`, 'verified');
  await ledger(g, 'theme_day', `${y}-07-01`, 'submitted');
  await ledger(g, 'theme_day', `${y}-08-15`, 'rejected');
  // volunteering (verified): Feb 1 3 h with 8 people, Feb 1 1.5 h with 5, May 10 2.5 h with 6; submitted Jun 1 4 h
  await ledger(g, 'volunteer', `${y}-02-01`, 'verified', '3.00', 8);
  await ledger(g, 'volunteer', `${y}-02-01`, 'verified', '1.50', 5);
  await ledger(g, 'volunteer', `${y}-05-10`, 'verified', '2.50', 6);
  await ledger(g, 'volunteer', `${y}-06-01`, 'submitted', '4.00', 9);
  // committee meetings (verified) every month January–October except April, and a second one in February
  for (const m of [1, 2, 3, 5, 6, 7, 8, 9, 10]) await ledger(g, 'committee_meeting', `${y}-${String(m).padStart(2, '0')}-12`, 'verified');
  await ledger(g, 'committee_meeting', `${y}-02-25`, 'verified');

  // The community hosts joint meetings in Q1 and Q3; the unit is present at the first, absent at the second,
  // excused from a policy-study session.
  const meeting = async (kind: 'joint_meeting' | 'policy_study', host: number, date: string, status: 'present' | 'excused' | 'absent') => {
    const m = await t.db.insertInto('meetings').values({ cycle_year: y, kind, host_org_id: host, title: kind, held_on: date, created_by: 'test' }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('meeting_attendance').values({ meeting_id: m.id, org_id: tree.unit.id, status, note: null }).execute();
  };
  await meeting('joint_meeting', tree.community.id, `${y}-03-20`, 'present');
  await meeting('joint_meeting', tree.community.id, `${y}-08-20`, 'absent');
  await meeting('policy_study', tree.street.id, `${y}-04-20`, 'excused');

  // Three in-service members of the unit living in the community, and one who is not in service.
  const m1 = await createMember(t.db, { org_id: tree.unit.id, in_service: true, residence_community_id: tree.community.id });
  const m2 = await createMember(t.db, { org_id: tree.unit.id, in_service: true, residence_community_id: tree.community.id });
  await createMember(t.db, { org_id: tree.unit.id, in_service: true, residence_community_id: tree.community.id });
  await createMember(t.db, { org_id: tree.unit.id, in_service: false });
  const checkin = (member: number, kind: 'report' | 'service', date: string, hours: string | null) =>
    t.db.insertInto('checkins').values({ member_id: member, community_id: tree.community.id, cycle_year: y, kind, occurred_on: date, hours, activity: null, created_by: 'test' }).execute();
  await checkin(m1.id, 'report', `${y}-03-01`, null);
  await checkin(m1.id, 'service', `${y}-04-01`, '5.00');
  await checkin(m1.id, 'service', `${y}-09-01`, '3.00');
  await checkin(m2.id, 'report', `${y}-03-02`, null);
  await checkin(m2.id, 'service', `${y}-05-01`, '10.00');

  await t.db.insertInto('inspections').values([
    { cycle_year: y, org_id: tree.grid.id, indicator: 'ledger', points: '-2.00', reason: '缺签到表', evidence: '[]', inspected_on: `${y}-06-01`, created_by: 'test' },
    { cycle_year: y, org_id: tree.grid.id, indicator: 'other', points: '1.00', reason: '创新做法', evidence: '[]', inspected_on: `${y}-06-02`, created_by: 'test' },
  ]).execute();
  await t.db.insertInto('declared_facts').values([
    { cycle_year: y, org_id: tree.grid.id, key: 'team.age', value: '50.5', note: null, created_by: 'test' },
    { cycle_year: y, org_id: tree.grid.id, key: 'public.sat', value: JSON.stringify({ 满意: 3, 不了解: 1 }), note: null, created_by: 'test' },
  ]).execute();
  await t.db.insertInto('agreements').values({ community_id: tree.community.id, unit_id: tree.unit.id, year: y, content: '共建', signed_on: null }).execute();
});

/** Parses fact definitions the way a rule file would, defaults included. */
function defs(raw: Record<string, unknown>): Record<string, FactDef> {
  const parsed = RuleSet.shape.facts.parse(raw);
  return parsed as Record<string, FactDef>;
}

describe('facts computed in SQL', () => {
  it('counts and sums the ledger by kind, status, window, per-record and per-period caps', async () => {
    const d = defs({
      theme: { source: 'ledger.count', label: 'a', kinds: ['theme_day'] },
      themeAny: { source: 'ledger.count', label: 'a', kinds: ['theme_day'], status: 'any' },
      themeRejected: { source: 'ledger.count', label: 'a', kinds: ['theme_day'], status: 'rejected' },
      themeH2Any: { source: 'ledger.count', label: 'a', kinds: ['theme_day'], status: 'any', window: 'H2' },
      themeMarOn: { source: 'ledger.count', label: 'a', kinds: ['theme_day'], window: { from: '03-01', to: '12-31' } },
      themeOnePerMonth: { source: 'ledger.count', label: 'a', kinds: ['theme_day'], capPer: { period: 'month', max: 1 } },
      themeHalfPerMonth: { source: 'ledger.count', label: 'a', kinds: ['theme_day'], capPer: { period: 'month', max: 1.5 } },
      themeLeapWindow: { source: 'ledger.count', label: 'a', kinds: ['theme_day'], window: { from: '01-06', to: '02-29' } },
      themeMonths: { source: 'ledger.periods', label: 'a', kinds: ['theme_day'], period: 'month' },
      themeMissingMonths: { source: 'ledger.missingPeriods', label: 'a', kinds: ['theme_day'], period: 'month' },
      hours: { source: 'ledger.hours', label: 'a', kinds: ['volunteer'] },
      hoursCapped: { source: 'ledger.hours', label: 'a', kinds: ['volunteer'], capPerRecord: 2 },
      hoursPerDay: { source: 'ledger.hours', label: 'a', kinds: ['volunteer'], capPerRecord: 2, capPer: { period: 'day', max: 3 } },
      people: { source: 'ledger.participants', label: 'a', kinds: ['volunteer'] },
      busyMonths: { source: 'ledger.periods', label: 'a', kinds: ['committee_meeting'], period: 'month', min: 2 },
      missingQuarters: { source: 'ledger.missingPeriods', label: 'a', kinds: ['committee_meeting'], period: 'quarter' },
      missingMonthsH1: { source: 'ledger.missingPeriods', label: 'a', kinds: ['committee_meeting'], period: 'month', window: 'H1' },
    });
    const facts = (await computeFacts(t.db, y, [tree.grid.id, tree.grid2.id], d)).get(tree.grid.id)!;
    expect(facts).toEqual({
      theme: 3, // Jan 5, Jan 20, Mar 10 (verified only)
      themeAny: 5, // + Jul 1 submitted + Aug 15 rejected
      themeRejected: 1, // Aug 15
      themeH2Any: 2, // Jul 1, Aug 15
      themeMarOn: 1, // Mar 10
      themeOnePerMonth: 2, // January counts once, March once
      themeHalfPerMonth: 2.5, // January min(2, 1.5) + March 1
      themeLeapWindow: 1, // Jan 20 (02-29 means the end of February in any year)
      themeMonths: 2, // January, March
      themeMissingMonths: 10, // 12 − 2
      hours: 7, // 3 + 1.5 + 2.5 (the submitted 4 h not counted)
      hoursCapped: 5.5, // 2 + 1.5 + 2
      hoursPerDay: 5, // Feb 1: 2 + 1.5 = 3.5 → 3 a day; May 10: 2
      people: 19, // 8 + 5 + 6
      busyMonths: 1, // only February has two meetings
      missingQuarters: 0, // Q1 Jan–Mar, Q2 May/Jun, Q3, Q4 Oct: every quarter has one
      missingMonthsH1: 1, // April
    });
    expect((await computeFacts(t.db, y, [tree.grid2.id], d)).get(tree.grid2.id)!.themeMissingMonths).toBe(12);
  });

  it('reads joint meetings from both sides: attendance of the unit, hosting of the community', async () => {
    const d = defs({
      absent: { source: 'meetings.attended', label: 'a', meeting: 'joint_meeting', status: 'absent' },
      invited: { source: 'meetings.invited', label: 'a', meeting: 'joint_meeting' },
      rate: { source: 'meetings.attendanceRate', label: 'a', meeting: 'joint_meeting' },
      studyRate: { source: 'meetings.attendanceRate', label: 'a', meeting: 'policy_study' },
      studyRateExcused: { source: 'meetings.attendanceRate', label: 'a', meeting: 'policy_study', excusedCounts: true },
      hosted: { source: 'meetings.hosted', label: 'a', meeting: 'joint_meeting' },
      missingHosted: { source: 'meetings.missingHostedPeriods', label: 'a', meeting: 'joint_meeting', period: 'quarter' },
    });
    const rows = await computeFacts(t.db, y, [tree.unit.id, tree.community.id], d);
    // unit: 2 joint meetings, 1 present → 50%; policy study excused: 0% or, counting excused, 100%
    expect(rows.get(tree.unit.id)).toEqual({ absent: 1, invited: 2, rate: 50, studyRate: 0, studyRateExcused: 100, hosted: 0, missingHosted: 4 });
    // community: invited to nothing → rates take ifNone (default 0); hosted in Q1 and Q3 → 2 quarters missing
    expect(rows.get(tree.community.id)).toEqual({ absent: 0, invited: 0, rate: 0, studyRate: 0, studyRateExcused: 0, hosted: 2, missingHosted: 2 });
    const withIfNone = await computeFacts(t.db, y, [tree.community.id], defs({ rate: { source: 'meetings.attendanceRate', label: 'a', meeting: 'joint_meeting', ifNone: 100 } }));
    expect(withIfNone.get(tree.community.id)).toEqual({ rate: 100 });
  });

  it('reads in-service members from the unit side and the community side', async () => {
    const d = defs({
      members: { source: 'checkins.inServiceMembers', label: 'a' },
      reported: { source: 'checkins.reportedMembers', label: 'a' },
      rate: { source: 'checkins.reportRate', label: 'a' },
      hours: { source: 'checkins.serviceHours', label: 'a' },
      hoursCapped: { source: 'checkins.serviceHours', label: 'a', capPerRecord: 2 },
      completion: { source: 'checkins.completionRate', label: 'a', minHours: 4, capPerRecord: 2 },
      received: { source: 'checkins.receivedMembers', label: 'a' },
      receivedHours: { source: 'checkins.receivedHours', label: 'a' },
    });
    const rows = await computeFacts(t.db, y, [tree.unit.id, tree.community.id], d);
    // 3 in service, 2 reported → 66.67%; hours 5 + 3 + 10 = 18, capped 2 + 2 + 2 = 6; only m1 reaches 4 capped hours → 1/3 = 33.33%
    expect(rows.get(tree.unit.id)).toEqual({ members: 3, reported: 2, rate: 66.67, hours: 18, hoursCapped: 6, completion: 33.33, received: 0, receivedHours: 0 });
    // the community has no in-service members of its own (rates take ifNone, 0) and received both reports and 18 hours
    expect(rows.get(tree.community.id)).toEqual({ members: 0, reported: 0, rate: 0, hours: 0, hoursCapped: 0, completion: 0, received: 2, receivedHours: 18 });
  });

  it('reads inspections, declared facts, agreements and member counts', async () => {
    const d = defs({
      inspSum: { source: 'inspections.sum', label: 'a' },
      inspDeduction: { source: 'inspections.sum', label: 'a', sign: 'deduction' },
      inspLedger: { source: 'inspections.count', label: 'a', indicator: 'ledger' },
      age: { source: 'declared', label: 'a', key: 'team.age', type: 'number' },
      sat: { source: 'declared', label: 'a', key: 'public.sat', type: 'distribution' },
      flag: { source: 'declared', label: 'a', key: 'never.entered', type: 'boolean' },
      agreements: { source: 'agreements.count', label: 'a' },
      size: { source: 'org.memberCount', label: 'a' },
    });
    const rows = await computeFacts(t.db, y, [tree.grid.id, tree.unit.id], d);
    // −2 + 1 = −1; deductions only −2; one entry on 'ledger'; a flat tally becomes one group; never entered stays missing
    expect(rows.get(tree.grid.id)).toEqual({ inspSum: -1, inspDeduction: -2, inspLedger: 1, age: 50.5, sat: { 全部: { 满意: 3, 不了解: 1 } }, flag: undefined, agreements: 0, size: 20 });
    expect(rows.get(tree.unit.id)).toMatchObject({ inspSum: 0, agreements: 1, size: 20 });
  });
});
