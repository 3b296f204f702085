import type { NeedState, ProjectState } from '../db/database';
import { addDays, dateIn } from './activity';
import { personName } from './names';
import { diligenceOf, type PlannedOrg } from './plan';
import { Rng } from './random';

/**
 * The demo's co-building lists (issue 17): per community and year, a resource from each partner unit and one of the
 * community's own, needs collected by the community and its grids (some urgent, some old and still waiting), and
 * projects matching them, claimed by a partner and left in every state a real year shows: closed on time, closed
 * late, sent back once and then closed, waiting for 销号, overdue, in progress, not yet claimed. Nothing happens
 * after today. Pure and deterministic for a seed.
 */

type Kind = 'venue' | 'talent' | 'funds' | 'goods' | 'service' | 'other';
export type DemoResource = { key: string; orgCode: string; toCode: string; kind: Kind; title: string; description: string; capacity: string | null; offeredOn: string; availableTo: string };
export type DemoNeed = { key: string; orgCode: string; kind: Kind; title: string; description: string; residents: number; urgency: 'normal' | 'urgent'; source: string; raisedOn: string; state: NeedState; metOn: string | null };
export type DemoEntry = { kind: 'progress' | 'close_proposed' | 'sent_back' | 'closed'; on: string; text: string; byUnit: boolean };
export type DemoProject = {
  communityCode: string;
  unitCode: string | null;
  title: string;
  goal: string;
  plannedStart: string;
  plannedEnd: string;
  state: ProjectState;
  createdOn: string;
  claimedOn: string | null;
  closeProposedOn: string | null;
  closedOn: string | null;
  sentBack: number;
  needKeys: string[];
  resourceKeys: string[];
  entries: DemoEntry[];
  tasks: DemoTask[];
};
/** A task of a project's 责任分解: for the community or the responsible unit, done on a date or not yet. */
export type DemoTask = { title: string; byUnit: boolean; person: string; dueOn: string; milestone: boolean; doneOn: string | null };
export type DemoWish = {
  orgCode: string;
  wish: string;
  alias: string;
  raisedOn: string;
  state: 'open' | 'claimed' | 'fulfilled' | 'confirmed';
  claimerCode: string | null;
  member: string | null;
  claimedOn: string | null;
  fulfilledOn: string | null;
  fulfilText: string | null;
  confirmedOn: string | null;
};
export type DemoChair = { communityCode: string; unitCode: string; startsOn: string; endsOn: string; duties: string };
export type DemoLists = { resources: DemoResource[]; needs: DemoNeed[]; projects: DemoProject[]; wishes: DemoWish[]; chairs: DemoChair[] };

const wishes: readonly [string, string][] = [
  ['想要一台收音机听戏', '王奶奶'],
  ['希望有人陪我去医院复查', '李爷爷'],
  ['想给孙子买一套课外书', '张阿姨'],
  ['家里的旧灯泡想换成节能灯', '刘大爷'],
  ['想学会用智能手机和子女视频', '陈奶奶'],
];

const offers: readonly [Kind, string, string, string][] = [
  ['venue', '单位会议室周末开放', '周末向社区开放会议室，用于居民议事和党员活动', '可容纳 60 人'],
  ['talent', '法律顾问进社区', '每月安排律师到社区坐班，提供法律咨询', '每月 8 小时'],
  ['talent', '医护志愿服务队', '组织医护人员开展义诊和健康讲座', '每季度 2 次'],
  ['funds', '微实事共建资金', '用于社区小微项目的材料和服务采购', '2 万元'],
  ['goods', '爱心助老物资', '为困难老人提供米面油等生活物资', '50 份'],
  ['service', '青年志愿者服务', '组织青年党员参加社区志愿服务', '每月 20 人次'],
  ['service', '电器义务维修', '为社区居民义务维修家电', '每月 1 次'],
];

