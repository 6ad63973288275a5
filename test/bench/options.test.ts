import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../scripts/bench/options';

describe('npm run bench options', () => {
  it('runs no layer pages by default', () => {
    const o = parseOptions([]);
    expect(o.layers).toBe(false);
    expect([...o.skip]).toEqual([]);
  });

  it('--only layers skips every other group and runs the layer pages', () => {
    const o = parseOptions(['--only', 'layers']);
    expect(o.layers).toBe(true);
    expect([...o.skip].sort()).toEqual(['derive', 'launch', 'population', 'realistic', 'size', 'thirty']);
  });

  it('--only launch,size keeps those two groups and leaves the layer pages out', () => {
    const o = parseOptions(['--only', 'launch, size']);
    expect(o.layers).toBe(false);
    expect(o.skip.has('launch')).toBe(false);
    expect(o.skip.has('size')).toBe(false);
    expect(o.skip.has('derive')).toBe(true);
  });
});
