/**
 * deceased: venlafaxine stopped "after an intentional overdose; no response" is classed as stopped after an intentional
 * overdose (a safety event, from the stop-reasons table), not as lack of effect alone; lithium taken for 94 weeks with no
 * level ever recorded says so on the lithium Safety line.
 */
import { describe, expect, it } from 'vitest';
import { classifyStopReason, STOP_REASON_RULES } from '../../../src/clinical/terminology/stop-reasons';
import { stopReasonsLine } from '../../../src/clinical/vocabulary';
import { demoDerivation } from '../../views/demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');

describe('deceased: the overdose stop reason and the lithium never measured', () => {
  const d = demoDerivation('deceased', TODAY);

  it('the stop-reasons table classes a reason naming an intentional overdose as such, with its rule and source', () => {
    expect(classifyStopReason('Stopped after an intentional overdose; no response')).toEqual({ kind: 'ineffective', effects: [], safetyEvents: ['an intentional overdose'] });
    expect(classifyStopReason('No response after 8 weeks').safetyEvents).toBeUndefined();
    const row = STOP_REASON_RULES.find((r) => r.id === 'stop-reason.safety.intentional-overdose')!;
    expect(row.references).toEqual(['posner2011', 'projectWorkingRule']);
    expect(row.verification).toBe('U');
  });

  it('venlafaxine’s stop reason is shown as stopped after an intentional overdose, and for lack of effect', () => {
    const venlafaxine = d.trials.find((t) => t.ingredient === 'venlafaxine')!;
    expect(stopReasonsLine(venlafaxine)).toBe('Stop reason: "Stopped after an intentional overdose; no response" (stopped after an intentional overdose, and for lack of effect)');
  });

  it('the lithium Safety line says no lithium level was recorded in its 94 weeks', () => {
    const lithium = d.safety.find((i) => i.kind === 'lithium')!;
    expect(lithium.detail).toBe('900 mg/day, for 94 weeks until death. No lithium level recorded in 94 weeks.');
  });
});