const asks: readonly [Kind, string, string][] = [
  ['service', '独居老人助餐', '辖区独居老人就餐不便，希望提供助餐服务'],
  ['goods', '楼道照明维修', '老旧楼道照明损坏，夜间出行不便'],
  ['venue', '青少年暑期托管', '双职工家庭暑期孩子无人照看，需要托管场地'],
  ['talent', '法律咨询', '居民遇到邻里纠纷、劳动争议，希望就近咨询律师'],
  ['service', '老旧小区加装扶手', '高龄居民上下楼困难，希望在楼道加装扶手'],
  ['talent', '健康义诊', '慢病老人多，希望定期开展义诊和健康讲座'],
  ['other', '停车秩序整治', '小区停车混乱，消防通道经常被占用'],
  ['service', '垃圾分类宣传', '居民垃圾分类知晓率不高，需要入户宣传'],
];

const sources: readonly (readonly [string, number])[] = [['visit', 4], ['council', 2], ['grid_report', 3], ['resident_order', 2]];

/** Where a project ends up, by the diligence of the unit that claims it. */
type Outcome = 'onTime' | 'late' | 'sentBack' | 'closing' | 'running' | 'unclaimed';
const outcomeWeights = { high: [['onTime', 60], ['late', 8], ['sentBack', 10], ['closing', 8], ['running', 10], ['unclaimed', 4]], mid: [['onTime', 40], ['late', 15], ['sentBack', 10], ['closing', 10], ['running', 15], ['unclaimed', 10]], low: [['onTime', 20], ['late', 20], ['sentBack', 10], ['closing', 10], ['running', 25], ['unclaimed', 15]] } as const;

export function cobuildingFor(seed: string, community: PlannedOrg, grids: readonly string[], partners: readonly { code: string; signedOn: string }[], year: number, today: string): DemoLists {
  const rng = new Rng(`${seed}/cobuilding/${community.code}/${year}`);
  const resources: DemoResource[] = partners
    .filter((p) => p.signedOn <= today)
    .map((p, i) => {
      const [kind, title, description, capacity] = rng.pick(offers);
      return { key: `r${i}`, orgCode: p.code, toCode: community.code, kind, title, description, capacity, offeredOn: addDays(p.signedOn, rng.int(3, 30)), availableTo: `${year}-12-31` };
    })
    .filter((r) => r.offeredOn <= today);
  resources.push({ key: 'own', orgCode: community.code, toCode: community.code, kind: 'venue', title: '党群服务中心活动室', description: '社区党群服务中心活动室，供共建活动使用', capacity: '可容纳 40 人', offeredOn: `${year}-01-05`, availableTo: `${year}-12-31` });
  const needs: DemoNeed[] = [];
  // Every member unit takes on about one project a year: two needs more than partners, at least five.
  for (let i = 0; i < Math.max(5, partners.length + 2); i++) {
    const [kind, title, description] = asks[(i + rng.int(0, asks.length - 1)) % asks.length]!;
    const raisedOn = dateIn(rng, year, rng.int(1, 8));
    if (raisedOn > today) continue;
    const orgCode = grids.length > 0 && rng.chance(0.5) ? rng.pick(grids) : community.code;
    needs.push({ key: `n${i}`, orgCode, kind, title, description, residents: rng.int(8, 120), urgency: rng.chance(0.25) ? 'urgent' : 'normal', source: rng.weighted(sources), raisedOn, state: 'open', metOn: null });
  }
  const projects: DemoProject[] = [];
  for (const [i, need] of needs.slice(0, Math.max(3, partners.length)).entries()) {
    const resource = resources[i % resources.length]!;
    const unit = partners.length > 0 ? partners[i % partners.length]! : null;
    const p = projectFor(rng, seed, community, need, resource, unit, year, today);
    if (p) projects.push({ ...p, tasks: tasksFor(new Rng(`${seed}/tasks/${community.code}/${year}/${i}`), p, resource.title, today) });
  }
  // Of the needs no project took, an old one is sometimes dropped (a duplicate, or solved another way).
  for (const n of needs) if (n.state === 'open' && !projects.some((p) => p.needKeys.includes(n.key)) && rng.chance(0.15)) n.state = 'dropped';
  return { resources, needs, projects, wishes: wishesFor(rng, community, grids, partners, year, today), chairs: chairsFor(community, partners, year) };
}

