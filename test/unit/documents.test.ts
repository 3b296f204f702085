import { gradeReason } from '../../src/domain/phrasebook';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/adapters/pdf-puppeteer';
import Handlebars from 'handlebars';
import { compileTemplates, documentNames, precompiledTemplates, type PrecompiledTemplates } from '../../src/documents/templates';
import { evaluationFacts, evaluationResults, feedbackLetterContent, partsChart, rankingsContent, reviewSheetContent, starsOf, type EvaluationFact } from '../../src/documents/view-models';
import { loadTemplates } from '../../src/entry/template-files';
import { RuleSet } from '../../src/rules/rule-set.schema';
import type { ScoreResult } from '../../src/scoring/evaluate';

describe('document templates', () => {
  // Every document the app knows, empty unless a case fills it in.
  const empty = Object.fromEntries(documentNames.map((n) => [n, ''])) as Record<(typeof documentNames)[number], string>;
  const sources = { partials: { stars: '{{#each grade.stars}}{{#if this}}★{{else}}☆{{/if}}{{/each}}' }, css: '' };

  it('fail loudly, naming the template, when the model lacks a field', () => {
    const t = compileTemplates({ ...sources, documents: { ...empty, scorecard: '<h1>{{org.name}}</h1>{{> stars}}', rankings: '{{year}}', book: '{{year}}' } });
    expect(t.render('scorecard', { org: { name: '幸福社区' }, grade: { stars: [true, true, false] } })).toBe('<h1>幸福社区</h1>★★☆');
    expect(() => t.render('scorecard', { org: {}, grade: { stars: [] } })).toThrow(/templates\/scorecard\.hbs: "name" not defined/);
    expect(() => t.render('rankings', {})).toThrow(/templates\/rankings\.hbs/);
  });

  it('escape what users typed', () => {
    const t = compileTemplates({ ...sources, documents: { ...empty, scorecard: '{{org.name}}' } });
    expect(t.render('scorecard', { org: { name: '<script>alert(1)</script>' } })).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('print the same from templates precompiled at build time (the Worker compiles nothing), strict and escaped alike', () => {
    const documents = { ...empty, scorecard: '<h1>{{org.name}}</h1>{{> stars}}', rankings: '{{year}}' };
    // As scripts/build-worker.mjs precompiles them: Handlebars.precompile(source, { strict: true }), as JavaScript source.
    const spec = (source: string) => new Function(`return ${Handlebars.precompile(source, { strict: true })}`)() as PrecompiledTemplates['partials'][string];
    const specs = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, spec(v)]));
    const compiled = compileTemplates({ ...sources, documents });
    const precompiled = precompiledTemplates({ css: '', partials: specs(sources.partials), documents: specs(documents) as PrecompiledTemplates['documents'] });
    for (const model of [{ org: { name: '幸福社区' }, grade: { stars: [true, false] } }, { org: { name: '<b>"甲"</b>' }, grade: { stars: [] } }]) {
      expect(precompiled.render('scorecard', model)).toBe(compiled.render('scorecard', model));
    }
    expect(precompiled.render('scorecard', { org: { name: '<b>' }, grade: { stars: [] } })).toBe('<h1>&lt;b&gt;</h1>');
    expect(() => precompiled.render('rankings', {})).toThrow(/templates\/rankings\.hbs: "year" not defined/);
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
      code, name: code, parentName: '东风街道', categoryLabel: '社区', total, assessed: rank !== null, gradeLabel: '三星', notAssessedLabel: '不评星级', rankCategory: rank, rankParent: rank, move: null, lagging: false, reason: '',
    });
    const c = rankingsContent({ year: 2025, scopeName: '星城区', revision: { id: 3, kind: 'compute', createdOn: '2026-01-10' }, rows: [row('B', 2, '80'), row('C', null, '0'), row('A', 1, '90')] });
    expect(c.groups[0]!.rows.map((r) => r.name)).toEqual(['A', 'B', 'C']);
    expect(c.groups[0]!.rows[2]!.grade).toBe('不评星级') // the rule set's own words for one it does not assess;
  });

  it('carries each row\'s reason from version 2 on, and builds version 1 exactly as before for earlier paper', () => {
    const input = { year: 2025, scopeName: '星城区', revision: { id: 3, kind: 'compute' as const, createdOn: '2026-01-10' }, rows: [
      { code: 'A', name: 'A', parentName: null, categoryLabel: '社区', total: '90', assessed: true, gradeLabel: '三星', notAssessedLabel: '不评星级', rankCategory: 1, rankParent: null, move: null, lagging: false, reason: '等次比例限制：按排名降为三星' },
    ] };
    expect(rankingsContent(input).groups[0]!.rows[0]).toMatchObject({ reason: '等次比例限制：按排名降为三星' });
    const v1 = rankingsContent(input, 1).groups[0]!.rows[0]!;
    expect(Object.keys(v1)).toEqual(['rank', 'name', 'parentName', 'total', 'grade', 'move', 'lagging', 'note']);
  });
});

