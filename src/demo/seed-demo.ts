import { requireRole } from '../auth/scope';
import type { CycleState } from '../db/database';
import { withTransaction } from '../db/transaction';
import { AppError } from '../errors/app-error';
import { todayInChina } from '../lib/clock';
import { recordAudit } from '../features/audit/record-audit';
import type { Ctx } from '../features/context';
import { insertOrgRows, lockOrgTree } from '../features/orgs/orgs.repository';
import { checkinsFor, declaredFor, jointMeetingsFor, ledgerFor, policyStudiesFor, recordsFor, type DemoLedgerRow, type DemoMeeting } from './activity';
import { insertDemoAccounts, planDemoAccounts, type DemoAccount } from './demo-accounts';
import { planAgreements, planDistrict, type PlannedAgreement, type PlannedOrg } from './plan';
import { dutyReviewFor, memberFeedbackFor, twowayFor, type DemoFeedback } from './reviews';
import { hashCode } from '../auth/codes';
import { defaultRaterGroups, defaultReviewItems, overallItem } from '../domain/catalog';
import { insertCampaigns, insertProjectCampaigns, type DemoProjectRef } from './seed-campaigns';
import {
  agreementsOfYears,
  anyOrganization,
  insertAgreements,
  insertAttendance,
  insertCheckins,
  insertCycles,
  insertDeclaredFacts,
  insertLedger,
  insertMeetings as insertMeetingRows,
  insertMemberFeedback,
  insertMembers,
  insertOrgRecords,
  insertReviewRaters,
  insertReviewSessions,
  insertReviewSubjects,
  insertReviewVotes,
  insertTwowayEvaluations,
  reserveIds,
  truncateAll,
  insertCbLinks,
  insertCbNeeds,
  insertCbProgress,
  insertCbTasks,
  insertCbProjects,
  insertCbResources,
  insertCbWishes,
  insertCbChairs,
  analyzeSeeded,
} from './demo.repository';
import { cobuildingFor, type DemoLists } from './cobuilding';
import { fillComputed, itemsTotal } from '../features/twoway/twoway-forms';
import { evaluationsOfYears, formsOfYear, pairOutcomes, pinFormsToYears, updateEvaluationItems } from '../features/twoway/twoway-forms.repository';

export type SeedOptions = { scale: number; seed: string; reset?: boolean };
export type SeedProgress = (step: string, done: number, total: number) => void;
export type SeedSummary = {
  organizations: number;
  members: number;
  agreements: number;
  ledgerRecords: number;
  meetings: number;
  checkins: number;
  reviewVotes: number;
  twowayEvaluations: number;
  ballots: number;
  /** 项目清单: co-building projects, with their needs, resources and progress ledgers. */
  cobuildingProjects: number;
  cycles: { year: number; state: CycleState }[];
  /** The demo accounts (one per role and kind of organization), all with DEMO_PASSWORD. */
  accounts: DemoAccount[];
};

const FLUSH_AT = 20_000;

/**
 * Writes the demo district into an empty database, in one transaction: organizations, members,
 * co-building agreements, and three cycles of ledger, joint meetings and check-ins (the year before
 * last and last year complete, this year up to today). Deterministic for a seed and a date.
 */
