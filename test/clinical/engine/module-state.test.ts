/**
 * The engine keeps no state from one derivation to the next: no module of src/clinical declares a module-level `let` or
 * `var`, and no function writes to a module-level binding (a Map's set, an array's push, an assignment to one of its
 * properties). Tables built while the module loads (top-level statements) are constants and allowed; caches belong
 * in a per-derivation memo passed down. Read from the TypeScript compiler's syntax tree.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../../src/clinical');

const MUTATORS = new Set(['set', 'add', 'delete', 'clear', 'push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The identifier an expression starts from (`A` of `A.b[c].d`), or null. */
function rootName(node: ts.Expression): string | null {
  let e: ts.Expression = node;
  while (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) || ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) {
    e = e.expression;
  }
  return ts.isIdentifier(e) ? e.text : null;
}

const ASSIGNMENTS = new Set([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.MinusEqualsToken,
  ts.SyntaxKind.AsteriskEqualsToken,
  ts.SyntaxKind.SlashEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
]);

/** Module-level state of one file: `let`/`var` declarations, and writes from inside functions to module-level names. */
export function moduleStateOf(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const moduleNames = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const list = statement.declarationList;
    const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
    for (const d of list.declarations) {
      if (!ts.isIdentifier(d.name)) continue;
      moduleNames.add(d.name.text);
      if (!isConst) found.push(`module-level ${list.flags & ts.NodeFlags.Let ? 'let' : 'var'} ${d.name.text}`);
    }
  }
  const where = (node: ts.Node) => `${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node, inFunction: boolean, shadowed: ReadonlySet<string>) => {
    const isModuleName = (name: string | null): name is string => name !== null && moduleNames.has(name) && !shadowed.has(name);
    if (inFunction) {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && MUTATORS.has(node.expression.name.text)) {
        const name = rootName(node.expression.expression);
        if (isModuleName(name)) found.push(`line ${where(node)}: ${name}.${node.expression.name.text}(...) at run time`);
      }
      if (ts.isBinaryExpression(node) && ASSIGNMENTS.has(node.operatorToken.kind)) {
        const name = rootName(node.left);
        if (isModuleName(name)) found.push(`line ${where(node)}: assignment to ${node.left.getText(source)} at run time`);
      }
      if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) {
        const name = rootName(node.operand);
        if (isModuleName(name)) found.push(`line ${where(node)}: ${node.operand.getText(source)} counted at run time`);
      }
    }
    let inner = shadowed;
    if (ts.isFunctionLike(node)) {
      // A parameter or local of the same name is not the module's binding.
      const locals = new Set(shadowed);
      for (const p of node.parameters) if (ts.isIdentifier(p.name)) locals.add(p.name.text);
      const body = 'body' in node ? node.body : undefined;
      if (body) {
        const collect = (n: ts.Node) => {
          if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name)) locals.add(n.name.text);
          if (!ts.isFunctionLike(n)) ts.forEachChild(n, collect);
        };
        ts.forEachChild(body, collect);
      }
      inner = locals;
    }
    const nowInFunction = inFunction || ts.isFunctionLike(node) || ts.isClassLike(node);
    ts.forEachChild(node, (child) => visit(child, nowInFunction, inner));
  };
  visit(source, false, new Set());
  return found;
}

describe('module-level state in src/clinical', () => {
  it('finds a module-level cache written at run time, a let, and leaves a table built at load time alone', () => {
    const text = [
      'const cache = new Map<string, number>();',
      'let calls = 0;',
      'const TABLE = new Map<string, number>();',
      "for (const k of ['a', 'b']) TABLE.set(k, k.length);",
      'export function f(k: string): number {',
      '  calls++;',
      '  const local = new Map<string, number>(); local.set(k, 1);',
      '  let v = cache.get(k); if (v === undefined) { v = k.length; cache.set(k, v); }',
      '  return v + (TABLE.get(k) ?? 0);',
      '}',
      'export function g(cache: Map<string, number>): void { cache.set("x", 1); }',
    ].join('\n');
    expect(moduleStateOf('example.ts', text)).toEqual([
      'module-level let calls',
      'line 6: calls counted at run time',
      'line 8: cache.set(...) at run time',
    ]);
  });

  it('has none: no module of the engine keeps anything from one patient to the next', () => {
    const found = sourceFiles(ROOT).flatMap((file) => moduleStateOf(file, readFileSync(file, 'utf8')).map((f) => `${relative(ROOT, file)}: ${f}`));
    expect(found).toEqual([]);
  });
});
