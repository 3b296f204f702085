import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, type SeedSummary } from '../../src/demo/seed-demo';
import { cliActor } from '../../src/features/context';
import { fixedClock } from '../../src/lib/clock';
import { openIsolatedDatabase } from '../support/db';
import { testRuleSets } from '../support/app';
import { readFileSync } from 'node:fs';
import { scoreCycle } from '../../src/features/scoring/score-cycle';
import { demoResults } from '../../src/demo/demo-results';
import { previewRuleSet, publishRuleSet } from '../../src/features/scoring/preview-rules';
import { listFlags } from '../../src/features/ratings/review-ballots';

let handle: Awaited<ReturnType<typeof openIsolatedDatabase>>;
let summary: SeedSummary;
const clock = fixedClock('2026-11-22T04:00:00Z'); // noon in China: "today" is 2026-11-22

beforeAll(async () => {
  handle = await openIsolatedDatabase();
  summary = await seedDemo({ actor: cliActor(), db: handle.db, clock, requestId: null }, { scale: 1, seed: 'xingping' });
});
afterAll(() => handle.drop());

async function one<T>(query: ReturnType<typeof sql<T>>): Promise<T> {
  return (await query.execute(handle.db)).rows[0]!;
}

describe('the demo district', () => {
  it('has the shape of the district in the seed documents', async () => {
    const kinds = await sql<{ kind: string; n: number }>`select kind, count(*)::int as n from organizations group by kind`.execute(handle.db);
    const n = Object.fromEntries(kinds.rows.map((r) => [r.kind, r.n]));
    expect(n).toMatchObject({ district: 1, street: 6, community: 27, grid: 145, building: 135, sector: 3 });
    expect(n.unit + n.enterprise + n.social_org).toBe(310);
    expect(summary.members).toBeGreaterThan(9_500);
    expect(summary.members).toBeLessThan(11_000);
    const members = await one(sql<{ total: number; sum: number }>`select (select count(*) from members)::int as total, (select sum(member_count) from organizations)::int as sum`);
    expect(members.sum).toBe(members.total); // member_count on every organization matches its members
    const pairs = await one(sql<{ n: number }>`select count(*)::int as n from agreements where year = 2025`);
    expect(pairs.n).toBeGreaterThanOrEqual(300);
  });

  it('has three cycles: two complete years under review and this year collecting up to today', async () => {
    const cycles = await sql<{ year: number; state: string }>`select year, state from cycles order by year`.execute(handle.db);
    expect(cycles.rows).toEqual([
      { year: 2024, state: 'reviewing' },
      { year: 2025, state: 'reviewing' },
      { year: 2026, state: 'collecting' },
    ]);
    const latest = await one(sql<{ d: string }>`select max(occurred_on)::text as d from ledger_records`);
    expect(latest.d <= '2026-11-22').toBe(true);
    const months = await one(sql<{ n: number }>`select count(distinct extract(month from occurred_on))::int as n from ledger_records where cycle_year = 2025`);
    expect(months.n).toBe(12);
  });

  it('spreads diligence the way real districts do: full years, missing months, unverified and rejected records', async () => {
    const spread = await sql<{ months: number; grids: number }>`
      select months, count(*)::int as grids from (
        select o.id, count(distinct extract(month from r.occurred_on))::int as months
        from organizations o left join ledger_records r on r.org_id = o.id and r.cycle_year = 2025 and r.kind = 'theme_day'
        where o.kind = 'grid' group by o.id) g
      group by months order by months`.execute(handle.db);
    const byMonths = new Map(spread.rows.map((r) => [r.months, r.grids]));
    expect(byMonths.get(12) ?? 0).toBeGreaterThan(10); // a diligent group with every monthly 主题党日
    expect(spread.rows.filter((r) => r.months <= 9).reduce((s, r) => s + r.grids, 0)).toBeGreaterThan(5); // laggards

    const status = await sql<{ status: string; n: number }>`select status, count(*)::int as n from ledger_records where cycle_year = 2025 group by status`.execute(handle.db);
    const s = Object.fromEntries(status.rows.map((r) => [r.status, r.n]));
    expect(s.verified).toBeGreaterThan(s.submitted);
    expect(s.submitted).toBeGreaterThan(0);
    expect(s.rejected).toBeGreaterThan(0);

    const silent = await one(sql<{ n: number }>`
      select count(*)::int as n from members m where m.in_service
      and not exists (select 1 from checkins c where c.member_id = m.id)`);
    expect(silent.n).toBeGreaterThan(50); // in-service members who never report
    const absences = await one(sql<{ n: number }>`select count(*)::int as n from meeting_attendance where status = 'absent'`);
    expect(absences.n).toBeGreaterThan(0);
  });

  it('keeps time consistent: reviews after filing, nothing signed or held after today, partners invited once signed', async () => {
    const early = await one(sql<{ n: number }>`select count(*)::int as n from ledger_records where reviewed_at < created_at or created_at::date > '2026-11-22'`);
    expect(early.n).toBe(0);
    const future = await one(sql<{ n: number }>`select count(*)::int as n from agreements where signed_on > '2026-11-22'`);
    expect(future.n).toBe(0);
    const unsigned = await one(sql<{ n: number }>`
      select count(*)::int as n from meetings m join meeting_attendance a on a.meeting_id = m.id
      where m.kind = 'joint_meeting' and not exists (
        select 1 from agreements g where g.community_id = m.host_org_id and g.unit_id = a.org_id
        and g.year = m.cycle_year and g.signed_on <= m.held_on)`);
    expect(unsigned.n).toBe(0);
  });

  it('has co-building lists for every community: projects in every state, none dated after today, consistent with their ledgers', async () => {
    const states = await sql<{ state: string; n: number }>`select state, count(*)::int as n from cb_projects group by state`.execute(handle.db);
    const byState = Object.fromEntries(states.rows.map((r) => [r.state, r.n]));
    for (const state of ['open', 'claimed', 'closing', 'closed']) expect(byState[state], state).toBeGreaterThan(0);
    expect(summary.cobuildingProjects).toBe(Object.values(byState).reduce((a, b) => a + b, 0));
    // Every community has projects, and some are overdue today, some were sent back, some closed late.
    const communities = await one(sql<{ without: number }>`select count(*)::int as without from organizations o where o.kind = 'community' and not exists (select 1 from cb_projects p where p.community_id = o.id)`);
    expect(communities.without).toBe(0);
    const mix = await one(sql<{ overdue: number; sent_back: number; late: number }>`
      select count(*) filter (where state <> 'closed' and planned_end < '2026-11-22')::int as overdue,
             count(*) filter (where sent_back > 0)::int as sent_back,
             count(*) filter (where closed_on > planned_end)::int as late
      from cb_projects`);
    expect(mix.overdue).toBeGreaterThan(0);
    expect(mix.sent_back).toBeGreaterThan(0);
    expect(mix.late).toBeGreaterThan(0);
    const future = await one(sql<{ n: number }>`
      select (select count(*) from cb_progress where entry_on > '2026-11-22') + (select count(*) from cb_needs where raised_on > '2026-11-22')
        + (select count(*) from cb_resources where offered_on > '2026-11-22') + (select count(*) from cb_projects where coalesce(closed_on, close_proposed_on, claimed_on, created_on) > '2026-11-22') as n`);
    expect(Number(future.n)).toBe(0);
    // The states agree with the dates and the ledger: a claimed project has a unit with an agreement with the community,
    // a closed one a 销号 entry on its closing day, and its needs are met that day.
    const wrong = await one(sql<{ n: number }>`
      select count(*)::int as n from cb_projects p where
        (p.state <> 'open' and not exists (select 1 from agreements a where a.community_id = p.community_id and a.unit_id = p.responsible_id))
        or (p.state = 'closed' and not exists (select 1 from cb_progress g where g.project_id = p.id and g.kind = 'closed' and g.entry_on = p.closed_on))
        or (p.state = 'closed' and exists (select 1 from cb_project_links l join cb_needs n on n.id = l.need_id where l.project_id = p.id and (n.state <> 'met' or n.met_on <> p.closed_on)))
        or (p.claimed_on < p.created_on) or (p.closed_on < p.close_proposed_on)`);
    expect(wrong.n).toBe(0);
    // 责任分解: every project has tasks, due within its planned time, for its community or responsible unit, done
    // not before the claim nor after today; the node (里程碑) is done on the day of the standing request to close, and
    // not done while the project is under way (sent back included).
    const tasks = await one(sql<{ untasked: number; bad: number; nodes: number }>`
      select (select count(*)::int from cb_projects p where not exists (select 1 from cb_project_tasks k where k.project_id = p.id)) as untasked,
        (select count(*)::int from cb_project_tasks k join cb_projects p on p.id = k.project_id where k.due_on not between p.planned_start and p.planned_end
          or k.org_id not in (p.community_id, coalesce(p.responsible_id, 0)) or k.done_on < p.claimed_on or k.done_on > '2026-11-22' or (k.done_on is not null and p.claimed_on is null)) as bad,
        (select count(*)::int from cb_project_tasks k join cb_projects p on p.id = k.project_id where k.milestone and p.state in ('closing', 'closed') and k.done_on is distinct from p.close_proposed_on)
          + (select count(*)::int from cb_project_tasks k join cb_projects p on p.id = k.project_id where k.milestone and p.state not in ('closing', 'closed') and k.done_on is not null) as nodes`);
    expect(tasks).toEqual({ untasked: 0, bad: 0, nodes: 0 });
    // 微心愿: every state, a claimer with an agreement with the wish's community, dates in order and not after today.
    const wishes = await sql<{ state: string; n: number }>`select state, count(*)::int as n from cb_wishes group by state`.execute(handle.db);
    for (const state of ['open', 'claimed', 'fulfilled', 'confirmed']) expect(wishes.rows.find((r) => r.state === state)?.n ?? 0, state).toBeGreaterThan(0);
    const badWish = await one(sql<{ n: number }>`
      select count(*)::int as n from cb_wishes w join organizations o on o.id = w.org_id where
        (w.claimer_id is not null and not exists (select 1 from agreements a where a.unit_id = w.claimer_id and a.community_id = case when o.kind = 'grid' then o.parent_id else o.id end))
        or w.claimed_on < w.raised_on or w.fulfilled_on < w.claimed_on or w.confirmed_on < w.fulfilled_on or greatest(w.raised_on, w.claimed_on, w.fulfilled_on, w.confirmed_on) > '2026-11-22'`);
    expect(badWish.n).toBe(0);
    // 轮值主席: every community with partners has its year covered by terms of units with an agreement for that
    // year, without gap or overlap; some chairs took on projects during their terms.
    const rota = await one(sql<{ uncovered: number; overlaps: number; strangers: number; claimed: number }>`
      select (select count(*)::int from agreements a where not exists (select 1 from cb_chairs h where h.community_id = a.community_id and extract(year from h.starts_on) = a.year)) as uncovered,
        (select count(*)::int from cb_chairs h join cb_chairs k on k.community_id = h.community_id and k.id <> h.id and k.starts_on <= h.ends_on and k.ends_on >= h.starts_on) as overlaps,
        (select count(*)::int from cb_chairs h where not exists (select 1 from agreements a where a.community_id = h.community_id and a.unit_id = h.unit_id and a.year = extract(year from h.starts_on))) as strangers,
        (select count(*)::int from cb_chairs h join cb_projects p on p.community_id = h.community_id and p.responsible_id = h.unit_id and p.claimed_on between h.starts_on and h.ends_on) as claimed`);
    expect(rota).toMatchObject({ uncovered: 0, overlaps: 0, strangers: 0 });
    expect(rota.claimed).toBeGreaterThan(0);
    const days = await sql<{ n: number }>`select sum(ends_on - starts_on + 1)::int as n from cb_chairs group by community_id, extract(year from starts_on)`.execute(handle.db);
    expect(new Set(days.rows.map((r) => r.n)).size <= 2 && days.rows.every((r) => r.n === 365 || r.n === 366)).toBe(true);
  });

  it('has a closed duty review of every community secretary per finished year, two-way evaluations with gaps, member feedback', async () => {
    const reviewed = await sql<{ year: number; communities: number; groups: number; thin: number }>`
      select s.cycle_year as year, count(distinct v.subject_org_id)::int as communities, count(distinct v.group_key)::int as groups,
        (select count(*)::int from (select subject_org_id, group_key from review_votes v2 join review_sessions s2 on s2.id = v2.session_id
          where s2.cycle_year = s.cycle_year group by 1, 2 having count(*) < 5) t) as thin
      from review_sessions s join review_votes v on v.session_id = s.id where s.state = 'closed' group by 1 order by 1`.execute(handle.db);
    expect(reviewed.rows).toEqual([
      { year: 2024, communities: 27, groups: 4, thin: 0 },
      { year: 2025, communities: 27, groups: 4, thin: 0 },
    ]);
    // Every rater of a closed review voted; the one waiting is demo-reviewer in this year's review, not yet open.
    const unused = await sql<{ state: string; year: number; login: string | null }>`select s.state, s.cycle_year as year, u.login from review_raters r
      join review_sessions s on s.id = r.session_id left join users u on u.id = r.user_id where r.used_at is null`.execute(handle.db);
    expect(unused.rows).toEqual([{ state: 'draft', year: 2026, login: 'demo-reviewer' }]);
    const twoway = await sql<{ direction: string; given: number; agreements: number }>`
      select e.direction, count(*)::int as given, (select count(*)::int from agreements where year = 2025) as agreements
      from twoway_evaluations e where e.cycle_year = 2025 group by 1 order by 1`.execute(handle.db);
    for (const row of twoway.rows) {
      expect(row.given).toBeLessThan(row.agreements); // some never got round to it
      expect(row.given / row.agreements).toBeGreaterThan(0.75);
    }
    expect(twoway.rows.map((r) => r.direction)).toEqual(['community_rates_unit', 'unit_rates_community']);
    const feedback = await one(sql<{ reported: number; silent: number }>`
      select count(*) filter (where reported)::int as reported, count(*) filter (where not reported)::int as silent from member_feedback where cycle_year = 2025`);
    expect(feedback.reported).toBeGreaterThan(100);
    expect(feedback.silent).toBeGreaterThan(10);
  });

  it('has a rating campaign a year: closed surveys with 不了解 and bursts (one voided), an open one this year', async () => {
    const campaigns = await sql<{ cycle_year: number; state: string; targets: number; ballots: number; voided: number; unknown: number }>`
      select c.cycle_year, c.state,
        (select count(*) from rating_targets t where t.campaign_id = c.id)::int as targets,
        (select count(*) from ballots b where b.campaign_id = c.id)::int as ballots,
        (select count(*) from ballots b where b.campaign_id = c.id and b.voided_at is not null)::int as voided,
        (select count(*) from ballots b where b.campaign_id = c.id and b.answers->>'overall' = '不了解')::int as unknown
      from rating_campaigns c where c.subject = 'org' order by c.cycle_year`.execute(handle.db);
    expect(campaigns.rows.map((r) => [r.cycle_year, r.state, r.targets])).toEqual([[2024, 'closed', 27], [2025, 'closed', 27], [2026, 'open', 27]]);
    for (const r of campaigns.rows.slice(0, 2)) {
      expect(r.ballots).toBeGreaterThan(27 * 100);
      expect(r.unknown).toBeGreaterThan(0);
    }
    expect(campaigns.rows.map((r) => r.voided > 0)).toEqual([false, true, false]);
    expect(campaigns.rows[2]!.ballots).toBeGreaterThan(0);
    // Every online ballot of a closed campaign has a used code of its target and group (ballots name no code);
    // the 2025 flags list the bursts, the voided one among them.
    const unmatched = await sql<{ n: number }>`
      with cast_ as (select target_id, rater_group, count(*) as n from ballots b join rating_campaigns c on c.id = b.campaign_id where c.state = 'closed' and b.source = 'online' group by 1, 2),
      used as (select target_id, rater_group, count(*) as n from ballot_codes where used_at is not null group by 1, 2)
      select count(*)::int as n from cast_ left join used using (target_id, rater_group) where used.n is distinct from cast_.n`.execute(handle.db);
    expect(unmatched.rows[0]!.n).toBe(0);
    const id = (await sql<{ id: number }>`select id from rating_campaigns where cycle_year = 2025 and subject = 'org'`.execute(handle.db)).rows[0]!.id;
    const flags = await listFlags({ ctx: { actor: cliActor(), db: handle.db, clock, requestId: null }, id, query: {} });
    const bursts = flags.items.filter((f) => f.kind === 'burst');
    expect(bursts.length).toBeGreaterThanOrEqual(3);
    expect(bursts.filter((f) => f.voidedIds.length > 0 && f.voidedIds.length === f.ballotIds.length)).toHaveLength(1);
  });

  it('has residents rate each finished year’s closed projects, those closed on time better than the late ones', async () => {
    const rows = await sql<{ cycle_year: number; state: string; targets: number; closed: number; min: number; max: number }>`
      select c.cycle_year, c.state, count(t.id)::int as targets,
        (select count(*) from cb_projects p where p.state = 'closed' and extract(year from p.closed_on) = c.cycle_year and p.closed_on < c.closes_on)::int as closed,
        min((select count(*) from ballots b where b.target_id = t.id))::int as min, max((select count(*) from ballots b where b.target_id = t.id))::int as max
      from rating_campaigns c join rating_targets t on t.campaign_id = c.id where c.subject = 'project' group by c.id order by 1`.execute(handle.db);
    expect(rows.rows.map((r) => [r.cycle_year, r.state])).toEqual([[2024, 'closed'], [2025, 'closed']]);
    for (const r of rows.rows) expect([r.targets, r.min >= 10, r.max <= 24]).toEqual([r.closed, true, true]);
    const good = await sql<{ on_time: boolean; share: number }>`
      select p.closed_on <= p.planned_end as on_time, avg(case when b.answers->>'overall' in ('很满意', '满意') then 100 else 0 end)::float8 as share
      from ballots b join rating_targets t on t.id = b.target_id join cb_projects p on p.id = t.project_id group by 1`.execute(handle.db);
    // Every ballot was cast after its project's 销号 (China date).
    const early = await one(sql<{ n: number }>`select count(*)::int as n from ballots b join rating_targets t on t.id = b.target_id join cb_projects p on p.id = t.project_id
      where (b.created_at at time zone 'Asia/Shanghai')::date <= p.closed_on`);
    expect(early.n).toBe(0);
    const share = new Map(good.rows.map((r) => [r.on_time, r.share]));
    expect(share.get(true)!).toBeGreaterThan(share.get(false)! + 10);
  });

  it('scores the way real districts spread: a few lagging, most in the middle, a top group', async () => {
    const ruleSets = await testRuleSets();
    const [y2024, y2025] = await demoResults({ actor: cliActor(), db: handle.db, clock, requestId: null }, ruleSets, [2024, 2025]);
    expect(y2024!.state).toBe('finalized');
    const summary = y2025!;
    expect(summary.organizations).toBe(27 + 145 + 310);
    const rows = await sql<{ category: string; total: string; assessed: boolean }>`
      select category, total::text as total, assessed from scores where revision_id = ${summary.revisionId}`.execute(handle.db);
    const totals = rows.rows.filter((r) => r.assessed).map((r) => Number(r.total));
    const share = (f: (t: number) => boolean) => totals.filter(f).length / totals.length;
    expect(share((t) => t < 60)).toBeGreaterThan(0.03); // a few lagging
    expect(share((t) => t < 60)).toBeLessThan(0.35);
    expect(share((t) => t >= 60 && t < 85)).toBeGreaterThan(0.4); // most in the middle
    expect(share((t) => t >= 85)).toBeGreaterThan(0.05); // a top group
    // Some organizations miss a gate or a sample and are not assessed, with the reason recorded.
    const notAssessed = rows.rows.filter((r) => !r.assessed).length;
    // Communities take their satisfaction from the closed campaign's ballots: enough of them to be assessed.
    expect(rows.rows.filter((r) => r.category === 'community' && r.assessed).length).toBeGreaterThan(20);
    expect(notAssessed).toBeGreaterThan(0);
    expect(notAssessed / rows.rows.length).toBeLessThan(0.2);
  });

  it('scores the same when facts are read in small parts as in one (scores, explanations and grades, row by row)', async () => {
    const ctx = { actor: cliActor(), db: handle.db, clock, requestId: null };
    const ruleSets = await testRuleSets();
    const whole = await scoreCycle({ ctx, year: 2025, ruleSets, partSize: 100_000 });
    // 37: parts that end inside every rule set, a last part shorter than the others.
    const parts = await scoreCycle({ ctx, year: 2025, ruleSets, partSize: 37 });
    const rowsOf = async (revisionId: number) =>
      (
        await sql<{ org_id: number; row: string }>`select s.org_id, json_build_array(s.category, s.rule_set_hash, s.assessed, s.total, s.result, g.grade, g.grade_label,
          g.rank_category, g.rank_parent, g.lagging, g.move, g.detail)::text as row
          from scores s left join grades g on g.revision_id = s.revision_id and g.org_id = s.org_id where s.revision_id = ${revisionId} order by s.org_id`.execute(handle.db)
      ).rows;
    const a = await rowsOf(whole.revisionId);
    expect(a.length).toBe(27 + 145 + 310);
    expect(await rowsOf(parts.revisionId)).toEqual(a);
    expect({ ...parts, revisionId: 0 }).toEqual({ ...whole, revisionId: 0 });
  });

  it('grades with last year in view, and a rule change previews exactly the organizations it moves', async () => {
    const ctx = { actor: cliActor(), db: handle.db, clock, requestId: null };
    const ruleSets = await testRuleSets();
    // Last year's grades came from the finalized 2024: some moves are not first gradings.
    const moves = await sql<{ move: string; n: number }>`select move, count(*)::int as n from grades where revision_id = (select max(id) from score_revisions where cycle_year = 2025) group by move`.execute(handle.db);
    expect(moves.rows.map((r) => r.move)).toEqual(expect.arrayContaining(['晋位', '保持', '降星']));

    // The draft: four stars from 75 instead of 80 for communities.
    const current = JSON.parse(readFileSync('rules/community.json', 'utf8'));
    const draft = structuredClone(current);
    draft.version = '2025.2-draft';
    draft.grading.bands = [current.grading.bands[0], { grade: 'four', gte: 75, lt: 90 }, { grade: 'three', gte: 70, lt: 75 }, ...current.grading.bands.slice(3)];
    const preview = await previewRuleSet({ ctx, year: 2025, draft, ruleSets });
    const before = await sql<{ org_id: number; grade: string }>`select g.org_id, g.grade from grades g join scores s on s.revision_id = g.revision_id and s.org_id = g.org_id
      where g.revision_id = (select max(id) from score_revisions where cycle_year = 2025) and s.category = 'community'`.execute(handle.db);

    await expect(publishRuleSet({ ctx, year: 2025, draft })).rejects.toMatchObject({ code: 'conflict' }); // no preview id
    await publishRuleSet({ ctx, year: 2025, draft, previewId: preview.previewId });
    const rescored = await scoreCycle({ ctx, year: 2025, ruleSets });
    const after = await sql<{ org_id: number; grade: string }>`select g.org_id, g.grade from grades g join scores s on s.revision_id = g.revision_id and s.org_id = g.org_id
      where g.revision_id = ${rescored.revisionId} and s.category = 'community'`.execute(handle.db);
    const was = new Map(before.rows.map((r) => [r.org_id, r.grade]));
    const moved = after.rows.filter((r) => was.get(r.org_id) !== r.grade).map((r) => r.org_id).sort((a, b) => a - b);
    expect(moved.length).toBeGreaterThan(0);
    expect(preview.changes.map((c) => c.orgId).sort((a, b) => a - b)).toEqual(moved);
    // Grids and units keep their pinned versions.
    const pins = await sql<{ category: string; hash: string }>`select category, rule_set_hash as hash from cycle_rule_sets where cycle_year = 2025 order by category`.execute(handle.db);
    expect(pins.rows.find((p) => p.category === 'community')!.hash).toBe(preview.ruleSet.hash);
    expect(pins.rows.find((p) => p.category === 'grid')!.hash).toBe(ruleSets.forCategory('grid')!.hash);
  });

  it('refuses to seed over existing data without --reset', async () => {
    await expect(seedDemo({ actor: cliActor(), db: handle.db, clock, requestId: null }, { scale: 1, seed: 'xingping' })).rejects.toThrow('已有组织数据');
  });
});
