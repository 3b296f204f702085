import { describe, expect, it } from 'vitest';
import { paginate, splitSections } from '../../src/adapters/pdf-pagination';

describe('pagination of a document printed in parts', () => {
  it('splits sections into consecutive parts of about equal length, never an empty one', () => {
    expect(splitSections(['a', 'b', 'c', 'd'], 2)).toEqual([['a', 'b'], ['c', 'd']]);
    expect(splitSections(['aaaaaa', 'b', 'c', 'd'], 2)).toEqual([['aaaaaa'], ['b', 'c', 'd']]);
    expect(splitSections(['a', 'b'], 4)).toEqual([['a'], ['b']]);
    expect(splitSections(['a', 'b', 'c'], 3)).toEqual([['a'], ['b'], ['c']]);
    expect(splitSections(['a'], 2)).toEqual([['a']]);
  });

  it('starts each part after the pages of the parts before it', () => {
    // Part 1: front matter of 2 pages (no id), s1 of 3 pages → pages 1–5; part 2: s2 of 1 page, s3 of 2 → 6–8.
    const { starts, offsets, total } = paginate([
      [{ id: null, pages: 2 }, { id: 's1', pages: 3 }],
      [{ id: 's2', pages: 1 }, { id: 's3', pages: 2 }],
    ]);
    expect(starts).toEqual({ s1: 3, s2: 6, s3: 7 });
    expect(offsets).toEqual([0, 5]);
    expect(total).toBe(8);
  });
});
