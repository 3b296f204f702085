import type { OrgKind } from '../db/database';
import { cnNumber, themeDayTopics, volunteerActivities } from './names';
import { diligenceOf, pad, type Diligence, type PlannedMember, type PlannedOrg } from './plan';
import { Rng } from './random';

export type DemoLedgerRow = {
  orgCode: string;
  year: number;
  kind: string;
  occurredOn: string;
  title: string;
  participants: number;
  hours: string | null;
  evidence: string;
  status: 'submitted' | 'verified' | 'rejected';
  reviewedAt: string | null;
  reviewReason: string | null;
  createdAt: string;
};

export type DemoMeeting = {
  hostCode: string;
  year: number;
  kind: 'joint_meeting' | 'policy_study';
  title: string;
  heldOn: string;
  attendance: { orgCode: string; status: 'present' | 'excused' | 'absent' }[];
};

export type DemoCheckin = {
  memberIndex: number;
  communityCode: string;
  year: number;
  kind: 'report' | 'service';
  occurredOn: string;
  hours: string | null;
  activity: string | null;
};

type ByDiligence<T> = Record<Diligence, T>;
type Spec = {
  kind: string;
  per: 'month' | 'quarter' | 'year';
  months?: number[];
  /** Chance the activity happens in a period (for per-period activities). */
  p?: ByDiligence<number>;
  /** How many times it happens in a period (for countable activities). */
  count?: ByDiligence<[number, number]>;
  hours?: [number, number];
  title: (rng: Rng, month: number) => string;
};

const meetings: Spec[] = [
  { kind: 'theme_day', per: 'month', p: { high: 0.98, mid: 0.9, low: 0.62 }, title: (r, m) => `${m}月主题党日：${r.pick(themeDayTopics)}` },
  { kind: 'committee_meeting', per: 'month', p: { high: 0.95, mid: 0.82, low: 0.5 }, title: (_, m) => `${m}月支委会` },
  { kind: 'branch_assembly', per: 'quarter', p: { high: 0.98, mid: 0.88, low: 0.55 }, title: (_, m) => `第${cnNumber(Math.ceil(m / 3))}季度支部党员大会` },
  { kind: 'party_lecture', per: 'quarter', p: { high: 0.95, mid: 0.85, low: 0.5 }, title: (_, m) => `第${cnNumber(Math.ceil(m / 3))}季度党课：书记讲党课` },
  { kind: 'org_life', per: 'year', months: [1, 2], p: { high: 0.98, mid: 0.9, low: 0.7 }, title: () => '年度组织生活会' },
  { kind: 'member_review', per: 'year', months: [12], p: { high: 0.95, mid: 0.85, low: 0.6 }, title: () => '民主评议党员' },
  { kind: 'study', per: 'month', p: { high: 0.7, mid: 0.5, low: 0.25 }, title: (_, m) => `${m}月集中学习` },
];

const services: Spec[] = [
  { kind: 'volunteer', per: 'month', count: { high: [1, 3], mid: [0, 2], low: [0, 1] }, hours: [2, 8], title: (r) => `志愿服务：${r.pick(volunteerActivities)}` },
  { kind: 'micro_wish', per: 'quarter', count: { high: [1, 3], mid: [0, 2], low: [0, 1] }, title: (r) => `认领微心愿：${r.pick(['助学文具', '轮椅一台', '上门理发', '家电维修', '陪伴就医'])}` },
  { kind: 'practical_deed', per: 'year', count: { high: [2, 4], mid: [1, 2], low: [0, 1] }, title: (r) => `为民办实事：${r.pick(['加装楼道扶手', '修缮小区路灯', '新建便民晾衣架', '疏通排水管网', '增设电动车充电桩'])}` },
];

const specsByKind: Partial<Record<OrgKind, Spec[]>> = {
  community: [...meetings, ...services, { kind: 'member_report', per: 'year', months: [3, 4, 5], count: { high: [1, 2], mid: [1, 1], low: [0, 1] }, title: () => '在职党员报到集中活动' }],
  grid: [...meetings, ...services],
  unit: meetings,
  enterprise: meetings.filter((s) => s.kind !== 'study'),
  social_org: meetings.filter((s) => s.kind !== 'study'),
  building: [{ kind: 'group_meeting', per: 'month', p: { high: 0.7, mid: 0.5, low: 0.3 }, title: (_, m) => `${m}月党小组会` }],
};

