import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { auditChanges } from '../../src/features/audit/audit-diff';
import { auditActionLabel } from '../../src/features/audit/audit-labels';

/**
 * Actions whose code is built from a variable: the values that variable takes (checked against the source, so
 * the table cannot silently go stale). A new dynamic action makes the walk below fail until it is listed here.
 */
const dynamicValues: Record<string, string[]> = {
  'src/features/ratings/campaigns.service.ts:action': ['open', 'close'], // transitionCampaign({ action: 'open' | 'close' })
  'src/features/assessments/assessments.service.ts:half': ['self', 'review'], // the two halves of an assessment
  'src/features/files/files.service.ts:action': ['file.upload', 'file.store'], // storeFile(…, 'file.upload' | 'file.store', …)
  'src/features/cobuilding/projects.service.ts:move': ['claim', 'progress', 'proposeClose', 'approveClose', 'sendBack'], // the moves of projectMoves
  'src/features/cobuilding/projects.service.ts:change': ['match', 'meet'], // what a project does to its needs
  'src/features/cobuilding/wishes.service.ts:move': ['claim', 'fulfil'], // audited(…, 'claim' | 'fulfil', …)
  'src/features/cobuilding/list-import.ts:noun': ['need', 'resource'], // the lists imported through importList
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'ui' && dir === 'src' ? [] : sourceFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

/** Every code an `action:` initializer can evaluate to. */
function codesOf(file: string, e: ts.Expression): string[] {
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
  if (ts.isParenthesizedExpression(e)) return codesOf(file, e.expression);
  if (ts.isConditionalExpression(e)) return [...codesOf(file, e.whenTrue), ...codesOf(file, e.whenFalse)];
  if (ts.isIdentifier(e)) {
    const values = dynamicValues[`${file}:${e.text}`];
    if (!values) throw new Error(`${file}: action from the variable ${e.text}: list its values in dynamicValues`);
    return values;
  }
  if (ts.isTemplateExpression(e)) {
    let out = [e.head.text];
    for (const span of e.templateSpans) out = out.flatMap((prefix) => codesOf(file, span.expression).map((v) => prefix + v + span.literal.text));
    return out;
  }
  throw new Error(`${file}: cannot read the action ${e.getText()}`);
}

/** The action codes of every recordAudit(…) call in src/ (the command line, the demo and the server). */
function auditActionsInSource(): { codes: Set<string>; calls: number } {
  const codes = new Set<string>();
  let calls = 0;
  for (const file of sourceFiles('src')) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('recordAudit(')) continue;
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'recordAudit' && node.arguments.length === 2) {
        calls++;
        let found = 0;
        const walk = (n: ts.Node): void => {
          if (ts.isPropertyAssignment(n) && n.name.getText() === 'action') {
            found++;
            for (const c of codesOf(file, n.initializer)) codes.add(c);
          } else if (ts.isShorthandPropertyAssignment(n) && n.name.text === 'action') {
            found++;
            for (const c of codesOf(file, n.name)) codes.add(c);
          }
          ts.forEachChild(n, walk);
        };
        walk(node.arguments[1]!);
        if (found === 0) throw new Error(`${file}: a recordAudit call whose action cannot be read`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { codes, calls };
}

describe('audit action labels', () => {
  it('gives every action recorded in src/ a Chinese label', () => {
    const { codes, calls } = auditActionsInSource();
    // The walk really found the calls: 60+ recordAudit calls today, among them these actions.
    expect(calls).toBeGreaterThan(50);
    for (const known of ['token.create', 'token.revoke', 'campaign.open', 'assessment.review', 'appeal.accept', 'file.upload', 'cycle.selfAssessmentWindow']) expect(codes).toContain(known);
    const missing = [...codes].filter((c) => !auditActionLabel[c]).sort();
    expect(missing).toEqual([]);
  });

  it('reads the dynamic action values from the source they describe', () => {
    for (const [key, values] of Object.entries(dynamicValues)) {
      const file = key.slice(0, key.lastIndexOf(':'));
      const text = readFileSync(file, 'utf8');
      for (const v of values) expect(text, `${file} mentions '${v}'`).toContain(`'${v}'`);
    }
  });

  it('labels are Chinese and distinct', () => {
    const labels = Object.values(auditActionLabel);
    for (const l of labels) expect(l).toMatch(/[\u4e00-\u9fff]/);
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe('audit diff', () => {
  it('flattens nested values to dotted paths and hides unchanged fields', () => {
    const before = { name: '一网格', state: 'draft', detail: { total: '69.00', parts: [{ key: 'a', points: 3 }] }, tags: ['x', 'y'], same: 1 };
    const after = { name: '一网格', state: 'collecting', detail: { total: '71.50', parts: [{ key: 'a', points: 5 }] }, tags: ['x', 'y'], same: 1, disabled: true };
    expect(auditChanges(before, after, 'cycle')).toEqual([
      { field: 'state', label: '状态', before: '草稿', after: '台账填报中' },
      { field: 'detail.total', label: '详情 · 总分', before: '69.00', after: '71.50' },
      { field: 'detail.parts.0.points', label: '详情 · 部分 · 第 1 项 · 分值', before: '3', after: '5' },
      { field: 'disabled', label: '已停用', before: null, after: '是' },
    ]);
    // The same code reads by its entity: a draft campaign is 未开始, a draft cycle 草稿; unknown entities keep the code.
    expect(auditChanges({ state: 'draft' }, { state: 'open' }, 'rating_campaign')).toEqual([{ field: 'state', label: '状态', before: '未开始', after: '评议中' }]);
    expect(auditChanges({ state: 'draft' }, { state: 'open' }, 'something')).toEqual([{ field: 'state', label: '状态', before: 'draft', after: 'open' }]);
    // Lists of codes and roles whatever the entity.
    expect(auditChanges(null, { role: 'admin', categories: ['community', 'grid'] }, 'user').map((c) => c.after)).toEqual(['组织部门工作人员', '社区党组织、网格党支部']);
  });

  it('shows a row with only an after (a creation) or only a before (a revocation) field by field', () => {
    expect(auditChanges(null, { login: 'a', memberIds: [1, 2] })).toEqual([
      { field: 'login', label: '登录名', before: null, after: 'a' },
      { field: 'memberIds', label: '党员编号', before: null, after: '1、2' },
    ]);
    expect(auditChanges({ id: 3 }, null)).toEqual([{ field: 'id', label: '编号', before: '3', after: null }]);
    expect(auditChanges(null, null)).toEqual([]);
  });
});