describe('the phrasebook\'s reason for a grade', () => {
  const steps = [
    { kind: 'band', text: '总分 96.05 分，在「95 分及以上」分数段：五星' },
    { kind: 'quota', text: '四星及以上不超过 40%（社区党组织 10 个组织中最多 4 个），按排名降为三星' },
    { kind: 'lagging', text: '三星列为后进党组织' },
  ];
  const base = { assessed: true, notAssessedLabel: '不定级', reasons: [], steps, lagging: false };

  it('names the deciding step by its code, with that step\'s own words; nothing when the band decided', () => {
    expect(gradeReason({ ...base, decidedBy: 'quota' })).toEqual({ code: 'quota', label: '等次比例限制', text: '等次比例限制：四星及以上不超过 40%（社区党组织 10 个组织中最多 4 个），按排名降为三星' });
    expect(gradeReason({ ...base, decidedBy: 'band', steps: steps.slice(0, 1) }).text).toBe('');
  });

  it('adds the 后进 listing, and says why an organization was not graded', () => {
    expect(gradeReason({ ...base, decidedBy: 'band', lagging: true }).text).toBe('列为后进：三星列为后进党组织');
    expect(gradeReason({ ...base, assessed: false, decidedBy: null, reasons: ['群众评议样本不足 30 份'] })).toEqual({ code: 'not_assessed', label: '不定级', text: '不定级：群众评议样本不足 30 份' });
    // The code decides which step is quoted: a step's wording is never read to find it.
    expect(gradeReason({ ...base, decidedBy: 'veto', steps: [...steps, { kind: 'veto', text: '一票否决（软弱涣散）：取消等次' }] }).text).toBe('一票否决：一票否决（软弱涣散）：取消等次');
  });
});

describe('the scorecard\'s evaluation results', () => {
  const community = RuleSet.parse(JSON.parse(readFileSync(new URL('../../rules/community.json', import.meta.url), 'utf8')));
  /** A stored result whose explanation lines used these fact values. */
  const stored = (...facts: Record<string, unknown>[]) =>
    ({ parts: [{ indicators: [{ lines: facts.map((f) => ({ facts: f })) }] }] }) as unknown as ScoreResult;

  it('lists the duty review, two-way and resident ratings the lines used, best answer and heaviest group first', () => {
    const result = stored(
      { unitRating: 61.25, unitRatings: 8 },
      // Keys as a jsonb column returns them, not in the rule file's order.
      { dutyReview: { 党代表: { 好: 2, 差: 1, 较好: 5 }, 上级党委: { 一般: 2, 好: 2, 较好: 1 }, 群众代表: { 好: 1, 差: 1, 较好: 1 } } },
      { satisfaction: { 居民: { 满意: 3, 不了解: 2, 很满意: 1 } } },
      { studyAbsences: 0 },
    );
    expect(evaluationResults(result, evaluationFacts(community))).toEqual([
      {
        title: '述职评议',
        items: [
          {
            label: '书记抓基层党建述职评议（总体评价）',
            // Weights 上级党委 0.4, 党代表 0.3, 群众代表 0.15; sheets 2 + 1 + 2 = 5, 2 + 5 + 1 = 8, 1 + 1 + 1 = 3.
            text: '上级党委 5 张：好 2 · 较好 1 · 一般 2 · 差 0；党代表 8 张：好 2 · 较好 5 · 一般 0 · 差 1；群众代表 3 张：好 1 · 较好 1 · 一般 0 · 差 1',
          },
        ],
      },
      {
        title: '双向评价',
        items: [
          { label: '共建单位对社区的双向评价（平均总分）', text: '61.25 分' },
          { label: '收到的共建单位评价', text: '8 份' },
        ],
      },
      {
        // 3 + 2 + 1 = 6 ballots; every valid answer by its points (100, 80, 60, 30, 0), 不了解 where given.
        title: '群众评议',
        items: [{ label: '群众满意度测评（扫码和纸质评议，“总体评价”一项）', text: '居民 6 张：很满意 1 · 满意 3 · 基本满意 0 · 不太满意 0 · 不满意 0 · 不了解 2' }],
      },
    ]);
  });

  it('shows only counts of sheets when any group is under 3, and says when a value stands for "no evaluation"', () => {
    // 群众代表 has 1 + 1 = 2 sheets: with the others' answers, its own could be worked out from the overall shares.
    const result = stored({ dutyReview: { 上级党委: { 好: 4, 较好: 1 }, 群众代表: { 好: 1, 差: 1 } } }, { unitRating: 0, unitRatings: 0 });
    const [review, twoway] = evaluationResults(result, evaluationFacts(community));
    expect(review!.items[0]!.text).toBe('上级党委 5 张；群众代表 2 张');
    expect(twoway!.items[0]!.text).toBe('0 分（无评价时按此计）'); // the rule's ifNone (default 0): no unit rated this community
  });

  it('prints rates like the explanations, and leaves out a tally of answers across several items', () => {
    const fact = (name: string, over: Partial<EvaluationFact>): EvaluationFact => ({ name, title: '群众评议', label: name, unit: '', answers: [], groups: [], perSheet: true, ifNone: null, ...over });
    const facts = [fact('满意率', { unit: '%', ifNone: 0 }), fact('各项答案', { perSheet: false })];
    const [ratings] = evaluationResults(stored({ 满意率: 85.5, 各项答案: { 居民: { 满意: 1 } } }), facts);
    expect(ratings!.items).toEqual([{ label: '满意率', text: '85.5%' }]);
  });

  it('prints no evaluation section for an organization the lines say nothing about', () => {
    expect(evaluationResults(stored({ studyAbsences: 2 }, { unitRating: null }), evaluationFacts(community))).toEqual([]);
  });
});