const rejectReasons = ['缺少签到表', '佐证照片不清晰', '会议记录不完整', '参加人数与签到表不符', '活动内容与类型不符'];

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function dateIn(rng: Rng, year: number, month: number): string {
  return `${year}-${pad(month, 2)}-${pad(rng.int(1, daysIn(year, month)), 2)}`;
}

/**
 * Review state as a superior would have left it, some days after the record was filed: recent records
 * often still wait; lagging organizations get more sent back; nothing is reviewed after today.
 */
function review(rng: Rng, d: Diligence, filedOn: string, today: string) {
  const waiting = { status: 'submitted' as const, reviewedAt: null, reviewReason: null };
  const reviewedOn = addDays(filedOn, rng.int(2, 20));
  if (reviewedOn > today) return waiting;
  const rejected = { high: 0.02, mid: 0.05, low: 0.12 }[d];
  const pending = { high: 0.02, mid: 0.07, low: 0.2 }[d];
  const reviewedAt = `${reviewedOn}T07:00:00Z`;
  if (rng.chance(rejected)) return { status: 'rejected' as const, reviewedAt, reviewReason: rng.pick(rejectReasons) };
  if (rng.chance(pending)) return waiting;
  return { status: 'verified' as const, reviewedAt, reviewReason: null };
}