export async function seedDemo(ctx: Ctx, opts: SeedOptions, progress: SeedProgress = () => {}): Promise<SeedSummary> {
  requireRole(ctx, ['admin']);
  if (ctx.actor.orgPath !== '/') throw new AppError('forbidden', '只有命令行可以生成演示数据');
  const today = todayInChina(ctx.clock);
  const thisYear = Number(today.slice(0, 4));
  const cycles = [
    { year: thisYear - 2, state: 'reviewing' as const },
    { year: thisYear - 1, state: 'reviewing' as const },
    { year: thisYear, state: 'collecting' as const },
  ];

  const seeded = await withTransaction(ctx, async (tx) => {
    await lockOrgTree(tx.db);
    if ((await anyOrganization(tx.db)) && !opts.reset) {
      throw new AppError('conflict', '数据库中已有组织数据，未生成演示数据（如需清空重建，请加 --reset）');
    }
    if (opts.reset) {
      await truncateAll(tx.db);
    }

    const plan = planDistrict(opts.seed, opts.scale);
    progress('组织', 0, plan.orgs.length);
    const ids = await insertPlannedOrgs(tx, plan.orgs);
    progress('组织', plan.orgs.length, plan.orgs.length);

    progress('党员', 0, plan.members.length);
    const memberIds = await reserveIds(tx.db, 'members', plan.members.length);
    await insertMembers(
      tx.db,
      plan.members.map((m, i) => [
        memberIds[i],
        m.name,
        ids.get(m.orgCode),
        m.employerName,
        m.employerCode ? ids.get(m.employerCode) : null,
        m.residenceCode ? ids.get(m.residenceCode) : null,
        m.inService,
      ]),
    );
    progress('党员', plan.members.length, plan.members.length);

    await insertCycles(tx.db, cycles);
    const agreements = planAgreements(opts.seed, plan, cycles.map((c) => c.year), today);
    await insertAgreements(tx.db, agreements.map((a) => [ids.get(a.communityCode), ids.get(a.unitCode), a.year, a.content, a.signedOn]));

    const partnersOf = new Map<string, { code: string; signedOn: string }[]>();
    for (const a of agreements) {
      const key = `${a.communityCode}|${a.year}`;
      partnersOf.set(key, [...(partnersOf.get(key) ?? []), { code: a.unitCode, signedOn: a.signedOn }]);
    }

    let ledgerCount = 0;
    let meetingCount = 0;
    let checkinCount = 0;
    const ledgerBuffer: DemoLedgerRow[] = [];
    const flushLedger = async (force: boolean) => {
      if (ledgerBuffer.length === 0 || (!force && ledgerBuffer.length < FLUSH_AT)) return;
      await insertLedger(
        tx.db,
        ledgerBuffer.map((r) => [
          ids.get(r.orgCode),
          r.year,
          r.kind,
          r.occurredOn,
          r.title,
          r.participants,
          r.hours,
          r.evidence,
          r.status,
          'demo',
          'demo',
          r.createdAt,
          r.reviewedAt ? 'demo' : null,
          r.reviewedAt,
          r.reviewReason,
        ]),
      );
      ledgerCount += ledgerBuffer.length;
      ledgerBuffer.length = 0;
    };

    const feedback: DemoFeedback[] = [];
    const gridsOf = new Map<string, string[]>();
    for (const g of plan.orgs) if (g.kind === 'grid' && g.parentCode) gridsOf.set(g.parentCode, [...(gridsOf.get(g.parentCode) ?? []), g.code]);
    const communities = plan.orgs.filter((o) => o.kind === 'community');
    const streets = plan.orgs.filter((o) => o.kind === 'street');
    for (const { year } of cycles) {
      const step = `${year} 年度台账`;
      progress(step, 0, plan.orgs.length);
      const meetings: DemoMeeting[] = [];
      for (const [i, org] of plan.orgs.entries()) {
        ledgerBuffer.push(...ledgerFor(opts.seed, org, year, today));
        if (org.kind === 'community') {
          const joint = jointMeetingsFor(opts.seed, org, partnersOf.get(`${org.code}|${year}`) ?? [], year, today);
          meetings.push(...joint.meetings);
          ledgerBuffer.push(...joint.ledger);
        }
        await flushLedger(false);
        if (i % 200 === 0) progress(step, i, plan.orgs.length);
      }
      await flushLedger(true);
      for (const street of streets) {
        const mine = communities.filter((c) => c.parentCode === street.code).map((c) => c.code);
        meetings.push(...policyStudiesFor(opts.seed, street, mine, year, today));
      }
      meetingCount += await insertMeetings(tx, meetings, ids);
      progress(step, plan.orgs.length, plan.orgs.length);

      const finished = cycles.find((c) => c.year === year)!.state !== 'collecting';
      const checkins = plan.members.flatMap((m, i) => {
        const own = checkinsFor(opts.seed, m, i, year, today);
        const fb = finished ? memberFeedbackFor(m, i, year, own) : null;
        if (fb) feedback.push(fb);
        return own;
      });
      await insertCheckins(
        tx.db,
        checkins.map((c) => [memberIds[c.memberIndex], ids.get(c.communityCode), c.year, c.kind, c.occurredOn, c.hours, c.activity, 'demo', 'demo']),
      );
      checkinCount += checkins.length;
    }

    // Year-end paper results for the cycles whose year is over.
    const declared = cycles.filter((c) => c.state !== 'collecting').flatMap((c) => plan.orgs.flatMap((o) => declaredFor(opts.seed, o, c.year)));
    await insertDeclaredFacts(tx.db, declared.map((d) => [d.year, ids.get(d.orgCode), d.key, JSON.stringify(d.value), d.note, 'demo']));

    const finishedYears = cycles.filter((c) => c.state !== 'collecting').map((c) => c.year);
    const opinions = await insertOpinions(tx, opts.seed, { ids, memberIds, streets, communities, agreements: agreements.filter((a) => finishedYears.includes(a.year)), feedback, years: finishedYears });

    const records = cycles.filter((c) => c.state !== 'collecting').flatMap((c) => plan.orgs.flatMap((o) => recordsFor(opts.seed, o, c.year)));
    await insertOrgRecords(tx.db, records.map((r) => [r.year, ids.get(r.orgCode), r.type, r.level, r.title, r.reason, r.recordedOn, 'demo']));

    const ballotCount = await insertCampaigns(tx, opts.seed, cycles, communities, ids, today);
    const lists = cycles.flatMap(({ year }) =>
      communities.map((c) => cobuildingFor(opts.seed, c, gridsOf.get(c.code) ?? [], partnersOf.get(`${c.code}|${year}`) ?? [], year, today)),
    );
    const projects = await insertCobuildingLists(tx, lists, ids);
    const projectBallots = await insertProjectCampaigns(tx, opts.seed, finishedYears, projects, ids.get('XC')!);
    await fillComputedItems(tx, finishedYears);
    const accounts = planDemoAccounts(plan.orgs, agreements, thisYear);
    await insertDemoAccounts(tx, accounts, ids, plan.orgs, thisYear);

    const summary: SeedSummary = {
      organizations: plan.orgs.length,
      members: plan.members.length,
      agreements: agreements.length,
      ledgerRecords: ledgerCount,
      meetings: meetingCount,
      checkins: checkinCount,
      reviewVotes: opinions.votes,
      twowayEvaluations: opinions.twoway,
      ballots: ballotCount + projectBallots,
      cobuildingProjects: projects.length,
      cycles,
      accounts,
    };
    await recordAudit(tx, { action: 'demo.seed', entity: 'database', entityId: 'demo', orgId: ids.get('XC') ?? null, after: { ...opts, today, ...summary } });
    return summary;
  });
  // Hundreds of thousands of rows at once: the planner gets their statistics now, not at the next autovacuum.
  await analyzeSeeded(ctx.db);
  return seeded;
}

