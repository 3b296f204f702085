import { recordKinds } from '../domain/catalog';
import { findKind, seedCatalog, type Catalog } from '../rules/catalog';
import { FormulaError, formulaRefs, parseFormula } from '../rules/formula';
import type { FactDef } from '../rules/rule-set.schema';

export type FactType = 'number' | 'boolean' | 'distribution';
/** What a fact measures: an outcome for people, only a trace of paperwork, or the things the 减负 rules forbid scoring. */
export type Measure = 'outcome' | 'trace' | 'login' | 'checkin' | 'online';

/** A distribution of answers, per rater group: { 居民: { 满意: 80, 不了解: 3 }, 党员: {…} }. */
export type Distribution = Record<string, Record<string, number>>;
export type FactValue = number | boolean | Distribution;


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
    case 'cobuilding.projects':
      return '个';
    case 'cobuilding.needs':
      return def.count === 'metShare' ? '%' : '项';
    case 'cobuilding.resources':
      return '项';
    case 'cobuilding.wishes':
      return '个';
    case 'cobuilding.chairs':
      return def.count === 'terms' ? '届' : '个';
    case 'cobuilding.agreements':
      return def.count === 'deliveredShare' ? '%' : '份';
    case 'records.count':
      return '项';
    case 'history':
      return def.of === 'total' ? '分' : def.of === 'records' ? '项' : '年';
    case 'inspections.sum':
    case 'twoway.received':
    case 'assessment.self':
    case 'assessment.review':
      return '分';
    case 'reviews.count':
      return '张';
    case 'twoway.receivedCount':
    case 'twoway.missingGiven':
      return '份';
    case 'ledger.longestGap':
      return def.unit === 'month' ? '个月' : '天';
    case 'declared':
    case 'derived':
      return def.unit ?? '';
    default:
      return '次';
  }
}

/**
 * Whether a fact measures an outcome or a trace. Ledger facts inherit it from their kinds (a trace
 * unless every kind is an outcome); attendance is a trace; service hours and ratings are outcomes. A derived
 * fact inherits from the facts its formula reads (given `defs`): a log-in, check-in or time-online measure if
 * any input is one, a trace if every input is a trace, an outcome otherwise (hours per member measure service).
 * A kind's measure comes from `catalog` (the database's or rules/catalog.json's kinds; the seed by default).
 */
export function factMeasure(def: FactDef, defs: Readonly<Record<string, FactDef>> = {}, seen: ReadonlySet<FactDef> = new Set(), catalog: Catalog = seedCatalog): Measure {
  if (def.source !== 'declared' && def.measure) return def.measure;
  switch (def.source) {
    case 'ledger.count':
    case 'ledger.hours':
    case 'ledger.participants':
    case 'ledger.periods':
    case 'ledger.missingPeriods':
    case 'ledger.longestGap':
      return def.kinds.every((k) => findKind(catalog, k)?.measure === 'outcome') ? 'outcome' : 'trace';
    case 'derived': {
      const inputs = derivedInputs(def).flatMap((n) => (Object.hasOwn(defs, n) && !seen.has(defs[n]!) ? [factMeasure(defs[n]!, defs, new Set([...seen, def]), catalog)] : []));
      const forbidden = inputs.find((m) => m === 'login' || m === 'checkin' || m === 'online');
      if (forbidden) return forbidden;
      return inputs.length > 0 && inputs.every((m) => m === 'trace') ? 'trace' : 'outcome';
    }
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
    case 'assessment.self':
    case 'assessment.review':
    case 'records.count':
    case 'history':
    case 'reviews.tally':
    case 'reviews.count':
    case 'twoway.received':
    case 'twoway.receivedCount':
    case 'ballots.tally':
    case 'ballots.count':
    case 'ballots.share':
    case 'cobuilding.projects':
    case 'cobuilding.needs':
    case 'cobuilding.resources':
    case 'cobuilding.wishes':
    case 'cobuilding.agreements':
      return 'outcome';
    case 'twoway.missingGiven':
      return 'trace';
    case 'cobuilding.chairs':
      return def.count === 'terms' ? 'trace' : 'outcome';
    case 'declared':
      return def.measure ?? (def.type === 'distribution' ? 'outcome' : 'trace');
  }
}

/** The seed's kind codes; rule sets are checked against a Catalog passed in (validateRuleSet's `catalog`). */
export const knownKindCodes = new Set<string>(recordKinds.map((k) => k.code));

/** The facts a derived fact's formula reads, in order of first use; none when the formula does not parse. */
export function derivedInputs(def: Extract<FactDef, { source: 'derived' }>): string[] {
  try {
    return [...formulaRefs(parseFormula(def.formula))];
  } catch (e) {
    if (e instanceof FormulaError) return [];
    throw e;
  }
}

/** Where a fact's value lies in the year, when it is a run of days or months (the longest gap): shown beside the number. */
/** What a fact's value covers, printed beside it: a longest gap's days, or the years a look-back read. */
export type FactSpan = { from: string; to: string } | { text: string };
const spansKey: unique symbol = Symbol('factSpans');
type WithSpans = { [spansKey]?: Record<string, FactSpan> };

/**
 * Records the span of one fact on an organization's fact record. Kept under a symbol that is not enumerable, so
 * the record stays a plain name → value map for the engine, comparisons and serialization; scoreFacts reads it
 * back with spansOf.
 */
export function attachSpan(record: object, name: string, span: FactSpan): void {
  const holder = record as WithSpans;
  if (!holder[spansKey]) Object.defineProperty(record, spansKey, { value: {}, enumerable: false });
  holder[spansKey]![name] = span;
}

export function spansOf(record: object): Readonly<Record<string, FactSpan>> {
  return (record as WithSpans)[spansKey] ?? {};
}

/** One shape for every tally: a flat { 满意: 80 } becomes the single group { 全部: { 满意: 80 } }. */
export function normalizeTally(value: Record<string, number | Record<string, number>>): Distribution {
  const entries = Object.entries(value);
  if (entries.every(([, v]) => typeof v === 'number')) return { 全部: value as Record<string, number> };
  return value as Distribution;
}
