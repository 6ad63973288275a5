/**
 * src/clinical imports in one direction: no module depends, through any chain of imports (type-only imports
 * included), on itself. The imports are read with the TypeScript compiler's own pre-processor.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../../src/clinical');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The files of src/clinical a file imports (relative specifiers only; packages are outside the graph). */
function importsOf(file: string, files: ReadonlySet<string>): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((f) => f.fileName)
    .filter((spec) => spec.startsWith('.'))
    .flatMap((spec) => {
      const base = resolve(dirname(file), spec);
      const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((candidate) => files.has(candidate));
      return found ? [found] : [];
    });
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
  const graph = new Map([...files].map((f) => [f, importsOf(f, files)] as const));

  it('reads the imports it checks (the engine entry imports the pipeline)', () => {
    expect(graph.get(join(ROOT, 'derive.ts'))).toContain(join(ROOT, 'classify.ts'));
    expect(graph.get(join(ROOT, 'outcome.ts'))).toContain(join(ROOT, 'adequacy.ts')); // a type-only import
  });

  it('has no import cycle', () => {
    const cycles = cyclesOf(graph).map((cycle) => cycle.map((f) => relative(ROOT, f)).join(' -> '));
    expect(cycles).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const a = join(ROOT, 'a.ts');
    const b = join(ROOT, 'b.ts');
    expect(cyclesOf(new Map([[a, [b]], [b, [a]]]))).toEqual([[a, b, a]]);
  });
});