const chairDuties = ['牵头协调老旧小区改造', '牵头组织季度共建活动', '牵头推进为民办实事项目', '牵头督办群众急难愁盼问题'];

/**
 * 轮值主席: up to four member units chair the 大党委 in turn, the year split into equal terms (a whole year for one,
 * halves for two, thirds, quarters), the first chair moving on by one each year. No draw from the seed's stream, so
 * the rest of the demo stays as it was.
 */
function chairsFor(community: PlannedOrg, partners: readonly { code: string }[], year: number): DemoChair[] {
  const n = Math.min(partners.length, 4);
  const months = 12 / Math.max(n, 1);
  const lastDay = (m: number) => new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
  return Array.from({ length: n }, (_, i) => ({
    communityCode: community.code,
    unitCode: partners[(i + year) % partners.length]!.code,
    startsOn: `${year}-${String(i * months + 1).padStart(2, '0')}-01`,
    endsOn: lastDay((i + 1) * months),
    duties: chairDuties[(i + year) % chairDuties.length]!,
  }));
}

/** Two or three 微心愿 a year: most claimed by a partner on a member's behalf, fulfilled and confirmed; a recent one still open. */
function wishesFor(rng: Rng, community: PlannedOrg, grids: readonly string[], partners: readonly { code: string; signedOn: string }[], year: number, today: string): DemoWish[] {
  const out: DemoWish[] = [];
  for (let i = 0; i < rng.int(2, 3); i++) {
    const [wish, alias] = rng.pick(wishes);
    const raisedOn = dateIn(rng, year, rng.int(1, 10));
    if (raisedOn > today) continue;
    const w: DemoWish = { orgCode: grids.length > 0 && rng.chance(0.4) ? rng.pick(grids) : community.code, wish, alias, raisedOn, state: 'open', claimerCode: null, member: null, claimedOn: null, fulfilledOn: null, fulfilText: null, confirmedOn: null };
    out.push(w);
    const claimedOn = addDays(raisedOn, rng.int(2, 10));
    if (partners.length === 0 || rng.chance(0.2) || claimedOn > today) continue;
    Object.assign(w, { state: 'claimed', claimerCode: rng.pick(partners).code, member: `${rng.pick(['赵', '钱', '孙', '周', '吴'])}党员`, claimedOn });
    const fulfilledOn = addDays(claimedOn, rng.int(3, 20));
    if (fulfilledOn > today || rng.chance(0.15)) continue;
    Object.assign(w, { state: 'fulfilled', fulfilledOn, fulfilText: `党员上门帮助实现：${wish}` });
    const confirmedOn = addDays(fulfilledOn, rng.int(1, 5));
    if (confirmedOn <= today && rng.chance(0.8)) Object.assign(w, { state: 'confirmed', confirmedOn });
  }
  return out;
}

/**
 * A project's 责任分解 (its own random stream, so the rest of the demo is drawn as before): the community checks the
 * residents concerned; once claimed, the unit delivers the resource and, as the project's node, finishes and asks for
 * 销号. Tasks are done, not before the claim, when the ledger shows the work done by then.
 */
function tasksFor(rng: Rng, p: Omit<DemoProject, 'tasks'>, resource: string, today: string): DemoTask[] {
  const before = (on: string) => (on > p.plannedEnd ? p.plannedEnd : on);
  const check: DemoTask = { title: '入户核实需求，确定受益居民名单', byUnit: false, person: personName(rng), dueOn: before(addDays(p.createdOn, 10)), milestone: false, doneOn: null };
  if (!p.claimedOn) return [check];
  const checked = addDays(p.claimedOn, rng.int(1, 8));
  if (checked <= today) check.doneOn = checked;
  // The standing request to close (the last one; none when it was sent back and not asked again).
  const proposed = p.state === 'closing' || p.state === 'closed' ? p.closeProposedOn : null;
  const delivered = proposed === null ? null : addDays(proposed, -rng.int(1, 5));
  return [
    check,
    { title: `落实“${resource}”，组织实施`, byUnit: true, person: personName(rng), dueOn: before(addDays(p.plannedEnd, -10)), milestone: false, doneOn: delivered && delivered > p.claimedOn ? delivered : proposed },
    { title: '完成项目并申请销号', byUnit: true, person: personName(rng), dueOn: p.plannedEnd, milestone: true, doneOn: proposed },
  ];
}

