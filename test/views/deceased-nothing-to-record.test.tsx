/**
 * A patient who has died: nothing can be recorded now. An adequate trial that ran until death without a score has an
 * unknown outcome, said as such, with no request to record a score or confirm with the patient; the staging is of
 * the episode that ended at death and says so. Hand-made record shaped like the public sandbox's deceased patients.
 */
import type { Resource } from 'fhir/r4';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';
import { derivePatient } from '../../src/clinical';
import { RULES } from '../../src/clinical/all-rules';
import type { Derivation } from '../../src/clinical/types';
import { TreatmentResistancePage } from '../../src/views/timeline/index';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { AS_OF, PID, patient, rxOrder, snomedCondition } from '../clinical/ehr/ehr-builders';

afterEach(cleanup);

/** A man with MDD from 2005 on fluoxetine, ordered once and still open when he died on 2012-07-31; no score ever. */
function fluoxetineUntilDeath(): Derivation {
  const mdd = snomedCondition('370143000', 'Major depression disorder', '2005-03-01');
  const order = rxOrder('310385', 'Fluoxetine 20 MG Oral Capsule', '2005-03-01', 'active');
  const resources: Resource[] = [patient({ birthDate: '1936-10-06', deceasedDateTime: '2012-07-31T10:00:00+00:00' }), mdd, order];
  return derivePatient({ patientId: PID, resources }, { asOf: AS_OF });
}

describe('deceased: an adequate trial without a score before death', () => {
  it('the engine says the outcome is unknown (no score before death) and asks for nothing to be recorded', () => {
    const d = fluoxetineUntilDeath();
    const fluoxetine = d.trials.find((t) => t.ingredient === 'fluoxetine')!;
    expect(fluoxetine.outcome).toBe('unknown');
    expect(fluoxetine.outcomeDetail).toBe('no score before death');
    expect(d.assessments[0]!.unconfirmedTrials).toEqual([{ trialId: fluoxetine.id, ingredient: 'fluoxetine', missing: 'outcome unknown (no score before death)' }]);
  });

  it('the open order is counted as taken until death, without "confirm with the patient"', () => {
    const d = fluoxetineUntilDeath();
    const notes = d.trials.find((t) => t.ingredient === 'fluoxetine')!.notes.join('\n');
    expect(notes).toContain('restated fluoxetine since 2005-03-01 (7 years 5 months before death): counted as taken until death');
    expect(notes).not.toContain('confirm with the patient');
  });

  it('the note says the outcome is unknown, and never asks to record or confirm anything', () => {
    const note = copyToNoteText(fluoxetineUntilDeath());
    expect(note).toContain('  Fluoxetine: outcome unknown (no score before death).\n');
    expect(note).not.toMatch(/to decide|record the response|record a|To confirm|confirm with the patient|score now/);
  });

  it('the note labels the staging as at death', () => {
    const note = copyToNoteText(fluoxetineUntilDeath());
    expect(note).toContain('  Thase-Rush stage 0 at death (no failed adequate antidepressant trial in the episode until death)\n');
    expect(note).toMatch(/\n {2}Maudsley Staging Method 5 at death \(/);
    expect(note).toMatch(/\n {2}MGH-S 0 at death \(/);
  });

  it('the condition line names the trial as not established before death, not "to confirm", and stages it at death', () => {
    const page = render(<TreatmentResistancePage derivation={fluoxetineUntilDeath()} rules={RULES} />);
    const facts = page.container.querySelector('[data-condition="mdd"] .trp-condition-facts')!.textContent ?? '';
    expect(facts).toContain(' · 1 not established before death: fluoxetine · staging at death: Thase-Rush stage 0 · ');
    expect(facts).not.toContain('to confirm');
  });

  it('the details list the trial with its unknown outcome and no request', () => {
    // The closed details are drawn right after the first screen: the timers are run so they are drawn here.
    vi.useFakeTimers();
    const page = render(<TreatmentResistancePage derivation={fluoxetineUntilDeath()} rules={RULES} />);
    act(() => {
      vi.runOnlyPendingTimers();
    });
    vi.useRealTimers();
    const items = [...page.container.querySelectorAll('.trp-unconfirmed li')].map((li) => li.textContent);
    expect(items).toEqual(['Fluoxetine: outcome unknown (no score before death).']);
  });
});