/**
 * The co-building lists of every community and year: resources, needs, projects with their links and ledgers,
 * wishes, chairs. Returns the projects, with what a rating of the closed ones needs.
 */
async function insertCobuildingLists(ctx: Ctx, lists: readonly DemoLists[], ids: Map<string, number>): Promise<DemoProjectRef[]> {
  const resources = lists.flatMap((l) => l.resources);
  const needs = lists.flatMap((l) => l.needs);
  const projects = lists.flatMap((l) => l.projects);
  const [resourceIds, needIds, projectIds] = await Promise.all([reserveIds(ctx.db, 'cb_resources', resources.length), reserveIds(ctx.db, 'cb_needs', needs.length), reserveIds(ctx.db, 'cb_projects', projects.length)]);
  await insertCbResources(ctx.db, resources.map((r, i) => [resourceIds[i], ids.get(r.orgCode), ids.get(r.toCode), r.kind, r.title, r.description, r.capacity, r.offeredOn, r.availableTo, 'demo']));
  await insertCbNeeds(ctx.db, needs.map((n, i) => [needIds[i], ids.get(n.orgCode), n.kind, n.title, n.description, n.residents, n.urgency, n.source, n.raisedOn, n.state, n.metOn, 'demo']));
  await insertCbProjects(
    ctx.db,
    projects.map((p, i) => [projectIds[i], ids.get(p.communityCode), p.unitCode ? ids.get(p.unitCode) : null, p.title, p.goal, p.plannedStart, p.plannedEnd, p.state, p.createdOn, p.claimedOn, p.closeProposedOn, p.closedOn, p.sentBack, 'demo']),
  );
  // Keys are local to one community and year: resolve them list by list.
  const links: unknown[][] = [];
  const entries: unknown[][] = [];
  const tasks: unknown[][] = [];
  let [r0, n0, p0] = [0, 0, 0];
  for (const l of lists) {
    const rid = new Map(l.resources.map((r, i) => [r.key, resourceIds[r0 + i]]));
    const nid = new Map(l.needs.map((n, i) => [n.key, needIds[n0 + i]]));
    for (const [i, p] of l.projects.entries()) {
      const id = projectIds[p0 + i];
      links.push(...p.needKeys.map((k) => [id, nid.get(k), null]), ...p.resourceKeys.map((k) => [id, null, rid.get(k)]));
      entries.push(...p.entries.map((e) => [id, e.kind, e.on, e.text, ids.get(e.byUnit ? p.unitCode! : p.communityCode), 'demo']));
      tasks.push(...p.tasks.map((k) => [id, k.title, ids.get(k.byUnit ? p.unitCode! : p.communityCode), k.person, k.dueOn, k.milestone, k.doneOn, 'demo']));
    }
    [r0, n0, p0] = [r0 + l.resources.length, n0 + l.needs.length, p0 + l.projects.length];
  }
  await insertCbLinks(ctx.db, links);
  await insertCbProgress(ctx.db, entries);
  await insertCbTasks(ctx.db, tasks);
  // 微心愿: consent given on the day each was collected; no resident contact in the demo.
  const wishes = lists.flatMap((l) => l.wishes);
  await insertCbWishes(ctx.db, wishes.map((w) => [ids.get(w.orgCode), w.wish, w.alias, w.raisedOn, w.raisedOn, w.state, w.claimerCode ? ids.get(w.claimerCode) : null, w.member, w.claimedOn, w.fulfilledOn, w.fulfilText, w.confirmedOn, 'demo']));
  const chairs = lists.flatMap((l) => l.chairs);
  await insertCbChairs(ctx.db, chairs.map((c) => [ids.get(c.communityCode), ids.get(c.unitCode), c.startsOn, c.endsOn, c.duties, 'demo']));
  return projects.map((p, i) => ({ id: projectIds[i]!, communityId: ids.get(p.communityCode)!, closedOn: p.closedOn, onTime: p.closedOn !== null && p.closedOn <= p.plannedEnd }));
}

