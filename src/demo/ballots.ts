import { addDays, satisfactionWeights } from './activity';
import { diligenceOf, pad, type PlannedOrg } from './plan';
import { Rng } from './random';

/**
 * Resident rating campaigns of the demo district, pure and deterministic: for every year that is over,
 * a closed year-end satisfaction survey of all communities (residents and Party members scan a card
 * and answer four items, some answer 不了解), with a few suspicious bursts — one address submitting
 * several identical ballots within minutes — of which one was voided; and an open survey this year.
 */

export const demoItems = [
  { key: 'service', label: '服务群众' },
  { key: 'efficiency', label: '办事效率' },
  { key: 'members', label: '党员作用' },
  { key: 'overall', label: '总体评价' },
];
export const demoGroups = ['居民', '党员'];

export type DemoCampaign = { year: number; title: string; state: 'open' | 'closed'; opensOn: string; closesOn: string };
export type DemoBallot = {
  year: number;
  orgCode: string;
  group: string;
  answers: Record<string, string>;
  /** ISO instant; the code was used at the same moment. */
  at: string;
  /** Stands for the salted hash of the client address (64 hex digits). */
  clientKey: string;
  voidReason: string | null;
};

export function demoCampaign(year: number, state: 'open' | 'closed'): DemoCampaign {
  return state === 'closed'
    ? { year, title: `${year} 年度社区党组织群众满意度测评`, state, opensOn: `${year}-12-01`, closesOn: `${year}-12-20` }
    : { year, title: `${year} 年度社区党组织群众满意度测评（扫码评议，全年开放）`, state, opensOn: `${year}-01-01`, closesOn: `${year}-12-31` };
}

function hex(rng: Rng, digits: number): string {
  let s = '';
  while (s.length < digits) s += rng.int(0, 0xffff).toString(16).padStart(4, '0');
  return s.slice(0, digits);
}

/** A moment on a day between `from` and `to` (inclusive, 'YYYY-MM-DD'), in the daytime in China. */
function momentBetween(rng: Rng, from: string, to: string): string {
  const a = Date.UTC(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8, 10));
  const b = Date.UTC(+to.slice(0, 4), +to.slice(5, 7) - 1, +to.slice(8, 10));
  const day = new Date(a + rng.int(0, Math.round((b - a) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
  return new Date(`${day}T${pad(rng.int(8, 20), 2)}:${pad(rng.int(0, 59), 2)}:${pad(rng.int(0, 59), 2)}+08:00`).toISOString();
}

function answersOf(rng: Rng, weights: [string, number][], unknownShare: number, items: readonly { key: string }[] = demoItems): Record<string, string> {
  const overall = rng.chance(unknownShare) ? '不了解' : rng.weighted(weights);
  const out: Record<string, string> = {};
  for (const item of items) {
    if (item.key === 'overall') out[item.key] = overall;
    else if (rng.chance(unknownShare * 1.5)) out[item.key] = '不了解';
    else out[item.key] = overall !== '不了解' && rng.chance(0.6) ? overall : rng.weighted(weights);
  }
  return out;
}

/**
 * One community's ballots in a campaign: 80–150 residents and 20–40 Party members over the campaign's
 * days (this year's open survey: a third of that, up to yesterday). Quality follows the community's
 * diligence that year.
 */
export function ballotsFor(seed: string, org: PlannedOrg, campaign: DemoCampaign, today: string): DemoBallot[] {
  const d = diligenceOf(seed, org.code, campaign.year);
  const rng = new Rng(`${seed}/ballots/${org.code}/${campaign.year}`);
  const lastDay = campaign.state === 'closed' ? campaign.closesOn : new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  if (lastDay < campaign.opensOn) return [];
  const share = campaign.state === 'closed' ? 1 : 1 / 3;
  const out: DemoBallot[] = [];
  for (const [group, [lo, hi], unknown] of [['居民', [80, 150], 0.08], ['党员', [20, 40], 0.03]] as const) {
    const n = Math.round(rng.int(lo, hi) * share);
    for (let i = 0; i < n; i++) {
      out.push({ year: campaign.year, orgCode: org.code, group, answers: answersOf(rng, satisfactionWeights[d], unknown), at: momentBetween(rng, campaign.opensOn, lastDay), clientKey: hex(rng, 64), voidReason: null });
    }
  }
  return out;
}

/**
 * Bursts of a closed campaign: three communities each get 6–9 identical 很满意 ballots from one address
 * within a few minutes. In the latest finished year the first burst was checked and voided.
 */
export function burstsFor(seed: string, communities: readonly PlannedOrg[], campaign: DemoCampaign, voidFirst: boolean): DemoBallot[] {
  const rng = new Rng(`${seed}/bursts/${campaign.year}`);
  const out: DemoBallot[] = [];
  const chosen = new Set<string>();
  while (chosen.size < Math.min(3, communities.length)) chosen.add(rng.pick(communities).code);
  [...chosen].forEach((code, b) => {
    const key = hex(rng, 64);
    const start = Date.parse(momentBetween(rng, campaign.opensOn, campaign.closesOn));
    const n = rng.int(6, 9);
    const answers = Object.fromEntries(demoItems.map((i) => [i.key, '很满意']));
    for (let i = 0; i < n; i++) {
      out.push({
        year: campaign.year,
        orgCode: code,
        group: '居民',
        answers,
        at: new Date(start + i * rng.int(20, 40) * 1000).toISOString(),
        clientKey: key,
        voidReason: voidFirst && b === 0 ? `同一来源几分钟内集中提交 ${n} 张、各项均为“很满意”，经社区核实为代填，作废（演示数据）` : null,
      });
    }
  });
  return out;
}

/** The items residents answer about a finished co-building project. */
export const demoProjectItems = [
  { key: 'overall', label: '总体评价' },
  { key: 'outcome', label: '项目成效' },
  { key: 'benefit', label: '群众受益' },
];

/** The year-end rating of the year's finished co-building projects (a campaign whose targets are projects). */
export function demoProjectCampaign(year: number): DemoCampaign {
  return { year, title: `${year} 年度共驻共建项目群众评价`, state: 'closed', opensOn: `${year}-12-01`, closesOn: `${year}-12-20` };
}

const projectWeights: Record<'onTime' | 'late', [string, number][]> = {
  onTime: [['很满意', 45], ['满意', 35], ['基本满意', 14], ['不太满意', 4], ['不满意', 2]],
  late: [['很满意', 20], ['满意', 33], ['基本满意', 28], ['不太满意', 12], ['不满意', 7]],
};

export type DemoProjectBallot = Omit<DemoBallot, 'orgCode' | 'year'>;

/**
 * Residents near a finished project rate it on a card handed out at its close: 10–24 of them over the campaign's
 * days after its 销号; a project closed on time is rated better than a late one.
 */
export function projectBallotsFor(seed: string, project: { key: string; onTime: boolean; closedOn: string }, campaign: DemoCampaign): DemoProjectBallot[] {
  const rng = new Rng(`${seed}/project-ballots/${project.key}`);
  const n = rng.int(10, 24);
  // Not before the day after its 销号, nor before the campaign opens.
  const from = [campaign.opensOn, addDays(project.closedOn, 1)].sort()[1]!;
  return Array.from({ length: n }, () => ({
    group: '居民',
    answers: answersOf(rng, projectWeights[project.onTime ? 'onTime' : 'late'], 0.04, demoProjectItems),
    at: momentBetween(rng, from, campaign.closesOn),
    clientKey: hex(rng, 64),
    voidReason: null,
  }));
}
