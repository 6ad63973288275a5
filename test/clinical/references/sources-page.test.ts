import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCES } from '../../../src/clinical/references/registry';
import { sourcesPage } from '../../../src/clinical/references/sources-page';

describe('the sources page', () => {
  it('docs/sources.md is the page generated from the reference table (run npm run sources after editing it)', () => {
    const onDisk = readFileSync(resolve(process.cwd(), 'docs/sources.md'), 'utf8');
    expect(onDisk).toBe(sourcesPage());
  });

  it('every reference but a project working rule has a link a user can open', () => {
    const withoutLink = Object.entries(REFERENCES)
      .filter(([, ref]) => ref.kind !== 'project' && !('url' in ref && ref.url?.startsWith('https://')))
      .map(([id]) => id);
    expect(withoutLink).toEqual([]);
  });
});
