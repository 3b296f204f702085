import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Grading } from '../../src/rules/rule-set.schema';
import { dec } from '../../src/scoring/decimal';
import { countOf, gradeAll, gradeEach, overrideRef, type GradeInput } from '../../src/scoring/grading';
import { gradeInputFrom } from '../../src/scoring/run';
import type { ScoreResult } from '../../src/scoring/evaluate';
import { gradeDistribution } from '../../src/features/scoring/preview-rules';

/**
 * Grading mechanics 5–8, 11 and 12 of DOMAIN.md, table-driven, with the expected grades worked out by hand,
 * and property tests for quotas and monotonicity.
 */

// 西青区 bands: 五星 95 分以上, 四星 85–94, 三星 75–84, 二星 65–74, 一星 60–64, below 60 无星.
const xiqing = {
  grades: [
    { id: 'five', label: '五星' },
    { id: 'four', label: '四星' },
    { id: 'three', label: '三星' },
    { id: 'two', label: '二星' },
    { id: 'one', label: '一星' },
    { id: 'none', label: '无星' },
  ],
  bands: [
    { grade: 'five', gte: 95 },
    { grade: 'four', gte: 85, lt: 95 },
    { grade: 'three', gte: 75, lt: 85 },
    { grade: 'two', gte: 65, lt: 75 },
    { grade: 'one', gte: 60, lt: 65 },
    { grade: 'none', lt: 60 },
  ],
};

let nextId = 1;
function org(total: number | string, over: Partial<GradeInput> = {}): GradeInput {
  const id = nextId++;
  return {
    orgId: id,
    code: `C${String(id).padStart(4, '0')}`,
    category: 'community',
    parentId: 1,
    rootPath: '/1/',
    assessed: true,
    total: String(total),
    parts: { main: String(total) },
    fired: new Set(),
    directRecords: [],
    lastGrade: null,
    indicators: [],
    ...over,
  };
}

function grade(def: object, inputs: GradeInput[], year = 2025) {
  return gradeAll(Grading.parse(def), inputs, year, { main: dec(1) });
}

describe('5. bands with explicit edges, and a "not rated" bottom band', () => {
  it.each([
    [95, 'five'], // "95 分以上" includes 95
    [94.99, 'four'],
    [85, 'four'],
    [84.99, 'three'],
    [60, 'one'],
    [59.99, 'none'],
  ])('%s → %s', (total, want) => {
    expect(grade(xiqing, [org(total)]).outcomes[0]!.grade).toBe(want);
  });

  it('honours an exclusive lower edge ("95 分以上", not including 95)', () => {
    const strict = { ...xiqing, bands: [{ grade: 'five', gt: 95 }, ...xiqing.bands.slice(1).map((b) => (b.grade === 'four' ? { grade: 'four', gte: 85, lte: 95 } : b))] };
    expect(grade(strict, [org(95)]).outcomes[0]!.grade).toBe('four');
    expect(grade(strict, [org(95.01)]).outcomes[0]!.grade).toBe('five');
  });

  it('leaves organizations that are not assessed without a grade', () => {
    const [o] = grade(xiqing, [org(99, { assessed: false })]).outcomes;
    expect(o).toMatchObject({ grade: null, move: null, rankCategory: null });
  });
});

