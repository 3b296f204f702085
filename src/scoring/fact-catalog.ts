import { recordKinds } from '../domain/catalog';
import type { FactDef } from '../rules/rule-set.schema';

export type FactType = 'number' | 'boolean' | 'distribution';
/** What a fact measures: an outcome for people, only a trace of paperwork, or the things the 减负 rules forbid scoring. */
export type Measure = 'outcome' | 'trace' | 'login' | 'checkin' | 'online';

/** A distribution of answers, per rater group: { 居民: { 满意: 80, 不了解: 3 }, 党员: {…} }. */
export type Distribution = Record<string, Record<string, number>>;
export type FactValue = number | boolean | Distribution;

const measureOfKind = new Map<string, Measure>(recordKinds.map((k) => [k.code, k.measure]));

/** The type of value a fact yields: a number, except ballot tallies (a distribution) and declared facts (as declared). */
export function factType(def: FactDef): FactType {
  if (def.source === 'reviews.tally') return 'distribution';
  if (def.source === 'ballots.tally') return 'distribution';
  return def.source === 'declared' ? def.type : 'number';
}

/** The unit a fact's value is read in, for explanations ('主题党日 11 次'). */
export function factUnit(def: FactDef): string {
  switch (def.source) {
    case 'ledger.hours':
    case 'checkins.serviceHours':
    case 'checkins.receivedHours':
      return '小时';
    case 'ledger.participants':
    case 'checkins.inServiceMembers':
    case 'checkins.reportedMembers':
    case 'checkins.receivedMembers':
    case 'org.memberCount':
      return '人';
    case 'ledger.periods':
    case 'ledger.missingPeriods':
    case 'meetings.missingHostedPeriods':
      return def.period === 'month' ? '个月' : '个季度';
    case 'ballots.count':
      return '张';
    case 'ballots.share':
    case 'meetings.attendanceRate':
    case 'checkins.reportRate':
    case 'checkins.completionRate':
      return '%';
    case 'agreements.count':
      return '份';
    case 'records.count':
      return '项';
    case 'inspections.sum':
    case 'twoway.received':
      return '分';
    case 'reviews.count':
      return '张';
    case 'twoway.receivedCount':
    case 'twoway.missingGiven':
      return '份';
    case 'declared':
      return def.unit ?? '';
    default:
      return '次';
  }
}

/**
 * Whether a fact measures an outcome or a trace. Ledger facts inherit it from their kinds (a trace
 * unless every kind is an outcome); attendance is a trace; service hours and ratings are outcomes.
 */
export function factMeasure(def: FactDef): Measure {
  if (def.source !== 'declared' && def.measure) return def.measure;
  switch (def.source) {
    case 'ledger.count':
    case 'ledger.hours':
    case 'ledger.participants':
    case 'ledger.periods':
    case 'ledger.missingPeriods':
      return def.kinds.every((k) => measureOfKind.get(k) === 'outcome') ? 'outcome' : 'trace';
    case 'meetings.attended':
    case 'meetings.invited':
    case 'meetings.attendanceRate':
    case 'meetings.hosted':
    case 'meetings.missingHostedPeriods':
    case 'checkins.reportedMembers':
    case 'checkins.reportRate':
    case 'agreements.count':
    case 'org.memberCount':
    case 'checkins.inServiceMembers':
      return 'trace';
    case 'checkins.serviceHours':
    case 'checkins.completionRate':
    case 'checkins.receivedMembers':
    case 'checkins.receivedHours':
    case 'inspections.sum':
    case 'inspections.count':
    case 'records.count':
    case 'reviews.tally':
    case 'reviews.count':
    case 'twoway.received':
    case 'twoway.receivedCount':
    case 'ballots.tally':
    case 'ballots.count':
    case 'ballots.share':
      return 'outcome';
    case 'twoway.missingGiven':
      return 'trace';
    case 'declared':
      return def.measure ?? (def.type === 'distribution' ? 'outcome' : 'trace');
  }
}

export const knownKindCodes = new Set<string>(recordKinds.map((k) => k.code));

/** One shape for every tally: a flat { 满意: 80 } becomes the single group { 全部: { 满意: 80 } }. */
export function normalizeTally(value: Record<string, number | Record<string, number>>): Distribution {
  const entries = Object.entries(value);
  if (entries.every(([, v]) => typeof v === 'number')) return { 全部: value as Record<string, number> };
  return value as Distribution;
}
