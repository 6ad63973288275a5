import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED } from '../../../scripts/build-terminology';

describe('generated terminology tables', () => {
  it.each(Object.keys(GENERATED))('%s is up to date with the copied source files (run npx tsx scripts/build-terminology.ts)', (file) => {
    const committed = readFileSync(resolve(process.cwd(), 'src/clinical/data', file), 'utf8');
    expect(committed).toBe(GENERATED[file]!());
  });
});