describe('7. overrides: vetoes, caps, prerequisites', () => {
  const overrides = [
    { type: 'veto', id: 'discipline', title: '违纪案件', when: { fact: 'cases', operator: 'greaterThan', value: 0 }, reason: '发生违纪案件' },
    { type: 'veto', id: 'weak', title: '软弱涣散', when: { fact: 'weak', operator: 'greaterThan', value: 0 }, cap: 'two', reason: '被确定为软弱涣散党组织' },
    { type: 'cap', id: 'satisfaction', title: '满意度', when: { fact: 'sat', operator: 'lessThan', value: 60 }, cap: 'two', reason: '群众满意度低于 60%' },
    { type: 'prerequisite', id: 'innovation', title: '五星条件', grade: 'five', when: { fact: 'projects', operator: 'greaterThanInclusive', value: 1 }, reason: '五星须有党建创新项目或纪检廉政证明' },
    { type: 'direct', id: 'honour', title: '区级以上先进', when: { fact: 'honours', operator: 'greaterThanInclusive', value: 1 }, grade: 'five', reason: '获区级以上先进基层党组织表彰' },
  ];
  const def = { ...xiqing, overrides };
  // The prerequisite "holds" when its reference fires; the others apply when theirs fires.
  const fired = (...names: string[]) => new Set(names.map((n) => overrideRef(overrides.findIndex((o) => o.id === n))));
  it.each([
    ['a veto removes the grade', 97, ['discipline', 'innovation'], 'none'],
    ['a veto with a cap keeps at most that grade', 97, ['weak', 'innovation'], 'two'],
    ['a veto with a cap does not raise a lower grade', 62, ['weak'], 'one'],
    ['a condition caps the grade', 90, ['satisfaction'], 'two'],
    ['a missing prerequisite stops five stars at four', 97, [], 'four'],
    ['a met prerequisite keeps five stars', 97, ['innovation'], 'five'],
    ['direct grading bypasses the score', 70, ['honour'], 'five'],
    ['a veto beats direct grading', 70, ['honour', 'discipline'], 'none'],
  ])('%s', (_, total, names, want) => {
    expect(grade(def, [org(total as number, { fired: fired(...(names as string[])) })]).outcomes[0]!.grade).toBe(want);
  });

  it('reads two caps as one decision: both named, the lower one taken', () => {
    const two = [
      { type: 'cap', id: 'sat', title: '群众满意度', when: { fact: 's', operator: 'lessThan', value: 60 }, cap: 'two', reason: '群众评议低于 60%' },
      { type: 'cap', id: 'lax', title: '软弱涣散', when: { fact: 'l', operator: 'greaterThanInclusive', value: 1 }, cap: 'none', reason: '被确定为软弱涣散党组织' },
    ];
    const out = grade({ ...xiqing, overrides: two }, [org(97, { fired: new Set([overrideRef(0), overrideRef(1)]) })]).outcomes[0]!;
    expect(out.grade).toBe('none');
    const caps = out.steps.filter((s) => s.kind === 'cap').map((s) => s.text);
    expect(caps).toEqual(['群众满意度（群众评议低于 60%，最高二星）；软弱涣散（被确定为软弱涣散党组织，最高无星）：按其中最低的一项，最高无星']);
     expect(out.decidedBy).toBe('cap');
  });

  it('applies an admin decision to grade directly, with reason and approver in the steps', () => {
    const [o] = grade(xiqing, [org(66, { directRecords: [{ grade: 'five', reason: '获省级先进基层党组织', approver: '区委组织部部务会' }] })]).outcomes;
    expect(o!.grade).toBe('five');
    expect(o!.steps.map((s) => s.text)).toContain('直接定级：获省级先进基层党组织（批准人：区委组织部部务会），定为五星');
     expect(o!.decidedBy).toBe('direct');
  });
});

