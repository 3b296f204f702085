import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { runCommand, type CliIo } from '../../src/entry/cli-program';
import { compileFiles, defaultRulesDir, ruleFiles } from '../../src/entry/rule-files';
import { ruleSetJsonSchema } from '../../src/rules/json-schema';
import { validateRuleSet } from '../../src/rules/validate';
import { runExamples } from '../../src/scoring/run';

const valid = () => ({
  id: 'x',
  title: '示例细则',
  version: '1',
  categories: ['grid'],
  facts: {
    themeDays: { source: 'ledger.count', label: '主题党日', kinds: ['theme_day'] },
    sat: { source: 'declared', label: '满意度', key: 'public.sat', type: 'distribution' },
    ok: { source: 'declared', label: '是否达标', key: 'ok', type: 'boolean' },
  },
  parts: [
    { id: 'daily', title: '日常', max: 70, indicators: [{ id: 'theme', title: '主题党日', max: 70, clauses: [{ type: 'perUnit', fact: 'themeDays', points: 5 }] }] },
    { id: 'public', title: '群众评议', max: 30, indicators: [{ id: 's', title: '满意度', clauses: [{ type: 'votes', fact: 'sat', coefficients: { 满意: 30, 不满意: 0 } }] }] },
  ],
  total: { formula: 'daily + public', max: 100 },
});

/** Makes the first indicator two-stage (自评 + 上级评定) with facts s and r, the clause overridden by `c`. */
function twoStage(r: any, c: Record<string, unknown> = {}) {
  r.facts.s = { source: 'assessment.self', label: '自评分', indicator: 'theme' };
  r.facts.r = { source: 'assessment.review', label: '上级评定分', indicator: 'theme' };
  r.parts[0].indicators[0].clauses = [{ type: 'selfReview', self: 's', review: 'r', max: 70, weights: { self: 0.4, review: 0.6 }, ...c }];
}

function errorsOf(mutate: (r: any) => void) {
  const r = valid();
  mutate(r);
  const out = validateRuleSet(r, 'broken.json');
  return out.ok ? [] : out.errors;
}

