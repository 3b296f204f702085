import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index';
import { evaluateFormula, formulaText, parseFormula } from '../../src/rules/formula';
import { dec } from '../../src/scoring/decimal';
import { fixedClock, todayInChina } from '../../src/lib/clock';
import { isIsoDate, parseLooseDate } from '../../src/lib/dates';
import { toDecimal2 } from '../../src/lib/decimal';

describe('dates', () => {
  it.each([
    ['2025-02-28', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-6-1', false],
  ])('isIsoDate(%s) = %s', (s, ok) => expect(isIsoDate(s)).toBe(ok));

  it.each([
    ['2025/3/8', '2025-03-08'],
    ['2025.3.8', '2025-03-08'],
    ['2025年3月8日', '2025-03-08'],
    [' 2025-03-08 ', '2025-03-08'],
    ['2025/2/30', null],
    ['3/8/2025', null],
  ])('parseLooseDate(%s) = %s', (s, iso) => expect(parseLooseDate(s)).toBe(iso));

  it('takes today in China Standard Time, not the server zone', () => {
    expect(todayInChina(fixedClock('2025-12-31T16:30:00Z'))).toBe('2026-01-01'); // 00:30 in Beijing
    expect(todayInChina(fixedClock('2025-12-31T15:59:00Z'))).toBe('2025-12-31');
  });
});

describe('decimals', () => {
  it.each([
    [2.5, '2.50'],
    ['0.1', '0.10'],
    ['3', '3.00'],
    [1.25, '1.25'],
    ['1.255', null],
    ['12345', null],
    ['9999.99', '9999.99'],
    [-1, null],
    ['abc', null],
    [Number.NaN, null],
  ])('toDecimal2(%s) = %s', (v, out) => expect(toDecimal2(v)).toBe(out));
});

describe('formulas', () => {
  it.each([
    ['a - (b + c)', 'a − (b + c)'],
    ['a / (b * c)', 'a ÷ (b × c)'],
    ['a / (b / c)', 'a ÷ (b ÷ c)'],
    ['-(a + b)', '-(a + b)'],
    ['(a + b) * 70% + c * 30%', '(a + b) × 70% + c × 30%'],
  ])('%s reads back as %s', (src, text) => expect(formulaText(parseFormula(src))).toBe(text));

  it('keeps precedence and unary minus', () => {
    const env = { a: dec(10), b: dec(4), c: dec(2) };
    // 10 − 4 × 2 = 2; −(10 − 4) / 2 = −3; 50% of 10 = 5
    expect(evaluateFormula(parseFormula('a - b * c'), env).toString()).toBe('2');
    expect(evaluateFormula(parseFormula('-(a - b) / c'), env).toString()).toBe('-3');
    expect(evaluateFormula(parseFormula('a * 50%'), env).toString()).toBe('5');
    expect(evaluateFormula(parseFormula('max(a, b * 3, min(c, 1))'), env).toString()).toBe('12');
  });
});

describe('migrations', () => {
  it('lists every file of migrations/ in the static index, in name order', () => {
    const files = readdirSync('migrations')
      .filter((f) => /^\d{4}_\d{2}_\d{2}_\d{6}_.+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(Object.keys(migrations)).toEqual(files);
  });
});
