// A trial stopped for a safety event (pregnancy, an intentional overdose) says so on its bar and in its accessible
// name, in the vocabulary's words, beside the outcome.
import { describe, expect, it } from 'vitest';
import { layoutLanes } from '../../../src/views/timeline/layout/lanes';
import { parseDate, rangeDomain, timeScale } from '../../../src/views/timeline/layout/domain';
import { frameFor } from '../../../src/views/timeline/layout/axis';
import { trialDetails } from '../../../src/views/timeline/details';
import { stopSafetyEventWords } from '../../../src/clinical/vocabulary';
import { demoDerivation } from '../demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');
/** The timeline container's width at 1024 × 700 (measured in the e2e run). */
const WIDTH_AT_1024 = 996;

function venlafaxine(id: string) {
  const d = demoDerivation(id, TODAY);
  const frame = frameFor(WIDTH_AT_1024);
  const x = timeScale(rangeDomain(d, 'current-episode').domain, frame.plotLeft, frame.plotRight);
  const lanes = layoutLanes(d.trials, x, frame, { top: 0, asOf: parseDate(d.asOf)!, rowHeight: 30 }).lanes;
  const bar = lanes.find((l) => l.ingredient === 'venlafaxine')!.bars.at(-1)!;
  return { bar, trial: bar.trial };
}

describe('safety stop words on the timeline', () => {
  it('pregnant-trd venlafaxine: "stopped because of pregnancy" in its accessible name, "stopped: pregnancy" on its bar at 1024 px', () => {
    const { bar, trial } = venlafaxine('pregnant-trd');
    expect(stopSafetyEventWords(trial)).toBe('stopped because of pregnancy');
    expect(stopSafetyEventWords(trial, 'short')).toBe('stopped: pregnancy');
    expect(bar.label).toBe('stopped: pregnancy');
    expect(trialDetails(trial).ariaLabel).toBe(
      'Venlafaxine; 2026-05-30 to 2026-09-04, 14 weeks; highest dose 150 mg/day, adequate trial; outcome: non-response (measured by symptom scores); stopped because of pregnancy',
    );
  });

  it('deceased venlafaxine: "non-response · stopped after an intentional overdose" on its bar and in its accessible name', () => {
    const { bar, trial } = venlafaxine('deceased');
    expect(bar.label).toBe('non-response · stopped after an intentional overdose');
    expect((trialDetails(trial).ariaLabel ?? '').endsWith('outcome: non-response (measured by symptom scores); stopped after an intentional overdose')).toBe(true);
  });

  it('a trial whose stop reason names no safety event keeps its outcome words alone', () => {
    const { bar, trial } = venlafaxine('trd-two-failures');
    expect(stopSafetyEventWords(trial)).toBeNull();
    expect((bar.label ?? '').includes('stopped')).toBe(false);
  });
});