describe('broken rule files give clear errors naming the JSON path', () => {
  it('accepts the valid base case', () => {
    expect(validateRuleSet(valid(), 'ok.json').ok).toBe(true);
  });

  it.each([
    ['a wrong type', (r: any) => (r.parts[0].indicators[0].clauses[0].points = '五'), '$.parts[0].indicators[0].clauses[0].points', '期望 数字'],
    ['an unknown fact', (r: any) => (r.parts[0].indicators[0].clauses[0].fact = 'themeDay'), '$.parts[0].indicators[0].clauses[0].fact', '未声明的事实「themeDay」'],
    ['a fact of the wrong type', (r: any) => (r.parts[0].indicators[0].clauses[0].fact = 'sat'), '$.parts[0].indicators[0].clauses[0].fact', '类型是 distribution，这里需要 number'],
    ['a boolean fact compared as a number', (r: any) => (r.parts[0].indicators[0].clauses[0].when = { fact: 'ok', operator: 'greaterThan', value: 1 }), '$.parts[0].indicators[0].clauses[0].when.operator', '只能比较数值'],
    ['weights that do not add up', (r: any) => (r.total.formula = 'daily * 0.5 + public'), '$.total.formula', '与总分满分 100 分不符'],
    ['a formula referencing a missing part', (r: any) => (r.total.formula = 'daily + public + bonus'), '$.total.formula', '不存在的部分「bonus」'],
    ['a formula that does not parse', (r: any) => (r.total.formula = 'daily + * public'), '$.total.formula', '公式有误'],
    ['a part left out of the formula', (r: any) => (r.total = { formula: 'daily' }), '$.parts[1].id', '没有出现在总分公式中'],
    ['an unknown record kind', (r: any) => (r.facts.themeDays.kinds = ['打卡']), '$.facts.themeDays.kinds[0]', '未知的台账记录类型'],
    ['an unknown fact source', (r: any) => (r.facts.themeDays.source = 'ledger.magic'), '$.facts.themeDays.source', ''],
    ['group weights not summing to 1', (r: any) => (r.parts[1].indicators[0].clauses[0].groups = { 居民: 0.6, 党员: 0.3 }), '$.parts[1].indicators[0].clauses[0].groups', '应为 1'],
    ['a duplicate id', (r: any) => (r.parts[1].indicators[0].id = 'theme'), '$.parts[1].indicators[0].id', '重复'],
    ['an unknown key', (r: any) => (r.parts[0].weight = 0.5), '$.parts[0]', 'weight'],
    ['a bad fact name', (r: any) => (r.facts['主题'] = r.facts.themeDays), '$.facts.主题', '名称「主题」无效'],
    ['a name every object already has', (r: any) => (r.parts[0].indicators[0].clauses[0].fact = 'constructor'), '$.parts[0].indicators[0].clauses[0].fact', '保留字'],
    ['an answer every object already has', (r: any) => (r.parts[1].indicators[0].clauses[0].coefficients = { toString: 1 }), '$.parts[1].indicators[0].clauses[0].coefficients.toString', '保留字'],
    ['a date that does not exist', (r: any) => (r.facts.themeDays.window = { from: '02-30', to: '03-31' }), '$.facts.themeDays.window.from', '不是一年中存在的日期'],
    ['a window that runs backwards', (r: any) => (r.facts.themeDays.window = { from: '12-01', to: '01-31' }), '$.facts.themeDays.window', '起始日期晚于结束日期'],
    ['tiers in ascending order (later ones unreachable)', (r: any) => (r.parts[0].indicators[0].clauses[0] = { type: 'tiers', fact: 'themeDays', tiers: [{ gte: 1, points: 1 }, { gte: 8, points: 3 }] }), '$.parts[0].indicators[0].clauses[0].tiers[1]', '被第 1 档完全覆盖'],
    ['an empty tier', (r: any) => (r.parts[0].indicators[0].clauses[0] = { type: 'tiers', fact: 'themeDays', tiers: [{ gte: 5, lt: 5, points: 1 }] }), '$.parts[0].indicators[0].clauses[0].tiers[0]', '区间是空的'],
    ['a declared default of the wrong type', (r: any) => (r.facts.ok.default = 3), '$.facts.ok.default', '默认值的类型是 number'],
    ['a formula dividing by a part', (r: any) => (r.total = { formula: 'daily + public / daily' }), '$.total.formula', '除数中不能出现部分'],
    ['self and review weights not adding up to 1', (r: any) => twoStage(r, { weights: { self: 0.4, review: 0.5 } }), '$.parts[0].indicators[0].clauses[0].weights', '合计为 0.9，应为 1'],
    ['a self-score read from another source', (r: any) => twoStage(r, { self: 'themeDays' }), '$.parts[0].indicators[0].clauses[0].self', '这里需要 assessment.self'],
    ['a superior score of another indicator', (r: any) => (twoStage(r), (r.facts.r.indicator = 's')), '$.parts[0].indicators[0].clauses[0].review', '是指标「s」的分数，不是本指标「theme」的'],
    ['a self-score fact for an indicator without selfReview', (r: any) => (twoStage(r), (r.facts.s2 = { source: 'assessment.self', label: '自评', indicator: 's' })), '$.facts.s2.indicator', '没有读取这一事实的自评与上级评定'],
    ['a self-review maximum above the indicator', (r: any) => twoStage(r, { max: 80 }), '$.parts[0].indicators[0].clauses[0].max', '高于本指标最高分 70'],
  ])('%s', (_, mutate, path, text) => {
    const errors = errorsOf(mutate);
    expect(errors.length).toBeGreaterThan(0);
    const hit = errors.find((e) => e.path === path);
    expect(hit, JSON.stringify(errors)).toBeDefined();
    expect(`${hit!.message}${hit!.expected ?? ''}${hit!.found ?? ''}`).toContain(text);
    expect(hit!.file).toBe('broken.json');
  });

  it('warns, without failing, about points for check-ins and for traces alone', () => {
    const r: any = valid();
    r.facts.logins = { source: 'declared', label: '每日打卡签到次数', key: 'app.checkins', type: 'number' };
    r.parts[0].indicators.push({ id: 'login', title: '打卡', max: 0.5, clauses: [{ type: 'perUnit', fact: 'logins', points: 0.1 }] });
    r.parts[0].max = 70.5;
    r.total.max = 100.5;
    const out = validateRuleSet(r, 'burden.json');
    expect(out.ok).toBe(true);
    expect(out.warnings.map((w) => w.message).join('\n')).toContain('登录、打卡签到或在线时长');
    // theme days and the check-ins (both traces) carry 70 + 0.5 = 70.5 of 100.5 points = 70.1%, above the default 50%
    expect(out.warnings.map((w) => w.message).join('\n')).toMatch(/只衡量“留痕”.*占总分 70\.1%/);
  });

  it('refuses quotas that could only move organizations up, naming the quota', () => {
    const withQuota = (q: object) => {
      const r: any = valid();
      r.grading = { grades: [{ id: 'good', label: '好' }, { id: 'fair', label: '一般' }, { id: 'poor', label: '差' }], bands: [{ grade: 'good', gte: 80 }, { grade: 'fair', gte: 60 }, { grade: 'poor', lt: 60 }], quotas: [q] };
      const out = validateRuleSet(r, 'quota.json');
      return out.ok ? [] : out.errors.map((e) => `${e.path} ${e.message}`);
    };
    expect(withQuota({ grade: 'fair', range: 'andBelow', max: 0.3 })).toEqual(['$.grading.quotas[0].max “及以下”的硬性上限会把组织往上调：请改用 min，或 mode: "about" 只作提示']);
    expect(withQuota({ grade: 'good', min: 0.1 })).toEqual(['$.grading.quotas[0].min 硬性下限只能用于“及以下”（range: "andBelow"），由排名靠后的组织补足；其他情形请用 mode: "about" 只作提示']);
    expect(withQuota({ grade: 'good', min: 0.1, mode: 'about' })).toEqual([]);
    expect(withQuota({ grade: 'poor', range: 'andBelow', min: 0.4, max: 0.2, mode: 'about' })).toEqual(['$.grading.quotas[0].min 下限 0.4 大于上限 0.2']);
  });

  it('checks a look-back names what it counts', () => {
    const withFact = (f: object) => {
      const r: any = valid();
      r.facts.past = { source: 'history', label: '往年', ...f };
      const out = validateRuleSet(r, 'history.json');
      return out.ok ? [] : out.errors.map((e) => `${e.path} ${e.message}`);
    };
    expect(withFact({ of: 'lagging', years: 2 })).toEqual([]);
    expect(withFact({ of: 'grade', years: 2 })).toEqual(['$.facts.past.grades 按等次回看（of: "grade"）须给出计入的等次 grades']);
    expect(withFact({ of: 'records', years: 3 })).toEqual(['$.facts.past.types 按组织记录回看（of: "records"）须给出记录类型 types']);
    expect(withFact({ of: 'total', years: 1, types: ['discipline'] })).toEqual(['$.facts.past.of 只有 of 为 "records" 时才用 types、minLevel 和 includeCurrent']);
  });

  it('names the indicators the trace share counts, and a fact declared as an outcome leaves the share', () => {
    const r: any = valid();
    r.facts.volunteer = { source: 'ledger.hours', label: '志愿服务时长', kinds: ['theme_day'] };
    r.parts[0].indicators = [
      { id: 'theme', title: '主题党日', max: 40, clauses: [{ type: 'perUnit', fact: 'themeDays', points: 5 }] },
      { id: 'service', title: '志愿服务', max: 30, clauses: [{ type: 'perUnit', fact: 'volunteer', points: 1 }] },
    ];
    const share = (rs: any) => validateRuleSet(rs, 'burden.json').warnings.map((w) => w.message).find((m) => m.includes('留痕'));
    // Both indicators read theme-day ledger rows (traces): 40 + 30 = 70 of 100 points = 70%.
    expect(share(r)).toContain('占总分 70%');
    expect(share(r)).toContain('计入的指标：「主题党日」40 分（主题党日）；「志愿服务」30 分（志愿服务时长）。');
    // Declared an outcome, the service hours leave the share: 40 of 100 = 40%, under the 50% limit: no warning.
    r.facts.volunteer.measure = 'outcome';
    expect(share(r)).toBeUndefined();
    // Declaring "outcome" does not silence the check on log-ins, check-ins and time online.
    r.facts.logins = { source: 'declared', label: '每日打卡签到次数', key: 'app.checkins', type: 'number', measure: 'outcome' };
    expect(validateRuleSet(r, 'burden.json').warnings.map((w) => w.message).join('\n')).toContain('登录、打卡签到或在线时长');
  });
});