function periodMonths(spec: Spec, rng: Rng): number[] {
  if (spec.per === 'month') return [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  if (spec.per === 'quarter') return [1, 2, 3, 4].map((q) => (q - 1) * 3 + rng.int(1, 3));
  return [rng.pick(spec.months ?? [rng.int(1, 12)])];
}

/** One organization's ledger for one year, up to `today` for the current year. */
export function ledgerFor(seed: string, org: PlannedOrg, year: number, today: string): DemoLedgerRow[] {
  const specs = specsByKind[org.kind];
  if (!specs) return [];
  const d = diligenceOf(seed, org.code, year);
  const rng = new Rng(`${seed}/ledger/${org.code}/${year}`);
  const rows: DemoLedgerRow[] = [];
  const turnout = { high: [85, 98], mid: [68, 90], low: [45, 80] }[d] as [number, number];
  for (const spec of specs) {
    for (const month of periodMonths(spec, rng)) {
      const times = spec.count ? rng.int(...spec.count[d]) : rng.chance(spec.p![d]) ? 1 : 0;
      for (let t = 0; t < times; t++) {
        const occurredOn = dateIn(rng, year, month);
        if (occurredOn > today || occurredOn < org.activeFrom) continue;
        // A building group (党小组) has no members of its own (they belong to the grid branch): draw its size.
        const size = org.kind === 'building' ? rng.int(5, 12) : org.memberCount;
        const participants = Math.max(1, Math.round((size * rng.int(...turnout)) / 100));
        const hasEvidence = rng.chance({ high: 0.97, mid: 0.85, low: 0.55 }[d]);
        const title = spec.title(rng, month);
        const filedOn = minDate(addDays(occurredOn, rng.int(0, 4)), today);
        rows.push({
          orgCode: org.code,
          year,
          kind: spec.kind,
          occurredOn,
          title: times > 1 ? `${title}（${cnNumber(t + 1)}）` : title,
          participants: spec.kind === 'volunteer' ? Math.min(participants, rng.int(4, 30)) : participants,
          hours: spec.hours ? (rng.int(spec.hours[0], spec.hours[1]) / 2).toFixed(2) : null,
          evidence: JSON.stringify(hasEvidence ? [{ name: '签到表及照片', ref: `demo/${org.code}/${occurredOn}-${spec.kind}-${t + 1}.jpg` }] : []),
          ...review(rng, d, filedOn, today),
          createdAt: `${filedOn}T01:00:00Z`,
        });
      }
    }
  }
  return rows;
}

/** A community's quarterly 大党委 joint meetings with its co-building units, and the ledger entries for them. */
export function jointMeetingsFor(
  seed: string,
  community: PlannedOrg,
  partners: readonly { code: string; signedOn: string }[],
  year: number,
  today: string,
): { meetings: DemoMeeting[]; ledger: DemoLedgerRow[] } {
  const d = diligenceOf(seed, community.code, year);
  const rng = new Rng(`${seed}/joint/${community.code}/${year}`);
  const out: DemoMeeting[] = [];
  const ledger: DemoLedgerRow[] = [];
  for (let q = 1; q <= 4; q++) {
    if (!rng.chance({ high: 0.98, mid: 0.88, low: 0.65 }[d])) continue;
    const heldOn = dateIn(rng, year, (q - 1) * 3 + rng.int(2, 3));
    // Only units whose agreement for the year was signed by then are invited.
    const invited = partners.filter((p) => p.signedOn <= heldOn).map((p) => p.code);
    if (heldOn > today || invited.length === 0) continue;
    const title = `第${cnNumber(q)}季度大党委联席会议`;
    const attendance = invited.map((orgCode) => {
      const ud = diligenceOf(seed, orgCode, year);
      const status = rng.weighted<'present' | 'excused' | 'absent'>([
        ['present', { high: 92, mid: 76, low: 50 }[ud]],
        ['excused', { high: 6, mid: 14, low: 20 }[ud]],
        ['absent', { high: 2, mid: 10, low: 30 }[ud]],
      ]);
      return { orgCode, status };
    });
    out.push({ hostCode: community.code, year, kind: 'joint_meeting', title, heldOn, attendance });
    ledger.push({
      orgCode: community.code,
      year,
      kind: 'joint_meeting',
      occurredOn: heldOn,
      title,
      participants: attendance.filter((a) => a.status === 'present').length + rng.int(3, 8),
      hours: null,
      evidence: JSON.stringify([{ name: '会议纪要', ref: `demo/${community.code}/${heldOn}-joint.pdf` }]),
      ...review(rng, d, heldOn, today),
      createdAt: `${heldOn}T01:00:00Z`,
    });
  }
  return { meetings: out, ledger };
}

/** A street's half-yearly policy-study sessions for its communities. */
export function policyStudiesFor(seed: string, street: PlannedOrg, communityCodes: readonly string[], year: number, today: string): DemoMeeting[] {
  const rng = new Rng(`${seed}/study/${street.code}/${year}`);
  const out: DemoMeeting[] = [];
  for (const month of [4, 10]) {
    const heldOn = dateIn(rng, year, month);
    if (heldOn > today) continue;
    const attendance = communityCodes.map((orgCode) => {
      const d = diligenceOf(seed, orgCode, year);
      return { orgCode, status: rng.weighted<'present' | 'excused' | 'absent'>([['present', { high: 97, mid: 88, low: 70 }[d]], ['excused', 8], ['absent', { high: 1, mid: 4, low: 15 }[d]]]) };
    });
    out.push({ hostCode: street.code, year, kind: 'policy_study', title: `${month === 4 ? '上' : '下'}半年社区书记政策学习会`, heldOn, attendance });
  }
  return out;
}

/** An in-service member's report to their community and the services that followed, in a year. */
export function checkinsFor(seed: string, member: PlannedMember, memberIndex: number, year: number, today: string): DemoCheckin[] {
  if (!member.inService || !member.residenceCode || member.neverReports) return [];
  const rng = new Rng(`${seed}/checkin/${memberIndex}/${year}`);
  const zeal = new Rng(`${seed}/zeal/${memberIndex}`).weighted<Diligence>([['high', 25], ['mid', 55], ['low', 20]]);
  const reportedOn = dateIn(rng, year, rng.int(2, 6));
  if (reportedOn > today) return [];
  const out: DemoCheckin[] = [
    { memberIndex, communityCode: member.residenceCode, year, kind: 'report', occurredOn: reportedOn, hours: null, activity: '到社区报到，认领服务岗位' },
  ];
  const [lo, hi] = ({ high: [6, 12], mid: [2, 6], low: [0, 2] } as const)[zeal];
  const services = rng.int(lo, hi);
  for (let i = 0; i < services; i++) {
    const occurredOn = dateIn(rng, year, rng.int(Number(reportedOn.slice(5, 7)), 12));
    if (occurredOn > today || occurredOn < reportedOn) continue;
    out.push({
      memberIndex,
      communityCode: member.residenceCode,
      year,
      kind: 'service',
      occurredOn,
      hours: (rng.int(2, 8) / 2).toFixed(2),
      activity: rng.pick(volunteerActivities),
    });
  }
  return out;
}

export type DemoDeclared = { orgCode: string; year: number; key: string; value: unknown; note: string };

export const satisfactionWeights: Record<Diligence, [string, number][]> = {
  high: [['很满意', 45], ['满意', 35], ['基本满意', 13], ['不太满意', 4], ['不满意', 3]],
  mid: [['很满意', 30], ['满意', 35], ['基本满意', 22], ['不太满意', 8], ['不满意', 5]],
  low: [['很满意', 15], ['满意', 30], ['基本满意', 30], ['不太满意', 15], ['不满意', 10]],
};
function tally(rng: Rng, n: number, weights: [string, number][], unknownShare = 0): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const answer = rng.chance(unknownShare) ? '不了解' : rng.weighted(weights);
    out[answer] = (out[answer] ?? 0) + 1;
  }
  return out;
}

