/**
 * A newcomer finds a file by its name: no two source files under src/ share a name, except the folder entries
 * (index.ts), which are named by their folder.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../src');
const FOLDER_ENTRIES = new Set(['index.ts', 'index.tsx']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** File names (without folder) that more than one file uses, each with the files that use it. */
function sharedNames(paths: readonly string[]): Record<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const p of paths) {
    const name = p.split('/').at(-1)!;
    if (FOLDER_ENTRIES.has(name)) continue;
    byName.set(name, [...(byName.get(name) ?? []), p]);
  }
  return Object.fromEntries([...byName].filter(([, list]) => list.length > 1));
}

describe('source file names', () => {
  it('no two files under src/ share a name, folder entries aside', () => {
    expect(sharedNames(sourceFiles(SRC).map((p) => relative(SRC, p)))).toEqual({});
  });

  it('finds a shared name when there is one', () => {
    expect(sharedNames(['fhir/read.ts', 'clinical/read.ts', 'a/index.ts', 'b/index.ts'])).toEqual({ 'read.ts': ['fhir/read.ts', 'clinical/read.ts'] });
  });
});