describe('the xingping rules commands', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    const handle: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), progress: () => {} };
    return { out, err, handle };
  };
  const noDb = () => Promise.reject(new Error('no database needed'));

  it('exits 1 naming the file, path, expected and found for a broken file; never crashes', async () => {
    const { err, handle } = io();
    const dir = `${process.cwd()}/test/fixtures/rules`;
    const code = await runCommand(['rules', 'validate', 'broken-types.json', 'not-json.json', 'missing.json'], noDb, handle, dir);
    expect(code).toBe(1);
    const text = err.join('\n');
    expect(text).toContain('broken-types.json $.parts[0].indicators[0].clauses[0].points');
    expect(text).toContain('not-json.json $：不是有效的 JSON');
    expect(text).toContain('missing.json $：文件无法读取');
  });

  it('passes every rule set shipped in rules/, and their examples', async () => {
    const { out, handle } = io();
    expect(await runCommand(['rules', 'validate'], noDb, handle, process.cwd())).toBe(0);
    expect(await runCommand(['rules', 'test'], noDb, handle, process.cwd())).toBe(0);
    expect(out.filter((l) => l.startsWith('通过')).length).toBeGreaterThanOrEqual(3 + 9);
  });
});

describe('rules/ shipped with the product', () => {
  it('runs every example of every rule file, to 0.01', async () => {
    const { compiled, issues } = await compileFiles(ruleFiles(defaultRulesDir));
    expect(issues).toEqual([]);
    expect(compiled.map((c) => c.file).sort()).toEqual(['community.json', 'grid.json', 'resident-unit.json']);
    for (const c of compiled) {
      expect(c.ruleSet.examples.length).toBeGreaterThanOrEqual(2);
      for (const o of await runExamples(c)) expect(o.mismatches, `${c.file}「${o.name}」`).toEqual([]);
    }
  });

  it('keeps rules/rule-set.schema.json equal to the zod schema, and every rule file valid against it', () => {
    const committed = JSON.parse(readFileSync('rules/rule-set.schema.json', 'utf8'));
    expect(committed).toEqual(ruleSetJsonSchema());
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const check = ajv.compile(committed);
    for (const file of ruleFiles(defaultRulesDir)) {
      const json = JSON.parse(readFileSync(file, 'utf8'));
      expect(json.$schema).toBe('./rule-set.schema.json');
      expect(check(json), `${file}: ${JSON.stringify(check.errors)}`).toBe(true);
    }
    expect(check({ ...JSON.parse(readFileSync(ruleFiles(defaultRulesDir)[0]!, 'utf8')), parts: 'x' })).toBe(false);
  });
});