/**
 * The evaluated years take the catalog's two-way forms, and each community's evaluation of a unit gets its computed
 * items (资源项目落实) from what the unit delivered to it in the lists, as a submission through the API would.
 */
async function fillComputedItems(ctx: Ctx, years: readonly number[]): Promise<void> {
  await pinFormsToYears(ctx.db, years);
  const rows: { id: number; items: Record<string, number>; total: string }[] = [];
  for (const year of years) {
    const form = (await formsOfYear(ctx.db, year)).get('community_rates_unit')!;
    const evaluations = await evaluationsOfYears(ctx.db, [year], 'community_rates_unit');
    const counts = new Map((await pairOutcomes(ctx.db, evaluations.map((e) => e.agreement_id), todayInChina(ctx.clock))).map((c) => [c.agreementId, c]));
    for (const e of evaluations) {
      const items = fillComputed(form.items, e.items, counts.get(e.agreement_id));
      rows.push({ id: e.id, items, total: itemsTotal(items) });
    }
  }
  await updateEvaluationItems(ctx.db, rows);
}

/** Inserts organizations a tree level at a time (the path trigger needs each parent first); returns code → id. */
async function insertPlannedOrgs(ctx: Ctx, orgs: readonly PlannedOrg[]): Promise<Map<string, number>> {
  const depth = new Map<string, number>();
  for (const o of orgs) depth.set(o.code, o.parentCode === null ? 0 : depth.get(o.parentCode)! + 1);
  const ids = new Map<string, number>();
  const maxDepth = Math.max(...depth.values());
  for (let level = 0; level <= maxDepth; level++) {
    const rows = orgs
      .filter((o) => depth.get(o.code) === level)
      .map((o) => ({
        code: o.code,
        name: o.name,
        kind: o.kind,
        category: o.category,
        parent_id: o.parentCode === null ? null : ids.get(o.parentCode)!,
        secretary_name: o.secretary,
        member_count: o.memberCount,
        active_from: o.activeFrom,
        active_to: null,
      }));
    for (const row of await insertOrgRows(ctx.db, rows)) ids.set(row.code, row.id);
  }
  return ids;
}

