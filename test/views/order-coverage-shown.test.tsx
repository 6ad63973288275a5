/**
 * Orders that leave a fifth of a trial's days or more uncovered say so beside the trial: on the first screen's regimen
 * line, in the trials table and in the summary note's trial line ("adherence: orders cover about ..."), instead of
 * "no dispense data"; the failed trial's caution is among the pseudo-resistance flags. Hand-made records of the shape
 * of an EHR export's re-orders (nothing copied from the public sandbox's bundles).
 */
import type { Resource } from 'fhir/r4';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { derivePatient } from '../../src/clinical';
import { RULES } from '../../src/clinical/all-rules';
import type { Derivation } from '../../src/clinical/types';
import { TreatmentResistancePage } from '../../src/views/timeline/index';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { AS_OF, PID, loincObservation, patient, rxOrder, snomedCondition } from '../clinical/ehr/ehr-builders';

afterEach(cleanup);

function derive(resources: Resource[]): Derivation {
  return derivePatient({ patientId: PID, resources: [patient(), ...resources] }, { asOf: AS_OF });
}

const MDD = () => snomedCondition('370143000', 'Major depression disorder', '2024-01-01');
const WORDS = 'orders cover about 47% of days (refill gaps 36-45 days; no supply stated, each assumed 30 days)';

/** Sertraline 100 mg re-ordered 66 to 75 days apart, each order stopped at renewal, no supply stated; PHQ-9 20 → 19. */
function pastSertraline(): Derivation {
  const orders = ['2024-01-10', '2024-03-16', '2024-05-25', '2024-08-08', '2024-10-15', '2024-12-26'].map((day) => rxOrder('328670', 'Sertraline 100MG', day, 'stopped'));
  return derive([MDD(), ...orders, loincObservation('44261-6', 'PHQ-9 total score', '2024-01-05', 20), loincObservation('44261-6', 'PHQ-9 total score', '2024-06-01', 19)]);
}

/** Bupropion 300 mg re-ordered 71 and 82 days apart, the latest order still active. */
function runningBupropion(): Derivation {
  const days = ['2026-01-05', '2026-03-17', '2026-06-07'];
  const orders = days.map((day, i) => rxOrder('993557', '24 HR bupropion hydrochloride 300 MG Extended Release Oral Tablet', day, i === days.length - 1 ? 'active' : 'stopped'));
  return derive([MDD(), ...orders]);
}

describe('a past trial whose orders cover about 47% of its days', () => {
  it("the note's trial line says the orders' coverage as its adherence, not 'no dispense data'", () => {
    const text = copyToNoteText(pastSertraline());
    expect(text).toContain(`; adherence: ${WORDS}: adherence uncertain\n`);
    expect(text).not.toContain('no dispense data');
  });

  it('the note lists the caution among the flags', () => {
    expect(copyToNoteText(pastSertraline())).toContain(`  Flag: Adherence uncertain: sertraline ${WORDS}`);
  });

  it("the trials table's adherence cell says it", async () => {
    render(<TreatmentResistancePage derivation={pastSertraline()} rules={RULES} />);
    const cells = await screen.findAllByText(`${WORDS}: adherence uncertain`, {}, { timeout: 10_000 });
    expect(cells.map((c) => c.tagName)).toEqual(['TD']);
  });
});

describe('a running trial whose orders leave gaps', () => {

  it('the regimen line names the coverage beside the trial', () => {
    render(<TreatmentResistancePage derivation={runningBupropion()} rules={RULES} />);
    expect(screen.getByTestId('current-regimen').textContent).toBe(
      'Current regimenbupropion 300 mg/day, 47 weeks; orders cover about 72% of days (refill gaps 41-52 days; 2 of 3 orders state no supply, each assumed 30 days): adherence uncertain · adequate dose and time reached; no score judges the response yet',
    );
  });
});