/**
 * Year-end results collected on paper and entered as declared facts: resident satisfaction surveys of
 * grids (the communities' satisfaction surveys are rating campaigns in ballots.ts; duty reviews and two-way
 * evaluations are in reviews.ts). Quality follows the organization's diligence that year; some grid surveys
 * fall short of the minimum sample, as small ones do.
 */
export function declaredFor(seed: string, org: PlannedOrg, year: number): DemoDeclared[] {
  const d = diligenceOf(seed, org.code, year);
  const rng = new Rng(`${seed}/declared/${org.code}/${year}`);
  const note = '年终纸质测评汇总（演示数据）';
  if (org.kind === 'grid') {
    return [{ orgCode: org.code, year, key: 'public.satisfaction', note, value: { 居民: tally(rng, rng.int(22, 50), satisfactionWeights[d], 0.1) } }];
  }
  return [];
}

export type DemoRecord = { orgCode: string; year: number; type: 'honour' | 'innovation' | 'discipline' | 'clean_record' | 'weak_lax'; level: string | null; title: string; reason: string; recordedOn: string };

const projects = ['“红色物业”党建引领小区治理', '“邻里驿站”党群服务', '“楼栋长+党员”网格服务', '“双报到”积分兑换', '“微心愿”认领平台'];

/**
 * Organization-level records of a finished year that grading reads: honours (diligent organizations
 * now and then, at district level, rarely city level), innovation projects and clean-record certificates,
 * the occasional weak-and-lax designation of a lagging community, and rare discipline cases.
 */
export function recordsFor(seed: string, org: PlannedOrg, year: number): DemoRecord[] {
  const d = diligenceOf(seed, org.code, year);
  const rng = new Rng(`${seed}/records/${org.code}/${year}`);
  const on = `${year}-12-${pad(rng.int(10, 28), 2)}`;
  const out: DemoRecord[] = [];
  const add = (type: DemoRecord['type'], title: string, reason: string, level: string | null = null) => out.push({ orgCode: org.code, year, type, level, title, reason, recordedOn: on });
  if (org.kind === 'community') {
    if (d === 'high' && rng.chance(0.15)) add('honour', `${year} 年度区级先进基层党组织`, '区委表彰决定（演示数据）', rng.chance(0.2) ? 'city' : 'district');
    if (d !== 'low' && rng.chance(0.3)) add('innovation', `${rng.pick(projects)}项目`, '区委组织部党建创新项目评审通过（演示数据）');
    if (d === 'high' && rng.chance(0.5)) add('clean_record', `${year} 年度纪检廉政证明`, '区纪委监委出具（演示数据）');
    if (d === 'low' && rng.chance(0.15)) add('weak_lax', `${year} 年度软弱涣散党组织`, '区委组织部排查确定（演示数据）');
    if (rng.chance(0.02)) add('discipline', '社区工作人员违纪案件', '区纪委监委通报（演示数据）');
  }
  if (org.kind === 'grid') {
    if (d === 'high' && rng.chance(0.03)) add('honour', `${year} 年度区级先进党支部`, '区委表彰决定（演示数据）', 'district');
    if (rng.chance(0.01)) add('discipline', '党员违纪案件', '区纪委监委通报（演示数据）');
  }
  if ((org.kind === 'unit' || org.kind === 'enterprise' || org.kind === 'social_org') && rng.chance(0.01)) {
    add('discipline', '单位党员违纪案件', '纪检监察机关通报（演示数据）');
  }
  return out;
}
