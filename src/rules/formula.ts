import { Dec, dec } from '../scoring/decimal';

/**
 * The small formula language of `total.formula` and of derived facts (`"source": "derived"`): numbers (and
 * percentages: 70% = 0.7), part ids (fact names in a derived fact), + - * /, parentheses, min(…) and max(…).
 * Parsed once into a tree and evaluated with exact decimals; nothing is ever passed to eval.
 */
export type Formula =
  | { type: 'num'; value: string; text: string }
  | { type: 'ref'; name: string }
  | { type: 'neg'; arg: Formula }
  | { type: 'bin'; op: '+' | '-' | '*' | '/'; left: Formula; right: Formula }
  | { type: 'call'; fn: 'min' | 'max'; args: Formula[] };

export class FormulaError extends Error {}

/** A division whose divisor came to 0; carries the divisor, so a derived fact can say what was 0. */
export class DivisionByZero extends FormulaError {
  constructor(readonly divisor: Formula) {
    super('公式中出现除以 0');
  }
}

type Token = { kind: 'num' | 'id' | 'op'; text: string; at: number };

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:(\d+(?:\.\d+)?%?)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/(),]))/y;
  let at = 0;
  while (at < src.length) {
    if (/^\s*$/.test(src.slice(at))) break;
    re.lastIndex = at;
    const m = re.exec(src);
    if (!m) throw new FormulaError(`第 ${at + 1} 个字符「${src.slice(at).trim()[0]}」无法识别`);
    const text = m[1] ?? m[2] ?? m[3]!;
    tokens.push({ kind: m[1] ? 'num' : m[2] ? 'id' : 'op', text, at: m.index + m[0].length - text.length });
    at = re.lastIndex;
  }
  return tokens;
}

/** Parses a formula, throwing FormulaError with the position of the first problem. */
export function parseFormula(src: string): Formula {
  const tokens = tokenize(src);
  let i = 0;
  const peek = () => tokens[i];
  const expect = (text: string) => {
    const t = tokens[i];
    if (t?.text !== text) throw new FormulaError(t ? `第 ${t.at + 1} 个字符处应为「${text}」，实际是「${t.text}」` : `公式不完整，缺少「${text}」`);
    i++;
  };
  const expr = (): Formula => {
    let left = term();
    while (peek()?.text === '+' || peek()?.text === '-') {
      const op = tokens[i++]!.text as '+' | '-';
      left = { type: 'bin', op, left, right: term() };
    }
    return left;
  };
  const term = (): Formula => {
    let left = unary();
    while (peek()?.text === '*' || peek()?.text === '/') {
      const op = tokens[i++]!.text as '*' | '/';
      left = { type: 'bin', op, left, right: unary() };
    }
    return left;
  };
  const unary = (): Formula => {
    if (peek()?.text === '-') {
      i++;
      return { type: 'neg', arg: unary() };
    }
    return primary();
  };
  const primary = (): Formula => {
    const t = tokens[i++];
    if (!t) throw new FormulaError('公式不完整');
    if (t.kind === 'num') {
      const pct = t.text.endsWith('%');
      const n = pct ? t.text.slice(0, -1) : t.text;
      return { type: 'num', value: pct ? dec(n).div(100).toString() : n, text: t.text };
    }
    if (t.kind === 'id') {
      if (peek()?.text !== '(') return { type: 'ref', name: t.text };
      if (t.text !== 'min' && t.text !== 'max') throw new FormulaError(`未知的函数「${t.text}」，只支持 min 和 max`);
      i++;
      const args = [expr()];
      while (peek()?.text === ',') {
        i++;
        args.push(expr());
      }
      expect(')');
      return { type: 'call', fn: t.text, args };
    }
    if (t.text === '(') {
      const e = expr();
      expect(')');
      return e;
    }
    throw new FormulaError(`第 ${t.at + 1} 个字符处不应出现「${t.text}」`);
  };
  const result = expr();
  if (i < tokens.length) throw new FormulaError(`第 ${tokens[i]!.at + 1} 个字符处多出了「${tokens[i]!.text}」`);
  return result;
}

/** The names a formula reads: part ids in `total`, fact names in a derived fact. */
export function formulaRefs(f: Formula): Set<string> {
  const out = new Set<string>();
  const walk = (n: Formula): void => {
    if (n.type === 'ref') out.add(n.name);
    else if (n.type === 'neg') walk(n.arg);
    else if (n.type === 'bin') (walk(n.left), walk(n.right));
    else if (n.type === 'call') n.args.forEach(walk);
  };
  walk(f);
  return out;
}

export function evaluateFormula(f: Formula, env: Readonly<Record<string, Dec>>): Dec {
  switch (f.type) {
    case 'num':
      return dec(f.value);
    case 'ref': {
      const v = env[f.name];
      if (v === undefined) throw new FormulaError(`公式引用了不存在的部分「${f.name}」`);
      return v;
    }
    case 'neg':
      return evaluateFormula(f.arg, env).neg();
    case 'call': {
      const values = f.args.map((a) => evaluateFormula(a, env));
      return f.fn === 'min' ? Dec.min(...values) : Dec.max(...values);
    }
    case 'bin': {
      const l = evaluateFormula(f.left, env);
      const r = evaluateFormula(f.right, env);
      if (f.op === '+') return l.plus(r);
      if (f.op === '-') return l.minus(r);
      if (f.op === '*') return l.times(r);
      if (r.isZero()) throw new DivisionByZero(f.right);
      return l.div(r);
    }
  }
}

/** A formula written back out, for explanations ('daily × 50% + annual × 50%'). */
export function formulaText(f: Formula, labels: Readonly<Record<string, string>> = {}): string {
  switch (f.type) {
    case 'num':
      return f.text;
    case 'ref':
      return labels[f.name] ?? f.name;
    case 'neg':
      return f.arg.type === 'bin' ? `-(${formulaText(f.arg, labels)})` : `-${formulaText(f.arg, labels)}`;
    case 'call':
      return `${f.fn === 'min' ? '取小' : '取大'}(${f.args.map((a) => formulaText(a, labels)).join('，')})`;
    case 'bin': {
      const additive = (n: Formula) => n.type === 'bin' && (n.op === '+' || n.op === '-');
      const text = (n: Formula, paren: boolean) => (paren ? `(${formulaText(n, labels)})` : formulaText(n, labels));
      const tight = f.op === '*' || f.op === '/';
      const op = { '+': ' + ', '-': ' − ', '*': ' × ', '/': ' ÷ ' }[f.op];
      // The right side of − needs brackets around + and −; of ÷ around any operation; of × around + and −.
      const rightParen = f.op === '/' ? f.right.type === 'bin' : (tight || f.op === '-') && additive(f.right);
      return `${text(f.left, tight && additive(f.left))}${op}${text(f.right, rightParen)}`;
    }
  }
}
