/**
 * src/clinical imports in one direction: no module depends, through any chain of imports (type-only imports
 * included), on itself. One exception is named: the contract (types/) re-exports the types derived from the tables
 * that define them (the option ids from the catalog, the instruments from the scale table), and those tables use the
 * contract's basic types; these are type-only imports, erased from the code that runs. Imports are read from the
 * TypeScript compiler's syntax tree.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../../src/clinical');

/** Type-only imports by the contract of types derived from their tables (see above). */
const TABLE_DERIVED_TYPES = new Set(['types/suggestions.ts -> suggestions/catalog.ts', 'types/measurements.ts -> terminology/scales.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

interface Edge {
  to: string;
  typeOnly: boolean;
}

/** Whether an import or export declaration brings in types only (erased from the code that runs). */
function isTypeOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) return node.isTypeOnly;
  const clause = node.importClause;
  if (!clause) return false; // a side-effect import runs the module
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return !clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

/** The files of src/clinical a file imports (relative specifiers only; packages are outside the graph). */
function importsOf(file: string, files: ReadonlySet<string>): Edge[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const edges: Edge[] = [];
  for (const node of source.statements) {
    if (!ts.isImportDeclaration(node) && !ts.isExportDeclaration(node)) continue;
    const spec = node.moduleSpecifier;
    if (!spec || !ts.isStringLiteral(spec) || !spec.text.startsWith('.')) continue;
    const base = resolve(dirname(file), spec.text);
    const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((candidate) => files.has(candidate));
    if (found) edges.push({ to: found, typeOnly: isTypeOnly(node) });
  }
  return edges;
}

/** Every cycle found by a depth-first walk, each as the chain of files that closes it. */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

describe('import graph of src/clinical', () => {
  const files = new Set(sourceFiles(ROOT));
  const edges = new Map([...files].map((f) => [f, importsOf(f, files)] as const));
  const name = (f: string) => relative(ROOT, f);
  const graph = new Map(
    [...edges].map(([from, list]) => [from, list.filter((e) => !(e.typeOnly && TABLE_DERIVED_TYPES.has(`${name(from)} -> ${name(e.to)}`))).map((e) => e.to)] as const),
  );

  it('reads the imports it checks, type-only ones included', () => {
    const outcome = edges.get(join(ROOT, 'pipeline/7-outcome.ts'))!;
    expect(outcome).toContainEqual({ to: join(ROOT, 'pipeline/6-adequacy.ts'), typeOnly: true });
    expect(outcome).toContainEqual({ to: join(ROOT, 'sorted.ts'), typeOnly: false });
  });

  it('has no import cycle', () => {
    const cycles = cyclesOf(graph).map((cycle) => cycle.map(name).join(' -> '));
    expect(cycles).toEqual([]);
  });

  it('excuses only type-only imports of table-derived types, and each of them exists', () => {
    for (const excused of TABLE_DERIVED_TYPES) {
      const [from, to] = excused.split(' -> ') as [string, string];
      expect(edges.get(join(ROOT, from))).toContainEqual({ to: join(ROOT, to), typeOnly: true });
    }
  });

  it('finds a cycle when there is one', () => {
    const a = join(ROOT, 'a.ts');
    const b = join(ROOT, 'b.ts');
    expect(cyclesOf(new Map([[a, [b]], [b, [a]]]))).toEqual([[a, b, a]]);
  });
});