function projectFor(rng: Rng, seed: string, community: PlannedOrg, need: DemoNeed, resource: DemoResource, unit: { code: string; signedOn: string } | null, year: number, today: string): Omit<DemoProject, 'tasks'> | null {
  const createdOn = addDays(need.raisedOn > resource.offeredOn ? need.raisedOn : resource.offeredOn, rng.int(5, 20));
  if (createdOn > today) return null;
  const plannedEnd = addDays(createdOn, rng.int(60, 150));
  const outcome: Outcome = unit ? rng.weighted(outcomeWeights[diligenceOf(seed, unit.code, year)]) : 'unclaimed';
  const p: Omit<DemoProject, 'tasks'> = { communityCode: community.code, unitCode: null, title: `${need.title}项目`, goal: `${need.description}：${resource.title}`, plannedStart: createdOn, plannedEnd, state: 'open', createdOn, claimedOn: null, closeProposedOn: null, closedOn: null, sentBack: 0, needKeys: [need.key], resourceKeys: [resource.key], entries: [] };
  need.state = 'in_project';
  const claimedOn = addDays(createdOn, rng.int(2, 15));
  if (outcome === 'unclaimed' || !unit || claimedOn > today) return p;
  Object.assign(p, { unitCode: unit.code, state: 'claimed', claimedOn });
  const steps = outcome === 'running' ? 2 : rng.int(1, 3);
  const span = Math.max(10, Math.round((Date.parse(plannedEnd) - Date.parse(claimedOn)) / 86_400_000));
  for (let s = 1; s <= steps; s++) {
    const on = addDays(claimedOn, Math.round((span * s) / (steps + 1)));
    if (on <= today) p.entries.push({ kind: 'progress', on, text: `第${s}阶段：${resource.title}已投入，完成计划的 ${Math.round((100 * s) / (steps + 1))}%`, byUnit: true });
  }
  if (outcome === 'running') return p;
  const proposedOn = outcome === 'late' ? addDays(plannedEnd, rng.int(10, 40)) : addDays(plannedEnd, -rng.int(1, 8));
  if (proposedOn > today) return p;
  closeMoves(rng, p, outcome, proposedOn, today);
  if (p.state === 'closed') Object.assign(need, { state: 'met', metOn: p.closedOn });
  return p;
}

/** 申请销号, then (by outcome) 退回 and a second request, then 同意销号, each on a date no later than today. */
function closeMoves(rng: Rng, p: Omit<DemoProject, 'tasks'>, outcome: Outcome, proposedOn: string, today: string): void {
  let on = proposedOn;
  p.entries.push({ kind: 'close_proposed', on, text: '项目已按计划完成，申请销号，附现场照片和居民签字', byUnit: true });
  Object.assign(p, { state: 'closing', closeProposedOn: on });
  if (outcome === 'closing') return;
  if (outcome === 'sentBack') {
    const back = addDays(on, rng.int(2, 7));
    if (back > today) return;
    p.entries.push({ kind: 'sent_back', on: back, text: '佐证材料不全，请补充居民满意度回访记录', byUnit: false });
    Object.assign(p, { state: 'claimed', closeProposedOn: null, sentBack: 1 });
    on = addDays(back, rng.int(3, 10));
    if (on > today) return;
    p.entries.push({ kind: 'close_proposed', on, text: '已补充居民回访记录，再次申请销号', byUnit: true });
    Object.assign(p, { state: 'closing', closeProposedOn: on });
  }
  const closedOn = addDays(on, rng.int(1, 6));
  if (closedOn > today) return;
  p.entries.push({ kind: 'closed', on: closedOn, text: '经现场查看和居民回访，同意销号', byUnit: false });
  Object.assign(p, { state: 'closed', closedOn });
}