describe('the duty-review result sheet and the feedback letter', () => {
  it('weighs the shares of 好 over the groups that reached the minimum sample', () => {
    const g = (key: string, weight: number, sheets: number, shown: boolean, overall: Record<string, number>) => ({ key, label: key, weight, sheets, shown, items: { overall } });
    const c = reviewSheetContent(
      { year: 2025, kindLabel: '书记抓基层党建述职', orgName: '东风街道', title: '述职评议' },
      {
        title: '述职评议',
        minGroupSample: 3,
        subjects: [
          { orgName: '幸福社区', sheets: 14, groups: [g('上级党委', 0.4, 5, true, { 好: 4, 较好: 1 }), g('党代表', 0.3, 8, true, { 好: 2, 较好: 4, 一般: 2 }), g('群众代表', 0.3, 1, false, {})] },
        ],
      },
    );
    // 好: (0.4 × 4/5 + 0.3 × 2/8) / (0.4 + 0.3) = (0.32 + 0.075) / 0.7 = 0.5643 → 56.4%; the hidden group is left out.
    expect(c.rows[0]!.goodShare).toBe('56.4%');
    // 好+较好: (0.4 × 5/5 + 0.3 × 6/8) / 0.7 = (0.4 + 0.225) / 0.7 = 0.8929 → 89.3%
    expect(c.rows[0]!.goodFairShare).toBe('89.3%');
    expect(c.rows[0]!.cells[2]).toMatchObject({ shown: false, sheets: 1 });
    expect(c.weightsText).toBe('上级党委 40%，党代表 30%，群众代表 30%');
  });

  it('letters both directions, or says which is missing, and totals the members\' hours', () => {
    const catalog = { community_rates_unit: [{ key: 'a', label: '出席', max: 60 }, { key: 'b', label: '活动', max: 40 }], unit_rates_community: [{ key: 'c', label: '协调', max: 100 }] };
    const c = feedbackLetterContent(
      { agreementId: 7, year: 2025, communityName: '幸福社区党委', unitName: '市税务局', catalog, evaluations: [{ direction: 'community_rates_unit', items: { a: 50, b: 30.5 }, total: '80.50', comment: null }] },
      [{ memberName: '张三', reported: true, hours: '12.5', rating: '好', comment: null }, { memberName: '李四', reported: false, hours: '0', rating: null, comment: '未报到' }],
    );
    expect(c.toUnit).toEqual({ items: [{ label: '出席', max: 60, score: 50 }, { label: '活动', max: 40, score: 30.5 }], max: 100, total: '80.50', comment: null });
    expect(c.toCommunity).toBeNull();
    expect(c).toMatchObject({ reportedCount: 1, hoursTotal: '12.50' });
    expect(c.members[1]).toMatchObject({ index: 2, reported: '未报到', rating: '—' });
  });
});

describe('the PDF browser', () => {
  it('says how to install one when there is none', () => {
    // The adapter reads no environment: XINGPING_CHROMIUM reaches it from src/env.ts as the first argument.
    expect(() => findBrowser(undefined, [])).toThrow(/apt-get install chromium/);
    expect(() => findBrowser('/nonexistent/chrome')).toThrow(/找不到 XINGPING_CHROMIUM 指定的浏览器：\/nonexistent\/chrome/);
  });
});