async function insertMeetings(ctx: Ctx, meetings: readonly DemoMeeting[], ids: Map<string, number>): Promise<number> {
  const meetingIds = await reserveIds(ctx.db, 'meetings', meetings.length);
  await insertMeetingRows(ctx.db, meetings.map((m, i) => [meetingIds[i], m.year, m.kind, ids.get(m.hostCode), m.title, m.heldOn, 'demo']));
  await insertAttendance(ctx.db, meetings.flatMap((m, i) => m.attendance.map((a) => [meetingIds[i], ids.get(a.orgCode), a.status])));
  return meetings.length;
}

/**
 * The opinions of the finished years: each street's closed duty review of its community secretaries
 * (raters by code, all used; votes carry only their group), both directions of the two-way evaluation of
 * every agreement (some missing), and the communities' feedback on in-service members.
 */
async function insertOpinions(
  ctx: Ctx,
  seed: string,
  d: {
    ids: Map<string, number>;
    memberIds: number[];
    streets: readonly PlannedOrg[];
    communities: readonly PlannedOrg[];
    agreements: readonly PlannedAgreement[];
    feedback: readonly DemoFeedback[];
    years: readonly number[];
  },
): Promise<{ votes: number; twoway: number }> {
  const items = [...defaultReviewItems, overallItem].map((i) => ({ key: i.key, label: i.label }));
  const groups = defaultRaterGroups.map((g) => ({ ...g }));
  const reviews = d.years.flatMap((year) =>
    d.streets.map((street) => dutyReviewFor(seed, street, d.communities.filter((c) => c.parentCode === street.code), year)).filter((r) => r.subjectCodes.length > 0),
  );
  const sessionIds = await reserveIds(ctx.db, 'review_sessions', reviews.length);
  await insertReviewSessions(
    ctx.db,
    reviews.map((r, i) => [sessionIds[i], r.year, 'secretary', d.ids.get(r.streetCode), r.title, 'closed', JSON.stringify(items), JSON.stringify(groups), 'demo', `${r.year + 1}-01-12T01:00:00Z`, `${r.year + 1}-01-12T04:00:00Z`]),
  );
  await insertReviewSubjects(ctx.db, reviews.flatMap((r, i) => r.subjectCodes.map((c) => [sessionIds[i], d.ids.get(c), r.year, 'secretary'])));
  // The codes were handed out on paper and are all used; only their hashes exist.
  const raterRows: unknown[][] = [];
  for (const [i, r] of reviews.entries()) {
    for (const rater of r.raters) {
      raterRows.push([sessionIds[i], rater.group, await hashCode(`${seed}/${r.streetCode}/${r.year}/${rater.group}/${rater.index}`), `${r.year + 1}-01-12T03:00:00Z`]);
    }
  }
  await insertReviewRaters(ctx.db, raterRows);
  const votes = reviews.flatMap((r, i) => r.votes.map((v) => [sessionIds[i], d.ids.get(v.subjectCode), v.group, JSON.stringify(v.answers)]));
  await insertReviewVotes(ctx.db, votes);

  const agreementIds = new Map((await agreementsOfYears(ctx.db, d.years)).map((a) => [`${a.community_id}|${a.unit_id}|${a.year}`, a.id]));
  const agreementOf = (communityCode: string, unitCode: string, year: number) => agreementIds.get(`${d.ids.get(communityCode)}|${d.ids.get(unitCode)}|${year}`);
  const twoway = d.agreements.flatMap((a) => twowayFor(seed, a));
  await insertTwowayEvaluations(
    ctx.db,
    twoway.map((e) => [
      agreementOf(e.communityCode, e.unitCode, e.year),
      e.year,
      e.direction,
      JSON.stringify(e.items),
      e.total,
      e.comment,
      d.ids.get(e.direction === 'community_rates_unit' ? e.communityCode : e.unitCode),
      'demo',
    ]),
  );
  await insertMemberFeedback(
    ctx.db,
    d.feedback.map((f) => [agreementOf(f.communityCode, f.unitCode, f.year) ?? null, d.ids.get(f.communityCode), d.memberIds[f.memberIndex], f.year, f.reported, f.hours, f.rating, f.comment, 'demo']),
  );
  return { votes: votes.length, twoway: twoway.length };
}

