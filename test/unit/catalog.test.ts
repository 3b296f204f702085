import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { needsDatabase, runCommand, type SessionRunner } from '../../src/entry/cli-program';
import { catalogOf } from '../../src/entry/rule-files';
import { catalogJson, parseCatalog, seedCatalog, type Catalog } from '../../src/rules/catalog';
import { validateRuleSet } from '../../src/rules/validate';
import { factMeasure } from '../../src/scoring/fact-catalog';
import type { FactDef } from '../../src/rules/rule-set.schema';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function dir(): string {
  const d = mkdtempSync(join(tmpdir(), 'xp-catalog-'));
  dirs.push(d);
  return d;
}

const withCobuilding: Catalog = {
  ...seedCatalog,
  kinds: [...seedCatalog.kinds, { code: 'cobuilding_activity', name: '共建活动', group: '共驻共建', period: 'quarter', measure: 'outcome', requiresHours: false }],
};

/** rules/grid.json with its micro-wish count turned into a count of co-building activities. */
function gridNaming(kind: string): any {
  const r = JSON.parse(readFileSync('rules/grid.json', 'utf8'));
  r.facts.microWishes.kinds = [kind];
  return r;
}

const refuse: SessionRunner = () => {
  throw new Error('a database was requested');
};

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommand(argv, refuse, { out: (t) => out.push(t), err: (t) => err.push(t), progress: () => {} }, process.cwd());
  return { code, out, err };
}

describe('rules/catalog.json', () => {
  it('is the seed catalog exported (npm run rules:schema writes it)', () => {
    expect(readFileSync('rules/catalog.json', 'utf8')).toBe(catalogJson(seedCatalog));
    expect(catalogOf()).toEqual(seedCatalog);
  });

  it('reads back what it writes, and names the problem of a broken file', () => {
    expect(parseCatalog(catalogJson(withCobuilding), 'catalog.json')).toEqual({ ok: true, catalog: withCobuilding });
    const bad = parseCatalog(JSON.stringify({ kinds: [{ ...withCobuilding.kinds[0], code: 'Bad-Code' }] }), 'catalog.json');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/^catalog\.json 有误：\$\.kinds\[0\]\.code 只能用小写字母/);
    const twice = parseCatalog(JSON.stringify({ kinds: [seedCatalog.kinds[0], seedCatalog.kinds[0]] }), 'catalog.json');
    expect(twice).toEqual({ ok: false, message: 'catalog.json 有误：台账记录类型「branch_assembly」重复' });
  });
});

describe('rule sets name ledger kinds of a catalog passed in', () => {
  it('refuses a kind the catalog lacks, naming the path and listing the existing kinds', () => {
    const out = validateRuleSet(gridNaming('cobuilding_activity'), 'grid.json');
    expect(out.ok).toBe(false);
    const issue = out.ok ? undefined : out.errors[0];
    expect(issue).toMatchObject({ file: 'grid.json', path: '$.facts.microWishes.kinds[0]', found: '"cobuilding_activity"' });
    expect(issue?.message).toContain('未知的台账记录类型「cobuilding_activity」，现有的类型：branch_assembly（支部党员大会）、');
    expect(issue?.message).toContain('volunteer（志愿服务）');
  });

  it('accepts it from a catalog that holds it, and warns about a retired one', () => {
    expect(validateRuleSet(gridNaming('cobuilding_activity'), 'grid.json', { catalog: withCobuilding }).ok).toBe(true);
    const retired: Catalog = { ...withCobuilding, kinds: withCobuilding.kinds.map((k) => (k.code === 'cobuilding_activity' ? { ...k, retired: true as const } : k)) };
    const out = validateRuleSet(gridNaming('cobuilding_activity'), 'grid.json', { catalog: retired });
    expect(out.ok).toBe(true);
    expect(out.warnings.map((w) => `${w.path} ${w.message}`)).toContain('$.facts.microWishes.kinds[0] 台账记录类型「共建活动」（cobuilding_activity）已停用：不再有新的记录，只计停用前的记录');
  });

  it('reads what a kind measures (减负) from the same catalog', () => {
    const def = { source: 'ledger.count', label: '共建活动', kinds: ['cobuilding_activity'], status: 'verified', window: 'year' } as FactDef;
    expect(factMeasure(def, {}, new Set(), withCobuilding)).toBe('outcome');
    const asTrace: Catalog = { ...withCobuilding, kinds: withCobuilding.kinds.map((k) => ({ ...k, measure: 'trace' as const })) };
    expect(factMeasure(def, {}, new Set(), asTrace)).toBe('trace');
    expect(factMeasure({ ...def, kinds: ['volunteer'] } as FactDef)).toBe('outcome'); // the seed by default
  });
});

describe('rules validate checks kinds without a database', () => {
  it('reports an unknown kind with its file and JSON path, listing the existing kinds, with a runner that refuses a database', async () => {
    const d = dir();
    const file = join(d, 'cobuilding.json');
    writeFileSync(file, JSON.stringify(gridNaming('cobuilding_activity')));
    expect(needsDatabase(['rules', 'validate', file])).toBe(false);
    const { code, err } = await cli(['rules', 'validate', file]);
    expect(code).toBe(1);
    const line = err.find((l) => l.startsWith('错误：cobuilding.json $.facts.microWishes.kinds[0]：'));
    expect(line, err.join('\n')).toContain('未知的台账记录类型「cobuilding_activity」，现有的类型：');
    expect(line).toContain('theme_day（主题党日）');
    expect(line).toContain('；实际："cobuilding_activity"');
  });

  it('passes once the catalog it reads (--catalog, as `rules catalog` exports it) holds the kind', async () => {
    const d = dir();
    const file = join(d, 'cobuilding.json');
    writeFileSync(file, JSON.stringify(gridNaming('cobuilding_activity')));
    writeFileSync(join(d, 'catalog.json'), catalogJson(withCobuilding));
    const ok = await cli(['rules', 'validate', '--catalog', join(d, 'catalog.json'), file, join(d, 'catalog.json')]);
    expect(ok.err.filter((l) => !l.startsWith('警告：'))).toEqual([]);
    expect(ok).toMatchObject({ code: 0, out: [expect.stringMatching(/^通过：cobuilding\.json/)] });
    const missing = await cli(['rules', 'validate', '--catalog', join(d, 'nowhere.json'), file]);
    expect(missing.code).toBe(1);
    expect(missing.err.join('\n')).toContain('找不到文件');
  });

  it('leaves the commands that read or write kinds to the database', () => {
    for (const argv of [['rules', 'catalog'], ['kind', 'list'], ['kind', 'create', 'x'], ['kind', 'retire', 'x']]) expect(needsDatabase(argv), argv.join(' ')).toBe(true);
  });
});
