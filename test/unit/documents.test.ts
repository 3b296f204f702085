import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/adapters/pdf-puppeteer';
import { compileTemplates } from '../../src/documents/templates';
import { partsChart, rankingsContent, starsOf } from '../../src/documents/view-models';
import { loadTemplates } from '../../src/entry/template-files';

describe('document templates', () => {
  const sources = { partials: { stars: '{{#each grade.stars}}{{#if this}}★{{else}}☆{{/if}}{{/each}}' }, css: '' };

  it('fail loudly, naming the template, when the model lacks a field', () => {
    const t = compileTemplates({ ...sources, documents: { scorecard: '<h1>{{org.name}}</h1>{{> stars}}', rankings: '{{year}}', book: '{{year}}' } });
    expect(t.render('scorecard', { org: { name: '幸福社区' }, grade: { stars: [true, true, false] } })).toBe('<h1>幸福社区</h1>★★☆');
    expect(() => t.render('scorecard', { org: {}, grade: { stars: [] } })).toThrow(/templates\/scorecard\.hbs: "name" not defined/);
    expect(() => t.render('rankings', {})).toThrow(/templates\/rankings\.hbs/);
  });

  it('escape what users typed', () => {
    const t = compileTemplates({ ...sources, documents: { scorecard: '{{org.name}}', rankings: '', book: '' } });
    expect(t.render('scorecard', { org: { name: '<script>alert(1)</script>' } })).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('compile the shipped templates/ folder', () => {
    const t = loadTemplates();
    expect(t.css).toContain('.doc');
    expect(() => t.render('book', { year: 2025 })).toThrow(/book\.hbs/);
  });
});

describe('view models', () => {
  const scale = { grades: ['五星', '四星', '三星', '二星', '一星', '无星'].map((label, i) => ({ id: `g${i}`, label })) };

  it('draws stars for a star scale and none for named grades', () => {
    expect(starsOf(scale, 'g0')).toEqual([true, true, true, true, true]);
    expect(starsOf(scale, 'g3')).toEqual([true, true, false, false, false]); // 二星: 5 − 3 = 2 filled
    expect(starsOf(scale, 'g5')).toEqual([false, false, false, false, false]); // 无星
    expect(starsOf({ grades: ['好', '较好', '一般', '差'].map((label) => ({ id: label, label })) }, '好')).toBeNull();
    expect(starsOf(scale, null)).toBeNull();
  });

  it('charts parts against their maxima with escaped labels', () => {
    const svg = partsChart([
      { title: '日常<考核>', points: '25.00', max: '50.00' },
      { title: '扣分', points: '-2.00', max: '—' },
    ]);
    expect(svg).toContain('日常&#60;考核&#62;');
    expect(svg).toContain('width="65.0"'); // 130 px bar × 25 / 50
    expect(svg).not.toContain('NaN');
  });

  it('ranks each category in order, unranked last', () => {
    const row = (code: string, rank: number | null, total: string) => ({
      code, name: code, parentName: '东风街道', categoryLabel: '社区', total, assessed: rank !== null, gradeLabel: '三星', rankCategory: rank, rankParent: rank, move: null, lagging: false,
    });
    const c = rankingsContent({ year: 2025, scopeName: '星城区', revision: { id: 3, kind: 'compute', createdOn: '2026-01-10' }, rows: [row('B', 2, '80'), row('C', null, '0'), row('A', 1, '90')] });
    expect(c.groups[0]!.rows.map((r) => r.name)).toEqual(['A', 'B', 'C']);
    expect(c.groups[0]!.rows[2]!.grade).toBe('不参加评定');
  });
});

describe('the PDF browser', () => {
  it('says how to install one when there is none', () => {
    const saved = process.env.XINGPING_CHROMIUM;
    delete process.env.XINGPING_CHROMIUM;
    try {
      expect(() => findBrowser(undefined, [])).toThrow(/apt-get install chromium/);
      expect(() => findBrowser('/nonexistent/chrome')).toThrow(/找不到 XINGPING_CHROMIUM 指定的浏览器：\/nonexistent\/chrome/);
    } finally {
      if (saved !== undefined) process.env.XINGPING_CHROMIUM = saved;
    }
  });
});
