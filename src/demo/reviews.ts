import { defaultRaterGroups, defaultReviewItems, overallItem, twowayItems } from '../domain/catalog';
import type { DemoCheckin } from './activity';
import { diligenceOf, type Diligence, type PlannedAgreement, type PlannedMember, type PlannedOrg } from './plan';
import { Rng } from './random';

/** How many raters of each group sit in a street's duty-review meeting. */
const ratersPerGroup: Record<string, number> = { superior: 5, delegate: 8, unit: 8, public: 10 };

const dutyWeights: Record<Diligence, [string, number][]> = {
  high: [['好', 75], ['较好', 20], ['一般', 5]],
  mid: [['好', 50], ['较好', 35], ['一般', 13], ['差', 2]],
  low: [['好', 25], ['较好', 40], ['一般', 28], ['差', 7]],
};

export type DemoReview = {
  streetCode: string;
  year: number;
  title: string;
  subjectCodes: string[];
  raters: { group: string; index: number }[];
  votes: { subjectCode: string; group: string; answers: Record<string, string> }[];
};

/**
 * A street's closed duty review of its community secretaries for a finished year: every rater of every
 * group fills one sheet on every community, answers following the community's diligence that year.
 */
export function dutyReviewFor(seed: string, street: PlannedOrg, communities: readonly PlannedOrg[], year: number): DemoReview {
  const rng = new Rng(`${seed}/duty-review/${street.code}/${year}`);
  const items = [...defaultReviewItems, overallItem].map((i) => i.key);
  const raters = defaultRaterGroups.flatMap((g) => Array.from({ length: ratersPerGroup[g.key]! }, (_, index) => ({ group: g.key, index })));
  const votes = raters.flatMap((r) =>
    communities.map((c) => {
      const weights = dutyWeights[diligenceOf(seed, c.code, year)];
      return { subjectCode: c.code, group: r.group, answers: Object.fromEntries(items.map((i) => [i, rng.weighted(weights)])) };
    }),
  );
  return { streetCode: street.code, year, title: `${year} 年度${street.name}社区党组织书记抓基层党建述职评议`, subjectCodes: communities.map((c) => c.code), raters, votes };
}

export type DemoTwoway = { communityCode: string; unitCode: string; year: number; direction: keyof typeof twowayItems; items: Record<string, number>; total: string; comment: string };

const shareRange: Record<Diligence, [number, number]> = { high: [85, 100], mid: [70, 92], low: [50, 78] };

/**
 * Both directions of an agreement's two-way evaluation, each in half points following the diligence of the
 * side evaluated; now and then a side never gets round to it (about 8% of communities, 15% of units).
 */
export function twowayFor(seed: string, a: PlannedAgreement): DemoTwoway[] {
  const rng = new Rng(`${seed}/twoway/${a.communityCode}/${a.unitCode}/${a.year}`);
  const out: DemoTwoway[] = [];
  const rate = (direction: keyof typeof twowayItems, rated: string) => {
    const [lo, hi] = shareRange[diligenceOf(seed, rated, a.year)];
    const items: Record<string, number> = {};
    let halves = 0;
    for (const item of twowayItems[direction]) {
      const v = Math.min(item.max * 2, Math.round((item.max * 2 * rng.int(lo, hi)) / 100));
      items[item.key] = v / 2;
      halves += v;
    }
    const comment = halves >= 170 ? '配合积极，成效明显' : halves >= 140 ? '总体较好，仍有提升空间' : '参与不够，需加强沟通';
    out.push({ communityCode: a.communityCode, unitCode: a.unitCode, year: a.year, direction, items, total: (halves / 2).toFixed(2), comment });
  };
  if (!rng.chance(0.08)) rate('community_rates_unit', a.unitCode);
  if (!rng.chance(0.15)) rate('unit_rates_community', a.communityCode);
  return out;
}

export type DemoFeedback = { memberIndex: number; communityCode: string; unitCode: string; year: number; reported: boolean; hours: string; rating: string | null; comment: string | null };

/**
 * The community's feedback on each in-service member living there, from the year's check-ins: reported or
 * not, service hours, and a rating by hours (≥ 16 好, ≥ 8 较好, more than 0 一般, none 差).
 */
export function memberFeedbackFor(member: PlannedMember, memberIndex: number, year: number, mine: readonly DemoCheckin[]): DemoFeedback | null {
  if (!member.inService || !member.residenceCode) return null;
  const reported = mine.some((c) => c.kind === 'report');
  const cents = mine.filter((c) => c.kind === 'service').reduce((s, c) => s + Math.round(Number(c.hours) * 100), 0);
  const hours = cents / 100;
  const rating = !reported ? null : hours >= 16 ? '好' : hours >= 8 ? '较好' : hours > 0 ? '一般' : '差';
  return {
    memberIndex,
    communityCode: member.residenceCode,
    unitCode: member.orgCode,
    year,
    reported,
    hours: (cents / 100).toFixed(2),
    rating,
    comment: reported ? null : '未到社区报到',
  };
}