describe('6. quotas by share within a scope', () => {
  it('demotes the lowest-ranked one grade at a time, cascading down', () => {
    // 10 communities all at ≥ 95. Five stars ≤ 30% → floor(0.3 × 10) = 3 keep five; the other 7 go to four.
    // Four stars ≤ 20% → floor(2) = 2 keep four; the other 5 go to three.
    const inputs = [99, 98.5, 98, 97.5, 97, 96.5, 96, 95.5, 95.2, 95].map((t) => org(t));
    const def = { ...xiqing, quotas: [{ grade: 'five', max: 0.3 }, { grade: 'four', max: 0.2 }] };
    const grades = grade(def, inputs).outcomes.map((o) => o.grade);
    expect(grades).toEqual(['five', 'five', 'five', 'four', 'four', 'three', 'three', 'three', 'three', 'three']);
    const demoted = grade(def, inputs).outcomes[3]!;
    expect(demoted.steps.find((s) => s.kind === 'quota')!.text).toBe('五星不超过 30%（本类别 10 个组织中最多 3 个），按排名降为四星');
    // The stored code of the deciding step: the quota for the demoted, the band for those that kept theirs.
    expect(grade(def, inputs).outcomes.map((o) => o.decidedBy)).toEqual(['band', 'band', 'band', 'quota', 'quota', 'quota', 'quota', 'quota', 'quota', 'quota']);
  });

  it('only warns for "about X%" guidance, and applies quotas of the given years only', () => {
    const inputs = [99, 98, 97, 96].map((t) => org(t));
    const about = grade({ ...xiqing, quotas: [{ grade: 'five', max: 0.25, mode: 'about' }] }, inputs);
    expect(about.outcomes.every((o) => o.grade === 'five')).toBe(true);
    expect(about.warnings).toEqual(['五星约占 25%：本类别（community）4 个组织中有 4 个，超过指导比例']);
    const otherYear = grade({ ...xiqing, quotas: [{ grade: 'five', max: 0.25, years: [2026] }] }, inputs, 2025);
    expect(otherYear.outcomes.every((o) => o.grade === 'five')).toBe(true);
  });

  it('counts quotas within each parent when the scope says so', () => {
    // two streets with 4 five-star communities each; ≤ 50% per street → 2 per street stay five
    const inputs = [99, 98, 97, 96].flatMap((t) => [org(t, { parentId: 10 }), org(t, { parentId: 20 })]);
    const out = grade({ ...xiqing, quotas: [{ grade: 'five', max: 0.5, scope: 'parent' }] }, inputs).outcomes;
    for (const parent of [10, 20]) {
      const mine = out.filter((o) => inputs.find((i) => i.orgId === o.orgId)!.parentId === parent);
      expect(mine.filter((o) => o.grade === 'five')).toHaveLength(2);
    }
  });

  it('fills the lagging list up to its minimum share with the lowest-ranked', () => {
    // 20 communities from 61 to 99.95, none below 60 (无星). Lagging ≥ 10% → ceil(2) = 2: the two lowest.
    const inputs = Array.from({ length: 20 }, (_, i) => org(61 + i * 2));
    const out = grade({ ...xiqing, lagging: { grades: ['none'], minShare: 0.1 } }, inputs).outcomes;
    expect(out.filter((o) => o.lagging).map((o) => Number(inputs.find((x) => x.orgId === o.orgId)!.total))).toEqual([61, 63]);
  });
});

