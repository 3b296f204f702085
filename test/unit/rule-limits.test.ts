import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/entry/cli-program';
import { deadline } from '../../src/errors/deadline';
import { findBadText, parseJsonText } from '../../src/lib/text-input';
import { compileRuleSet, RuleSetError } from '../../src/rules/compile';
import { ruleSetLimits } from '../../src/rules/limits';
import { checkRuleText, sampleRuleTexts } from '../support/fuzz';

const grid = () => JSON.parse(readFileSync('rules/grid.json', 'utf8')) as Record<string, any>;

async function issuesOf(text: string, file = 'big.json') {
  try {
    await compileRuleSet(text, file);
  } catch (e) {
    if (e instanceof RuleSetError) return e.issues;
    throw e;
  }
  return [];
}

/** A condition `depth` levels deep: all → not → all → … around one comparison. */
function deepCondition(depth: number): unknown {
  let c: unknown = { fact: 'x', operator: 'equal', value: 1 };
  for (let i = 0; i < depth; i++) c = i % 2 ? { not: c } : { all: [c] };
  return c;
}

describe('rule-set limits, checked before the schema and the engine', () => {
  it('refuses a condition nested 1,000 deep naming the file, the path and the limit, without a stack overflow', async () => {
    const rs = grid();
    rs.gates = [{ id: 'deep', title: '深', when: deepCondition(1000) }];
    const issues = await issuesOf(JSON.stringify(rs));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'big.json', message: `超出上限：嵌套超过 ${ruleSetLimits.depth} 层（条件最多嵌套约 12 层）` });
    expect(issues[0]!.path).toMatch(/^\$\.gates\[0\]\.when\.not\.all\[0\]\.not/);
  });

  it('refuses 20,000 parts, a 2 MB file and a 6,000-character title, each naming its limit', async () => {
    const many = grid();
    many.parts = Array.from({ length: 20_000 }, (_, i) => ({ ...many.parts[0], id: `p${i}` }));
    // 20,000 parts of this file are ~5 million characters: the file-size limit speaks first.
    expect((await issuesOf(JSON.stringify(many)))[0]!.message).toMatch(/^超出上限：文件长 \d+ 个字符，最多 1000000 个$/);
    many.parts = many.parts.slice(0, 60);
    expect(await issuesOf(JSON.stringify(many))).toEqual([{ file: 'big.json', path: '$.parts', message: '超出上限：部分（parts）共 60 个，最多 50 个' }]);
    const longTitle = grid();
    longTitle.title = '长'.repeat(6000);
    expect(await issuesOf(JSON.stringify(longTitle))).toEqual([{ file: 'big.json', path: '$.title', message: '超出上限：文字长 6000 个字符，最多 5000 个' }]);
  });

  it('names the line and column of a JSON syntax error', async () => {
    const issues = await issuesOf('{\n  "id": "grid",\n  "title" "网格"\n}', 'broken.json');
    expect(issues).toEqual([{ file: 'broken.json', path: '$', message: '不是有效的 JSON：第 3 行第 11 列：此处的字符不符合 JSON 语法' }]);
    expect(parseJsonText('{"a": [1, 2')).toMatchObject({ ok: false, message: '第 1 行第 12 列：内容不完整（提前结束）' });
  });

  it('reports every file of a `rules validate` run, the deep one included, with no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xp-limits-'));
    try {
      const deep = grid();
      deep.gates = [{ id: 'deep', title: '深', when: deepCondition(1000) }];
      writeFileSync(join(dir, 'deep.json'), JSON.stringify(deep));
      writeFileSync(join(dir, 'broken.json'), '{ "id": ');
      writeFileSync(join(dir, 'good.json'), readFileSync('rules/community.json', 'utf8'));
      const out: string[] = [];
      const noDatabase = () => Promise.reject(new Error('rules validate asked for a database'));
      const code = await runCommand(['rules', 'validate', 'deep.json', 'broken.json', 'good.json'], noDatabase, { out: (s) => out.push(s), err: (s) => out.push(s), progress: () => {} }, dir);
      const text = out.join('\n');
      expect(code).toBe(1);
      expect(text).toContain('错误：deep.json $.gates[0].when');
      expect(text).toContain('错误：broken.json $：不是有效的 JSON：第 1 行第 9 列');
      expect(text).toContain('通过：good.json');
      expect(text).not.toMatch(/RangeError|\n\s+at /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('request text and time limits', () => {
  it('finds a NUL, a control character or a lone surrogate anywhere in a body, with its path, and nesting past the limit', () => {
    expect(findBadText({ a: [{ b: 'ok' }, { c: 'x\u0000y' }] })).toEqual({ path: 'a.1.c', problem: '含有空字符（\\u0000）' });
    expect(findBadText({ ['k\u0001']: 1 })).toEqual({ path: 'k\u0001', problem: '字段名含有控制字符（\\u0001）' });
    expect(findBadText(['\ud800'])).toEqual({ path: '0', problem: '含有无效的 Unicode 字符' });
    expect(findBadText({ text: '第一行\n第二行\t😀' })).toBeNull();
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(findBadText(deep)?.problem).toBe('嵌套超过 64 层');
  });

  it('stops long work once its time is up', async () => {
    const check = deadline(20, '细则预览');
    check();
    await new Promise((r) => setTimeout(r, 30));
    expect(check).toThrow('细则预览超过 0 秒仍未完成，已停止，没有保存任何结果');
  });
});

describe('fuzzing rule files (bounded; scripts/fuzz.ts runs 10,000)', () => {
  it('compiles or refuses 1,000 mutated rule files, never crashing, every error naming the file and a JSON path', async () => {
    const texts = sampleRuleTexts(20261204, 1000);
    const failures: string[] = [];
    let refused = 0;
    for (const [i, text] of texts.entries()) {
      const problem = await checkRuleText(`fuzz-${i}.json`, text);
      if (problem) failures.push(problem);
      else if ((await issuesOf(text, `fuzz-${i}.json`)).length > 0) refused++;
    }
    expect(failures).toEqual([]);
    // The mutations really break files: most are refused, and some still pass.
    expect(refused).toBeGreaterThan(500);
    expect(refused).toBeLessThan(1000);
  }, 120_000);
});
