// The legend's keys for the bar codes the engine's verdicts produce, and its end-of-trial key for a patient who died.
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { Legend } from '../../../src/views/timeline/Legend';

const keys = (container: HTMLElement) => [...container.querySelectorAll('li span')].map((s) => s.textContent);

describe('legend', () => {
  it('has a key for a known dose whose adequacy waits for a drug level, drawn with the striped fill the bars use', () => {
    const { container } = render(<Legend />);
    const entry = [...container.querySelectorAll('li')].find((li) => li.textContent?.startsWith('Dose known, level not measured'))!;
    expect(entry.textContent).toBe('Dose known, level not measured: adequacy is judged by the drug level and none was recorded (adequacy unconfirmed; striped)');
    expect(entry.querySelector('rect')!.getAttribute('fill')).toBe('url(#trp-stripes-level-unmeasured)');
  });

  it('says the hatching covers a drug level below the adequate level, not only a dose', () => {
    const { container } = render(<Legend />);
    expect(keys(container)).toContain('Dose below the adequate dose, or a drug level below the adequate level where the level decides (hatched)');
  });

  it('keys a trial taken until death by the bar ending at the death line with its outcome mark, not by an arrow', () => {
    const { container } = render(<Legend deceased />);
    expect(keys(container)).toContain('Bar ending at the death line: trial taken until death (the mark at its end is its outcome)');
    expect(keys(container).filter((k) => k?.startsWith('Arrow:'))).toEqual([]);
    const { container: living } = render(<Legend />);
    expect(keys(living)).toContain('Arrow: trial ongoing today');
  });
});