describe('quota and lagging counts in exact decimals', () => {
  it('lets 63 of 90 keep five stars at 70% (binary floating point gave 62)', () => {
    // 0.7 × 90 = 63 exactly; Math.floor(0.7 * 90) is 62 because 0.7 * 90 = 62.99999999999999 in binary.
    const inputs = Array.from({ length: 90 }, (_, i) => org(99 - i * 0.01));
    const out = grade({ ...xiqing, quotas: [{ grade: 'five', max: 0.7 }] }, inputs).outcomes;
    expect(out.filter((o) => o.grade === 'five')).toHaveLength(63);
  });

  it('lists 7 of 100 as lagging at "不少于 7%" (binary floating point gave 8)', () => {
    // 0.07 × 100 = 7 exactly; Math.ceil(0.07 * 100) is 8 because 0.07 * 100 = 7.000000000000001.
    const inputs = Array.from({ length: 100 }, (_, i) => org(61 + i * 0.3));
    const out = grade({ ...xiqing, lagging: { grades: ['none'], minShare: 0.07 } }, inputs).outcomes;
    expect(out.filter((o) => o.lagging)).toHaveLength(7);
  });

  it('equals integer arithmetic for every share in tenths of a percent and every size up to 400', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 400 }), (perMille, n) => {
        // share = perMille / 1000; share × n = m / 1000 with m = perMille × n, an integer: floor and ceil by integer division.
        const m = perMille * n;
        const floor = (m - (m % 1000)) / 1000;
        const ceil = floor + (m % 1000 > 0 ? 1 : 0);
        const share = Number((perMille / 1000).toFixed(3));
        expect(countOf(share, n, 'floor')).toBe(floor);
        expect(countOf(share, n, 'ceil')).toBe(ceil);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('rankings within the category and the parent, with declared ties', () => {
  it('shares a rank between equal totals, or breaks the tie by code', () => {
    const inputs = [org(90), org(88), org(88), org(80)];
    expect(grade(xiqing, inputs).outcomes.map((o) => o.rankCategory)).toEqual([1, 2, 2, 4]);
    expect(grade({ ...xiqing, ranking: { by: ['total', 'code'], ties: 'code' } }, inputs).outcomes.map((o) => o.rankCategory)).toEqual([1, 2, 3, 4]);
  });

  it('uses a part score as the next key when declared', () => {
    const a = org(88, { parts: { main: '88', public: '15' } });
    const b = org(88, { parts: { main: '88', public: '18' } });
    const out = grade({ ...xiqing, ranking: { by: ['total', 'part:public'], ties: 'shared' } }, [a, b]).outcomes;
    expect(out.map((o) => o.rankCategory)).toEqual([2, 1]);
  });
});

describe('11. year over year and 12. consequences', () => {
  const def = {
    ...xiqing,
    yearOverYear: { maxSteps: 1 },
    consequences: { five: ['计为先进基层党组织', '党建经费按 110% 拨付'], none: ['扣减 10% 党建经费'], lagging: ['列入整顿名单'] },
    lagging: { grades: ['none'] },
  };
  it.each([
    // last year, this year's band → grade and move
    ['five', 66, 'four', '降星'], // two → clamped to one step below five
    ['one', 97, 'two', '晋位'], // five → at most one step above one
    ['three', 78, 'three', '保持'],
    ['one', 50, 'none', '摘星'], // down to the bottom: stars removed
    [null, 88, 'four', '首次定级'],
  ])('last year %s, score %s → %s (%s)', (last, total, want, move) => {
    const [o] = grade(def, [org(total as number, { lastGrade: last as string | null })]).outcomes;
    expect(o).toMatchObject({ grade: want, move });
  });

  it('attaches the consequences of the grade and of the lagging list', () => {
    const [top] = grade(def, [org(97)]).outcomes;
    expect(top!.consequences).toEqual(['计为先进基层党组织', '党建经费按 110% 拨付']);
    const [low] = grade(def, [org(40)]).outcomes;
    expect(low!.consequences).toEqual(['扣减 10% 党建经费', '列入整顿名单']);
  });
});

describe('what a branch needs for the next grade', () => {
  it('says the points missing, the indicators with headroom, and the blockers', () => {
    const overrides = [{ type: 'prerequisite', id: 'p', title: '五星条件', grade: 'five', when: { fact: 'projects', operator: 'greaterThanInclusive', value: 1 }, reason: '五星须有党建创新项目' }];
    const indicators = [
      { id: 'theme', title: '主题党日', partId: 'main', points: '6', max: '10' },
      { id: 'service', title: '服务群众', partId: 'main', points: '13', max: '14' },
      { id: 'full', title: '组织生活', partId: 'main', points: '5', max: '5' },
    ];
    // 87.5 is four stars; five needs ≥ 95 → 7.5 missing; headroom 4 (theme) and 1 (service); the prerequisite is not met
    const [o] = grade({ ...xiqing, overrides }, [org(87.5, { indicators })]).outcomes;
    expect(o!.next).toMatchObject({ grade: 'five', missing: '7.50', headroom: [{ indicator: 'theme', points: '4.00' }, { indicator: 'service', points: '1.00' }], blockers: ['五星条件：五星须有党建创新项目'] });
    expect(o!.next!.text).toBe('距「五星」还差 7.5 分（五星须达到 95 分及以上）。可提分的指标：主题党日（最多可增加总分 4 分）、服务群众（最多可增加总分 1 分）。另须解决：五星条件：五星须有党建创新项目');
    const [top] = grade(xiqing, [org(99)]).outcomes;
    expect(top!.next).toBeNull();
  });

  it('weighs headroom by the part weight, keeps equal gains in indicator order and shows only five', () => {
    const indicators = [
      { id: 'a', title: 'A', partId: 'daily', points: '0.01', max: '1' }, // (1 − 0.01) × 1/3 = 0.33
      { id: 'b', title: 'B', partId: 'daily', points: '2.01', max: '3' }, // (3 − 2.01) × 1/3 = 0.33, a tie with A (in doubles a hair more): A stays first
      { id: 'c', title: 'C', partId: 'votes', points: '0', max: '6' }, // 6 × 0.5 = 3.00
      { id: 'd', title: 'D', partId: 'daily', points: '1', max: '10' }, // 9 × 1/3 = 3.00, a tie with C: C stays first
      { id: 'e', title: 'E', partId: 'votes', points: '9', max: '10' }, // 1 × 0.5 = 0.50, above A and B
      { id: 'f', title: 'F', partId: 'daily', points: '9.97', max: '10' }, // 0.03 × 1/3 = 0.01, sixth: not shown
    ];
    const weights = { daily: dec(1).div(3), votes: dec('0.5') };
    const [o] = gradeAll(Grading.parse(xiqing), [org(87.5, { indicators })], 2025, weights).outcomes;
    expect(o!.next!.headroom.map((h) => [h.indicator, h.points])).toEqual([
      ['c', '3.00'],
      ['d', '3.00'],
      ['e', '0.50'],
      ['a', '0.33'],
      ['b', '0.33'],
    ]);
  });

  it('is the same from a stored result, which keeps only the indicators below their maximum', () => {
    // A result as stored: theme 6 of 10 and service 13 of 14 have headroom; full (5 of 5) and bonus (no maximum) do not.
    const indicator = (id: string, points: string, max: string | null) => ({ id, title: id, points, max });
    const parts = [{ id: 'main', points: '87.50', indicators: [indicator('theme', '6.00', '10.00'), indicator('full', '5.00', '5.00'), indicator('bonus', '2.00', null), indicator('service', '13.00', '14.00')] }];
    const result = { assessed: true, total: '87.50', parts } as unknown as ScoreResult;
    const place = { orgId: 900, code: 'C0900', category: 'community', parentId: 1, rootPath: '/1/' };
    const stored = gradeInputFrom(result, new Set(), place);
    expect(stored.indicators.map((i) => i.id)).toEqual(['theme', 'service']);
    // Graded with every indicator, the next grade names the same two (4 and 1 points of headroom) in the same words.
    const every = { ...stored, indicators: parts[0]!.indicators.map((i) => ({ ...i, partId: 'main' })) };
    const [a] = grade(xiqing, [stored]).outcomes;
    const [b] = grade(xiqing, [every]).outcomes;
    expect(a!.next).toEqual(b!.next);
    expect(a!.next!.headroom.map((h) => [h.indicator, h.points])).toEqual([
      ['theme', '4.00'],
      ['service', '1.00'],
    ]);
  });
});

describe('outcomes built one at a time (a city graded in thousands)', () => {
  it('gives each organization the same outcome whatever order, and however often, it is asked for', () => {
    // A quota and ranks need everyone: at most 20% of 10 = 2 five stars, so of the five at ≥ 95 the best two (99, 98)
    // keep five. Last year's grades (a move) and indicators (the next grade's headroom) make every part of an outcome.
    const def = Grading.parse({ ...xiqing, quotas: [{ grade: 'five', max: 0.2, scope: 'category' }] });
    const indicators = [{ id: 'theme', title: '主题党日', partId: 'main', points: '6', max: '10' }];
    const totals = [99, 98, 97, 96, 95, 80, 70, 62, 50, 88];
    const inputs = () => {
      nextId = 500;
      return totals.map((t, i) => org(t, { indicators, lastGrade: i % 2 === 0 ? 'four' : null }));
    };
    const each = gradeEach(def, inputs(), 2025, { main: dec(1) });
    const order = [9, 0, 5, 3, 8, 1, 7, 2, 6, 4];
    const first = order.map((i) => each.outcome(i));
    const again = order.map((i) => each.outcome(i));
    expect(again).toEqual(first);
    // The same as a second grading of equal inputs asked in their own order.
    const fresh = gradeEach(def, inputs(), 2025, { main: dec(1) });
    const natural = totals.map((_, i) => fresh.outcome(i));
    expect(first).toEqual(order.map((i) => natural[i]));
    expect(first.filter((o) => o.grade === 'five').map((o) => o.orgId)).toEqual([500, 501]); // 99 and 98, in the order asked
    // 97 was four stars last year: the quota took five away, so it keeps four ('保持'), with 4 points of headroom named.
    const o97 = each.outcome(2);
    expect([o97.grade, o97.move, o97.next?.headroom]).toEqual(['four', '保持', [{ indicator: 'theme', title: '主题党日', points: '4.00' }]]);
  });
});

describe('properties', () => {
  const totals = fc.array(fc.integer({ min: 0, max: 10000 }).map((x) => (x / 100).toFixed(2)), { minLength: 1, maxLength: 60 });
  const share = fc.integer({ min: 0, max: 100 }).map((x) => x / 100);

  it('never lets a grade exceed its hard quota, whatever the scores, direct grades and quotas', () => {
    fc.assert(
      fc.property(totals, share, share, fc.array(fc.boolean(), { maxLength: 60 }), (ts, q5, q4, pins) => {
        const overrides = [{ type: 'direct', id: 'honour', title: '表彰', when: { fact: 'h', operator: 'equal', value: 1 }, grade: 'five', reason: '表彰' }];
        const inputs = ts.map((t, i) => org(t, { fired: pins[i] ? new Set([overrideRef(0)]) : new Set() }));
        const out = grade({ ...xiqing, overrides, quotas: [{ grade: 'five', max: q5 }, { grade: 'four', max: q4 }] }, inputs).outcomes;
        const n = inputs.length;
        return out.filter((o) => o.grade === 'five').length <= Math.floor(q5 * n) && out.filter((o) => o.grade === 'four').length <= Math.floor(q4 * n);
      }),
      { numRuns: 300 },
    );
  });

  it('never gives a higher score a lower grade without overrides, quotas or not', () => {
    fc.assert(
      fc.property(totals, share, (ts, q) => {
        const inputs = ts.map((t) => org(t));
        const out = grade({ ...xiqing, quotas: [{ grade: 'five', max: q }, { grade: 'three', max: q }] }, inputs).outcomes;
        const idx = (g: string | null) => xiqing.grades.findIndex((x) => x.id === g);
        return inputs.every((a, i) => inputs.every((b, j) => !dec(a.total).gt(dec(b.total)) || idx(out[i]!.grade) <= idx(out[j]!.grade)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('lists printed in the same order every run', () => {
  it('gives a preview grade distribution best grade first, then 未定级 and 不参加评定, whatever order the organizations came in', () => {
    const rows = [
      { gradeLabel: '二星', assessed: true },
      { gradeLabel: null, assessed: false },
      { gradeLabel: '五星', assessed: true },
      { gradeLabel: null, assessed: true },
      { gradeLabel: '二星', assessed: true },
      { gradeLabel: '四星', assessed: true },
    ];
    const order = ['五星', '四星', '三星', '二星', '一星', '无星'];
    const forward = gradeDistribution(rows, order);
    expect(Object.entries(forward)).toEqual([['五星', 1], ['四星', 1], ['二星', 2], ['未定级', 1], ['不参加评定', 1]]);
    expect(Object.entries(gradeDistribution([...rows].reverse(), order))).toEqual(Object.entries(forward));
  });
});

describe('quotas over a group of grades, minimum shares, and "about" minimums', () => {
  const gradesOf = (r: ReturnType<typeof grade>, inputs: GradeInput[]) => inputs.map((i) => r.outcomes.find((o) => o.orgId === i.orgId)!.grade);

  it('"四星及以上不超过 40%" sends the lowest-ranked of the group down to three stars', () => {
    // 10 organizations, bands: 96, 95 five; 90, 88, 86 four; 80, 78 three; 70, 68 two; 55 none.
    // Five and four together: 5 organizations; 40% of 10 = 4 may hold four stars or better.
    // The lowest-ranked of the five (86) goes down to three stars.
    const inputs = [96, 95, 90, 88, 86, 80, 78, 70, 68, 55].map((t) => org(t));
    const r = grade({ ...xiqing, quotas: [{ grade: 'four', range: 'andAbove', max: 0.4 }] }, inputs);
    expect(gradesOf(r, inputs)).toEqual(['five', 'five', 'four', 'four', 'three', 'three', 'three', 'two', 'two', 'none']);
    expect(r.outcomes.find((o) => o.orgId === inputs[4]!.orgId)!.steps.at(-1)!.text).toBe('四星及以上不超过 40%（本类别 10 个组织中最多 4 个），按排名降为三星');
  });

  it('"二星及以下不少于 30%" fills the group from the lowest-ranked above it, never one graded directly', () => {
    // The same 10: two stars or below are 70, 68 and 55 = 3; 30% of 10 = ceil(3) = 3: nothing moves.
    const same = [96, 95, 90, 88, 86, 80, 78, 70, 68, 55].map((t) => org(t));
    expect(gradesOf(grade({ ...xiqing, quotas: [{ grade: 'two', range: 'andBelow', min: 0.3 }] }, same), same)).toEqual(['five', 'five', 'four', 'four', 'four', 'three', 'three', 'two', 'two', 'none']);
    // 50% of 10 = 5: two more come down to two stars, the lowest-ranked above the group: 78, then 80.
    // 80 was graded directly (pinned), so the next one up, 86, comes down instead.
    const inputs = [96, 95, 90, 88, 86, 80, 78, 70, 68, 55].map((t) => org(t));
    inputs[5] = org(80, { directRecords: [{ grade: 'three', reason: '区委批准', approver: '区委组织部' }] });
    const r = grade({ ...xiqing, quotas: [{ grade: 'two', range: 'andBelow', min: 0.5 }] }, inputs);
    expect(gradesOf(r, inputs)).toEqual(['five', 'five', 'four', 'four', 'two', 'three', 'two', 'two', 'two', 'none']);
    expect(r.outcomes.find((o) => o.orgId === inputs[6]!.orgId)!.steps.at(-1)!.text).toBe('二星及以下不少于 50%（本类别 10 个组织中至少 5 个），按排名降为二星');
  });

  it('"about" minimums and lagging shares warn instead of moving anyone', () => {
    // Two stars or below "约 40%" of 10 = 4 expected, floor 4; only 3 hold it: a warning, no change.
    // Lagging (none) "约 20%": floor(2) = 2 expected; only 1 (55) is lagging: a warning, no fill.
    const inputs = [96, 95, 90, 88, 86, 80, 78, 70, 68, 55].map((t) => org(t));
    const r = grade({ ...xiqing, quotas: [{ grade: 'two', range: 'andBelow', min: 0.4, mode: 'about' }], lagging: { grades: ['none'], minShare: 0.2, mode: 'about' } }, inputs);
    expect(gradesOf(r, inputs)).toEqual(['five', 'five', 'four', 'four', 'four', 'three', 'three', 'two', 'two', 'none']);
    expect(r.outcomes.filter((o) => o.lagging)).toHaveLength(1);
    expect(r.warnings).toEqual(['二星及以下约占 40%：本类别（community）10 个组织中只有 3 个，低于指导比例', '后进党组织约占 20%：本类别（community）10 个组织中只有 1 个，低于指导比例']);
  });
});
